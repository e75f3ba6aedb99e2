import type { DataKind } from '../disclose/kinds.ts';
import type {
  CompanySummary,
  DayCompanyAggregate,
  DaySummary,
  SeenSpan,
  SiteCompanyAggregate,
  SiteSummary,
} from './aggregates.ts';
import type { DisclosedDb } from './db.ts';

/**
 * Per-company, per-site and per-day summaries: what the dashboard's lists and all-time overview read, so a view
 * reads a few thousand small rows instead of every (site, company) and (day, company) total. The recorder keeps
 * them current event by event (recorder.ts); whatever else changes the totals (forget a site, import, a schema
 * upgrade) rebuilds the summaries it touched from those totals, here.
 */

export function mergeSpan(kinds: Partial<Record<DataKind, SeenSpan>>, kind: DataKind, span: SeenSpan): void {
  const mine = kinds[kind];
  kinds[kind] = mine ? { first: Math.min(mine.first, span.first), last: Math.max(mine.last, span.last) } : { ...span };
}

export function companySummary(company: string, flows: SiteCompanyAggregate[]): CompanySummary | undefined {
  const [first] = flows;
  if (!first) return undefined;
  const row: CompanySummary = {
    company,
    kind: first.kind,
    categories: [],
    sites: 0,
    requests: 0,
    failed: 0,
    firstSeen: first.firstSeen,
    lastSeen: first.lastSeen,
    kinds: {},
  };
  for (const f of flows) {
    row.sites++;
    row.requests += f.requests;
    row.failed += f.failed;
    row.firstSeen = Math.min(row.firstSeen, f.firstSeen);
    row.lastSeen = Math.max(row.lastSeen, f.lastSeen);
    if (!row.categories.includes(f.category)) row.categories.push(f.category);
    for (const [k, span] of Object.entries(f.kinds ?? {}) as [DataKind, SeenSpan][]) mergeSpan(row.kinds, k, span);
  }
  return row;
}

export function siteSummary(site: string, flows: SiteCompanyAggregate[]): SiteSummary | undefined {
  const [first] = flows;
  if (!first) return undefined;
  const row: SiteSummary = {
    site,
    companies: 0,
    requests: 0,
    firstSeen: first.firstSeen,
    lastSeen: first.lastSeen,
    kinds: {},
  };
  for (const f of flows) {
    row.companies++;
    row.requests += f.requests;
    row.firstSeen = Math.min(row.firstSeen, f.firstSeen);
    row.lastSeen = Math.max(row.lastSeen, f.lastSeen);
    for (const [k, span] of Object.entries(f.kinds ?? {}) as [DataKind, SeenSpan][]) mergeSpan(row.kinds, k, span);
  }
  return row;
}

export function daySummary(day: string, rows: DayCompanyAggregate[]): DaySummary | undefined {
  if (!rows.length) return undefined;
  return {
    day,
    companies: rows.length,
    requests: rows.reduce((n, r) => n + r.requests, 0),
    pairs: rows.flatMap((r) => r.sites.map((site) => pairLine(site, r.company))).join('\n'),
    companyRequests: countsText(rows.map((r) => [r.company, r.requests])),
  };
}

/** One (site, company) pair as a line of a day summary's `pairs`, and back. */
export function pairLine(site: string, company: string): string {
  return `${site}\t${company}`;
}

export function splitPair(line: string): { site: string; company: string } {
  const tab = line.indexOf('\t');
  return { site: line.slice(0, tab), company: line.slice(tab + 1) };
}

/** A day summary's lines (`pairs`, `companyRequests`): none for an empty text. */
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

/**
 * Recomputes the summaries of the given companies, sites and days (all of them when `keys` is omitted) from the
 * totals, deleting those with nothing left. Call inside a transaction that includes every table involved.
 */
export type SummaryTables = Pick<DisclosedDb, 'siteCompanies' | 'dayCompanies' | 'companies' | 'sites' | 'days'>;

export async function rebuildSummaries(
  db: SummaryTables,
  keys?: { companies: Iterable<string>; sites: Iterable<string>; days: Iterable<string> },
): Promise<void> {
  if (!keys) {
    await Promise.all([db.companies.clear(), db.sites.clear(), db.days.clear()]);
    const byCompany = new Map<string, SiteCompanyAggregate[]>();
    const bySite = new Map<string, SiteCompanyAggregate[]>();
    await db.siteCompanies.each((f) => {
      addTo(byCompany, f.company, f);
      addTo(bySite, f.site, f);
    });
    const byDay = new Map<string, DayCompanyAggregate[]>();
    await db.dayCompanies.each((d) => addTo(byDay, d.day, d));
    await Promise.all([
      db.companies.bulkPut([...byCompany].flatMap(([c, f]) => companySummary(c, f) ?? [])),
      db.sites.bulkPut([...bySite].flatMap(([s, f]) => siteSummary(s, f) ?? [])),
      db.days.bulkPut([...byDay].flatMap(([d, r]) => daySummary(d, r) ?? [])),
    ]);
    return;
  }
  for (const company of new Set(keys.companies)) {
    const row = companySummary(company, await db.siteCompanies.where('company').equals(company).toArray());
    await (row ? db.companies.put(row) : db.companies.delete(company));
  }
  for (const site of new Set(keys.sites)) {
    const row = siteSummary(site, await db.siteCompanies.where('site').equals(site).toArray());
    await (row ? db.sites.put(row) : db.sites.delete(site));
  }
  for (const day of new Set(keys.days)) {
    const row = daySummary(day, await db.dayCompanies.where('day').equals(day).toArray());
    await (row ? db.days.put(row) : db.days.delete(day));
  }
}

function addTo<T>(groups: Map<string, T[]>, key: string, row: T): void {
  const group = groups.get(key);
  if (group) group.push(row);
  else groups.set(key, [row]);
}
