/**
 * `npm run bench`: the performance figures, measured on this machine in one run.
 * 1. Classification: our matcher against the TrackerDB SDK's `matchUrl`, same requests, same process — the real
 *    corpus (when ../shared is present) and a generated corpus of 100,000 requests; time per request and agreement.
 * 2. Tracker index: load time and heap, ours and the SDK's engine.
 * 3. Real Chromium: service-worker cold start (listeners, index), the exposure window under a burst, and the time
 *    from a request to its appearance in the open popup.
 * 4. The dashboard at 1,000,000 events: each view's first paint, and the graph's frame rate while panning.
 * 5. Package: the store zip and the largest file.
 * Figures go to stdout and bench-results/latest.json. Timings vary with the machine's load: compare ratios.
 */
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadMatcher, parseTrackerList } from '../lib/trackers/load.ts';
import { compare, isThirdParty, loadSdk, ourCompany, type SdkEngine, sdkCompany } from './agreement.ts';
import { backgroundStatus, launchWithExtension, tabIdOf } from './browser.ts';
import { coldIndexLoad } from './cold-index-load.ts';
import { loadRealCorpus } from './corpus.ts';
import { startFakeInternet } from './fake-internet.ts';
import { fillDatabase } from './fill.ts';
import { describePopupOpen, popupOpenSpeed } from './popup-open.ts';
import { type CorpusRequest, generateCorpus } from './synthetic.ts';
import { graphFrameRate, timeViews } from './view-timing.ts';

const root = resolve(import.meta.dirname ?? '.', '..');
const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version };
const skipBrowser = process.argv.includes('--no-browser');

execSync('npm run trackers --silent', { cwd: root, stdio: 'inherit' });
// The packed index the service worker loads, and the list in full form that generated corpora are drawn from.
const indexText = readFileSync(join(root, 'lib', 'generated', 'tracker-index.json'), 'utf8');
const fullList = parseTrackerList(readFileSync(join(root, 'lib', 'generated', 'tracker-list.json'), 'utf8'));
const matcher = loadMatcher(indexText);
const sdk = await loadSdk();

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))] ?? NaN;
const fmt = (n: number, digits = 2) => n.toFixed(digits);

/**
 * Times two implementations over the same requests, alternating passes (A B A B …) so that drift in the machine's
 * speed and the garbage collector's timing fall on both; returns the median pass of each and the first passes.
 */
function timeBoth(a: () => void, b: () => void, passes = 9) {
  const run = (fn: () => void) => {
    const t = performance.now();
    fn();
    return performance.now() - t;
  };
  const firstA = run(a);
  const firstB = run(b);
  const as: number[] = [];
  const bs: number[] = [];
  for (let i = 0; i < passes; i++) {
    as.push(run(a));
    bs.push(run(b));
  }
  return { a: { firstMs: firstA, medianMs: median(as) }, b: { firstMs: firstB, medianMs: median(bs) } };
}

function classification(name: string, requests: CorpusRequest[]) {
  const thirdParty = requests.filter(isThirdParty);
  const agreement = compare(matcher, sdk, thirdParty);
  let sink = 0;
  // A pass covers at least 100,000 requests (a small corpus is repeated) so that one pause does not decide it.
  const repeat = Math.max(1, Math.ceil(100_000 / requests.length));
  const { a: theirs, b: ours } = timeBoth(
    () => {
      for (let k = 0; k < repeat; k++) for (const r of requests) sink += sdkCompany(sdk as SdkEngine, r) ? 1 : 0;
    },
    () => {
      for (let k = 0; k < repeat; k++) for (const r of requests) sink += ourCompany(matcher, r) ? 1 : 0;
    },
  );
  const perRequest = (ms: number) => (ms * 1e6) / (requests.length * repeat);
  const row = {
    requests: requests.length,
    thirdParty: thirdParty.length,
    agreement: agreement.rate,
    disagreements: agreement.differences.slice(0, 10),
    oursNsPerRequest: perRequest(ours.medianMs),
    sdkNsPerRequest: perRequest(theirs.medianMs),
    speedup: theirs.medianMs / ours.medianMs,
    firstPassSpeedup: theirs.firstMs / ours.firstMs,
    sink,
  };
  console.log(
    `${name}: ${requests.length} requests (${thirdParty.length} third-party) — agreement ${fmt(agreement.rate * 100, 3)}% ` +
      `(${agreement.differences.length} differ); ours ${fmt(row.oursNsPerRequest, 0)} ns/request, SDK ` +
      `${fmt(row.sdkNsPerRequest, 0)} ns/request: ${fmt(row.speedup, 1)}× faster (first pass ${fmt(row.firstPassSpeedup, 1)}×)`,
  );
  for (const d of agreement.differences.slice(0, 5)) console.log(`   differs: ${d.url} — ours ${d.ours}, SDK ${d.sdk}`);
  return row;
}

