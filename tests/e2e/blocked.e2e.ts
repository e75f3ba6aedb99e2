import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { storedEvents } from './extension-db.ts';
import { PopupPage, tabIdOf } from './popup-page.ts';
import { useExtensionBrowser } from './setup.ts';
import { ARTICLE_COMPANIES, NEWS, TEST_SITES } from './test-site.ts';

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
