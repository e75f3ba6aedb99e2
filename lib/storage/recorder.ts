import { localDay } from '../day.ts';
import type {
  CompanySummary,
  DayCompanyAggregate,
  DaySummary,
  SiteCompanyAggregate,
  SiteSummary,
} from './aggregates.ts';
import { type DisclosedDb, recordTables } from './db.ts';
import type { ObservedIdentifier, PageLoad, SharingEvent } from './events.ts';
import { countsOf, countsText, mergeSpan, pairLine } from './summaries.ts';

export interface RecorderOptions {
  /** Most events written in one transaction; a burst beyond it is split. */
  maxBatch?: number;
  /** Called when a write fails (a full disk, a closed database): the events stay queued for the next try. */
  onError?: (error: unknown) => void;
  /** How long to wait before retrying a failed write. */
  retryMs?: number;
  /** Most events kept in memory while writes keep failing; beyond it the oldest are dropped (and counted). */
  maxQueued?: number;
  /**
   * Told after each committed batch: how many events it held and when the first of them was observed
   * (performance.now()). For whoever measures the exposure window (the bench build, tests); the extension passes none.
   */
  onBatch?: (batch: { events: number; firstObservedAt: number; committedAt: number }) => void;
}

/**
 * Writes events in batches, one transaction per batch, by group commit: the first event is written at once, and
 * everything that arrives while a transaction is in flight goes into the next one.
 *
 * Why not a timer: an MV3 service worker can be stopped at any moment, and whatever is only in memory then is
 * lost. Group commit keeps that window to one transaction's duration (a few ms) while still batching under load —
 * a burst of 2,000 requests a second becomes a few dozen transactions, not 2,000.
 */
export class Recorder {
  private queue: SharingEvent[] = [];
  /** When each queued event was handed over (performance.now()), parallel to `queue`. */
  private queuedAt: number[] = [];
  private pages: PageLoad[] = [];
  private inFlight: Promise<void> | undefined;
  private readonly maxBatch: number;
  private readonly cache = createAggregateCache();
  private readonly onError: (error: unknown) => void;
  private readonly retryMs: number;
  private readonly maxQueued: number;
  private readonly onBatch: RecorderOptions['onBatch'];
  /** Held while an exclusive operation runs: no batch starts until it has finished. */
  private exclusiveRun: Promise<unknown> = Promise.resolve();
  private held = false;
  /** Events dropped because storage kept failing and the queue was full. */
  dropped = 0;
  /** The last write error while writes are failing ("QuotaExceededError: …"), null once a write succeeds. */
  lastError: string | null = null;

  constructor(
    private readonly db: DisclosedDb,
    options: RecorderOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? 1000;
    this.onError = options.onError ?? ((error) => console.error('Disclosed: could not save events', error));
    this.retryMs = options.retryMs ?? 1000;
    this.maxQueued = options.maxQueued ?? 100_000;
    this.onBatch = options.onBatch;
  }

  /** Queues an event; `observedAt` (performance.now() when its browser event arrived) measures the exposure. */
  add(event: SharingEvent, observedAt = performance.now()): void {
    this.queue.push(event);
    this.queuedAt.push(observedAt);
    this.kick();
  }

  addPage(page: PageLoad): void {
    this.pages.push(page);
    this.kick();
  }

  /**
   * Runs `op` — anything but the recorder that changes stored events or aggregates (forget a site, import, clear) —
   * alone: writes in flight are committed first, none starts while it runs (events observed meanwhile wait in the
   * queue), and the cached aggregates are dropped after it, whether it succeeded or not. Operations run one at a time.
   */
  exclusive<T>(op: () => Promise<T>): Promise<T> {
    const run = this.exclusiveRun.then(async () => {
      await this.flush();
      this.held = true;
      try {
        return await op();
      } finally {
        this.invalidate();
        this.held = false;
        if (this.queue.length || this.pages.length) this.kick();
      }
    });
    this.exclusiveRun = run.catch(() => undefined);
    return run;
  }

  /** Resolves when everything added so far is committed (or has failed and been reported). */
  async flush(): Promise<void> {
    while (this.inFlight || ((this.queue.length || this.pages.length) && !this.held)) {
      if (!this.inFlight) this.kick();
      await this.inFlight;
    }
  }

  /** Events waiting for their transaction: what a stop of the worker right now could lose. */
  get pending(): number {
    return this.queue.length;
  }

