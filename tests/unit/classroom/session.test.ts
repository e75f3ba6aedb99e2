import { describe, expect, it } from 'vitest';
import { Capture } from '../../../lib/capture/capture.ts';
import { openSessionDb, parseSessionState, SessionSink } from '../../../lib/classroom/session.ts';
import { DEFAULT_SETTINGS } from '../../../lib/settings.ts';
import { Recorder } from '../../../lib/storage/recorder.ts';
import { createTrackerMatcher } from '../../../lib/trackers/matcher.ts';
import { compiledMiniList } from '../fixture-lists.ts';
import { event, freshDb } from '../storage/helpers.ts';

describe('classroom sessions', () => {
  it('write to their own store, without identifier values, batched as they arrive', async () => {
    const db = openSessionDb(`classroom-${process.pid}-1`);
    const sink = new SessionSink(() => db);
    for (let i = 0; i < 50; i++) sink.add(event({ path: `/${i}`, identifiers: [{ name: 'cid', value: 'secret-id' }] }));
    await sink.flush();
    const stored = await db.events.toArray();
    expect(stored).toHaveLength(50);
    expect(JSON.stringify(stored)).not.toContain('secret-id');
  });

  it('keep the newest events within their bound, however long the session runs', async () => {
    const db = openSessionDb(`classroom-${process.pid}-3`);
    const sink = new SessionSink(() => db, 10_000, 100);
    for (let round = 0; round < 5; round++) {
      for (let i = 0; i < 70; i++) sink.add(event({ path: `/${round * 70 + i}` }));
      await sink.flush();
    }
    const stored = await db.events.orderBy(':id').toArray();
    expect(stored).toHaveLength(100);
    expect(stored[0]?.path).toBe('/250');
    expect(stored.at(-1)?.path).toBe('/349');
  });

  it('take the events and page loads instead of the history while one runs', async () => {
    const history = freshDb();
    const recorder = new Recorder(history);
    const sessionDb = openSessionDb(`classroom-${process.pid}-2`);
    const sink = new SessionSink(() => sessionDb);
    let active = true;
    const capture = new Capture({
      db: history,
      recorder,
      matcher: () => createTrackerMatcher([compiledMiniList()]),
      settings: () => DEFAULT_SETTINGS,
      getTab: async () => ({ url: 'https://news.example/a', incognito: false }),
      session: () => (active ? sink : undefined),
    });
    const request = (url: string) => ({
      requestId: url,
      url,
      method: 'GET',
      type: 'image',
      tabId: 3,
      frameId: 0,
      time: Date.now(),
      topLevelUrl: 'https://news.example/a',
      outcome: 'completed' as const,
    });
    capture.navigated(3, 'https://news.example/a', false);
    await capture.observe(request('https://www.google-analytics.com/collect?cid=1'));
    await sink.flush();
    await recorder.flush();
    expect(await sessionDb.events.count()).toBe(1);
    expect(await history.events.count()).toBe(0);
    expect(await history.pages.count()).toBe(0);
    active = false;
    await capture.observe(request('https://www.google-analytics.com/collect?cid=2'));
    await recorder.flush();
    expect(await history.events.count()).toBe(1);
    expect(await sessionDb.events.count()).toBe(1);
  });

  it('read a stored state defensively', () => {
    expect(parseSessionState(undefined)).toEqual({ active: false, paused: false, startedAt: 0 });
    expect(parseSessionState({ active: 'yes', paused: true, startedAt: 5 })).toEqual({
      active: false,
      paused: true,
      startedAt: 5,
    });
  });
});
