import type { Table } from 'dexie';
import {
  type CompanySummary,
  type DayCompanyAggregate,
  type DaySummary,
  type SiteCompanyAggregate,
  type SiteSummary,
  summarize,
} from './aggregates.ts';

/**
 * Per-company, per-site and per-day summaries: what the dashboard's lists and all-time overview read, so a view
 * reads a few thousand small rows instead of every (site, company) and (day, company) total. The recorder keeps
 * them current event by event; whatever else changes the totals (forget a site, import, a schema upgrade) rebuilds
 * the summaries it touched from those totals, here. The rules are aggregates.ts's either way.
 */

/** The tables a rebuild reads and writes (those of `DisclosedDb`, or of an upgrade's transaction). */
export interface SummaryTables {
  siteCompanies: Table<SiteCompanyAggregate, [string, string]>;
  dayCompanies: Table<DayCompanyAggregate, [string, string]>;
  companies: Table<CompanySummary, string>;
  sites: Table<SiteSummary, string>;
  days: Table<DaySummary, string>;
}

/**
 * Recomputes the summaries of the given companies, sites and days (all of them when `keys` is omitted) from the
 * totals, deleting those with nothing left. Call inside a transaction that includes every table involved.
 */
export async function rebuildSummaries(
  db: SummaryTables,
  keys?: { companies: Iterable<string>; sites: Iterable<string>; days: Iterable<string> },
): Promise<void> {
  if (!keys) {
    await Promise.all([db.companies.clear(), db.sites.clear(), db.days.clear()]);
    const flows: SiteCompanyAggregate[] = [];
    const dayFlows: DayCompanyAggregate[] = [];
    await db.siteCompanies.each((f) => {
      flows.push(f);
    });
    await db.dayCompanies.each((d) => {
      dayFlows.push(d);
    });
    const all = summarize(flows, dayFlows);
    await Promise.all([db.companies.bulkPut(all.companies), db.sites.bulkPut(all.sites), db.days.bulkPut(all.days)]);
    return;
  }
  for (const company of new Set(keys.companies)) {
    const [row] = summarize(await db.siteCompanies.where('company').equals(company).toArray(), []).companies;
    await (row ? db.companies.put(row) : db.companies.delete(company));
  }
  for (const site of new Set(keys.sites)) {
    const [row] = summarize(await db.siteCompanies.where('site').equals(site).toArray(), []).sites;
    await (row ? db.sites.put(row) : db.sites.delete(site));
  }
  for (const day of new Set(keys.days)) {
    const [row] = summarize([], await db.dayCompanies.where('day').equals(day).toArray()).days;
    await (row ? db.days.put(row) : db.days.delete(day));
  }
}
