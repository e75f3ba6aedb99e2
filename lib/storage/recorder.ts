import { type DisclosedDb, localDay, type PageLoad, type SharingEvent } from './db.ts';

export interface RecorderOptions {
  /** Most events written in one transaction; a burst beyond it is split. */
  maxBatch?: number;
  /** Called when a write fails (a full disk, a closed database): the events stay queued for the next try. */
  onError?: (error: unknown) => void;
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
  private pages: PageLoad[] = [];
  private inFlight: Promise<void> | undefined;
  private readonly maxBatch: number;
  private readonly onError: (error: unknown) => void;

  constructor(
    private readonly db: DisclosedDb,
    options: RecorderOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? 1000;
    this.onError = options.onError ?? ((error) => console.error('Disclosed: could not save events', error));
  }

  add(event: SharingEvent): void {
    this.queue.push(event);
    this.kick();
  }

  addPage(page: PageLoad): void {
    this.pages.push(page);
    this.kick();
  }

  /** Resolves when everything added so far is committed (or has failed and been reported). */
  async flush(): Promise<void> {
    while (this.inFlight || this.queue.length || this.pages.length) {
      if (!this.inFlight) this.kick();
      await this.inFlight;
    }
  }

  /** Events waiting for their transaction: what a stop of the worker right now could lose. */
  get pending(): number {
    return this.queue.length;
  }

  private kick(): void {
    if (this.inFlight) return;
    this.inFlight = this.writeBatch().finally(() => {
      this.inFlight = undefined;
      if (this.queue.length || this.pages.length) this.kick();
    });
  }

  private async writeBatch(): Promise<void> {
    // Let the events of the current task's microtasks join this batch.
    await Promise.resolve();
    const events = this.queue.splice(0, this.maxBatch);
    const pages = this.pages.splice(0);
    if (!events.length && !pages.length) return;
    try {
      await writeEvents(this.db, events, pages);
    } catch (error) {
      // Keep them for the next attempt rather than dropping what was observed.
      this.queue.unshift(...events);
      this.pages.unshift(...pages);
      this.onError(error);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

/** Adds events and their aggregate updates in one transaction, so totals always equal what is stored. */
export async function writeEvents(db: DisclosedDb, events: SharingEvent[], pages: PageLoad[] = []): Promise<void> {
  await db.transaction('rw', [db.events, db.pages, db.siteCompanies, db.dayCompanies], async () => {
    if (pages.length) await db.pages.bulkPut(pages);
    if (!events.length) return;
    const siteKeys = uniqueKeys(events.map((e) => [e.site, e.company] as const));
    const dayKeys = uniqueKeys(events.map((e) => [localDay(e.time), e.company] as const));
    const [siteRows, dayRows] = await Promise.all([
      db.siteCompanies.bulkGet(siteKeys),
      db.dayCompanies.bulkGet(dayKeys),
    ]);
    const sites = new Map(siteKeys.map((k, i) => [k.join('\n'), siteRows[i]]));
    const days = new Map(dayKeys.map((k, i) => [k.join('\n'), dayRows[i]]));
    for (const e of events) {
      const siteKey = `${e.site}\n${e.company}`;
      const s = sites.get(siteKey) ?? {
        site: e.site,
        company: e.company,
        kind: e.kind,
        category: e.category,
        requests: 0,
        failed: 0,
        firstSeen: e.time,
        lastSeen: e.time,
        hosts: [],
      };
      s.requests++;
      if (e.outcome === 'error') s.failed++;
      s.firstSeen = Math.min(s.firstSeen, e.time);
      s.lastSeen = Math.max(s.lastSeen, e.time);
      if (!s.hosts.includes(e.host)) s.hosts.push(e.host);
      sites.set(siteKey, s);

      const day = localDay(e.time);
      const dayKey = `${day}\n${e.company}`;
      const d = days.get(dayKey) ?? { day, company: e.company, kind: e.kind, requests: 0, sites: [] };
      d.requests++;
      if (!d.sites.includes(e.site)) d.sites.push(e.site);
      days.set(dayKey, d);
    }
    await Promise.all([
      db.events.bulkAdd(events),
      db.siteCompanies.bulkPut([...sites.values()].filter((s) => s !== undefined)),
      db.dayCompanies.bulkPut([...days.values()].filter((d) => d !== undefined)),
    ]);
  });
}

function uniqueKeys(pairs: (readonly [string, string])[]): [string, string][] {
  const seen = new Map<string, [string, string]>();
  for (const [a, b] of pairs) seen.set(`${a}\n${b}`, [a, b]);
  return [...seen.values()];
}
