import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { History } from '../../../lib/background/history.ts';
import { buildExport, renderExport } from '../../../lib/export/export.ts';
import type { DisclosedDb } from '../../../lib/storage/db.ts';
import { DroppedCounter } from '../../../lib/storage/dropped.ts';
import type { SharingEvent } from '../../../lib/storage/events.ts';
import { type Dropped, isQuotaError, Recorder } from '../../../lib/storage/recorder.ts';
import { event, freshDb } from './helpers.ts';

// The disk is simulated, not the code under test: the real Dexie tables over fake-indexeddb, with the table's write
// method wrapped to fail as a full disk (or a bad value) makes IndexedDB fail.

const diskFull = () => new DOMException('The disk is full', 'QuotaExceededError');

/** Makes `events.bulkAdd` fail while `failing()` says so, or for a batch holding an event `poisoned` picks. */
function breakWrites(
  db: DisclosedDb,
  {
    failing = () => false,
    poisoned = () => false,
  }: { failing?: () => boolean; poisoned?: (e: SharingEvent) => boolean },
) {
  const original = db.events.bulkAdd.bind(db.events);
  return vi.spyOn(db.events, 'bulkAdd').mockImplementation(((items: SharingEvent[], ...rest: unknown[]) => {
    if (failing()) return Promise.reject(diskFull());
    if (items.some(poisoned)) return Promise.reject(new DOMException('A value could not be cloned', 'DataCloneError'));
    return (original as (...a: unknown[]) => Promise<unknown>)(items, ...rest);
  }) as never);
}

const quiet = { onError: () => undefined };

describe('Recorder with a failing disk', () => {
  it('settles a flush after a failed attempt, keeping the events for the retry', async () => {
    const db = freshDb();
    breakWrites(db, { failing: () => true });
    const recorder = new Recorder(db, { ...quiet, retryMs: 60_000 });
    for (let i = 0; i < 5; i++) recorder.add(event({ path: `/p${i}` }));
    await recorder.flush();
    expect(recorder.pending).toBe(5);
    expect(recorder.lastError).toBe('QuotaExceededError: The disk is full');
    // A second flush tries again at once rather than waiting a minute for the retry, and settles too.
    await recorder.flush();
    expect(recorder.pending).toBe(5);
    expect(await db.events.count()).toBe(0);
  });

  it('waits in a flush only for what was queued before it', async () => {
    const db = freshDb();
    const recorder = new Recorder(db);
    recorder.add(event({ path: '/first' }));
    await recorder.flush();
    // Hold the next transaction's start until released.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const transaction = db.transaction.bind(db) as (...a: unknown[]) => Promise<unknown>;
    let calls = 0;
    vi.spyOn(db, 'transaction').mockImplementation(((...args: unknown[]) => {
      calls++;
      return calls === 2 ? held.then(() => transaction(...args)) : transaction(...args);
    }) as never);
    recorder.add(event({ path: '/before' }));
    const flushed = recorder.flush();
    await vi.waitFor(() => expect(calls).toBe(1));
    // Queued after the flush: its write (the second transaction) is held, and the flush does not wait for it.
    recorder.add(event({ path: '/after' }));
    await flushed;
    expect((await db.events.toArray()).map((e) => e.path)).toEqual(['/first', '/before']);
    release();
    await recorder.flush();
    expect(await db.events.count()).toBe(3);
  });

  it('stores the good events around one that can never be stored, and counts that one', async () => {
    const db = freshDb();
    const bad = (e: SharingEvent) => e.path === '/bad';
    breakWrites(db, { poisoned: bad });
    const drops: Dropped[] = [];
    const recorder = new Recorder(db, { ...quiet, onDropped: (d) => drops.push(d) });
    for (let i = 0; i < 10; i++) recorder.add(event({ path: `/a${i}` }));
    recorder.add(event({ path: '/bad' }));
    for (let i = 0; i < 10; i++) recorder.add(event({ path: `/b${i}` }));
    await recorder.flush();
    expect(await db.events.count()).toBe(20);
    expect((await db.siteCompanies.get(['news.example', 'google']))?.requests).toBe(20);
    expect(recorder.pending).toBe(0);
    expect(drops).toEqual([{ events: 1, pages: 0, diskFull: false }]);
    // Later events are not held back by it.
    recorder.add(event({ path: '/later' }));
    await recorder.flush();
    expect(await db.events.count()).toBe(21);
  });

  it('isolates a bad event at the head of the queue too', async () => {
    const db = freshDb();
    breakWrites(db, { poisoned: (e) => e.path === '/bad' });
    const recorder = new Recorder(db, quiet);
    recorder.add(event({ path: '/bad' }));
    for (let i = 0; i < 7; i++) recorder.add(event({ path: `/b${i}` }));
    await recorder.flush();
    expect(await db.events.count()).toBe(7);
    expect(recorder.dropped).toBe(1);
  });

  it('does not give events up for a full disk, but bounds the queues and counts what exceeds them', async () => {
    const db = freshDb();
    let full = true;
    breakWrites(db, { failing: () => full });
    const drops: Dropped[] = [];
    const recorder = new Recorder(db, { ...quiet, maxQueued: 30, maxQueuedPages: 4, onDropped: (d) => drops.push(d) });
    recorder.add(event({ path: '/first' }));
    await recorder.flush();
    for (let i = 0; i < 49; i++) recorder.add(event({ path: `/p${i}` }));
    for (let i = 0; i < 6; i++) recorder.addPage({ key: `1:${i}`, tabId: 1, site: 'news.example', startedAt: i });
    await recorder.flush();
    expect(recorder.pending).toBe(30);
    expect(recorder.dropped).toBe(20);
    const total = drops.reduce((sum, d) => ({ events: sum.events + d.events, pages: sum.pages + d.pages }), {
      events: 0,
      pages: 0,
    });
    expect(total).toEqual({ events: 20, pages: 2 });
    expect(drops.every((d) => d.diskFull)).toBe(true);
    // Space is freed: the newest 30 are stored, in order.
    full = false;
    await recorder.flush();
    const paths = (await db.events.toArray()).map((e) => e.path);
    expect(paths).toHaveLength(30);
    expect(paths[0]).toBe('/p19');
    expect(await db.pages.count()).toBe(4);
  });

  it('recognises the quota error however it is wrapped', () => {
    expect(isQuotaError(diskFull())).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: diskFull() })).toBe(true);
    expect(isQuotaError({ name: 'BulkError', failures: [diskFull()] })).toBe(true);
    expect(isQuotaError(new DOMException('bad', 'DataError'))).toBe(false);
  });
});

