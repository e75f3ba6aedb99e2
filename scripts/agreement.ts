/**
 * Our matcher and the TrackerDB SDK's `matchUrl` on the same requests, in the same process: agreement on the company
 * named for each third-party request, and time per request for each.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import loadTrackerDB from '@ghostery/trackerdb';
import { isOnSite, parseAddress, parseWebUrl } from '../lib/classify/domain.ts';
import type { TrackerMatcher } from '../lib/trackers/matcher.ts';
import type { CorpusRequest } from './synthetic.ts';

export type SdkEngine = Awaited<ReturnType<typeof loadTrackerDB>>;

export async function loadSdk(): Promise<SdkEngine> {
  const dir = join(dirname(createRequire(import.meta.url).resolve('@ghostery/trackerdb')), '..');
  return loadTrackerDB(readFileSync(join(dir, 'trackerdb.engine')));
}

/** The SDK's answer as a company key: organization, else pattern (as our matcher names pattern-only companies). */
export function sdkCompany(sdk: SdkEngine, r: CorpusRequest): string | null {
  const [first] = sdk.matchUrl(
    { url: r.url, type: r.type as 'script', sourceUrl: r.sourceUrl },
    { getDomainMetadata: true },
  );
  if (!first) return null;
  return first.organization?.key ?? `pattern:${first.pattern.key}`;
}

/** Our answer for one request, by the path the extension takes: parse, same-site check, match. */
export function ourCompany(matcher: TrackerMatcher, r: CorpusRequest): string | null {
  const target = parseAddress(r.url);
  const page = parseWebUrl(r.pageUrl);
  if (!target) return null;
  const match = matcher.match({
    url: r.url,
    hostname: target.hostname,
    type: r.type,
    thirdParty: !page || !isOnSite(target.hostname, page.site),
    pageHostname: page?.hostname ?? '',
  });
  return match ? match.company.id : null;
}

/** Third party in the sense: a registrable domain other than the page's. */
export function isThirdParty(r: CorpusRequest): boolean {
  const target = parseWebUrl(r.url);
  const page = parseWebUrl(r.pageUrl);
  return !!target && !!page && target.site !== page.site;
}

export interface Agreement {
  requests: number;
  agreed: number;
  rate: number;
  differences: { url: string; page: string; ours: string | null; sdk: string | null }[];
}

export function compare(matcher: TrackerMatcher, sdk: SdkEngine, requests: CorpusRequest[]): Agreement {
  const differences: Agreement['differences'] = [];
  let agreed = 0;
  for (const r of requests) {
    const ours = ourCompany(matcher, r);
    const theirs = sdkCompany(sdk, r);
    if (ours === theirs) agreed++;
    else differences.push({ url: r.url, page: r.pageUrl, ours, sdk: theirs });
  }
  return { requests: requests.length, agreed, rate: requests.length ? agreed / requests.length : 1, differences };
}
