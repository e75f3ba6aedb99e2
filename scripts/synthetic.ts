/**
 * Generated traffic, deterministic for a seed: a request corpus built from the tracker list's own domains and
 * filters (for throughput), and a browsing history built from it (for the dashboard at scale). No Node imports:
 * scripts/fill-page.ts runs it inside an extension page.
 */
import { classifyRequest } from '../lib/classify/classify.ts';
import type { StoredFinding } from '../lib/disclose/decode.ts';
import type { DataKind } from '../lib/disclose/kinds.ts';
import type { PageLoad, SharingEvent } from '../lib/storage/events.ts';
import type { CompiledTrackerList } from '../lib/trackers/format.ts';
import type { TrackerMatcher } from '../lib/trackers/matcher.ts';

export interface CorpusRequest {
  url: string;
  /** The document that made the request (as recorded). */
  sourceUrl: string;
  /** The tab's top-level page. */
  pageUrl: string;
  type: string;
}

/** A deterministic pseudo-random generator (mulberry32), so the generated corpus is the same on every run. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TYPES = ['script', 'image', 'xmlhttprequest', 'sub_frame', 'stylesheet', 'ping', 'font', 'other'];
const WORDS = ['collect', 'pixel', 'event', 'sync', 'static', 'assets', 'v2', 'api', 'img', 'tag', 'js', 'beacon'];

/**
 * `count` requests in page loads of 20–80 requests each (as browsers make them: one page, then its resources),
 * over 2,000 made-up first-party sites: 45% to tracker domains (with filter-shaped paths when the list has them),
 * 20% to 3,000 unknown third-party hosts, 35% first-party; query strings with random ids.
 * Popularity follows a Zipf law (s = 1) over sites, tracker hosts and unknown hosts, as real traffic does (a few
 * trackers are on most pages); the order of the lists decides who is popular, so no filter is favoured.
 */
export function generateCorpus(list: CompiledTrackerList, count: number, seed = 42): CorpusRequest[] {
  const rnd = random(seed);
  const pickUniform = <T>(items: T[]): T => items[Math.floor(rnd() * items.length)] as T;
  const pick = zipfPicker(rnd);
  const trackerHosts = list.domains.map(([d]) => d);
  const filterUrls = list.filters
    .filter((f) => f.host && f.re)
    .map(
      (f) =>
        `${f.host}${(f.re as string)
          .replace(/^\^/, '')
          .replace(/\\(.)/g, '$1')
          .replace(/\(\?:\[\^a-z0-9_\.%-\]\|\$\)|\.\*|[()[\]^$|?+*]/g, '/')}`,
    );
  const sites = Array.from({ length: 2000 }, (_, i) => `site${i}.${pickUniform(['com', 'de', 'co.uk', 'fr', 'org'])}`);
  const unknownHosts = Array.from({ length: 3000 }, (_, i) => `cdn${i % 7}.thirdparty${i}.net`);
  const out: CorpusRequest[] = [];
  const word = () => pickUniform(WORDS);
  let site = '';
  let pageUrl = '';
  let left = 0;
  for (let i = 0; i < count; i++) {
    if (left-- <= 0) {
      site = pick(sites);
      pageUrl = `https://www.${site}/${word()}/${Math.floor(rnd() * 1000)}.html`;
      left = 20 + Math.floor(rnd() * 60);
    }
    const r = rnd();
    const query = `?${word()}=${Math.floor(rnd() * 1e9).toString(36)}&cb=${Math.floor(rnd() * 1e12)}`;
    let url: string;
    if (r < 0.15 && filterUrls.length) url = `https://${pick(filterUrls)}${query}`;
    else if (r < 0.45)
      url = `https://${rnd() < 0.3 ? `${word()}.` : ''}${pick(trackerHosts)}/${word()}/${word()}.js${query}`;
    else if (r < 0.65) url = `https://${pick(unknownHosts)}/${word()}.js${query}`;
    else url = `https://${pickUniform(['www', 'static', 'img'])}.${site}/${word()}/${word()}.png${query}`;
    out.push({ url, sourceUrl: pageUrl, pageUrl, type: pickUniform(TYPES) });
  }
  return out;
}

/** How often each kind appeared on third-party requests in the recorded corpus (`npm run evaluate:disclosures`). */
const KIND_RATES: [DataKind, number][] = [
  ['page-address', 0.7],
  ['page-title', 0.05],
  ['search-terms', 0.01],
  ['identifier', 0.3],
  ['cookie', 0.15],
  ['email', 0.002],
  ['hashed-email', 0.005],
  ['device', 0.1],
  ['location', 0.01],
  ['event', 0.08],
  ['session-recording', 0.005],
];

export interface HistoryOptions {
  events: number;
  /** How far back the history reaches. */
  days?: number;
  seed?: number;
  now?: number;
}

/**
 * Picks from a list by a Zipf law (s = 1) over positions, as real traffic is distributed: the first items are
 * picked most. Inverse-CDF sampling, with one table per list length.
 */