describe('data controls while writes fail', () => {
  beforeEach(() => fakeBrowser.reset());

  function setUp() {
    const db = freshDb();
    let full = false;
    breakWrites(db, { failing: () => full });
    const recorder = new Recorder(db, { ...quiet, retryMs: 60_000 });
    const history = new History({ db, recorder, onPagesDeleted: () => undefined });
    return {
      db,
      recorder,
      history,
      fill: () => {
        full = true;
      },
      free: () => {
        full = false;
      },
    };
  }

  it('deletes everything, and what could not be stored before is not written after', async () => {
    const { db, recorder, history, fill, free } = setUp();
    recorder.add(event({ path: '/stored' }));
    await recorder.flush();
    fill();
    recorder.add(event({ path: '/queued' }));
    expect(await history.clear()).toEqual({ cleared: true });
    free();
    recorder.add(event({ path: '/after' }));
    await recorder.flush();
    expect((await db.events.toArray()).map((e) => e.path)).toEqual(['/after']);
  });

  it('forgets a site, and its queued events with it', async () => {
    const { db, recorder, history, fill, free } = setUp();
    fill();
    recorder.add(event({ site: 'clinic.example', path: '/clinic' }));
    recorder.add(event({ site: 'news.example', path: '/news' }));
    const report = await history.forgetSite('clinic.example');
    expect(report.events).toBe(0);
    free();
    await recorder.flush();
    expect((await db.events.toArray()).map((e) => e.path)).toEqual(['/news']);
  });

  it('finishes an import with a clear error when the disk is full', async () => {
    const source = freshDb();
    const sourceRecorder = new Recorder(source);
    sourceRecorder.add(event({ path: '/exported' }));
    await sourceRecorder.flush();
    const trackerData = { name: 'Test list', version: '1', license: 'CC0' };
    const file = renderExport(await buildExport(source, (id) => id, trackerData), 'json').parts.join('');
    const { history, recorder, fill } = setUp();
    fill();
    recorder.add(event());
    const result = await history.importText(file);
    expect(result).toEqual({ ok: false, error: expect.stringContaining('disk is full') });
  });
});

describe('the count of what could not be saved', () => {
  beforeEach(() => fakeBrowser.reset());

  it('survives a restart of the worker, even when the disk is full', async () => {
    const local = fakeBrowser.storage.local;
    vi.spyOn(local, 'set').mockRejectedValue(diskFull());
    const counter = new DroppedCounter({ local, session: fakeBrowser.storage.session });
    counter.add({ events: 3, pages: 0, diskFull: true });
    counter.add({ events: 2, pages: 1, diskFull: true });
    await vi.waitFor(async () =>
      expect((await fakeBrowser.storage.session.get('droppedEvents')).droppedEvents).toMatchObject({ requests: 5 }),
    );
    const restarted = new DroppedCounter({ local, session: fakeBrowser.storage.session });
    await restarted.loaded;
    expect(restarted.current).toEqual({ requests: 5, pages: 1, diskFull: true });
    await restarted.dismiss();
    const again = new DroppedCounter({ local, session: fakeBrowser.storage.session });
    await again.loaded;
    expect(again.current).toBeNull();
  });
});
