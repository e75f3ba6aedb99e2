import { loadOverview, type Overview, type TimeWindow } from '../../lib/storage/dashboard.ts';
import type { DisclosedDb } from '../../lib/storage/db.ts';
import { useLive } from './use-live.ts';

/** The overview's one reader: its totals, top companies, categories and days over the time window, live. */
export function useOverviewModel(db: DisclosedDb, timeWindow: TimeWindow): { overview: Overview | undefined } {
  const overview = useLive(() => loadOverview(db, timeWindow), [db, timeWindow]);
  return { overview };
}
