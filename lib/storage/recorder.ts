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
  private windows: number[] = [];
  private pages: PageLoad[] = [];
  private inFlight: Promise<void> | undefined;
  private readonly maxBatch: number;
  private readonly cache: AggregateCache = createAggregateCache();
  private readonly onError: (error: unknown) => void;
  private readonly retryMs: number;
  private readonly maxQueued: number;
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

  /** Forgets cached aggregates: call after anything but the recorder changed them (forget a site, import, clear). */
  invalidate(): void {
    clearCache(this.cache);
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

  /**
   * The exposure window: the longest time, over the last 200 batches, from an event's browser event arriving to
   * its transaction committing. Only events observed within this long before the worker is killed can be lost.
   */
  get exposureMs(): number {
    return this.windows.length ? Math.max(...this.windows) : 0;
  }

  /** The median of the same: the typical time an event spends only in memory. */
  get medianExposureMs(): number {
    const sorted = [...this.windows].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] ?? 0;
  }

  /** Sizes of the last batches written, newest last (for the status report). */
  readonly batchSizes: number[] = [];

  /** The exposure of each of the last batches, oldest first, in ms. */
  get recentExposures(): number[] {
    return [...this.windows];
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
    const queuedAt = this.queuedAt.splice(0, events.length);
    const pages = this.pages.splice(0);
    if (!events.length && !pages.length) return;
    try {
      await writeEvents(this.db, events, pages, this.cache);
      this.lastError = null;
      if (queuedAt.length) {
        this.windows.push(performance.now() - (queuedAt[0] as number));
        this.batchSizes.push(events.length);
        if (this.windows.length > 200) this.windows.shift();
        if (this.batchSizes.length > 200) this.batchSizes.shift();
      }
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
