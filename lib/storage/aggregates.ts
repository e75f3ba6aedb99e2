import type { FlowKind } from '../classify/classify.ts';
import { wasReceived } from '../classify/delivery.ts';
import { localDay } from '../day.ts';
import type { DataKind } from '../disclose/kinds.ts';
import type { ObservedIdentifier, SharingEvent } from './events.ts';
import { STORED } from './limits.ts';

// The running totals: per (site, company), per (day, company), and the summaries per company, site and day that
// the dashboard reads.

/** When a kind of data was first and last seen going to a company from a site. */
export interface SeenSpan {
  first: number;
  last: number;
}

/** Requests per category (a tracker pattern's category id: `advertising`, `site_analytics`, `unlisted`…). */
export type CategoryRequests = Partial<Record<string, number>>;

/** A category and its requests: an entry of a company's categories, in `rankCategories` order. */
export interface CategoryCount {
  category: string;
  requests: number;
}

/** Running totals per (site, company), updated in the same transaction as the events they count. */
export interface SiteCompanyAggregate {
  site: string;
  company: string;
  kind: FlowKind;
  /** The main category of `categories` (see `rankCategories`): what a reader of one category (an export) gets. */
  category: string;
  /** Requests per category of the patterns they matched. Since version 9 (before it, `category` was the first seen). */
  categories: CategoryRequests;
  requests: number;
  failed: number;
  firstSeen: number;
  lastSeen: number;
  /** At most `STORED.hostsPerTotal`. */
  hosts: string[];
  /** Requests to hosts beyond a full `hosts` list (none when absent). Since version 12. */
  hostsMore?: number;
  /** Each kind of data this company received from this site, first and last seen. Since version 2. */
  kinds: Partial<Record<DataKind, SeenSpan>>;
}

/**
 * Requests to a company from a site that are not known to have reached it (blocked, failed, served from the cache),
 * per (site, company): kept apart from the totals above, which count only what was received. Since version 7.
 */
export interface AttemptAggregate {
  site: string;
  company: string;
  kind: FlowKind;
  /** As in `SiteCompanyAggregate`: the main category of `categories`. */
  category: string;
  /** Requests per category. Since version 9. */
  categories: CategoryRequests;
  requests: number;
  firstSeen: number;
  lastSeen: number;
  /** At most `STORED.hostsPerTotal`. */
  hosts: string[];
  /** As in `SiteCompanyAggregate`. Since version 12. */
  hostsMore?: number;
  /** What the attempts carried: what the company would have received. */
  kinds: Partial<Record<DataKind, SeenSpan>>;
}

/** Running totals per (local day, company). */
export interface DayCompanyAggregate {
  /** YYYY-MM-DD in the browser's time zone. */
  day: string;
  company: string;
  kind: FlowKind;
  requests: number;
  /** At most `STORED.sitesPerDay`. */
  sites: string[];
  /** Requests from sites beyond a full `sites` list (none when absent). Since version 12. */
  sitesMore?: number;
}

/** Totals per company over every site: the companies list and the all-time overview. Since version 3. */
export interface CompanySummary {
  company: string;
  kind: FlowKind;
  /** Its categories with their requests over every site, main first (`rankCategories`). Counts since version 9. */
  categories: CategoryCount[];
  /** Sites it received data from. */
  sites: number;
  requests: number;
  failed: number;
  firstSeen: number;
  lastSeen: number;
  kinds: Partial<Record<DataKind, SeenSpan>>;
}

/** Totals per site over every company: the sites list. Since version 3. */
export interface SiteSummary {
  site: string;
  /** Companies that received data from it. */
  companies: number;
  requests: number;
  firstSeen: number;
  lastSeen: number;
  kinds: Partial<Record<DataKind, SeenSpan>>;
}

/**
 * Totals per local day: the timeline. Since version 3. (From version 5 to 11 it also held the day's pairs and
 * requests per company as two growing texts, rewritten whole by every batch: they are in `DayPart`s since 12.)
 */
export interface DaySummary {
  day: string;
  /** Companies that received data that day. */
  companies: number;
  requests: number;
}

