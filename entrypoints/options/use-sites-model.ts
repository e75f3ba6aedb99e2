import { loadSites, type SiteRow } from '../../lib/storage/dashboard.ts';
import type { DisclosedDb } from '../../lib/storage/db.ts';
import { useLive } from './use-live.ts';

/** The sites page's one reader: every site and what its companies received, live. */
export function useSitesModel(db: DisclosedDb): { rows: SiteRow[] | undefined } {
  const rows = useLive(() => loadSites(db), [db]);
  return { rows };
}
