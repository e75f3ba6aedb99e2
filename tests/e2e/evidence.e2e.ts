import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { storedEvents } from './extension-db.ts';
import { pdfText } from './pdf-text.ts';
import { useExtensionBrowser } from './setup.ts';
import { ARTICLE_COMPANIES, ARTICLE_UNLISTED, NEWS, TEST_SITES } from './test-site.ts';

// The evidence screens against the server's own log: the article is visited with Meta blocked by a second extension,
// so the report and the request log must say Google, Magnite, Microsoft and the unlisted widget received what the
// server logged, and list Meta's requests as attempts only.

const env = useExtensionBrowser(TEST_SITES, { alsoLoad: [join(import.meta.dirname, 'blocking-extension')] });
const SITE = 'news-site.example';
const HOSTS = { ...ARTICLE_COMPANIES, ...ARTICLE_UNLISTED };
type Name = keyof typeof HOSTS;

/** Screenshots and PDFs of what a user sees, when `E2E_SCREENSHOTS` names a directory (nothing is saved otherwise). */
function save(name: string, data: Buffer) {
  const dir = process.env.E2E_SCREENSHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), data);
}

async function open(route: string): Promise<Page> {
  const page = await env.browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`chrome-extension://${env.browser.extensionId}/options.html#/${route}`);
  return page;
}

/** What the server logged for a company's hosts: `host/path` without the query (as the extension stores it). */
const logged = (name: Name, answeredOnly = false) =>
  env.internet
    .requestsTo([...HOSTS[name]])
    .filter((r) => !answeredOnly || !r.path.startsWith('/drop/'))
    .map((r) => `${r.host}${r.path.split('?')[0]}`);

