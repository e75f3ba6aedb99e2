import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDay } from '../../components/format.ts';
import { localDay } from '../../lib/day.ts';
import { fillDatabase } from '../../scripts/fill.ts';
import { useExtensionBrowser } from './setup.ts';
import { NEWS, TEST_SITES } from './test-site.ts';

const env = useExtensionBrowser(TEST_SITES);
/** Where the screenshots go, to look at (not compared). */
const screenshot = (name: string) => join(process.env.SCREENSHOT_DIR ?? tmpdir(), `disclosed-charts-${name}.png`);

async function dashboard(route: string): Promise<Page> {
  const page = await env.browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`chrome-extension://${env.browser.extensionId}/options.html#/${route}`);
  return page;
}

/** The UI language the extension pages format with. */
const uiLanguage = (page: Page) =>
  page.evaluate(() =>
    (globalThis as unknown as { chrome: { i18n: { getUILanguage(): string } } }).chrome.i18n.getUILanguage(),
  );

/**
 * The one shape of a day in `locale`, as a pattern: `formatDay` of a known day with its numbers and month name made
 * general ("Nov 25, 2026" gives "(Jan|Feb|…) \d{1,2}, \d{4}").
 */
function dayPattern(locale: string): string {
  const months = Array.from({ length: 12 }, (_, m) =>
    new Intl.DateTimeFormat(locale, { month: 'short' }).format(new Date(2026, m, 15)),
  );
  // 25 November 2026: a day number above 12 and the month's name cannot be mistaken for one another.
  const known = formatDay('2026-11-25', locale);
  const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const month = months[10] as string;
  return literal(known)
    .replace('2026', '\\d{4}')
    .replace('25', '\\d{1,2}')
    .replace(literal(month), `(?:${months.map(literal).join('|')})`)
    .replace(/\s/g, '\\s');
}

/** Text on screen that is a date in a second format: ISO days, or numbers with slashes. */
const OTHER_FORMATS = /\d{4}-\d{2}-\d{2}|\d+\/\d+\/\d+/;

async function expectOneDateFormat(page: Page, cells: Locator, pattern: RegExp) {
  await cells.first().waitFor();
  const texts = await cells.allTextContents();
  expect(texts.length).toBeGreaterThan(0);
  for (const text of texts) expect(text.trim()).toMatch(pattern);
  // biome-ignore lint/performance/useDomNodeTextContent: the text on screen, as laid out, not hidden nodes' text.
  expect(await page.locator('body').innerText()).not.toMatch(OTHER_FORMATS);
}

/** The colour of the bars (the --accent token) across one row of the chart's canvas: the span it covers, in px. */
function barSpan(page: Page) {
  return page.evaluate(() => {
    const canvas = document.querySelector('[data-testid="timeline"] canvas') as HTMLCanvasElement;
    const probe = document.createElement('span');
    probe.style.color = getComputedStyle(document.documentElement).getPropertyValue('--accent');
    document.body.append(probe);
    const [r, g, b] = (getComputedStyle(probe).color.match(/\d+/g) ?? []).map(Number);
    probe.remove();
    const context = canvas.getContext('2d') as CanvasRenderingContext2D;
    // Just above the x axis, where every bar with a request is drawn.
    const row = context.getImageData(0, Math.round(canvas.height * 0.7), canvas.width, 1).data;
    const hits: number[] = [];
    for (let x = 0; x < canvas.width; x++) {
      const [pr, pg, pb] = [row[x * 4], row[x * 4 + 1], row[x * 4 + 2]];
      if (pr === r && pg === g && pb === b) hits.push(x);
    }
    return { first: hits[0] ?? -1, last: hits.at(-1) ?? -1, width: canvas.width };
  });
}

