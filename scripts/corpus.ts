/**
 * Request corpora for the benchmark: the real captures in ../shared/corpus (when present; never copied into the
 * project) and a generated corpus built from the tracker list's own domains and filters, for throughput.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CompiledTrackerList } from '../lib/trackers/format.ts';

export interface CorpusRequest {
  url: string;
  /** The document that made the request (as recorded). */
  sourceUrl: string;
  /** The tab's top-level page. */
  pageUrl: string;
  type: string;
}

export const SHARED_CORPUS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'corpus');

/** The real page loads, or undefined when ../shared is absent (a clone outside this workplace). */
export function loadRealCorpus(): CorpusRequest[] | undefined {
  const file = join(SHARED_CORPUS, 'requests.real.jsonl');
  if (!existsSync(file)) return undefined;
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as CorpusRequest);
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
  const zipf = new Map<number, Float64Array>();
  const pick = <T>(items: T[]): T => {
    // Inverse-CDF sampling of a Zipf distribution over the items' positions.
    let cdf = zipf.get(items.length);
    if (!cdf) {
      cdf = new Float64Array(items.length);
      let total = 0;
      for (let i = 0; i < items.length; i++) cdf[i] = total += 1 / (i + 1);
      for (let i = 0; i < items.length; i++) (cdf as Float64Array)[i] = (cdf[i] as number) / total;
      zipf.set(items.length, cdf);
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