  /** Forgets cached aggregates: `exclusive` does it after its operation; a test that changes storage directly too. */
  invalidate(): void {
    this.cache.sites.clear();
    this.cache.days.clear();
    for (const map of Object.values(this.cache.summaries)) map.clear();
  }

  private kick(): void {
    if (this.inFlight || this.held) return;
    this.inFlight = this.writeBatch().finally(() => {
      this.inFlight = undefined;
      if (this.queue.length || this.pages.length) this.kick();
    });
  }

  private async writeBatch(): Promise<void> {
    // Let the events of the current task's microtasks join this batch.
    await Promise.resolve();
    const events = this.queue.splice(0, this.maxBatch);
    const queuedAt = this.queuedAt.splice(0, events.length);
    const pages = this.pages.splice(0);
    if (!events.length && !pages.length) return;
    try {
      await writeEvents(this.db, events, pages, this.cache);
      this.lastError = null;
      if (events.length)
        this.onBatch?.({
          events: events.length,
          firstObservedAt: queuedAt[0] as number,
          committedAt: performance.now(),
        });
    } catch (error) {
      // Keep them for the next attempt rather than dropping what was observed.
      this.queue.unshift(...events);
      this.queuedAt.unshift(...queuedAt);
      this.pages.unshift(...pages);
      const excess = this.queue.length - this.maxQueued;
      if (excess > 0) {
        this.queue.splice(0, excess);
        this.queuedAt.splice(0, excess);
        this.dropped += excess;
      }
      // First line only: Dexie appends the failed operations' details, which help a log, not the person reading it.
      const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      this.lastError = text.split('\n')[0] ?? text;
      this.onError(error);
      await new Promise((resolve) => setTimeout(resolve, this.retryMs));
    }
  }
}

/** A day's summary as the recorder counts into it: its requests per company as a map, stored as text. */
interface DayTally extends Omit<DaySummary, 'companyRequests'> {
  companyRequests: Map<string, number>;
}

const tallyOf = (row: DaySummary): DayTally => ({ ...row, companyRequests: countsOf(row.companyRequests) });
const rowOf = (tally: DayTally): DaySummary => ({ ...tally, companyRequests: countsText(tally.companyRequests) });

/** Aggregates already read or written by this worker, so most batches need no read round trip. */
export interface AggregateCache {
  sites: Map<string, SiteCompanyAggregate>;
  days: Map<string, DayCompanyAggregate>;
  summaries: {
    companies: Map<string, CompanySummary>;
    sites: Map<string, SiteSummary>;
    days: Map<string, DayTally>;
  };
  /** Entries kept per map; beyond it the map starts over (a worker's memory is not for a whole history). */
  limit: number;
}

export function createAggregateCache(limit = 5000): AggregateCache {
  return {
    sites: new Map(),
    days: new Map(),
    summaries: { companies: new Map(), sites: new Map(), days: new Map() },
    limit,
  };
}

/**
 * Adds events and their aggregate updates in one transaction, so totals always equal what is stored.
 *
 * The worker is the only writer of aggregates (pages send mutations to it), so those it has seen are cached and
 * only unseen keys are read: in steady state a batch is one write round trip. Whatever else changes aggregates
 * must go through the worker and clear the cache.
 */