describe('the per-day chart and the one date format', () => {
  it('draws one day of data as one bar in the middle of a one-day axis, and its legend gives the day’s numbers', async () => {
    const site = await env.browser.context.newPage();
    await site.goto(`https://${NEWS}/article.html`, { waitUntil: 'networkidle' });
    await site.close();

    const overview = await dashboard('overview');
    await overview.getByRole('button', { name: 'Today', exact: true }).click();
    const legend = overview.locator('[data-testid="timeline-legend"]');
    await legend.waitFor();
    const locale = await uiLanguage(overview);
    const today = localDay(Date.now());
    // Before any hover, the legend already says which day and how many: never "--".
    expect(await legend.locator('time').getAttribute('datetime')).toBe(today);
    expect(await legend.locator('time').textContent()).toBe(formatDay(today, locale));
    const dayRow = overview.locator('table.data tbody tr', { has: overview.locator(`time[datetime="${today}"]`) });
    const [, companies, requests] = await dayRow.locator('td').allTextContents();
    expect(Number(requests)).toBeGreaterThan(0);
    expect(await legend.locator('[data-testid="timeline-legend-requests"]').textContent()).toBe(requests);
    expect(await legend.locator('[data-testid="timeline-legend-companies"]').textContent()).toBe(companies);
    expect(await legend.textContent()).not.toContain('--');

    // A one-day range: the day's bar stands at the middle of the plot, not squeezed at one end of years of axis.
    const canvas = overview.locator('[data-testid="timeline"] canvas').first();
    await canvas.waitFor();
    await canvas.scrollIntoViewIfNeeded();
    const span = await barSpan(overview);
    expect(span.first).toBeGreaterThan(0);
    const middle = (span.first + span.last) / 2;
    expect(Math.abs(middle / span.width - 0.5)).toBeLessThan(0.08);
    // Hovering the bar shows the same numbers.
    const box = (await canvas.boundingBox()) as { x: number; y: number; width: number; height: number };
    await overview.mouse.move(box.x + (middle / span.width) * box.width, box.y + box.height * 0.7);
    expect(await legend.locator('[data-testid="timeline-legend-requests"]').textContent()).toBe(requests);
    // The axis labels are at least 14 px: the canvas draws with the --text-sm token.
    const font = await overview.evaluate(() =>
      getComputedStyle(document.documentElement).getPropertyValue('--text-sm'),
    );
    expect(Number.parseFloat(font)).toBeGreaterThanOrEqual(14);
    // In dark mode the canvas is redrawn with the dark tokens: the bar takes the dark --accent.
    await overview.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(async () => (await barSpan(overview)).first).toBeGreaterThan(0);
    await overview.locator('figure.timeline-chart').screenshot({ path: screenshot('overview-today-dark-chart') });
    await overview.emulateMedia({ colorScheme: 'light' });
    await overview.screenshot({ path: screenshot('overview-today'), fullPage: true });
    await overview.locator('figure.timeline-chart').screenshot({ path: screenshot('overview-today-chart') });
    await overview.close();
  });

  it('over 90 days of history, hovering a bar shows that day’s date and numbers', async () => {
    await fillDatabase(env.browser.context, env.browser.extensionId, { events: 4000, days: 90, seed: 7 });
    const overview = await dashboard('overview');
    await overview.getByRole('button', { name: 'All', exact: true }).click();
    const legend = overview.locator('[data-testid="timeline-legend"]');
    await legend.waitFor();
    const locale = await uiLanguage(overview);
    const canvas = overview.locator('[data-testid="timeline"] canvas').first();
    await canvas.waitFor();
    await canvas.scrollIntoViewIfNeeded();
    const days = await overview
      .locator('table.data tbody time[datetime]')
      .evaluateAll((times) => times.map((t) => t.getAttribute('datetime') as string));
    expect(days.length).toBeGreaterThanOrEqual(90);
    const box = (await canvas.boundingBox()) as { x: number; y: number; width: number; height: number };
    // Across the plot from left to right, the hovered day moves forward through the timeline.
    const seen: string[] = [];
    for (const at of [0.3, 0.5, 0.7]) {
      await overview.mouse.move(box.x + box.width * at, box.y + box.height * 0.5);
      const day = (await legend.locator('time').getAttribute('datetime')) as string;
      expect(await legend.locator('time').textContent()).toBe(formatDay(day, locale));
      const row = overview.locator('table.data tbody tr', { has: overview.locator(`time[datetime="${day}"]`) });
      const [, companies, requests] = await row.locator('td').allTextContents();
      expect(await legend.locator('[data-testid="timeline-legend-requests"]').textContent()).toBe(requests);
      expect(await legend.locator('[data-testid="timeline-legend-companies"]').textContent()).toBe(companies);
      seen.push(day);
    }
    expect([...seen].sort()).toEqual(seen);
    expect(new Set(seen).size).toBe(3);
    await overview.screenshot({ path: screenshot('overview-90-days'), fullPage: true });
    await overview.locator('figure.timeline-chart').screenshot({ path: screenshot('overview-90-days-chart') });
    await overview.close();
  });

  it('shows every date in one format on the overview, companies, site and letters screens', async () => {
    const overview = await dashboard('overview');
    await overview.getByRole('button', { name: 'All', exact: true }).click();
    const locale = await uiLanguage(overview);
    const day = new RegExp(`^${dayPattern(locale)}$`);
    // A time after the day, as the locale writes it ("Nov 25, 2026, 2:05 PM", "25 Nov 2026, 14:05"), morning or not.
    const times = [2, 14].map((hour) =>
      formatDateTime(new Date(2026, 10, 25, hour, 5), locale)
        .slice(formatDay('2026-11-25', locale).length)
        .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        .replace(/\d+/g, '\\d+')
        // Node's ICU and Chromium's may differ on the narrow no-break space before "PM".
        .replace(/\s/g, '\\s'),
    );
    const dateTime = new RegExp(`^${dayPattern(locale)}(?:${times.join('|')})$`);
    await expectOneDateFormat(overview, overview.locator('table.data tbody td:first-child time'), day);
    await expectOneDateFormat(overview, overview.locator('[data-testid="timeline-legend"] time'), day);
    await overview.close();

    const companies = await dashboard('companies');
    await expectOneDateFormat(companies, companies.locator('[data-testid="companies-table"] tbody time'), dateTime);
    await companies.close();

    const site = await dashboard(`site/${encodeURIComponent('news-site.example')}`);
    await expectOneDateFormat(site, site.locator('[data-testid="site-companies"] tbody time'), dateTime);
    await site.close();

    // A letter marked sent: the composer's deadline hint, then the letters list's sent and due days.
    const letter = await dashboard('letter/magnite');
    await letter.waitForSelector('[data-testid="letter-body"]');
    const hint = letter.locator('.sent .hint');
    await hint.waitFor();
    const hinted = (await hint.textContent()) ?? '';
    expect(hinted).toMatch(new RegExp(dayPattern(locale)));
    expect(hinted).not.toMatch(OTHER_FORMATS);
    await letter.click('[data-testid="letter-sent"]');
    await letter.waitForSelector('[data-testid="letters-table"] tbody tr');
    const cells = letter.locator('[data-testid="letters-table"] tbody td time');
    await expectOneDateFormat(letter, cells, day);
    expect(await cells.count()).toBe(2);
    await letter.screenshot({ path: screenshot('letters'), fullPage: true });
    await letter.close();
  });
});
