import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ConsentStamp } from '../../lib/consent/types.ts';
import type { SiteMap } from '../../scripts/fake-internet.ts';
import { TEST_CMP_ID } from '../e2e/consent-cmp/vendor-list.ts';
import { consentSites } from '../e2e/consent-site.ts';
import { everythingStored, FIREFOX_BUILDS, type FirefoxBuild } from './firefox.ts';
import { useFirefox } from './setup.ts';

// The page's consent state in Firefox (issue 17): the reader registered in the page's main world (Firefox ≥ 128,
// in the MV2 build as in MV3), a real IAB CMP's banner answered "Refuse", and the requests after it stamped so —
// the same page as the Chromium test (tests/e2e/consent.e2e.ts).

const HOST = 'www.consent-news.example';
const SHOP = 'www.consent-shop.example';
const SITE = 'consent-news.example';
const CMP = `tcf:${TEST_CMP_ID}`;

interface Stored {
  site: string;
  path: string;
  time: number;
  sentAt?: number;
  consentAt?: ConsentStamp;
}

function consentIn(build: FirefoxBuild) {
  describe(`the page’s consent state in Firefox (${build})`, () => {
    const sites: SiteMap = {};
    // The CMP is bundled before the fake internet starts (hooks run in order).
    beforeAll(async () => {
      Object.assign(sites, await consentSites([HOST, SHOP]));
    });
    const env = useFirefox(sites, { build });

    it('ships its page scripts without WXT’s content-script wrapper (its message names the add-on to the page)', () => {
      for (const file of ['consent-reader.js', 'consent-relay.js', 'consent-detector.js']) {
        const text = readFileSync(join(FIREFOX_BUILDS[build].dir, file), 'utf8');
        expect(text.includes('content-script-started'), file).toBe(false);
      }
    });

    it('stamps a request sent before the answer not-answered, and those after "Refuse" refused', async () => {
      const page = await env.firefox.browser.newPage();
      await page.goto(`https://${HOST}/article.html`);
      await page.waitForFunction(() => document.title === 'waiting', { timeout: 15_000 });
      // The banner's second button.
      await page.click('#consent-banner button:nth-of-type(2)');
      await page.waitForFunction(() => document.title === 'answered', { timeout: 15_000 });
      const refusedAt = await page.evaluate(() => (window as never as { refusedAt: number }).refusedAt);

      const paths = ['/waiting.gif', '/after-1.gif', '/after-2.gif'];
      let found = new Map<string, Stored>();
      const settled = (e: Stored | undefined) =>
        e?.consentAt?.state === 'refused' || (e?.consentAt?.state === 'not-answered' && !!e.consentAt.answeredAt);
      for (let attempt = 0; attempt < 60 && !paths.every((p) => settled(found.get(p))); attempt++) {
        if (attempt) await new Promise((r) => setTimeout(r, 250));
        const { events = [] } = JSON.parse(await everythingStored(env.firefox)) as { events?: Stored[] };
        found = new Map(events.filter((e) => e.site === SITE).map((e) => [e.path, e]));
      }
      const waiting = found.get('/waiting.gif');
      expect(waiting?.consentAt).toMatchObject({ state: 'not-answered', cmp: CMP });
      expect(waiting?.consentAt?.answeredAt).toBeGreaterThanOrEqual(refusedAt - 50);
      expect(waiting?.consentAt?.answeredAt).toBeLessThanOrEqual(refusedAt + 50);
      for (const path of ['/after-1.gif', '/after-2.gif']) {
        const after = found.get(path);
        expect(after?.consentAt, path).toMatchObject({ state: 'refused', cmp: CMP });
        expect(after?.consentAt?.since, path).toBeGreaterThanOrEqual(refusedAt);
        expect(after?.consentAt?.since, path).toBeLessThanOrEqual(refusedAt + 200);
        expect(after?.sentAt, path).toBeGreaterThanOrEqual(refusedAt);
      }
      await page.close();
    });

    it('never gives a page the state of the page before it: refused on one site, then no banner on another', async () => {
      const page = await env.firefox.browser.newPage();
      await page.goto(`https://${HOST}/article.html`);
      await page.waitForFunction(() => document.title === 'waiting', { timeout: 15_000 });
      await page.click('#consent-banner button:nth-of-type(2)');
      await page.waitForFunction(() => document.title === 'answered', { timeout: 15_000 });
      await page.goto(`https://${SHOP}/plain.html`);
      let plain: Stored | undefined;
      for (let attempt = 0; attempt < 60; attempt++) {
        const { events = [] } = JSON.parse(await everythingStored(env.firefox)) as { events?: Stored[] };
        plain = events.find((e) => e.site === 'consent-shop.example' && e.path === '/plain.gif');
        if (plain?.consentAt && plain.consentAt.state !== 'unknown') break;
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(plain?.consentAt).toEqual({ state: 'no-banner' });
      await page.close();
    });

    it('keeps the reader off an excluded site (its name with a trailing dot too), and on every other', async () => {
      const registered = await env.firefox.inExtension(async () => {
        const { browser } = globalThis as unknown as {
          browser: {
            runtime: { sendMessage(m: unknown): Promise<unknown> };
            scripting: { getRegisteredContentScripts(): Promise<{ excludeMatches?: string[] }[]> };
          };
        };
        await browser.runtime.sendMessage({
          type: 'settings/update',
          payload: { excludedSites: ['elsewhere.example'] },
        });
        for (let i = 0; i < 100; i++) {
          const scripts = await browser.scripting.getRegisteredContentScripts();
          if (scripts.length === 2 && scripts.every((s) => s.excludeMatches?.includes('*://*.elsewhere.example./*')))
            return true;
          await new Promise((r) => setTimeout(r, 50));
        }
        return false;
      }, undefined);
      expect(registered).toBe(true);
      // The registration with the new patterns holds: the reader still reads this site's CMP.
      const page = await env.firefox.browser.newPage();
      await page.goto(`https://${HOST}/article.html`);
      await page.waitForFunction(() => document.title === 'waiting', { timeout: 15_000 });
      const listener = await page.evaluate(
        () =>
          new Promise<number>((resolve) =>
            (window as never as { __tcfapi: (...a: unknown[]) => void }).__tcfapi(
              'addEventListener',
              2,
              (d: { listenerId: number }) => resolve(d.listenerId),
            ),
          ),
      );
      // The CMP numbers its listeners from 0: the page's own, then the reader's came first.
      expect(listener).toBe(2);
      await page.close();
    });

    it('shows a hostile page no moz-extension address (the add-on’s id, per install) in any stack its code sees', async () => {
      const page = await env.firefox.browser.newPage();
      await page.goto(`https://${HOST}/hostile.html`);
      await page.waitForFunction(() => document.title === 'waited', { timeout: 15_000 });
      const seen = await page.evaluate(() => {
        const w = window as never as Record<'errors' | 'learnt' | 'stacks', string[]>;
        return { errors: w.errors, learnt: w.learnt, stacks: w.stacks };
      });
      expect(seen.errors).toEqual([]);
      expect(seen.learnt).toEqual([]);
      expect(seen.stacks.length).toBeGreaterThanOrEqual(3);
      expect(seen.stacks.filter((s) => /moz-extension:|chrome-extension:/.test(s))).toEqual([]);
      await page.close();
    });
  });
}

consentIn('firefox-mv2');
consentIn('firefox-mv3');
