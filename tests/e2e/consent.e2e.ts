import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ConsentStamp } from '../../lib/consent/types.ts';
import { type ChromeGlobal, EXTENSION_DIR, inExtensionPage } from '../../scripts/browser.ts';
import type { SiteMap } from '../../scripts/fake-internet.ts';
import { TEST_CMP_ID } from './consent-cmp/vendor-list.ts';
import { consentSites } from './consent-site.ts';
import { everythingStored } from './extension-db.ts';
import { useExtensionBrowser } from './setup.ts';

// The page's consent state, read from its real IAB CMP (@iabtechlabtcf/cmpapi behind a banner of the test's), and
// each request stamped with it by its send time. The same pages on a site the user excluded are the pages without
// the reader: what the page's own scripts see of its CMP must be the same on both.

const NEWS = 'www.consent-news.example';
const EXCLUDED = 'www.consent-excluded.example';
const SHOP = 'www.consent-shop.example';
const CMP = `tcf:${TEST_CMP_ID}`;

const siteMap: SiteMap = {};
// The CMP is bundled before the fake internet starts (hooks run in order).
beforeAll(async () => {
  Object.assign(siteMap, await consentSites([NEWS, EXCLUDED, `${EXCLUDED}.`, SHOP]));
});
const env = useExtensionBrowser(siteMap);

interface Stored {
  host: string;
  path: string;
  site: string;
  time: number;
  sentAt?: number;
  consentAt?: ConsentStamp;
}

/** The stored events of `site`, by path (the latest of each), once `paths` all are stored and `settled`. */
async function eventsOf(
  site: string,
  paths: string[],
  settled = (e: Stored | undefined) => !!e?.consentAt && e.consentAt.state !== 'unknown',
): Promise<Map<string, Stored>> {
  let found = new Map<string, Stored>();
  for (let attempt = 0; attempt < 60; attempt++) {
    const all = JSON.parse(await everythingStored(env.browser.context, env.browser.extensionId)) as {
      events?: Stored[];
    };
    found = new Map((all.events ?? []).filter((e) => e.site === site).map((e) => [e.path, e]));
    if (paths.every((p) => settled(found.get(p)))) return found;
    await new Promise((r) => setTimeout(r, 250));
  }
  return found;
}

/** The same, their stamps only. */
async function stampsOf(
  site: string,
  paths: string[],
  settled = (s: ConsentStamp | undefined) => !!s && s.state !== 'unknown',
): Promise<Map<string, ConsentStamp | undefined>> {
  const events = await eventsOf(site, paths, (e) => settled(e?.consentAt));
  return new Map([...events].map(([path, e]) => [path, e.consentAt]));
}

const pageNumber = (p: Page, name: string): Promise<number> =>
  p.evaluate((n) => (window as never as Record<string, number>)[n] ?? Number.NaN, name);

