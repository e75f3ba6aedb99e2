import { afterAll, beforeAll } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from '../../scripts/browser.ts';
import { type FakeInternet, type SiteMap, startFakeInternet } from '../../scripts/fake-internet.ts';

/**
 * Starts the fake internet and Chromium with the built extension for the suite in this file, and stops both after.
 * Returns a handle whose fields are set once `beforeAll` has run.
 */
export function useExtensionBrowser(
  sites: SiteMap,
  options: {
    thirdPartyCookies?: boolean;
    alsoLoad?: string[];
    cache?: boolean;
    args?: string[];
    backForwardCache?: boolean;
  } = {},
): { internet: FakeInternet; browser: ExtensionBrowser } {
  const handle = {} as { internet: FakeInternet; browser: ExtensionBrowser };
  beforeAll(async () => {
    handle.internet = await startFakeInternet(sites);
    const { cache, ...rest } = options;
    handle.browser = await launchWithExtension({
      port: handle.internet.port,
      ...rest,
      // Chromium caches nothing while it ignores a certificate error: trust the test certificate by its key.
      ...(cache ? { trustSpki: handle.internet.spki } : {}),
    });
  });
  afterAll(async () => {
    await handle.browser?.close();
    await handle.internet?.close();
  });
  return handle;
}
