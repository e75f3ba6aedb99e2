import { DATA_KINDS, type DataKind } from '../disclose/kinds.ts';
import { buildGraph, type GraphData } from '../graph/graph-data.ts';
import { type DisclosedDb, type FlowKind, localDay, type SiteCompanyAggregate } from './db.ts';

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

export async function loadOverview(db: DisclosedDb, window: TimeWindow, now = Date.now()): Promise<Overview> {
  const from = windowStart(window, now);
  const days = await (from
    ? db.dayCompanies.where('day').aboveOrEqual(from)
    : db.dayCompanies.toCollection()
  ).toArray();
  const sites = new Set<string>();
  const byCompany = new Map<string, { kind: FlowKind; sites: Set<string>; requests: number }>();
  const byDay = new Map<string, { requests: number; companies: Set<string> }>();
  let requests = 0;
  for (const d of days) {
    requests += d.requests;
    for (const s of d.sites) sites.add(s);
    const c = byCompany.get(d.company) ?? { kind: d.kind, sites: new Set<string>(), requests: 0 };
    for (const s of d.sites) c.sites.add(s);
    c.requests += d.requests;
    byCompany.set(d.company, c);
    const day = byDay.get(d.day) ?? { requests: 0, companies: new Set<string>() };
    day.requests += d.requests;
    day.companies.add(d.company);
    byDay.set(d.day, day);
  }
  // Categories come with the per-site totals active in the window (the per-day ones do not carry them).
  const fromMs = from ? new Date(`${from}T00:00:00`).getTime() : 0;
  const flows = await db.siteCompanies.where('lastSeen').aboveOrEqual(fromMs).toArray();
  const categoryOf = new Map(flows.map((f) => [f.company, f.category]));
  const byCategory = new Map<string, { companies: Set<string>; requests: number }>();
  for (const [company, c] of byCompany) {
    const category = categoryOf.get(company) ?? 'misc';
    const entry = byCategory.get(category) ?? { companies: new Set<string>(), requests: 0 };
    entry.companies.add(company);
    entry.requests += c.requests;
    byCategory.set(category, entry);
  }
  return {
    sites: sites.size,
    companies: byCompany.size,
    requests,
    topCompanies: [...byCompany]
      .map(([company, c]) => ({ company, kind: c.kind, sites: c.sites.size, requests: c.requests }))
      .sort((a, b) => b.sites - a.sites || b.requests - a.requests || a.company.localeCompare(b.company))
      .slice(0, 10),
    timeline: everyDay(from || [...byDay.keys()].sort()[0] || localDay(now), localDay(now)).map((day) => ({
      day,
      requests: byDay.get(day)?.requests ?? 0,
      companies: byDay.get(day)?.companies.size ?? 0,
    })),
    categories: [...byCategory]
      .map(([category, c]) => ({ category, companies: c.companies.size, requests: c.requests }))
      .sort((a, b) => b.companies - a.companies || b.requests - a.requests || a.category.localeCompare(b.category)),
  };
}

export interface CompanyRow {
  company: string;
  kind: FlowKind;
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
  const rows = new Map<string, CompanyRow>();
  await db.siteCompanies.each((f) => {
    const r = rows.get(f.company) ?? {
      company: f.company,
      kind: f.kind,
      categories: [],
      sites: 0,
      requests: 0,
      firstSeen: f.firstSeen,
      lastSeen: f.lastSeen,
      kinds: [],
    };
    merge(r, f);
    r.sites++;
    if (!r.categories.includes(f.category)) r.categories.push(f.category);
    rows.set(f.company, r);
  });
  return [...rows.values()]
    .map(finish)
    .sort((a, b) => b.sites - a.sites || b.requests - a.requests || a.company.localeCompare(b.company));
}

/** Every site, with the companies that received data there. */
export async function loadSites(db: DisclosedDb): Promise<SiteRow[]> {
  const rows = new Map<string, SiteRow>();
  await db.siteCompanies.each((f) => {
    const r = rows.get(f.site) ?? {
      site: f.site,
      companies: 0,
      requests: 0,
      firstSeen: f.firstSeen,
      lastSeen: f.lastSeen,
      kinds: [],
    };
    merge(r, f);
    r.companies++;
    rows.set(f.site, r);
  });
  return [...rows.values()]
    .map(finish)
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

/** The sites ↔ companies graph of the connections active in a window (a per-site total last seen in it). */
export async function loadGraph(db: DisclosedDb, window: TimeWindow, now = Date.now()): Promise<GraphData> {
  const from = windowStart(window, now);
  const fromMs = from ? new Date(`${from}T00:00:00`).getTime() : 0;
  return buildGraph(await db.siteCompanies.where('lastSeen').aboveOrEqual(fromMs).toArray());
}

/** The kinds a per-site total recorded, in vocabulary order. */
export function kindsOf(f: Pick<SiteCompanyAggregate, 'kinds'>): DataKind[] {
  return DATA_KINDS.filter((k) => f.kinds?.[k]);
}

function merge(
  r: { requests: number; firstSeen: number; lastSeen: number; kinds: DataKind[] },
  f: SiteCompanyAggregate,
) {
  r.requests += f.requests;
  r.firstSeen = Math.min(r.firstSeen, f.firstSeen);
  r.lastSeen = Math.max(r.lastSeen, f.lastSeen);
  for (const k of kindsOf(f)) if (!r.kinds.includes(k)) r.kinds.push(k);
}

function finish<T extends { kinds: DataKind[] }>(r: T): T {
  r.kinds = DATA_KINDS.filter((k) => r.kinds.includes(k));
  return r;
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
