import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CATEGORY_GROUPS, groupName, groupOf } from '../../components/categories.ts';
import { translatorFromMessages } from '../../lib/i18n.ts';
import { axeViolations } from './axe.ts';
import { useExtensionBrowser } from './setup.ts';
import { CROSS_SITE_HOSTS, META_PAGE, NEWS, TEST_SITES } from './test-site.ts';

const messages = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', 'public', '_locales', 'en', 'messages.json'), 'utf8'),
) as Record<string, { message: string }>;
const t = translatorFromMessages(messages);
/** A category's id from the name the card shows. */
const categoryIds = new Map(
  Object.entries(messages).flatMap(([key, m]) => (key.startsWith('category_') ? [[m.message, key.slice(9)]] : [])),
);
/** Where the screenshots go, to look at (not compared). */
const screenshot = (name: string) => join(process.env.SCREENSHOT_DIR ?? tmpdir(), `disclosed-graph-${name}.png`);

/**
 * The ink of the labels layer of the sigma canvas inside `selector`: how many pixels are drawn, and how many of them
 * touch the canvas's outer two pixels — a label cut at the edge leaves ink there. Read from the page's own canvas.
 */
function labelInk(page: Page, selector: string) {
  return page.evaluate((sel) => {
    const canvas = document.querySelector<HTMLCanvasElement>(`${sel} canvas.sigma-labels`);
    if (!canvas) throw new Error(`no labels canvas in ${sel}`);
    const context = canvas.getContext('2d') as CanvasRenderingContext2D;
    const { width, height } = canvas;
    const pixels = context.getImageData(0, 0, width, height).data;
    const band = Math.ceil(2 * devicePixelRatio);
    let ink = 0;
    let atEdge = 0;
    const rows = new Set<number>();
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        if (!pixels[(y * width + x) * 4 + 3]) continue;
        ink++;
        rows.add(Math.floor(y / 10));
        if (x < band || y < band || x >= width - band || y >= height - band) atEdge++;
      }
    }
    return { ink, atEdge, bands: rows.size };
  }, selector);
}

/** Steps through every node with the arrow keys, reading each card: the graph as a keyboard user meets it. */
async function cardsByKeyboard(page: Page, graph: string, count: number) {
  await page.focus(graph);
  const cards: { name: string; what: string; reach: number; requests?: number }[] = [];
  for (let i = 0; i < count; i++) {
    await page.keyboard.press('ArrowRight');
    const card = page.locator('[data-testid="graph-card"]').first();
    const name = await card.locator('[data-testid="graph-card-name"]').textContent();
    const requests = card.locator('[data-testid="graph-card-requests"]');
    cards.push({
      name: name ?? '',
      what: (await card.locator('[data-testid="graph-card-what"]').textContent()) ?? '',
      reach: Number(await card.locator('[data-testid="graph-card-reach"]').textContent()),
      ...((await requests.count()) ? { requests: Number(await requests.textContent()) } : {}),
    });
  }
  return cards;
}

/** The legend's entries as they should be: the site ring, then each group of the companies shown, in legend order. */
function expectedLegend(companyCategories: string[]): string[] {
  const groups = new Set(companyCategories.map((name) => groupOf(categoryIds.get(name))));
  return [t('dashGraphSite'), ...CATEGORY_GROUPS.filter((g) => groups.has(g)).map((g) => groupName(t, g))];
}