console.log('\n## Classification against the TrackerDB SDK (same process, same requests)');
const real = loadRealCorpus();
if (real) results.realCorpus = classification('real corpus (../shared/corpus)', real);
else console.log('real corpus: ../shared/corpus is absent, skipped');
results.generatedCorpus = classification('generated corpus', generateCorpus(fullList, 100_000));

console.log('\n## Disclosure decoding (per third-party request, address only)');
{
  const sample = (real ?? generateCorpus(fullList, 20_000)).filter(isThirdParty);
  const { decodeRequest } = await import('../lib/disclose/decode.ts');
  const passes: number[] = [];
  let kinds = 0;
  for (let pass = 0; pass < 5; pass++) {
    const t = performance.now();
    for (const r of sample)
      kinds += (await decodeRequest({ url: r.url, method: 'GET', pageUrl: r.pageUrl })).kinds.length;
    passes.push(performance.now() - t);
  }
  const perRequestUs = (median(passes) * 1000) / sample.length;
  results.decode = { requests: sample.length, perRequestUs };
  console.log(
    `${sample.length} requests: ${fmt(perRequestUs, 1)} µs a request (median of 5 passes; ${kinds} kinds found)`,
  );
}

console.log('\n## Tracker index load');
{
  const loads: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t = performance.now();
    loadMatcher(indexText);
    loads.push(performance.now() - t);
  }
  const engine = readFileSync(join(root, 'node_modules', '@ghostery', 'trackerdb', 'dist', 'trackerdb.engine'));
  const sdkLoads: number[] = [];
  const { default: loadTrackerDB } = await import('@ghostery/trackerdb');
  for (let i = 0; i < 15; i++) {
    const t = performance.now();
    await loadTrackerDB(engine);
    sdkLoads.push(performance.now() - t);
  }
  const gc = (globalThis as { gc?: () => void }).gc;
  let heapBytes: number | null = null;
  if (gc) {
    gc();
    const before = process.memoryUsage().heapUsed;
    const held = loadMatcher(indexText);
    // Touch it so every lazily built part that matching needs exists.
    held.match({
      url: 'https://www.google-analytics.com/collect',
      hostname: 'www.google-analytics.com',
      type: 'image',
      thirdParty: true,
      pageHostname: 'a.example',
    });
    gc();
    heapBytes = process.memoryUsage().heapUsed - before;
    if (!held) throw new Error('unreachable');
  }
  results.indexLoad = {
    medianMs: median(loads),
    sdkMedianMs: median(sdkLoads),
    indexBytes: Buffer.byteLength(indexText),
    heapBytes,
  };
  console.log(
    `index ${(Buffer.byteLength(indexText) / 1024).toFixed(0)} KiB: parse + build ${fmt(median(loads), 1)} ms (median of 15); ` +
      `SDK engine load ${fmt(median(sdkLoads), 1)} ms; heap held ${heapBytes === null ? 'n/a (run with --expose-gc)' : `${(heapBytes / 1024 / 1024).toFixed(1)} MiB`}`,
  );
}

results.coldIndexLoad = coldIndexLoadSection();

