import type { CDPSession } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { storedEvents } from './extension-db.ts';
import { PopupPage, tabIdOf } from './popup-page.ts';
import { useExtensionBrowser } from './setup.ts';
import { NEWS, TEST_SITES } from './test-site.ts';

/** The longest an observed event may wait in memory before it is committed, as this test holds the worker to. */
const WINDOW_MS = 250;

const env = useExtensionBrowser(TEST_SITES);

/** Watches the extension's worker through CDP (Playwright's own handle hangs while the worker is stopped). */
async function workerStates(cdp: CDPSession): Promise<{ states: string[]; stopped: number[]; running: number[] }> {
  const states: string[] = [];
  const stopped: number[] = [];
  const running: number[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', (e: { versions: { runningStatus: string; scriptURL: string }[] }) => {
    for (const v of e.versions) {
      if (!v.scriptURL.startsWith('chrome-extension://')) continue;
      if (v.runningStatus === 'stopped' && states.at(-1) !== 'stopped') stopped.push(Date.now());
      if (v.runningStatus === 'running' && states.at(-1) !== 'running') running.push(Date.now());
      states.push(v.runningStatus);
    }
  });
  await cdp.send('ServiceWorker.enable');
  return { states, stopped, running };
}

async function settle(count: () => number, quietMs = 800, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  let last = -1;
  let since = Date.now();
  while (Date.now() < deadline) {
    const now = count();
    if (now !== last) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since > quietMs) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('service worker stopped by the browser', () => {
  it('loses no event when stopped mid-burst, beyond the bounded window the platform can cut', async () => {
    const page = await env.browser.context.newPage();
    const cdp = await env.browser.context.newCDPSession(page);
    const { states, stopped, running } = await workerStates(cdp);
    const burstHost = 'ssl.google-analytics.com';
    const n = 1200;
    const rate = 2000;
    await page.goto(`https://${NEWS}/burst.html?n=${n}&rate=${rate}`);
    // Stop the worker twice while requests are flowing, each time once it is running again.
    const stops: number[] = [];
    const started = Date.now() + 10_000;
    while (!env.internet.requestsTo([burstHost]).length && Date.now() < started)
      await new Promise((r) => setTimeout(r, 5));
    for (const delay of [60, 150]) {
      const running = Date.now() + 5000;
      while (states.at(-1) !== 'running' && Date.now() < running) await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, delay));
      stops.push(Date.now());
      await cdp.send('ServiceWorker.stopAllWorkers');
    }
    await page.waitForFunction(() => document.title === 'sent', undefined, { timeout: 20_000 });
    await settle(() => env.internet.requestsTo([burstHost]).length);
    const received = env.internet.requestsTo([burstHost]).length;
    expect(received).toBe(n);
    expect(states).toContain('stopped');
    expect(stopped.length).toBeGreaterThanOrEqual(2);

    // Give the woken worker time to finish its last transaction, then count independently of it.
    let stored = new Set<string>();
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      const events = await storedEvents(env.browser.context, env.browser.extensionId);
      stored = new Set(events.filter((e) => e.host === burstHost).map((e) => e.path));
      if (stored.size >= received) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    // The bound (README, "What a worker stop can lose"): an event is in memory from the moment the worker observes
    // it until its batch commits — milliseconds, more on a loaded machine. Only requests the server got within
    // WINDOW_MS before a stop completed may be missing, and few of them.
    const t0 = env.internet.requestsTo([burstHost])[0]?.time ?? 0;
    const missing = env.internet.requestsTo([burstHost]).filter((r) => !stored.has(r.path));
    const report = `stops at ${stops.map((s) => s - t0)} ms, stopped at ${stopped.map((s) => s - t0)} ms, running at ${running.map((s) => s - t0)} ms; missing ${missing.map((m) => `${m.path}@${m.time - t0}`)}`;
    console.log(`worker stopped twice mid-burst: ${received} requests, ${stored.size} stored; ${report}`);
    // Requests that complete while the worker is stopped or starting wait in the browser, not in the worker: an
    // event is at risk from when the running worker has it, max(received, worker running), until the stop.
    // It is at risk until the browser *tells* the worker to stop; how long the browser then takes to finish stopping
    // it (up to ~200 ms here) is not time the worker can use.
    const inWindow = (time: number) => {
      const end = stopped.find((s) => s >= time);
      if (end === undefined) return false;
      const told = Math.max(...stops.filter((s) => s <= end));
      const since = Math.max(time, ...running.filter((r) => r <= end));
      return told - since <= WINDOW_MS;
    };
    expect(
      missing.filter((m) => !inWindow(m.time)),
      report,
    ).toEqual([]);
    // The timing above is the bound; this only guards against mass loss. (At 2,000 requests a second, two 250 ms
    // windows could hold 1,000 requests; runs here lose 0 to ~45 of 1,200.)
    expect(missing.length, report).toBeLessThanOrEqual(n * 0.1);
    await page.close();
  });

  it('shows the right companies on the first popup open after a restart', async () => {
    const url = `https://${NEWS}/article.html`;
    const page = await env.browser.context.newPage();
    await page.goto(url, { waitUntil: 'networkidle' });
    const tabId = await tabIdOf(env.browser.context, env.browser.extensionId, url);
    const cdp = await env.browser.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    const popup = await PopupPage.open(env.browser.context, env.browser.extensionId, tabId);
    const counts = await popup.counts('companies');
    expect(Object.keys(counts).sort()).toEqual(['Google', 'Magnite', 'Meta', 'Microsoft']);
    await popup.close();
    await page.close();
  });
});
