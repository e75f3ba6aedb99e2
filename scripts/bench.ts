/**
 * `npm run bench`: the performance figures, measured on this machine in one run.
 * 1. Classification: our matcher against the TrackerDB SDK's `matchUrl`, same requests, same process — the real
 *    corpus (when ../shared is present) and a generated corpus of 100,000 requests; time per request and agreement.
 * 2. Tracker index: load time and heap, ours and the SDK's engine.
 * 3. Real Chromium (scripts/bench-chromium.ts, on the bench build): service-worker cold start (listeners, index),
 *    the exposure window under a burst, and the time from a request to its appearance in the open popup.
 * 4. The dashboard at 1,000,000 events: each view's first paint, and the graph's frame rate while panning.
 * 5. Package: the store zip and the largest file.
 * Figures go to stdout and bench-results/latest.json. Timings vary with the machine's load: compare ratios.
 * `npm run bench -- --hostile` runs only the hostile-requests section (the decoder on an adversarial corpus, and the
 * tracker matcher on hostile addresses), and writes its figures to bench-results/hostile.json.
 * `npm run bench -- --export [--events N]` runs only the export section (scripts/bench-export.ts: a million events
 * exported in lines and imported back, time and peak memory), and writes its figures to bench-results/export.json.
 * fake-indexeddb keeps both databases of that section (the one exported and the one imported into) in the heap, about
 * 6.7 KB an event at its peak: `npm run bench` gives Node a 12 GB heap for the million (the default 4 GB ran out).
 * `npm run bench -- --labels` runs only the graph's label placement (500, 2,000 and 5,000 labels on one frame), and
 * writes its figures to bench-results/labels.json.
 * `npm run bench -- --consent` runs only the consent-signal decoding (scripts/bench-consent.ts: µs per request, with
 * and without the signals), and writes its figures to bench-results/consent.json.
 * `npm run bench -- --consent-page` runs only the consent reader's cost (scripts/bench-consent-page.ts: page load with the
 * reader and without, as a ratio), and writes its figures to bench-results/consent-page.json.
 */
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BoxGrid, labelBox } from '../lib/graph/labels.ts';
import { loadMatcher, parseTrackerList } from '../lib/trackers/load.ts';
import { compare, isThirdParty, loadSdk, ourCompany, type SdkEngine, sdkCompany } from './agreement.ts';
import { realChromium } from './bench-chromium.ts';
import { launchWithExtension } from './browser.ts';
import { coldIndexLoad } from './cold-index-load.ts';
import { browserShaped, type CapturedRequest, loadCapturedCorpus, loadRealCorpus } from './corpus.ts';
import { fillDatabase } from './fill.ts';
import { describePopupOpen, popupOpenSpeed } from './popup-open.ts';
import { type CorpusRequest, generateCorpus } from './synthetic.ts';
import { graphFrameRate, timeViews } from './view-timing.ts';

const root = resolve(import.meta.dirname ?? '.', '..');
const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version };
const skipBrowser = process.argv.includes('--no-browser');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const fmt = (n: number, digits = 2) => n.toFixed(digits);

if (process.argv.includes('--hostile')) {
  console.log('\n## Hostile requests (the decoder on an adversarial corpus; the matcher on hostile addresses)');
  const hostile = await worstHostile();
  const hostileAddresses = await worstHostileAddresses();
  mkdirSync(join(root, 'bench-results'), { recursive: true });
  writeFileSync(
    join(root, 'bench-results', 'hostile.json'),
    JSON.stringify({ ...results, hostile, hostileAddresses }, null, 2),
  );
  console.log('\nWritten to bench-results/hostile.json');
  process.exit(0);
}

if (process.argv.includes('--labels')) {
  console.log('\n## Graph labels (placement of one frame)');
  const labels = labelPlacement();
  mkdirSync(join(root, 'bench-results'), { recursive: true });
  writeFileSync(join(root, 'bench-results', 'labels.json'), JSON.stringify({ ...results, labels }, null, 2));
  console.log('\nWritten to bench-results/labels.json');
  process.exit(0);
}

