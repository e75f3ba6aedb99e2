import { type AggregateCache, clearCache, createAggregateCache, writeEvents } from './batch.ts';
import type { DisclosedDb } from './db.ts';
import type { PageLoad, SharingEvent } from './events.ts';

/** What the recorder gave up on: requests and page loads it could not store, and whether the disk was full. */
export interface Dropped {
  events: number;
  pages: number;
  /** The write error that caused it was the browser's storage quota (a full disk), not something else. */
  diskFull: boolean;
}

export interface RecorderOptions {
  /** Most events written in one transaction; a burst beyond it is split. */
  maxBatch?: number;
  /** Called when a write fails (a full disk, a closed database): the events stay queued for the next try. */
  onError?: (error: unknown) => void;
  /** How long to wait before retrying a failed write. */
  retryMs?: number;
  /** Most events kept in memory (while writes fail, or while an exclusive operation runs); the oldest beyond go. */
  maxQueued?: number;
  /** Most page loads kept in memory, likewise. */
  maxQueuedPages?: number;
  /** Told whenever events or page loads are given up (a bound was exceeded, or one event can never be stored). */
  onDropped?: (dropped: Dropped) => void;
  /**
   * Told after each committed batch: its events and when it committed (ms since the epoch, as the events' `time`).
   * For whoever measures how long events wait in memory (the bench build, tests); the extension passes none.
   */
  onBatch?: (batch: { events: readonly SharingEvent[]; committedAt: number }) => void;
}

/** How one write attempt ended: stored, failed but retried at once with fewer events, or failed (retry later). */
type Attempt = 'stored' | 'split' | 'failed';

interface Queued {
  event: SharingEvent;
  /** Order of arrival, so `flush` can wait for what was queued before it and nothing after. */
  seq: number;
}

interface QueuedPage {
  page: PageLoad;
  seq: number;
}

