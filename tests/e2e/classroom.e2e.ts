import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { everythingStored } from './extension-db.ts';
import { useExtensionBrowser } from './setup.ts';
import { ARTICLE_COMPANIES, HEALTH, NEWS, TEST_SITES } from './test-site.ts';

const env = useExtensionBrowser(TEST_SITES);

/** The smallest computed font size of any element holding text in the page's main element. */
const smallestText = (page: Page) =>
  page.evaluate(() =>
    Math.min(
      ...[...document.querySelectorAll('main *')]
        .filter(
          (el) => el.childNodes.length && [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent?.trim()),
        )
        .map((el) => Number.parseFloat(getComputedStyle(el).fontSize)),
    ),
  );

describe('classroom mode', () => {
  it('shows a session live, resets it, and leaves the regular history untouched', async () => {
    const { context, extensionId } = env.browser;
    // Some regular history first: it must come out of the session exactly as it went in.
    const before = await context.newPage();
    await before.goto(`https://www.shoe-shop.example/p/42.html`, { waitUntil: 'networkidle' });
    await before.close();
    const stored = async () => JSON.parse(await everythingStored(context, extensionId)) as Record<string, unknown[]>;
    const history = async () => (await stored()).events?.length ?? 0;
    await expect.poll(history, { timeout: 5000 }).toBeGreaterThan(0);
    const historyBefore = await history();
    const everythingBefore = await everythingStored(context, extensionId);

    const classroom = await context.newPage();
    await classroom.setViewportSize({ width: 1280, height: 720 });
    await classroom.goto(`chrome-extension://${extensionId}/classroom.html`);
    await classroom.click('[data-testid="classroom-start"]');
    await classroom.waitForSelector('[data-testid="classroom-empty"]');

    const mark = env.internet.log.length;
    const page = await context.newPage();
    await page.goto(`https://${NEWS}/article.html`, { waitUntil: 'networkidle' });
    await classroom.waitForSelector('[data-testid="classroom-feed"] li');
    await expect
      .poll(async () => new Set(await classroom.locator('[data-testid="feed-company"]').allTextContents()), {
        timeout: 5000,
      })
      .toEqual(new Set(['Google', 'Meta', 'Microsoft', 'Magnite', 'unlisted-widgets.example']));
    expect(Number(await classroom.textContent('[data-testid="count-sites"]'))).toBe(1);
    expect(Number(await classroom.textContent('[data-testid="count-companies"]'))).toBe(5);
    // Each kind explained in a sentence; the site named, unless anonymised.
    const google = classroom.locator('[data-testid="classroom-feed"] > li[data-company="google"]').first();
    expect(await google.textContent()).toContain('got data from news-site.example');
    // Its categories as on every screen: two analytics hits and an advertising pixel, the main category first.
    expect(await google.locator('[data-testid="categories"]').textContent()).toBe('Site analytics, Advertising');
    await classroom.keyboard.press('a');
    expect(await google.textContent()).toContain('got data from a site');
    expect(await classroom.locator('[data-testid="classroom-feed"] code').count()).toBe(0);
    expect(await classroom.locator('[data-testid="feed-card"][data-site]').count()).toBe(0);
    expect(await classroom.locator('[data-testid="session-graph"] canvas').count()).toBeGreaterThan(0);
    await classroom.keyboard.press('a');

    // A health site next, with two of the same companies: their cards on it are apart from the news site's.
    await page.goto(`https://${HEALTH}/index.html`, { waitUntil: 'networkidle' });
    const cards = classroom.locator('[data-testid="feed-card"]');
    await expect.poll(() => cards.count(), { timeout: 5000 }).toBe(7);
    const keys = await cards.evaluateAll((els) => els.map((el) => `${el.dataset.company} ${el.dataset.site}`));
    // One card per company and site, however many requests.
    expect(new Set(keys).size).toBe(keys.length);
    // Each card's count is what the server received from that company's hosts while the site was open.
    // The request the server hangs up on is left out: with no answer, the browser cannot tell it arrived, and the
    // classroom shows only what is known to have reached the company.
    const made = (hosts: readonly string[], from: number, to?: number) =>
      env.internet.log.slice(from, to).filter((r) => hosts.includes(r.host) && !r.path.startsWith('/drop/')).length;
    const healthStart = env.internet.log.findIndex((r, i) => i >= mark && r.host === HEALTH);
    const requestsOf = async (company: string, site: string) =>
      Number(
        await classroom
          .locator(
            `[data-testid="feed-card"][data-company="${company}"][data-site="${site}"] [data-testid="feed-requests"]`,
          )
          .getAttribute('data-requests'),
      );
    for (const [name, id] of [
      ['Google', 'google'],
      ['Meta', 'facebook'],
      ['Microsoft', 'microsoft'],
    ] as const) {
      expect(await requestsOf(id, 'news-site.example'), name).toBe(made(ARTICLE_COMPANIES[name], mark, healthStart));
    }
    expect(await requestsOf('google', 'health-clinic.example')).toBe(made(ARTICLE_COMPANIES.Google, healthStart));
    expect(await requestsOf('magnite', 'health-clinic.example')).toBe(made(ARTICLE_COMPANIES.Magnite, healthStart));
    // Google's identifier went out from both sites: it is explained once, on the first card that showed it.
    expect(await classroom.locator('[data-testid="feed-explained"][data-kind="identifier"]').count()).toBe(1);
    expect(await classroom.locator('[data-testid="feed-named"] [data-kind="identifier"]').count()).toBeGreaterThan(0);
    // The health site's cards carry their label, and the latest change and the worst of it are on screen.
    const health = classroom.locator('[data-testid="feed-card"][data-site="health-clinic.example"]');
    expect(await health.locator('[data-testid="feed-sensitive"]').allTextContents()).toEqual([
      'Health site',
      'Health site',
    ]);
    expect(await classroom.locator('[data-testid="feed-card"].newest [data-testid="feed-newest"]').count()).toBe(1);
    // The newest change is lit briefly, and not at all for someone who asked for less motion.
    const flash = () =>
      classroom.evaluate(() => {
        const el = document.querySelector('[data-testid="feed-card"].newest .flash');
        return el ? getComputedStyle(el).animationName : 'no flash';
      });
    expect(await flash()).toBe('flash');
    await classroom.emulateMedia({ reducedMotion: 'reduce' });
    expect(await flash()).toBe('none');
    await classroom.emulateMedia({ reducedMotion: 'no-preference' });
    const firstTwo = await cards.evaluateAll((els) =>
      els.slice(0, 2).map((el) => ({ site: el.getAttribute('data-site'), bottom: el.getBoundingClientRect().bottom })),
    );
    expect(firstTwo.map((c) => c.site)).toEqual(['health-clinic.example', 'health-clinic.example']);
    for (const c of firstTwo) expect(c.bottom).toBeLessThanOrEqual(720);
    // Anonymised, nothing says a site was a health site: no label, no mark, and its cards not lifted for it (the
    // newest change first, then by what the data tells, as for any site).
    await classroom.keyboard.press('a');
    await classroom.waitForSelector('[data-testid="classroom-anonymise"][aria-pressed="true"]');
    expect(await classroom.locator('[data-testid="feed-sensitive"]').count()).toBe(0);
    expect(await classroom.locator('[data-testid="feed-card"].sensitive').count()).toBe(0);
    expect(await classroom.textContent('[data-testid="classroom-feed"]')).not.toContain('Health');
    expect(await classroom.textContent('main')).not.toContain('health-clinic');
    await classroom.keyboard.press('a');
    await classroom.waitForSelector('[data-testid="feed-sensitive"]');
    expect(await axeViolations(classroom)).toEqual([]);
    // Readable from the back of the room: no text under 20 px, and nothing wider than the 1280 px screen.
    expect(await smallestText(classroom)).toBeGreaterThanOrEqual(20);
    expect(await classroom.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);

    // Reset (the R key) empties the feed at once.
    const t = Date.now();
    await classroom.keyboard.press('r');
    await classroom.waitForSelector('[data-testid="classroom-empty"]');
    expect(Date.now() - t).toBeLessThan(1000);
    expect(await classroom.textContent('[data-testid="count-requests"]')).toBe('0');

    // Paused (P): nothing recorded, anywhere.
    await classroom.keyboard.press('p');
    await classroom.waitForSelector('[data-testid="classroom-pause"][aria-pressed="true"]');
    await page.reload({ waitUntil: 'networkidle' });
    await classroom.waitForTimeout(500);
    expect(await classroom.locator('[data-testid="classroom-empty"]').count()).toBe(1);

    // The classroom opened again during the session shows it at once: never its start screen, even for a frame.
    const again = await context.newPage();
    await again.addInitScript(() => {
      const seen = globalThis as unknown as { sawStart: boolean };
      seen.sawStart = false;
      new MutationObserver(() => {
        if (document.querySelector('[data-testid="classroom-start"]')) seen.sawStart = true;
      }).observe(document, { subtree: true, childList: true });
    });
    await again.goto(`chrome-extension://${extensionId}/classroom.html`);
    await again.waitForSelector('[data-testid="classroom-pause"]');
    expect(await again.evaluate(() => (globalThis as unknown as { sawStart: boolean }).sawStart)).toBe(false);
    await again.close();

    // Ending leaves no trace: the session's store is gone, and the history is as it was.
    await classroom.click('[data-testid="classroom-end"]');
    await classroom.waitForSelector('[data-testid="classroom-start"]');
    const databases = await classroom.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
    expect(databases).not.toContain('disclosed-classroom');
    expect(await history()).toBe(historyBefore);
    // Not one row of the history changed: events, page loads, totals, summaries.
    expect(await everythingStored(context, extensionId)).toBe(everythingBefore);
    await page.close();
    await classroom.close();
  });
});
