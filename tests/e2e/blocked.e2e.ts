import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ExportFile } from '../../lib/export/format.ts';
import { readWholeExport } from '../../lib/export/stream.ts';
import { expectLinesMatchSchema } from '../export-schema.ts';
import { everythingStored, storedEvents } from './extension-db.ts';
import { PopupPage, tabIdOf } from './popup-page.ts';
import { useExtensionBrowser } from './setup.ts';
import { ARTICLE_COMPANIES, ARTICLE_UNLISTED, NEWS, TEST_SITES } from './test-site.ts';

/** The requests the server answered: it hangs up on `/drop/` ones, which are not known to have arrived. */
const answered = <R extends { path: string }>(log: R[]) => log.filter((r) => !r.path.startsWith('/drop/'));

/** Where to save screenshots of what a user sees, when `E2E_SCREENSHOTS` names a directory (nothing is saved otherwise). */
async function screenshot(page: Page, name: string) {
  const dir = process.env.E2E_SCREENSHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

// A user's blocker beside Disclosed: a second extension whose declarativeNetRequest rules block Meta's hosts. What
// the popup and the badge say must follow the local server's log: Meta received nothing.
const env = useExtensionBrowser(TEST_SITES, {
  alsoLoad: [join(import.meta.dirname, 'blocking-extension')],
  cache: true,
});

describe('with another extension blocking a company', () => {
  it('does not say the blocked company received data, and says what it tried to send', async () => {
    const url = `https://${NEWS}/article.html?blocked`;
    const page = await env.browser.context.newPage();
    await page.goto(url, { waitUntil: 'networkidle' });
    const tabId = await tabIdOf(env.browser.context, env.browser.extensionId, url);
    // The server never heard from Meta; the others were reached.
    expect(env.internet.requestsTo([...ARTICLE_COMPANIES.Meta])).toEqual([]);
    expect(env.internet.requestsTo([...ARTICLE_COMPANIES.Google]).length).toBeGreaterThan(0);

    const popup = await PopupPage.open(env.browser.context, env.browser.extensionId, tabId);
    await popup.page.waitForSelector('[data-testid="attempted"] [data-company="facebook"]');
    const received = Object.keys(await popup.counts('companies')).sort();
    expect(received).toEqual(['Google', 'Magnite', 'Microsoft']);
    expect(await popup.text('companies-heading')).toBe('3 companies received data from this page');
    expect(await popup.page.textContent('#attempted-heading')).toBe(
      'Tried to send data — blocked by your browser or another extension',
    );
    const meta = popup.page.locator('[data-testid="attempted"] [data-company="facebook"]');
    expect(await meta.locator('[data-testid="received"]').textContent()).toMatch(/^Would have received: /);
    expect(await meta.locator('[data-testid="draft-letter"]').count()).toBe(0);
    // Each company's domains are the hosts the server answered, no host whose requests were all blocked.
    for (const name of received) {
      const hosts = ARTICLE_COMPANIES[name as keyof typeof ARTICLE_COMPANIES];
      const logged = new Set(answered(env.internet.requestsTo([...hosts])).map((r) => r.host));
      expect((await popup.domains(name)).sort()).toEqual([...logged].sort());
    }
    await screenshot(popup.page, 'popup-blocked-company');

    // The badge: three companies and the unlisted third party, not Meta.
    const helper = await env.browser.context.newPage();
    await helper.goto(`chrome-extension://${env.browser.extensionId}/options.html`);
    const badge = await helper.evaluate(
      (id) =>
        (
          globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }
        ).chrome.action.getBadgeText({ tabId: id }),
      tabId,
    );
    expect(badge).toBe('4');

    // Stored as the browser said: blocked by a client, not received.
    const metaEvents = (await storedEvents(env.browser.context, env.browser.extensionId)).filter(
      (e) => e.company === 'facebook' && e.site === 'news-site.example',
    );
    expect(metaEvents.length).toBeGreaterThan(0);
    for (const e of metaEvents) {
      expect(e).toMatchObject({ error: 'net::ERR_BLOCKED_BY_CLIENT', delivery: 'not-received' });
    }
    // Nothing reached Meta: the dashboard neither lists it as a recipient nor drafts a letter with no evidence.
    await helper.goto(`chrome-extension://${env.browser.extensionId}/options.html#/site/news-site.example`);
    await helper.waitForSelector('[data-testid="site-companies"] tbody tr');
    expect(await helper.locator('[data-testid="site-companies"]').textContent()).not.toContain('Meta');
    await helper.goto(`chrome-extension://${env.browser.extensionId}/options.html#/letter/facebook`);
    await helper.waitForSelector('[data-testid="nothing-reached"]');
    expect(await helper.locator('[data-testid="nothing-reached"]').textContent()).toContain(
      'none of them is known to have reached it',
    );
    await Promise.all([popup.close(), helper.close(), page.close()]);
  });

  it("has the dashboard and the export say what the server's log shows: Meta received nothing", async () => {
    // What the server heard, per company: the truth the extension's screens and file must match. (Before the
    // classroom test: a classroom session's requests are kept out of the history, not out of the server's log.)
    // A request the server hung up on, without an answer, is not claimed either: it is among the attempts.
    const logged = Object.fromEntries(
      Object.entries({ ...ARTICLE_COMPANIES, ...ARTICLE_UNLISTED }).map(([name, hosts]) => [
        name,
        answered(env.internet.requestsTo([...hosts])),
      ]),
    );
    const unanswered = env.internet.log.filter((r) => r.path.startsWith('/drop/'));
    expect(unanswered.map((r) => `${r.host}${r.path}`)).toContain('bat.bing.com/drop/action.gif');
    const reached = Object.keys(logged)
      .filter((name) => logged[name]?.length)
      .sort();
    expect(reached).toEqual(['Google', 'Magnite', 'Microsoft', 'unlisted-widgets.example']);
    const metaEvents = (await storedEvents(env.browser.context, env.browser.extensionId)).filter(
      (e) => e.company === 'facebook',
    );
    expect(metaEvents.length).toBeGreaterThan(0);

    // The dashboard: four recipients, Meta listed apart as only attempted, its page showing only its attempts.
    const dash = await env.browser.context.newPage();
    dash.on('dialog', (dialog) => dialog.accept());
    const base = `chrome-extension://${env.browser.extensionId}/options.html`;
    await dash.goto(`${base}#/overview`);
    await dash.waitForSelector('[data-testid="total-companies"]');
    expect(Number(await dash.locator('[data-testid="total-companies"]').textContent())).toBe(reached.length);
    expect(await dash.locator('[data-testid="top-companies"]').textContent()).not.toContain('Meta');
    await dash.goto(`${base}#/companies`);
    await dash.waitForSelector('[data-testid="attempted-companies"] tbody tr');
    const listed = await dash.locator('[data-testid="companies-table"] tbody tr td:first-child').allTextContents();
    expect(listed.sort()).toEqual(reached);
    expect(await dash.locator('[data-testid="attempted-companies"] tbody tr td:first-child').allTextContents()).toEqual(
      ['Meta'],
    );
    await dash.click('[data-testid="attempted-companies"] a:text-is("Meta")');
    await dash.waitForSelector('[data-testid="attempts"] tbody tr');
    expect(await dash.locator('[data-testid="company-sites"]').count()).toBe(0);
    expect(await dash.locator('[data-testid="nothing-reached"]').textContent()).toContain(
      'No request to this company is known to have reached it',
    );
    const row = dash.locator('[data-testid="attempts"] tbody tr');
    expect(await row.count()).toBe(1);
    const [site, requests, , domains] = await row.locator('td').allTextContents();
    expect([site, Number(requests)]).toEqual(['news-site.example', metaEvents.length]);
    for (const host of domains?.split(', ') ?? []) expect(ARTICLE_COMPANIES.Meta).toContain(host);
    expect(await dash.locator('[data-testid="attempts"] thead').textContent()).toContain('What it would have received');
    expect(await dash.locator('main').textContent()).not.toContain('What it received');
    await screenshot(dash, 'dashboard-attempted-company');

    // The export, made from the dashboard as a user would: valid by the schema, and Meta in no total.
    await dash.goto(`${base}#/settings`);
    await dash.waitForSelector('[data-testid="forget-input"]');
    const [download] = await Promise.all([
      dash.waitForEvent('download'),
      dash.getByRole('button', { name: 'Export JSON' }).click(),
    ]);
    // In lines (format 3): each line valid by the schema, read back as the import reads it.
    const text = readFileSync(await download.path(), 'utf8');
    expectLinesMatchSchema(text);
    const file = (await readWholeExport(text)) as ExportFile;
    const names = (ids: string[]) => [...new Set(ids)].sort();
    const nameOf = new Map(file.flows.map((f) => [f.organization.id, f.organization.name]));
    expect(names(file.flows.map((f) => f.organization.name))).toEqual(reached);
    expect(names(file.days.map((d) => nameOf.get(d.organization) ?? d.organization))).toEqual(reached);
    // Each flow: the requests the server logged for that company, at the hosts it logged.
    for (const f of file.flows) {
      const name = f.organization.name;
      const heard = logged[name] ?? [];
      expect({ name, requests: f.requests, failed: f.failed }).toEqual({ name, requests: heard.length, failed: 0 });
      expect([...f.domains].sort()).toEqual(names(heard.map((r) => r.host)));
    }
    const requestsPerDay = file.days.reduce((n, d) => n + d.requests, 0);
    expect(requestsPerDay).toBe(reached.reduce((n, name) => n + (logged[name]?.length ?? 0), 0));
    // Meta: only in the attempts, and as events that say they were blocked.
    const attempts = [...(file.attempts ?? [])].sort((a, b) => a.organization.name.localeCompare(b.organization.name));
    expect(attempts).toMatchObject([
      { site: 'news-site.example', organization: { id: 'facebook', name: 'Meta' }, requests: metaEvents.length },
      // The request the server hung up on: Microsoft's one attempt, beside what it received.
      { site: 'news-site.example', organization: { name: 'Microsoft' }, domains: ['bat.bing.com'], requests: 1 },
    ]);
    const metaExported = file.events.filter((e) => e.organization === 'facebook');
    expect(metaExported).toHaveLength(metaEvents.length);
    for (const e of metaExported) expect(e).toMatchObject({ outcome: 'error', error: 'net::ERR_BLOCKED_BY_CLIENT' });
    // Every other event was answered, but the one the server hung up on; no identifier of Meta's is kept for a letter.
    const others = file.events.filter((e) => e.organization !== 'facebook');
    expect(others.filter((e) => e.outcome !== 'completed').map((e) => `${e.host}${e.path}`)).toEqual([
      'bat.bing.com/drop/action.gif',
    ]);
    const stored = JSON.parse(await everythingStored(env.browser.context, env.browser.extensionId)) as {
      identifiers?: { company: string }[];
    };
    expect((stored.identifiers ?? []).filter((i) => i.company === 'facebook')).toEqual([]);
    await dash.close();
  });

  it('shows a classroom only the companies that received data', async () => {
    const classroom = await env.browser.context.newPage();
    await classroom.goto(`chrome-extension://${env.browser.extensionId}/classroom.html`);
    await classroom.click('[data-testid="classroom-start"]');
    await classroom.waitForSelector('[data-testid="classroom-empty"]');
    const page = await env.browser.context.newPage();
    await page.goto(`https://${NEWS}/article.html?classroom`, { waitUntil: 'networkidle' });
    await classroom.waitForSelector('[data-testid="classroom-feed"]');
    // Google, Magnite, Microsoft and the unlisted widget reached; Meta's requests were blocked.
    await classroom.waitForFunction(
      () => document.querySelector('[data-testid="count-companies"]')?.textContent === '4',
      undefined,
      { timeout: 5000 },
    );
    expect(await classroom.locator('[data-testid="feed-company"]').allTextContents()).not.toContain('Meta');
    await classroom.click('[data-testid="classroom-end"]');
    await Promise.all([classroom.close(), page.close()]);
  });

  it('does not count a pixel answered from the browser cache as a second delivery', async () => {
    const url = `https://${NEWS}/empty.html?cached`;
    const page = await env.browser.context.newPage();
    await page.goto(url, { waitUntil: 'networkidle' });
    const pixel = 'https://www.google-analytics.com/cached/p.gif';
    const load = (on = page) =>
      on.evaluate(
        (src) =>
          new Promise((resolve) => {
            const img = new Image();
            img.onload = img.onerror = resolve;
            img.src = src;
          }),
        pixel,
      );
    await load();
    // In another tab, so the image comes from the HTTP cache (a tab's renderer reuses it without any request).
    const again = await env.browser.context.newPage();
    await again.goto(`${url}&again`, { waitUntil: 'networkidle' });
    await load(again);
    // The server was asked once; the browser answered the second from its cache.
    expect(
      env.internet.requestsTo(['www.google-analytics.com']).filter((r) => r.path === '/cached/p.gif'),
    ).toHaveLength(1);
    const tabId = await tabIdOf(env.browser.context, env.browser.extensionId, `${url}&again`);
    const stored = async () =>
      (await storedEvents(env.browser.context, env.browser.extensionId)).filter((e) => e.path === '/cached/p.gif');
    const popup = await PopupPage.open(env.browser.context, env.browser.extensionId, tabId);
    // On this page load the pixel came from the cache: Google is listed as only attempted, not as a recipient.
    await popup.page.waitForSelector('[data-testid="attempted"] [data-company="google"]');
    expect(await popup.page.locator('[data-testid="companies"] [data-company="google"]').count()).toBe(0);
    // From the cache is not blocked: the heading does not say so.
    expect(await popup.page.textContent('#attempted-heading')).toContain("answered from your browser's cache");
    expect((await stored()).map((e) => e.delivery).sort()).toEqual(['received', 'uncertain']);
    await Promise.all([popup.close(), page.close(), again.close()]);
  });
});
