/**
 * A page cannot make its requests vanish by breaking their decoding: every hostile request still reaches the
 * history, with its company, through the capture the worker runs (real Dexie over fake-indexeddb).
 */
import { describe, expect, it } from 'vitest';
import { Capture } from '../../../lib/capture/capture.ts';
import type { RawBody } from '../../../lib/classify/request-details.ts';
import { DEFAULT_SETTINGS } from '../../../lib/settings.ts';
import { Recorder } from '../../../lib/storage/recorder.ts';
import { createTrackerMatcher } from '../../../lib/trackers/matcher.ts';
import { realTrackerList } from '../fixture-lists.ts';
import { observed } from '../requests.ts';
import { freshDb } from '../storage/helpers.ts';
import { hostileRequests } from './hostile-cases.ts';

const matcher = createTrackerMatcher([realTrackerList()]);
const GA = 'https://www.google-analytics.com/g/collect';

function capture() {
  const db = freshDb();
  const recorder = new Recorder(db);
  const c = new Capture({
    db,
    recorder,
    matcher: () => matcher,
    settings: () => DEFAULT_SETTINGS,
    getTab: async () => ({ url: 'https://news.example/world/article', incognito: false }),
  });
  c.navigated(1, 'https://news.example/world/article', false, 1_000);
  return { db, recorder, capture: c };
}

describe('hostile requests to a tracker', () => {
  it('are each recorded, with their company, whatever they carry', async () => {
    const s = capture();
    const cases = hostileRequests();
    for (const [i, c] of cases.entries()) {
      const query = c.input.url.includes('?') ? c.input.url.slice(c.input.url.indexOf('?')) : '';
      await s.capture.observe(
        observed(`${GA}${query}`, {
          requestId: String(i),
          method: c.input.method,
          time: 5_000 + i,
          initiator: 'https://news.example',
          extras: {
            ...(c.input.body ? { body: c.input.body } : {}),
            ...(c.input.referer ? { referer: c.input.referer } : {}),
            ...(c.input.cookieNames ? { cookieNames: c.input.cookieNames } : {}),
          },
        }),
      );
    }
    await s.recorder.flush();
    const events = await s.db.events.orderBy('time').toArray();
    expect(events.map((e) => e.company)).toEqual(cases.map(() => 'google'));
    for (const e of events) expect(e.findings.length).toBeLessThanOrEqual(12);
  });

  it('is recorded when its body cannot be read at all, with what the rest of it carried', async () => {
    const s = capture();
    const body = {
      get formData(): RawBody['formData'] {
        throw new Error('unreadable');
      },
    };
    await s.capture.observe(
      observed(`${GA}?cid=a8f7e6d5c4b3a291e0`, { method: 'POST', initiator: 'https://news.example', extras: { body } }),
    );
    await s.recorder.flush();
    const [event] = await s.db.events.toArray();
    expect(event?.company).toBe('google');
    expect(event?.kinds).toEqual(['identifier']);
  });
});
