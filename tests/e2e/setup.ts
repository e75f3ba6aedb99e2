import { afterAll, beforeAll } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from '../../scripts/browser.ts';
import { type FakeInternet, type SiteMap, startFakeInternet } from '../../scripts/fake-internet.ts';

/**
 * Starts the fake internet and Chromium with the built extension for the suite in this file, and stops both after.
 * Returns a handle whose fields are set once `beforeAll` has run.
 */
export function useExtensionBrowser(
  sites: SiteMap,
  options: { thirdPartyCookies?: boolean; alsoLoad?: string[] } = {},
): { internet: FakeInternet; browser: ExtensionBrowser } {
  const handle = {} as { internet: FakeInternet; browser: ExtensionBrowser };
  beforeAll(async () => {
    handle.internet = await startFakeInternet(sites);
    handle.browser = await launchWithExtension({ port: handle.internet.port, ...options });
  });
  afterAll(async () => {
    await handle.browser?.close();
    await handle.internet?.close();
  });
  return handle;
}
