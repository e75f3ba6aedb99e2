import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { CHIPS_VALUE, COOKIE_SHOP, COOKIE_SITES } from '../e2e/cookie-site.ts';
import type { FirefoxBuild } from './firefox.ts';
import { useFirefox } from './setup.ts';

// The shop's tracker iframe sets a cookie for gum.criteo.com (cookie-site.ts). Firefox never keeps it where a plain
// `cookies.getAll({ domain })` looks: Total Cookie Protection puts it in the shop's partition, first-party isolation
// files it under the shop as first party (and makes the plain query throw), a container keeps it in its own store.
// The letter composer must find it in each case, and say where it was set.

/** The `browser` global of an extension page, as far as the cookie checks call it. */
interface CookiesGlobal {
  browser: { cookies: { getAll(d: object): Promise<{ name: string }[]> } };
}

interface Way {
  /** How this profile keeps third-party cookies apart. */
  name: string;
  prefs?: Record<string, boolean>;
  /** The shop is opened in a container (a WebDriver BiDi user context) rather than in a normal tab. */
  container?: boolean;
  /** What the plain query the composer used to make gives: nothing, or an error. */
  plain: 'none' | 'throws';
  /** The composer's line for the cookie. */
  offered: RegExp;
}

const SET_ON = 'cookie uid (gum.criteo.com), set while you were on craft-shop.example';
const exact = (text: string) => new RegExp(`^${text.replace(/[.()]/g, '\\$&')}$`);

const WAYS: Way[] = [
  { name: 'Total Cookie Protection (the default)', plain: 'none', offered: exact(`${SET_ON}: ${CHIPS_VALUE}`) },
  {
    name: 'first-party isolation',
    prefs: { 'privacy.firstparty.isolate': true },
    plain: 'throws',
    offered: exact(`${SET_ON}: ${CHIPS_VALUE}`),
  },
  {
    name: 'the shop opened in a container',
    container: true,
    plain: 'none',
    // The container's store id is Firefox's to number.
    offered: new RegExp(
      `^${SET_ON.replace(/[.()]/g, '\\$&')}, kept in another container or cookie store \\(firefox-container-\\d+\\): ${CHIPS_VALUE}$`,
    ),
  },
];

/** The letter composer's cookie checks in Firefox, for one build of the add-on: a fresh profile for each way. */
export function cookieChecks(build: FirefoxBuild) {
  for (const way of WAYS) {
    describe(`Firefox (${build}), ${way.name}: cookies in the letter composer`, () => {
      const env = useFirefox(COOKIE_SITES, { build, ...(way.prefs ? { prefs: way.prefs } : {}) });

      it('lists the tracker’s cookie with the site it was set on, and the letter says so', async () => {
        const { browser } = env.firefox;
        // A container stays open while the composer reads: Firefox lists only the cookie stores of open tabs.
        const shop = way.container ? await (await browser.createBrowserContext()).newPage() : await browser.newPage();
        await shop.goto(COOKIE_SHOP, { waitUntil: 'networkidle0' });
        expect(env.internet.log.some((r) => r.host === 'gum.criteo.com' && r.path === '/chips.html')).toBe(true);

        const plain = await env.firefox.inExtension(
          () =>
            (globalThis as unknown as CookiesGlobal).browser.cookies.getAll({ domain: 'criteo.com' }).then(
              (all) => (all.length ? all.map((c) => c.name).join() : 'none'),
              () => 'throws',
            ),
          undefined,
        );
        expect(plain).toBe(way.plain);

        const composer = await env.firefox.open('options.html#/letter/criteo');
        await composer.setViewport({ width: 1280, height: 800 });
        const offered = () =>
          composer.$$eval(
            '[data-testid="letter-identifiers"] li',
            (items, value) =>
              items.map((li) => li.textContent?.trim() ?? '').find((text) => text.includes(value)) ?? '',
            CHIPS_VALUE,
          );
        await expect.poll(offered, { timeout: 15_000 }).toMatch(way.offered);
        expect(await composer.$$('[data-testid="cookies-unread"]')).toEqual([]);
        // Criteo is in France: the letter is in French, and says where the cookie was set (not which container).
        const line = () =>
          composer.$eval(
            '[data-testid="letter-body"]',
            (body, value) => (body as HTMLTextAreaElement).value.split('\n').find((l) => l.includes(value)) ?? '',
            CHIPS_VALUE,
          );
        await expect.poll(line, { timeout: 5000 }).toContain('déposé pendant que j’étais sur craft-shop.example');
        expect(await line()).not.toContain('firefox-container');
        await screenshot(composer, `${build}-composer-${way.container ? 'container' : way.prefs ? 'fpi' : 'tcp'}`);
        await composer.close();
        await shop.close();
      });
    });
  }
}

/** A screenshot of the composer, when `E2E_SCREENSHOTS` names a directory (nothing is saved otherwise). */
async function screenshot(page: Page, name: string) {
  const dir = process.env.E2E_SCREENSHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`) as `${string}.png`, fullPage: true });
}
