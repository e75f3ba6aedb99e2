import { Dexie, type EntityTable } from 'dexie';
import type { SharingEvent } from '../storage/events.ts';
import { STORED } from '../storage/limits.ts';

/**
 * Classroom demo sessions. While one runs, what the browser shares goes to a store of its own — never to the
 * person's history — and ending the session deletes that store. Its state lives in `storage.session`, which the
 * browser keeps in memory only: a session cannot outlive the browser.
 */
export interface SessionState {
  active: boolean;
  paused: boolean;
  startedAt: number;
}

export const SESSION_KEY = 'classroom';
export const SESSION_DB = 'disclosed-classroom';
export const NO_SESSION: SessionState = { active: false, paused: false, startedAt: 0 };

/** A session event: what the feed shows. Identifier values are not kept (the class sees them shortened). */
export type SessionEvent = Omit<SharingEvent, 'identifiers'>;

export type SessionDb = Dexie & { events: EntityTable<SessionEvent, 'id'> };

/**
 * The session's store. Pages open it with `autoOpen: false`: once the background deletes it at the end of a session,
 * a page's query must fail, not quietly create it again.
 */
export function openSessionDb(name = SESSION_DB, options: { autoOpen?: boolean } = {}): SessionDb {
  const db = new Dexie(name, { autoOpen: options.autoOpen ?? true }) as SessionDb;
  db.version(1).stores({ events: '++id, time' });
  return db;
}

export function parseSessionState(value: unknown): SessionState {
  const v = (value ?? {}) as Partial<SessionState>;
  return {
    active: v.active === true,
    paused: v.paused === true,
    startedAt: typeof v.startedAt === 'number' ? v.startedAt : 0,
  };
}

/**
 * Writes session events as the recorder writes history: the first at once, the ones that arrive meanwhile in the
 * next transaction. A class watches the feed, so the write must be quick; a session is small, so no aggregates.
 */
export class SessionSink {
  private queue: SessionEvent[] = [];
  private inFlight: Promise<void> | undefined;
  /** Events given up because the queue was full (writes stalled): a live feed shows the newest. */
  dropped = 0;

  constructor(
    private readonly db: () => SessionDb,
    private readonly maxQueued = 10_000,
    /** Most events the store keeps; beyond it the oldest go (the feed and the summary are about the newest). */
    private readonly maxStored: number = STORED.classroomEvents,
  ) {}

  add(event: SharingEvent): void {
    const { identifiers: _, ...shown } = event;
    this.queue.push(shown);
    if (this.queue.length > this.maxQueued)
      this.dropped += this.queue.splice(0, this.queue.length - this.maxQueued).length;
    this.kick();
  }

  async flush(): Promise<void> {
    while (this.inFlight || this.queue.length) {
      if (!this.inFlight) this.kick();
      await this.inFlight;
    }
  }

  /** Drops what is queued (a reset or an end of the session). */
  discard(): void {
    this.queue = [];
  }

  private kick(): void {
    if (this.inFlight) return;
    this.inFlight = (async () => {
      await Promise.resolve();
      const batch = this.queue.splice(0);
      if (!batch.length) return;
      const { events } = this.db();
      await events.bulkAdd(batch);
      const excess = (await events.count()) - this.maxStored;
      if (excess > 0) await events.bulkDelete(await events.orderBy(':id').limit(excess).primaryKeys());
    })()
      .catch((error) => console.error('Disclosed: could not save a classroom event', error))
      .finally(() => {
        this.inFlight = undefined;
        if (this.queue.length) this.kick();
      });
  }
}
