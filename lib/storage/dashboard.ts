import type { FlowKind } from '../classify/classify.ts';
import { localDay } from '../day.ts';
import { DATA_KINDS, type DataKind } from '../disclose/kinds.ts';
import { isUnlistedId } from '../trackers/company.ts';
import {
  type AttemptAggregate,
  type CompanySummary,
  type DayPart,
  rankedCategoriesOf,
  readParts,
  type SiteCompanyAggregate,
  splitPair,
} from './aggregates.ts';
import type { DisclosedDb } from './db.ts';

/** The dashboard's read side: every view is built from the aggregates, never from raw events. */

export type TimeWindow = 'today' | '7d' | '30d' | 'all';
const DAYS: Record<Exclude<TimeWindow, 'all'>, number> = { today: 1, '7d': 7, '30d': 30 };

/** The first local day of a window, as YYYY-MM-DD (empty for all time). */
export function windowStart(window: TimeWindow, now = Date.now()): string {
  if (window === 'all') return '';
  const d = new Date(now);
  d.setDate(d.getDate() - (DAYS[window] - 1));
  return localDay(d.getTime());
}

export interface Overview {
  sites: number;
  companies: number;
  requests: number;
  /** Companies by the number of sites they received data from, most first (at most 10). */
  topCompanies: { company: string; kind: FlowKind; sites: number; requests: number }[];
  /** Requests and companies per day, oldest first. */
  timeline: { day: string; requests: number; companies: number }[];
  /** Companies and requests per category, most companies first. */
  categories: { category: string; companies: number; requests: number }[];
}

/**
 * A company's main category: the first of its summary's (`rankCategories`), over all time — a window's overview
 * and graph too take it from there (a week's own counts are not kept per category), so a company has one main
 * category on every screen. `unlisted` or `misc` for a company with no summary.
 */
export function mainCategory(summary: Pick<CompanySummary, 'categories'> | undefined, id: string): string {
  return summary?.categories[0]?.category ?? (isUnlistedId(id) ? 'unlisted' : 'misc');
}

/** The main category of each of these companies, from their summaries. */
export async function mainCategories(db: DisclosedDb, ids: string[]): Promise<Map<string, string>> {
  const rows = await db.companies.bulkGet(ids);
  return new Map(ids.map((id, i) => [id, mainCategory(rows[i], id)]));
}

/** The overview of a window. A company counts under its main category (`mainCategory`), as the graph colours it. */
export async function loadOverview(db: DisclosedDb, window: TimeWindow, now = Date.now()): Promise<Overview> {
  const from = windowStart(window, now);
  const today = localDay(now);
  if (!from) {
    // All time: the summaries already hold every figure.
    const [sites, companies, days] = await Promise.all([db.sites.count(), db.companies.toArray(), db.days.toArray()]);
    const byDay = new Map(days.map((d) => [d.day, d]));
    return {
      sites,
      companies: companies.length,
      requests: companies.reduce((n, c) => n + c.requests, 0),
      topCompanies: top(
        companies.map((c) => ({ company: c.company, kind: c.kind, sites: c.sites, requests: c.requests })),
      ),
      timeline: everyDay(days[0]?.day ?? today, today).map((day) => ({
        day,
        requests: byDay.get(day)?.requests ?? 0,
        companies: byDay.get(day)?.companies ?? 0,
      })),
      categories: categoriesOf(companies.map((c) => ({ category: mainCategory(c, c.company), requests: c.requests }))),
    };
  }
  // The days' summaries and parts only: a few rows a day, however many (day, company) totals there are.
  const [days, parts] = await Promise.all([db.days.where('day').aboveOrEqual(from).toArray(), dayPartsFrom(db, from)]);
  const sites = new Set<string>();
  const { pairs, requests } = readParts(parts);
  const byCompany = new Map<string, { sites: number; requests: number }>();
  for (const pair of pairs) {
    const { site, company } = splitPair(pair);
    sites.add(site);
    const mine = byCompany.get(company);
    if (mine) mine.sites++;
    else byCompany.set(company, { sites: 1, requests: 0 });
  }
  for (const [company, n] of requests) {
    const mine = byCompany.get(company);
    if (mine) mine.requests += n;
  }
  const byDay = new Map(days.map((d) => [d.day, d]));
  const ids = [...byCompany.keys()];
  const main = await mainCategories(db, ids);
  return {
    sites: sites.size,
    companies: byCompany.size,
    requests: days.reduce((n, d) => n + d.requests, 0),
    topCompanies: top(
      ids.map((company) => ({
        company,
        kind: kindOfCompany(company),
        sites: byCompany.get(company)?.sites ?? 0,
        requests: byCompany.get(company)?.requests ?? 0,
      })),
    ),
    timeline: everyDay(from, today).map((day) => ({
      day,
      requests: byDay.get(day)?.requests ?? 0,
      companies: byDay.get(day)?.companies ?? 0,
    })),
    categories: categoriesOf(
      ids.map((id) => ({
        category: main.get(id) ?? 'misc',
        requests: byCompany.get(id)?.requests ?? 0,
      })),
    ),
  };
}

