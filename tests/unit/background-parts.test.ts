import { describe, expect, it } from 'vitest';
import { letterReminderAlarm, PRUNE_ALARM, parseAlarm } from '../../lib/alarms.ts';
import { BenchProbe } from '../../lib/background/bench-probe.ts';
import { BENCH_TIMINGS_MESSAGE } from '../../lib/background/bench-protocol.ts';
import { reminderAlarms } from '../../lib/letters/records.ts';
import { Recorder } from '../../lib/storage/recorder.ts';
import { event, freshDb } from './storage/helpers.ts';

// The lib/ parts the background wires together, where background.test.ts cannot easily reach: the order of writes
// around an exclusive operation, and the alarm names.

describe('Recorder.exclusive', () => {
  it('commits what is in flight first, holds new batches while the operation runs, then writes them', async () => {
    const db = freshDb();
    const recorder = new Recorder(db);
    recorder.add(event({ path: '/before' }));
    let seenByOp: string[] = [];
    const result = await recorder.exclusive(async () => {
      seenByOp = (await db.events.toArray()).map((e) => e.path);
      recorder.add(event({ path: '/during' }));
      await new Promise((r) => setTimeout(r, 20));
      // Still waiting: nothing lands while the operation runs.
      expect((await db.events.toArray()).map((e) => e.path)).toEqual(['/before']);
      await db.events.clear();
      return 'done';
    });
    expect(result).toBe('done');
    expect(seenByOp).toEqual(['/before']);
    await recorder.flush();
    expect((await db.events.toArray()).map((e) => e.path)).toEqual(['/during']);
  });

  it('drops its cached totals after the operation, so counting restarts from what is stored', async () => {
    const db = freshDb();
    const recorder = new Recorder(db);
    recorder.add(event());
    await recorder.flush();
    await recorder.exclusive(() => db.siteCompanies.clear());
    recorder.add(event());
    await recorder.flush();
    expect(await db.siteCompanies.get(['news.example', 'google'])).toMatchObject({ requests: 1 });
  });

  it('passes on a failed operation and keeps recording', async () => {
    const db = freshDb();
    const recorder = new Recorder(db);
    await expect(recorder.exclusive(() => Promise.reject(new Error('disk')))).rejects.toThrow('disk');
    recorder.add(event());
    await recorder.flush();
    expect(await db.events.count()).toBe(1);
    expect(await recorder.exclusive(async () => 'next')).toBe('next');
  });

  it('tells onBatch each committed batch: its events and when it committed', async () => {
    const batches: { events: number; committedAt: number }[] = [];
    const recorder = new Recorder(freshDb(), {
      onBatch: (b) => batches.push({ events: b.events.length, committedAt: b.committedAt }),
    });
    const before = Date.now();
    recorder.add(event({ path: '/a' }));
    recorder.add(event({ path: '/b' }));
    await recorder.flush();
    expect(batches).toEqual([{ events: 2, committedAt: expect.any(Number) }]);
    expect(batches[0]?.committedAt).toBeGreaterThanOrEqual(before);
  });
});

describe('alarm names', () => {
  it.each([
    ['DSC-20261102-ABCDEF', 'before'],
    ['DSC-20261102-ABCDEF', 'due'],
    ['a:reference:with:colons', 'due'],
  ] as const)('of a letter reminder (%s, %s) parse back', (reference, when) => {
    expect(parseAlarm(letterReminderAlarm(reference, when))).toEqual({ kind: 'letter-reminder', reference, when });
  });

  it.each([['letter:'], ['letter:DSC-1'], ['letter:DSC-1:later'], ['letter::due'], ['prune'], ['']])(
    '%j is no alarm of ours',
    (name) => {
      expect(parseAlarm(name)).toBeUndefined();
    },
  );

  it('name the pruning alarm and the reminders the letters set', () => {
    expect(parseAlarm(PRUNE_ALARM)).toEqual({ kind: 'prune' });
    const now = new Date('2026-11-02T10:00:00').getTime();
    expect(reminderAlarms('DSC-1', '2026-12-02', now).map((a) => parseAlarm(a.name))).toEqual([
      { kind: 'letter-reminder', reference: 'DSC-1', when: 'before' },
      { kind: 'letter-reminder', reference: 'DSC-1', when: 'due' },
    ]);
  });
});

describe('the bench probe', () => {
  it('answers only the bench message, with the index load time and the batches it was told of', async () => {
    const probe = new BenchProbe();
    const load = probe.timeIndexLoad(() => 'index');
    expect(load()).toBe('index');
    probe.listenersReady();
    probe.batch({ events: [{ time: 12 }, { time: 10 }, { time: 13 }], committedAt: 14 });
    expect(probe.answer({ type: 'background/status', payload: {} })).toBeUndefined();
    expect(probe.answer(null)).toBeUndefined();
    const timings = await probe.answer({ type: BENCH_TIMINGS_MESSAGE });
    expect(timings).toMatchObject({ indexReadyMs: expect.any(Number), batches: [{ events: 3, exposureMs: 4 }] });
    expect(timings?.listenersReadyMs).toBeGreaterThanOrEqual(timings?.mainStartMs ?? Infinity);
  });
});
