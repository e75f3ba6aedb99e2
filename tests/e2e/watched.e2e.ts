// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the test page's script is written as a string on purpose.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SiteMap } from '../../scripts/fake-internet.ts';
import { PopupPage, tabIdOf } from './popup-page.ts';
import { useExtensionBrowser } from './setup.ts';

// Issue 18, point 2, in real Chromium with the built extension: the user enters their email address under
// Settings → Your own data; a shop's checkout page sends its SHA-256 to Meta the way the pixel's advanced matching
// does (`ud[em]`, the hash of the trimmed, lower-cased address, computed by the page with WebCrypto), and sends the
// address in plain to its own API. The popup card, the company page and a drafted letter say what was sent and in
// which form; the export holds neither the value nor any of its forms.

const EMAIL = 'Jane.Doe@Example.com';
const NORMAL = EMAIL.toLowerCase();
const SHA256 = createHash('sha256').update(NORMAL).digest('hex');
const SHOP = 'www.own-shop.example';
const CHECKOUT = `https://${SHOP}/checkout.html`;

const SITES: SiteMap = {
  [SHOP]: {
    '/checkout.html':
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Checkout</title><link rel="icon" href="data:,"></head>' +
      '<body><h1>Thank you</h1><script>' +
      `const email = ${JSON.stringify(`  ${EMAIL} `)};` +
      'crypto.subtle.digest("SHA-256", new TextEncoder().encode(email.trim().toLowerCase())).then((d) => {' +
      '  const hex = [...new Uint8Array(d)].map((b) => b.toString(16).padStart(2, "0")).join("");' +
      '  new Image().src = `https://www.facebook.com/tr/?id=998877&ev=Purchase&ud[em]=${hex}&cd[value]=42`;' +
      '  fetch(`/api/order?email=${encodeURIComponent(email.trim())}`);' +
      '  document.title = "sent";' +
      '});' +
      '</script></body></html>',
    '/api/order': { type: 'application/json', body: '{}' },
  },
};

const env = useExtensionBrowser(SITES);
const shots = join(import.meta.dirname, '..', '..', 'test-results', 'screenshots');

describe('your own data, found', () => {
  it('is entered masked, found hashed in a Meta pixel request, shown in the popup, the company page and a letter, and never exported', async () => {
    const { context, extensionId } = env.browser;
    mkdirSync(shots, { recursive: true });
    const settings = await context.newPage();
    await settings.setViewportSize({ width: 1280, height: 800 });
    await settings.goto(`chrome-extension://${extensionId}/options.html#/settings`);
    await settings.waitForSelector('[data-testid="watchlist"]');
    await settings.selectOption('[data-testid="watch-kind"]', 'email');
    await settings.fill('[data-testid="watch-value"]', EMAIL);
    await settings.click('[data-testid="watch-add"]');
    await settings.waitForSelector('[data-testid="watch-label"]');
    // Masked once entered: the field is empty again, the list shows only the label, the page nowhere the value.
    expect(await settings.textContent('[data-testid="watch-label"]')).toBe('j…@e….com');
    expect(await settings.inputValue('[data-testid="watch-value"]')).toBe('');
    expect(await settings.textContent('[data-testid="watch-count"]')).toBe('1 value watched:');
    expect((await settings.content()).toLowerCase()).not.toContain(NORMAL);
    await settings.locator('[data-testid="watchlist"]').scrollIntoViewIfNeeded();
    await settings.screenshot({ path: join(shots, 'watchlist-settings.png') });

    const shop = await context.newPage();
    await shop.goto(CHECKOUT);
    await shop.waitForFunction(() => document.title === 'sent');
    await env.internet.settled(500, 10_000);
    // The fake internet got the hash: what the page sent is what the extension judged.
    expect(env.internet.log.some((r) => `${r.host}${r.path}`.includes(SHA256))).toBe(true);

    const popup = await PopupPage.open(context, extensionId, await tabIdOf(context, extensionId, CHECKOUT));
    await popup.page.setViewportSize({ width: 400, height: 800 });
    const line = popup.page.locator('[data-testid="recipient"][data-company="facebook"] [data-testid="watched-line"]');
    await line.waitFor();
    expect(await line.textContent()).toBe('Sent to Meta on own-shop.example: your email address, hashed (SHA-256).');
    // The shop's own API got the address too: the first party, never a finding.
    expect(await popup.page.locator('[data-testid="watched-line"]').count()).toBe(1);
    await popup.page.screenshot({ path: join(shots, 'watched-popup.png') });
    await popup.close();

    const dash = await context.newPage();
    await dash.setViewportSize({ width: 1280, height: 800 });
    await dash.goto(`chrome-extension://${extensionId}/options.html#/company/facebook`);
    const company = dash.locator('[data-testid="watched-line"]');
    await company.waitFor();
    expect(await company.textContent()).toBe('Sent to Meta on own-shop.example: your email address, hashed (SHA-256).');
    await dash.screenshot({ path: join(shots, 'watched-company.png') });
    await dash.goto(`chrome-extension://${extensionId}/options.html#/site/own-shop.example`);
    await dash.waitForSelector('[data-testid="watched-line"]');

    await dash.goto(`chrome-extension://${extensionId}/options.html#/letter/facebook`);
    await dash.waitForSelector('[data-testid="letter-body"]');
    await dash.waitForFunction(() =>
      (document.querySelector('[data-testid="letter-body"]') as HTMLTextAreaElement | null)?.value.includes(
        'my email address, hashed with SHA-256',
      ),
    );
    const body = await dash.inputValue('[data-testid="letter-body"]');
    expect(body).toContain(
      'Among them was data I had given myself, which my browser recognised: my email address, hashed with SHA-256.',
    );
    expect(body).not.toContain(SHA256);
    expect(body.toLowerCase()).not.toContain(NORMAL);

    await dash.goto(`chrome-extension://${extensionId}/options.html#/settings`);
    await dash.waitForSelector('[data-testid="export-json"]');
    const [json] = await Promise.all([dash.waitForEvent('download'), dash.click('[data-testid="export-json"]')]);
    const exported = readFileSync((await json.path()) as string, 'utf8');
    expect(exported).toContain('"organization":"facebook"');
    expect(exported).not.toContain('watched');
    expect(exported).not.toContain('j…@e….com');
    expect(exported).not.toContain(SHA256);
    expect(exported.toLowerCase()).not.toContain(NORMAL);
    expect(exported).not.toContain(Buffer.from(NORMAL).toString('base64').replace(/=+$/, ''));
    expect(exported).not.toContain(createHash('md5').update(NORMAL).digest('hex'));

    // Removed: the list is empty, and nothing of it is left in storage.
    await dash.click('[data-testid="watch-list"] button');
    await dash.waitForSelector('[data-testid="watch-count"]:has-text("Nothing watched yet.")');
    const left = await dash.evaluate(async () => {
      type Local = { get(key: string): Promise<Record<string, unknown>> };
      const local = (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage.local;
      return (await local.get('watchlist')).watchlist;
    });
    expect(left).toEqual([]);
  });
});
