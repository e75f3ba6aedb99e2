import {
  type AttemptedCompanyRow,
  type CompanyRow,
  loadAttemptedCompanies,
  loadCompanies,
} from '../../lib/storage/dashboard.ts';
import type { DisclosedDb } from '../../lib/storage/db.ts';
import { useLive } from './use-live.ts';

/** The companies page's one reader: the companies that received data, and those only attempted, live. */
export function useCompaniesModel(db: DisclosedDb): {
  rows: CompanyRow[] | undefined;
  attempted: AttemptedCompanyRow[] | undefined;
} {
  const rows = useLive(() => loadCompanies(db), [db]);
  const attempted = useLive(() => loadAttemptedCompanies(db), [db]);
  return { rows, attempted };
}