export async function writeEvents(
  db: DisclosedDb,
  events: SharingEvent[],
  pages: PageLoad[] = [],
  cache: AggregateCache = createAggregateCache(),
): Promise<void> {
  const tables = recordTables(db);
  await db.transaction('rw', tables, async () => {
    const writes: Promise<unknown>[] = pages.length ? [db.pages.bulkPut(pages)] : [];
    if (!events.length) {
      await Promise.all(writes);
      return;
    }
    const siteKeys = uniqueKeys(events.map((e) => [e.site, e.company] as const)).filter(
      (k) => !cache.sites.has(k.join('\n')),
    );
    const dayKeys = uniqueKeys(events.map((e) => [localDay(e.time), e.company] as const)).filter(
      (k) => !cache.days.has(k.join('\n')),
    );
    const cached = cache.summaries;
    const companyKeys = [...new Set(events.map((e) => e.company))].filter((k) => !cached.companies.has(k));
    const siteSummaryKeys = [...new Set(events.map((e) => e.site))].filter((k) => !cached.sites.has(k));
    const daySummaryKeys = [...new Set(events.map((e) => localDay(e.time)))].filter((k) => !cached.days.has(k));
    // Work on copies: if the transaction fails, the cache must still hold what is stored.
    const sites = new Map<string, SiteCompanyAggregate>();
    const days = new Map<string, DayCompanyAggregate>();
    const summaries = {
      companies: new Map<string, CompanySummary>(),
      sites: new Map<string, SiteSummary>(),
      days: new Map<string, DayTally>(),
    };
    if (siteKeys.length || dayKeys.length || companyKeys.length || siteSummaryKeys.length || daySummaryKeys.length) {
      const [siteRows, dayRows, companyRows, siteSummaryRows, daySummaryRows] = await Promise.all([
        siteKeys.length ? db.siteCompanies.bulkGet(siteKeys) : [],
        dayKeys.length ? db.dayCompanies.bulkGet(dayKeys) : [],
        companyKeys.length ? db.companies.bulkGet(companyKeys) : [],
        siteSummaryKeys.length ? db.sites.bulkGet(siteSummaryKeys) : [],
        daySummaryKeys.length ? db.days.bulkGet(daySummaryKeys) : [],
      ]);
      companyKeys.forEach((k, i) => {
        const row = companyRows[i];
        if (row) summaries.companies.set(k, row);
      });
      siteSummaryKeys.forEach((k, i) => {
        const row = siteSummaryRows[i];
        if (row) summaries.sites.set(k, row);
      });
      daySummaryKeys.forEach((k, i) => {
        const row = daySummaryRows[i];
        if (row) summaries.days.set(k, tallyOf(row));
      });
      siteKeys.forEach((k, i) => {
        const row = siteRows[i];
        if (row) sites.set(k.join('\n'), row);
      });
      dayKeys.forEach((k, i) => {
        const row = dayRows[i];
        if (row) days.set(k.join('\n'), row);
      });
    }
    for (const e of events) {
      const siteKey = `${e.site}\n${e.company}`;
      const cachedSite = cache.sites.get(siteKey);
      const known =
        sites.get(siteKey) ??
        (cachedSite ? { ...cachedSite, hosts: [...cachedSite.hosts], kinds: { ...cachedSite.kinds } } : undefined);
      const s = known ?? {
        site: e.site,
        company: e.company,
        kind: e.kind,
        category: e.category,
        requests: 0,
        failed: 0,
        firstSeen: e.time,
        lastSeen: e.time,
        hosts: [],
        kinds: {},
      };
      s.requests++;
      for (const kind of e.kinds) {
        const span = s.kinds[kind];
        s.kinds[kind] = span
          ? { first: Math.min(span.first, e.time), last: Math.max(span.last, e.time) }
          : { first: e.time, last: e.time };
      }
      if (e.outcome === 'error') s.failed++;
      s.firstSeen = Math.min(s.firstSeen, e.time);
      s.lastSeen = Math.max(s.lastSeen, e.time);
      if (!s.hosts.includes(e.host)) s.hosts.push(e.host);
      sites.set(siteKey, s);

      const day = localDay(e.time);
      const dayKey = `${day}\n${e.company}`;
      const cachedDay = cache.days.get(dayKey);
      const knownDay = days.get(dayKey) ?? (cachedDay ? { ...cachedDay, sites: [...cachedDay.sites] } : undefined);
      const d = knownDay ?? {
        day,
        company: e.company,
        kind: e.kind,
        requests: 0,
        sites: [],
      };
      d.requests++;
      const newDaySite = !d.sites.includes(e.site);
      if (newDaySite) d.sites.push(e.site);
      days.set(dayKey, d);
      countInSummaries(e, day, { newFlow: !known, newDay: !knownDay, newDaySite }, summaries, cached);
    }
    // Identifier values go to their own table, not onto the events (which views and exports read freely).
    const ids = new Map<string, ObservedIdentifier>();
    const idKeys: [string, string, string][] = [];
    for (const e of events) {
      for (const { name, value } of e.identifiers ?? []) {
        const key = `${e.company}\n${name}\n${value}`;
        if (!ids.has(key)) {
          idKeys.push([e.company, name, value]);
          ids.set(key, {
            company: e.company,
            name,
            value,
            firstSeen: e.time,
            lastSeen: e.time,
            requests: 0,
            sites: [],
          });
        }
      }
    }
    if (idKeys.length) {
      const existing = await db.identifiers.bulkGet(idKeys);
      idKeys.forEach((k, i) => {
        const row = existing[i];
        if (row) ids.set(k.join('\n'), row);
      });
      for (const e of events) {
        for (const { name, value } of e.identifiers ?? []) {
          const row = ids.get(`${e.company}\n${name}\n${value}`) as ObservedIdentifier;
          row.requests++;
          row.firstSeen = Math.min(row.firstSeen, e.time);
          row.lastSeen = Math.max(row.lastSeen, e.time);
          if (!row.sites.includes(e.site) && row.sites.length < 20) row.sites.push(e.site);
        }
      }
    }
    const stored = events.map(({ identifiers: _, ...event }) => event);
    // Issued together: one round trip to the database, then the commit.
    await Promise.all([
      ...writes,
      ...(idKeys.length ? [db.identifiers.bulkPut([...ids.values()])] : []),
      db.events.bulkAdd(stored),
      db.siteCompanies.bulkPut([...sites.values()]),
      db.dayCompanies.bulkPut([...days.values()]),
      db.companies.bulkPut([...summaries.companies.values()]),
      db.sites.bulkPut([...summaries.sites.values()]),
      db.days.bulkPut([...summaries.days.values()].map(rowOf)),
    ]);
    if (cache.sites.size > cache.limit) cache.sites.clear();
    if (cache.days.size > cache.limit) cache.days.clear();
    for (const [k, v] of sites) cache.sites.set(k, v);
    for (const [k, v] of days) cache.days.set(k, v);
    for (const name of ['companies', 'sites', 'days'] as const) {
      const target = cached[name] as Map<string, unknown>;
      if (target.size > cache.limit) target.clear();
      for (const [k, v] of summaries[name]) target.set(k, v);
    }
  });
}