function zipfPicker(rnd: () => number): <T>(items: T[]) => T {
  const tables = new Map<number, Float64Array>();
  return <T>(items: T[]): T => {
    let cdf = tables.get(items.length);
    if (!cdf) {
      cdf = new Float64Array(items.length);
      let total = 0;
      for (let i = 0; i < items.length; i++) cdf[i] = total += 1 / (i + 1);
      for (let i = 0; i < items.length; i++) (cdf as Float64Array)[i] = (cdf[i] as number) / total;
      tables.set(items.length, cdf);
    }
    const u = rnd();
    let lo = 0;
    let hi = items.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cdf[mid] as number) < u) lo = mid + 1;
      else hi = mid;
    }
    return items[lo] as T;
  };
}

/**
 * A browsing history, oldest first, in chunks: page loads over `days` days on 2,000 sites visited by a Zipf law.
 * Each site has its own stable set of third parties (5 to 60 hosts: popular trackers on most sites, a long tail,
 * a fifth unknown to the lists), as real sites do; each page load makes 20–80 requests from that set. Every request
 * is classified by the real matcher, and carries the data kinds at the rates seen in real captures.
 */
export function* generateHistory(
  list: CompiledTrackerList,
  matcher: TrackerMatcher,
  options: HistoryOptions,
): Generator<{ events: SharingEvent[]; pages: PageLoad[] }> {
  const now = options.now ?? Date.now();
  const days = options.days ?? 80;
  const rnd = random(options.seed ?? 7);
  const pick = zipfPicker(rnd);
  const trackerHosts = list.domains.map(([d]) => d);
  const unknownHosts = Array.from({ length: 3000 }, (_, i) => `cdn${i % 7}.thirdparty${i}.net`);
  const sites = Array.from({ length: 2000 }, (_, i) => `site${i}.${['com', 'de', 'co.uk', 'fr', 'org'][i % 5]}`);
  const thirdParties = new Map<string, string[]>();
  const hostsOf = (site: string) => {
    let hosts = thirdParties.get(site);
    if (!hosts) {
      const count = 5 + Math.floor(rnd() * rnd() * 55);
      hosts = [
        ...new Set(Array.from({ length: count }, () => (rnd() < 0.2 ? pick(unknownHosts) : pick(trackerHosts)))),
      ];
      thirdParties.set(site, hosts);
    }
    return hosts;
  };
  const span = days * 86_400_000;
  const words = ['collect', 'pixel', 'event', 'sync', 'tag', 'js', 'beacon', 'v2', 'img'];
  let written = 0;
  let pageIndex = 0;
  while (written < options.events) {
    const events: SharingEvent[] = [];
    const pages: PageLoad[] = [];
    while (events.length < 40_000 && written + events.length < options.events) {
      pageIndex++;
      const site = pick(sites);
      const pageUrl = `https://www.${site}/${pickUniform(rnd, words)}/${Math.floor(rnd() * 1000)}.html`;
      const pageTime = now - span + Math.floor(((written + events.length) / options.events) * span);
      const tabId = pageIndex % 40;
      const page = `${tabId}:${pageTime}`;
      pages.push({ key: page, tabId, site, startedAt: pageTime });
      const hosts = hostsOf(site);
      const requests = 20 + Math.floor(rnd() * 60);
      for (let r = 0; r < requests && written + events.length < options.events; r++) {
        const host = pickUniform(rnd, hosts);
        const type = pickUniform(rnd, TYPES);
        const url = `https://${host}/${pickUniform(rnd, words)}/${pickUniform(rnd, words)}?id=${Math.floor(rnd() * 1e9).toString(36)}`;
        const c = classifyRequest(
          { requestId: '', url, method: 'GET', type, tabId, frameId: 0, time: 0, outcome: 'completed' },
          site,
          matcher,
        );
        if (c.kind !== 'tracker' && c.kind !== 'unlisted') continue;
        const kinds = KIND_RATES.filter(([, rate]) => rnd() < rate).map(([k]) => k);
        const findings: StoredFinding[] = kinds.slice(0, 3).map((kind) => ({
          kind,
          source: 'url',
          name: kind === 'page-address' ? 'dl' : kind === 'identifier' ? 'uid' : kind.slice(0, 3),
          value: kind === 'page-address' ? pageUrl : Math.floor(rnd() * 1e9).toString(36),
        }));
        const failed = rnd() < 0.02;
        events.push({
          time: pageTime + Math.floor(rnd() * 20_000),
          page,
          tabId,
          site,
          company: c.company.id,
          kind: c.kind,
          category: c.category,
          host: c.host,
          path: c.path,
          type,
          method: 'GET',
          outcome: failed ? 'error' : 'completed',
          ...(failed ? { error: 'net::ERR_BLOCKED_BY_CLIENT' } : {}),
          kinds,
          findings,
        });
      }
    }
    written += events.length;
    yield { events, pages };
  }
}

function pickUniform<T>(rnd: () => number, items: readonly T[]): T {
  return items[Math.floor(rnd() * items.length)] as T;
}
