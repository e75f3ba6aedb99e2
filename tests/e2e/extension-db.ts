import type { BrowserContext } from 'playwright-core';
import type { SharingEvent } from '../../lib/storage/db.ts';

type StoredEvent = Required<Pick<SharingEvent, 'host' | 'path' | 'page' | 'site' | 'company' | 'outcome' | 'tabId'>>;

/** Reads stored events straight from the extension's IndexedDB, from an extension page: independent of the worker. */
export async function storedEvents(context: BrowserContext, extensionId: string): Promise<StoredEvent[]> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const events = await page.evaluate(
    () =>
      new Promise<StoredEvent[]>((resolve, reject) => {
        const open = indexedDB.open('disclosed');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('events').objectStore('events').getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result);
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
  await page.close();
  return events;
}

export { backgroundStatus } from '../../scripts/browser.ts';

import { inExtensionPage } from '../../scripts/browser.ts';

/** Every stored row of every table, as JSON text: to check that something left no trace. */
export function everythingStored(context: BrowserContext, extensionId: string): Promise<string> {
  return inExtensionPage(
    context,
    extensionId,
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('disclosed');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names);
          const out: Record<string, unknown[]> = {};
          for (const name of names) {
            const request = tx.objectStore(name).getAll();
            request.onsuccess = () => {
              out[name] = request.result;
            };
          }
          tx.oncomplete = () => {
            db.close();
            resolve(JSON.stringify(out));
          };
        };
      }),
  );
}
