import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useExtensionBrowser } from './setup.ts';
import { TEST_SITES } from './test-site.ts';

// A letter that cites the consent ledger, in real Chromium with the built extension. The page's consent state comes
// from the consent-page part of issue 17, not yet merged: the test stamps Magnite's stored requests as that part
// will (the banner shown and not answered during the first load, refused between the two loads), sets the
// residence to Germany, and reads the composer, its letter and its printed page.
const env = useExtensionBrowser(TEST_SITES, { thirdPartyCookies: true });
const POST = 'https://www.garden-blog.example/post.html';
const shots = join(import.meta.dirname, '..', '..', 'test-results', 'screenshots');

describe('letters from the consent ledger', () => {
  it('the composer lists the requests before the answer and after the refusal, and the letter cites § 25 TDDDG with their times', async () => {
    const { context, extensionId } = env.browser;
    const page = await context.newPage();
    await page.goto(POST, { waitUntil: 'networkidle' });
    await page.goto(POST, { waitUntil: 'networkidle' });
    const ext = await context.newPage();
    await ext.goto(`chrome-extension://${extensionId}/options.html`);
    const stamped = await ext.evaluate(async () => {
      type Local = { get(key: string): Promise<Record<string, object>>; set(items: object): Promise<void> };
      const local = (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage.local;
      const settings = (await local.get('settings')).settings ?? {};
      await local.set({ settings: { ...settings, residence: 'DE' } });
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('disclosed');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const all = await new Promise<Record<string, unknown>[]>((resolve) => {
        const r = db.transaction('events').objectStore('events').getAll();
        r.onsuccess = () => resolve(r.result);
      });
      const magnite = all.filter((e) => e.company === 'magnite').sort((a, b) => Number(a.time) - Number(b.time));
      const sent = (e: Record<string, unknown>) => Number(e.sentAt ?? e.time);
      // The first page load's requests before the answer, the second's after the refusal.
      const half = Math.ceil(magnite.length / 2);
      const before = magnite.slice(0, half);
      const first = Math.min(...before.map(sent));
      const after = magnite.slice(half);
      // The answer between the two loads, as a CMP event would have it: no request's own time is changed.
      const answer = Math.round((Math.max(...before.map(sent)) + Math.min(...after.map(sent))) / 2);
      const tx = db.transaction('events', 'readwrite');
      for (const e of before) {
        e.consentAt = { state: 'not-answered', since: first - 1000, answeredAt: answer, cmp: 'tcf:28' };
        tx.objectStore('events').put(e);
      }
      for (const e of after) {
        e.consentAt = { state: 'refused', since: answer, cmp: 'tcf:28' };
        tx.objectStore('events').put(e);
      }
      await new Promise((resolve) => {
        tx.oncomplete = resolve;
      });
      return magnite.map((e) => [e.delivery, e.kinds]);
    });
    expect(stamped.length).toBeGreaterThan(1);
    await ext.goto(`chrome-extension://${extensionId}/options.html#/letter/magnite`);
    await ext.setViewportSize({ width: 1280, height: 800 });
    await ext.waitForSelector('[data-testid="consent-evidence"]');
    const listed = await ext.locator('[data-testid="consent-evidence"] li').allTextContents();
    expect(listed.some((l) => l.includes('before you answered'))).toBe(true);
    expect(listed.some((l) => l.includes('after you refused'))).toBe(true);
    expect(await ext.textContent('[data-testid="unlawful-ground"]')).toContain('§ 25 Abs. 1 und 2 TDDDG (Germany)');
    const body = await ext.inputValue('[data-testid="letter-body"]');
    expect(body).toContain('before I answered the site’s cookie banner');
    expect(body).toContain('after I had refused consent on the site’s cookie banner');
    expect(body).toContain('§ 25 Abs. 1 und 2 TDDDG (Germany)');
    expect(body).toContain('Article 17(1)(d) GDPR');
    // The time zone as a numeric offset, as every letter language writes it.
    expect(body).toMatch(/\d{1,2} [A-Z][a-z]+ 20\d\d at \d\d:\d\d:\d\d \(UTC[+-]\d\d:\d\d\)/);
    expect(body).toContain('no lawful basis under Article 6(1) GDPR');
    mkdirSync(shots, { recursive: true });
    await ext.locator('[data-testid="consent-evidence"]').scrollIntoViewIfNeeded();
    await ext.screenshot({ path: join(shots, 'composer-consent.png') });
    await ext.emulateMedia({ media: 'print' });
    await ext.screenshot({ path: join(shots, 'composer-consent-print.png'), fullPage: true });
    await ext.emulateMedia({ media: 'screen' });
  });
});
