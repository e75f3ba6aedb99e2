import type { AttemptAggregate, SiteCompanyAggregate } from '../../lib/storage/aggregates.ts';
import { type ConsentFlowList, siteConsentFlows } from '../../lib/storage/consent.ts';
import { loadSiteAttempts, loadSiteCompanies } from '../../lib/storage/dashboard.ts';
import type { DisclosedDb } from '../../lib/storage/db.ts';
import { unlistedMore } from '../../lib/storage/queries.ts';
import { useLive } from './use-live.ts';

/**
 * A site page's one reader: the companies it sent data to, its requests that did not reach their company, and how
 * many requests to unlisted parties were counted without being kept one by one, and its consent evidence, live.
 */
export function useSiteModel(
  db: DisclosedDb,
  site: string,
): {
  flows: SiteCompanyAggregate[] | undefined;
  attempts: AttemptAggregate[] | undefined;
  unlistedMore: number | undefined;
  consent: ConsentFlowList | undefined;
} {
  const flows = useLive(() => loadSiteCompanies(db, site), [db, site]);
  const attempts = useLive(() => loadSiteAttempts(db, site), [db, site]);
  const more = useLive(() => unlistedMore(db, site), [db, site]);
  // Live: one index range read (the latest 50 and a count), run again only when a write touches it (see the company's).
  const consent = useLive(() => siteConsentFlows(db, site), [db, site]);
  return { flows, attempts, unlistedMore: more, consent };
}
