import { describe, expect, it } from 'vitest';
import { PopupPage, tabIdOf } from './popup-page.ts';
import { useExtensionBrowser } from './setup.ts';
import { CROSS_SITE_HOSTS, TEST_SITES } from './test-site.ts';

// Third-party cookies allowed, so that a pixel's own cookie goes back to it (this Chromium blocks them by default).
const env = useExtensionBrowser(TEST_SITES, { thirdPartyCookies: true });

async function popupFor(url: string) {
  const page = await env.browser.context.newPage();
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.waitForTimeout(500);
  const tabId = await tabIdOf(env.browser.context, env.browser.extensionId, url);
  const popup = await PopupPage.open(env.browser.context, env.browser.extensionId, tabId);
  return { page, popup };
}

/** The "Received: …" sentence of one company, once it has settled. */
async function received(popup: PopupPage, company: string, expected: RegExp): Promise<string> {
  const locator = popup.page.locator(`[data-company="${company}"] [data-testid="received"]`);
  const deadline = Date.now() + 3000;
  let text = (await locator.textContent()) ?? '';
  while (!expected.test(text) && Date.now() < deadline) {
    await popup.page.waitForTimeout(100);
    text = (await locator.textContent()) ?? '';
  }
  return text;
}

describe('what each company received, in the popup', () => {
  it('names the data kinds each tracker got on a shop page', async () => {
    const { page, popup } = await popupFor('https://www.shoe-shop.example/p/42.html');
    // The second pixel request carried the cookie the first one set: the server saw it.
    const pixels = env.internet.requestsTo(['www.facebook.com']).filter((r) => r.path.startsWith('/tr/'));
    expect(pixels.map((r) => r.cookie.split('=')[0])).toEqual(['', 'tracker_uid']);
    expect(await received(popup, 'google', /page view/)).toBe(
      "Received: the address of this page, the page's title, an identifier (cid), device details (language en-us, screen 1920×1080), what you did (page view)",
    );
    expect(await received(popup, 'facebook', /cookies/)).toBe(
      'Received: the address of this page, an identifier (fbp), its own cookies (tracker_uid), what you did (add to cart)',
    );
    expect(await received(popup, 'site:example-analytics.com', /purchase/)).toBe(
      'Received: the address of this page, an identifier (client_id), what you did (purchase)',
    );
    // Chromium's default referrer policy sends other sites only the origin: the site, not the page.
    expect(await received(popup, 'site:example-ads.com', /email/)).toBe(
      'Received: which site you were on (not the page), an identifier (uid), your email address, a hashed form of your email address',
    );
    expect(await received(popup, 'site:unknown-recorder.example', /recording/)).toBe(
      'Received: which site you were on (not the page), a recording of your mouse, scrolling or typing',
    );
    await popup.close();
    await page.close();
  });

  it('shows one request decoded as parameter, value and meaning, with identifiers shortened', async () => {
    const { page, popup } = await popupFor('https://www.shoe-shop.example/p/42.html?example');
    const google = popup.page.locator('[data-company="google"]');
    await google.locator('summary').click();
    const rows = await google.locator('[data-testid="example"] tbody tr').allTextContents();
    expect(rows.some((r) => r.startsWith('cid12345678…00'))).toBe(true);
    expect(rows.some((r) => r.startsWith('sr1920x1080'))).toBe(true);
    expect((await google.textContent()) ?? '').not.toContain('1234567890.1700000000');
    await popup.close();
    await page.close();
  });

  it('says when a search page gives its search terms away', async () => {
    const { page, popup } = await popupFor('https://www.shoe-shop.example/search.html?q=divorce+lawyer+berlin');
    expect(await received(popup, 'google', /searched/)).toBe(
      'Received: the full address of this page, with its query (q), what you searched for',
    );
    // The address is kept with its parameter names only: what was searched for is its own finding.
    const google = popup.page.locator('[data-company="google"]');
    await google.locator('summary').click();
    const rows = await google.locator('[data-testid="example"] tbody tr').allTextContents();
    expect(rows.some((r) => r.includes('https://www.shoe-shop.example/search.html?q'))).toBe(true);
    expect(rows.some((r) => r.startsWith('dldivorce lawyer berlin'))).toBe(true);
    expect(rows.some((r) => r.includes('q=divorce'))).toBe(false);
    await popup.close();
    await page.close();
  });
});

describe('behaviour, not lists', () => {
  it('marks an unlisted third party that got an identifier on three sites as tracking across sites', async () => {
    const [first, second, third] = CROSS_SITE_HOSTS.map((host) => `https://${host}/index.html`);
    const early = await popupFor(first as string);
    // Seen on one site only: no verdict yet.
    expect(await received(early.popup, 'site:cross-tracker.example', /identifier/)).toContain(
      'an identifier (visitor_id)',
    );
    expect(await early.popup.page.locator('[data-testid="tracks-across-sites"]').count()).toBe(0);
    await early.popup.close();
    await early.page.close();

    for (const url of [second, third]) {
      const page = await env.browser.context.newPage();
      await page.goto(url as string, { waitUntil: 'networkidle' });
      await page.close();
    }
    const { page, popup } = await popupFor(third as string);
    const flag = popup.page.locator('[data-company="site:cross-tracker.example"] [data-testid="tracks-across-sites"]');
    await flag.waitFor({ timeout: 3000 });
    expect(await flag.textContent()).toBe(
      `Tracks you across sites (observed): it received an identifier or its own cookie on 3 sites: ${['garden-c.example', 'recipes-a.example', 'travel-b.example'].join(', ')}.`,
    );
    await popup.close();
    await page.close();
  });
});
