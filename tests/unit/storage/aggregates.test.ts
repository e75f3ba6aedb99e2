import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DataKind } from '../../../lib/disclose/kinds.ts';
import {
  type Combine,
  copyFlow,
  countEvent,
  countIdentifier,
  type DayPart,
  dayRowOf,
  emptyTotals,
  flowOf,
  mergeDayFlow,
  mergeFlow,
  pairKey,
  rankCategories,
  rankedCategoriesOf,
  readParts,
  type SiteCompanyAggregate,
  summarize,
  takeParts,
  withoutSite,
} from '../../../lib/storage/aggregates.ts';
import { event } from './helpers.ts';

const flow = (extra: Partial<SiteCompanyAggregate> = {}): SiteCompanyAggregate => ({
  site: 'news.example',
  company: 'google',
  kind: 'tracker',
  category: 'advertising',
  categories: { advertising: 4 },
  requests: 4,
  failed: 1,
  firstSeen: 100,
  lastSeen: 200,
  hosts: ['a.google.com'],
  kinds: { identifier: { first: 100, last: 150 } },
  ...extra,
});

describe('merging two totals of one (site, company)', () => {
  it.each<[string, Partial<SiteCompanyAggregate>, Combine, Partial<SiteCompanyAggregate>]>([
    [
      'sum: counts of different events add up',
      { requests: 3, failed: 2 },
      'sum',
      { requests: 7, failed: 3, firstSeen: 100, lastSeen: 200 },
    ],
    [
      'max: counts of possibly the same events never double',
      { requests: 3, failed: 2 },
      'max',
      { requests: 4, failed: 2, firstSeen: 100, lastSeen: 200 },
    ],
    ['the span widens on both sides', { firstSeen: 50, lastSeen: 300 }, 'max', { firstSeen: 50, lastSeen: 300 }],
    ['a narrower span changes nothing', { firstSeen: 120, lastSeen: 180 }, 'sum', { firstSeen: 100, lastSeen: 200 }],
    [
      'hosts are a union, in the order first seen',
      { hosts: ['b.google.com', 'a.google.com'] },
      'sum',
      { hosts: ['a.google.com', 'b.google.com'] },
    ],
    [
      'kinds: a known kind widens, a new kind arrives with its own span',
      { kinds: { identifier: { first: 90, last: 120 }, email: { first: 130, last: 130 } } },
      'sum',
      { kinds: { identifier: { first: 90, last: 150 }, email: { first: 130, last: 130 } } },
    ],
    [
      'the kind first recorded stays; requests per category add up, and the main category follows them',
      { kind: 'unlisted', category: 'site_analytics', categories: { site_analytics: 5 }, requests: 5 },
      'sum',
      { kind: 'tracker', category: 'site_analytics', categories: { advertising: 4, site_analytics: 5 }, requests: 9 },
    ],
    [
      'max: each category keeps the larger count (an export of this history with one request more)',
      { category: 'advertising', categories: { advertising: 4, site_analytics: 1 }, requests: 5 },
      'max',
      { category: 'advertising', categories: { advertising: 4, site_analytics: 1 }, requests: 5 },
    ],
    [
      'a total from before version 9 (one category, no counts) counts all its requests under that category',
      { category: 'site_analytics', categories: undefined, requests: 6 },
      'sum',
      { category: 'site_analytics', categories: { advertising: 4, site_analytics: 6 }, requests: 10 },
    ],
  ])('%s', (_, add, how, expected) => {
    const into = flow();
    const incoming = flow(add);
    const before = structuredClone(incoming);
    mergeFlow(into, incoming, how);
    expect(into).toMatchObject(expected);
    expect(incoming).toEqual(before);
  });

  it('max is idempotent: merging a total into a copy of itself changes nothing', () => {
    const into = copyFlow(flow());
    mergeFlow(into, flow(), 'max');
    expect(into).toEqual(flow());
  });

  it('a copy shares nothing a merge changes', () => {
    const original = flow();
    const copy = copyFlow(original);
    mergeFlow(copy, flow({ hosts: ['c.google.com'], kinds: { identifier: { first: 1, last: 999 } } }), 'sum');
    expect(original).toEqual(flow());
  });
});

