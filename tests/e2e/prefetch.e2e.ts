import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath, EXTENSION_DIR, waitForBackground } from '../../scripts/browser.ts';
import { type SiteMap, startFakeInternet } from '../../scripts/fake-internet.ts';
import { everythingStored, storedEvents } from './extension-db.ts';
import { PopupPage, tabIdOf } from './popup-page.ts';
import { useExtensionBrowser } from './setup.ts';

// A page that asks Chromium, by speculation rules, to fetch the page its link leads to before the user clicks it.
// Chromium reports that fetch as a `main_frame` request of the tab (with `Sec-Purpose: prefetch`) while the page that
// asked stays shown: it must not become the tab's page. When the user clicks, Chromium shows the page it fetched
// (the server is not asked again), and the tab's page is then the new one.

const A = 'www.a-site.example';
const B = 'www.b-site.example';

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>` +
  `<link rel="icon" href="data:,"></head><body><h1>${title}</h1>${body}</body></html>`;

/** A page with a tracker, that prefetches `next` and links to it. */
const prefetching = (next: string) =>
  page(
    'Prefetching',
    `<script type="speculationrules">{"prefetch":[{"source":"list","urls":["${next}"]}]}</script>` +
      `<img alt="" src="https://www.google-analytics.com/collect?v=1&t=pageview">` +
      `<p><a id="next" href="${next}">Next</a></p>`,
  );
const NEXT = page('Next', '<img alt="" src="https://bat.bing.com/action/0?ti=1">');

const SITES: SiteMap = {
  [A]: {
    '/cross.html': prefetching(`https://${B}/next.html`),
    '/same.html': prefetching(`https://${A}/next.html`),
    '/next.html': NEXT,
  },
  [B]: { '/next.html': NEXT },
};

const env = useExtensionBrowser(SITES);

/** Polls until `read` returns a value equal to `expected` or the time is up; returns the last value read. */
async function eventually<T>(read: () => Promise<T>, expected: T, timeoutMs = 4000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (JSON.stringify(last) !== JSON.stringify(expected) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    last = await read();
  }
  return last;
}

/** The server's requests for a page, with the `Sec-Purpose` each carried ('' for none). */
const served = (host: string, path: string) =>
  env.internet.log.filter((r) => r.host === host && r.path === path).map((r) => String(r.headers['sec-purpose'] ?? ''));

/** Opens `path` on site A, waits until Chromium has prefetched `next`, then has the page call Meta's pixel. */
async function openAndPrefetch(path: string, next: { host: string; path: string }) {
  const tab = await env.browser.context.newPage();
  const url = `https://${A}${path}`;
  await tab.goto(url, { waitUntil: 'networkidle' });
  // The prefetch happened (else this test shows nothing): one request, marked as such.
  expect(await eventually(async () => served(next.host, next.path), ['prefetch'])).toEqual(['prefetch']);
  // A tracker the shown page calls after the prefetch: still that page's.
  await tab.evaluate(() => {
    new Image().src = 'https://www.facebook.com/tr?id=1&ev=PageView';
  });
  await env.internet.settled(300);
  return { tab, tabId: await tabIdOf(env.browser.context, env.browser.extensionId, url) };
}

async function popupOf(tabId: number, expected: Record<string, number>) {
  const popup = await PopupPage.open(env.browser.context, env.browser.extensionId, tabId);
  const counts = await eventually(() => popup.counts('companies'), expected);
  const site = await popup.text('site');
  await popup.close();
  return { counts, site };
}

async function clickNext(tab: Page, url: string) {
  await Promise.all([tab.waitForURL(url), tab.click('#next')]);
  await tab.waitForLoadState('networkidle');
  await env.internet.settled(300);
}