describe('the page’s consent state, stamped on its requests', () => {
  it('a request sent before the answer is not-answered, one after the refusal refused, each since its CMP event', async () => {
    const tab = await env.browser.context.newPage();
    await tab.goto(`https://${NEWS}/article.html`);
    await tab.waitForFunction(() => document.title === 'waiting', undefined, { timeout: 15_000 });
    await tab.click('text=Refuse');
    await tab.waitForFunction(() => document.title === 'answered', undefined, { timeout: 15_000 });
    const shownAt = await pageNumber(tab, 'bannerShownAt');
    const refusedAt = await pageNumber(tab, 'refusedAt');
    const waitingSentAt = await pageNumber(tab, 'waitingSentAt');
    const started = await tab.evaluate(() => Math.round(performance.timeOrigin));

    const paths = ['/first.gif', '/waiting.gif', '/after-1.gif', '/after-2.gif'];
    // Settled: the requests before the answer know when it came.
    const events = await eventsOf('consent-news.example', paths, (e) =>
      e?.consentAt?.state === 'not-answered' ? e.consentAt.answeredAt !== undefined : !!e?.consentAt,
    );
    const stamps = new Map([...events].map(([path, e]) => [path, e.consentAt]));
    // Each request keeps when it was sent: at or before it finished, after the page started; the one the page
    // sent while its banner waited, when the page sent it.
    for (const path of paths) {
      const e = events.get(path);
      expect(e?.sentAt, path).toBeGreaterThanOrEqual(started);
      expect(e?.sentAt, path).toBeLessThanOrEqual(e?.time ?? 0);
    }
    expect(events.get('/waiting.gif')?.sentAt).toBeGreaterThanOrEqual(waitingSentAt - 50);
    expect(events.get('/waiting.gif')?.sentAt).toBeLessThanOrEqual(waitingSentAt + 50);
    // Those sent before "Refuse" say when it was clicked.
    for (const path of ['/first.gif', '/waiting.gif']) {
      expect(stamps.get(path)?.answeredAt, path).toBeGreaterThanOrEqual(refusedAt - 50);
      expect(stamps.get(path)?.answeredAt, path).toBeLessThanOrEqual(refusedAt + 50);
    }
    // As the page started, before its CMP could be asked: not answered, since the page began.
    const first = stamps.get('/first.gif');
    expect(first).toMatchObject({ state: 'not-answered', cmp: CMP });
    expect(first?.since).toBeGreaterThanOrEqual(started - 50);
    expect(first?.since).toBeLessThanOrEqual(shownAt + 50);
    // While the banner waited: not answered, since the reader saw the banner (at most one look after it showed).
    const waiting = stamps.get('/waiting.gif');
    expect(waiting).toMatchObject({ state: 'not-answered', cmp: CMP });
    expect(waiting?.since).toBeGreaterThanOrEqual(shownAt);
    expect(waiting?.since).toBeLessThanOrEqual(shownAt + 1000);
    // After "Refuse": refused, since the moment the CMP was told.
    for (const path of ['/after-1.gif', '/after-2.gif']) {
      const after = stamps.get(path);
      expect(after, path).toMatchObject({ state: 'refused', cmp: CMP });
      expect(after?.since).toBeGreaterThanOrEqual(refusedAt);
      expect(after?.since).toBeLessThanOrEqual(refusedAt + 200);
    }
    await tab.close();
  });

  it('never gives a page the state of the page before it: refused on one site, then no banner on another', async () => {
    const tab = await env.browser.context.newPage();
    await tab.goto(`https://${NEWS}/article.html`);
    await tab.waitForFunction(() => document.title === 'waiting', undefined, { timeout: 15_000 });
    await tab.click('text=Refuse');
    await tab.waitForFunction(() => document.title === 'answered', undefined, { timeout: 15_000 });
    // The same tab goes on to another site's page without a CMP; its first request is sent as it starts.
    await tab.goto(`https://${SHOP}/plain.html`);
    const stamps = await stampsOf('consent-shop.example', ['/plain.gif']);
    expect(stamps.get('/plain.gif')).toEqual({ state: 'no-banner' });
    // The refusal was recorded: the state the next page must not inherit.
    const before = await stampsOf('consent-news.example', ['/after-1.gif'], (s) => s?.state === 'refused');
    expect(before.get('/after-1.gif')?.state).toBe('refused');
    await tab.close();
  });

  it('shows a page nothing of the extension: no message, no error, no channel to forge a report on', async () => {
    const tab = await env.browser.context.newPage();
    await tab.goto(`https://${NEWS}/hostile.html`);
    await tab.waitForFunction(() => document.title === 'waited', undefined, { timeout: 15_000 });
    const seen = await tab.evaluate(() => {
      const page = window as never as Record<'heard' | 'errors' | 'learnt' | 'stacks', string[]>;
      return { heard: page.heard, errors: page.errors, learnt: page.learnt, stacks: page.stacks };
    });
    // No `message` event of the extension's (WXT's content-script wrapper posted one naming it), no error of the
    // reader's (the page's US Privacy string throws in the page's own timer), no channel name caught.
    expect({ ...seen, stacks: [] }).toEqual({ heard: [], errors: [], learnt: [], stacks: [] });
    // The page's code ran under the reader (its TCF getter, its CMP, its data's traps), and no stack it saw names
    // the extension's address: a page could tell who is reading it, and by Firefox's per-install id, who one is.
    expect(seen.stacks.length).toBeGreaterThanOrEqual(3);
    expect(seen.stacks.filter((s) => /chrome-extension:|moz-extension:/.test(s))).toEqual([]);
    // A US Privacy API is a CMP: never "no banner"; and nothing forged was recorded.
    const events = await eventsOf('consent-news.example', ['/hostile.gif'], (e) => !!e);
    expect(events.get('/hostile.gif')?.consentAt).toEqual({ state: 'unknown' });
    await tab.close();
  });

  it('ships its page scripts without WXT’s content-script wrapper, which announces the extension to the page', () => {
    for (const file of ['consent-reader.js', 'consent-relay.js', 'consent-detector.js']) {
      const text = readFileSync(join(EXTENSION_DIR, file), 'utf8');
      expect(text.includes('content-script-started'), file).toBe(false);
    }
  });

  it('a page with no CMP: no banner', async () => {
    const tab = await env.browser.context.newPage();
    await tab.goto(`https://${NEWS}/plain.html`);
    const stamps = await stampsOf('consent-news.example', ['/plain.gif']);
    expect(stamps.get('/plain.gif')).toEqual({ state: 'no-banner' });
    await tab.close();
  });

  it('a known CMP without an IAB API (autoconsent’s rules): its banner shown is not-answered; nothing clicked or hidden', async () => {
    const tab = await env.browser.context.newPage();
    await tab.goto(`https://${NEWS}/cookie-script.html`);
    await tab.waitForFunction(() => document.title === 'waiting', undefined, { timeout: 15_000 });
    // Detection only: the banner is still there and shown, untouched, and no style was added to hide anything.
    expect(await tab.isVisible('#cookiescript_injected')).toBe(true);
    expect(await tab.evaluate(() => document.querySelectorAll('style').length)).toBe(0);
    await tab.click('text=Reject all');
    await tab.waitForFunction(() => document.title === 'answered', undefined, { timeout: 15_000 });
    const waiting = await stampsOf('consent-news.example', ['/cs-waiting.gif']);
    expect(waiting.get('/cs-waiting.gif')).toMatchObject({ state: 'not-answered', cmp: 'cookie-script' });
    const after = await stampsOf('consent-news.example', ['/cs-after.gif'], (s) => s?.cmp === 'cookie-script');
    // Answered, but how this CMP does not say: unknown, never "refused" on a guess.
    expect(after.get('/cs-after.gif')).toEqual({ state: 'unknown', cmp: 'cookie-script' });
    await tab.close();
  });

  it('changes nothing the page’s own scripts see of its CMP, and is absent from a site the user excluded', async () => {
    await inExtensionPage(env.browser.context, env.browser.extensionId, async () => {
      const { chrome } = globalThis as unknown as ChromeGlobal & {
        chrome: { scripting: { getRegisteredContentScripts(): Promise<{ excludeMatches?: string[] }[]> } };
      };
      await chrome.runtime.sendMessage({
        type: 'settings/update',
        payload: { excludedSites: ['consent-excluded.example'] },
      });
      // The reader's registration follows the setting.
      for (let i = 0; i < 100; i++) {
        const scripts = await chrome.scripting.getRegisteredContentScripts();
        if (scripts.every((s) => s.excludeMatches?.includes('*://*.consent-excluded.example/*'))) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('the consent reader was not registered off the excluded site');
    });

    /** What the page's scripts saw of its CMP through an answer, then a listener added late (a page's last one). */
    const seen = async (host: string) => {
      const tab = await env.browser.context.newPage();
      await tab.goto(`https://${host}/article.html`);
      await tab.waitForFunction(() => document.title === 'waiting', undefined, { timeout: 15_000 });
      await tab.click('text=Accept all');
      await tab.waitForFunction(() => document.title === 'answered', undefined, { timeout: 15_000 });
      const saw = await tab.evaluate(() => (window as never as { pageSaw: unknown[] }).pageSaw);
      const lateListener = await tab.evaluate(
        () =>
          new Promise<number>((resolve) =>
            (window as never as { __tcfapi: (...a: unknown[]) => void }).__tcfapi(
              'addEventListener',
              2,
              (d: { listenerId: number }) => resolve(d.listenerId),
            ),
          ),
      );
      await tab.close();
      return { saw, lateListener };
    };
    const withReader = await seen(NEWS);
    const without = await seen(EXCLUDED);
    // The excluded site under its fully qualified name (a trailing dot) is the same site: no reader there either.
    const dotted = await seen(`${EXCLUDED}.`);
    expect(dotted.lateListener).toBe(without.lateListener);
    expect(withReader.saw.length).toBeGreaterThanOrEqual(3);
    // Ping, banner shown, answer: the same calls with the same answers, with the reader and without it.
    expect(withReader.saw).toEqual(without.saw);
    // The one trace a reader leaves: the CMP counted its listener, so a listener added after it gets the next id.
    // Without the reader there is none: on the excluded site it never ran.
    expect(withReader.lateListener).toBe(without.lateListener + 1);

    const stamps = await stampsOf('consent-news.example', ['/after-1.gif'], (s) => s?.state === 'accepted');
    expect(stamps.get('/after-1.gif')).toMatchObject({ state: 'accepted', cmp: CMP });
    const excluded = JSON.parse(await everythingStored(env.browser.context, env.browser.extensionId)) as {
      events?: Stored[];
    };
    expect((excluded.events ?? []).filter((e) => e.site === 'consent-excluded.example')).toEqual([]);
  });
});
