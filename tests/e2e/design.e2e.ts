import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeHistory, SCREENS, type Scheme } from '../../scripts/screens.ts';
import { axeViolations } from './axe.ts';
import { useExtensionBrowser } from './setup.ts';
import { TEST_SITES } from './test-site.ts';

// Every screen, light and dark, held to what a reader notices: accessible, and no text too small to read.
const env = useExtensionBrowser(TEST_SITES, { thirdPartyCookies: true });

beforeAll(async () => {
  await makeHistory(env.browser.context, env.browser.extensionId);
}, 120_000);

interface SmallText {
  size: number;
  tag: string;
  text: string;
}

/**
 * The visible elements that hold text of their own (a non-blank text node as a direct child) under `minimum` px,
 * with what they say; `.visually-hidden` text (for screen readers only) is left out.
 */
function smallText(page: Page, minimum: number): Promise<SmallText[]> {
  return page.evaluate((min) => {
    const small: { size: number; tag: string; text: string }[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      if (el.closest('.visually-hidden, script, style, noscript')) continue;
      const own = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
      if (!own.length) continue;
      const style = getComputedStyle(el);
      if (el.getClientRects().length === 0 || style.visibility === 'hidden') continue;
      const size = Number.parseFloat(style.fontSize);
      if (size < min)
        small.push({ size, tag: el.tagName.toLowerCase(), text: own.map((n) => n.textContent?.trim()).join(' ') });
    }
    return small;
  }, minimum);
}

const bodySize = (page: Page) => page.evaluate(() => Number.parseFloat(getComputedStyle(document.body).fontSize));

const looked = SCREENS.filter((s) => s.kind !== 'print');

describe.each(['light', 'dark'] as Scheme[])('every screen in %s mode', (scheme) => {
  it.each(looked.map((s) => [s.name, s] as const))('%s: axe-core finds no violations', async (_name, screen) => {
    const page = await screen.open(env.browser.context, env.browser.extensionId, scheme);
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
    const violations = await axeViolations(page);
    expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual(
      [],
    );
    await page.close();
  });

  it.each(looked.map((s) => [s.name, s] as const))(
    '%s: body text and every visible text are big enough to read',
    async (_name, screen) => {
      const page = await screen.open(env.browser.context, env.browser.extensionId, scheme);
      // 14 px at least in the popup and the dashboard, 20 px in the classroom (read from the back of the room).
      const minimum = screen.kind === 'classroom' ? 20 : 14;
      expect(await bodySize(page)).toBeGreaterThanOrEqual(minimum);
      expect(await smallText(page, minimum)).toEqual([]);
      await page.close();
    },
  );
});

describe('the shared component styles', () => {
  it('the text check finds text that is too small', async () => {
    const screen = SCREENS.find((s) => s.name === 'settings');
    const page = await screen?.open(env.browser.context, env.browser.extensionId);
    if (!page) throw new Error('no settings screen');
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'tiny print';
      p.style.fontSize = '11px';
      document.querySelector('main')?.append(p);
    });
    expect(await smallText(page, 14)).toEqual([{ size: 11, tag: 'p', text: 'tiny print' }]);
    await page.close();
  });

  it('draws every boxed fieldset the same way, on the settings page and in the composer', async () => {
    const borders = new Set<string>();
    for (const name of ['settings', 'composer']) {
      const page = await SCREENS.find((s) => s.name === name)?.open(env.browser.context, env.browser.extensionId);
      if (!page) throw new Error(`no ${name} screen`);
      const styles = await page.$$eval('main fieldset:not(.windows, .toggles)', (sets) =>
        sets.map((f) => {
          const s = getComputedStyle(f);
          return `${s.borderTopWidth} ${s.borderTopStyle} ${s.borderTopColor} ${s.borderRadius}`;
        }),
      );
      expect(styles.length).toBeGreaterThan(2);
      for (const style of styles) borders.add(style);
      await page.close();
    }
    expect([...borders]).toHaveLength(1);
  });

  it('lays the dashboard out without the popup’s stylesheet', async () => {
    const page = await SCREENS.find((s) => s.name === 'overview')?.open(env.browser.context, env.browser.extensionId);
    if (!page) throw new Error('no overview screen');
    const sheets = await page.evaluate(() => [...document.styleSheets].map((s) => s.href ?? ''));
    expect(sheets.some((href) => /popup/.test(href))).toBe(false);
    // Numbers in tables line up: tabular figures, right-aligned.
    const cell = page.locator('table.data td.num').first();
    expect(await cell.evaluate((td) => getComputedStyle(td).fontVariantNumeric)).toContain('tabular-nums');
    expect(await cell.evaluate((td) => getComputedStyle(td).textAlign)).toBe('right');
    await page.close();
  });
});

describe('the settings page for people', () => {
  it('shows large numbers grouped and confirms an export with the file and what it holds', async () => {
    const page = await SCREENS.find((s) => s.name === 'settings')?.open(env.browser.context, env.browser.extensionId);
    if (!page) throw new Error('no settings screen');
    expect(await page.inputValue('[data-testid="option-max-events"]')).toBe('1,000,000');
    // A number typed with its grouping is read back.
    await page.fill('[data-testid="option-max-totals"]', '250,000');
    await page.locator('[data-testid="option-max-totals"]').blur();
    await page.waitForSelector('[data-testid="settings-message"]:has-text("Saved.")');
    await page.reload();
    await page.waitForSelector('[data-testid="attribution"]');
    expect(await page.inputValue('[data-testid="option-max-totals"]')).toBe('250,000');

    const [json] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-json"]')]);
    await page.waitForSelector('[data-testid="data-message"]:has-text("Saved")');
    const lines = readFileSync((await json.path()) as string, 'utf8')
      .trim()
      .split('\n');
    const requests = lines.filter((l) => l.startsWith('{"event":')).length;
    const flows = lines.filter((l) => l.startsWith('{"flow":')).length;
    expect(requests).toBeGreaterThan(0);
    const said = await page.textContent('[data-testid="data-message"]');
    expect(said).toContain(`Saved ${json.suggestedFilename()} (`);
    expect(said).toContain(`It holds ${requests} requests and ${flows} site and company totals.`);

    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-csv"]')]);
    await page.waitForSelector(`[data-testid="data-message"]:has-text("${csv.suggestedFilename()}")`);
    const rows =
      readFileSync((await csv.path()) as string, 'utf8')
        .trim()
        .split(/\r?\n/).length - 1;
    expect(await page.textContent('[data-testid="data-message"]')).toContain(
      `It holds ${rows} site and company totals.`,
    );
    await page.close();
  });
});
