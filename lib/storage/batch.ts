import { wasReceived } from '../classify/delivery.ts';
import { localDay } from '../day.ts';
import { citableName } from '../disclose/rules.ts';
import {
  countEvent,
  countIdentifier,
  type DayPart,
  dayRowOf,
  emptyTotals,
  pairKey,
  type Totals,
  takeParts,
  tallyOf,
} from './aggregates.ts';
import { type DisclosedDb, recordTables } from './db.ts';
import type { ObservedIdentifier, PageLoad, SharingEvent } from './events.ts';

/** Totals already read or written by this worker, so most batches need no read round trip. */
export interface AggregateCache {
  totals: Totals;
  /** Entries kept per map; beyond it the map starts over (a worker's memory is not for a whole history). */
  limit: number;
}

export function createAggregateCache(limit = 5000): AggregateCache {
  return { totals: emptyTotals(), limit };
}

/** Forgets every cached total: after anything but `writeEvents` changed them, or after a failed write. */
export function clearCache(cache: AggregateCache): void {
  for (const map of Object.values(cache.totals) as Map<string, unknown>[]) map.clear();
}

/**
 * Adds events and their aggregate updates in one transaction, so totals always equal what is stored.
 *
 * The worker is the only writer of aggregates (pages send mutations to it), so those it has seen are cached and
 * only unseen keys are read: in steady state a batch is one write round trip. The cached rows are counted into in
 * place; if the transaction fails the cache is cleared, so it never holds what was not stored.
 */
export async function writeEvents(
  db: DisclosedDb,
  events: SharingEvent[],
  pages: PageLoad[] = [],
  cache: AggregateCache = createAggregateCache(),
): Promise<void> {
  try {
    await db.transaction('rw', recordTables(db), async () => {
      const writes: Promise<unknown>[] = pages.length ? [db.pages.bulkPut(pages)] : [];
      if (events.length) writes.push(...(await countBatch(db, events, cache.totals)));
      await Promise.all(writes);
    });
  } catch (error) {
    clearCache(cache);
    throw error;
  }
  for (const map of Object.values(cache.totals) as Map<string, unknown>[]) if (map.size > cache.limit) map.clear();
}

