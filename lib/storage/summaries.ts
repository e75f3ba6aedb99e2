import type { Table } from 'dexie';
import {
  type CompanySummary,
  type DayCompanyAggregate,
  type DayPart,
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
  /** Absent in the schema upgrades before version 12: the days are then left as they are (see db.ts). */
  dayParts?: Table<DayPart, [string, number]>;
}

/**
 * Recomputes the summaries of the given companies, sites and days (all of them when `keys` is omitted; every site's
 * and company's but no day's with `sites-and-companies`) from the totals, deleting those with nothing left. Call inside a transaction that includes every table involved.
 */
export async function rebuildSummaries(
  db: SummaryTables,
  keys?: { companies: Iterable<string>; sites: Iterable<string>; days: Iterable<string> } | 'sites-and-companies',
): Promise<void> {
  const { dayParts } = db;
  if (!keys || keys === 'sites-and-companies') {
    const days = !keys && dayParts;
    await Promise.all([db.companies.clear(), db.sites.clear(), days && db.days.clear(), days && dayParts.clear()]);
    const flows: SiteCompanyAggregate[] = [];
    const dayFlows: DayCompanyAggregate[] = [];
    await db.siteCompanies.each((f) => {
      flows.push(f);
    });
    if (days)
      await db.dayCompanies.each((d) => {
        dayFlows.push(d);
      });
    const all = summarize(flows, dayFlows);
    await Promise.all([
      db.companies.bulkPut(all.companies),
      db.sites.bulkPut(all.sites),
      days && db.days.bulkPut(all.days),
      days && dayParts.bulkPut(all.dayParts),
    ]);
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
  if (!dayParts) return;
  for (const day of new Set(keys.days)) {
    const summary = summarize([], await db.dayCompanies.where('day').equals(day).toArray());
    const [row] = summary.days;
    await dayParts.where('[day+part]').between([day, -Infinity], [day, Infinity]).delete();
    await (row ? db.days.put(row) : db.days.delete(day));
    await dayParts.bulkPut(summary.dayParts);
  }
}
