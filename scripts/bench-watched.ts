/**
 * The cost of looking for the user's own watched values (issue 18), per request (`npm run bench -- --watched`): the
 * worker's decode of the real corpus's third-party requests (address, Referer, cookie names, bodies) with 10 watched
 * values — three email addresses, two phone numbers, two names, a postcode and two customer numbers, about 150 forms —
 * against the same decode with none, and the TrackerDB SDK's `matchUrl` on the same requests in the same run, passes
 * alternating. Every figure is per request of the corpus (the SDK classifies each of them too). Skipped without the
 * corpus (../shared/corpus).
 */
import { PendingRequests } from '../lib/capture/pending.ts';
import { classifyRequest, firstPartySite } from '../lib/classify/classify.ts';
import { normalizeRequest } from '../lib/classify/request-details.ts';
import { type DecodeInput, decodeRequest, storedFindings } from '../lib/disclose/decode.ts';
import type { TrackerMatcher } from '../lib/trackers/matcher.ts';
import { type WatchedEntry, type WatchedKind, watchedEntry } from '../lib/watchlist/entries.ts';
import { WatchlistMatcher } from '../lib/watchlist/match.ts';
import { type SdkEngine, sdkCompany } from './agreement.ts';
import { browserShaped, loadCapturedCorpus } from './corpus.ts';

const VALUES: [WatchedKind, string][] = [
  ['email', 'jane.doe@example.com'],
  ['email', 'j.doe+shop@mail.example.org'],
  ['email', 'someone.else@example.net'],
  ['phone', '+49 30 1234 5678'],
  ['phone', '+1 650 555 0100'],
  ['name', 'Jane Doe'],
  ['name', 'Józef Brzęczyszczykiewicz'],
  ['postcode', 'SW1A 1AA'],
  ['account', 'CUST-0012345'],
  ['account', '884422117'],
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

export async function watchedBench(matcher: TrackerMatcher, sdk: SdkEngine) {
  const captured = loadCapturedCorpus();
  if (!captured) {
    console.log('(skipped: the real corpus, ../shared/corpus, is not here)');
    return { skipped: 'no corpus' };
  }
  const entries: WatchedEntry[] = [];
  for (const [kind, value] of VALUES) {
    const e = await watchedEntry(kind, value);
    if (e) entries.push(e);
  }
  const watchlist = new WatchlistMatcher(entries);
  const forms = entries.reduce((n, e) => n + e.forms.length, 0);

  // What capture hands to the decoder for each third-party request, built as the worker builds it.
  const pending = new PendingRequests();
  const inputs: DecodeInput[] = [];
  for (const [i, r] of captured.entries()) {
    const s = browserShaped(r, i);
    pending.body(s.details.requestId, s.body);
    pending.headers(s.details.requestId, s.headers);
    const request = normalizeRequest(s.details, 'completed', 0);
    const extras = pending.take(request.requestId);
    const result = classifyRequest(request, firstPartySite(request, r.pageUrl), matcher);
    if (result.kind !== 'tracker' && result.kind !== 'unlisted') continue;
    inputs.push({ url: request.url, method: request.method, pageUrl: r.pageUrl, ...extras });
  }
  let sink = 0;
  let found = 0;
  const later: Promise<unknown>[] = [];
  const decodeAll = async (withList: boolean) => {
    for (const input of inputs) {
      const d = decodeRequest(withList ? { ...input, watchlist } : input);
      if (d instanceof Promise) later.push(d.then((x) => storedFindings(x.findings)));
      else {
        const stored = storedFindings(d.findings);
        sink += stored.length;
        if (withList) found += stored.filter((f) => f.kind === 'watched').length;
      }
    }
    if (later.length) await Promise.all(later.splice(0));
  };
  const repeat = Math.max(1, Math.ceil(30_000 / captured.length));
  const passes = {
    sdk: async () => {
      for (let k = 0; k < repeat; k++) for (const r of captured) sink += sdkCompany(sdk, r) ? 1 : 0;
    },
    without: async () => {
      for (let k = 0; k < repeat; k++) await decodeAll(false);
    },
    with: async () => {
      for (let k = 0; k < repeat; k++) await decodeAll(true);
    },
  };
  const samples: Record<keyof typeof passes, number[]> = { sdk: [], without: [], with: [] };
  for (let round = 0; round <= 9; round++) {
    for (const key of Object.keys(passes) as (keyof typeof passes)[]) {
      const t = performance.now();
      await passes[key]();
      // The first round warms the code up: not counted.
      if (round > 0) samples[key].push(performance.now() - t);
    }
  }
  const us = (key: keyof typeof passes) => (median(samples[key]) * 1000) / (captured.length * repeat);
  const row = {
    requests: captured.length,
    decoded: inputs.length,
    watchedValues: entries.length,
    forms,
    sdkUs: us('sdk'),
    withoutUs: us('without'),
    withUs: us('with'),
    watchedFindingsPerPass: found / 10 / repeat,
  };
  console.log(
    `${row.requests} real requests (${row.decoded} third-party, decoded), ${row.watchedValues} watched values ` +
      `(${forms} forms): decode without ${row.withoutUs.toFixed(2)} µs, with ${row.withUs.toFixed(2)} µs a request ` +
      `(×${(row.withUs / row.withoutUs).toFixed(2)}; +${(row.withUs - row.withoutUs).toFixed(2)} µs); ` +
      `SDK matchUrl alone ${row.sdkUs.toFixed(2)} µs — decode with watched / SDK ×${(row.withUs / row.sdkUs).toFixed(2)}` +
      (sink < 0 ? '' : ''),
  );
  return {
    ...row,
    ratioWithToWithout: Number((row.withUs / row.withoutUs).toFixed(3)),
    ratioWithToSdk: Number((row.withUs / row.sdkUs).toFixed(3)),
  };
}