/**
 * A part of one day's (site, company) pairs and requests per company, numbered from 0 in the order written: a
 * window's graph and overview read a few of these rows, not thousands of per-site totals. The recorder appends to
 * the day's last part only, and starts a new one past `STORED.dayPartChars`, so a batch rewrites a few KB, not the
 * day. A pair is in one part; a company's requests are summed over the parts. Since version 12.
 */
export interface DayPart {
  day: string;
  part: number;
  /** One `site\tcompany` per line. */
  pairs: string;
  /** Requests per company counted while this part was the last, one `company\trequests` per line. */
  companyRequests: string;
  // Lines of text, not arrays or objects: a fresh page reads a week of these in ~3 ms, against ~20 ms for the same
  // pairs and counts as an array of strings and an object with a key per company.
}

/**
 * The unlisted third parties one site added totals for on one day (`unlisted`, at most
 * `STORED.unlistedPerSiteDay`), and the requests to others that were counted here instead of stored (`unlistedMore`).
 * Written by the recorder only. Since version 12.
 */
export interface SiteDay {
  site: string;
  day: string;
  unlisted: number;
  unlistedMore: number;
}

// ---------------------------------------------------------------------------------------------------------------
// The aggregate rules: how events add up into totals, how totals merge, and how summaries follow from totals. The
// recorder (event by event), the rebuilds (forget a site, a schema upgrade) and the import (merging another copy of
// a history) all count through these functions, so a total means the same thing whichever of them wrote it.
// Pure and in memory: reading and writing the rows is the callers' business.

type Kinds = Partial<Record<DataKind, SeenSpan>>;

/**
 * How two totals of the same key combine. `sum`: they count different events (what is stored and a new batch).
 * `max`: they may count the same events (this history and an export of it), so the larger count and the wider span
 * win — exact for an export of this same history, and never a double count.
 */
export type Combine = 'sum' | 'max';

const combine = (a: number, b: number, how: Combine) => (how === 'sum' ? a + b : Math.max(a, b));

/**
 * The one rule for a company's categories, on every screen: the categories its observed requests matched, the one
 * with the most requests first (its main category), then the others by requests; equal counts in the order of the
 * category ids (code units: the same everywhere, whatever the language). Categories with no request are left out.
 */
export function rankCategories(counts: CategoryRequests): CategoryCount[] {
  const ranked: CategoryCount[] = [];
  for (const [category, requests] of Object.entries(counts)) if (requests) ranked.push({ category, requests });
  return ranked.sort(
    (a, b) => b.requests - a.requests || (a.category < b.category ? -1 : a.category > b.category ? 1 : 0),
  );
}

/** The category ids in `rankCategories` order: main first. */
export function rankedCategoryIds(counts: CategoryRequests): string[] {
  return rankCategories(counts).map((c) => c.category);
}

/** Adds (or, with `max`, widens to) `from`'s requests per category into `into`. */
export function mergeCategories(into: CategoryRequests, from: CategoryRequests, how: Combine = 'sum'): void {
  for (const [category, requests] of Object.entries(from)) {
    if (requests) into[category] = combine(into[category] ?? 0, requests, how);
  }
}

/**
 * A total's requests per category. A total written before version 9 (an import of an older export, a row an
 * older upgrade step reads) has only its one `category`: every request counts under it.
 */
export function categoriesOf(f: { category: string; categories?: CategoryRequests; requests: number }) {
  return f.categories ?? { [f.category]: f.requests };
}

/** The categories of several totals together (a company's over its sites), main first: as its summary has them. */
export function rankedCategoriesOf(totals: Iterable<SiteCompanyAggregate | AttemptAggregate>): string[] {
  const counts: CategoryRequests = {};
  for (const f of totals) mergeCategories(counts, categoriesOf(f));
  return rankedCategoryIds(counts);
}

/** Widens a kind's first and last seen to cover `span` (a copy of it when the kind is new). */
export function mergeSpan(kinds: Kinds, kind: DataKind, span: SeenSpan): void {
  const mine = kinds[kind];
  if (!mine) kinds[kind] = { first: span.first, last: span.last };
  else {
    if (span.first < mine.first) mine.first = span.first;
    if (span.last > mine.last) mine.last = span.last;
  }
}

