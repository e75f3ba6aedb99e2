import { describe, expect, it } from 'vitest';
import { Traffic } from '../../lib/background/traffic.ts';
import { Capture, type TabInfo } from '../../lib/capture/capture.ts';
import { DEFAULT_SETTINGS } from '../../lib/settings.ts';
import { Recorder } from '../../lib/storage/recorder.ts';
import { createTrackerMatcher } from '../../lib/trackers/matcher.ts';
import { realTrackerList } from './fixture-lists.ts';
import { freshDb } from './storage/helpers.ts';

const matcher = createTrackerMatcher([realTrackerList()]);
const A = 'https://www.a-site.example/';
const B = 'https://www.b-site.example/next.html';

/** The worker's traffic path over a real capture and database, for tab 1. */
function setup() {
  const db = freshDb();
  const recorder = new Recorder(db);
  const tabs = new Map<number, TabInfo>([[1, { url: A, incognito: false }]]);
  const badge: number[] = [];
  const capture = new Capture({
    db,
    recorder,
    matcher: () => matcher,
    settings: () => DEFAULT_SETTINGS,
    getTab: async (id) => tabs.get(id),
    onCompanyCount: (_tab, count) => badge.push(count),
    privateAccess: false,
  });
  const traffic = new Traffic(capture, Promise.resolve());
  let id = 0;
  /** A main frame's request of tab 1: sent with these headers; its response started; done. */
  const mainFrame = (url: string, time: number, headers: { name: string; value: string }[] = [], frame = {}) => {
    const requestId = String(++id);
    traffic.body(requestId, undefined, time);
    traffic.headers(requestId, headers);
    const started = traffic.pageStarted({ requestId, tabId: 1, url, timeStamp: time + 5, ...frame });
    traffic.finished({ requestId, url, type: 'main_frame', tabId: 1, frameId: 0, timeStamp: time + 10 }, 'completed');
    return started;
  };
  /** A tracker request of tab 1's top frame, made by a page of `origin`. */
  const tracker = (url: string, time: number, origin: string, frame = {}) => {
    const requestId = String(++id);
    traffic.body(requestId, undefined, time);
    traffic.finished(
      { requestId, url, type: 'image', tabId: 1, frameId: 0, initiator: origin, timeStamp: time, ...frame },
      'completed',
    );
  };
  const settle = async () => {
    await new Promise((r) => setTimeout(r, 20));
    await recorder.flush();
  };
  return { db, tabs, badge, traffic, mainFrame, tracker, settle };
}

