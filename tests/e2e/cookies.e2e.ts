import { describe, expect, it } from 'vitest';
import { tabIdOf } from '../../scripts/browser.ts';
import { CHIPS_VALUE, COOKIE_SHOP, COOKIE_SITES } from './cookie-site.ts';
import { PopupPage } from './popup-page.ts';
import { useExtensionBrowser } from './setup.ts';

// The shop's CHIPS cookie (cookie-site.ts): Chromium keeps it in the shop's partition, even with third-party cookies
// blocked (this Chromium's default, kept here). The letter composer must find it there.

const env = useExtensionBrowser(COOKIE_SITES);

describe('cookies in the letter composer', () => {
  it('lists a partitioned (CHIPS) cookie with the site it was set on, and the letter says so', async () => {
    const { context, extensionId } = env.browser;
    const page = await context.newPage();
    await page.goto(COOKIE_SHOP, { waitUntil: 'networkidle' });
    expect(env.internet.log.some((r) => r.host === 'gum.criteo.com' && r.path === '/chips.html')).toBe(true);

    const popup = await PopupPage.open(context, extensionId, await tabIdOf(context, extensionId, COOKIE_SHOP));
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

    const offered = composer.locator('[data-testid="letter-identifiers"] li', { hasText: CHIPS_VALUE });
    expect((await offered.textContent())?.trim()).toBe(
      'cookie uid (gum.criteo.com), set while you were on craft-shop.example: crt-chips-42',
    );
    expect(await offered.locator('input[type="checkbox"]').isChecked()).toBe(true);
    expect(await composer.locator('[data-testid="cookies-unread"]').count()).toBe(0);
    // Criteo is in France: the letter starts in French, and says where the cookie was set in French.
    const line = async () => {
      await composer.waitForFunction(
        (value) => (document.querySelector('[data-testid="letter-body"]') as HTMLTextAreaElement).value.includes(value),
        CHIPS_VALUE,
      );
      const body = await composer.inputValue('[data-testid="letter-body"]');
      return body.split('\n').find((l) => l.includes(CHIPS_VALUE));
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