/** The parts of every day from `from` (YYYY-MM-DD; every day for an empty one). */
export function dayPartsFrom(db: DisclosedDb, from: string): Promise<DayPart[]> {
  return db.dayParts.where('[day+part]').aboveOrEqual([from, -Infinity]).toArray();
}

function top(rows: Overview['topCompanies']): Overview['topCompanies'] {
  return rows
    .sort((a, b) => b.sites - a.sites || b.requests - a.requests || a.company.localeCompare(b.company))
    .slice(0, 10);
}

/** Companies and requests per category (a company counts under its main category, with all its requests). */
function categoriesOf(companies: { category: string; requests: number }[]): Overview['categories'] {
  const byCategory = new Map<string, { companies: number; requests: number }>();
  for (const c of companies) {
    const entry = byCategory.get(c.category) ?? { companies: 0, requests: 0 };
    entry.companies++;
    entry.requests += c.requests;
    byCategory.set(c.category, entry);
  }
  return [...byCategory]
    .map(([category, c]) => ({ category, ...c }))
    .sort((a, b) => b.companies - a.companies || b.requests - a.requests || a.category.localeCompare(b.category));
}

export interface CompanyRow {
  company: string;
  kind: FlowKind;
  /** Its category ids, main first (`rankCategories`). */
  categories: string[];
  sites: number;
  requests: number;
  firstSeen: number;
  lastSeen: number;
  kinds: DataKind[];
}

export interface SiteRow {
  site: string;
  companies: number;
  requests: number;
  firstSeen: number;
  lastSeen: number;
  kinds: DataKind[];
}

/** Every company, with the sites it reached and what it received. */
export async function loadCompanies(db: DisclosedDb): Promise<CompanyRow[]> {
  return (await db.companies.toArray())
    .map((c) => ({
      company: c.company,
      kind: c.kind,
      categories: c.categories.map((x) => x.category),
      sites: c.sites,
      requests: c.requests,
      firstSeen: c.firstSeen,
      lastSeen: c.lastSeen,
      kinds: kindsOf(c),
    }))
    .sort((a, b) => b.sites - a.sites || b.requests - a.requests || a.company.localeCompare(b.company));
}

/** Every site, with the companies that received data there. */
export async function loadSites(db: DisclosedDb): Promise<SiteRow[]> {
  return (await db.sites.toArray())
    .map((s) => ({
      site: s.site,
      companies: s.companies,
      requests: s.requests,
      firstSeen: s.firstSeen,
      lastSeen: s.lastSeen,
      kinds: kindsOf(s),
    }))
    .sort((a, b) => b.companies - a.companies || b.requests - a.requests || a.site.localeCompare(b.site));
}

/** The sites where one company received data (most recent first). */
export async function loadCompanySites(db: DisclosedDb, company: string): Promise<SiteCompanyAggregate[]> {
  const rows = await db.siteCompanies.where('company').equals(company).toArray();
  return rows.sort((a, b) => b.lastSeen - a.lastSeen);
}