if (process.argv.includes('--consent-page')) {
  const { consentReaderCost } = await import('./bench-consent-page.ts');
  const consent = await consentReaderCost();
  mkdirSync(join(root, 'bench-results'), { recursive: true });
  writeFileSync(join(root, 'bench-results', 'consent-page.json'), JSON.stringify({ ...results, ...consent }, null, 2));
  console.log('\nWritten to bench-results/consent-page.json');
  process.exit(0);
}

if (process.argv.includes('--consent')) {
  console.log('\n## Consent signals (decoded per request, as the capture decodes them)');
  const { consentBench } = await import('./bench-consent.ts');
  const consent = consentBench();
  mkdirSync(join(root, 'bench-results'), { recursive: true });
  writeFileSync(join(root, 'bench-results', 'consent.json'), JSON.stringify({ ...results, consent }, null, 2));
  console.log('\nWritten to bench-results/consent.json');
  process.exit(0);
}

const eventsArg = process.argv.indexOf('--events');
const exportEvents = eventsArg > 0 ? Number(process.argv[eventsArg + 1]) : 1_000_000;
if (process.argv.includes('--export')) {
  console.log(`\n## Export and import of ${exportEvents.toLocaleString('en')} events (in lines, in parts)`);
  const { exportBench } = await import('./bench-export.ts');
  const exportFigures = await exportBench(exportEvents);
  mkdirSync(join(root, 'bench-results'), { recursive: true });
  writeFileSync(
    join(root, 'bench-results', 'export.json'),
    JSON.stringify({ ...results, export: exportFigures }, null, 2),
  );
  console.log('\nWritten to bench-results/export.json');
  process.exit(0);
}

execSync('npm run trackers --silent', { cwd: root, stdio: 'inherit' });
// The packed index the service worker loads, and the list in full form that generated corpora are drawn from.
const indexText = readFileSync(join(root, 'lib', 'generated', 'tracker-index.json'), 'utf8');
const fullList = parseTrackerList(readFileSync(join(root, 'lib', 'generated', 'tracker-list.json'), 'utf8'));
const matcher = loadMatcher(indexText);
const sdk = await loadSdk();

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
    for (const r of sample) {
      // Synchronous unless a body is compressed (none here): no await per request.
      const d = decodeRequest({ url: r.url, method: 'GET', pageUrl: r.pageUrl });
      kinds += (d instanceof Promise ? await d : d).kinds.length;
    }
    passes.push(performance.now() - t);
  }
  const perRequestUs = (median(passes) * 1000) / sample.length;
  results.decode = { requests: sample.length, perRequestUs };
  console.log(
    `${sample.length} requests: ${fmt(perRequestUs, 1)} µs a request (median of 5 passes; ${kinds} kinds found)`,
  );
}

console.log("\n## The worker's per-request path on real requests (headers and bodies), against the SDK");
{
  const captured = loadCapturedCorpus();
  if (captured) results.workerPath = await workerPath(captured);
  else console.log('real corpus: ../shared/corpus/raw is absent, skipped');
  results.hostile = await worstHostile();
  results.hostileAddresses = await worstHostileAddresses();
}

console.log(`\n## Export and import of ${exportEvents.toLocaleString('en')} events (in lines, in parts)`);
results.export = await (await import('./bench-export.ts')).exportBench(exportEvents);

console.log('\n## Consent signals (decoded per request, as the capture decodes them)');
results.consent = (await import('./bench-consent.ts')).consentBench();

