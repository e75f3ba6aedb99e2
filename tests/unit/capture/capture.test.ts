import { describe, expect, it } from 'vitest';
import { Capture, type TabInfo } from '../../../lib/capture/capture.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings.ts';
import type { DisclosedDb } from '../../../lib/storage/db.ts';
import { Recorder } from '../../../lib/storage/recorder.ts';
import { createTrackerMatcher } from '../../../lib/trackers/matcher.ts';
import { realTrackerList } from '../fixture-lists.ts';
import { observed } from '../requests.ts';
import { freshDb } from '../storage/helpers.ts';

const matcher = createTrackerMatcher([realTrackerList()]);

/** A capture over a fresh (or given) database, with tabs and settings the test controls, as the worker would wire it. */
function setup(
  db: DisclosedDb = freshDb(),
  tabs = new Map<number, TabInfo>(),
  clock = 1_000,
  // Chrome's default: the extension was not let into private windows, whose requests it then never sees.
  privateAccess: boolean | 'unknown' = false,
) {
  let settings: Settings = { ...DEFAULT_SETTINGS };
  const badge = new Map<number, number>();
  const recorder = new Recorder(db);
  let now = clock;
  const capture = new Capture({
    db,
    recorder,
    matcher: () => matcher,
    settings: () => settings,
    getTab: async (id) => tabs.get(id),
    onCompanyCount: (tabId, count) => badge.set(tabId, count),
    ...(privateAccess === 'unknown' ? {} : { privateAccess }),
    now: () => now++,
  });
  return {
    db,
    tabs,
    badge,
    recorder,
    capture,
    set: (patch: Partial<Settings>) => {
      settings = { ...settings, ...patch };
    },
    later: (ms: number) => {
      now += ms;
    },
  };
}

const request = observed;

const GA = 'https://www.google-analytics.com/collect';
const FB = 'https://connect.facebook.net/en_US/fbevents.js';