/** The companies that received data on one site (most requests first). */
export async function loadSiteCompanies(db: DisclosedDb, site: string): Promise<SiteCompanyAggregate[]> {
  const rows = await db.siteCompanies.where('site').equals(site).toArray();
  return rows.sort((a, b) => b.requests - a.requests);
}

// Attempts: requests not known to have reached the company (blocked, failed, answered from the cache), kept apart
// from everything above, which counts only what was received. A view shows them under their own heading, with what
// they carried as what the company would have received.

/** A company none of whose requests is known to have reached it, with what its attempts would have sent. */
export interface AttemptedCompanyRow {
  company: string;
  kind: FlowKind;
  categories: string[];
  /** Sites it was tried from. */
  sites: number;
  /** Requests tried, none known to have arrived. */
  requests: number;
  lastSeen: number;
  /** What it would have received. */
  kinds: DataKind[];
}

/** The companies that were only attempted (no received total anywhere), most sites first. */
export async function loadAttemptedCompanies(db: DisclosedDb): Promise<AttemptedCompanyRow[]> {
  const [attempts, received] = await Promise.all([db.attempts.toArray(), db.companies.toCollection().primaryKeys()]);
  const reached = new Set(received);
  const byCompany = new Map<
    string,
    AttemptedCompanyRow & { spans: Partial<Record<DataKind, unknown>>; totals: AttemptAggregate[] }
  >();
  for (const a of attempts) {
    if (reached.has(a.company)) continue;
    const row = byCompany.get(a.company) ?? {
      company: a.company,
      kind: a.kind,
      categories: [],
      sites: 0,
      requests: 0,
      lastSeen: a.lastSeen,
      kinds: [],
      spans: {},
      totals: [],
    };
    row.sites++;
    row.totals.push(a);
    row.requests += a.requests;
    if (a.lastSeen > row.lastSeen) row.lastSeen = a.lastSeen;
    Object.assign(row.spans, a.kinds);
    byCompany.set(a.company, row);
  }
  return [...byCompany.values()]
    .map(({ spans, totals, ...row }) => ({
      ...row,
      categories: rankedCategoriesOf(totals),
      kinds: kindsOf({ kinds: spans }),
    }))
    .sort((a, b) => b.sites - a.sites || b.requests - a.requests || a.company.localeCompare(b.company));
}

/** The sites from which requests to one company did not reach it (most recent first). */
export async function loadCompanyAttempts(db: DisclosedDb, company: string): Promise<AttemptAggregate[]> {
  const rows = await db.attempts.where('company').equals(company).toArray();
  return rows.sort((a, b) => b.lastSeen - a.lastSeen || a.site.localeCompare(b.site));
}

/** The companies that requests from one site did not reach (most requests first). */
export async function loadSiteAttempts(db: DisclosedDb, site: string): Promise<AttemptAggregate[]> {
  const rows = await db.attempts.where('site').equals(site).toArray();
  return rows.sort((a, b) => b.requests - a.requests || a.company.localeCompare(b.company));
}

/** Whether a company id names a listed company or an unlisted third party. */
export function kindOfCompany(id: string): FlowKind {
  return isUnlistedId(id) ? 'unlisted' : 'tracker';
}

/** The kinds a per-site total recorded, in vocabulary order. */
export function kindsOf(f: { kinds?: Partial<Record<DataKind, unknown>> }): DataKind[] {
  return DATA_KINDS.filter((k) => f.kinds?.[k]);
}

/** Every local day from `first` to `last` (YYYY-MM-DD, inclusive): a timeline shows the days nothing happened too. */
export function everyDay(first: string, last: string): string[] {
  const days: string[] = [];
  const d = new Date(`${first}T12:00:00`);
  for (let day = localDay(d.getTime()); day <= last && days.length < 20_000; day = localDay(d.getTime())) {
    days.push(day);
    d.setDate(d.getDate() + 1);
  }
  return days;
}
