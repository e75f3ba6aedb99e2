import type { Collection, Table } from 'dexie';
import { localDay } from '../day.ts';
import type { AttemptAggregate, SiteCompanyAggregate } from './aggregates.ts';
import type { DisclosedDb } from './db.ts';
import { rebuildSummaries } from './summaries.ts';

export interface RetentionLimits {
  /** Raw events older than this are deleted. */
  maxAgeDays: number;
  /** At most this many raw events are kept; the oldest go first. */
  maxEvents: number;
}

/** The limits of the long-term history: the totals and summaries, and the identifier values. */
export interface HistoryLimits {
  /** Totals last seen longer ago than this, and days older than this, are deleted. */
  maxAgeDays: number;
  /** At most this many (site, company) totals, as many attempt totals and as many (day, company) totals. */
  maxTotals: number;
  /** At most this many identifier values; the least recently seen go first. */
  maxIdentifiers: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes raw events, page loads and identifier values beyond the user's limits. Aggregates are kept (`pruneHistory`
 * has limits of its own for them). Identifier values an open letter cites are kept. Returns how many events were
 * deleted.
 */
export async function pruneEvents(db: DisclosedDb, limits: RetentionLimits, now = Date.now()): Promise<number> {
  const cutoff = now - limits.maxAgeDays * DAY_MS;
  let deleted = 0;
  for (let keys = await expired(db, cutoff); keys.length; keys = await expired(db, cutoff)) {
    await db.events.bulkDelete(keys);
    deleted += keys.length;
  }
  await db.pages.where('startedAt').below(cutoff).delete();
  const pagesOver = (await db.pages.count()) - limits.maxEvents;
  if (pagesOver > 0) await db.pages.bulkDelete(await db.pages.orderBy('startedAt').limit(pagesOver).primaryKeys());
  // Identifier values are personal data: they expire with the requests that carried them.
  const cited = await citedIdentifiers(db);
  await db.identifiers
    .where('lastSeen')
    .below(cutoff)
    .filter((i) => !cited.has(identifierKey(i)))
    .delete();
  for (let excess = (await db.events.count()) - limits.maxEvents; excess > 0; excess -= CHUNK) {
    const oldest = await db.events.orderBy('time').limit(Math.min(excess, CHUNK)).primaryKeys();
    await db.events.bulkDelete(oldest);
    deleted += oldest.length;
  }
  return deleted;
}

export interface HistoryReport {
  totals: number;
  attempts: number;
  days: number;
  identifiers: number;
}

/**
 * Deletes what the long-term history holds beyond the user's limits: (site, company) totals and attempts by last
 * seen, then the oldest beyond the count; whole days (their totals, parts and unlisted counts) by age, then the
 * oldest while a day table is over the count; identifier values beyond their count, least recently seen first —
 * except those an open letter cites (its evidence is kept with it anyway, see `LetterRecord.evidence`). The
 * company and site summaries of what went are rebuilt.
 *
 * The recorder caches totals: call this through `recorder.exclusive`.
 */
export async function pruneHistory(db: DisclosedDb, limits: HistoryLimits, now = Date.now()): Promise<HistoryReport> {
  const cutoff = now - limits.maxAgeDays * DAY_MS;
  const report: HistoryReport = { totals: 0, attempts: 0, days: 0, identifiers: 0 };
  report.totals = await pruneTotals(db, db.siteCompanies, cutoff, limits.maxTotals);
  report.attempts = await pruneTotals(db, db.attempts, cutoff, limits.maxTotals);

  const cutoffDay = localDay(cutoff);
  for (const day of await db.days.where('day').below(cutoffDay).primaryKeys()) report.days += await deleteDay(db, day);
  // (Day totals without a day summary, which an older version may have left, go by their own index.)
  for (const day of new Set(await db.dayCompanies.where('day').below(cutoffDay).keys()))
    report.days += await deleteDay(db, String(day));
  for (;;) {
    const [dayTotals, siteDays] = await Promise.all([db.dayCompanies.count(), db.siteDays.count()]);
    if (dayTotals <= limits.maxTotals && siteDays <= limits.maxTotals) break;
    const oldest =
      (await db.dayCompanies.orderBy('day').first())?.day ?? (await db.siteDays.orderBy('day').first())?.day;
    if (oldest === undefined) break;
    report.days += await deleteDay(db, oldest);
  }

  const excess = (await db.identifiers.count()) - limits.maxIdentifiers;
  if (excess > 0) {
    const cited = await citedIdentifiers(db);
    const oldest = await db.identifiers
      .orderBy('lastSeen')
      .filter((i) => !cited.has(identifierKey(i)))
      .limit(excess)
      .primaryKeys();
    await db.identifiers.bulkDelete(oldest);
    report.identifiers = oldest.length;
  }
  return report;
}