describe('a page fetched ahead of the user', () => {
  it('never starts a page load: the shown page keeps its trackers, and its load starts when the user goes there', async () => {
    const s = setup();
    expect(s.mainFrame(A, 1000)).toBe(true);
    await s.settle();
    s.tracker('https://www.google-analytics.com/collect?v=1', 1100, 'https://www.a-site.example');
    await s.settle();
    // Speculation rules: Chromium fetches B as a main frame request of the shown page's tab.
    expect(s.mainFrame(B, 1200, [{ name: 'Sec-Purpose', value: 'prefetch' }])).toBe(false);
    await s.settle();
    s.tracker('https://www.facebook.com/tr?id=1', 1300, 'https://www.a-site.example');
    await s.settle();
    expect((await s.db.pages.toArray()).map((p) => p.site)).toEqual(['a-site.example']);
    const [pageA] = await s.db.pages.toArray();
    // Both trackers count against A's page load, the badge too; the prefetch itself is no company's flow.
    expect((await s.db.events.toArray()).map((e) => [e.company, e.page])).toEqual([
      ['google', pageA?.key],
      ['facebook', pageA?.key],
    ]);
    expect(s.badge.at(-1)).toBe(2);

    // The user clicks the link: Chromium reports a request of its own (answered from the prefetch), no Sec-Purpose.
    s.tabs.set(1, { url: B, incognito: false });
    expect(s.mainFrame(B, 2000)).toBe(true);
    await s.settle();
    s.tracker('https://bat.bing.com/action/0?ti=1', 2100, 'https://www.b-site.example');
    await s.settle();
    const pages = await s.db.pages.toArray();
    expect(pages.map((p) => [p.site, p.startedAt])).toEqual([
      ['a-site.example', 1005],
      ['b-site.example', 2005],
    ]);
    expect((await s.db.events.toArray()).at(-1)).toMatchObject({ company: 'microsoft', page: pages[1]?.key });
    expect(s.badge.at(-1)).toBe(1);
  });

  it('takes a prerender’s main frame, by its header or by its frame, for no page load either', async () => {
    const s = setup();
    s.mainFrame(A, 1000);
    expect(s.mainFrame(B, 1200, [{ name: 'Sec-Purpose', value: 'prefetch;prerender' }])).toBe(false);
    // A prerendered page's own frame is an outermost frame that is not frame 0 until it is shown.
    expect(s.mainFrame(B, 1300, [], { frameId: 7 })).toBe(false);
    expect(s.mainFrame(B, 1400, [], { documentLifecycle: 'prerender' })).toBe(false);
    await s.settle();
    expect((await s.db.pages.toArray()).map((p) => p.site)).toEqual(['a-site.example']);
  });

  it('starts the page load of a prerendered page when the user opens it, shown without a request', async () => {
    const s = setup();
    const origin = 'https://www.a-site.example';
    const next = 'https://www.a-site.example/next.html';
    s.mainFrame(A, 1000);
    s.tracker('https://www.google-analytics.com/collect?v=1', 1100, origin);
    // Chromium prerenders `next` in the tab, in a frame of its own: its commit, then the pixel it calls.
    const prerender = { tabId: 1, frameId: 4, documentId: 'DOC-B', documentLifecycle: 'prerender' };
    expect(s.mainFrame(next, 1200, [{ name: 'Sec-Purpose', value: 'prefetch;prerender' }], prerender)).toBe(false);
    expect(s.traffic.committed({ ...prerender, url: next, timeStamp: 1250 })).toBe(false);
    s.tracker('https://www.facebook.com/tr?id=1', 1300, origin, { frameId: 4, documentLifecycle: 'prerender' });
    await s.settle();
    const [pageA] = await s.db.pages.toArray();
    // The prerendered page's pixel reached Meta from the site, but not from the page shown: no badge count either.
    expect((await s.db.events.toArray()).map((e) => [e.company, e.page])).toEqual([
      ['google', pageA?.key],
      ['facebook', 'site:a-site.example'],
    ]);
    expect(s.badge.at(-1)).toBe(1);

    // Another tab's frame 0 showing a document of that id starts nothing here; nor does the shown page again.
    expect(s.traffic.committed({ tabId: 2, frameId: 0, documentId: 'DOC-B', url: next, timeStamp: 1900 })).toBe(false);
    expect(s.traffic.committed({ tabId: 1, frameId: 0, documentId: 'DOC-A', url: A, timeStamp: 1950 })).toBe(false);
    // The user opens it: the same document commits in frame 0, and no request is made.
    s.tabs.set(1, { url: next, incognito: false });
    const shown = { tabId: 1, frameId: 0, documentId: 'DOC-B', documentLifecycle: 'active', url: next };
    expect(s.traffic.committed({ ...shown, timeStamp: 2000 })).toBe(true);
    await s.settle();
    s.tracker('https://bat.bing.com/action/0?ti=1', 2100, origin);
    await s.settle();
    const pages = await s.db.pages.toArray();
    expect(pages.map((p) => p.startedAt)).toEqual([1005, 2000]);
    expect((await s.db.events.toArray()).at(-1)).toMatchObject({ company: 'microsoft', page: pages[1]?.key });
    expect(s.badge.at(-1)).toBe(1);
    // Shown once: the same document committing again (back/forward cache) is not a new load.
    expect(s.traffic.committed({ ...shown, timeStamp: 3000 })).toBe(false);
  });
});
