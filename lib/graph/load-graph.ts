import { readParts, splitPair } from '../storage/aggregates.ts';
import { dayPartsFrom, kindOfCompany, mainCategories, type TimeWindow, windowStart } from '../storage/dashboard.ts';
import type { DisclosedDb } from '../storage/db.ts';
import { buildGraph, type GraphData } from './graph-data.ts';

/**
 * The sites ↔ companies graph of the connections active in a window: (site, company) pairs only, never the full
 * per-site totals; a company's colour is its main category (`mainCategory`: over all time, as everywhere).
 */
export async function loadGraph(db: DisclosedDb, window: TimeWindow, now = Date.now()): Promise<GraphData> {
  const from = windowStart(window, now);
  // The days' pairs: a few rows a day, however many per-site totals there are.
  const { pairs, requests } = readParts(await dayPartsFrom(db, from));
  const flows = [...pairs].map(splitPair);
  const main = await mainCategories(db, [...new Set(flows.map((f) => f.company))]);
  return buildGraph(flows, (id) => ({
    kind: kindOfCompany(id),
    category: main.get(id) ?? 'misc',
    requests: requests.get(id) ?? 0,
  }));
}