describe('the graph with names', () => {
  const env = useExtensionBrowser(TEST_SITES);

  it('names every node inside the canvas, with a legend of its groups and a card by pointer and keyboard', async () => {
    const { context, extensionId } = env.browser;
    for (const url of [
      `https://${NEWS}/article.html`,
      `https://${META_PAGE}/disclosed-test.html`,
      'https://www.shoe-shop.example/p/42.html',
      ...CROSS_SITE_HOSTS.map((h) => `https://${h}/index.html`),
    ]) {
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'networkidle' });
      await page.close();
    }
    const page = await context.newPage();
    // The companies list, for the figures the card must repeat (its requests column, all time).
    await page.goto(`chrome-extension://${extensionId}/options.html#/companies`);
    const magniteRow = page.locator('[data-testid="companies-table"] tbody tr', {
      has: page.locator('a:text-is("Magnite")'),
    });
    await magniteRow.waitFor();
    const magniteRequests = Number(await magniteRow.locator('td:nth-child(4)').textContent());

    await page.goto(`chrome-extension://${extensionId}/options.html#/graph`);
    await page.getByRole('button', { name: 'All', exact: true }).click();
    const graph = '[data-testid="graph"]';
    await page.waitForSelector(`${graph}[aria-busy="false"]`);
    await page.waitForSelector('[data-testid="layout-status"]:text-is("Layout finished.")');
    const label = (await page.getAttribute(graph, 'aria-label')) ?? '';
    const [, sites, companies] = label.match(/(\d+) sites and (\d+) companies/) ?? [];
    const nodes = Number(sites) + Number(companies);
    // A small graph (under 40 nodes): every node is named, none cut at the canvas's edge.
    expect(nodes).toBeGreaterThan(10);
    expect(nodes).toBeLessThanOrEqual(40);
    await page.waitForTimeout(300);
    const ink = await labelInk(page, graph);
    expect(ink.ink).toBeGreaterThan(nodes * 40);
    expect(ink.atEdge).toBe(0);
    await page.screenshot({ path: screenshot('dashboard'), fullPage: true });

    // The keyboard: the arrow keys visit every node once, the companies on the most sites first.
    const cards = await cardsByKeyboard(page, graph, nodes);
    expect(new Set(cards.map((c) => c.name)).size).toBe(nodes);
    const companyCards = cards.filter((c) => c.what !== t('dashGraphSite'));
    expect(companyCards).toHaveLength(Number(companies));
    const reach = companyCards.map((c) => c.reach);
    expect(reach).toEqual([...reach].sort((a, b) => b - a));
    expect(reach[0]).toBeGreaterThanOrEqual(3);
    // Each company's card says how many sites it reached: as many as the table lists for it.
    await page.click('[data-testid="graph-table"] summary');
    await page.waitForSelector('[data-testid="graph-table"] tbody tr');
    for (const c of companyCards.slice(0, 3)) {
      const row = page.locator('[data-testid="graph-table"] tbody tr', {
        has: page.locator(`th a:text-is("${c.name}")`),
      });
      expect(await row.locator('td a').count(), c.name).toBe(c.reach);
      expect(c.requests, c.name).toBeGreaterThan(0);
    }
    // The legend names the group of every company drawn, and no other.
    const legend = await page.locator('[data-testid="graph-legend"] li').allTextContents();
    expect(legend.map((s) => s.trim())).toEqual(expectedLegend(companyCards.map((c) => c.what)));
    expect(await axeViolations(page)).toEqual([]);

    // The pointer: the search centres the camera on Magnite; the card under the pointer tells it.
    await page.fill('[data-testid="graph-search"]', 'magnite');
    await page.waitForTimeout(600);
    const box = await page.locator(graph).boundingBox();
    if (!box) throw new Error('no graph box');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const card = page.locator('[data-testid="graph-card"]');
    await page.waitForSelector('[data-testid="graph-card-name"]:text-is("Magnite")');
    expect(await card.locator('[data-testid="graph-card-what"]').textContent()).toBe('Advertising');
    expect(await card.locator('[data-testid="graph-card-reach"]').textContent()).toBe('1');
    expect(Number(await card.locator('[data-testid="graph-card-requests"]').textContent())).toBe(magniteRequests);
    await page.screenshot({ path: screenshot('dashboard-hover') });

    // A narrow window: the labels near the right edge turn to the left of their nodes, and none is cut.
    await page.fill('[data-testid="graph-search"]', '');
    await page.mouse.move(0, 0);
    await page.setViewportSize({ width: 720, height: 800 });
    await page.waitForTimeout(600);
    const narrow = await labelInk(page, graph);
    expect(narrow.ink).toBeGreaterThan(nodes * 40);
    expect(narrow.atEdge).toBe(0);
    await page.screenshot({ path: screenshot('dashboard-narrow') });
    await page.setViewportSize({ width: 1280, height: 800 });
    // Dark mode: the nodes take the dark scheme's hues at once, labels still whole.
    const siteRing = () =>
      page.evaluate(
        () => getComputedStyle(document.querySelector('[data-group="site"] .swatch') as Element).borderColor,
      );
    const lightRing = await siteRing();
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(siteRing).not.toBe(lightRing);
    await page.waitForTimeout(400);
    expect((await labelInk(page, graph)).atEdge).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshot('dashboard-dark') });
    await page.emulateMedia({ colorScheme: 'light' });

    // Enter opens the page of the node the keyboard chose.
    await page.focus(graph);
    await page.keyboard.press('Home');
    const first = await page.locator('[data-testid="graph-card-name"]').textContent();
    expect(first).toBe(cards[0]?.name);
    await page.keyboard.press('Enter');
    await page.waitForSelector(`[data-testid="company-name"]:text-is("${first}")`);
    await page.close();
  });

  it('names the classroom graph inside its canvas, with its legend and card', async () => {
    const { context, extensionId } = env.browser;
    const classroom = await context.newPage();
    await classroom.setViewportSize({ width: 1280, height: 720 });
    await classroom.goto(`chrome-extension://${extensionId}/classroom.html`);
    await classroom.click('[data-testid="classroom-start"]');
    for (const url of [`https://${NEWS}/article.html`, 'https://www.shoe-shop.example/p/42.html']) {
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'networkidle' });
      await page.close();
    }
    await expect.poll(() => classroom.textContent('[data-testid="count-sites"]'), { timeout: 5000 }).toBe('2');
    const companies = Number(await classroom.textContent('[data-testid="count-companies"]'));
    // The layout settles over a second or two.
    await classroom.waitForTimeout(2500);
    const graph = '[data-testid="session-graph"]';
    const ink = await labelInk(classroom, graph);
    expect(ink.ink).toBeGreaterThan((companies + 2) * 60);
    expect(ink.atEdge).toBe(0);

    const cards = await cardsByKeyboard(classroom, graph, companies + 2);
    expect(new Set(cards.map((c) => c.name)).size).toBe(companies + 2);
    const google = cards.find((c) => c.name === 'Google');
    expect(google).toMatchObject({ what: 'Site analytics', reach: 2 });
    expect(google?.requests).toBeGreaterThan(1);
    const companyCards = cards.filter((c) => c.what !== t('dashGraphSite'));
    const legend = await classroom.locator('[data-testid="graph-legend"] li').allTextContents();
    expect(legend.map((s) => s.trim())).toEqual(expectedLegend(companyCards.map((c) => c.what)));
    // The card and legend are room-sized too.
    const smallest = await classroom.evaluate(() =>
      Math.min(
        ...[...document.querySelectorAll('.classroom-graph *')]
          .filter((el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent?.trim()))
          .map((el) => Number.parseFloat(getComputedStyle(el).fontSize)),
      ),
    );
    expect(smallest).toBeGreaterThanOrEqual(20);
    expect(await axeViolations(classroom)).toEqual([]);
    await classroom.screenshot({ path: screenshot('classroom-card') });
    // Escape lets go of the node: no card.
    await classroom.keyboard.press('Escape');
    expect(await classroom.locator('[data-testid="graph-card-name"]').count()).toBe(0);
    await classroom.waitForTimeout(200);
    await classroom.screenshot({ path: screenshot('classroom') });
    await classroom.click('[data-testid="classroom-end"]');
    await classroom.close();
  });
});

