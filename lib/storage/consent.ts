import { type ConsentSummary, countConsent, emptySummary } from '../consent/summary.ts';
import type { DisclosedDb } from './db.ts';

/**
 * The consent summary of what one site sent one company (lib/consent/summary.ts), from the events kept: read through
 * the events' (site, company) index one event at a time, so a busy pair's events are never all in memory at once.
 */
export async function siteCompanyConsent(db: DisclosedDb, site: string, company: string): Promise<ConsentSummary> {
  const summary = emptySummary();
  await db.events
    .where('[site+company]')
    .equals([site, company])
    .each((e) => countConsent(summary, e));
  return summary;
}
