/**
 * `tsx scripts/decode-snapshot.ts [out.json]`: every request of the real corpus (with its headers and body) and of a
 * generated one, through the worker's path — normalise, pending headers and body, classify, decode — written as one
 * JSON file (default bench-results/decode-snapshot.json, never committed). Run it before and after a change to the
 * decoder and compare the files: a speed change must not change a single finding.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { PendingRequests } from '../lib/capture/pending.ts';
import { classifyRequest, firstPartySite } from '../lib/classify/classify.ts';
import { normalizeRequest } from '../lib/classify/request-details.ts';
import { decodeRequest } from '../lib/disclose/decode.ts';
import { parseTrackerList } from '../lib/trackers/load.ts';
import { createTrackerMatcher } from '../lib/trackers/matcher.ts';
import { browserShaped, loadCapturedCorpus } from './corpus.ts';
import { generateCorpus } from './synthetic.ts';

const root = resolve(import.meta.dirname ?? '.', '..');
const out = resolve(process.argv[2] ?? join(root, 'bench-results', 'decode-snapshot.json'));
const list = parseTrackerList(readFileSync(join(root, 'lib', 'generated', 'tracker-index.json'), 'utf8'));
const matcher = createTrackerMatcher([list]);

const captured = loadCapturedCorpus() ?? [];
if (!captured.length) console.log('../shared/corpus is absent: only the generated corpus is decoded');
const generated = generateCorpus(list, 20_000).map((r) => ({ ...r, method: 'GET', headers: [] }));
const pending = new PendingRequests();
const lines: string[] = [];
for (const [i, r] of [...captured, ...generated].entries()) {
  const shaped = browserShaped(r, i);
  pending.body(shaped.details.requestId, shaped.body);
  pending.headers(shaped.details.requestId, shaped.headers);
  const request = normalizeRequest(shaped.details, 'completed', 0);
  const extras = pending.take(request.requestId);
  const site = firstPartySite(request, r.pageUrl);
  const result = classifyRequest(request, site, matcher);
  // Every request is decoded, not only third-party ones: the more the comparison covers, the better.
  const disclosure = await decodeRequest({ url: request.url, method: request.method, pageUrl: r.pageUrl, ...extras });
  const who = 'company' in result ? result.company.id : result.kind;
  lines.push(JSON.stringify({ i, url: r.url.slice(0, 300), who, ...disclosure }));
}
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${lines.join('\n')}\n`);
console.log(`${lines.length} requests decoded → ${out}`);