function mergeKinds(into: Kinds, from: Kinds): void {
  for (const kind of Object.keys(from) as DataKind[]) {
    const span = from[kind];
    if (span) mergeSpan(into, kind, span);
  }
}

/** The key of a (site, company) or (day, company) total, for maps. */
export function pairKey(a: string, company: string): string {
  return `${a}\n${company}`;
}

/** One event as a (site, company) total of its own. */
export function flowOf(e: SharingEvent): SiteCompanyAggregate {
  const kinds: Kinds = {};
  for (const kind of e.kinds) kinds[kind] = { first: e.time, last: e.time };
  return {
    site: e.site,
    company: e.company,
    kind: e.kind,
    category: e.category,
    categories: { [e.category]: 1 },
    requests: 1,
    failed: e.outcome === 'error' ? 1 : 0,
    firstSeen: e.time,
    lastSeen: e.time,
    hosts: [e.host],
    kinds,
  };
}

/** An attempted event's (site, company) total: the same, without a failed count (every attempt is one). */
function attemptOf(flow: SiteCompanyAggregate): AttemptAggregate {
  const { failed: _, ...attempt } = flow;
  return attempt;
}

/** One event as a (day, company) total of its own. */
export function dayFlowOf(e: SharingEvent): DayCompanyAggregate {
  return { day: localDay(e.time), company: e.company, kind: e.kind, requests: 1, sites: [e.site] };
}

/** A copy that merging into leaves the original as it was. */
export function copyFlow(f: SiteCompanyAggregate): SiteCompanyAggregate {
  const kinds: Kinds = {};
  mergeKinds(kinds, f.kinds ?? {});
  return { ...f, categories: { ...categoriesOf(f) }, hosts: [...f.hosts], kinds };
}

export function copyDayFlow(d: DayCompanyAggregate): DayCompanyAggregate {
  return { ...d, sites: [...d.sites] };
}

/**
 * Merges a total of the same (site, company) into `into`. Its kind stays the one first recorded; its requests per
 * category combine as its requests do, and its main category follows from them.
 */
export function mergeFlow(into: SiteCompanyAggregate, add: SiteCompanyAggregate, how: Combine): void {
  into.failed = combine(into.failed, add.failed, how);
  mergeSeen(into, add, how);
}

/** Merges an attempt total of the same (site, company) into `into`. */
export function mergeAttempt(into: AttemptAggregate, add: AttemptAggregate, how: Combine): void {
  mergeSeen(into, add, how);
}

/** What a received total and an attempted one have alike: requests, span, hosts and kinds. */
function mergeSeen(into: AttemptAggregate, add: AttemptAggregate, how: Combine): void {
  into.categories = categoriesOf(into);
  mergeCategories(into.categories, categoriesOf(add), how);
  into.category = rankCategories(into.categories)[0]?.category ?? into.category;
  into.requests = combine(into.requests, add.requests, how);
  if (add.firstSeen < into.firstSeen) into.firstSeen = add.firstSeen;
  if (add.lastSeen > into.lastSeen) into.lastSeen = add.lastSeen;
  const more = (into.hostsMore ?? 0) + (add.hostsMore ?? 0);
  let over = 0;
  for (const host of add.hosts) {
    if (into.hosts.includes(host)) continue;
    if (into.hosts.length < STORED.hostsPerTotal) into.hosts.push(host);
    else over++;
  }
  const hostsMore = how === 'sum' ? more + over : Math.max(into.hostsMore ?? 0, add.hostsMore ?? 0, over);
  if (hostsMore) into.hostsMore = hostsMore;
  into.kinds ??= {};
  mergeKinds(into.kinds, add.kinds ?? {});
}

/** Merges a total of the same (day, company) into `into`; returns the sites that are new to it. */
export function mergeDayFlow(into: DayCompanyAggregate, add: DayCompanyAggregate, how: Combine): string[] {
  into.requests = combine(into.requests, add.requests, how);
  const added: string[] = [];
  let over = 0;
  for (const site of add.sites) {
    if (into.sites.includes(site)) continue;
    if (into.sites.length < STORED.sitesPerDay) {
      into.sites.push(site);
      added.push(site);
    } else over++;
  }
  const more = (into.sitesMore ?? 0) + (add.sitesMore ?? 0);
  const sitesMore = how === 'sum' ? more + over : Math.max(into.sitesMore ?? 0, add.sitesMore ?? 0, over);
  if (sitesMore) into.sitesMore = sitesMore;
  return added;
}

