import { type AggregateCache, clearCache, createAggregateCache, writeEvents } from './batch.ts';
import type { DisclosedDb } from './db.ts';
import type { PageLoad, SharingEvent } from './events.ts';

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
   * Told after each committed batch: its events and when it committed (ms since the epoch, as the events' `time`).
   * For whoever measures how long events wait in memory (the bench build, tests); the extension passes none.
   */
  onBatch?: (batch: { events: readonly SharingEvent[]; committedAt: number }) => void;
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
  private readonly cache: AggregateCache = createAggregateCache();
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

  add(event: SharingEvent): void {
    this.queue.push(event);
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
    clearCache(this.cache);
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
    const pages = this.pages.splice(0);
    if (!events.length && !pages.length) return;
    try {
      await writeEvents(this.db, events, pages, this.cache);
      this.lastError = null;
      if (events.length) this.onBatch?.({ events, committedAt: Date.now() });
    } catch (error) {
      // Keep them for the next attempt rather than dropping what was observed.
      this.queue.unshift(...events);
      this.pages.unshift(...pages);
      const excess = this.queue.length - this.maxQueued;
      if (excess > 0) {
        this.queue.splice(0, excess);
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