describe('the order of a company’s categories', () => {
  it.each<[string, Record<string, number>, string[]]>([
    [
      'the most requests first',
      { advertising: 1, site_analytics: 3, social_media: 2 },
      ['site_analytics', 'social_media', 'advertising'],
    ],
    [
      'equal counts in the order of their ids',
      { social_media: 2, advertising: 2, site_analytics: 5 },
      ['site_analytics', 'advertising', 'social_media'],
    ],
    ['a category with no request is none of its categories', { advertising: 0, site_analytics: 1 }, ['site_analytics']],
    ['none observed, none named', {}, []],
  ])('%s', (_, counts, order) => {
    expect(rankCategories(counts).map((c) => c.category)).toEqual(order);
    // Whatever order the counts were kept in.
    expect(rankCategories(Object.fromEntries(Object.entries(counts).reverse())).map((c) => c.category)).toEqual(order);
  });

  it('a company’s summary lists its categories main first, with their requests, however its totals are counted', () => {
    const events = [
      event({ category: 'advertising', host: 'stats.g.doubleclick.net' }),
      event({ site: 'shop.example' }),
      event({ site: 'shop.example' }),
      event({ category: 'advertising', site: 'clinic.example', host: 'stats.g.doubleclick.net' }),
      event(),
    ];
    const t = emptyTotals();
    for (const e of events) countEvent(t, e);
    const expected = [
      { category: 'site_analytics', requests: 3 },
      { category: 'advertising', requests: 2 },
    ];
    expect(t.companies.get('google')?.categories).toEqual(expected);
    // Rebuilt from the totals: the same.
    expect(summarize(t.flows.values(), []).companies[0]?.categories).toEqual(expected);
    // Each (site, company) total keeps its requests per category, its main one the most requested.
    expect(t.flows.get(pairKey('news.example', 'google'))).toMatchObject({
      category: 'advertising',
      categories: { advertising: 1, site_analytics: 1 },
      requests: 2,
    });
    expect(rankedCategoriesOf(t.flows.values())).toEqual(['site_analytics', 'advertising']);
  });
});

describe('merging two totals of one (day, company)', () => {
  it.each<[Combine, number, string[], number, string[]]>([
    ['sum', 2, ['b.example', 'a.example'], 5, ['b.example']],
    ['max', 2, ['b.example'], 3, ['b.example']],
    ['max', 9, ['a.example'], 9, []],
  ])('%s of 3 and %i requests, sites %j → %i requests, new sites %j', (how, requests, sites, total, added) => {
    const into = { day: '2026-11-20', company: 'google', kind: 'tracker' as const, requests: 3, sites: ['a.example'] };
    const newSites = mergeDayFlow(into, { ...into, requests, sites }, how);
    expect(into.requests).toBe(total);
    expect(newSites).toEqual(added);
    expect(into.sites).toEqual(['a.example', ...added]);
  });
});

describe('forgetting a site in a (day, company) total', () => {
  it.each<[string[], number, number, string[], boolean]>([
    [['a.example', 'b.example'], 2, 3, ['b.example'], true],
    [['a.example'], 2, 3, [], false],
    // Requests retention already deleted were counted too: never below zero.
    [['a.example', 'b.example'], 9, 0, ['b.example'], true],
  ])(
    'sites %j, forgetting a.example with %i stored requests → %i requests, sites %j, kept: %s',
    (sites, requests, left, rest, kept) => {
      const d = { day: '2026-11-20', company: 'google', kind: 'tracker' as const, requests: 5, sites };
      expect(withoutSite(d, 'a.example', requests)).toBe(kept);
      expect(d).toMatchObject({ requests: left, sites: rest });
    },
  );
});