/** Deletes the totals last seen before `cutoff`, then the oldest beyond `max`, and rebuilds their summaries. */
async function pruneTotals<T extends SiteCompanyAggregate | AttemptAggregate>(
  db: DisclosedDb,
  table: Table<T, [string, string]>,
  cutoff: number,
  max: number,
): Promise<number> {
  let deleted = await deleteTotals(db, table, table.where('lastSeen').below(cutoff));
  const excess = (await table.count()) - max;
  if (excess > 0) deleted += await deleteTotals(db, table, table.orderBy('lastSeen').limit(excess));
  return deleted;
}

/** Rebuilding a company's or site's summary reads its totals: past this many, every summary is rebuilt at once. */
const REBUILD_ONE_BY_ONE = 500;

async function deleteTotals<T extends SiteCompanyAggregate | AttemptAggregate>(
  db: DisclosedDb,
  table: Table<T, [string, string]>,
  rows: Collection<T, [string, string]>,
): Promise<number> {
  return db.transaction('rw', [table, db.siteCompanies, db.companies, db.sites], async () => {
    const keys = await rows.primaryKeys();
    if (!keys.length) return 0;
    await table.bulkDelete(keys);
    // Attempts are in no summary.
    if (table !== db.siteCompanies) return keys.length;
    const companies = new Set(keys.map(([, company]) => company));
    const sites = new Set(keys.map(([site]) => site));
    if (companies.size + sites.size > REBUILD_ONE_BY_ONE) await rebuildSummaries(db, 'sites-and-companies');
    else await rebuildSummaries(db, { companies, sites, days: [] });
    return keys.length;
  });
}

/** Deletes one day: its totals, its summary and parts, its sites' unlisted counts. Returns 1. */
async function deleteDay(db: DisclosedDb, day: string): Promise<number> {
  await db.transaction('rw', [db.dayCompanies, db.days, db.dayParts, db.siteDays], async () => {
    await db.dayCompanies.where('day').equals(day).delete();
    await db.days.delete(day);
    await db.dayParts.where('[day+part]').between([day, -Infinity], [day, Infinity]).delete();
    await db.siteDays.where('day').equals(day).delete();
  });
  return 1;
}

const identifierKey = (i: { company: string; name: string; value: string }) => `${i.company}\n${i.name}\n${i.value}`;

/** The identifier values that open letters cite (from the request identifiers their evidence kept). */
async function citedIdentifiers(db: DisclosedDb): Promise<Set<string>> {
  const cited = new Set<string>();
  // Open as `isOpen` (letters/records.ts) has it: sent, and not answered for good.
  const closed = new Set(['draft', 'fulfilled', 'refused', 'escalated', 'closed']);
  await db.letters.each((l) => {
    if (closed.has(l.status)) return;
    for (const i of l.evidence?.identifiers ?? []) {
      if (i.source === 'request') cited.add(identifierKey({ company: l.company, name: i.name, value: i.value }));
    }
  });
  return cited;
}

/**
 * Events are deleted a chunk per transaction: lowering the retention can expire hundreds of thousands at once, and
 * one transaction that size would hold the database for minutes, with the recorder and the dashboard waiting.
 */
const CHUNK = 10_000;

function expired(db: DisclosedDb, cutoff: number): Promise<number[]> {
  return db.events.where('time').below(cutoff).limit(CHUNK).primaryKeys() as Promise<number[]>;
}