/**
 * Takes a forgotten site out of a (day, company) total, with the `requests` of its events that are still stored
 * (those retention deleted cannot be told apart by site, and stay). False when no site is left: the row goes.
 */
export function withoutSite(d: DayCompanyAggregate, site: string, requests: number): boolean {
  d.sites = d.sites.filter((s) => s !== site);
  d.requests = Math.max(0, d.requests - requests);
  return d.sites.length > 0;
}

/** A company's summary before anything is counted into it. */
function emptyCompany(flow: SiteCompanyAggregate): CompanySummary {
  return {
    company: flow.company,
    kind: flow.kind,
    categories: [],
    sites: 0,
    requests: 0,
    failed: 0,
    firstSeen: flow.firstSeen,
    lastSeen: flow.lastSeen,
    kinds: {},
  };
}

function emptySite(flow: SiteCompanyAggregate): SiteSummary {
  return { site: flow.site, companies: 0, requests: 0, firstSeen: flow.firstSeen, lastSeen: flow.lastSeen, kinds: {} };
}

/** Counts a (site, company) total into its company's summary; `newSite`: the company had not reached this site. */
export function addToCompany(c: CompanySummary, flow: SiteCompanyAggregate, newSite: boolean): void {
  c.requests += flow.requests;
  c.failed += flow.failed;
  if (newSite) c.sites++;
  const categories: CategoryRequests = {};
  for (const { category, requests } of c.categories) categories[category] = requests;
  mergeCategories(categories, categoriesOf(flow));
  c.categories = rankCategories(categories);
  if (flow.firstSeen < c.firstSeen) c.firstSeen = flow.firstSeen;
  if (flow.lastSeen > c.lastSeen) c.lastSeen = flow.lastSeen;
  mergeKinds(c.kinds, flow.kinds ?? {});
}

/** Counts a (site, company) total into its site's summary; `newCompany`: the site had not fed this company. */
export function addToSite(s: SiteSummary, flow: SiteCompanyAggregate, newCompany: boolean): void {
  s.requests += flow.requests;
  if (newCompany) s.companies++;
  if (flow.firstSeen < s.firstSeen) s.firstSeen = flow.firstSeen;
  if (flow.lastSeen > s.lastSeen) s.lastSeen = flow.lastSeen;
  mergeKinds(s.kinds, flow.kinds ?? {});
}

/** A day part while it is being counted into: its requests per company as a map, and its size so far. */
export interface PartTally {
  day: string;
  part: number;
  pairs: string;
  companyRequests: Map<string, number>;
  /** Characters of its two texts, as stored. */
  chars: number;
}

/** A day's summary while it is being counted into: its last part open, and the parts it filled meanwhile. */
export interface DayTally extends DaySummary {
  open: PartTally;
  /** Parts filled since the tally was last written: written once more, then never again by the recorder. */
  filled: PartTally[];
}

const emptyPart = (day: string, part: number): PartTally => ({
  day,
  part,
  pairs: '',
  companyRequests: new Map(),
  chars: 0,
});

export function emptyDay(day: string): DayTally {
  return { day, companies: 0, requests: 0, open: emptyPart(day, 0), filled: [] };
}

/** A stored day and its last part (if any) as a tally; a full last part is left as it is and a new one opened. */
export function tallyOf(row: DaySummary, last: DayPart | undefined): DayTally {
  const { day, companies, requests } = row;
  if (!last) return { day, companies, requests, open: emptyPart(day, 0), filled: [] };
  const chars = last.pairs.length + last.companyRequests.length;
  const open =
    chars >= STORED.dayPartChars
      ? emptyPart(day, last.part + 1)
      : { day, part: last.part, pairs: last.pairs, companyRequests: countsOf(last.companyRequests), chars };
  return { day, companies, requests, open, filled: [] };
}

export const dayRowOf = (tally: DayTally): DaySummary => ({
  day: tally.day,
  companies: tally.companies,
  requests: tally.requests,
});

