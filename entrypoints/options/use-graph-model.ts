import type { GraphData } from '../../lib/graph/graph-data.ts';
import { loadGraph } from '../../lib/graph/load-graph.ts';
import type { TimeWindow } from '../../lib/storage/dashboard.ts';
import type { DisclosedDb } from '../../lib/storage/db.ts';
import { useLive } from './use-live.ts';

/** The graph's one reader: the sites and companies connected over the time window, live. */
export function useGraphModel(db: DisclosedDb, timeWindow: TimeWindow): { data: GraphData | undefined } {
  const data = useLive(() => loadGraph(db, timeWindow), [db, timeWindow]);
  return { data };
}