if (!skipBrowser) {
  console.log('\n## Real Chromium (headless)');
  execSync('npx wxt build', { cwd: root, stdio: 'ignore' });
  const { TEST_SITES, NEWS } = await import('../tests/e2e/test-site.ts');
  const internet = await startFakeInternet(TEST_SITES);
  const browser = await launchWithExtension({ port: internet.port });
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  const status = async () =>
    (await backgroundStatus(browser.context, browser.extensionId)) as unknown as Record<string, number>;

  const starts: Record<string, number>[] = [];
  for (let i = 0; i < 12; i++) {
    await cdp.send('ServiceWorker.stopAllWorkers');
    await new Promise((r) => setTimeout(r, 300));
    starts.push(await status());
  }
  const col = (key: string, from?: string) => starts.map((s) => (s[key] ?? NaN) - (from ? (s[from] ?? 0) : 0));
  const cold = {
    browserShareMs: median(col('scriptStartMs')),
    modulesMs: median(col('mainStartMs', 'scriptStartMs')),
    listenersFromScriptStartMs: median(col('listenersReadyMs', 'scriptStartMs')),
    indexFromScriptStartMs: median(col('indexReadyMs', 'scriptStartMs')),
    listenersFromWorkerStartMs: median(col('listenersReadyMs')),
    indexFromWorkerStartMs: median(col('indexReadyMs')),
    p95IndexFromWorkerStartMs: percentile(col('indexReadyMs'), 95),
  };
  results.coldStart = cold;
  console.log(
    `cold start (median of 12 stops): the browser starts the worker in ${fmt(cold.browserShareMs, 0)} ms; from our script's ` +
      `start, listeners live at ${fmt(cold.listenersFromScriptStartMs, 0)} ms (modules ${fmt(cold.modulesMs, 0)} ms), index ` +
      `loaded at ${fmt(cold.indexFromScriptStartMs, 0)} ms; from the worker's start: listeners ${fmt(cold.listenersFromWorkerStartMs, 0)} ms, ` +
      `index ${fmt(cold.indexFromWorkerStartMs, 0)} ms (p95 ${fmt(cold.p95IndexFromWorkerStartMs, 0)} ms)`,
  );

  // A burst at 2,000 tracker requests a second: every one stored, and how long events wait in memory.
  const burstHost = 'ssl.google-analytics.com';
  const before = internet.requestsTo([burstHost]).length;
  await page.goto(`https://${NEWS}/burst.html?n=2000&rate=2000`);
  await page.waitForFunction(() => document.title === 'sent', undefined, { timeout: 30_000 });
  // The page has issued them all; the browser sends six at a time per host. Wait until the server's count settles.
  for (let last = -1, quietSince = Date.now(); Date.now() - quietSince < 1000; ) {
    const count = internet.requestsTo([burstHost]).length;
    if (count !== last) {
      last = count;
      quietSince = Date.now();
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await new Promise((r) => setTimeout(r, 500));
  const burst = await status();
  const received = internet.requestsTo([burstHost]).length - before;
  const { storedEvents } = await import('../tests/e2e/extension-db.ts');
  const events = (await storedEvents(browser.context, browser.extensionId)).filter((e) => e.host === burstHost);
  const completed = events.filter((e) => e.outcome === 'completed').length;
  results.burst = {
    received,
    storedCompleted: completed,
    storedFailed: events.length - completed,
    medianExposureMs: burst.medianExposureMs,
    maxExposureMs: burst.exposureMs,
  };
  console.log(
    `burst of 2,000 requests at 2,000/s: the server answered ${received}; stored ${completed} completed and ` +
      `${events.length - completed} failed inside the browser; events wait in memory ` +
      `${fmt(burst.medianExposureMs ?? NaN, 1)} ms (median), ${fmt(burst.exposureMs ?? NaN, 1)} ms (max of the last 200 batches)`,
  );

  // Request → visible in the open popup.
  await page.goto(`https://${NEWS}/empty.html?latency`, { waitUntil: 'networkidle' });
  const tabId = await tabIdOf(browser.context, browser.extensionId, `https://${NEWS}/empty.html?latency`);
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
  await popup.waitForSelector('main[aria-busy="false"]');
  const latencies: number[] = [];
  for (let i = 0; i < 20; i++) {
    const count = await popup.locator('[data-testid="recipient"]').count();
    const t = Date.now();
    await page.evaluate((n) => {
      new Image().src = `https://tracker${n}.doubleverify.com/p.gif`;
    }, i);
    // Each new host of the same company bumps its request count; wait for the count to change.
    await popup.waitForFunction(
      ([before, n]) => {
        const el = document.querySelector('[data-company="doubleverify"] [data-testid="requests"]');
        return (
          Number(el?.getAttribute('data-count') ?? 0) >= n ||
          document.querySelectorAll('[data-testid="recipient"]').length > before
        );
      },
      [count, i + 1] as const,
      { timeout: 5000 },
    );
    latencies.push(Date.now() - t);
  }
  results.popupLatency = { medianMs: median(latencies), p95Ms: percentile(latencies, 95) };
  console.log(
    `request → visible in the open popup: median ${median(latencies)} ms, p95 ${percentile(latencies, 95)} ms (20 requests)`,
  );

  // Request → a new entry in the classroom feed, during a demo session.
  const classroom = await browser.context.newPage();
  await classroom.goto(`chrome-extension://${browser.extensionId}/classroom.html`);
  await classroom.click('[data-testid="classroom-start"]');
  await classroom.waitForSelector('[data-testid="classroom-empty"]');
  const feed: number[] = [];
  for (let i = 0; i < 40; i++) {
    const before = Number(await classroom.textContent('[data-testid="count-requests"]'));
    const t = Date.now();
    await page.evaluate((n) => {
      new Image().src = `https://tracker${n}.doubleverify.com/p.gif?classroom`;
    }, i);
    await classroom.waitForFunction(
      (n) => Number(document.querySelector('[data-testid="count-requests"]')?.textContent) > n,
      before,
      { timeout: 5000, polling: 'raf' },
    );
    feed.push(Date.now() - t);
  }
  await classroom.click('[data-testid="classroom-end"]');
  results.classroomLatency = { medianMs: median(feed), p95Ms: percentile(feed, 95) };
  console.log(
    `request → in the classroom feed: median ${median(feed)} ms, p95 ${percentile(feed, 95)} ms (40 requests; target p95 < 500 ms)`,
  );
  await browser.close();
  await internet.close();

  results.popupOpen = await popupOpenSection();
  results.dashboard = await dashboardAtScale();
}

/** The index's load in a fresh process, as a service worker's start pays it (scripts/cold-index-load.ts). */
function coldIndexLoadSection() {
  const cold = coldIndexLoad(7);
  console.log(
    `cold load, once in a fresh process (median of 7): ours ${fmt(cold.oursMs, 1)} ms, SDK engine ${fmt(cold.sdkMs, 1)} ms`,
  );
  return cold;
}

/** Opening the popup on a tab with 40 companies, until they are all drawn (scripts/popup-open.ts). */
async function popupOpenSection() {
  console.log('\n## Popup open (real Chromium)');
  const popupOpen = await popupOpenSpeed(40, 20);
  console.log(describePopupOpen(popupOpen));
  return popupOpen;
}

/**
 * The dashboard at a million events: a profile filled once by scripts/fill.ts (kept in bench-results/ and reused
 * while the schema and the generator are unchanged), then each view's first paint and the graph's frame rate.
 */
async function dashboardAtScale() {
  const events = 1_000_000;
  const profile = join(root, 'bench-results', 'profile-1m');
  const stamp = JSON.stringify({
    events,
    schema: createHash('sha256')
      .update(readFileSync(join(root, 'lib', 'storage', 'db.ts')))
      .digest('hex'),
    generator: createHash('sha256')
      .update(readFileSync(join(root, 'scripts', 'synthetic.ts')))
      .digest('hex'),
  });
  const marker = join(profile, 'disclosed-fill.json');
  const reuse = existsSync(marker) && readFileSync(marker, 'utf8') === stamp && !process.argv.includes('--refill');
  console.log(`\n## Dashboard at ${events.toLocaleString('en')} events`);
  if (!reuse) {
    rmSync(profile, { recursive: true, force: true });
    mkdirSync(profile, { recursive: true });
    const filler = await launchWithExtension({ port: 9, userDataDir: profile });
    const started = performance.now();
    await fillDatabase(filler.context, filler.extensionId, { events });
    await filler.close();
    writeFileSync(marker, stamp);
    console.log(`filled in ${((performance.now() - started) / 1000).toFixed(0)} s (reused by later runs)`);
  }
  const browser = await launchWithExtension({ port: 9, userDataDir: profile });
  const views = await timeViews(browser.context, browser.extensionId, 5);
  for (const v of views) {
    console.log(
      `first paint #/${v.route}: opening the dashboard there median ${fmt(v.median, 0)} ms, worst ${fmt(v.max, 0)} ms; ` +
        `from another view ${Number.isNaN(v.inAppMedian) ? 'n/a' : `${fmt(v.inAppMedian, 0)} ms`} (median of 5 each)`,
    );
  }
  const graph = await graphFrameRate(browser.context, browser.extensionId);
  console.log(
    `graph, all time: ${graph.sites} sites, ${graph.companies} companies, ${graph.edges} connections drawn; panning ` +
      `${fmt(graph.fpsStopped, 1)} fps (layout stopped), ${graph.fpsWhileLayout === null ? 'n/a' : fmt(graph.fpsWhileLayout, 1)} fps ` +
      `(layout running), ${fmt(graph.fpsWithoutGraph, 1)} fps with no graph; longest main-thread task while laying out ` +
      `${fmt(graph.longestTaskMs, 0)} ms; drawing still after "Stop layout": ${graph.stillAfterStop}`,
  );
  await browser.close();
  return { events, views, graph };
}

console.log('\n## Package');
execSync('npx wxt zip', { cwd: root, stdio: 'ignore' });
{
  const out = join(root, '.output');
  const zip = readdirSync(out).find((f) => f.endsWith('-chrome.zip'));
  const files: [string, number][] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else files.push([p.slice(out.length + 1), statSync(p).size]);
    }
  };
  walk(join(out, 'chrome-mv3'));
  const largest = files.sort((a, b) => b[1] - a[1])[0];
  results.package = { zipBytes: zip ? statSync(join(out, zip)).size : null, largestFile: largest };
  console.log(
    `store zip ${zip ? (statSync(join(out, zip)).size / 1024).toFixed(0) : '?'} KiB; largest file ${largest?.[0]} ` +
      `${((largest?.[1] ?? 0) / 1024).toFixed(0)} KiB (limit 4,096 KiB)`,
  );
}

mkdirSync(join(root, 'bench-results'), { recursive: true });
writeFileSync(join(root, 'bench-results', 'latest.json'), JSON.stringify(results, null, 2));
console.log('\nWritten to bench-results/latest.json');