describe('a page that prefetches another', () => {
  it('stays the tab’s page with all its trackers while the other site’s page is prefetched, until the user goes there', async () => {
    const { tab, tabId } = await openAndPrefetch('/cross.html', { host: B, path: '/next.html' });
    const before = await popupOf(tabId, { Google: 1, Meta: 1 });
    expect(before.site).toContain('a-site.example');
    expect(before.site).not.toContain('b-site.example');
    expect(before.counts).toEqual({ Google: 1, Meta: 1 });
    // The prefetch went to B's own server: it is no company's flow of the shown page.
    const events = await storedEvents(env.browser.context, env.browser.extensionId);
    expect(events.filter((e) => e.host === B || e.site === 'b-site.example')).toEqual([]);

    const next = `https://${B}/next.html`;
    await clickNext(tab, next);
    // Shown from the prefetch: the server was not asked for the page again.
    expect(served(B, '/next.html')).toEqual(['prefetch']);
    const after = await popupOf(tabId, { Microsoft: 1 });
    expect(after.site).toContain('b-site.example');
    expect(after.counts).toEqual({ Microsoft: 1 });
    await tab.close();
  });

  it('keeps the page’s trackers of before the prefetch of a page on its own site, and starts the next page on click', async () => {
    const { tab, tabId } = await openAndPrefetch('/same.html', { host: A, path: '/next.html' });
    // Had the prefetch started a page load, Google (called before it) would be missing here.
    expect((await popupOf(tabId, { Google: 1, Meta: 1 })).counts).toEqual({ Google: 1, Meta: 1 });

    await clickNext(tab, `https://${A}/next.html`);
    expect(served(A, '/next.html')).toEqual(['prefetch']);
    const after = await popupOf(tabId, { Microsoft: 1 });
    expect(after.site).toContain('a-site.example');
    expect(after.counts).toEqual({ Microsoft: 1 });
    await tab.close();
  });
});

// Prerendering (a `prerender` rule): Chromium loads the page in a hidden frame of the tab, with its own requests, and
// shows it without a request when the user opens it. Chromium prerenders nothing in a tab DevTools is attached to
// (`PrerenderingDisabledByDevTools`), which is how Playwright drives a page: so Chromium is started here with the
// extension and a page that drives itself, and the test connects over DevTools only before and after.

const NEXT_URL = `https://${A}/shown.html`;
const PRERENDER_SITES: SiteMap = {
  [A]: {
    // Waits for the test's go-ahead (the worker is listening), then opens the page that prerenders.
    '/start.html': page(
      'Start',
      `<script>const poll = () => fetch("/go").then((r) => r.text()).then((t) => t === "go" ? location.href = "/prerendering.html" : setTimeout(poll, 100)); poll();</script>`,
    ),
    '/prerendering.html': page(
      'Prerendering',
      `<script type="speculationrules">{"prerender":[{"source":"list","urls":["${NEXT_URL}"],"eagerness":"immediate"}]}</script>` +
        '<img alt="" src="https://www.google-analytics.com/collect?v=1&t=pageview">' +
        // Once the test saw the prerendered page's pixel, the user "clicks".
        `<script>const poll = () => fetch("/open").then((r) => r.text()).then((t) => t === "go" ? location.href = "${NEXT_URL}" : setTimeout(poll, 100)); poll();</script>`,
    ),
    // Calls Meta while prerendered, and Microsoft once shown.
    '/shown.html': page(
      'Shown',
      '<img alt="" src="https://www.facebook.com/tr?id=1&ev=PageView">' +
        '<script>const shown = () => { new Image().src = "https://bat.bing.com/action/0?ti=shown"; };' +
        'if (document.prerendering) document.addEventListener("prerenderingchange", shown); else shown();</script>',
    ),
  },
};

