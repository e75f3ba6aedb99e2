import type { BrowserContext } from 'playwright-core';
import type { SharingEvent } from '../../lib/storage/events.ts';
import { inExtensionPage } from '../../scripts/browser.ts';

type StoredEvent = Required<Pick<SharingEvent, 'host' | 'path' | 'page' | 'site' | 'company' | 'outcome' | 'tabId'>> &
  Pick<SharingEvent, 'delivery' | 'error' | 'sentAt' | 'consentAt' | 'kinds'>;

/** Stored events, read straight from the extension's IndexedDB from an extension page: independent of the worker. */
export async function storedEvents(context: BrowserContext, extensionId: string): Promise<StoredEvent[]> {
  const all = JSON.parse(await everythingStored(context, extensionId)) as { events?: StoredEvent[] };
  return all.events ?? [];
}

export { backgroundStatus } from '../../scripts/browser.ts';

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
