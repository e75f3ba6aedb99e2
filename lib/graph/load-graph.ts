import { linesOf, splitPair } from '../storage/aggregates.ts';
import { kindOfCompany, type TimeWindow, windowStart } from '../storage/dashboard.ts';
import type { DisclosedDb } from '../storage/db.ts';
import { buildGraph, type GraphData } from './graph-data.ts';

/**
 * The sites ↔ companies graph of the connections active in a window: (site, company) pairs only, never the full
 * per-site totals; colours come from the tracker list's categories.
 */
export async function loadGraph(
  db: DisclosedDb,
  window: TimeWindow,
  categoryOf: (id: string) => string,
  now = Date.now(),
): Promise<GraphData> {
  const from = windowStart(window, now);
  // The days' pairs: a few rows, however many per-site totals there are.
  const days = await (from ? db.days.where('day').aboveOrEqual(from) : db.days.toCollection()).toArray();
  const seen = new Set<string>();
  for (const d of days) for (const pair of linesOf(d.pairs)) seen.add(pair);
  return buildGraph([...seen].map(splitPair), (id) => ({ kind: kindOfCompany(id), category: categoryOf(id) }));
}
