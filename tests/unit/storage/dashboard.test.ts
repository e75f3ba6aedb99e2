import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localDay } from '../../../lib/day.ts';
import { loadGraph } from '../../../lib/graph/load-graph.ts';
import {
  everyDay,
  loadAttemptedCompanies,
  loadCompanies,
  loadCompanyAttempts,
  loadCompanySites,
  loadOverview,
  loadSiteAttempts,
  loadSiteCompanies,
  loadSites,
  windowStart,
} from '../../../lib/storage/dashboard.ts';
import { Recorder } from '../../../lib/storage/recorder.ts';
import { event, freshDb } from './helpers.ts';

const DAY = 24 * 60 * 60 * 1000;
const now = new Date(2026, 10, 23, 15).getTime();

async function history() {
  const db = freshDb();
  const recorder = new Recorder(db);
  // Today: Google on two sites, Meta on one. Ten days ago: Google on a third site, Hotjar.
  recorder.add(event({ time: now - 1000, site: 'news.example', kinds: ['identifier'] }));
  recorder.add(event({ time: now - 2000, site: 'shop.example', kinds: ['page-address'] }));
  recorder.add(
    event({ time: now - 3000, site: 'shop.example', company: 'facebook', category: 'advertising', kinds: ['event'] }),
  );
  recorder.add(event({ time: now - 10 * DAY, site: 'clinic.example' }));
  recorder.add(
    event({ time: now - 10 * DAY, site: 'clinic.example', company: 'hotjar', kinds: ['session-recording'] }),
  );
  await recorder.flush();
  return db;
}

