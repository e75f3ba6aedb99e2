import type { AttemptAggregate, SiteCompanyAggregate } from '../../lib/storage/aggregates.ts';
import { type ConsentFlowList, companyConsentFlows } from '../../lib/storage/consent.ts';
import { loadCompanyAttempts, loadCompanySites } from '../../lib/storage/dashboard.ts';
import type { DisclosedDb } from '../../lib/storage/db.ts';
import { useLive } from './use-live.ts';

/**
 * A company page's one reader: the sites that sent it data, its requests that did not reach it, and those that reached
 * it before a cookie banner was answered or after a refusal, live.
 */
export function useCompanyModel(
  db: DisclosedDb,
  id: string,
): {
  flows: SiteCompanyAggregate[] | undefined;
  attempts: AttemptAggregate[] | undefined;
  consent: ConsentFlowList | undefined;
} {
  const flows = useLive(() => loadCompanySites(db, id), [db, id]);
  const attempts = useLive(() => loadCompanyAttempts(db, id), [db, id]);
  // Live, as the rest: it reads one index range (the latest 50 and a count), and Dexie runs it again only when a
  // write touches that range, that is when this company gets new evidence.
  const consent = useLive(() => companyConsentFlows(db, id), [db, id]);
  return { flows, attempts, consent };
}
