import type { DisclosedDb } from './db.ts';

/** One company that received one of the user's watched values from one site, and in which forms. */
export interface WatchedSighting {
  site: string;
  company: string;
  /** The findings' details (`email sha256`), each once, at most MAX_DETAILS. */
  details: string[];
  lastSeen: number;
}

const MAX_DETAILS = 6;
/** Events of one (site, company) pair read at most for their details: the forms repeat, a few show them all. */
const EVENTS_READ = 50;

/**
 * Where the user's watched values went, for a company's page or a site's: the (site, company) totals that say a
 * watched value was received pick the pairs (no event is read for any other), and each pair's events that carried
 * one say in which forms. The totals outlive the events: a pair whose events retention deleted shows with no details.
 */
export async function watchedSightings(
  db: DisclosedDb,
  by: { company: string } | { site: string },
): Promise<WatchedSighting[]> {
  const rows = await ('company' in by
    ? db.siteCompanies.where('company').equals(by.company)
    : db.siteCompanies.where('site').equals(by.site)
  )
    .filter((r) => !!r.kinds?.watched)
    .toArray();
  const out: WatchedSighting[] = [];
  for (const r of rows) {
    const details: string[] = [];
    const events = await db.events
      .where('[site+company]')
      .equals([r.site, r.company])
      .filter((e) => !!e.kinds?.includes('watched'))
      .limit(EVENTS_READ)
      .toArray();
    for (const e of events) {
      for (const f of e.findings ?? []) {
        if (f.kind === 'watched' && f.detail && !details.includes(f.detail) && details.length < MAX_DETAILS)
          details.push(f.detail);
      }
    }
    out.push({ site: r.site, company: r.company, details, lastSeen: r.kinds.watched?.last ?? r.lastSeen });
  }
  return out.sort((a, b) => b.lastSeen - a.lastSeen || a.site.localeCompare(b.site));
}
