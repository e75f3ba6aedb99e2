import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import messages from '../../public/_locales/en/messages.json' with { type: 'json' };
import type { SiteMap } from '../../scripts/fake-internet.ts';
import { exportLines } from '../export-schema.ts';
import { TEST_CMP_ID } from './consent-cmp/vendor-list.ts';
import { consentSites } from './consent-site.ts';
import { storedEvents } from './extension-db.ts';
import { PopupPage, tabIdOf } from './popup-page.ts';
import { useExtensionBrowser } from './setup.ts';

// The consent ledger from end to end, in real Chromium: a page with the IAB's own CMP (@iabtechlabtcf/cmpapi behind
// the test's banner) sends Google Analytics a client id while its banner waits, the person clicks "Refuse", then the
// page sends Meta's pixel its browser id. The popup, the company pages, the settings page's export and a drafted
// letter must each tell that sequence, with the times the browser recorded — and a page without a CMP says so.

const HOST = 'www.ledger-news.example';
const SITE = 'ledger-news.example';
const CMP = `tcf:${TEST_CMP_ID}`;

const siteMap: SiteMap = {};
beforeAll(async () => {
  Object.assign(siteMap, await consentSites([HOST]));
});
const env = useExtensionBrowser(siteMap);

interface ExportedEvent {
  time: string;
  sentAt?: string;
  host: string;
  path: string;
  site: string;
  consentAt?: { state: string; since?: string; answeredAt?: string; cmp?: string };
}