/**
 * Counts one event in the company, site and day summaries. `newFlow`: the first event of this (site, company) pair,
 * so the company reached one more site and the site one more company; `newDay`: the company's first that day;
 * `newDaySite`: the pair's first that day.
 */
function countInSummaries(
  e: SharingEvent,
  day: string,
  { newFlow, newDay, newDaySite }: { newFlow: boolean; newDay: boolean; newDaySite: boolean },
  summaries: AggregateCache['summaries'],
  cached: AggregateCache['summaries'],
): void {
  const cachedCompany = cached.companies.get(e.company);
  const c = summaries.companies.get(e.company) ??
    (cachedCompany
      ? { ...cachedCompany, categories: [...cachedCompany.categories], kinds: { ...cachedCompany.kinds } }
      : undefined) ?? {
      company: e.company,
      kind: e.kind,
      categories: [],
      sites: 0,
      requests: 0,
      failed: 0,
      firstSeen: e.time,
      lastSeen: e.time,
      kinds: {},
    };
  c.requests++;
  if (e.outcome === 'error') c.failed++;
  if (newFlow) c.sites++;
  if (!c.categories.includes(e.category)) c.categories.push(e.category);
  c.firstSeen = Math.min(c.firstSeen, e.time);
  c.lastSeen = Math.max(c.lastSeen, e.time);
  for (const kind of e.kinds) mergeSpan(c.kinds, kind, { first: e.time, last: e.time });
  summaries.companies.set(e.company, c);

  const cachedSite = cached.sites.get(e.site);
  const s = summaries.sites.get(e.site) ??
    (cachedSite ? { ...cachedSite, kinds: { ...cachedSite.kinds } } : undefined) ?? {
      site: e.site,
      companies: 0,
      requests: 0,
      firstSeen: e.time,
      lastSeen: e.time,
      kinds: {},
    };
  s.requests++;
  if (newFlow) s.companies++;
  s.firstSeen = Math.min(s.firstSeen, e.time);
  s.lastSeen = Math.max(s.lastSeen, e.time);
  for (const kind of e.kinds) mergeSpan(s.kinds, kind, { first: e.time, last: e.time });
  summaries.sites.set(e.site, s);

  const cachedDay = cached.days.get(day);
  const d = summaries.days.get(day) ??
    (cachedDay ? { ...cachedDay, companyRequests: new Map(cachedDay.companyRequests) } : undefined) ?? {
      day,
      companies: 0,
      requests: 0,
      pairs: '',
      companyRequests: new Map(),
    };
  d.requests++;
  d.companyRequests.set(e.company, (d.companyRequests.get(e.company) ?? 0) + 1);
  if (newDay) d.companies++;
  if (newDaySite) d.pairs += `${d.pairs ? '\n' : ''}${pairLine(e.site, e.company)}`;
  summaries.days.set(day, d);
}

function uniqueKeys(pairs: (readonly [string, string])[]): [string, string][] {
  const seen = new Map<string, [string, string]>();
  for (const [a, b] of pairs) seen.set(`${a}\n${b}`, [a, b]);
  return [...seen.values()];
}