async function expectAccessible(page: Page, name: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    expect(await axeViolations(page), colorScheme).toEqual([]);
    save(`${name}-${colorScheme}.png`, await page.screenshot({ fullPage: true }));
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

describe('evidence people can keep', () => {
  beforeAll(async () => {
    const page = await env.browser.context.newPage();
    await page.goto(`https://${NEWS}/article.html?evidence`, { waitUntil: 'networkidle' });
    // Everything observed is stored before the screens read it.
    const heard = (Object.keys(HOSTS) as Name[]).flatMap((name) => logged(name)).length;
    for (let tries = 0; tries < 100; tries++) {
      const stored = (await storedEvents(env.browser.context, env.browser.extensionId)).filter(
        (e) => e.company !== 'facebook',
      );
      if (stored.length >= heard) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await page.close();
    expect(logged('Meta')).toEqual([]);
  });

  it("reports what a company received as the server's log shows it, with the parameters and no values", async () => {
    const page = await open('company/google');
    await page.click('[data-testid="report-link"]');
    await page.waitForSelector('[data-testid="report-received"] tbody tr');
    expect(await page.textContent('[data-testid="report-subject"]')).toBe('Google');
    const rows = page.locator('[data-testid="report-received"] tbody tr');
    expect(await rows.locator('th').allTextContents()).toEqual([SITE]);
    expect(Number(await rows.locator('td.num').textContent())).toBe(logged('Google', true).length);
    expect(Number(await page.textContent('[data-testid="report-received-requests"]'))).toBe(
      logged('Google', true).length,
    );
    // Decoded: the identifier and the parameter that carried it, never its value (cid=555.666 in the address).
    const identifier = page.locator('[data-testid="report-kinds"] tr[data-kind="identifier"]');
    expect(await identifier.textContent()).toContain('cid');
    expect(await page.locator('main').textContent()).not.toContain('555.666');
    // The method statement: how, what counts as received, the tracker data and its licence, local only.
    const method = (await page.textContent('[data-testid="report-method"]')) ?? '';
    expect(method).toContain('webRequest');
    expect(method).toContain('counts as received only when');
    expect(method).toContain('CC BY-NC-SA 4.0');
    expect(method).toContain('Ghostery');
    expect(method).toContain('Nothing in it left this device');
    await expectAccessible(page, 'report-company-google');
    await page.close();
  });

  it('keeps an attempted (blocked) company out of what was received', async () => {
    const meta = (await storedEvents(env.browser.context, env.browser.extensionId)).filter(
      (e) => e.company === 'facebook',
    );
    expect(meta.length).toBeGreaterThan(0);
    const page = await open('report/company/facebook');
    await page.waitForSelector('[data-testid="report-attempted"] tbody tr');
    expect(await page.locator('[data-testid="report-received"]').count()).toBe(0);
    expect(await page.textContent('[data-testid="report-received-requests"]')).toBe('0');
    expect(await page.textContent('[data-testid="report-attempted-requests"]')).toBe(String(meta.length));
    expect(await page.locator('[data-testid="report-attempted"] tbody th').allTextContents()).toEqual([SITE]);
    expect(await page.textContent('[data-testid="report-attempted"] thead')).toContain('What it would have received');

    // On the site's report: the four that received data, with the server's counts; Meta only among the attempts.
    await page.goto(`chrome-extension://${env.browser.extensionId}/options.html#/site/${SITE}`);
    await page.click('[data-testid="report-link"]');
    await page.waitForSelector('[data-testid="report-received"] tbody tr');
    const received = page.locator('[data-testid="report-received"] tbody tr');
    const names = await received.locator('th').allTextContents();
    expect([...names].sort()).toEqual(['Google', 'Magnite', 'Microsoft', 'unlisted-widgets.example']);
    for (const name of names) {
      const row = received.filter({ has: page.getByRole('link', { name, exact: true }) });
      expect(Number(await row.locator('td.num').textContent()), name).toBe(logged(name as Name, true).length);
    }
    const attempted = await page.locator('[data-testid="report-attempted"] tbody th').allTextContents();
    expect([...attempted].sort()).toEqual(['Meta', 'Microsoft']);
    await expectAccessible(page, 'report-site');

    // On paper: no navigation and no buttons; the rows do not split; the method statement is there.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.dash-header').isVisible()).toBe(false);
    expect(await page.locator('[data-testid="report-print"]').isVisible()).toBe(false);
    expect(await page.locator('[data-testid="report-method"]').isVisible()).toBe(true);
    expect(await received.first().evaluate((tr) => getComputedStyle(tr).breakInside)).toBe('avoid');
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    save('report-site.pdf', pdf);
    const text = pdfText(pdf);
    expect(text).toContain('How Disclosed observed this');
    expect(text).toContain('Magnite');
    expect(text).not.toContain('Print or save as PDF');
    expect(text).not.toContain('Settings');
    await page.close();
  });

  it("logs every request the site made to a company, with the outcome the server's log supports", async () => {
    const page = await open(`site/${SITE}`);
    await page.click('[data-testid="log-link"]');
    await page.waitForSelector('[data-testid="log-row"]');
    const rows = page.locator('[data-testid="log-row"]');
    const addresses = async () => (await rows.locator('[data-testid="log-address"]').allTextContents()).sort();
    const outcomeOf = async (address: string) =>
      rows
        .filter({ has: page.locator(`[data-testid="log-address"]:text-is("${address}")`) })
        .first()
        .getAttribute('data-delivery');
    // Every request the server logged from the article to these companies is in the log, and Meta's blocked ones.
    const reached = (Object.keys(HOSTS) as Name[]).flatMap((name) => logged(name));
    const meta = (await storedEvents(env.browser.context, env.browser.extensionId))
      .filter((e) => e.company === 'facebook')
      .map((e) => `${e.host}${e.path}`);
    expect(await addresses()).toEqual([...reached, ...meta].sort());
    for (const address of logged('Google')) expect(await outcomeOf(address), address).toBe('received');
    for (const address of meta) expect(await outcomeOf(address), address).toBe('not-received');
    // The server hung up on this one without an answer: it may have arrived, and is not called received.
    expect(await outcomeOf('bat.bing.com/drop/action.gif')).toBe('uncertain');
    const total = reached.length + meta.length;
    expect(await page.textContent('[data-testid="log-counts"]')).toBe(`Requests stored: ${total}. Shown: ${total}.`);
    expect(await page.locator('[data-testid="log-retention"]').count()).toBe(0);
    await expectAccessible(page, 'log-site');

    // The filters narrow it: outcome, kind of data, host or path.
    await page.selectOption('[data-testid="log-filter-outcome"]', 'not-received');
    await expect.poll(addresses).toEqual([...meta].sort());
    for (const text of await rows.locator('[data-testid="log-outcome"]').allTextContents()) {
      expect(text).toBe('Not received');
    }
    await page.selectOption('[data-testid="log-filter-outcome"]', '');
    await page.fill('[data-testid="log-filter-text"]', 'BING.com/');
    await expect.poll(addresses).toEqual(
      logged('Microsoft')
        .filter((a) => a.startsWith('bat.bing.com'))
        .sort(),
    );
    await page.fill('[data-testid="log-filter-text"]', '');
    await page.selectOption('[data-testid="log-filter-kind"]', 'identifier');
    const withId = (await storedEvents(env.browser.context, env.browser.extensionId))
      .filter((e) => e.site === SITE && (e as typeof e & { kinds: string[] }).kinds.includes('identifier'))
      .map((e) => `${e.host}${e.path}`);
    expect(withId.length).toBeGreaterThan(0);
    await expect.poll(addresses).toEqual(withId.sort());
    expect(await rows.locator('[data-kind="identifier"]').count()).toBe(withId.length);
    expect(await page.textContent('[data-testid="log-counts"]')).toMatch(
      /^Requests stored: \d+\. Shown: \d+, matching/,
    );

    // Another log in the same page (its address changed, as a link or the back button does): it opens with none of
    // the site's rows and none of its filters — not even for the moment its own rows take to arrive.
    await page.fill('[data-testid="log-filter-text"]', 'google');
    await expect.poll(async () => (await addresses()).length).toBeGreaterThan(0);
    await page.evaluate(() => {
      const seen: string[][] = [];
      Object.assign(window, { seenUnderMeta: seen });
      new MutationObserver(() => {
        if (!document.querySelector('#log-heading')?.textContent?.includes('Meta')) return;
        seen.push([...document.querySelectorAll('[data-testid="log-address"]')].map((el) => el.textContent ?? ''));
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
      location.hash = '#/log/company/facebook';
    });
    await expect.poll(addresses).toEqual([...meta].sort());
    expect(await page.inputValue('[data-testid="log-filter-text"]')).toBe('');
    expect(await page.inputValue('[data-testid="log-filter-kind"]')).toBe('');
    const seen = (await page.evaluate(() => (window as unknown as { seenUnderMeta: string[][] }).seenUnderMeta)).flat();
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter((address) => !meta.includes(address))).toEqual([]);
    await page.close();
  });
});
