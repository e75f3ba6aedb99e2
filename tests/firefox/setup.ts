import { afterAll, beforeAll } from 'vitest';
import { type FakeInternet, type SiteMap, startFakeInternet } from '../../scripts/fake-internet.ts';
import { type ExtensionFirefox, type FirefoxOptions, launchFirefox } from './firefox.ts';

/** Starts the fake internet and Firefox with the built add-on for the suite in this file, and stops both after. */
export function useFirefox(
  sites: SiteMap,
  options: Omit<FirefoxOptions, 'port'> = {},
): { internet: FakeInternet; firefox: ExtensionFirefox } {
  const handle = {} as { internet: FakeInternet; firefox: ExtensionFirefox };
  beforeAll(async () => {
    handle.internet = await startFakeInternet(sites);
    handle.firefox = await launchFirefox({ port: handle.internet.port, ...options });
  });
  afterAll(async () => {
    await handle.firefox?.close();
    await handle.internet?.close();
  });
  return handle;
}
