import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { everythingStored } from './extension-db.ts';
import { useExtensionBrowser } from './setup.ts';
import { NEWS, TEST_SITES } from './test-site.ts';

const env = useExtensionBrowser(TEST_SITES);

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
    expect(await classroom.locator('[data-testid="session-graph"] canvas').count()).toBeGreaterThan(0);
    expect(await axeViolations(classroom)).toEqual([]);
    // Readable from the back of the room: no text under 20 px, and nothing wider than the 1280 px screen.
    const smallest = await classroom.evaluate(() =>
      Math.min(
        ...[...document.querySelectorAll('main *')]
          .filter(
            (el) => el.childNodes.length && [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent?.trim()),
          )
          .map((el) => Number.parseFloat(getComputedStyle(el).fontSize)),
      ),
    );
    expect(smallest).toBeGreaterThanOrEqual(20);
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