/** The parts a tally changed since it was last written (its open part unless empty), as rows; forgets the filled. */
export function takeParts(tally: DayTally): DayPart[] {
  const parts = [...tally.filled, ...(tally.open.chars ? [tally.open] : [])];
  tally.filled = [];
  return parts.map((p) => ({
    day: p.day,
    part: p.part,
    pairs: p.pairs,
    companyRequests: countsText(p.companyRequests),
  }));
}

/**
 * Counts a (day, company) total into its day's summary: `newCompany`, the company's first total that day;
 * `newSites`, the sites new to that (day, company). What it adds goes to the day's open part.
 */
export function addToDay(d: DayTally, dayFlow: DayCompanyAggregate, newCompany: boolean, newSites: string[]): void {
  d.requests += dayFlow.requests;
  if (newCompany) d.companies++;
  const counts = d.open;
  const had = counts.companyRequests.get(dayFlow.company);
  const requests = (had ?? 0) + dayFlow.requests;
  counts.companyRequests.set(dayFlow.company, requests);
  counts.chars += had === undefined ? dayFlow.company.length + String(requests).length + 2 : 0;
  fillUp(d);
  for (const site of newSites) {
    const line = pairLine(site, dayFlow.company);
    const part = d.open;
    part.pairs += `${part.pairs ? '\n' : ''}${line}`;
    part.chars += line.length + 1;
    fillUp(d);
  }
}

/** Starts the day's next part once the open one is full. */
function fillUp(d: DayTally): void {
  if (d.open.chars < STORED.dayPartChars) return;
  d.filled.push(d.open);
  d.open = emptyPart(d.day, d.open.part + 1);
}

/** A window's (site, company) pairs and requests per company, from its days' parts. */
export function readParts(parts: Iterable<DayPart>): { pairs: Set<string>; requests: Map<string, number> } {
  const pairs = new Set<string>();
  const requests = new Map<string, number>();
  for (const p of parts) {
    for (const pair of linesOf(p.pairs)) pairs.add(pair);
    for (const [company, n] of countsOf(p.companyRequests)) requests.set(company, (requests.get(company) ?? 0) + n);
  }
  return { pairs, requests };
}

/** The totals and summaries in memory, keyed as in `pairKey` (totals) or by company, site and day (summaries). */
export interface Totals {
  flows: Map<string, SiteCompanyAggregate>;
  attempts: Map<string, AttemptAggregate>;
  dayFlows: Map<string, DayCompanyAggregate>;
  companies: Map<string, CompanySummary>;
  sites: Map<string, SiteSummary>;
  days: Map<string, DayTally>;
  /** Keyed as in `pairKey(site, day)`. */
  siteDays: Map<string, SiteDay>;
}

export function emptyTotals(): Totals {
  return {
    flows: new Map(),
    attempts: new Map(),
    dayFlows: new Map(),
    companies: new Map(),
    sites: new Map(),
    days: new Map(),
    siteDays: new Map(),
  };
}

/**
 * Counts one event into the totals and summaries, in place. Whatever is stored for the event's keys must be in
 * `t` first: a key missing from it counts as never seen (a new site for the company, a new company for the day).
 * For an unlisted party, both its received and attempted totals on the site, and the site's day, must be there.
 *
 * False when the event is not to be stored: an unlisted party new to the site, when the site already added
 * `STORED.unlistedPerSiteDay` of those that day (the request is counted on the site's day instead).
 */
