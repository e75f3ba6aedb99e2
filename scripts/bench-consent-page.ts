/**
 * The "Consent reader" section of `npm run bench` (`npm run bench -- --consent-page` runs it alone; so does
 * `npx tsx scripts/bench-consent-page.ts`): what the page's consent reader and its relay cost a page's load. The same
 * pages are loaded in one browser with the extension, alternately with the scripts registered and without (taken
 * away between loads from an extension page), one of each after the other. The figure is the median of
 * those pairs' ratios of load time (the navigation's start to its load event's end), with to without — on a shared
 * machine, other processes' load falls on both of a pair alike; the budget is at most 1.05.
 */
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { EXTENSION_DIR, launchWithExtension } from './browser.ts';
import { startFakeInternet } from './fake-internet.ts';

const root = resolve(import.meta.dirname ?? '.', '..');
export const CONSENT_BUDGET = 1.05;
const HOST = 'www.consent-news.example';
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
  const sites = await consentSites([HOST]);
  // The test site's article (trackers, no CMP) on the same host too.
  (sites[HOST] as Record<string, unknown>)['/trackers.html'] = TEST_SITES[NEWS]?.['/article.html'] ?? '';
  const internet = await startFakeInternet({ ...TEST_SITES, ...sites });
  const browser = await launchWithExtension({ port: internet.port, extensionDir: EXTENSION_DIR });
  // The extension's own page, where the reader's registration is taken away and given back between loads: with and
  // without, the site is recorded alike (the worker's share of the machine is the same).
  const control = await browser.context.newPage();
  await control.goto(`chrome-extension://${browser.extensionId}/options.html`);
  type Scripting = {
    getRegisteredContentScripts(): Promise<object[]>;
    unregisterContentScripts(): Promise<void>;
    registerContentScripts(scripts: object[]): Promise<void>;
  };
  await control.waitForFunction(async () => {
    const { chrome } = globalThis as unknown as { chrome: { scripting: Scripting } };
    return (await chrome.scripting.getRegisteredContentScripts()).length > 0;
  });
  const registered = await control.evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: { scripting: Scripting } };
    return JSON.stringify(await chrome.scripting.getRegisteredContentScripts());
  });
  const setReader = (on: boolean) =>
    control.evaluate(
      async ([on, scripts]) => {
        const { chrome } = globalThis as unknown as { chrome: { scripting: Scripting } };
        await chrome.scripting.unregisterContentScripts();
        if (on) await chrome.scripting.registerContentScripts(JSON.parse(scripts));
      },
      [on, registered] as const,
    );
  const page = await browser.context.newPage();
  const results: Record<string, unknown> = {};
  for (const [name, path] of [
    ['a page with an IAB CMP and its banner', '/article.html'],
    ['a page with trackers and no CMP', '/trackers.html'],
  ] as const) {
    const times = { with: [] as number[], without: [] as number[] };
    // Warm the caches and connections first; then one load of each, in turn, so drift in the machine's load hits both.
    await loadTime(page, `https://${HOST}${path}`);
    for (let i = 0; i < LOADS; i++) {
      for (const on of i % 2 ? [true, false] : [false, true]) {
        await setReader(on);
        const ms = await loadTime(page, `https://${HOST}${path}?${i}${on ? 'w' : 'o'}`);
        (on ? times.with : times.without).push(ms);
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
  await setReader(true);
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