console.log('\n## Graph labels (placement of one frame)');
results.labels = labelPlacement();

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
  // Also runnable alone: `npx tsx scripts/bench-chromium.ts`.
  Object.assign(results, await realChromium());
  const { consentReaderCost } = await import('./bench-consent-page.ts');
  Object.assign(results, await consentReaderCost());
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
  const loads = 10;
  const views = await timeViews(browser.context, browser.extensionId, loads);
  for (const v of views) {
    console.log(
      `first paint #/${v.route}: opening the dashboard there p95 ${fmt(v.p95, 0)} ms ` +
        `(${v.p95 < 300 ? 'within' : 'OVER'} 300 ms), median ${fmt(v.median, 0)} ms; from another view ` +
        `${Number.isNaN(v.inAppP95) ? 'n/a' : `p95 ${fmt(v.inAppP95, 0)} ms, median ${fmt(v.inAppMedian, 0)} ms`} ` +
        `(${loads} loads each)`,
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

/**
 * What placing one frame's labels costs (components/graph-canvas.tsx does it on every frame): nodes scattered over a
 * 1280×800 canvas, each label 100×24 px, placed off the labels before it through the frame's `BoxGrid`. The median of
 * nine passes per size, and the box comparisons it made.
 */
function labelPlacement() {
  const view = { width: 1280, height: 800 };
  const out: Record<string, { ms: number; comparisons: number }> = {};
  for (const count of [500, 2000, 5000]) {
    let seed = 11;
    const next = () => {
      seed = (seed * 48271) % 2147483647;
      return seed / 2147483647;
    };
    const nodes = Array.from({ length: count }, () => ({ x: next() * view.width, y: next() * view.height, size: 6 }));
    const times: number[] = [];
    let comparisons = 0;
    for (let pass = 0; pass < 9; pass++) {
      const grid = new BoxGrid();
      const start = performance.now();
      for (const node of nodes) {
        const box = labelBox(node, { width: 100, height: 24 }, view, grid);
        if (box) grid.add(box);
      }
      times.push(performance.now() - start);
      comparisons = grid.comparisons;
    }
    out[count] = { ms: median(times), comparisons };
    console.log(
      `${count} labels: ${fmt(median(times))} ms a frame, ${comparisons.toLocaleString('en')} box comparisons`,
    );
  }
  return out;
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

/**
 * The worker's whole per-request path on the real page loads, with their headers and bodies, against the SDK's
 * `matchUrl` alone on the same requests, in the same process, passes alternating (SDK, ours, …) as in timeBoth:
 * - normalise + classify: `normalizeRequest` on Chrome-shaped details, the body and headers through
 *   `PendingRequests` (Referer, cookie names), the first party, `classifyRequest`;
 * - decode: `decodeRequest` (address, Referer, cookies, body) and `storedFindings`, for the requests capture
 *   decodes (third parties);
 * - the whole path in one loop, as a check on the sum of the two.
 * Every figure is per request of the corpus (the SDK classifies each of them too).
 */
async function workerPath(captured: CapturedRequest[]) {
  const [
    { PendingRequests },
    { classifyRequest, firstPartySite },
    { normalizeRequest },
    { decodeRequest, storedFindings },
  ] = await Promise.all([
    import('../lib/capture/pending.ts'),
    import('../lib/classify/classify.ts'),
    import('../lib/classify/request-details.ts'),
    import('../lib/disclose/decode.ts'),
  ]);
  type Input = Parameters<typeof decodeRequest>[0];
  const shaped = captured.map((r, i) => browserShaped(r, i));
  const pending = new PendingRequests();
  let sink = 0;
  const front = (s: (typeof shaped)[number], pageUrl: string): Input | undefined => {
    pending.body(s.details.requestId, s.body);
    pending.headers(s.details.requestId, s.headers);
    const request = normalizeRequest(s.details, 'completed', 0);
    const extras = pending.take(request.requestId);
    const result = classifyRequest(request, firstPartySite(request, pageUrl), matcher);
    if (result.kind !== 'tracker' && result.kind !== 'unlisted') return undefined;
    sink += result.host.length;
    return { url: request.url, method: request.method, pageUrl, ...extras };
  };
  // What capture hands to the decoder, built once for the decode-only passes.
  const inputs = shaped.flatMap((s, i) => front(s, captured[i]!.pageUrl) ?? []);
  // A compressed body makes the decoder asynchronous: those are awaited together at the end of a pass.
  const later: Promise<unknown>[] = [];
  const decodeOne = (input: Input) => {
    const d = decodeRequest(input);
    if (d instanceof Promise) later.push(d.then((x) => storedFindings(x.findings)));
    else sink += storedFindings(d.findings).length + d.kinds.length;
  };
  const settle = async () => {
    if (later.length) await Promise.all(later.splice(0));
  };
  const repeat = Math.max(1, Math.ceil(30_000 / captured.length));
  const passes: Record<'sdk' | 'front' | 'decode' | 'whole', () => void | Promise<void>> = {
    sdk: () => {
      for (let k = 0; k < repeat; k++) for (const r of captured) sink += sdkCompany(sdk as SdkEngine, r) ? 1 : 0;
    },
    front: () => {
      for (let k = 0; k < repeat; k++) for (const [i, s] of shaped.entries()) front(s, captured[i]!.pageUrl);
    },
    decode: async () => {
      for (let k = 0; k < repeat; k++) for (const input of inputs) decodeOne(input);
      await settle();
    },
    whole: async () => {
      for (let k = 0; k < repeat; k++)
        for (const [i, s] of shaped.entries()) {
          const input = front(s, captured[i]!.pageUrl);
          if (input) decodeOne(input);
        }
      await settle();
    },
  };
  const times = await alternate(passes, 9);
  const us = (ms: number) => (ms * 1000) / (captured.length * repeat);
  const row = {
    requests: captured.length,
    decoded: inputs.length,
    withBody: inputs.filter((x) => x.body).length,
    withCookies: inputs.filter((x) => x.cookieNames?.length).length,
    withReferer: inputs.filter((x) => x.referer).length,
    normaliseClassifyUs: us(times.front.medianMs),
    decodeUs: us(times.decode.medianMs),
    decodePerDecodedUs: (times.decode.medianMs * 1000) / (inputs.length * repeat),
    sumUs: us(times.front.medianMs + times.decode.medianMs),
    wholeUs: us(times.whole.medianMs),
    sdkUs: us(times.sdk.medianMs),
    sumOverSdk: (times.front.medianMs + times.decode.medianMs) / times.sdk.medianMs,
    wholeOverSdk: times.whole.medianMs / times.sdk.medianMs,
    sink,
  };
  console.log(
    `${row.requests} requests (${row.decoded} decoded: ${row.withBody} with a body, ${row.withReferer} with a Referer, ` +
      `${row.withCookies} with cookies), per request: normalise + classify ${fmt(row.normaliseClassifyUs)} µs, decode ` +
      `${fmt(row.decodeUs)} µs (${fmt(row.decodePerDecodedUs)} µs a decoded request), sum ${fmt(row.sumUs)} µs ` +
      `(whole path in one loop ${fmt(row.wholeUs)} µs); SDK matchUrl alone ${fmt(row.sdkUs)} µs — sum/SDK ` +
      `${fmt(row.sumOverSdk)}, whole/SDK ${fmt(row.wholeOverSdk)} (target ≤ 1; median of 9 alternating passes)`,
  );
  return row;
}

/** Runs each pass in turn, `passes` rounds after a first (warm-up) round; the median and first pass of each. */
async function alternate<K extends string>(fns: Record<K, () => void | Promise<void>>, passes: number) {
  const keys = Object.keys(fns) as K[];
  const samples = new Map<K, number[]>(keys.map((k) => [k, []]));
  const first = new Map<K, number>();
  for (let round = 0; round <= passes; round++) {
    for (const k of keys) {
      const t = performance.now();
      await fns[k]();
      const ms = performance.now() - t;
      if (round === 0) first.set(k, ms);
      else samples.get(k)?.push(ms);
    }
  }
  return Object.fromEntries(
    keys.map((k) => [k, { firstMs: first.get(k) ?? NaN, medianMs: median(samples.get(k) ?? []) }]),
  ) as Record<K, { firstMs: number; medianMs: number }>;
}

/**
 * The tracker matcher on addresses of 2 MB (Chrome's limit) built to make its filters backtrack: a run of what
 * starts a wildcard filter (the word "ea" of Eulerian's filter, as "%EA" escapes; "facebook.com/plugins/" without
 * ".php"; a host filter's path of slashes), with nothing to end it. The one that hung a test run took hours. Each is
 * matched 3 times; its time is the median. Target: each ≤ 250 ms (the matcher reads the address a few times over).
 */
async function worstHostileAddresses() {
  const size = 2 * 1024 * 1024;
  const fill = (s: string) => s.repeat(Math.floor((size - 40) / s.length));
  const hostile = loadMatcher(readFileSync(join(root, 'lib', 'generated', 'tracker-index.json'), 'utf8'));
  const addresses: [string, string][] = [
    ['"%EA" escapes (Eulerian filter)', `https://cdn.shop.example/?q=${fill('%F1%BC%A1%91%EA%A4%B3')}`],
    ['facebook.com/plugins/ without .php', `https://cdn.shop.example/?q=${fill('facebook.com/plugins/')}`],
    ['a host filter, then slashes', `https://api.mypurecloud.de/${fill('/')}`],
    ['visitor_id= without pi_opt_in=', `https://t.shop.example/analytics?${fill('visitor_id=')}`],
    ['googletagmanager, then &', `https://www.googletagmanager.com/a?${fill('&')}`],
  ];
  const rows = addresses.map(([name, url]) => {
    const ms: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      hostile.match({
        url,
        hostname: new URL(url.slice(0, 60)).hostname,
        type: 'image',
        thirdParty: true,
        pageHostname: 'news.example',
      });
      ms.push(performance.now() - t);
    }
    return { name, chars: url.length, medianMs: median(ms) };
  });
  rows.sort((a, b) => b.medianMs - a.medianMs);
  console.log(
    `${rows.length} hostile addresses of 2 MB: ${rows.map((r) => `${r.name} ${fmt(r.medianMs, 0)} ms`).join(', ')} ` +
      '(target: each ≤ 250 ms)',
  );
  return { worstMs: rows[0]?.medianMs ?? null, worst: rows[0]?.name ?? null, rows };
}

/**
 * The decoder on an adversarial corpus: the hand-written hostile requests (tests/unit/disclose/hostile-cases.ts) and
 * a seeded sample of the property test's generators (hostile-generators.ts). Each request is decoded as the worker
 * does it (decodeRequest, then storedFindings) 15 times; its time is the median of those. Reported: the worst
 * request's time and the median request's, and the longest the event loop went without a turn while they ran (how
 * long a message to the worker could have waited). Target: the worst ≤ 10 ms.
 */
async function worstHostile() {
  const [{ hostileRequests }, { input }, fc, { decodeRequest, storedFindings }] = await Promise.all([
    import('../tests/unit/disclose/hostile-cases.ts'),
    import('../tests/unit/disclose/hostile-generators.ts'),
    import('fast-check'),
    import('../lib/disclose/decode.ts'),
  ]);
  const generated = fc.default.sample(input, { numRuns: 300, seed: 13 });
  const corpus = [
    ...hostileRequests().map((c) => ({ name: c.name, input: c.input })),
    ...generated.map((g, i) => ({ name: `generated #${i}`, input: g })),
  ];
  // A ticker that measures the longest stretch the event loop spent without coming back to it, and during which
  // request (a pause between requests — the collector, the machine's other work — counts as none).
  let longestBlockMs = 0;
  let blockedBy = -1;
  let current = -1;
  let last = performance.now();
  let ticking = true;
  const tick = () => {
    const now = performance.now();
    if (now - last > longestBlockMs && current >= 0) {
      longestBlockMs = now - last;
      blockedBy = current;
    }
    last = now;
    if (ticking) setImmediate(tick);
  };
  setImmediate(tick);
  const rows: { name: string; medianMs: number; threw?: string }[] = [];
  let sink = 0;
  for (const [index, c] of corpus.entries()) {
    current = -1;
    (globalThis as { gc?: () => void }).gc?.();
    await new Promise((done) => setImmediate(done));
    current = index;
    const ms: number[] = [];
    let threw: string | undefined;
    for (let i = 0; i < 15; i++) {
      // Each decode starts on a fresh turn, so that one request's time is not another's.
      await new Promise((done) => setImmediate(done));
      const t = performance.now();
      try {
        const d = decodeRequest(c.input);
        sink += storedFindings((d instanceof Promise ? await d : d).findings).length;
      } catch (error) {
        // The decoder must never throw: say so rather than stop the benchmark.
        threw = String(error).slice(0, 80);
      }
      ms.push(performance.now() - t);
    }
    rows.push({ name: c.name, medianMs: median(ms), ...(threw ? { threw } : {}) });
  }
  ticking = false;
  const retainedMb = await retainedByDistinctNames(decodeRequest);
  const blockedDuring = corpus[blockedBy]?.name ?? 'none';
  for (const r of rows) if (r.threw) console.log(`   threw: ${r.name} — ${r.threw}`);
  const medianMs = median(rows.map((r) => r.medianMs));
  rows.sort((a, b) => b.medianMs - a.medianMs);
  const worst = rows[0];
  console.log(
    `${rows.length} requests (${rows.length - generated.length} written by hand, ${generated.length} generated): worst ` +
      `${worst ? `${fmt(worst.medianMs, 2)} ms (${worst.name})` : 'none'}, median ${fmt(medianMs, 3)} ms ` +
      `(target: worst ≤ 10 ms); longest the event loop waited while one was decoded ${fmt(longestBlockMs, 1)} ms ` +
      `(${blockedDuring}); next slowest: ${rows
        .slice(1, 5)
        .map((r) => `${r.name} ${fmt(r.medianMs, 2)} ms`)
        .join(', ')}`,
  );
  console.log(
    `   memory still held after 300 requests of 1 MB, each with a new parameter name: ${fmt(retainedMb, 1)} MB`,
  );
  return {
    retainedMb,
    requests: rows.length,
    generated: generated.length,
    worstMs: worst?.medianMs ?? null,
    worst: worst?.name ?? null,
    medianMs,
    longestBlockMs,
    blockedDuring,
    threw: rows.filter((r) => r.threw).length,
    slowest: rows.slice(0, 10),
    sink,
  };
}

/**
 * What the decoder keeps after a page sends 300 requests of 1 MB, each with a parameter name never seen before: the
 * memos of names and addresses must not hold the requests' text (V8 keeps a slice's whole parent alive), so this
 * stays near zero however many such requests come. Needs `--expose-gc` (the bench script has it).
 */
async function retainedByDistinctNames(decodeRequest: typeof import('../lib/disclose/decode.ts').decodeRequest) {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return Number.NaN;
  gc();
  const before = process.memoryUsage().heapUsed;
  const pad = 'x'.repeat(1024 * 1024);
  for (let i = 0; i < 300; i++) {
    const url = `https://t.example/p?unique_name_${String(i).padStart(6, '0')}=https://site.example/a&pad=${pad}${i}`;
    const d = decodeRequest({ url, method: 'GET', pageUrl: 'https://site.example/a' });
    if (d instanceof Promise) await d;
  }
  gc();
  return (process.memoryUsage().heapUsed - before) / 1e6;
}
