import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { PopupPage, tabIdOf } from './popup-page.ts';
import { useExtensionBrowser } from './setup.ts';
import { META_PAGE, NEWS, TEST_SITES } from './test-site.ts';

const env = useExtensionBrowser(TEST_SITES);
const NEWS_SITE = 'news-site.example';
/** Where the screenshots of the popup and the dashboard go, to look at (not compared). */
const screenshot = (name: string) => join(process.env.SCREENSHOT_DIR ?? tmpdir(), `disclosed-vocabulary-${name}.png`);

async function dashboard(route: string): Promise<Page> {
  const page = await env.browser.context.newPage();
  await page.goto(`chrome-extension://${env.browser.extensionId}/options.html#/${route}`);
  return page;
}

describe('dashboard', () => {
  it('lists the sites where a company received data, on the company page', async () => {
    const pages: Page[] = [];
    for (const url of [`https://${NEWS}/article.html`, `https://${META_PAGE}/disclosed-test.html`]) {
      const page = await env.browser.context.newPage();
      await page.goto(url, { waitUntil: 'networkidle' });
      pages.push(page);
    }
    // Google got two analytics hits and an advertising pixel on the article (and an analytics hit on facebook.com):
    // the popup names its categories in the same order, main first, as every dashboard view below.
    const inOrder = 'Site analytics, Advertising';
    const popup = await PopupPage.open(
      env.browser.context,
      env.browser.extensionId,
      await tabIdOf(env.browser.context, env.browser.extensionId, `https://${NEWS}/article.html`),
    );
    const googleCategories = popup.page.locator('[data-company="google"] [data-testid="categories"]');
    await googleCategories.waitFor();
    expect(await googleCategories.textContent()).toBe(inOrder);
    await popup.page.screenshot({ path: screenshot('popup') });
    await popup.close();
    for (const page of pages) await page.close();

    const list = await dashboard('companies');
    const googleRow = list.locator('[data-testid="companies-table"] tbody tr', {
      has: list.locator('a:text-is("Google")'),
    });
    await googleRow.waitFor();
    expect(await googleRow.locator('[data-testid="categories"]').textContent()).toBe(inOrder);
    const googleRequests = await googleRow.locator('td:nth-child(4)').textContent();
    await list.screenshot({ path: screenshot('companies'), fullPage: true });
    await list.close();
    const site = await dashboard(`site/${encodeURIComponent(NEWS_SITE)}`);
    const onSite = site.locator('[data-testid="site-companies"] tbody tr', {
      has: site.locator('a:text-is("Google")'),
    });
    await onSite.waitFor();
    expect(await onSite.locator('[data-testid="categories"]').textContent()).toBe(inOrder);
    await site.close();
    // The overview counts it once, with all its requests, under its main category (the only company whose main
    // category is analytics here: Meta's one analytics and one advertising request make it an advertiser).
    const overview = await dashboard('overview');
    await overview.getByRole('button', { name: 'All', exact: true }).click();
    const analytics = overview.locator('tr', { has: overview.locator('td:text-is("Site analytics")') });
    await analytics.waitFor();
    expect(await analytics.locator('td').allTextContents()).toEqual(['Site analytics', '1', googleRequests]);
    await overview.screenshot({ path: screenshot('overview'), fullPage: true });
    await overview.close();

    const page = await dashboard('companies');
    await page.waitForSelector('[data-testid="companies-table"] a:text-is("Google")');
    await page.click('[data-testid="companies-table"] a:text-is("Google")');
    await page.waitForSelector('[data-testid="company-name"]:text-is("Google")');
    await page.waitForSelector('[data-testid="company-sites"] tbody tr');
    const sites = await page.locator('[data-testid="company-sites"] tbody tr td:first-child').allTextContents();
    expect(sites.sort()).toEqual(['facebook.com', 'news-site.example']);
    expect(await page.locator('[data-testid="privacy-contact"]').textContent()).toBe('https://www.google.com/contact/');
    await page.close();
  });

  it('shows the overview totals and the companies of a site, and searches', async () => {
    const overview = await dashboard('overview');
    await overview.waitForSelector('[data-testid="total-companies"]');
    expect(Number(await overview.locator('[data-testid="total-sites"]').textContent())).toBe(2);
    // Google, Meta, Microsoft, Magnite, and the unlisted widget host.
    expect(Number(await overview.locator('[data-testid="total-companies"]').textContent())).toBe(5);
    const top = await overview.locator('[data-testid="top-companies"] tbody tr td:first-child').first().textContent();
    expect(top).toBe('Google');
    // The per-day chart is drawn (a canvas with room in it), with its table beside it.
    const canvas = overview.locator('[data-testid="timeline"] canvas').first();
    await canvas.waitFor();
    expect((await canvas.boundingBox())?.width).toBeGreaterThan(300);
    await overview.close();

    const site = await dashboard(`site/${encodeURIComponent('news-site.example')}`);
    await site.waitForSelector('[data-testid="site-companies"] tbody tr');
    const names = await site.locator('[data-testid="site-companies"] tbody tr td:first-child').allTextContents();
    expect(names.sort()).toEqual(['Google', 'Magnite', 'Meta', 'Microsoft', 'unlisted-widgets.example']);
    await site.close();

    const companies = await dashboard('companies');
    await companies.waitForSelector('[data-testid="companies-table"] tbody tr');
    await companies.fill('[data-testid="search"]', 'magn');
    expect(
      await companies.locator('[data-testid="companies-table"] tbody tr td:first-child').allTextContents(),
    ).toEqual(['Magnite']);
    await companies.close();
  });

  it('draws the sites ↔ companies graph, lays it out in a worker, finds a node and opens its page on a click', async () => {
    const page = await dashboard('graph');
    const graph = page.locator('[data-testid="graph"]');
    await graph.locator('canvas').first().waitFor();
    // Busy until the canvas shows the data, then not.
    await page.waitForSelector('[data-testid="graph"][aria-busy="false"]');
    // 2 sites and 5 companies (the overview's totals), 6 connections: the news site's 5 and Google on facebook.com.
    expect(await graph.getAttribute('aria-label')).toContain('2 sites and 5 companies with 6 connections');
    // The layout ran in its worker and settled by itself (a graph this small takes a few steps).
    await page.waitForSelector('[data-testid="layout-status"]:text-is("Layout finished.")');
    expect(await page.locator('[data-testid="layout-toggle"]').textContent()).toBe('Resume layout');
    // Another time window redraws the same canvas (everything here happened today).
    await page.getByRole('button', { name: 'Today', exact: true }).click();
    await page.waitForSelector('[data-testid="graph"][aria-busy="false"]');
    expect(await graph.getAttribute('aria-label')).toContain('2 sites and 5 companies with 6 connections');
    await page.waitForSelector('[data-testid="layout-status"]:text-is("Layout finished.")');

    await page.fill('[data-testid="graph-search"]', 'magnite');
    expect(await page.locator('[data-testid="graph-matches"] a').allTextContents()).toEqual(['Magnite']);
    // The camera centres on the match: a click in the middle of the canvas lands on it.
    await page.waitForTimeout(600);
    const box = await graph.boundingBox();
    if (!box) throw new Error('no graph box');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForSelector('[data-testid="company-name"]:text-is("Magnite")');
    expect(page.url()).toContain('#/company/');

    // The table alternative lists the same connections.
    await page.goto(`chrome-extension://${env.browser.extensionId}/options.html#/graph`);
    await page.click('[data-testid="graph-table"] summary');
    const google = page.locator('[data-testid="graph-table"] tr', { has: page.locator('th a:text-is("Google")') });
    // The details element reports its opening in a task of its own: wait for the rows.
    await google.waitFor();
    expect(await google.locator('td a').allTextContents()).toEqual(['facebook.com', 'news-site.example']);
    await page.close();
  });

  it('axe-core finds no violations on any view', async () => {
    for (const route of [
      'overview',
      'companies',
      'sites',
      'graph',
      'company/google',
      'site/news-site.example',
      'settings',
    ]) {
      const page = await dashboard(route);
      await page.waitForSelector('main section, main h2');
      await page.waitForTimeout(200);
      expect(await axeViolations(page), route).toEqual([]);
      await page.close();
    }
  });
});
