/**
 * Time to first paint of each dashboard view, in real Chromium: from the start of the page's navigation to the
 * first animation frame after the view's content (not its loading state) is in the page.
 */
import type { BrowserContext } from 'playwright-core';

/** The pause before each timed load. */
const SETTLE_MS = 1000;

/** Each view, and what shows that its data arrived (the graph: drawn with its data, no longer busy). */
export const VIEWS: { route: string; ready: string }[] = [
  { route: 'overview', ready: '[data-testid="total-requests"]' },
  { route: 'companies', ready: '[data-testid="companies-table"] tbody tr' },
  { route: 'sites', ready: '[data-testid="sites-table"] tbody tr' },
  { route: 'graph', ready: '[data-testid="graph"][aria-busy="false"] canvas' },
  { route: 'company/google', ready: '[data-testid="company-sites"] tbody tr' },
  // The most visited site of the generated history (scripts/synthetic.ts).
  { route: 'site/site0.com', ready: '[data-testid="site-companies"] tbody tr' },
  { route: 'letters', ready: '[data-testid="letters-empty"], [data-testid="letters-table"]' },
  { route: 'settings', ready: '[data-testid="storage-used"]' },
];

/**
 * Milliseconds from navigation start to the first frame with `ready` in the page, for one load of `route`. Each load
 * starts on a quiet browser: the previous page's teardown (its WebGL contexts, its worker) is not this one's cost.
 */
export async function firstPaint(context: BrowserContext, extensionId: string, route: string, ready: string) {
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const page = await context.newPage();
  try {
    // A string, not a function: tsx would wrap named arrows in a helper the page does not have.
    await page.addInitScript(`window.__painted = new Promise((resolve) => {
      const check = () => {
        if (!document.querySelector(${JSON.stringify(ready)})) return false;
        requestAnimationFrame(() => resolve(performance.now()));
        return true;
      };
      const observer = new MutationObserver(() => check() && observer.disconnect());
      document.addEventListener('DOMContentLoaded', () => {
        if (!check()) observer.observe(document.body, { childList: true, subtree: true });
      });
    });`);
    await page.goto(`chrome-extension://${extensionId}/options.html#/${route}`);
    return await page.evaluate(() => (window as unknown as { __painted: Promise<number> }).__painted);
  } finally {
    await page.close();
  }
}

/**
 * Milliseconds from a click-like hash change inside an open dashboard to the first frame with `ready`: moving
 * between views, where the page is already loaded.
 */
export async function inAppPaint(context: BrowserContext, extensionId: string, route: string, ready: string) {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/options.html#/settings`);
    await page.waitForSelector('[data-testid="storage-used"]');
    // A string, not a function: tsx would wrap named arrows in a helper the page does not have.
    return Number(
      await page.evaluate(`new Promise((resolve) => {
        const start = performance.now();
        const check = () => {
          if (!document.querySelector(${JSON.stringify(ready)})) return false;
          requestAnimationFrame(() => resolve(performance.now() - start));
          return true;
        };
        const observer = new MutationObserver(() => check() && observer.disconnect());
        observer.observe(document.body, { childList: true, subtree: true });
        location.hash = ${JSON.stringify(`#/${route}`)};
      })`),
    );
  } finally {
    await page.close();
  }
}

/** Nearest-rank percentile: of 10 loads, the p95 is the worst. */
export function percentile(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((sorted.length * p) / 100) - 1)] as number;
}

/** Median, p95 and worst of `loads` loads of each view (after one warm-up load of the page). */
export async function timeViews(context: BrowserContext, extensionId: string, loads = 10) {
  await firstPaint(context, extensionId, 'overview', VIEWS[0]?.ready ?? 'main');
  const out: { route: string; median: number; p95: number; max: number; inAppMedian: number; inAppP95: number }[] = [];
  for (const { route, ready } of VIEWS) {
    const times: number[] = [];
    const inApp: number[] = [];
    for (let i = 0; i < loads; i++) times.push(await firstPaint(context, extensionId, route, ready));
    if (route !== 'settings') {
      for (let i = 0; i < loads; i++) inApp.push(await inAppPaint(context, extensionId, route, ready));
    }
    out.push({
      route,
      median: percentile(times, 50),
      p95: percentile(times, 95),
      max: Math.max(...times),
      inAppMedian: inApp.length ? percentile(inApp, 50) : NaN,
      inAppP95: inApp.length ? percentile(inApp, 95) : NaN,
    });
  }
  return out;
}

/**
 * The graph at a window: its size, the longest main-thread task while the layout runs (the page must not freeze),
 * frames per second while the user pans (mouse drags, layout running and stopped), and that "Stop layout" stops
 * the drawing from changing.
 */
export async function graphFrameRate(context: BrowserContext, extensionId: string, windowLabel = 'All') {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  try {
    await page.addInitScript(`window.__longest = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
      }).observe({ type: 'longtask', buffered: true });`);
    await page.goto(`chrome-extension://${extensionId}/options.html#/graph`);
    await page.getByRole('button', { name: windowLabel, exact: true }).click();
    const graph = page.locator('[data-testid="graph"]');
    await page.waitForFunction(
      (label) => /\d/.test(document.querySelector('[data-testid="graph"]')?.getAttribute('aria-label') ?? '') && label,
      windowLabel,
    );
    await graph.locator('canvas').first().waitFor();
    const label = (await graph.getAttribute('aria-label')) ?? '';
    const [sites, companies, edges] = (label.match(/\d[\d,]*/g) ?? []).map((n) => Number(n.replace(/,/g, '')));
    await page.evaluate(() => {
      (window as unknown as { __longest: number }).__longest = 0;
    });
    const pan = async () => {
      const box = await graph.boundingBox();
      if (!box) throw new Error('no graph');
      const cx = box.x + box.width / 2;
      const cy = box.y + box.height / 2;
      await page.evaluate(`window.__frames = 0; window.__counting = true;
        (function tick() { if (!window.__counting) return; window.__frames++; requestAnimationFrame(tick); })();`);
      const started = Date.now();
      await page.mouse.move(cx, cy);
      await page.mouse.down();
      for (let i = 0; Date.now() - started < 3000; i++) {
        await page.mouse.move(cx + 150 * Math.sin(i / 10), cy + 100 * Math.cos(i / 13));
      }
      await page.mouse.up();
      const frames = await page.evaluate('window.__counting = false, window.__frames');
      return (Number(frames) * 1000) / (Date.now() - started);
    };
    const whileLayout = (await page.locator('[data-testid="layout-status"]').textContent())?.includes('Arranging')
      ? await pan()
      : null;
    const longestTaskMs = await page.evaluate(() => (window as unknown as { __longest: number }).__longest);
    // Stop the layout: from then on the drawing must not change.
    let stillAfterStop: boolean | null = null;
    if ((await page.locator('[data-testid="layout-toggle"]').textContent()) === 'Stop layout') {
      await page.click('[data-testid="layout-toggle"]');
      await page.waitForTimeout(300);
      const before = await graph.screenshot();
      await page.waitForTimeout(1000);
      stillAfterStop = before.equals(await graph.screenshot());
    }
    const stopped = await pan();
    // The same drags over a page with no graph: the most frames this browser draws here.
    await page.evaluate(() => {
      const blank = document.querySelector('[data-testid="graph"]') as HTMLElement;
      blank.replaceChildren();
    });
    const baseline = await pan();
    return {
      sites,
      companies,
      edges,
      longestTaskMs,
      fpsWhileLayout: whileLayout,
      fpsStopped: stopped,
      fpsWithoutGraph: baseline,
      stillAfterStop,
    };
  } finally {
    await page.close();
  }
}