describe('dashboard queries', () => {
  it('lists every day of a span, across a month end', () => {
    expect(everyDay('2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect(everyDay('2026-11-23', '2026-11-23')).toEqual(['2026-11-23']);
  });

  it('draws the graph of the connections active in the window, coloured by each company’s main category', async () => {
    const db = await history();
    const ids = async (window: 'today' | 'all') => (await loadGraph(db, window, now)).nodes.map((n) => n.id).sort();
    expect(await ids('today')).toEqual(['c:facebook', 'c:google', 's:news.example', 's:shop.example']);
    expect(await ids('all')).toEqual([
      'c:facebook',
      'c:google',
      'c:hotjar',
      's:clinic.example',
      's:news.example',
      's:shop.example',
    ]);
    const all = await loadGraph(db, 'all', now);
    expect(all.edges).toHaveLength(5);
    expect(all.nodes.find((n) => n.id === 'c:facebook')?.category).toBe('advertising');
  });

  it('windows start on the right local day', () => {
    expect(windowStart('today', now)).toBe('2026-11-23');
    expect(windowStart('7d', now)).toBe('2026-11-17');
    expect(windowStart('all', now)).toBe('');
  });

  it('overview counts sites, companies and requests in the window', async () => {
    const db = await history();
    const today = await loadOverview(db, 'today', now);
    expect(today).toMatchObject({ sites: 2, companies: 2, requests: 3 });
    expect(today.topCompanies.map((c) => [c.company, c.sites])).toEqual([
      ['google', 2],
      ['facebook', 1],
    ]);
    expect(today.categories).toEqual([
      { category: 'site_analytics', companies: 1, requests: 2 },
      { category: 'advertising', companies: 1, requests: 1 },
    ]);
    const all = await loadOverview(db, 'all', now);
    expect(all).toMatchObject({ sites: 3, companies: 3, requests: 5 });
    expect(all.topCompanies[0]).toMatchObject({ company: 'google', sites: 3 });
    // Every day from the first recorded one to today, the empty ones as zeros.
    expect(all.timeline).toHaveLength(11);
    expect(all.timeline[0]).toEqual({ day: '2026-11-13', requests: 2, companies: 2 });
    expect(all.timeline[1]).toEqual({ day: '2026-11-14', requests: 0, companies: 0 });
    expect(all.timeline.at(-1)).toEqual({ day: '2026-11-23', requests: 3, companies: 2 });
    expect((await loadOverview(db, '7d', now)).timeline.map((d) => d.day)).toEqual([
      '2026-11-17',
      '2026-11-18',
      '2026-11-19',
      '2026-11-20',
      '2026-11-21',
      '2026-11-22',
      '2026-11-23',
    ]);
  });

  it('a window’s overview, read from the days’ summaries, equals a count straight from the events', async () => {
    const history = fc.array(
      fc.record({
        daysAgo: fc.integer({ min: 0, max: 12 }),
        site: fc.constantFrom('a.example', 'b.example', 'c.example', 'd.example'),
        company: fc.constantFrom('google', 'facebook', 'hotjar', 'site:widgets.example'),
      }),
      { minLength: 1, maxLength: 60 },
    );
    await fc.assert(
      fc.asyncProperty(history, fc.constantFrom('today', '7d', '30d'), async (rows, window) => {
        const db = freshDb();
        const recorder = new Recorder(db, { maxBatch: 7 });
        const events = rows.map((r, i) =>
          event({
            time: now - r.daysAgo * DAY - i,
            site: r.site,
            company: r.company,
            kind: r.company.startsWith('site:') ? 'unlisted' : 'tracker',
          }),
        );
        for (const e of events) recorder.add(e);
        await recorder.flush();
        const from = windowStart(window, now);
        const inWindow = events.filter((e) => localDay(e.time) >= from);
        const overview = await loadOverview(db, window, now);
        const companies = [...new Set(inWindow.map((e) => e.company))];
        expect(overview).toMatchObject({
          sites: new Set(inWindow.map((e) => e.site)).size,
          companies: companies.length,
          requests: inWindow.length,
        });
        const expected = companies.map((company) => {
          const mine = inWindow.filter((e) => e.company === company);
          return {
            company,
            kind: company.startsWith('site:') ? 'unlisted' : 'tracker',
            sites: new Set(mine.map((e) => e.site)).size,
            requests: mine.length,
          };
        });
        const order = (a: (typeof expected)[number], b: (typeof expected)[number]) =>
          b.sites - a.sites || b.requests - a.requests || a.company.localeCompare(b.company);
        expect(overview.topCompanies).toEqual(expected.sort(order).slice(0, 10));
        db.close();
      }),
      { numRuns: 40 },
    );
  });

  it('lists companies and sites with what they received, and the sites of one company', async () => {
    const db = await history();
    const companies = await loadCompanies(db);
    expect(companies[0]).toMatchObject({
      company: 'google',
      sites: 3,
      requests: 3,
      kinds: ['page-address', 'identifier'],
    });
    expect((await loadSites(db)).map((s) => [s.site, s.companies])).toEqual([
      ['clinic.example', 2],
      ['shop.example', 2],
      ['news.example', 1],
    ]);
    expect((await loadCompanySites(db, 'google')).map((f) => f.site)).toEqual([
      'news.example',
      'shop.example',
      'clinic.example',
    ]);
    expect((await loadSiteCompanies(db, 'clinic.example')).map((f) => f.company).sort()).toEqual(['google', 'hotjar']);
  });

  it('keeps attempts apart: a company only attempted is listed apart, with what it would have received', async () => {
    const db = freshDb();
    const recorder = new Recorder(db);
    const blocked = {
      outcome: 'error' as const,
      error: 'net::ERR_BLOCKED_BY_CLIENT',
      delivery: 'not-received' as const,
      deliveryReason: 'blocked-by-extension' as const,
    };
    // Google reached from news.example; one of its requests there was blocked. Meta was blocked on two sites.
    recorder.add(event({ time: now - 3000, site: 'news.example', kinds: ['page-address'], delivery: 'received' }));
    recorder.add(event({ time: now - 2000, site: 'news.example', kinds: ['identifier'], ...blocked }));
    for (const [time, site] of [
      [now - 1000, 'news.example'],
      [now - 500, 'shop.example'],
      [now - 400, 'shop.example'],
    ] as const) {
      recorder.add(
        event({
          time,
          site,
          company: 'facebook',
          category: 'advertising',
          host: 'www.facebook.com',
          kinds: ['event', 'identifier'],
          ...blocked,
        }),
      );
    }
    // Answered from the cache: not known to have arrived either.
    recorder.add(
      event({
        time: now - 100,
        site: 'shop.example',
        company: 'hotjar',
        delivery: 'uncertain',
        deliveryReason: 'cache',
      }),
    );
    await recorder.flush();

    // Received: Google only, with what it did receive.
    expect(await loadCompanies(db)).toMatchObject([{ company: 'google', requests: 1, kinds: ['page-address'] }]);
    expect((await loadOverview(db, 'all', now)).companies).toBe(1);
    expect(await loadCompanySites(db, 'facebook')).toEqual([]);
    expect((await loadSiteCompanies(db, 'shop.example')).length).toBe(0);
    // Only attempted: Meta and Hotjar, with what they would have received; not Google, which received.
    expect(await loadAttemptedCompanies(db)).toEqual([
      {
        company: 'facebook',
        kind: 'tracker',
        categories: ['advertising'],
        sites: 2,
        requests: 3,
        lastSeen: now - 400,
        kinds: ['identifier', 'event'],
      },
      {
        company: 'hotjar',
        kind: 'tracker',
        categories: ['site_analytics'],
        sites: 1,
        requests: 1,
        lastSeen: now - 100,
        kinds: [],
      },
    ]);
    // A company's page: its attempts per site, newest first; Google's blocked identifier is an attempt too.
    expect((await loadCompanyAttempts(db, 'facebook')).map((a) => [a.site, a.requests])).toEqual([
      ['shop.example', 2],
      ['news.example', 1],
    ]);
    expect(await loadCompanyAttempts(db, 'google')).toMatchObject([
      { site: 'news.example', requests: 1, kinds: { identifier: {} } },
    ]);
    // A site's page: the companies its requests did not reach, most requests first.
    expect((await loadSiteAttempts(db, 'shop.example')).map((a) => [a.company, a.requests])).toEqual([
      ['facebook', 2],
      ['hotjar', 1],
    ]);
  });
});
