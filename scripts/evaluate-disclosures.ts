/**
 * `npm run evaluate:disclosures`: how well the disclosure decoder reads what trackers are sent.
 * 1. The SDK corpus (tests/fixtures/sdk-corpus): requests real browser SDKs sent, with kinds established by hand.
 *    Prints recall (hand-established kinds found) and false claims (kinds claimed that were not carried), overall
 *    and per kind, then every miss and every false claim. Always runs: the fixtures are in the repository.
 * 2. Real page loads recorded by others (../shared/corpus/raw: HAR files and Chrome DevTools logs with full request
 *    data). Prints, per company, how many third-party requests it got and which data kinds they carried, with a few
 *    example findings. Skips cleanly when ../shared is absent. Results also go to bench-results/disclosures.md.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cookieNames } from '../lib/capture/pending.ts';
import { classifyRequest } from '../lib/classify/classify.ts';
import { parseWebUrl } from '../lib/classify/domain.ts';
import type { ObservedRequest } from '../lib/classify/request-details.ts';
import { decodeRequest, displayValue } from '../lib/disclose/decode.ts';
import { DATA_KINDS, type DataKind } from '../lib/disclose/kinds.ts';
import { parseTrackerList } from '../lib/trackers/load.ts';
import { createTrackerMatcher } from '../lib/trackers/matcher.ts';
import { SHARED_CORPUS } from './corpus.ts';
import { loadSdkCorpus, scoreSdkCorpus, sdkReport } from './sdk-corpus.ts';

interface Captured {
  url: string;
  method: string;
  pageUrl: string;
  type: string;
  headers: Record<string, string>;
  body?: string;
}

const sdkFixtures = loadSdkCorpus();
const sdkLines = sdkReport(await scoreSdkCorpus(sdkFixtures), sdkFixtures);
console.log(`${sdkLines.join('\n')}\n`);
mkdirSync(resolve(import.meta.dirname ?? '.', '..', 'bench-results'), { recursive: true });
writeFileSync(resolve(import.meta.dirname ?? '.', '..', 'bench-results', 'sdk-corpus.md'), `${sdkLines.join('\n')}\n`);

const raw = join(SHARED_CORPUS, 'raw');
if (!existsSync(raw)) {
  console.log('../shared/corpus/raw is absent: nothing to evaluate.');
  process.exit(0);
}

function fromHar(file: string): Captured[] {
  const har = JSON.parse(readFileSync(file, 'utf8')) as {
    log: {
      entries: {
        request: {
          url: string;
          method: string;
          headers: { name: string; value: string }[];
          postData?: { text?: string };
        };
        response?: { status: number; content?: { mimeType?: string } };
      }[];
    };
  };
  const entries = har.log.entries;
  const document =
    entries.find((e) => e.response?.status === 200 && /html/.test(e.response.content?.mimeType ?? '')) ?? entries[0];
  const pageUrl = document?.request.url ?? '';
  return entries.map((e) => ({
    url: e.request.url,
    method: e.request.method,
    pageUrl,
    type: 'other',
    headers: Object.fromEntries(e.request.headers.map((h) => [h.name.toLowerCase(), h.value])),
    ...(e.request.postData?.text ? { body: e.request.postData.text } : {}),
  }));
}

function fromDevtools(file: string): Captured[] {
  const events = JSON.parse(readFileSync(file, 'utf8')) as {
    method: string;
    params: {
      documentURL?: string;
      type?: string;
      request?: { url: string; method: string; headers: Record<string, string>; postData?: string };
    };
  }[];
  const sent = events.filter((e) => e.method === 'Network.requestWillBeSent' && e.params.request);
  const pageUrl =
    sent.find((e) => e.params.type === 'Document')?.params.request?.url ?? sent[0]?.params.documentURL ?? '';
  return sent.map((e) => {
    const r = e.params.request!;
    return {
      url: r.url,
      method: r.method,
      pageUrl,
      type: (e.params.type ?? 'other').toLowerCase(),
      headers: Object.fromEntries(Object.entries(r.headers).map(([k, v]) => [k.toLowerCase(), v])),
      ...(r.postData ? { body: r.postData } : {}),
    };
  });
}

function observed(r: Captured): ObservedRequest {
  return {
    requestId: '0',
    url: r.url,
    method: r.method,
    type: r.type,
    tabId: 1,
    frameId: 0,
    time: 0,
    outcome: 'completed',
    topLevelUrl: r.pageUrl,
  };
}

const requests: Captured[] = [];
for (const dir of ['pagexray', 'chrome-har']) {
  for (const name of readdirSync(join(raw, dir))) {
    const file = join(raw, dir, name);
    try {
      if (name.endsWith('.har')) requests.push(...fromHar(file));
      else if (name.endsWith('.json')) requests.push(...fromDevtools(file));
    } catch (error) {
      console.log(`skipped ${dir}/${name}: ${(error as Error).message}`);
    }
  }
}

const list = parseTrackerList(
  readFileSync(resolve(import.meta.dirname ?? '.', '..', 'lib', 'generated', 'tracker-list.json'), 'utf8'),
);
const matcher = createTrackerMatcher([list]);
type Row = { name: string; requests: number; kinds: Map<DataKind, number>; examples: Map<DataKind, string> };
const rows = new Map<string, Row>();
let thirdParty = 0;
for (const r of requests) {
  const page = parseWebUrl(r.pageUrl);
  if (!page) continue;
  // The extension's own path: first party (the site, or its owner's domains) is not sharing.
  const result = classifyRequest(observed(r), page.site, matcher);
  if (result.kind !== 'tracker' && result.kind !== 'unlisted') continue;
  thirdParty++;
  const name = result.kind === 'tracker' ? result.company.name : `${result.company.name} (unlisted)`;
  const disclosure = await decodeRequest({
    url: r.url,
    method: r.method,
    pageUrl: r.pageUrl,
    ...(r.headers.referer ? { referer: r.headers.referer } : {}),
    ...(r.headers.cookie ? { cookieNames: cookieNames(r.headers.cookie) } : {}),
    ...(r.body ? { body: { raw: [{ bytes: new TextEncoder().encode(r.body).buffer as ArrayBuffer }] } } : {}),
  });
  let row = rows.get(name);
  if (!row) {
    row = { name, requests: 0, kinds: new Map(), examples: new Map() };
    rows.set(name, row);
  }
  row.requests++;
  for (const k of disclosure.kinds) row.kinds.set(k, (row.kinds.get(k) ?? 0) + 1);
  for (const f of disclosure.findings) {
    if (!row.examples.has(f.kind))
      row.examples.set(
        f.kind,
        `${f.name}=${displayValue(f)}${f.detail && f.kind !== 'identifier' ? ` (${f.detail})` : ''}`,
      );
  }
}

const sorted = [...rows.values()].filter((r) => r.kinds.size).sort((a, b) => b.requests - a.requests);
const lines = [
  `Disclosures in ${requests.length} recorded requests (${thirdParty} third-party), ${sorted.length} companies with findings:`,
  '',
  '| company | requests | data kinds (requests) | examples |',
  '|---|---|---|---|',
  ...sorted.map(
    (r) =>
      `| ${r.name} | ${r.requests} | ${DATA_KINDS.filter((k) => r.kinds.has(k))
        .map((k) => `${k} (${r.kinds.get(k)})`)
        .join(', ')} | ${[...r.examples.values()].slice(0, 3).join('; ').replace(/\|/g, '\\|').slice(0, 160)} |`,
  ),
];
const noFindings = [...rows.values()].filter((r) => !r.kinds.size).length;
lines.push('', `${noFindings} other third parties received requests with nothing the decoder recognises.`);
console.log(lines.join('\n'));
mkdirSync(resolve(import.meta.dirname ?? '.', '..', 'bench-results'), { recursive: true });
writeFileSync(resolve(import.meta.dirname ?? '.', '..', 'bench-results', 'disclosures.md'), `${lines.join('\n')}\n`);
