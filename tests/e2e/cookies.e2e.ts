import { describe, expect, it } from 'vitest';
import { tabIdOf } from '../../scripts/browser.ts';
import type { SiteMap } from '../../scripts/fake-internet.ts';
import { PopupPage } from './popup-page.ts';
import { useExtensionBrowser } from './setup.ts';

// A CHIPS cookie (Partitioned) set by a tracker's iframe on a shop: Chromium keeps it in the shop's partition, even
// with third-party cookies blocked (this Chromium's default, kept here). The letter composer must find it there.

const SHOP = 'https://www.craft-shop.example/index.html';
const CHIPS = 'uid=crt-chips-42; Path=/; Max-Age=3600; Secure; SameSite=None; Partitioned';
const SITES: SiteMap = {
  'www.craft-shop.example': {
    '/index.html':
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Craft shop</title>' +
      '<link rel="icon" href="data:,"></head><body><h1>Yarn</h1>' +
      '<iframe title="ad" src="https://gum.criteo.com/chips.html"></iframe></body></html>',
  },
  'gum.criteo.com': {
    '/chips.html': { type: 'text/html', body: '<!doctype html><title>ad</title>', headers: { 'set-cookie': CHIPS } },
  },
};

const env = useExtensionBrowser(SITES);

describe('cookies in the letter composer', () => {
  it('lists a partitioned (CHIPS) cookie with the site it was set on, and the letter says so', async () => {
    const { context, extensionId } = env.browser;
    const page = await context.newPage();
    await page.goto(SHOP, { waitUntil: 'networkidle' });
    expect(env.internet.log.some((r) => r.host === 'gum.criteo.com' && r.path === '/chips.html')).toBe(true);

    const popup = await PopupPage.open(context, extensionId, await tabIdOf(context, extensionId, SHOP));
    const criteo = popup.page.locator('[data-testid="recipient"]', { hasText: 'Criteo' });
    const [composer] = await Promise.all([
      context.waitForEvent('page'),
      criteo.locator('[data-testid="draft-letter"]').click(),
    ]);
    await composer.setViewportSize({ width: 1280, height: 800 });
    await composer.waitForSelector('[data-testid="letter-body"]');

    // The cookie is only in the shop's partition: the plain query the composer used to make finds nothing.
    const plain = await composer.evaluate(
      `chrome.cookies.getAll({ domain: 'criteo.com' }).then((all) => all.map((c) => c.name))`,
    );
    expect(plain).toEqual([]);

    const offered = composer.locator('[data-testid="letter-identifiers"] li', { hasText: 'crt-chips-42' });
    expect((await offered.textContent())?.trim()).toBe(
      'cookie uid (gum.criteo.com), set while you were on craft-shop.example: crt-chips-42',
    );
    expect(await offered.locator('input[type="checkbox"]').isChecked()).toBe(true);
    expect(await composer.locator('[data-testid="cookies-unread"]').count()).toBe(0);
    // Criteo is in France: the letter starts in French, and says where the cookie was set in French.
    const line = async () => {
      await composer.waitForFunction(() =>
        (document.querySelector('[data-testid="letter-body"]') as HTMLTextAreaElement).value.includes('crt-chips-42'),
      );
      const body = await composer.inputValue('[data-testid="letter-body"]');
      return body.split('\n').find((l) => l.includes('crt-chips-42'));
    };
    expect(await line()).toContain('cookie uid (gum.criteo.com, déposé pendant que j’étais sur craft-shop.example)');
    await composer.selectOption('[data-testid="letter-language"]', 'en');
    await composer.waitForFunction(() =>
      (document.querySelector('[data-testid="letter-body"]') as HTMLTextAreaElement).value.startsWith('Dear'),
    );
    expect(await line()).toBe('- cookie uid (gum.criteo.com, set while I was on craft-shop.example): crt-chips-42');
    await composer.close();
    await popup.close();
    await page.close();
  });
});