describe('the consent ledger, from a real CMP to the letter', () => {
  it('before the answer and after the refusal: the popup, the company pages, the export and the letters say so', async () => {
    const { context, extensionId } = env.browser;
    const tab = await context.newPage();
    const url = `https://${HOST}/ledger.html`;
    await tab.goto(url);
    await tab.waitForFunction(() => document.title === 'waiting', undefined, { timeout: 15_000 });
    await tab.click('text=Refuse');
    await tab.waitForFunction(() => document.title === 'answered', undefined, { timeout: 15_000 });
    const refusedAt = await tab.evaluate(() => (window as never as { refusedAt: number }).refusedAt);
    expect(Number.isFinite(refusedAt)).toBe(true);

    // Stored, each stamped by its send time: Google's two before the refusal, Meta's two after it.
    let events: Awaited<ReturnType<typeof storedEvents>> = [];
    await expect
      .poll(
        async () => {
          events = (await storedEvents(context, extensionId)).filter((e) => e.site === SITE);
          const ga = events.filter((e) => e.host === 'www.google-analytics.com');
          const fb = events.filter((e) => e.host === 'www.facebook.com');
          return (
            ga.length === 2 &&
            fb.length === 2 &&
            ga.every((e) => e.consentAt?.answeredAt !== undefined) &&
            fb.every((e) => e.consentAt?.state === 'refused')
          );
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    const google = events.find((e) => e.host === 'www.google-analytics.com');
    const meta = events.find((e) => e.host === 'www.facebook.com');
    for (const e of events.filter((e) => e.host === 'www.google-analytics.com')) {
      expect(e.consentAt).toMatchObject({ state: 'not-answered', cmp: CMP });
      expect(Math.abs((e.consentAt?.answeredAt ?? 0) - refusedAt)).toBeLessThanOrEqual(50);
      expect(e.sentAt).toBeLessThan(refusedAt);
      expect(e.kinds).toContain('identifier');
    }
    for (const e of events.filter((e) => e.host === 'www.facebook.com')) {
      expect(e.consentAt).toMatchObject({ state: 'refused', cmp: CMP });
      expect(e.sentAt).toBeGreaterThan(refusedAt);
    }
    if (!google || !meta) throw new Error('no Google or Meta event');

    // The popup: the page's banner was refused; Google got its data before the answer, Meta after the refusal.
    const popup = await PopupPage.open(context, extensionId, await tabIdOf(context, extensionId, url));
    const state = popup.page.locator('[data-testid="consent-state"]');
    expect(await state.getAttribute('data-state')).toBe('refused');
    expect(await state.textContent()).toContain('refused');
    const card = (name: string) =>
      popup.page.locator('[data-testid="recipient"]', {
        has: popup.page.locator('[data-testid="company-name"]', { hasText: name }),
      });
    const googleFlow = card('Google').locator('[data-testid="consent-flow"]');
    expect(await googleFlow.getAttribute('data-moment')).toBe('before-answer');
    expect(await googleFlow.textContent()).toMatch(
      /\d+ seconds? before you answered the cookie banner|less than a second before you answered/,
    );
    const metaFlow = card('Meta').locator('[data-testid="consent-flow"]');
    expect(await metaFlow.getAttribute('data-moment')).toBe('after-refusal');
    expect(await metaFlow.textContent()).toContain('after you refused');
    await popup.close();

    // The company pages list the same requests with their moments.
    const dashboard = await context.newPage();
    for (const [event, moment] of [
      [google, 'before-answer'],
      [meta, 'after-refusal'],
    ] as const) {
      await dashboard.goto(
        `chrome-extension://${extensionId}/options.html#/company/${encodeURIComponent(event.company)}`,
      );
      const rows = dashboard.locator('[data-testid="consent-flow-row"]');
      await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(2);
      expect(await rows.evaluateAll((r) => r.map((row) => row.getAttribute('data-moment')))).toEqual([moment, moment]);
    }

    // The export carries the sequence: send times, the refusal's time on the requests before it.
    await dashboard.goto(`chrome-extension://${extensionId}/options.html#/settings`);
    const [download] = await Promise.all([
      dashboard.waitForEvent('download'),
      dashboard.getByRole('button', { name: messages.optionsExportJson.message }).click(),
    ]);
    const exported = (exportLines(readFileSync(await download.path(), 'utf8')) as { event?: ExportedEvent }[])
      .flatMap((r) => (r.event && r.event.site === SITE ? [r.event] : []))
      .sort((a, b) => Date.parse(a.sentAt ?? a.time) - Date.parse(b.sentAt ?? b.time));
    expect(exported.map((e) => [e.host, e.consentAt?.state])).toEqual([
      ['www.google-analytics.com', 'not-answered'],
      ['www.google-analytics.com', 'not-answered'],
      ['www.facebook.com', 'refused'],
      ['www.facebook.com', 'refused'],
    ]);
    const refusal = new Date(google.consentAt?.answeredAt ?? 0).toISOString();
    expect(exported.slice(0, 2).map((e) => e.consentAt?.answeredAt)).toEqual([refusal, refusal]);
    expect(exported.slice(2).map((e) => e.consentAt?.since)).toEqual([
      new Date(meta.consentAt?.since ?? 0).toISOString(),
      new Date(meta.consentAt?.since ?? 0).toISOString(),
    ]);

    // The letters: a German resident's, citing § 25 TDDDG and Art. 17(1)(d), with the moment of each company's.
    await dashboard.evaluate(async () => {
      type Local = { get(key: string): Promise<Record<string, object>>; set(items: object): Promise<void> };
      const local = (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage.local;
      const settings = (await local.get('settings')).settings ?? {};
      await local.set({ settings: { ...settings, residence: 'DE' } });
    });
    for (const [event, said] of [
      [google, 'before I answered the site’s cookie banner'],
      [meta, 'after I had refused consent on the site’s cookie banner'],
    ] as const) {
      await dashboard.goto(
        `chrome-extension://${extensionId}/options.html#/letter/${encodeURIComponent(event.company)}`,
      );
      await dashboard.waitForSelector('[data-testid="unlawful-ground"]');
      expect(await dashboard.textContent('[data-testid="unlawful-ground"]')).toContain(
        '§ 25 Abs. 1 und 2 TDDDG (Germany)',
      );
      // The letter is written once the company's evidence is read: its text comes a moment after the composer.
      const body = () => dashboard.inputValue('[data-testid="letter-body"]');
      await expect.poll(body, { timeout: 10_000 }).toContain(said);
      const letter = await body();
      expect(letter).toContain('Article 17(1)(d) GDPR');
      expect(letter).toContain(event.host);
    }
    await dashboard.close();
    await tab.close();
  });

  it('a page with no CMP says there was no banner, and claims nothing of consent', async () => {
    const { context, extensionId } = env.browser;
    const tab = await context.newPage();
    const url = `https://${HOST}/plain.html`;
    await tab.goto(url, { waitUntil: 'load' });
    await expect
      .poll(
        async () => (await storedEvents(context, extensionId)).find((e) => e.path === '/plain.gif')?.consentAt?.state,
        { timeout: 15_000 },
      )
      .toBe('no-banner');
    const popup = await PopupPage.open(context, extensionId, await tabIdOf(context, extensionId, url));
    const state = popup.page.locator('[data-testid="consent-state"]');
    expect(await state.getAttribute('data-state')).toBe('no-banner');
    expect(await state.textContent()).toBe(messages.popupConsentStateNoBanner.message);
    expect(await popup.page.locator('[data-testid="consent-flow"]').count()).toBe(0);
    await popup.close();
    await tab.close();
  });
});
