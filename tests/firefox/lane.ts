import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { REDIRECTED_AWAY } from '../../lib/background/traffic.ts';
import { startFakeInternet } from '../../scripts/fake-internet.ts';
import { ARTICLE_COMPANIES, ARTICLE_UNLISTED, NEWS } from '../e2e/test-site.ts';
import { expectLinesMatchSchema, exportLines } from '../export-schema.ts';
import {
  type ExtensionFirefox,
  everythingStored,
  type FirefoxBuild,
  launchFirefox,
  type WebExtensionGlobal,
} from './firefox.ts';
import { useFirefox } from './setup.ts';
import { ETP_BLOCKED, FIREFOX_SITES, LET_THROUGH, PROTECTED, RESTRICTED, SHIMMED } from './sites.ts';

/**
 * The Firefox lane's checks, for one build of the add-on: each *.firefox.ts file runs them for its build, in a
 * browser of its own.
 */
export function firefoxLane(build: FirefoxBuild) {
  // Enhanced Tracking Protection on, blocking one tracker host; a SmartBlock-style shim extension beside Disclosed.
  const env = useFirefox(FIREFOX_SITES, {
    build,
    trackingProtection: [ETP_BLOCKED],
    alsoInstall: [join(import.meta.dirname, 'shim-extension')],
  });

  /** Screenshots of what a Firefox user sees, when `E2E_SCREENSHOTS` names a directory (nothing is saved otherwise). */
  async function screenshot(page: Page, name: string) {
    const dir = process.env.E2E_SCREENSHOTS;
    if (!dir) return;
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: join(dir, `${build}-${name}.png`) as `${string}.png`, fullPage: true });
  }

  /** Opens a web page in a new tab and waits until the server has had no request for a second: its log is complete. */
  async function visit(url: string): Promise<{ page: Page; tabId: number }> {
    const page = await env.firefox.browser.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await env.internet.settled();
    return { page, tabId: await env.firefox.tabIdOf(url) };
  }

  async function popup(tabId: number): Promise<Page> {
    const page = await env.firefox.open(`popup.html?tabId=${tabId}`);
    await page.setViewport({ width: 400, height: 800 });
    await page.waitForSelector('main[aria-busy="false"]');
    return page;
  }

  /** Company name → request count in a section of the popup. */
  function counts(page: Page, section: 'companies' | 'unlisted'): Promise<Record<string, number>> {
    return page.$$eval(`[data-testid="${section}"] [data-testid="recipient"]`, (items) =>
      Object.fromEntries(
        items.map((li) => [
          li.querySelector('[data-testid="company-name"]')?.textContent ?? '',
          Number(li.querySelector('[data-testid="requests"]')?.getAttribute('data-count')),
        ]),
      ),
    );
  }

  function badge(tabId: number): Promise<string> {
    return env.firefox.inExtension((id: number) => {
      const { browser } = globalThis as unknown as WebExtensionGlobal;
      const button = browser.action ?? browser.browserAction;
      if (!button) throw new Error('no toolbar button API');
      return button.getBadgeText({ tabId: id });
    }, tabId);
  }

  type Stored = { host: string; company: string; site: string; error?: string; delivery?: string };
  async function stored(firefox: ExtensionFirefox): Promise<Record<string, unknown[]>> {
    return JSON.parse(await everythingStored(firefox)) as Record<string, unknown[]>;
  }

  /** The stored totals the views are built from, in a stable order. */
  async function totals(firefox: ExtensionFirefox): Promise<string> {
    const all = await stored(firefox);
    const sort = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).sort();
    return JSON.stringify({ flows: sort(all.siteCompanies ?? []), days: sort(all.dayCompanies ?? []) });
  }

  let exported = '';
  /** The article's tab, kept open from the first test for the badge. */
  let article: { page: Page; tabId: number } | undefined;

  describe('Firefox: the installed add-on', () => {
    it('runs the build asked for, with its button in the toolbar', async () => {
      const manifest = await env.firefox.inExtension(
        async () =>
          (
            globalThis as unknown as {
              browser: { runtime: { getManifest(): Record<string, unknown> & { manifest_version: number } } };
            }
          ).browser.runtime.getManifest(),
        undefined,
      );
      expect(manifest.manifest_version).toBe(build === 'firefox-mv3' ? 3 : 2);
      const button = (manifest.manifest_version === 3 ? manifest.action : manifest.browser_action) as {
        default_area?: string;
      };
      expect(button.default_area).toBe('navbar');
    });
  });

  describe('Firefox: the popup on the news article', () => {
    it('names each company with the number of requests the server received from the page, and their kinds', async () => {
      const url = `https://${NEWS}/article.html`;
      article = await visit(url);
      const { tabId } = article;
      // A request the server hung up on is one request, however often the browser retried it.
      const made = (hosts: readonly string[]) => {
        const hits = env.internet.requestsTo([...hosts]);
        const dropped = new Set(hits.filter((r) => r.path.startsWith('/drop/')).map((r) => `${r.host}${r.path}`));
        return hits.filter((r) => !r.path.startsWith('/drop/')).length + dropped.size;
      };
      const expected = Object.fromEntries(
        Object.entries(ARTICLE_COMPANIES).map(([name, hosts]) => [name, made(hosts)]),
      );
      expect(expected.Google).toBe(3);
      expect(Object.values(expected).every((n) => n > 0)).toBe(true);

      const view = await popup(tabId);
      await expect.poll(() => counts(view, 'companies'), { timeout: 20_000 }).toEqual(expected);
      const unlisted = Object.fromEntries(
        Object.entries(ARTICLE_UNLISTED).map(([name, hosts]) => [name, env.internet.requestsTo([...hosts]).length]),
      );
      expect(await counts(view, 'unlisted')).toEqual(unlisted);
      const text = (selector: string) => view.$eval(selector, (el) => el.textContent);
      expect(await text('[data-testid="site"]')).toContain('news-site.example');
      expect(await text('[data-company="microsoft"] [data-testid="domains"]')).toBe('bat.bing.com, ib.adnxs.com');
      expect(await text('[data-company="google"] [data-testid="categories"]')).toBe('Site analytics, Advertising');
      // The request the server hung up on reached it, and is shown as failed.
      expect(await text('[data-company="microsoft"]')).toContain('1 blocked, failed or from the cache');
      await screenshot(view, 'popup-article');
      await view.close();
    });

    it("sets the toolbar button's badge to the number of companies that received data on the tab", async () => {
      // The article's tab, whose companies the first test checked against the server's log: badge and popup agree.
      if (!article) throw new Error('the first test did not open the article');
      // Four named companies and one unlisted third party.
      await expect.poll(() => badge(article?.tabId ?? -1), { timeout: 20_000 }).toBe('5');
      await article.page.close();
    });
  });

  describe('Firefox: tracking protection and SmartBlock-style shims', () => {
    it('shows what Firefox stopped as tried, never as received, and nothing of it reached the server', async () => {
      const url = `https://${PROTECTED}/index.html`;
      const { page, tabId } = await visit(url);
      expect(env.internet.requestsTo([ETP_BLOCKED])).toEqual([]);
      expect(env.internet.requestsTo([SHIMMED])).toEqual([]);
      expect(env.internet.requestsTo([LET_THROUGH]).length).toBe(1);

      const events = async () =>
        ((await stored(env.firefox)).events as Stored[]).filter((e) => e.site === 'protected-news.example');
      await expect.poll(async () => (await events()).length, { timeout: 20_000 }).toBe(3);
      const byHost = Object.fromEntries((await events()).map((e) => [e.host, e]));
      // As Firefox reported each: its tracking protection's error, the shim's redirect to a moz-extension: address.
      expect(byHost[ETP_BLOCKED]).toMatchObject({ company: 'criteo', error: 'NS_ERROR_TRACKING_URI' });
      expect(byHost[SHIMMED]).toMatchObject({ company: 'comscore', error: REDIRECTED_AWAY });
      for (const host of [ETP_BLOCKED, SHIMMED]) expect(byHost[host]?.delivery).toBe('not-received');
      expect(byHost[LET_THROUGH]).toMatchObject({ company: 'hotjar', delivery: 'received' });

      const view = await popup(tabId);
      await view.waitForSelector('[data-testid="attempted"] [data-company="criteo"]');
      expect(await counts(view, 'companies')).toEqual({ Hotjar: 1 });
      const attempted = await view.$$eval('[data-testid="attempted"] [data-company]', (items) =>
        items.map((li) => li.getAttribute('data-company')).sort(),
      );
      expect(attempted).toEqual(['comscore', 'criteo']);
      expect(await view.$eval('#attempted-heading', (el) => el.textContent)).toBe(
        'Tried to send data — blocked by your browser or another extension',
      );
      expect(await view.$$('[data-testid="attempted"] [data-testid="draft-letter"]')).toEqual([]);
      await screenshot(view, 'popup-protected');
      await view.close();
      // Only the one company that received data counts on the badge.
      await expect.poll(() => badge(tabId), { timeout: 20_000 }).toBe('1');
      await page.close();
    });
  });

  describe('Firefox: the dashboard, and an export imported into a new profile', () => {
    it('lists the companies that received data, and none that were stopped', async () => {
      const page = await env.firefox.open('options.html#/companies');
      await page.setViewport({ width: 1280, height: 800 });
      await page.waitForSelector('[data-testid="companies-table"] tbody tr');
      const names = async () =>
        (
          await page.$$eval('[data-testid="companies-table"] tbody tr td:first-child', (cells) =>
            cells.map((c) => c.textContent ?? ''),
          )
        ).sort();
      await expect
        .poll(names, { timeout: 20_000 })
        .toEqual(['Google', 'Hotjar', 'Magnite', 'Meta', 'Microsoft', 'unlisted-widgets.example']);
      // The two Firefox stopped are listed apart, as having tried.
      const attempted = await page.$$eval('[data-testid="attempted-companies"] tbody tr td:first-child', (cells) =>
        cells.map((c) => c.textContent ?? '').sort(),
      );
      expect(attempted).toEqual(['Criteo', 'comScore, Inc.']);
      await screenshot(page, 'dashboard-companies');
      await page.close();
    });

    it("exports JSON through the dashboard's button, and a fresh profile that imports it has the same totals", async () => {
      const before = await totals(env.firefox);
      expect(before).toContain('news-site.example');
      const page = await env.firefox.open('options.html#/settings');
      await page.waitForSelector('[data-testid="import-input"]');
      const [button] = await page.$$('xpath/.//button[normalize-space()="Export JSON"]');
      if (!button) throw new Error('no Export JSON button');
      await button.click();
      const file = async () =>
        readdirSync(env.firefox.downloads).find((f) => /^disclosed-\d{4}-\d{2}-\d{2}\.ndjson$/.test(f)) ?? '';
      await expect.poll(file, { timeout: 10_000 }).not.toBe('');
      const path = join(env.firefox.downloads, await file());
      // Written whole before it is read: the last line ends the file.
      await expect
        .poll(() => existsSync(path) && readFileSync(path, 'utf8').endsWith('\n'), { timeout: 20_000 })
        .toBe(true);
      exported = path;
      const text = readFileSync(path, 'utf8');
      expectLinesMatchSchema(text);
      expect(exportLines(text)[0]).toMatchObject({ format: 'disclosed-export', version: 4 });
      await page.close();

      const internet = await startFakeInternet({});
      const fresh = await launchFirefox({ port: internet.port, build });
      try {
        expect(await totals(fresh)).toBe(JSON.stringify({ flows: [], days: [] }));
        const settings = await fresh.open('options.html#/settings');
        const input = await settings.waitForSelector('[data-testid="import-input"]');
        await (input as unknown as { uploadFile(p: string): Promise<void> }).uploadFile(exported);
        await settings.waitForFunction(
          () => document.querySelector('[data-testid="data-message"]')?.textContent?.includes('Imported:'),
          { timeout: 10_000 },
        );
        expect(await totals(fresh)).toBe(before);
        await settings.close();
      } finally {
        await fresh.close();
        await internet.close();
      }
    });
  });

  describe('Firefox: classroom mode', () => {
    it('shows a card for each company that receives data during the session', async () => {
      const classroom = await env.firefox.open('classroom.html');
      await classroom.setViewport({ width: 1280, height: 800 });
      await classroom.click('[data-testid="classroom-start"]');
      await classroom.waitForSelector('[data-testid="classroom-empty"]');
      const page = await env.firefox.browser.newPage();
      // Loaded is enough: the feed is polled for.
      await page.goto(`https://${NEWS}/article.html?classroom`, { waitUntil: 'load' });
      const companies = async () =>
        new Set(
          await classroom.$$eval('[data-testid="feed-company"]', (items) => items.map((i) => i.textContent ?? '')),
        );
      await expect
        .poll(companies, { timeout: 20_000 })
        .toEqual(new Set(['Google', 'Meta', 'Microsoft', 'Magnite', 'unlisted-widgets.example']));
      expect(await classroom.$eval('[data-testid="count-companies"]', (el) => Number(el.textContent))).toBe(5);
      await screenshot(classroom, 'classroom');
      await classroom.click('[data-testid="classroom-end"]');
      await classroom.waitForSelector('[data-testid="classroom-start"]');
      await page.close();
      await classroom.close();
    });
  });

  describe('Firefox: where Disclosed cannot see, the popup says so instead of "no company received data"', () => {
    /** The popup's "not observing" state: its reason, and whether it claims that nothing was sent. */
    async function unobserved(tabId: number, reason: string) {
      const view = await popup(tabId);
      const state = await view.waitForSelector(`[data-testid="unobserved"][data-reason="${reason}"]`, {
        timeout: 10_000,
      });
      const text = await state?.evaluate((el) => el.textContent ?? '');
      const claimsNothing = (await view.$$('[data-testid="nothing-shared"]')).length > 0;
      await screenshot(view, `popup-${reason}`);
      await view.close();
      return { text, claimsNothing };
    }
    const settings = (patch: object) =>
      env.firefox.inExtension(
        (p: string) =>
          (globalThis as unknown as WebExtensionGlobal).browser.runtime.sendMessage({
            type: 'settings/update',
            payload: JSON.parse(p),
          }),
        JSON.stringify(patch),
      );

    it("one of Firefox's restricted domains: says the browser keeps every add-on away from it", async () => {
      const page = await env.firefox.browser.newPage();
      await page.goto(RESTRICTED, { waitUntil: 'load' });
      const seen = await unobserved(await env.firefox.tabIdOf(RESTRICTED), 'protected-site');
      expect(seen).toEqual({ text: expect.stringContaining('keeps every extension away'), claimsNothing: false });
      await page.close();
    });

    it('recording paused: says so, and nothing the page sent is recorded', async () => {
      await settings({ paused: true });
      try {
        const url = `https://${NEWS}/index.html?paused`;
        const { page, tabId } = await visit(url);
        const seen = await unobserved(tabId, 'paused');
        expect(seen).toEqual({ text: expect.stringContaining('Recording is paused'), claimsNothing: false });
        const events = (await stored(env.firefox)).events as { time: number; tabId: number }[];
        expect(events.filter((e) => e.tabId === tabId)).toEqual([]);
        await page.close();
      } finally {
        await settings({ paused: false });
      }
    });

    // Manifest V3 only: there the user can take site access back (Manifest V2 add-ons keep theirs). Last, since
    // Disclosed sees nothing afterwards in this browser.
    if (build !== 'firefox-mv3') return;
    it('site access taken back: says Disclosed is not allowed on the site', async () => {
      const removed = await env.firefox.inExtension(
        () =>
          (
            globalThis as unknown as { browser: { permissions: { remove(p: object): Promise<boolean> } } }
          ).browser.permissions.remove({ origins: ['<all_urls>'] }),
        undefined,
      );
      expect(removed).toBe(true);
      const url = `https://${NEWS}/index.html?no-access`;
      const { page, tabId } = await visit(url);
      const seen = await unobserved(tabId, 'no-access');
      expect(seen).toEqual({ text: expect.stringContaining('is not allowed on this site'), claimsNothing: false });
      await page.close();
    });
  });
}
