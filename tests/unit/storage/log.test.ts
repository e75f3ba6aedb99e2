import { describe, expect, it } from 'vitest';
import { writeEvents } from '../../../lib/storage/batch.ts';
import type { SharingEvent } from '../../../lib/storage/events.ts';
import {
  kindSpans,
  loadEvidence,
  loadLogPage,
  namesOf,
  parseScope,
  scopePath,
  storedCount,
} from '../../../lib/storage/log.ts';
import { pruneEvents } from '../../../lib/storage/retention.ts';
import { event, freshDb } from './helpers.ts';

const T0 = Date.UTC(2026, 10, 20, 12, 0, 0);
const MINUTE = 60_000;
const blocked = {
  outcome: 'error',
  error: 'net::ERR_BLOCKED_BY_CLIENT',
  delivery: 'not-received',
  deliveryReason: 'blocked-by-extension',
} as const;
const cid = { kind: 'identifier', source: 'url', name: 'cid', value: '555…777' } as const;
const dl = { kind: 'page-address', source: 'url', name: 'dl', value: 'https://news.example/a' } as const;

/** News: Google (received, then one blocked), Meta (blocked only), Bing (received); a shop: Google once. */
async function history() {
  const db = freshDb();
  const events: SharingEvent[] = [
    event({ time: T0, kinds: ['page-address', 'identifier'], findings: [dl, cid], path: '/g/collect' }),
    event({
      time: T0 + MINUTE,
      company: 'facebook',
      host: 'www.facebook.com',
      path: '/tr',
      kinds: ['event'],
      ...blocked,
      findings: [{ kind: 'event', source: 'url', name: 'ev', value: 'PageView' }],
    }),
    event({ time: T0 + 2 * MINUTE, company: 'bing', host: 'bat.bing.com', path: '/action/0', kinds: ['event'] }),
    event({ time: T0 + 3 * MINUTE, kinds: ['identifier'], findings: [{ ...cid, name: 'uid' }], ...blocked }),
    event({
      time: T0 + 4 * MINUTE,
      site: 'shop.example',
      page: '2:1',
      path: '/collect',
      kinds: ['page-address'],
      findings: [dl],
    }),
    event({
      time: T0 + 5 * MINUTE,
      host: 'stats.g.doubleclick.net',
      path: '/pixel.gif',
      delivery: 'uncertain',
      deliveryReason: 'cache',
    }),
  ];
  await writeEvents(db, events);
  return db;
}

const paths = (events: SharingEvent[]) => events.map((e) => `${e.host}${e.path}`);