/** Whether a write failed because storage is full: the browser's quota error, however Dexie wrapped it. */
export function isQuotaError(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const { name, inner, failures } = e as { name?: unknown; inner?: unknown; failures?: unknown };
    if (name === 'QuotaExceededError') return true;
    if (Array.isArray(failures) && failures.some(isQuotaError)) return true;
    e = inner ?? (e as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * Writes events in batches, one transaction per batch, by group commit: the first event is written at once, and
 * everything that arrives while a transaction is in flight goes into the next one.
 *
 * Why not a timer: an MV3 service worker can be stopped at any moment, and whatever is only in memory then is
 * lost. Group commit keeps that window to one transaction's duration (a few ms) while still batching under load —
 * a burst of 2,000 requests a second becomes a few dozen transactions, not 2,000.
 *
 * When a write fails, the batch is halved and retried at once, down to a single event. If that one fails but the
 * next event alone is stored, the failure was the event's own (it can never be stored): it is given up and counted,
 * so it does not hold every later event back. If the next fails too, storage itself fails (a full disk): everything
 * stays queued, within bounds, and is retried after `retryMs`.
 */
export class Recorder {
  private queue: Queued[] = [];
  private pages: QueuedPage[] = [];
  private seq = 0;
  private inFlight: Promise<Attempt> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Most events the next attempt takes: `maxBatch`, halved while a failing batch is being narrowed down. */
  private limit: number;
  /** A single event whose write failed, held aside while the next event alone shows whose fault it was. */
  private suspect: { item: Queued; error: unknown } | undefined;
  private readonly maxBatch: number;
  private readonly cache: AggregateCache = createAggregateCache();
  private readonly onError: (error: unknown) => void;
  private readonly retryMs: number;
  private readonly maxQueued: number;
  private readonly maxQueuedPages: number;
  private readonly onDropped: RecorderOptions['onDropped'];
  private readonly onBatch: RecorderOptions['onBatch'];
  /** Held while an exclusive operation runs: no batch starts until it has finished. */
  private exclusiveRun: Promise<unknown> = Promise.resolve();
  private held = false;
  /** Events given up since the recorder started (the background keeps a count that survives restarts). */
  dropped = 0;
  /** The last write error while writes are failing ("QuotaExceededError: …"), null once a write succeeds. */
  lastError: string | null = null;
  private lastErrorWasQuota = false;

  constructor(
    private readonly db: DisclosedDb,
    options: RecorderOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? 1000;
    this.limit = this.maxBatch;
    this.onError = options.onError ?? ((error) => console.error('Disclosed: could not save events', error));
    this.retryMs = options.retryMs ?? 1000;
    this.maxQueued = options.maxQueued ?? 100_000;
    this.maxQueuedPages = options.maxQueuedPages ?? 10_000;
    this.onDropped = options.onDropped;
    this.onBatch = options.onBatch;
  }

  add(event: SharingEvent): void {
    this.queue.push({ event, seq: ++this.seq });
    const excess = this.queue.length - this.maxQueued;
    if (excess > 0) this.drop(this.queue.splice(0, excess).length, 0, this.lastErrorWasQuota);
    this.kick();
  }

  addPage(page: PageLoad): void {
    this.pages.push({ page, seq: ++this.seq });
    const excess = this.pages.length - this.maxQueuedPages;
    if (excess > 0) this.drop(0, this.pages.splice(0, excess).length, this.lastErrorWasQuota);
    this.kick();
  }

  /**
   * Runs `op` — anything but the recorder that changes stored events or aggregates (forget a site, import, clear) —
   * alone: writes queued before it are attempted first (once: a failing disk does not hold the operation up), none
   * starts while it runs (events observed meanwhile wait in the queue), and the cached aggregates are dropped after
   * it, whether it succeeded or not. Operations run one at a time.
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
        this.kick();
      }
    });
    this.exclusiveRun = run.catch(() => undefined);
    return run;
  }

  /**
   * Forgets queued events and page loads that `drop` picks (deleting everything, or a site, must not have what was
   * observed before it written after it). Not counted as dropped: the user deleted them.
   */
  discardQueued(drop: { event: (e: SharingEvent) => boolean; page: (p: PageLoad) => boolean }): void {
    this.queue = this.queue.filter((q) => !drop.event(q.event));
    this.pages = this.pages.filter((q) => !drop.page(q.page));
    if (this.suspect && drop.event(this.suspect.item.event)) this.suspect = undefined;
  }

  /**
   * Resolves when everything added before the call is committed, or as soon as a write attempt fails (the events
   * then stay queued for the retry, and `lastError` says why). Never waits for events added after it.
   */
  async flush(): Promise<void> {
    const target = this.seq;
    for (;;) {
      if (this.inFlight) {
        if ((await this.inFlight) === 'failed') return;
        continue;
      }
      if (this.held || !this.waiting(target)) return;
      // A retry that is waiting for its timer is made now: the caller wants to know.
      clearTimeout(this.retryTimer);
      this.retryTimer = undefined;
      this.kick();
    }
  }

  /** Events waiting for their transaction: what a stop of the worker right now could lose. */
  get pending(): number {
    return this.queue.length + (this.suspect ? 1 : 0);
  }

  /** Forgets cached aggregates: `exclusive` does it after its operation; a test that changes storage directly too. */
  invalidate(): void {
    clearCache(this.cache);
  }

  /** Whether anything queued at or before `seq` is still not stored. */
  private waiting(seq: number): boolean {
    const first = (list: { seq: number }[]) => (list[0]?.seq ?? Infinity) <= seq;
    return first(this.queue) || first(this.pages) || (this.suspect !== undefined && this.suspect.item.seq <= seq);
  }

  private kick(): void {
    if (this.inFlight || this.held || this.retryTimer) return;
    if (!this.queue.length && !this.pages.length && !this.suspect) return;
    this.inFlight = this.attempt();
    this.inFlight.then((result) => {
      this.inFlight = undefined;
      if (result === 'failed') {
        this.retryTimer = setTimeout(() => {
          this.retryTimer = undefined;
          this.kick();
        }, this.retryMs);
      } else this.kick();
    });
  }

  private async attempt(): Promise<Attempt> {
    // Let the events of the current task's microtasks join this batch.
    await Promise.resolve();
    // With a suspect held aside, the next event goes alone: it tells whether storage works at all.
    const items = this.queue.splice(0, this.suspect ? 1 : this.limit);
    const pages = this.pages.splice(0, this.maxBatch);
    if (!items.length && !pages.length) {
      // Nothing left to compare the suspect with: keep it, and try it again later.
      return this.suspect ? this.report(this.suspect.error, this.giveBackSuspect()) : 'stored';
    }
    const events = items.map((q) => q.event);
    try {
      await writeEvents(
        this.db,
        events,
        pages.map((q) => q.page),
        this.cache,
      );
    } catch (error) {
      this.queue.unshift(...items);
      this.pages.unshift(...pages);
      return this.failed(error, items);
    }
    this.lastError = null;
    this.lastErrorWasQuota = false;
    this.limit = this.maxBatch;
    if (this.suspect) {
      // Storage works, and the suspect alone could not be stored: it never will be.
      const { error } = this.suspect;
      this.suspect = undefined;
      this.drop(1, 0, isQuotaError(error));
    }
    if (events.length) this.onBatch?.({ events, committedAt: Date.now() });
    return 'stored';
  }

  private failed(error: unknown, items: Queued[]): Attempt {
    if (this.suspect) {
      // Two single events in a row failed: it is storage, not an event. Both wait for the retry, in order.
      return this.report(error, this.giveBackSuspect());
    }
    if (items.length > 1) {
      this.limit = Math.ceil(items.length / 2);
      return 'split';
    }
    const [one] = items;
    if (one && this.queue.length > 1) {
      this.queue.shift();
      this.suspect = { item: one, error };
      return 'split';
    }
    this.limit = this.maxBatch;
    return this.report(error, 'failed');
  }

  private giveBackSuspect(): 'failed' {
    if (this.suspect) this.queue.unshift(this.suspect.item);
    this.suspect = undefined;
    this.limit = this.maxBatch;
    return 'failed';
  }

  private report(error: unknown, result: 'failed'): 'failed' {
    // First line only: Dexie appends the failed operations' details, which help a log, not the person reading it.
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    this.lastError = text.split('\n')[0] ?? text;
    this.lastErrorWasQuota = isQuotaError(error);
    this.onError(error);
    return result;
  }

  private drop(events: number, pages: number, diskFull: boolean): void {
    this.dropped += events;
    this.onDropped?.({ events, pages, diskFull });
  }
}
