import { Dexie } from 'dexie';
import type { SharingEvent } from '../storage/events.ts';
import {
  NO_SESSION,
  openSessionDb,
  parseSessionState,
  SESSION_DB,
  SESSION_KEY,
  type SessionDb,
  SessionSink,
  type SessionState,
} from './session.ts';

/** The part of `browser.storage.session` a session's state lives in. Absent in browsers without it. */
export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface ClassroomDeps {
  area: SessionArea | undefined;
  /** Opens the session's own store (a test names one per test). */
  openDb?: () => SessionDb;
  /** Deletes that store whole at the end of a session. */
  deleteDb?: () => Promise<void>;
}

/** Where a paused session's events go: nowhere, and not into the history either. */
const DROPPED = { add: () => undefined };

/**
 * A classroom session's life: start, pause, reset, end, and where the capture sends events meanwhile. Its state is
 * kept in `storage.session` (memory only, so it cannot outlive the browser) and read back when the worker restarts.
 */
export class ClassroomController {
  private state: SessionState = NO_SESSION;
  private db: SessionDb | undefined;
  private readonly sink: SessionSink;
  private readonly openDb: () => SessionDb;
  private readonly deleteDb: () => Promise<void>;
  /** Resolves once a session that ran before the worker restarted is known: events must not go to the history. */
  readonly loaded: Promise<void>;

  constructor(private readonly deps: ClassroomDeps) {
    this.openDb = deps.openDb ?? (() => openSessionDb());
    this.deleteDb = deps.deleteDb ?? (() => Dexie.delete(SESSION_DB));
    this.sink = new SessionSink(() => this.store());
    this.loaded = Promise.resolve(deps.area?.get(SESSION_KEY))
      .then((stored) => {
        this.state = parseSessionState(stored?.[SESSION_KEY]);
      })
      .catch(() => undefined);
  }

  /** Where the capture sends an event: the session's store, nowhere while paused, or (undefined) the history. */
  destination(): { add(event: SharingEvent): void } | undefined {
    if (!this.state.active) return undefined;
    return this.state.paused ? DROPPED : this.sink;
  }

  async start(now = Date.now()): Promise<SessionState> {
    await this.loaded;
    if (this.state.active) return this.state;
    this.sink.discard();
    await this.store().events.clear();
    return this.save({ active: true, paused: false, startedAt: now });
  }

  async pause(paused: boolean): Promise<SessionState> {
    await this.loaded;
    return this.state.active ? this.save({ ...this.state, paused }) : this.state;
  }

  /** Empties the session's store; the session goes on. */
  async reset(): Promise<SessionState> {
    this.sink.discard();
    await this.sink.flush();
    await this.store().events.clear();
    return this.state;
  }

  /** Ends the session and leaves no trace of it: its store goes whole. */
  async end(): Promise<SessionState> {
    await this.save(NO_SESSION);
    this.sink.discard();
    await this.sink.flush();
    this.db?.close();
    this.db = undefined;
    await this.deleteDb();
    return this.state;
  }

  private store(): SessionDb {
    this.db ??= this.openDb();
    return this.db;
  }

  private async save(next: SessionState): Promise<SessionState> {
    this.state = next;
    await this.deps.area?.set({ [SESSION_KEY]: next });
    return next;
  }
}