describe('Capture', () => {
  it("records sharing on the tab's page load and counts companies for the badge", async () => {
    const s = setup();
    s.tabs.set(1, { url: 'https://www.news.example/a', incognito: false });
    s.capture.navigated(1, 'https://www.news.example/a', false, 1000);
    await s.capture.observe(
      request(GA, { initiator: 'https://www.news.example', topLevelUrl: 'https://www.news.example' }),
    );
    await s.capture.observe(request(GA, { frameId: 3, initiator: 'https://ib.adnxs.com' }));
    await s.capture.observe(request(FB, { frameId: 3 }));
    await s.capture.observe(request('https://static.news.example/s.css'));
    await s.recorder.flush();
    const events = await s.db.events.toArray();
    expect(events.map((e) => [e.page, e.site, e.company])).toEqual([
      ['1:1000', 'news.example', 'google'],
      ['1:1000', 'news.example', 'google'],
      ['1:1000', 'news.example', 'facebook'],
    ]);
    expect(s.badge.get(1)).toBe(2);
  });

  it('claims only the site for a beacon sent after its tab moved to another site (Chrome names just its origin)', async () => {
    const s = setup();
    s.tabs.set(1, { url: 'https://other.example/', incognito: false });
    s.capture.navigated(1, 'https://other.example/', false, 1000);
    await s.capture.observe(
      request(GA, {
        initiator: 'https://www.news.example',
        topLevelUrl: 'https://www.news.example',
        topLevelIsOrigin: true,
        extras: { referer: 'https://www.news.example/' },
      }),
    );
    await s.recorder.flush();
    const [e] = await s.db.events.toArray();
    expect(e).toMatchObject({ site: 'news.example', kinds: ['site-address'] });
  });

  it('records nothing while paused', async () => {
    const s = setup();
    s.set({ paused: true });
    s.capture.navigated(1, 'https://www.news.example/', false);
    await s.capture.observe(request(GA));
    await s.recorder.flush();
    expect(await s.db.events.count()).toBe(0);
  });

  it('records nothing on an excluded site', async () => {
    const s = setup();
    s.set({ excludedSites: ['news.example'] });
    s.capture.navigated(1, 'https://www.news.example/', false, 1000);
    await s.capture.observe(request(GA, { topLevelUrl: 'https://www.news.example/' }));
    await s.capture.observe(request(GA, { topLevelUrl: 'https://shop.example/' }));
    await s.recorder.flush();
    expect((await s.db.events.toArray()).map((e) => e.site)).toEqual(['shop.example']);
  });

  it('records private windows only when the user opted in', async () => {
    const s = setup();
    s.tabs.set(2, { url: 'https://private.example/', incognito: true });
    await s.capture.observe(request(GA, { tabId: 2 }));
    await s.capture.observe(request(GA, { tabId: 9, incognito: true, topLevelUrl: 'https://p.example/' }));
    await s.recorder.flush();
    expect(await s.db.events.count()).toBe(0);
    expect(await s.db.pages.count()).toBe(0);

    s.set({ recordPrivate: true });
    await s.capture.observe(request(GA, { tabId: 9, incognito: true, topLevelUrl: 'https://p.example/' }));
    await s.recorder.flush();
    expect(await s.db.events.count()).toBe(1);
  });

  it("keeps the page load a page's first request opened when its navigation is handled after it (Firefox's order)", async () => {
    const s = setup();
    s.tabs.set(1, { url: 'https://www.news.example/a', incognito: false });
    // The tracker request arrives first: the capture opens the tab's load itself (at its clock, 1000 or later)…
    await s.capture.observe(request(GA));
    // …then the navigation, whose response started earlier (900): the same load, not a second, emptier one.
    s.capture.navigated(1, 'https://www.news.example/a', false, 900);
    await s.capture.observe(request(FB));
    await s.recorder.flush();
    const events = await s.db.events.toArray();
    expect(new Set(events.map((e) => e.page)).size).toBe(1);
    expect(s.badge.get(1)).toBe(2);
    // A later navigation on the same site is a new load, and the badge starts again.
    s.capture.navigated(1, 'https://www.news.example/b', false, 5_000);
    await s.capture.observe(request(GA));
    expect(s.badge.get(1)).toBe(1);
  });

  it("counts one set of companies when the navigation is handled while the page's first request is still looking up the tab", async () => {
    const s = setup();
    s.tabs.set(1, { url: 'https://www.news.example/a', incognito: false });
    // The order the Firefox lane logged: a first request starts the look-up of a tab the capture has no state for…
    const first = s.capture.observe(request(FB));
    const second = s.capture.observe(request('https://cdn.unlisted-widgets.example/widget.js'));
    // …then the navigation arrives before that look-up has finished…
    s.capture.navigated(1, 'https://www.news.example/a', false, 900);
    await Promise.all([first, second]);
    // …and the page's later requests follow it.
    await s.capture.observe(request(GA));
    await s.capture.observe(request('https://bat.bing.com/action/0'));
    await s.recorder.flush();
    const events = await s.db.events.toArray();
    expect(new Set(events.map((e) => e.page)).size).toBe(1);
    // Four companies reached the page: the badge says 4, not the 2 of either half.
    expect(s.badge.get(1)).toBe(4);
    expect(await s.capture.companyCount(1)).toBe(4);
  });

  it('after a worker restart, continues the stored page load of a tab still on that site', async () => {
    const first = setup();
    first.tabs.set(1, { url: 'https://www.news.example/a', incognito: false });
    first.capture.navigated(1, 'https://www.news.example/a', false, 1000);
    await first.capture.observe(request(GA));
    await first.recorder.flush();

    // A new worker: new Capture and Recorder, same database and browser tabs.
    const second = setup(first.db, first.tabs);
    await second.capture.observe(request(FB));
    await second.recorder.flush();
    const pages = (await second.db.events.toArray()).map((e) => e.page);
    expect(pages).toEqual(['1:1000', '1:1000']);
    await new Promise((r) => setTimeout(r, 10));
    expect(second.badge.get(1)).toBe(2);
  });

  it('after a restart, starts a new page load if the tab has moved to another site meanwhile', async () => {
    const first = setup();
    first.tabs.set(1, { url: 'https://www.news.example/a', incognito: false });
    first.capture.navigated(1, 'https://www.news.example/a', false, 1000);
    await first.capture.observe(request(GA));
    await first.recorder.flush();

    first.tabs.set(1, { url: 'https://shop.example/cart', incognito: false });
    const second = setup(first.db, first.tabs, 50_000);
    await second.capture.observe(request(FB));
    await second.recorder.flush();
    const last = await second.db.events.orderBy('id').last();
    expect(last?.site).toBe('shop.example');
    expect(last?.page).not.toBe('1:1000');
    expect(second.badge.get(1)).toBe(1);
  });

  it('does not put a request of the previous page on the new page (late beacon after navigation)', async () => {
    const s = setup();
    s.tabs.set(1, { url: 'https://shop.example/', incognito: false });
    s.capture.navigated(1, 'https://www.news.example/', false, 1000);
    s.capture.navigated(1, 'https://shop.example/', false, 2000);
    await s.capture.observe(
      request(GA, { initiator: 'https://www.news.example', topLevelUrl: 'https://www.news.example' }),
    );
    await s.recorder.flush();
    const [e] = await s.db.events.toArray();
    expect(e).toMatchObject({ site: 'news.example', page: 'site:news.example' });
    expect(s.badge.get(1)).toBe(0);
  });

  it('attributes requests without a tab to their initiator, or to the browser', async () => {
    const s = setup();
    await s.capture.observe(request(GA, { tabId: -1, frameId: -1, initiator: 'https://shop.example' }));
    await s.capture.observe(request(FB, { tabId: -1, frameId: -1 }));
    await s.recorder.flush();
    expect((await s.db.events.toArray()).map((e) => [e.site, e.page])).toEqual([
      ['shop.example', 'site:shop.example'],
      ['browser', 'browser'],
    ]);
  });

  it('decodes what each request carried, with its body and headers, and stores it display-safe', async () => {
    const s = setup();
    s.capture.navigated(1, 'https://www.news.example/world/a?id=7', false, 1000);
    await s.capture.observe(
      request(`${GA}?cid=1234567890.1700000000&dl=https%3A%2F%2Fwww.news.example%2Fworld%2Fa%3Fid%3D7&en=page_view`, {
        extras: {
          referer: 'https://www.news.example/world/a?id=7',
          cookieNames: ['_ga'],
          body: { formData: { em: ['jane@example.com'] } },
        },
      }),
    );
    await s.recorder.flush();
    const [e] = await s.db.events.toArray();
    expect(e?.kinds).toEqual(['full-address', 'identifier', 'cookie', 'email', 'event']);
    // The page's address is kept as origin, path and parameter names: never a query value.
    expect(e?.findings).toContainEqual({
      kind: 'full-address',
      source: 'url',
      name: 'dl',
      value: 'https://www.news.example/world/a?id',
      detail: 'id',
    });
    expect(JSON.stringify(e)).not.toContain('id=7');
    expect(e?.findings).toContainEqual({ kind: 'email', source: 'body', name: 'em', value: 'j…@example.com' });
    expect(e?.findings).toContainEqual({
      kind: 'identifier',
      source: 'url',
      name: 'cid',
      value: '12345678…00',
      detail: 'cid',
    });
    expect(JSON.stringify(e)).not.toContain('jane@example.com');
    // The identifier's full value is kept, for a deletion request to cite — in its own table, not on the event.
    expect(JSON.stringify(e)).not.toContain('1234567890.1700000000');
    expect(await s.db.identifiers.toArray()).toEqual([
      {
        company: 'google',
        name: 'cid',
        value: '1234567890.1700000000',
        firstSeen: 5000,
        lastSeen: 5000,
        requests: 1,
        sites: ['news.example'],
      },
    ]);
  });

  it('stores a login form sent to a third party as secrets, with no value anywhere in the database', async () => {
    const s = setup();
    s.capture.navigated(1, 'https://www.news.example/login', false, 1000);
    const password = 'Hunter2-correct-horse-battery';
    const session = '8f3c2a9b7d1e4f60a5b3c7d9e1f2a4b6';
    await s.capture.observe(
      request(`${GA}?password=${password}&session_id=${session}`, {
        method: 'POST',
        extras: { body: { formData: { username: ['jane.doe.1987'], password: [password] } } },
      }),
    );
    await s.capture.observe(request(`${GA}?access_token=at-${session}&cid=1234567890.1700000000`));
    await s.recorder.flush();
    const events = await s.db.events.toArray();
    expect(events.map((e) => e.kinds)).toEqual([['secret'], ['identifier', 'secret']]);
    expect(events[0]?.findings?.map((f) => [f.kind, f.name, f.value])).toEqual([
      ['secret', 'password', ''],
      ['secret', 'session_id', ''],
      ['secret', 'username', ''],
    ]);
    expect((await s.db.identifiers.toArray()).map((i) => [i.name, i.value])).toEqual([
      ['cid', '1234567890.1700000000'],
    ]);
    const everything = JSON.stringify(await Promise.all(s.db.tables.map((table) => table.toArray())));
    for (const secret of [password, session.slice(0, 8), 'jane.doe']) expect(everything).not.toContain(secret);
  });

  it('records failed or blocked requests with their outcome', async () => {
    const s = setup();
    s.capture.navigated(1, 'https://www.news.example/', false, 1000);
    await s.capture.observe(request(GA, { outcome: 'error', error: 'net::ERR_BLOCKED_BY_CLIENT' }));
    await s.recorder.flush();
    expect(await s.db.events.toArray()).toMatchObject([
      { outcome: 'error', error: 'net::ERR_BLOCKED_BY_CLIENT', delivery: 'not-received' },
    ]);
    // Blocked: the company received nothing, and the badge does not count it.
    expect(s.badge.get(1)).toBe(0);
    await s.capture.observe(request(GA));
    expect(s.badge.get(1)).toBe(1);
  });

  describe('when the extension may see private windows but is not to record them', () => {
    const privateSetup = () => setup(freshDb(), new Map(), 1_000, true);
    const sites = async (s: ReturnType<typeof setup>) => {
      await s.recorder.flush();
      return (await s.db.events.toArray()).map((e) => e.site);
    };

    it('drops a beacon that finishes after its private tab closed, and keeps one from an ordinary tab', async () => {
      const s = privateSetup();
      s.tabs.set(2, { url: 'https://private.example/', incognito: true });
      s.tabs.set(3, { url: 'https://public.example/', incognito: false });
      s.capture.navigated(2, 'https://private.example/', undefined, 1000);
      s.capture.navigated(3, 'https://public.example/', undefined, 1000);
      // Both tabs close; the browser forgets them, then their last beacons finish.
      s.capture.tabClosed(2);
      s.capture.tabClosed(3);
      s.tabs.clear();
      await s.capture.observe(request(GA, { tabId: 2, topLevelUrl: 'https://private.example/' }));
      await s.capture.observe(request(GA, { tabId: 3, topLevelUrl: 'https://public.example/' }));
      expect(await sites(s)).toEqual(['public.example']);
      expect((await s.db.pages.toArray()).map((p) => p.site)).toEqual(['public.example']);
    });

    it('remembers a closed tab only for a while: after ten minutes its request cannot be placed and is dropped', async () => {
      const s = privateSetup();
      s.tabs.set(3, { url: 'https://public.example/', incognito: false });
      s.capture.navigated(3, 'https://public.example/', undefined, 1000);
      s.capture.tabClosed(3);
      s.tabs.clear();
      s.later(10 * 60_000 + 1);
      await s.capture.observe(request(GA, { tabId: 3, topLevelUrl: 'https://public.example/' }));
      expect(await sites(s)).toEqual([]);
    });

    it('remembers the last 256 closed tabs, and forgets older ones', async () => {
      const s = privateSetup();
      for (let id = 1; id <= 300; id++) {
        s.tabs.set(id, { url: 'https://public.example/', incognito: false });
        s.capture.navigated(id, 'https://public.example/', undefined, 1000);
        await s.capture.observe(request(FB, { tabId: id, requestId: `early${id}` }));
        s.capture.tabClosed(id);
      }
      s.tabs.clear();
      await s.recorder.flush();
      await s.db.events.clear();
      // Tabs 45 to 300 are the last 256 closed; tab 44 is not.
      await s.capture.observe(request(GA, { tabId: 45, requestId: 'late', topLevelUrl: 'https://late.example/' }));
      await s.capture.observe(request(GA, { tabId: 44, topLevelUrl: 'https://lost.example/' }));
      expect(await sites(s)).toEqual(['late.example']);
    });

    it('drops a request of no tab unless the browser says it is not private', async () => {
      const s = privateSetup();
      await s.capture.observe(request(GA, { tabId: -1, frameId: -1, initiator: 'https://worker.example' }));
      await s.capture.observe(
        request(GA, { tabId: -1, frameId: -1, initiator: 'https://private.example', incognito: true }),
      );
      await s.capture.observe(
        request(GA, { tabId: -1, frameId: -1, initiator: 'https://shop.example', incognito: false }),
      );
      expect(await sites(s)).toEqual(['shop.example']);
    });

    it('drops requests of a tab the browser no longer knows, but records them once private windows are recorded', async () => {
      const s = privateSetup();
      await s.capture.observe(request(GA, { tabId: 7, topLevelUrl: 'https://unknown.example/' }));
      expect(await sites(s)).toEqual([]);
      s.set({ recordPrivate: true });
      await s.capture.observe(request(GA, { tabId: 7, topLevelUrl: 'https://unknown.example/' }));
      await s.capture.observe(request(GA, { tabId: -1, frameId: -1, initiator: 'https://worker.example' }));
      expect(await sites(s)).toEqual(['unknown.example', 'worker.example']);
    });

    it('knows a private tab on no web page (a new-tab page) is private', async () => {
      const s = privateSetup();
      s.tabs.set(4, { url: 'chrome://newtab/', incognito: true });
      s.tabs.set(5, { url: 'chrome://newtab/', incognito: false });
      await s.capture.observe(request(GA, { tabId: 4, topLevelUrl: 'https://a.example/' }));
      await s.capture.observe(request(GA, { tabId: 5, topLevelUrl: 'https://b.example/' }));
      expect(await sites(s)).toEqual(['b.example']);
    });

    it('assumes it may see private windows until the browser says whether it does', async () => {
      const s = setup(freshDb(), new Map(), 1_000, 'unknown');
      await s.capture.observe(request(GA, { tabId: -1, frameId: -1, initiator: 'https://worker.example' }));
      s.capture.privateAccessKnown(false);
      await s.capture.observe(request(GA, { tabId: -1, frameId: -1, initiator: 'https://shop.example' }));
      expect(await sites(s)).toEqual(['shop.example']);
    });
  });
});