describe('the request log', () => {
  it('lists a site’s requests to every company, newest first, and a company’s from every site', async () => {
    const db = await history();
    const site = await loadLogPage(db, { site: 'news.example' });
    expect(paths(site.events)).toEqual([
      'stats.g.doubleclick.net/pixel.gif',
      'www.google-analytics.com/collect',
      'bat.bing.com/action/0',
      'www.facebook.com/tr',
      'www.google-analytics.com/g/collect',
    ]);
    expect(site.next).toBeUndefined();
    const google = await loadLogPage(db, { company: 'google' });
    expect(google.events.map((e) => e.site)).toEqual(['news.example', 'shop.example', 'news.example', 'news.example']);
    expect(await storedCount(db, { site: 'news.example' })).toBe(5);
    expect(await storedCount(db, { company: 'google' })).toBe(4);
  });

  it('pages with a cursor: each page continues below the last, with no request twice or left out', async () => {
    const db = await history();
    const seen: string[] = [];
    let page = await loadLogPage(db, { site: 'news.example' }, {}, { limit: 2 });
    seen.push(...paths(page.events));
    expect(page.events).toHaveLength(2);
    while (page.next) {
      page = await loadLogPage(db, { site: 'news.example' }, {}, { limit: 2, after: page.next });
      seen.push(...paths(page.events));
    }
    expect(seen).toEqual(paths((await loadLogPage(db, { site: 'news.example' })).events));
    expect(new Set(seen).size).toBe(5);
  });

  it('keeps pages stable when newer requests arrive between them', async () => {
    const db = await history();
    const first = await loadLogPage(db, { company: 'google' }, {}, { limit: 2 });
    await writeEvents(db, [event({ time: T0 + 9 * MINUTE, path: '/new' })]);
    const second = await loadLogPage(
      db,
      { company: 'google' },
      {},
      { limit: 2, ...(first.next ? { after: first.next } : {}) },
    );
    expect([...paths(first.events), ...paths(second.events)]).not.toContain('www.google-analytics.com/new');
    expect(second.events).toHaveLength(2);
  });

  it.each([
    [{ delivery: 'received' as const }, ['www.google-analytics.com/g/collect', 'bat.bing.com/action/0']],
    [{ delivery: 'not-received' as const }, ['www.facebook.com/tr', 'www.google-analytics.com/collect']],
    [{ delivery: 'uncertain' as const }, ['stats.g.doubleclick.net/pixel.gif']],
    [{ kind: 'identifier' as const }, ['www.google-analytics.com/g/collect', 'www.google-analytics.com/collect']],
    [{ text: 'FACEBOOK.com/t' }, ['www.facebook.com/tr']],
    [{ text: 'bing', delivery: 'not-received' as const }, []],
  ])('filters by outcome, kind and host/path: %o', async (filter, expected) => {
    const db = await history();
    const page = await loadLogPage(db, { site: 'news.example' }, filter);
    expect(paths(page.events).sort()).toEqual([...expected].sort());
  });

  it('tells a request recorded before deliveries were from how it ended', async () => {
    const db = freshDb();
    await db.events.bulkAdd([
      event({ time: T0, path: '/old-ok' }),
      event({ time: T0 + 1, path: '/old-blocked', outcome: 'error', error: 'net::ERR_BLOCKED_BY_CLIENT' }),
    ]);
    const received = await loadLogPage(db, { company: 'google' }, { delivery: 'received' });
    expect(paths(received.events)).toEqual(['www.google-analytics.com/old-ok']);
    const not = await loadLogPage(db, { company: 'google' }, { delivery: 'not-received' });
    expect(paths(not.events)).toEqual(['www.google-analytics.com/old-blocked']);
  });

  it('reads one page of a site with 10,000 stored requests, not all of them', async () => {
    const db = freshDb();
    const companies = ['google', 'facebook', 'bing', 'criteo', 'adnxs'];
    await db.events.bulkAdd(
      Array.from({ length: 10_000 }, (_, i) =>
        event({ time: T0 + i * 1000, company: companies[i % companies.length] as string, path: `/${i}` }),
      ),
    );
    const first = await loadLogPage(db, { site: 'news.example' });
    expect(first.events).toHaveLength(50);
    expect(first.read).toBe(50);
    expect(paths(first.events).slice(0, 3)).toEqual([
      'www.google-analytics.com/9999',
      'www.google-analytics.com/9998',
      'www.google-analytics.com/9997',
    ]);
    // Deep in the history: the cursor jumps there; the page still reads only its own requests.
    const deep = await loadLogPage(db, { site: 'news.example' }, {}, { after: { before: 101 } });
    expect(deep.read).toBe(50);
    expect(deep.events[0]?.path).toBe('/99');
    expect(deep.events.at(-1)?.path).toBe('/50');
    // A filter that matches few stops after its bound and says where to go on.
    const rare = await loadLogPage(db, { site: 'news.example' }, { text: '/12' }, { maxRead: 500 });
    expect(rare.read).toBe(500);
    expect(paths(rare.events)).toEqual([]);
    expect(rare.next).toEqual({ before: 9501 });
  });
});