describe('a page prerendered in the tab', () => {
  const go = { start: false, open: false };
  let chromiumProcess: ChildProcess | undefined;
  let cdp: Browser | undefined;
  afterAll(async () => {
    await cdp?.close().catch(() => undefined);
    chromiumProcess?.kill();
  });

  it('is not the shown page while prerendered, and becomes the tab’s page load when the user opens it', async () => {
    const internet = await startFakeInternet(PRERENDER_SITES, 0, (_host, path) =>
      path === '/go' || path === '/open'
        ? { type: 'text/plain', body: go[path === '/go' ? 'start' : 'open'] ? 'go' : 'wait' }
        : undefined,
    );
    try {
      const profile = mkdtempSync(join(tmpdir(), 'disclosed-profile-'));
      chromiumProcess = spawn(
        chromiumPath(),
        [
          ...CHROMIUM_ARGS,
          '--headless=new',
          `--user-data-dir=${profile}`,
          '--remote-debugging-port=0',
          `--disable-extensions-except=${EXTENSION_DIR}`,
          `--load-extension=${EXTENSION_DIR}`,
          `--host-resolver-rules=MAP * 127.0.0.1:${internet.port}, EXCLUDE localhost`,
          '--ignore-certificate-errors',
          `https://${A}/start.html`,
        ],
        { stdio: 'ignore' },
      );
      const portFile = join(profile, 'DevToolsActivePort');
      const connect = async () => {
        for (let i = 0; i < 100 && !existsSync(portFile); i++) await new Promise((r) => setTimeout(r, 100));
        const port = readFileSync(portFile, 'utf8').split('\n')[0];
        // Seen once on a busy machine: a first connection that never completed. A second try is made then.
        for (let attempt = 1; ; attempt++) {
          try {
            return await chromium.connectOverCDP(`http://127.0.0.1:${port}`, { timeout: 10_000 });
          } catch (error) {
            if (attempt === 3) throw error;
          }
        }
      };
      const workerOf = async (browser: Browser) => {
        const context = browser.contexts()[0];
        if (!context) throw new Error('No browser context');
        const worker =
          context.serviceWorkers().find((w) => w.url().endsWith('/background.js')) ??
          (await context.waitForEvent('serviceworker', { timeout: 10_000 }));
        return { context, extensionId: new URL(worker.url()).host };
      };
      cdp = await connect();
      const first = await workerOf(cdp);
      await waitForBackground(first.context, first.extensionId);
      // Detached from every page before the page that prerenders opens.
      await cdp.close();
      cdp = undefined;
      go.start = true;

      const prerenderPixel = () =>
        internet.log.find((r) => r.host === 'www.facebook.com' && r.path.startsWith('/tr?id=1'));
      for (let i = 0; i < 100 && !prerenderPixel(); i++) await new Promise((r) => setTimeout(r, 100));
      // It was prerendered (else this test shows nothing): the page and its pixel, both marked as such.
      expect(internet.log.filter((r) => r.path === '/shown.html').map((r) => r.headers['sec-purpose'])).toEqual([
        'prefetch;prerender',
      ]);
      expect(prerenderPixel()?.headers['sec-purpose']).toBe('prefetch;prerender');
      go.open = true;
      const shownPixel = () => internet.log.some((r) => r.host === 'bat.bing.com');
      for (let i = 0; i < 100 && !shownPixel(); i++) await new Promise((r) => setTimeout(r, 100));
      await internet.settled(300);
      // Shown from the prerender: the server was not asked for the page again.
      expect(internet.log.filter((r) => r.path === '/shown.html')).toHaveLength(1);

      cdp = await connect();
      const after = await workerOf(cdp);
      const stored = JSON.parse(await everythingStored(after.context, after.extensionId)) as {
        pages: { key: string; tabId: number; site: string; startedAt: number }[];
      };
      const events = await storedEvents(after.context, after.extensionId);
      const tabId = await tabIdOf(after.context, after.extensionId, NEXT_URL);
      // The tab's loads since the page that prerenders was asked for (the start page's came before).
      const asked = internet.log.find((r) => r.path === '/prerendering.html')?.time ?? 0;
      const loads = stored.pages
        .filter((p) => p.tabId === tabId && p.startedAt >= asked)
        .toSorted((a, b) => a.startedAt - b.startedAt);
      const pageOf = (host: string) => events.filter((e) => e.host === host).map((e) => e.page);
      // The page that prerendered, then the page shown: a load each.
      expect(loads.map((p) => p.site)).toEqual(['a-site.example', 'a-site.example']);
      expect(pageOf('www.google-analytics.com')).toEqual([loads[0]?.key]);
      // The prerendered page's pixel reached Meta from the site, but from no page load the user saw.
      expect(pageOf('www.facebook.com')).toEqual(['site:a-site.example']);
      expect(pageOf('bat.bing.com')).toEqual([loads[1]?.key]);
      const popup = await PopupPage.open(after.context, after.extensionId, tabId);
      expect(await eventually(() => popup.counts('companies'), { Microsoft: 1 })).toEqual({ Microsoft: 1 });
      await popup.close();
    } finally {
      await internet.close();
    }
  });
});
