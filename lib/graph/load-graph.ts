import { linesOf, splitPair } from '../storage/aggregates.ts';
import { kindOfCompany, mainCategories, type TimeWindow, windowStart } from '../storage/dashboard.ts';
import type { DisclosedDb } from '../storage/db.ts';
import { buildGraph, type GraphData } from './graph-data.ts';

/**
 * The sites ↔ companies graph of the connections active in a window: (site, company) pairs only, never the full
 * per-site totals; a company's colour is its main category (`mainCategory`: over all time, as everywhere).
 */
export async function loadGraph(db: DisclosedDb, window: TimeWindow, now = Date.now()): Promise<GraphData> {
  const from = windowStart(window, now);
  // The days' pairs: a few rows, however many per-site totals there are.
  const days = await (from ? db.days.where('day').aboveOrEqual(from) : db.days.toCollection()).toArray();
  const seen = new Set<string>();
  for (const d of days) for (const pair of linesOf(d.pairs)) seen.add(pair);
  const flows = [...seen].map(splitPair);
  const main = await mainCategories(db, [...new Set(flows.map((f) => f.company))]);
  return buildGraph(flows, (id) => ({ kind: kindOfCompany(id), category: main.get(id) ?? 'misc' }));
}
