import { describe, expect, it } from 'vitest';
import { Capture, type TabInfo } from '../../../lib/capture/capture.ts';
import {
  addSignal,
  ConsentPages,
  type PageTimeline,
  type ReportOrigin,
  type SessionArea,
  stampAt,
} from '../../../lib/capture/page-consent.ts';
import type { PageReport, PageSignal } from '../../../lib/consent/page-signals.ts';
import { DEFAULT_SETTINGS } from '../../../lib/settings.ts';
import type { DisclosedDb } from '../../../lib/storage/db.ts';
import { Recorder } from '../../../lib/storage/recorder.ts';
import { createTrackerMatcher } from '../../../lib/trackers/matcher.ts';
import { realTrackerList } from '../fixture-lists.ts';
import { observed } from '../requests.ts';
import { freshDb } from '../storage/helpers.ts';

const matcher = createTrackerMatcher([realTrackerList()]);

/** `storage.session` as the browser keeps it: values are copies (structured clone), per key. */
function sessionArea(): SessionArea & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    async get(keys) {
      const wanted = keys === null ? [...data.keys()] : [keys];
      return Object.fromEntries(wanted.filter((k) => data.has(k)).map((k) => [k, structuredClone(data.get(k))]));
    },
    async set(items) {
      for (const [k, v] of Object.entries(items)) data.set(k, structuredClone(v));
    },
    async remove(keys) {
      for (const k of Array.isArray(keys) ? keys : [keys]) data.delete(k);
    },
  };
}

/** The worker's wiring: a capture whose events the consent pages stamp, over a real database. */
function worker(db: DisclosedDb = freshDb(), area = sessionArea(), excluded: string[] = [], restampDelayMs = 0) {
  const recorder = new Recorder(db);
  let flushes = 0;
  let now = 100_000;
  const consent = new ConsentPages({
    db,
    flush: () => {
      flushes++;
      return recorder.flush();
    },
    area,
    recording: (site) => !excluded.includes(site),
    now: () => now,
    restampDelayMs,
  });
  /**
   * A page load: its navigation starts 100 ms before its response (the capture's page load), and commits 20 ms
   * after, each told as background.ts tells them.
   */
  const navigated = (url: string, response: number) => {
    consent.navigationStarted(1, url, response - 100);
    capture.navigated(1, url, false, response);
    consent.navigationCommitted(1, url, response + 20);
  };
  const tabs = new Map<number, TabInfo>([[1, { url: 'https://www.news.example/a', incognito: false }]]);
  const capture = new Capture({
    db,
    recorder,
    matcher: () => matcher,
    settings: () => DEFAULT_SETTINGS,
    getTab: async (id) => tabs.get(id),
    privateAccess: false,
    consentAt: (event, sentAt) => consent.stamp(event, sentAt),
  });
  let id = 0;
  /** A Google Analytics hit of tab 1, sent at `sentAt` and finished 100 ms later. */
  const hit = (sentAt: number | undefined, time = (sentAt ?? 0) + 100) =>
    capture.observe(
      observed(`https://www.google-analytics.com/collect?n=${++id}`, {
        requestId: String(id),
        time,
        ...(sentAt === undefined ? {} : { extras: { sentAt } }),
      }),
    );
  const stamps = async () => {
    await recorder.flush();
    return (await db.events.orderBy('time').toArray()).map((e) => e.consentAt);
  };
  /** A report of tab 1's top document at `url`, received a moment after its time unless told otherwise. */
  const report = (url: string, r: PageReport, from: Partial<ReportOrigin> = {}) =>
    consent.signal(1, r, { url, receivedAt: r.signal.time + 5, ...from });
  return {
    db,
    area,
    recorder,
    consent,
    report,
    capture,
    hit,
    stamps,
    navigated,
    tabs,
    flushes: () => flushes,
    setNow: (t: number) => {
      now = t;
    },
  };
}

/** A worker idles a while before it is stopped (30 s in Chromium): its writes, which wait a moment, are done. */
const idle = () => new Promise((resolve) => setTimeout(resolve, 300));

