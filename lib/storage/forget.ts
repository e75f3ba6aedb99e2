import { localDay } from '../day.ts';
import { pairKey, withoutSite } from './aggregates.ts';
import { type DisclosedDb, recordTables } from './db.ts';
import { rebuildSummaries } from './summaries.ts';

export interface ForgetReport {
  events: number;
  pages: number;
  flows: number;
}

/**
 * Removes every trace of a site: its events and page loads, its (site, company) totals, its name in the per-day
 * totals and in the identifiers' site lists — and the per-day requests its stored events counted. Identifiers seen
 * on no other site go too. (Per-day request counts of events already deleted by retention cannot be told apart by
 * site and stay: they name no site.)
 *
 * The recorder caches aggregates: call this through the background, which flushes and invalidates it.
 */
export async function forgetSite(db: DisclosedDb, site: string): Promise<ForgetReport> {
  const tables = recordTables(db);
  return db.transaction('rw', tables, async () => {
    const siteEvents = db.events.where('[site+company]').between([site, ''], [site, '\uffff']);
    // Per (day, company): how many of this site's stored events the day totals counted.
    const perDay = new Map<string, number>();
    await siteEvents.each((e) => {
      const key = pairKey(localDay(e.time), e.company);
      perDay.set(key, (perDay.get(key) ?? 0) + 1);
    });
    const events = await siteEvents.delete();
    const pageKeys = (await db.pages.toArray()).filter((p) => p.site === site).map((p) => p.key);
    await db.pages.bulkDelete(pageKeys);
    const companies = (await db.siteCompanies.where('site').equals(site).toArray()).map((f) => f.company);
    const flows = await db.siteCompanies.where('site').equals(site).delete();
    await db.attempts.where('site').equals(site).delete();
    await db.siteDays.where('[site+day]').between([site, ''], [site, '\uffff']).delete();

    const days = new Set<string>();
    await db.dayCompanies
      .filter((d) => d.sites.includes(site))
      .modify((d, ref) => {
        days.add(d.day);
        if (!withoutSite(d, site, perDay.get(pairKey(d.day, d.company)) ?? 0))
          delete (ref as { value?: unknown }).value;
      });
    await db.identifiers
      .filter((i) => i.sites.includes(site))
      .modify((i, ref) => {
        i.sites = i.sites.filter((s) => s !== site);
        if (!i.sites.length) delete (ref as { value?: unknown }).value;
      });
    await rebuildSummaries(db, { companies, sites: [site], days });
    return { events, pages: pageKeys.length, flows };
  });
}

/** Deletes everything Disclosed recorded (settings stay). */
export async function clearEverything(db: DisclosedDb): Promise<void> {
  const tables = recordTables(db);
  await db.transaction('rw', tables, () => Promise.all(tables.map((t) => t.clear())));
}
