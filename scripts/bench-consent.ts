/**
 * The "Consent reader" section of `npm run bench` (`npm run bench -- --consent` runs it alone; so does
 * `npx tsx scripts/bench-consent.ts`): what the page's consent reader and its relay cost a page's load. The same
 * pages are loaded, alternately, from two hosts in one browser with the extension: one the user excluded (the
 * scripts are not registered there) and one they run on, one of each after the other. The figure is the median of
 * those pairs' ratios of load time (the navigation's start to its load event's end), with to without — on a shared
 * machine, other processes' load falls on both of a pair alike; the budget is at most 1.05.
 */
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { type ChromeGlobal, EXTENSION_DIR, inExtensionPage, launchWithExtension } from './browser.ts';
import { startFakeInternet } from './fake-internet.ts';

const root = resolve(import.meta.dirname ?? '.', '..');
export const CONSENT_BUDGET = 1.05;
const WITH = 'www.consent-news.example';
const WITHOUT = 'www.consent-excluded.example';
const LOADS = 60;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

/** One load of `url`: from the navigation's start to the end of its load event, as the page measures it. */
async function loadTime(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'load' });
  return page.evaluate(() => {
    const [nav] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    return nav ? nav.loadEventEnd - nav.startTime : Number.NaN;
  });
}

export async function consentReaderCost(): Promise<Record<string, unknown>> {
  console.log('\n## Consent reader (real Chromium: page load with the reader and without)');
  execSync('npx wxt build', { cwd: root, stdio: 'ignore' });
  const { consentSites } = await import('../tests/e2e/consent-site.ts');
  const { TEST_SITES, NEWS } = await import('../tests/e2e/test-site.ts');
  const sites = await consentSites([WITH, WITHOUT]);
  // The test site's article (trackers, no CMP) on both hosts too.
  const article = TEST_SITES[NEWS]?.['/article.html'] ?? '';
  for (const host of [WITH, WITHOUT]) (sites[host] as Record<string, unknown>)['/trackers.html'] = article;
  const internet = await startFakeInternet({ ...TEST_SITES, ...sites });
  const browser = await launchWithExtension({ port: internet.port, extensionDir: EXTENSION_DIR });
  await inExtensionPage(browser.context, browser.extensionId, async () => {
    const { chrome } = globalThis as unknown as ChromeGlobal & {
      chrome: { scripting: { getRegisteredContentScripts(): Promise<{ excludeMatches?: string[] }[]> } };
    };
    await chrome.runtime.sendMessage({
      type: 'settings/update',
      payload: { excludedSites: ['consent-excluded.example'] },
    });
    for (let i = 0; i < 100; i++) {
      const scripts = await chrome.scripting.getRegisteredContentScripts();
      if (scripts.length && scripts.every((s) => s.excludeMatches?.length)) return;
      await new Promise((r) => setTimeout(r, 50));
    }
  });
  const page = await browser.context.newPage();
  const results: Record<string, unknown> = {};
  for (const [name, path] of [
    ['a page with an IAB CMP and its banner', '/article.html'],
    ['a page with trackers and no CMP', '/trackers.html'],
  ] as const) {
    const times = { with: [] as number[], without: [] as number[] };
    // Warm both hosts' caches and connections first; then alternate, so drift in the machine's load hits both.
    await loadTime(page, `https://${WITH}${path}`);
    await loadTime(page, `https://${WITHOUT}${path}`);
    for (let i = 0; i < LOADS; i++) {
      const order = i % 2 ? ([WITH, WITHOUT] as const) : ([WITHOUT, WITH] as const);
      for (const host of order) {
        const ms = await loadTime(page, `https://${host}${path}?${i}`);
        (host === WITH ? times.with : times.without).push(ms);
      }
    }
    const withMs = median(times.with);
    const withoutMs = median(times.without);
    const ratio = median(times.with.map((ms, i) => ms / (times.without[i] ?? Number.NaN)));
    results[path] = { withMs, withoutMs, ratio, budget: CONSENT_BUDGET, met: ratio <= CONSENT_BUDGET };
    console.log(
      `${name}: load ${withMs.toFixed(1)} ms with the reader, ${withoutMs.toFixed(1)} ms without (medians of ${LOADS}): ` +
        `median ratio of ${LOADS} pairs ${ratio.toFixed(3)} — budget ≤ ${CONSENT_BUDGET} ${ratio <= CONSENT_BUDGET ? 'met' : 'NOT met'}`,
    );
  }
  await browser.close();
  await internet.close();
  return { consentReader: results };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  execSync('npm run trackers --silent', { cwd: root, stdio: 'inherit' });
  const results = { date: new Date().toISOString(), node: process.version, ...(await consentReaderCost()) };
  mkdirSync(join(root, 'bench-results'), { recursive: true });
  writeFileSync(join(root, 'bench-results', 'consent.json'), JSON.stringify(results, null, 2));
  console.log('\nWritten to bench-results/consent.json');
}