const URL = 'https://www.news.example/a';
/** The document's navigation started at 900 (its time origin); its response (the page load's start) came at 1000. */
const ORIGIN = 900;
const at = (time: number, state: PageSignal['state'], extra: Partial<PageSignal> = {}) => ({
  origin: ORIGIN,
  signal: { time, state, cmp: 'tcf:300', ...extra },
});

describe('a page’s consent timeline', () => {
  const timeline = (...signals: PageSignal[]): PageTimeline => {
    const t: PageTimeline = { origin: ORIGIN, site: 'news.example', entries: [] };
    for (const s of signals) addSignal(t, s);
    return t;
  };

  it('says nothing it was not told: a page whose reader has said nothing is unknown', () => {
    expect(stampAt(undefined, 1000)).toEqual({ state: 'unknown' });
    expect(stampAt(timeline(), 1000)).toEqual({ state: 'unknown' });
  });

  it('takes the last state told before the request was sent, and not-answered back to the page’s start', () => {
    const t = timeline(
      { time: 1500, state: 'not-answered', cmp: 'tcf:300' },
      { time: 4000, state: 'refused', cmp: 'tcf:300' },
    );
    // Each not-answered stamp says when the person then answered.
    expect(stampAt(t, 1200)).toEqual({ state: 'not-answered', since: ORIGIN, answeredAt: 4000, cmp: 'tcf:300' });
    expect(stampAt(t, 1500)).toEqual({ state: 'not-answered', since: 1500, answeredAt: 4000, cmp: 'tcf:300' });
    expect(stampAt(t, 3999)).toEqual({ state: 'not-answered', since: 1500, answeredAt: 4000, cmp: 'tcf:300' });
    expect(stampAt(t, 4000)).toEqual({ state: 'refused', since: 4000, cmp: 'tcf:300' });
  });

  it('holds an answer stored before the page from the page’s start; one given on the page only from then', () => {
    const stored = timeline({ time: 1500, state: 'refused', cmp: 'tcf:300', stored: true });
    expect(stampAt(stored, 1200)).toEqual({ state: 'refused', since: ORIGIN, cmp: 'tcf:300' });
    const onPage = timeline({ time: 1500, state: 'accepted', cmp: 'tcf:300' });
    expect(stampAt(onPage, 1200)).toEqual({ state: 'not-answered', since: ORIGIN, answeredAt: 1500, cmp: 'tcf:300' });
    expect(stampAt(onPage, 1600)).toEqual({ state: 'accepted', since: 1500, cmp: 'tcf:300' });
  });

  it('calls a refusal after consent a withdrawal, and keeps the first time of a state told again', () => {
    const t = timeline(
      { time: 1500, state: 'accepted', cmp: 'tcf:300', stored: true },
      { time: 5000, state: 'refused', cmp: 'tcf:300' },
      { time: 6000, state: 'refused', cmp: 'tcf:300' },
    );
    expect(t.entries.map((e) => [e.state, e.since])).toEqual([
      ['accepted', 1500],
      ['withdrawn', 5000],
    ]);
    expect(stampAt(t, 7000)).toEqual({ state: 'withdrawn', since: 5000, cmp: 'tcf:300' });
  });

  it('puts a signal that arrives late in its place by time', () => {
    const t = timeline({ time: 4000, state: 'refused', cmp: 'tcf:300' }, { time: 1500, state: 'not-answered' });
    expect(t.entries.map((e) => e.state)).toEqual(['not-answered', 'refused']);
  });

  it('once the page spoke through an IAB API, takes nothing from a detected banner of the same CMP', () => {
    const t = timeline(
      { time: 1200, state: 'unknown', cmp: 'onetrust' },
      { time: 1500, state: 'refused', cmp: 'tcf:28', stored: true },
      { time: 2500, state: 'unknown', cmp: 'onetrust' },
    );
    expect(t.entries.map((e) => [e.state, e.cmp])).toEqual([
      ['unknown', 'onetrust'],
      ['refused', 'tcf:28'],
    ]);
    expect(stampAt(t, 3000)).toEqual({ state: 'refused', since: 1500, cmp: 'tcf:28' });
  });

  it('gives a page without a banner no time (none is known)', () => {
    expect(stampAt(timeline({ time: 4000, state: 'no-banner' }), 200)).toEqual({ state: 'no-banner' });
  });
});

