import type { AttemptAggregate, SiteCompanyAggregate } from '../../lib/storage/aggregates.ts';
import { loadCompanyAttempts, loadCompanySites } from '../../lib/storage/dashboard.ts';
import type { DisclosedDb } from '../../lib/storage/db.ts';
import { useLive } from './use-live.ts';

/** A company page's one reader: the sites that sent it data, and its requests that did not reach it, live. */
export function useCompanyModel(
  db: DisclosedDb,
  id: string,
): { flows: SiteCompanyAggregate[] | undefined; attempts: AttemptAggregate[] | undefined } {
  const flows = useLive(() => loadCompanySites(db, id), [db, id]);
  const attempts = useLive(() => loadCompanyAttempts(db, id), [db, id]);
  return { flows, attempts };
}
