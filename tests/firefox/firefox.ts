/**
 * Firefox ESR with the built add-on, driven by puppeteer-core over WebDriver BiDi (the recipe in shared/E2E.md).
 * Firefox has no host-resolver rules, so a CONNECT proxy on loopback sends every hostname to the fake internet.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

/**
 * The Firefox builds: `wxt build -b firefox` (Manifest V2, the one published) and `wxt build -b firefox --mv3`.
 */
export const FIREFOX_BUILDS = {
  'firefox-mv2': {
    dir: resolve(import.meta.dirname, '..', '..', '.output', 'firefox-mv2'),
    command: 'wxt build -b firefox',
  },
  'firefox-mv3': {
    dir: resolve(import.meta.dirname, '..', '..', '.output', 'firefox-mv3'),
    command: 'wxt build -b firefox --mv3',
  },
} as const;
export type FirefoxBuild = keyof typeof FIREFOX_BUILDS;
/** The extension's moz-extension:// host, pinned by a pref so that tests can address its pages. */
export const EXTENSION_UUID = '6f3c8a2e-1b4d-4e5f-9a0b-c1d2e3f4a5b6';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

export function firefoxPath(): string {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  const found = candidates.find((p) => p && existsSync(p));
  if (!found) {
    throw new Error(
      'Firefox not found: install it with `apt-get install -y firefox-esr` (or set FIREFOX_PATH); `npm test` does so itself when run as root.',
    );
  }
  return found;
}