describe('stamping requests with their page’s consent state', () => {
  it('stamps each request by its send time, and re-stamps stored ones when a CMP event that precedes them arrives late', async () => {
    const w = worker();
    w.navigated(URL, 1000);
    // Sent before anything was told: unknown for now.
    await w.hit(1200);
    expect(await w.stamps()).toEqual([{ state: 'unknown' }]);

    // The banner was shown at 1100: the stored request is re-stamped.
    await w.report(URL, at(1100, 'not-answered'));
    expect(await w.stamps()).toEqual([{ state: 'not-answered', since: 1100, cmp: 'tcf:300' }]);

    await w.report(URL, at(3000, 'refused'));
    // Sent just before the refusal, finished after it: still before.
    await w.hit(2950, 3050);
    await w.hit(3200);
    // Both sent before the refusal: each says when it came.
    expect(await w.stamps()).toEqual([
      { state: 'not-answered', since: 1100, answeredAt: 3000, cmp: 'tcf:300' },
      { state: 'not-answered', since: 1100, answeredAt: 3000, cmp: 'tcf:300' },
      { state: 'refused', since: 3000, cmp: 'tcf:300' },
    ]);
  });

  it('re-stamps a request still waiting to be stored, which is then stored re-stamped', async () => {
    const w = worker();
    w.navigated(URL, 1000);
    await w.report(URL, at(1100, 'not-answered'));
    await w.hit(1500);
    await w.hit(1600);
    // Both still in the recorder's queue, or in its transaction, as the refusal at 1550 arrives.
    await w.report(URL, at(1550, 'refused'));
    expect(await w.stamps()).toEqual([
      { state: 'not-answered', since: 1100, answeredAt: 1550, cmp: 'tcf:300' },
      { state: 'refused', since: 1550, cmp: 'tcf:300' },
    ]);
  });

  it('turns the page’s unknown requests into no-banner when its reader finds no CMP', async () => {
    const w = worker();
    w.navigated(URL, 1000);
    await w.hit(1200);
    await w.hit(2000);
    await w.report(URL, { origin: ORIGIN, signal: { time: 4500, state: 'no-banner' } });
    expect(await w.stamps()).toEqual([{ state: 'no-banner' }, { state: 'no-banner' }]);
  });

  it('counts a report against its own page load, not the tab’s next one', async () => {
    const w = worker();
    w.navigated(URL, 1000);
    await w.report(URL, at(1100, 'accepted', { stored: true }));
    // The next page of the site starts at 10 000; its document at 9 900. Its reader has not spoken yet.
    w.navigated('https://www.news.example/b', 10_000);
    await w.hit(10_200);
    expect(await w.stamps()).toEqual([{ state: 'unknown' }]);
    await w.report('https://www.news.example/b', {
      origin: 9900,
      signal: { time: 10_100, state: 'not-answered', cmp: 'tcf:300' },
    });
    expect(await w.stamps()).toEqual([{ state: 'not-answered', since: 10_100, cmp: 'tcf:300' }]);
  });

  it('keeps the timelines over a restart of the worker, and re-stamps what it stamped before reading them back', async () => {
    const db = freshDb();
    const area = sessionArea();
    const first = worker(db, area);
    first.navigated(URL, 1000);
    await first.report(URL, at(1100, 'not-answered'));
    await first.report(URL, at(2000, 'refused'));
    await first.hit(1500);
    await first.recorder.flush();

    // A new worker: its capture reads the page load back, its consent pages the timeline.
    await idle();
    const second = worker(db, area);
    await second.hit(2500);
    await second.consent.loaded;
    expect(await second.stamps()).toEqual([
      { state: 'not-answered', since: 1100, answeredAt: 2000, cmp: 'tcf:300' },
      { state: 'refused', since: 2000, cmp: 'tcf:300' },
    ]);
  });

  it('keeps no report of an excluded site, and forgets a closed tab’s', async () => {
    const w = worker(freshDb(), sessionArea(), ['news.example']);
    expect(await w.report(URL, at(1100, 'refused'))).toBe('not-recorded');

    w.navigated(URL, 1000);
    expect(w.area.data.size).toBe(0);

    const v = worker();
    v.navigated(URL, 1000);
    await v.report(URL, at(1100, 'refused'));
    await idle();
    expect(v.area.data.size).toBe(1);
    v.consent.tabClosed(1);
    await Promise.resolve();
    expect(v.area.data.size).toBe(0);
  });

  it('recreates nothing of a closed tab: its late beacons are stamped unknown, its late reports refused', async () => {
    const w = worker();
    w.navigated(URL, 1000);
    await w.report(URL, at(1100, 'refused', { stored: true }));
    w.consent.tabClosed(1);
    await Promise.resolve();
    // A beacon sent as the page went away finishes after its tab has closed.
    await w.hit(5000);
    expect(await w.report(URL, at(5100, 'accepted'))).toBe('closed');
    w.consent.navigationStarted(1, URL, 6000);
    expect(w.area.data.size).toBe(0);
    expect(await w.stamps()).toEqual([{ state: 'unknown' }]);
  });

  it('refuses a report whose document started at no navigation of its tab, or timed before it began or in the future', async () => {
    const w = worker();
    w.navigated(URL, 1000);
    await w.hit(1200);
    // A page that forged or backdated a report: a document said to start 30 s after its navigation committed; a
    // time before its document's start; a time to come.
    const forged = { origin: ORIGIN + 30_000, signal: { time: 31_000, state: 'refused' as const } };
    expect(await w.report(URL, forged)).toBe('no-load');
    expect(await w.report(URL, at(700, 'refused', { stored: true }))).toBe('time');
    expect(await w.report(URL, at(60_000, 'refused'), { receivedAt: 50_000 })).toBe('time');
    expect(await w.stamps()).toEqual([{ state: 'unknown' }]);
    expect(await w.report(URL, at(1100, 'not-answered'))).toBeUndefined();
    expect(await w.stamps()).toEqual([{ state: 'not-answered', since: 1100, cmp: 'tcf:300' }]);
  });

  it('gives each of two quick navigations its own report, never the older its successor’s', async () => {
    const w = worker();
    // The first document starts at 900 and commits at 1020; the second starts at 1050, 150 ms after the first.
    w.navigated(URL, 1000);
    w.navigated('https://www.news.example/b', 1150);
    await w.hit(1300);
    // The second document's reader: its origin a few ms before its navigation (a link's click starts in the page).
    const second = { origin: 1046, signal: { time: 1200, state: 'not-answered' as const, cmp: 'tcf:300' } };
    await w.report('https://www.news.example/b', second);
    expect(await w.stamps()).toEqual([{ state: 'not-answered', since: 1200, cmp: 'tcf:300' }]);
    // The first document's reader spoke late (a beacon as it went): its refusal is its own, not the second page's.
    await w.report(URL, { origin: 901, signal: { time: 1040, state: 'refused', cmp: 'tcf:300' } });
    expect(await w.stamps()).toEqual([{ state: 'not-answered', since: 1200, cmp: 'tcf:300' }]);
  });

  it('finds the timeline by the load key the events carry, also one the capture opened at a request or took back', async () => {
    const db = freshDb();
    const area = sessionArea();
    const first = worker(db, area);
    // Firefox: the page's first request is handled before its navigation, and opens the load itself, at 1040.
    first.consent.navigationStarted(1, URL, 900);
    await first.hit(1040, 1040);
    first.capture.navigated(1, URL, false, 1000);
    first.consent.navigationCommitted(1, URL, 1020);
    await first.report(URL, at(1100, 'not-answered'));
    await first.hit(1500);
    expect(await first.stamps()).toEqual([
      { state: 'not-answered', since: ORIGIN, cmp: 'tcf:300' },
      { state: 'not-answered', since: 1100, cmp: 'tcf:300' },
    ]);
    // The worker stops; a new one takes the stored load back on the tab's next request, under its old key.
    await idle();
    const second = worker(db, area);
    await second.consent.loaded;
    await second.report(URL, at(2000, 'refused'));
    await second.hit(2500);
    expect(await second.stamps()).toEqual([
      { state: 'not-answered', since: ORIGIN, answeredAt: 2000, cmp: 'tcf:300' },
      { state: 'not-answered', since: 1100, answeredAt: 2000, cmp: 'tcf:300' },
      { state: 'refused', since: 2000, cmp: 'tcf:300' },
    ]);
    // One page load, under the key the first request opened, not the navigation's response time.
    const keys = new Set((await db.events.toArray()).map((e) => e.page));
    expect(keys.size).toBe(1);
    expect(keys.has('1:1000')).toBe(false);
  });

  it('lets a CMP seen after the page’s "no banner" replace it, its requests stamped again', async () => {
    const w = worker();
    w.navigated(URL, 1000);
    await w.report(URL, { origin: ORIGIN, signal: { time: 4500, state: 'no-banner' } });
    await w.hit(1200);
    await w.hit(4600);
    expect(await w.stamps()).toEqual([{ state: 'no-banner' }, { state: 'no-banner' }]);
    // The detector found a banner after the reader's guess (a CMP that shows late).
    await w.report(URL, at(5000, 'not-answered', { cmp: 'cookie-script' }));
    expect(await w.stamps()).toEqual([
      { state: 'not-answered', since: ORIGIN, cmp: 'cookie-script' },
      { state: 'not-answered', since: ORIGIN, cmp: 'cookie-script' },
    ]);
    // A later "no banner" guess changes nothing now.
    expect(await w.report(URL, { origin: ORIGIN, signal: { time: 6000, state: 'no-banner' } })).toBe('unchanged');
  });

  it('never re-stamps by its finishing time a request whose send time was not seen', async () => {
    const w = worker();
    w.navigated(URL, 1000);
    await w.report(URL, at(1100, 'not-answered'));
    // Sent before the refusal (its send time lost), finished after it.
    await w.hit(undefined, 3100);
    await w.report(URL, at(3000, 'refused'));
    const [event] = await w.db.events.toArray();
    expect(event?.sentAt).toBeUndefined();
    // Stamped as it finished (the refusal was not known yet), and kept so; it learns when the person answered
    // only if it finished before that.
    expect(event?.consentAt).toEqual({ state: 'not-answered', since: 1100, cmp: 'tcf:300' });
  });

  it('tells a request sent before the answer when it came, queued or stored', async () => {
    const w = worker();
    w.navigated(URL, 1000);
    await w.report(URL, at(1100, 'not-answered'));
    await w.hit(1200);
    await w.recorder.flush();
    // One still queued as the refusal arrives.
    await w.hit(2000);
    await w.report(URL, at(3000, 'refused'));
    await w.hit(3100);
    await w.recorder.flush();
    const events = await w.db.events.orderBy('time').toArray();
    expect(events.map((e) => [e.sentAt, e.consentAt])).toEqual([
      [1200, { state: 'not-answered', since: 1100, answeredAt: 3000, cmp: 'tcf:300' }],
      [2000, { state: 'not-answered', since: 1100, answeredAt: 3000, cmp: 'tcf:300' }],
      [3100, { state: 'refused', since: 3000, cmp: 'tcf:300' }],
    ]);
  });

  it('re-stamps once for a batch of reports from a page that keeps flipping its state', async () => {
    const w = worker();
    w.navigated(URL, 1000);
    await w.hit(1050);
    const before = w.flushes();
    const flips = Array.from({ length: 100 }, (_, i) => w.report(URL, at(1100 + i, i % 2 ? 'refused' : 'accepted')));
    await Promise.all(flips);
    expect(w.flushes() - before).toBe(1);
  });

  it('keeps the first 50 states of a page and refuses more, leaving the stamps they gave', async () => {
    const w = worker();
    w.navigated(URL, 1000);
    await w.report(URL, at(1100, 'not-answered'));
    await w.hit(1150);
    for (let i = 1; i < 50; i++) await w.report(URL, at(1200 + i, i % 2 ? 'refused' : 'accepted'));
    expect(await w.report(URL, at(2000, 'accepted'))).toBe('unchanged');
    // The first request's stamp is still by the page's first states (dropping old ones would have re-stamped it).
    expect(await w.stamps()).toEqual([{ state: 'not-answered', since: 1100, answeredAt: 1201, cmp: 'tcf:300' }]);
  });

  it('never stamps a page with another site’s state: one whose navigation is told after its first request', async () => {
    const w = worker();
    w.navigated(URL, 1000);
    await w.report(URL, at(1100, 'refused', { stored: true }));
    // Firefox: the tab's next page, on another site and without a CMP, is seen by its response and a request
    // before its navigation's start is told.
    const other = 'https://www.shop.example/';
    w.capture.navigated(1, other, false, 5000);
    await w.hit(5100);
    expect(await w.stamps()).toEqual([{ state: 'unknown' }]);
    w.consent.navigationStarted(1, other, 4900);
    w.consent.navigationCommitted(1, other, 5020);
    await w.hit(5200);
    await w.report(other, { origin: 4900, signal: { time: 8000, state: 'no-banner' } });
    expect(await w.stamps()).toEqual([{ state: 'no-banner' }, { state: 'no-banner' }]);
    // A late report of the first page, sent as it went, is the first page's: refused as another site's.
    expect(await w.report(other, { origin: ORIGIN, signal: { time: 5300, state: 'accepted', cmp: 'tcf:300' } })).toBe(
      'other-site',
    );
  });

  it('gives a key back to the navigation it was of once that navigation’s start is told, and stamps it again', async () => {
    const w = worker();
    w.navigated(URL, 1000);
    await w.report(URL, at(1100, 'refused', { stored: true }));
    // The same site's next page, seen by its response before its navigation: for now the first page's key holder.
    const next = 'https://www.news.example/b';
    w.capture.navigated(1, next, false, 5000);
    await w.hit(5100);
    expect(await w.stamps()).toEqual([{ state: 'refused', since: 1100, cmp: 'tcf:300' }]);
    // Its start is told: the key is the new page's, whose reader has said nothing yet.
    w.consent.navigationStarted(1, next, 4900);
    w.consent.navigationCommitted(1, next, 5020);
    await w.report(next, { origin: 4900, signal: { time: 5050, state: 'not-answered', cmp: 'tcf:300' } });
    expect(await w.stamps()).toEqual([{ state: 'not-answered', since: 5050, cmp: 'tcf:300' }]);
  });

  it('takes a document’s report by its id (Chromium): a page prerendered in the tab, and never one it does not know', async () => {
    const w = worker();
    w.consent.navigationStarted(1, URL, 900);
    w.capture.navigated(1, URL, false, 1000);
    w.consent.navigationCommitted(1, URL, 1020, 'DOC-A');
    await w.hit(1050);
    // Told by a frame that is not frame 0 (a prerendered page's top): only by a document whose commit was seen.
    const from = { documentOnly: true };
    expect(await w.report(URL, at(1100, 'refused'), { ...from, documentId: 'DOC-X' })).toBe('no-load');
    expect(await w.stamps()).toEqual([{ state: 'unknown' }]);
    expect(await w.report(URL, at(1100, 'refused'), { ...from, documentId: 'DOC-A' })).toBeUndefined();
    expect(await w.stamps()).toEqual([{ state: 'not-answered', since: ORIGIN, answeredAt: 1100, cmp: 'tcf:300' }]);
  });

  it('refuses a report timed far from when it came, puts one timed after it at its arrival, and takes a stored answer only first', async () => {
    const w = worker();
    w.navigated(URL, 1000);
    await w.hit(1050);
    await w.hit(2050);
    // A page that learnt the channel backdates an answer by 3 s.
    expect(await w.report(URL, at(1100, 'accepted', { stored: true }), { receivedAt: 4100 })).toBe('time');
    // The reader's first report, the banner shown: timed after it came, it is put at its arrival.
    expect(await w.report(URL, at(2100, 'not-answered'), { receivedAt: 2000 })).toBeUndefined();
    // A later "stored" answer, timed before the first report, is no answer that held from the page's start.
    await w.report(URL, at(1100, 'accepted', { stored: true }), { receivedAt: 2500 });
    expect(await w.stamps()).toEqual([
      { state: 'not-answered', since: ORIGIN, answeredAt: 1100, cmp: 'tcf:300' },
      { state: 'not-answered', since: 2000, cmp: 'tcf:300' },
    ]);
  });

  it('takes the stored answer of a CMP’s API that speaks after the reader guessed there was none', async () => {
    const w = worker();
    w.navigated(URL, 1000);
    await w.hit(1050);
    await w.report(URL, { origin: ORIGIN, signal: { time: 1500, state: 'no-banner' } });
    await w.report(URL, at(1600, 'refused', { stored: true }));
    expect(await w.stamps()).toEqual([{ state: 'refused', since: ORIGIN, cmp: 'tcf:300' }]);
  });

  it('waits a moment before a re-stamp, and reads only the events a change can alter', async () => {
    const w = worker(freshDb(), sessionArea(), [], 250);
    w.navigated(URL, 1000);
    await w.report(URL, at(1100, 'not-answered'));
    for (let i = 0; i < 20; i++) await w.hit(1200 + i * 100);
    await w.recorder.flush();
    const read = [] as number[];
    w.db.events.hook('reading', (e) => {
      read.push(e.time);
      return e;
    });
    const started = Date.now();
    // Shown no banner after a while (a second CMP state, not an answer): the events before it are not read.
    await w.report(URL, at(2900, 'unknown', { cmp: 'tcf:300' }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
    expect(read.length).toBeGreaterThan(0);
    expect(Math.min(...read)).toBeGreaterThanOrEqual(2900);
  });

  it('re-stamps after a restart the requests it stamped before it read the stored pages back, each by its own key', async () => {
    const db = freshDb();
    const area = sessionArea();
    const first = worker(db, area);
    first.navigated(URL, 1000);
    await first.report(URL, at(1100, 'refused', { stored: true }));
    await idle();
    // A new worker: the capture opens a load of its own at the page's next request (at 1400), which is stamped
    // before the stored pages are read back.
    const second = worker(db, area);
    second.capture.navigated(1, URL, false, 1400);
    await second.hit(1500);
    await second.consent.loaded;
    await second.recorder.flush();
    expect(await second.stamps()).toEqual([{ state: 'refused', since: 1100, cmp: 'tcf:300' }]);
  });

  it('tells when the pages’ states could not be kept, rather than losing them silently', async () => {
    const warned: string[] = [];
    const area = sessionArea();
    area.set = async () => {
      throw new Error('quota');
    };
    const consent = new ConsentPages({
      db: freshDb(),
      flush: async () => undefined,
      area,
      warn: (message) => warned.push(message),
      restampDelayMs: 0,
    });
    consent.navigationStarted(1, URL, 900);
    await idle();
    expect(warned).toEqual(['could not keep the pages’ consent states']);
  });

  it('stamps requests of no page load (a service worker’s) with nothing', async () => {
    const w = worker();
    await w.capture.observe(observed('https://www.google-analytics.com/collect', { tabId: -1, initiator: URL }));
    await w.recorder.flush();
    const [event] = await w.db.events.toArray();
    expect(event?.page).toBe('site:news.example');
    expect(event?.consentAt).toBeUndefined();
  });
});