describe('the graph without WebGL', () => {
  const env = useExtensionBrowser(TEST_SITES, { args: ['--disable-webgl', '--disable-3d-apis'] });

  it('shows the connections table with a plain message, in the dashboard and the classroom', async () => {
    const { context, extensionId } = env.browser;
    const visit = async () => {
      const page = await context.newPage();
      await page.goto(`https://${NEWS}/article.html`, { waitUntil: 'networkidle' });
      await page.close();
    };
    await visit();
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html#/graph`);
    // This browser really has no WebGL.
    expect(
      await page.evaluate(() => {
        const canvas = document.createElement('canvas');
        return [canvas.getContext('webgl'), canvas.getContext('webgl2')].map((c) => c === null);
      }),
    ).toEqual([true, true]);
    await page.waitForSelector('[data-testid="graph-fallback"]');
    expect(await page.textContent('[data-testid="graph-fallback"]')).toBe(t('dashGraphNoWebgl'));
    const google = page.locator('[data-testid="connections-table"] tr', {
      has: page.locator('th a:text-is("Google")'),
    });
    expect(await google.locator('td a').allTextContents()).toEqual(['news-site.example']);
    expect(await page.locator('[data-testid="connections-table"] tbody tr').count()).toBe(5);
    expect(await page.locator('canvas').count()).toBe(0);
    expect(await page.textContent('main')).not.toContain(t('dashLayoutRunning'));
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshot('dashboard-no-webgl'), fullPage: true });
    await page.close();

    const classroom = await context.newPage();
    await classroom.setViewportSize({ width: 1280, height: 720 });
    await classroom.goto(`chrome-extension://${extensionId}/classroom.html`);
    await classroom.click('[data-testid="classroom-start"]');
    await visit();
    const row = classroom.locator('[data-testid="connections-table"] tr', {
      has: classroom.locator('th:text-is("Google")'),
    });
    await row.waitFor({ timeout: 5000 });
    expect(await row.locator('td').textContent()).toBe('news-site.example');
    expect(await classroom.textContent('[data-testid="graph-fallback"]')).toBe(t('dashGraphNoWebgl'));
    expect(await classroom.locator('canvas').count()).toBe(0);
    expect(await axeViolations(classroom)).toEqual([]);
    await classroom.screenshot({ path: screenshot('classroom-no-webgl') });
    await classroom.click('[data-testid="classroom-end"]');
    await classroom.close();
  });
});