describe('counting events', () => {
  it('one event is a total of one request, failed or not, with its kinds at its time', () => {
    expect(flowOf(event({ time: 5, outcome: 'error', kinds: ['email', 'cookie'] }))).toEqual({
      site: 'news.example',
      company: 'google',
      kind: 'tracker',
      category: 'site_analytics',
      categories: { site_analytics: 1 },
      requests: 1,
      failed: 1,
      firstSeen: 5,
      lastSeen: 5,
      hosts: ['www.google-analytics.com'],
      kinds: { email: { first: 5, last: 5 }, cookie: { first: 5, last: 5 } },
    });
  });

  it.each<[string, Parameters<typeof event>[0][], { company: number; site: number; dayCompanies: number }]>([
    ['one event', [{}], { company: 1, site: 1, dayCompanies: 1 }],
    ['the same pair twice: one site, one company', [{}, {}], { company: 1, site: 1, dayCompanies: 1 }],
    ['the company on a second site', [{}, { site: 'shop.example' }], { company: 2, site: 1, dayCompanies: 1 }],
    ['a second company on the site', [{}, { company: 'meta' }], { company: 1, site: 2, dayCompanies: 2 }],
  ])('%s', (_, events, expected) => {
    const t = emptyTotals();
    for (const e of events) countEvent(t, event(e));
    expect(t.companies.get('google')?.sites).toBe(expected.company);
    expect(t.sites.get('news.example')?.companies).toBe(expected.site);
    const [day] = t.days.values();
    expect(day?.companies).toBe(expected.dayCompanies);
    expect(day?.requests).toBe(events.length);
  });

  it('an identifier row counts requests and at most twenty sites', () => {
    let row: ReturnType<typeof countIdentifier> | undefined;
    for (let i = 0; i < 25; i++)
      row = countIdentifier(row, event({ site: `s${i}.example`, time: 100 - i }), 'cid', 'x');
    expect(row).toMatchObject({ requests: 25, firstSeen: 76, lastSeen: 100, name: 'cid', value: 'x' });
    expect(row?.sites).toHaveLength(20);
  });

  it('event by event, the summaries equal those made from the totals (any events, any order)', () => {
    const kinds: DataKind[] = ['identifier', 'page-address', 'cookie', 'email'];
    const anEvent = fc.record({
      time: fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 0, 20) }),
      site: fc.constantFrom('a.example', 'b.example', 'c.example'),
      company: fc.constantFrom('google', 'meta', 'site:x.example'),
      category: fc.constantFrom('advertising', 'site_analytics'),
      outcome: fc.constantFrom('completed' as const, 'error' as const),
      kinds: fc.subarray(kinds),
      host: fc.constantFrom('h1.example', 'h2.example'),
    });
    fc.assert(
      fc.property(fc.array(anEvent, { maxLength: 60 }), (events) => {
        const t = emptyTotals();
        for (const e of events) countEvent(t, event(e));
        const rebuilt = summarize(t.flows.values(), t.dayFlows.values());
        const sorted = <T>(rows: T[], key: (r: T) => string) => [...rows].sort((a, b) => key(a).localeCompare(key(b)));
        expect(sorted([...t.companies.values()], (c) => c.company)).toEqual(
          sorted(rebuilt.companies, (c) => c.company),
        );
        expect(sorted([...t.sites.values()], (s) => s.site)).toEqual(sorted(rebuilt.sites, (s) => s.site));
        const days = (rows: ReturnType<typeof dayRowOf>[]) => sorted(rows, (d) => d.day);
        expect(days([...t.days.values()].map(dayRowOf))).toEqual(days(rebuilt.days));
        // The same pairs and requests per company, whichever parts they were written in.
        const read = (parts: DayPart[]) => {
          const { pairs, requests } = readParts(parts);
          return { pairs: [...pairs].sort(), requests: [...requests].sort() };
        };
        expect(read([...t.days.values()].flatMap(takeParts))).toEqual(read(rebuilt.dayParts));
        // A failed request is an attempt, apart: the summaries count what was received.
        const failed = events.filter((e) => e.outcome === 'error').length;
        expect([...t.companies.values()].reduce((n, c) => n + c.requests, 0)).toBe(events.length - failed);
        expect([...t.attempts.values()].reduce((n, a) => n + a.requests, 0)).toBe(failed);
      }),
      { numRuns: 200 },
    );
  });
});