describe('the evidence of a report', () => {
  it('keeps received and attempted apart, with the parameters that carried each kind', async () => {
    const db = await history();
    const evidence = await loadEvidence(db, { company: 'google' });
    expect(evidence.received.map((f) => [f.site, f.requests])).toEqual([
      ['news.example', 1],
      ['shop.example', 1],
    ]);
    expect(evidence.attempted.map((f) => [f.site, f.requests])).toEqual([['news.example', 2]]);
    expect(evidence.totalRequests).toBe(4);
    expect(evidence.storedRequests).toBe(4);
    expect(namesOf(evidence.pairs, 'received', 'identifier')).toEqual([{ name: 'cid', source: 'url' }]);
    expect(namesOf(evidence.pairs, 'attempted', 'identifier')).toEqual([{ name: 'uid', source: 'url' }]);
    expect(namesOf(evidence.pairs, 'received', 'page-address')).toEqual([{ name: 'dl', source: 'url' }]);
    expect(evidence.days).toEqual([{ day: '2026-11-20', received: 2, attempted: 2 }]);
    // No value is carried into the report's data.
    expect(JSON.stringify(evidence.pairs)).not.toContain('555');
    expect(kindSpans(evidence.received).map((k) => [k.kind, k.count, k.first])).toEqual([
      ['page-address', 2, T0],
      ['identifier', 1, T0],
    ]);
  });

  it('says when the totals count more requests than are still stored', async () => {
    const db = await history();
    await pruneEvents(db, { maxAgeDays: 3650, maxEvents: 2 }, T0 + 10 * MINUTE);
    const evidence = await loadEvidence(db, { site: 'news.example' });
    expect(evidence.totalRequests).toBe(5);
    expect(evidence.storedRequests).toBeLessThan(5);
    expect(evidence.days).toBeUndefined();
    // The totals still hold Meta's attempt, whose request is gone.
    expect(evidence.attempted.map((f) => f.company).sort()).toEqual(['facebook', 'google']);
  });

  it('reads a bounded number of requests per pair', async () => {
    const db = freshDb();
    await writeEvents(
      db,
      Array.from({ length: 30 }, (_, i) => event({ time: T0 + i, findings: [{ ...cid, name: `p${i}` }] })),
    );
    const evidence = await loadEvidence(db, { site: 'news.example' }, { perPair: 10 });
    expect(evidence.readRequests).toBe(10);
    expect(evidence.pairs[0]?.complete).toBe(false);
    expect(evidence.days).toBeUndefined();
    expect(namesOf(evidence.pairs, 'received', 'identifier')[0]?.name).toBe('p29');
    // The per-pair limit, not the report's budget, cut this one short.
    expect(evidence.cutShort).toBe(false);
  });

  it('reads at most its budget for a company on many sites, newest first, and says it was cut short', async () => {
    const db = freshDb();
    // Google on 40 busy sites (30 requests each) and 10 quiet ones (one each): 1,210 stored requests.
    await writeEvents(db, [
      ...Array.from({ length: 40 * 30 }, (_, i) =>
        event({ site: `busy${i % 40}.example`, time: T0 + i, findings: [{ ...cid, name: `p${i}` }] }),
      ),
      ...Array.from({ length: 10 }, (_, i) => event({ site: `quiet${i}.example`, time: T0 - 1000 + i })),
    ]);
    const evidence = await loadEvidence(db, { company: 'google' }, { budget: 300 });
    expect(evidence.storedRequests).toBe(1210);
    expect(evidence.readRequests).toBeLessThanOrEqual(300);
    expect(evidence.readRequests).toBeGreaterThan(280);
    expect(evidence.cutShort).toBe(true);
    expect(evidence.days).toBeUndefined();
    // The quiet sites are read whole; what they leave of their share goes to the busy ones, which get as much each.
    const quiet = evidence.pairs.filter((p) => p.site.startsWith('quiet'));
    expect(quiet.every((p) => p.complete && p.read === 1)).toBe(true);
    const busy = evidence.pairs.filter((p) => p.site.startsWith('busy'));
    expect(busy.every((p) => !p.complete && p.read >= 7 && p.read <= 8)).toBe(true);
    // Newest first: busy0's newest request is the 1,161st written (i = 1160).
    const busy0 = evidence.pairs.find((p) => p.site === 'busy0.example');
    expect(busy0?.received.identifier?.[0]?.name).toBe('p1160');
    // Within its budget, a report reads every stored request and is not cut short.
    const whole = await loadEvidence(db, { company: 'google' }, { budget: 2000 });
    expect(whole.readRequests).toBe(1210);
    expect(whole.cutShort).toBe(false);
  });
});

describe('scopes', () => {
  it.each([
    ['site/news.example', { site: 'news.example' }],
    ['company/site:cdn.example', { company: 'site:cdn.example' }],
    ['company/', undefined],
    ['page/x', undefined],
  ])('parses %s', (text, scope) => {
    expect(parseScope(text)).toEqual(scope);
  });

  it('builds paths that parse back, whatever a site or company id holds', () => {
    for (const scope of [{ site: 'a/b#c' }, { company: 'pattern:<b>&"' }]) {
      expect(parseScope(decodeURIComponent(scopePath(scope)))).toEqual(scope);
    }
  });
});