export function countEvent(t: Totals, e: SharingEvent): boolean {
  const flow = flowOf(e);
  const key = pairKey(e.site, e.company);
  if (e.kind === 'unlisted' && !t.flows.has(key) && !t.attempts.has(key)) {
    const day = localDay(e.time);
    const siteDayKey = pairKey(e.site, day);
    const siteDay = t.siteDays.get(siteDayKey) ?? { site: e.site, day, unlisted: 0, unlistedMore: 0 };
    t.siteDays.set(siteDayKey, siteDay);
    if (siteDay.unlisted >= STORED.unlistedPerSiteDay) {
      siteDay.unlistedMore++;
      return false;
    }
    siteDay.unlisted++;
  }
  // Only what reached the company is counted as received, in every total and summary; an attempt goes apart.
  if (!wasReceived(e)) {
    const attempt = t.attempts.get(key);
    if (attempt) mergeAttempt(attempt, attemptOf(flow), 'sum');
    else t.attempts.set(key, attemptOf(flow));
    return true;
  }
  const known = t.flows.get(key);
  // The event's own total (one request, under its category) is what the summaries count in: as a rebuild from the
  // totals would, request for request.
  if (known) mergeFlow(known, flow, 'sum');
  else t.flows.set(key, flow);
  const company = t.companies.get(e.company) ?? emptyCompany(flow);
  addToCompany(company, flow, !known);
  t.companies.set(e.company, company);
  const site = t.sites.get(e.site) ?? emptySite(flow);
  addToSite(site, flow, !known);
  t.sites.set(e.site, site);

  const dayFlow = dayFlowOf(e);
  const dayKey = pairKey(dayFlow.day, e.company);
  const knownDay = t.dayFlows.get(dayKey);
  const newSites = knownDay ? mergeDayFlow(knownDay, dayFlow, 'sum') : dayFlow.sites;
  if (!knownDay) t.dayFlows.set(dayKey, dayFlow);
  const day = t.days.get(dayFlow.day) ?? emptyDay(dayFlow.day);
  addToDay(day, dayFlow, !knownDay, newSites);
  t.days.set(dayFlow.day, day);
  return true;
}

/** The summaries that follow from a set of totals: what a rebuild stores. */
export function summarize(
  flows: Iterable<SiteCompanyAggregate>,
  dayFlows: Iterable<DayCompanyAggregate>,
): { companies: CompanySummary[]; sites: SiteSummary[]; days: DaySummary[]; dayParts: DayPart[] } {
  const t = emptyTotals();
  for (const flow of flows) {
    const company = t.companies.get(flow.company) ?? emptyCompany(flow);
    addToCompany(company, flow, true);
    t.companies.set(flow.company, company);
    const site = t.sites.get(flow.site) ?? emptySite(flow);
    addToSite(site, flow, true);
    t.sites.set(flow.site, site);
  }
  for (const dayFlow of dayFlows) {
    const day = t.days.get(dayFlow.day) ?? emptyDay(dayFlow.day);
    addToDay(day, dayFlow, true, dayFlow.sites);
    t.days.set(dayFlow.day, day);
  }
  return {
    companies: [...t.companies.values()],
    sites: [...t.sites.values()],
    days: [...t.days.values()].map(dayRowOf),
    dayParts: [...t.days.values()].flatMap(takeParts),
  };
}

/** Counts one event's carrying of an identifier into its row (`row` is new when the value was never seen). */
export function countIdentifier(row: ObservedIdentifier | undefined, e: SharingEvent, name: string, value: string) {
  const r = row ?? { company: e.company, name, value, firstSeen: e.time, lastSeen: e.time, requests: 0, sites: [] };
  r.requests++;
  if (e.time < r.firstSeen) r.firstSeen = e.time;
  if (e.time > r.lastSeen) r.lastSeen = e.time;
  // A bounded list: an identifier sent from every site is cited by its first few.
  if (!r.sites.includes(e.site) && r.sites.length < STORED.sitesPerIdentifier) r.sites.push(e.site);
  return r;
}

// A day part's lines of text (see `DayPart`): written and read only here.

/** One (site, company) pair as a line of a day summary's `pairs`, and back. */
export function pairLine(site: string, company: string): string {
  return `${site}\t${company}`;
}

export function splitPair(line: string): { site: string; company: string } {
  const tab = line.indexOf('\t');
  return { site: line.slice(0, tab), company: line.slice(tab + 1) };
}

/** A day part's lines (`pairs`, `companyRequests`): none for an empty text. */
export function linesOf(text: string): string[] {
  return text ? text.split('\n') : [];
}

/** `companyRequests` read into a map. */
export function countsOf(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of linesOf(text)) {
    const tab = line.lastIndexOf('\t');
    counts.set(line.slice(0, tab), Number(line.slice(tab + 1)));
  }
  return counts;
}

/** Counts written as `companyRequests`. */
export function countsText(counts: Iterable<[string, number]>): string {
  const lines: string[] = [];
  for (const [company, n] of counts) lines.push(`${company}\t${n}`);
  return lines.join('\n');
}
