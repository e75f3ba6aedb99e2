import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { SiteMap } from '../../scripts/fake-internet.ts';
import { storedEvents } from './extension-db.ts';
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