/** Reads the totals the events need that `t` lacks, counts the events into `t`, and issues the writes. */
async function countBatch(db: DisclosedDb, events: SharingEvent[], t: Totals): Promise<Promise<unknown>[]> {
  const flowKeys = new Map<string, [string, string]>();
  const dayFlowKeys = new Map<string, [string, string]>();
  const companies = new Set<string>();
  const sites = new Set<string>();
  const days = new Set<string>();
  const attemptKeys = new Map<string, [string, string]>();
  const siteDayKeys = new Map<string, [string, string]>();
  for (const e of events) {
    const day = localDay(e.time);
    // Whether an unlisted party is new to the site takes both its totals there, and the site's day.
    if (e.kind === 'unlisted') {
      flowKeys.set(pairKey(e.site, e.company), [e.site, e.company]);
      attemptKeys.set(pairKey(e.site, e.company), [e.site, e.company]);
      siteDayKeys.set(pairKey(e.site, day), [e.site, day]);
    }
    if (!wasReceived(e)) {
      attemptKeys.set(pairKey(e.site, e.company), [e.site, e.company]);
      continue;
    }
    flowKeys.set(pairKey(e.site, e.company), [e.site, e.company]);
    dayFlowKeys.set(pairKey(day, e.company), [day, e.company]);
    companies.add(e.company);
    sites.add(e.site);
    days.add(day);
  }
  const missing = <K>(keys: Map<string, K>, cached: Map<string, unknown>) => [...keys].filter(([k]) => !cached.has(k));
  const absent = (keys: Set<string>, cached: Map<string, unknown>) => [...keys].filter((k) => !cached.has(k));
  const needFlows = missing(flowKeys, t.flows);
  const needDayFlows = missing(dayFlowKeys, t.dayFlows);
  const needCompanies = absent(companies, t.companies);
  const needSites = absent(sites, t.sites);
  const needDays = absent(days, t.days);
  const needAttempts = missing(attemptKeys, t.attempts);
  const needSiteDays = missing(siteDayKeys, t.siteDays);
  const needs = [needFlows, needDayFlows, needCompanies, needSites, needDays, needAttempts, needSiteDays];
  if (needs.some((keys) => keys.length)) {
    const [flowRows, dayFlowRows, companyRows, siteRows, dayRows, attemptRows, siteDayRows, lastParts] =
      await Promise.all([
        needFlows.length ? db.siteCompanies.bulkGet(needFlows.map(([, k]) => k)) : [],
        needDayFlows.length ? db.dayCompanies.bulkGet(needDayFlows.map(([, k]) => k)) : [],
        needCompanies.length ? db.companies.bulkGet(needCompanies) : [],
        needSites.length ? db.sites.bulkGet(needSites) : [],
        needDays.length ? db.days.bulkGet(needDays) : [],
        needAttempts.length ? db.attempts.bulkGet(needAttempts.map(([, k]) => k)) : [],
        needSiteDays.length ? db.siteDays.bulkGet(needSiteDays.map(([, k]) => k)) : [],
        // Each day's last part, which the day's next pairs are appended to.
        Promise.all(needDays.map((day) => lastPart(db, day))),
      ]);
    fill(
      t.siteDays,
      needSiteDays.map(([k]) => k),
      siteDayRows,
    );
    fill(
      t.attempts,
      needAttempts.map(([k]) => k),
      attemptRows,
    );
    fill(
      t.flows,
      needFlows.map(([k]) => k),
      flowRows,
    );
    fill(
      t.dayFlows,
      needDayFlows.map(([k]) => k),
      dayFlowRows,
    );
    fill(t.companies, needCompanies, companyRows);
    fill(t.sites, needSites, siteRows);
    fill(
      t.days,
      needDays,
      dayRows.map((row, i) => row && tallyOf(row, lastParts[i])),
    );
  }
  // Events an unlisted flood would add beyond its bound are counted on their site's day, and not stored.
  const kept = events.filter((e) => countEvent(t, e));

  // Only rows that exist: a key read for an unlisted party may have no total (or only the other kind).
  const rows = <T>(map: Map<string, T>, keys: Iterable<string>) =>
    [...keys].map((k) => map.get(k)).filter((row): row is T => row !== undefined);
  const dayTallies = rows(t.days, days);
  const writes: Promise<unknown>[] = [
    // Identifier values go to their own table, not onto the events (which views and exports read freely).
    db.events.bulkAdd(kept.map(({ identifiers: _, ...event }) => event)),
    db.siteCompanies.bulkPut(rows(t.flows, flowKeys.keys())),
    db.dayCompanies.bulkPut(rows(t.dayFlows, dayFlowKeys.keys())),
    db.companies.bulkPut(rows(t.companies, companies)),
    db.sites.bulkPut(rows(t.sites, sites)),
    db.days.bulkPut(dayTallies.map(dayRowOf)),
    db.dayParts.bulkPut(dayTallies.flatMap(takeParts)),
  ];
  if (attemptKeys.size) writes.push(db.attempts.bulkPut(rows(t.attempts, attemptKeys.keys())));
  if (siteDayKeys.size) writes.push(db.siteDays.bulkPut(rows(t.siteDays, siteDayKeys.keys())));
  const identifiers = await countIdentifiers(db, kept);
  if (identifiers.length) writes.push(db.identifiers.bulkPut(identifiers));
  return writes;
}

/** A day's last part, if it has any. */
function lastPart(db: DisclosedDb, day: string): Promise<DayPart | undefined> {
  return db.dayParts.where('[day+part]').between([day, -Infinity], [day, Infinity]).last();
}

/** The identifier rows the events add to (read, since they are not cached: few requests carry one). */
async function countIdentifiers(db: DisclosedDb, events: SharingEvent[]): Promise<ObservedIdentifier[]> {
  const keys = new Map<string, [string, string, string]>();
  // An identifier is evidence only where it reached the company: those of blocked requests are not kept. Nor is a
  // value under a credential's, a session's or a key's name, whoever handed it over (`citableName`).
  events = events.filter(wasReceived);
  const kept = (e: SharingEvent) => (e.identifiers ?? []).filter((i) => citableName(i.name));
  for (const e of events) {
    for (const { name, value } of kept(e)) keys.set(`${e.company}\n${name}\n${value}`, [e.company, name, value]);
  }
  if (!keys.size) return [];
  const stored = await db.identifiers.bulkGet([...keys.values()]);
  const rows = new Map<string, ObservedIdentifier>();
  fill(rows, [...keys.keys()], stored);
  for (const e of events) {
    for (const { name, value } of kept(e)) {
      const key = `${e.company}\n${name}\n${value}`;
      rows.set(key, countIdentifier(rows.get(key), e, name, value));
    }
  }
  return [...rows.values()];
}

/** Puts the rows that were found under their keys (`rows` in the order of `keys`, undefined where none is stored). */
function fill<T>(map: Map<string, T>, keys: string[], rows: (T | undefined)[]): void {
  keys.forEach((key, i) => {
    const row = rows[i];
    if (row) map.set(key, row);
  });
}