/** A proxy that sends plain requests and CONNECT tunnels alike to one loopback port. */
async function startProxy(target: number): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.once('data', (first) => {
      const upstream = createConnection(target, '127.0.0.1');
      sockets.add(upstream);
      upstream.on('close', () => sockets.delete(upstream));
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
      // A tunnel: the TLS that follows goes to the fake internet as is. A plain request is passed on whole.
      if (first.toString('latin1').startsWith('CONNECT ')) client.write('HTTP/1.1 200 Connection established\r\n\r\n');
      else upstream.write(first);
      client.pipe(upstream).pipe(client);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as { port: number }).port,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

export interface FirefoxOptions {
  /** The fake internet's port. */
  port: number;
  /** Which build of the add-on to install; by default the published one, MV2. */
  build?: FirefoxBuild;
  /** Hosts Enhanced Tracking Protection blocks (its lists cannot be downloaded here); none: it stays off. */
  trackingProtection?: string[];
  /** Other unpacked extensions to install beside Disclosed. */
  alsoInstall?: string[];
  /** More Firefox prefs for this profile (`privacy.firstparty.isolate: true`), over the lane's own. */
  prefs?: Record<string, string | number | boolean>;
  /**
   * Whether the CONNECT proxy stands in for DNS (the default). `false`: no proxy, so Firefox resolves names itself
   * and its DNS cache holds them — `prefs` must then point it at a resolver (a loopback DNS-over-HTTPS server, see
   * doh.ts), and page addresses carry the fake internet's port.
   */
  proxy?: boolean;
}

export interface ExtensionFirefox {
  browser: Browser;
  /** Where the browser saves downloads, without asking. */
  downloads: string;
  /** Opens an extension page (`popup.html?tabId=3`, `options.html#/companies`) once it has loaded. */
  open(path: string): Promise<Page>;
  /** Runs `fn` in an extension page, where `browser.*` is available, then closes the page. */
  inExtension<T, A>(fn: (arg: A) => Promise<T>, arg: A): Promise<T>;
  /** The tab id of the tab showing `url` exactly. */
  tabIdOf(url: string): Promise<number>;
  close(): Promise<void>;
}

/** The `browser` global of an extension page, as far as the tests call it. */
export interface WebExtensionGlobal {
  browser: {
    tabs: { query(q: object): Promise<{ id: number; url: string }[]> };
    /** The toolbar button: `browserAction` in Manifest V2, `action` in V3. */
    browserAction?: { getBadgeText(d: { tabId: number }): Promise<string> };
    action?: { getBadgeText(d: { tabId: number }): Promise<string> };
    runtime: { sendMessage(m: unknown): Promise<unknown> };
  };
}

export async function launchFirefox(options: FirefoxOptions): Promise<ExtensionFirefox> {
  const { dir, command } = FIREFOX_BUILDS[options.build ?? 'firefox-mv2'];
  if (!existsSync(join(dir, 'manifest.json')))
    throw new Error(`No Firefox build at ${dir}: run \`npx ${command}\` first.`);
  const geckoId = (
    JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
      browser_specific_settings: { gecko: { id: string } };
    }
  ).browser_specific_settings.gecko.id;
  const proxy = options.proxy === false ? undefined : await startProxy(options.port);
  const blocked = options.trackingProtection ?? [];
  const downloads = mkdtempSync(join(tmpdir(), 'disclosed-firefox-downloads-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    acceptInsecureCerts: true,
    userDataDir: mkdtempSync(join(tmpdir(), 'disclosed-firefox-')),
    // BiDi may open moz-extension:// pages only with this.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      ...(proxy
        ? {
            'network.proxy.type': 1,
            'network.proxy.http': '127.0.0.1',
            'network.proxy.http_port': proxy.port,
            'network.proxy.ssl': '127.0.0.1',
            'network.proxy.ssl_port': proxy.port,
            'network.proxy.no_proxies_on': '',
            'network.proxy.allow_hijacking_localhost': true,
          }
        : { 'network.proxy.type': 0 }),
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: EXTENSION_UUID }),
      'privacy.trackingprotection.enabled': blocked.length > 0,
      'urlclassifier.trackingTable.testEntries': blocked.join(','),
      'urlclassifier.trackingAnnotationTable.testEntries': blocked.join(','),
      'browser.download.folderList': 2,
      'browser.download.dir': downloads,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
      ...options.prefs,
    },
  });
  const close = async () => {
    await browser.close().catch(() => undefined);
    await proxy?.close();
  };
  try {
    await browser.installExtension(dir);
    for (const dir of options.alsoInstall ?? []) await browser.installExtension(dir);
  } catch (error) {
    await close();
    throw error;
  }

  const open = async (path: string): Promise<Page> => {
    const url = `${EXTENSION_ORIGIN}/${path}`;
    const page = await browser.newPage();
    // Navigations to moz-extension:// are not reported over BiDi: start one and watch the page instead.
    page.goto(url, { timeout: 60_000 }).catch(() => undefined);
    const deadline = Date.now() + 15_000;
    for (;;) {
      const loaded = await page
        .evaluate((u) => location.href === u && document.readyState === 'complete', url)
        .catch(() => false);
      if (loaded) return page;
      if (Date.now() > deadline) throw new Error(`${url} did not load within 15 s`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const inExtension = async <T, A>(fn: (arg: A) => Promise<T>, arg: A): Promise<T> => {
    const page = await open('options.html');
    try {
      return (await page.evaluate(fn as (arg: unknown) => Promise<T>, arg)) as T;
    } finally {
      await page.close();
    }
  };
  const tabIdOf = async (url: string) => {
    const id = await inExtension(
      async (u: string) =>
        (await (globalThis as unknown as WebExtensionGlobal).browser.tabs.query({})).find((t) => t.url === u)?.id ?? -1,
      url,
    );
    if (id < 0) throw new Error(`No tab shows ${url}`);
    return id;
  };

  // The background page is up once it answers a status message: before that, the first requests could be missed.
  const deadline = Date.now() + 15_000;
  for (;;) {
    const ok = await inExtension(
      () =>
        (globalThis as unknown as WebExtensionGlobal).browser.runtime
          .sendMessage({ type: 'background/status', payload: {} })
          .then(
            (s) => !!s,
            () => false,
          ),
      undefined,
    ).catch(() => false);
    if (ok) break;
    if (Date.now() > deadline) {
      await close();
      throw new Error('The add-on background did not answer within 15 s.');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { browser, downloads, open, inExtension, tabIdOf, close };
}

/** Every stored row of every table of the add-on's IndexedDB, as JSON text, read from an extension page. */
export function everythingStored(firefox: ExtensionFirefox): Promise<string> {
  return firefox.inExtension(
    () =>
      new Promise<string>((resolve, reject) => {
        const request = indexedDB.open('disclosed');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names);
          const out: Record<string, unknown[]> = {};
          for (const name of names) {
            const all = tx.objectStore(name).getAll();
            all.onsuccess = () => {
              out[name] = all.result;
            };
          }
          tx.oncomplete = () => {
            db.close();
            resolve(JSON.stringify(out));
          };
        };
      }),
    undefined,
  );
}
