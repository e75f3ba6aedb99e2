import { describe, expect, it } from 'vitest';
import { Traffic } from '../../lib/background/traffic.ts';
import { Capture } from '../../lib/capture/capture.ts';
import { openSessionDb, SessionSink } from '../../lib/classroom/session.ts';
import { DEFAULT_SETTINGS } from '../../lib/settings.ts';
import { Recorder } from '../../lib/storage/recorder.ts';
import { createTrackerMatcher } from '../../lib/trackers/matcher.ts';
import { compiledMiniList } from './fixture-lists.ts';
import { event, freshDb } from './storage/helpers.ts';

// Every queue in memory has a bound, and what passes it is counted, not kept: the recorder's are in
// storage/failing-writes.test.ts; these are the others.

describe('queue bounds', () => {
  it('holds at most so many finished requests while the settings are not read yet, and counts the rest', async () => {
    const db = freshDb();
    const recorder = new Recorder(db);
    const capture = new Capture({
      db,
      recorder,
      matcher: () => createTrackerMatcher([compiledMiniList()]),
      settings: () => DEFAULT_SETTINGS,
      getTab: async () => undefined,
    });
    let dropped = 0;
    let ready: (value?: unknown) => void = () => undefined;
    const traffic = new Traffic(capture, new Promise((resolve) => (ready = resolve)), {
      maxWaiting: 3,
      onDropped: (n) => {
        dropped += n;
      },
    });
    const request = (i: number) => ({
      requestId: String(i),
      url: `https://www.google-analytics.com/collect?i=${i}`,
      method: 'GET',
      type: 'image',
      tabId: -1,
      // A request of no tab is recorded only when the browser says it is not a private window's.
      incognito: false,
      frameId: 0,
      parentFrameId: -1,
      initiator: 'https://news.example',
      timeStamp: 1000 + i,
    });
    for (let i = 0; i < 5; i++) traffic.finished(request(i), 'completed');
    expect(dropped).toBe(2);
    ready();
    await new Promise((r) => setTimeout(r, 20));
    await recorder.flush();
    expect(await db.events.count()).toBe(3);
  });

  it("bounds a classroom session's queue to the newest events", async () => {
    const db = openSessionDb(`classroom-bounds-${process.pid}`);
    const sink = new SessionSink(() => db, 3);
    for (let i = 0; i < 10; i++) sink.add(event({ path: `/${i}` }));
    await sink.flush();
    expect(sink.dropped).toBe(7);
    expect((await db.events.toArray()).map((e) => e.path)).toEqual(['/7', '/8', '/9']);
  });
});
