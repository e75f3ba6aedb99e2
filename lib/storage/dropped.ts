import type { Dropped } from './recorder.ts';

/** What the user is told about requests the recorder could not store, since they last dismissed it. */
export interface DroppedCount {
  /** Requests (events) given up. */
  requests: number;
  /** Page loads given up. */
  pages: number;
  /** Whether the last of them was lost to a full disk (the browser's storage quota). */
  diskFull: boolean;
}

/** A `browser.storage` area, as far as the count uses one; tests pass the fake browser's. */
export interface CountArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export const DROPPED_KEY = 'droppedEvents';

/** A stored count, or null when the value is not one (absent, or written by something else). */
function parseCount(value: unknown): DroppedCount | null {
  if (!value || typeof value !== 'object') return null;
  const { requests, pages, diskFull } = value as Partial<DroppedCount>;
  const count = (n: unknown) => (typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : 0);
  const parsed = { requests: count(requests), pages: count(pages), diskFull: diskFull === true };
  return parsed.requests || parsed.pages ? parsed : null;
}

/**
 * The count of what the recorder gave up, kept so a restart of the worker does not hide it. Written to
 * `storage.session` (memory: it still works when the disk is full, and survives a restart of the worker) and to
 * `storage.local` (the disk: survives a restart of the browser when there is room). Read back from both, the larger
 * count wins: the count only grows until the user dismisses it.
 */
export class DroppedCounter {
  private value: DroppedCount | null = null;
  private writing: Promise<void> | undefined;
  private dirty = false;
  readonly loaded: Promise<void>;

  constructor(private readonly areas: { local: CountArea; session?: CountArea | undefined }) {
    const read = (area: CountArea | undefined) =>
      area
        ? area.get(DROPPED_KEY).then(
            (s) => parseCount(s[DROPPED_KEY]),
            () => null,
          )
        : Promise.resolve(null);
    this.loaded = Promise.all([read(areas.local), read(areas.session)]).then(([local, session]) => {
      const stored = [local, session].reduce<DroppedCount | null>(
        (best, c) => (c && (!best || c.requests + c.pages > best.requests + best.pages) ? c : best),
        null,
      );
      // Anything counted before the stored count was read adds to it.
      this.value = this.sum(stored, this.value);
    });
  }

  get current(): DroppedCount | null {
    return this.value;
  }

  /** Counts what the recorder gave up, and stores the new count (one write at a time; the last value wins). */
  add(dropped: Dropped): void {
    this.value = this.sum(this.value, { requests: dropped.events, pages: dropped.pages, diskFull: dropped.diskFull });
    this.save();
  }

  /** The user has seen it: the count starts over. */
  async dismiss(): Promise<void> {
    await this.loaded;
    this.value = null;
    await Promise.all(
      [this.areas.local, this.areas.session].map((area) => area?.remove(DROPPED_KEY).catch(() => undefined)),
    );
  }

  private sum(a: DroppedCount | null, b: DroppedCount | null): DroppedCount | null {
    if (!a || !b) return a ?? b;
    return { requests: a.requests + b.requests, pages: a.pages + b.pages, diskFull: b.diskFull };
  }

  private save(): void {
    if (this.writing) {
      this.dirty = true;
      return;
    }
    this.writing = (async () => {
      await this.loaded;
      do {
        this.dirty = false;
        const items = { [DROPPED_KEY]: this.value };
        // Each area on its own: with a full disk the local one fails, and the session one still holds the count.
        await Promise.all(
          [this.areas.session, this.areas.local].map((area) => area?.set(items).catch(() => undefined)),
        );
      } while (this.dirty);
    })().finally(() => {
      this.writing = undefined;
    });
  }
}
