import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { readParts } from '../../../lib/storage/aggregates.ts';
import { openDb } from '../../../lib/storage/db.ts';
import { storesAt } from './old-schemas.ts';

describe('schema versions', () => {
  it('upgrades a version-1 database to the current version, keeps every event and total, and builds the summaries', async () => {
    const name = `disclosed-upgrade-${process.pid}`;
    // The database as version 1 of Disclosed left it: events and aggregates without data kinds.
    const old = new Dexie(name);
    old.version(1).stores(storesAt(1));
    await old
      .table('events')
      .add({ time: 1, page: 'p', tabId: 1, site: 'a.example', company: 'google', kind: 'tracker' });
    await old.table('siteCompanies').bulkAdd([
      {
        site: 'a.example',
        company: 'google',
        kind: 'tracker',
        category: 'advertising',
        requests: 1,
        failed: 0,
        firstSeen: 1,
        lastSeen: 1,
        hosts: [],
      },
      {
        site: 'b.example',
        company: 'google',
        kind: 'tracker',
        category: 'advertising',
        requests: 4,
        failed: 1,
        firstSeen: 2,
        lastSeen: 9,
        hosts: [],
      },
    ]);
    await old
      .table('dayCompanies')
      .add({ day: '2026-11-20', company: 'google', kind: 'tracker', requests: 5, sites: ['a.example', 'b.example'] });
    old.close();

    const db = openDb(name);
    const [event] = await db.events.toArray();
    expect(event).toMatchObject({ site: 'a.example', company: 'google', kinds: [], findings: [] });
    expect(await db.siteCompanies.get(['a.example', 'google'])).toMatchObject({ requests: 1, kinds: {} });
    // Version 7: the failed request is no longer counted as received; it is an attempt of its own.
    expect(await db.companies.get('google')).toMatchObject({
      sites: 2,
      requests: 4,
      failed: 0,
      firstSeen: 1,
      lastSeen: 9,
    });
    expect(await db.attempts.get(['b.example', 'google'])).toMatchObject({ requests: 1, kinds: {} });
    expect((await db.sites.toArray()).map((r) => [r.site, r.companies, r.requests])).toEqual([
      ['a.example', 1, 1],
      ['b.example', 1, 3],
    ]);
    // No stored event says on which day the failure was: the day keeps its count.
    expect(await db.days.get('2026-11-20')).toEqual({ day: '2026-11-20', companies: 1, requests: 5 });
    expect(await db.dayParts.toArray()).toEqual([
      { day: '2026-11-20', part: 0, pairs: 'a.example\tgoogle\nb.example\tgoogle', companyRequests: 'google\t5' },
    ]);
    expect(db.verno).toBeGreaterThanOrEqual(7);
    db.close();
  });

  it('rewrites a version-5 database’s day summaries (pairs in an array then) as day parts, with counts', async () => {
    const name = `disclosed-upgrade-5-${process.pid}`;
    const old = new Dexie(name);
    old.version(5).stores(storesAt(5));
    const flow = {
      kind: 'tracker',
      category: 'advertising',
      failed: 0,
      firstSeen: 1,
      lastSeen: 1,
      hosts: [],
      kinds: {},
    };
    await old.table('siteCompanies').bulkAdd([
      { ...flow, site: 'a.example', company: 'google', requests: 2 },
      { ...flow, site: 'a.example', company: 'meta', requests: 3 },
    ]);
    await old.table('dayCompanies').bulkAdd([
      { day: '2026-11-20', company: 'google', kind: 'tracker', requests: 2, sites: ['a.example'] },
      { day: '2026-11-20', company: 'meta', kind: 'tracker', requests: 3, sites: ['a.example'] },
    ]);
    await old.table('days').add({
      day: '2026-11-20',
      companies: 2,
      requests: 5,
      pairs: ['a.example\tgoogle', 'a.example\tmeta'],
    });
    old.close();

    const db = openDb(name);
    expect(await db.days.get('2026-11-20')).toEqual({ day: '2026-11-20', companies: 2, requests: 5 });
    const { pairs, requests } = readParts(await db.dayParts.toArray());
    expect([...pairs].sort()).toEqual(['a.example\tgoogle', 'a.example\tmeta']);
    expect([...requests].sort()).toEqual([
      ['google', 2],
      ['meta', 3],
    ]);
    expect(db.verno).toBeGreaterThanOrEqual(7);
    db.close();
  });

  it('moves a version-6 database’s failed requests out of the totals it counts as received', async () => {
    const name = `disclosed-upgrade-6-${process.pid}`;
    const old = new Dexie(name);
    old.version(6).stores(storesAt(6));
    const t = Date.UTC(2026, 10, 20, 12);
    const base = { page: 'p', tabId: 1, kind: 'tracker', category: 'advertising', host: 'h', path: '/', type: 'image' };
    await old.table('events').bulkAdd([
      { ...base, time: t, site: 'a.example', company: 'google', method: 'GET', outcome: 'completed' },
      { ...base, time: t, site: 'a.example', company: 'google', method: 'GET', outcome: 'error' },
      { ...base, time: t, site: 'a.example', company: 'meta', method: 'GET', outcome: 'error' },
      { ...base, time: t, site: 'b.example', company: 'meta', method: 'GET', outcome: 'completed' },
    ]);
    const flow = { kind: 'tracker', category: 'advertising', firstSeen: t, lastSeen: t, hosts: ['h'] };
    await old.table('siteCompanies').bulkAdd([
      {
        ...flow,
        site: 'a.example',
        company: 'google',
        requests: 2,
        failed: 1,
        kinds: { identifier: { first: t, last: t } },
      },
      { ...flow, site: 'a.example', company: 'meta', requests: 1, failed: 1, kinds: { event: { first: t, last: t } } },
      { ...flow, site: 'b.example', company: 'meta', requests: 1, failed: 0, kinds: {} },
    ]);
    await old.table('dayCompanies').bulkAdd([
      { day: '2026-11-20', company: 'google', kind: 'tracker', requests: 2, sites: ['a.example'] },
      { day: '2026-11-20', company: 'meta', kind: 'tracker', requests: 2, sites: ['a.example', 'b.example'] },
    ]);
    old.close();

    const db = openDb(name);
    expect(db.verno).toBeGreaterThanOrEqual(7);
    expect(await db.siteCompanies.get(['a.example', 'google'])).toMatchObject({ requests: 1, failed: 0 });
    // Meta's every request from a.example failed: that total is an attempt now, with what it carried.
    expect(await db.siteCompanies.get(['a.example', 'meta'])).toBeUndefined();
    expect(await db.attempts.get(['a.example', 'meta'])).toMatchObject({
      requests: 1,
      kinds: { event: { first: t, last: t } },
    });
    expect(await db.attempts.get(['a.example', 'google'])).toMatchObject({ requests: 1, kinds: {} });
    expect(await db.dayCompanies.get(['2026-11-20', 'meta'])).toMatchObject({ requests: 1, sites: ['b.example'] });
    expect(await db.dayCompanies.get(['2026-11-20', 'google'])).toMatchObject({ requests: 1 });
    expect(await db.companies.get('meta')).toMatchObject({ sites: 1, requests: 1 });
    expect(await db.days.get('2026-11-20')).toMatchObject({ companies: 2, requests: 2 });
    expect(await db.events.count()).toBe(4);
    db.close();
  });

  it('splits a version-7 database’s page addresses into the three levels, claiming no more than its events show', async () => {
    const name = `disclosed-upgrade-7-${process.pid}`;
    const old = new Dexie(name);
    old.version(7).stores(storesAt(7));
    const t = Date.UTC(2026, 10, 20, 12);
    const base = { page: 'p', tabId: 1, kind: 'tracker', category: 'analytics', host: 'h', path: '/', type: 'image' };
    const received = { method: 'GET', outcome: 'completed', delivery: 'received', deliveryReason: 'response' };
    const address = (name: string, value: string, detail: string) => ({
      kind: 'page-address',
      source: name === 'Referer' ? 'referer' : 'url',
      name,
      value,
      detail,
    });
    await old.table('events').bulkAdd([
      {
        ...base,
        ...received,
        time: t,
        site: 'news.example',
        company: 'google',
        kinds: ['page-address', 'identifier'],
        findings: [
          address('dl', 'https://news.example/world/floods?id=7&token=abc123', 'full'),
          address('Referer', 'https://news.example/', 'site-only'),
        ],
      },
      {
        ...base,
        ...received,
        time: t + 1000,
        site: 'shop.example',
        company: 'meta',
        kinds: ['page-address'],
        findings: [address('dl', 'https://shop.example/cart', 'full')],
      },
    ]);
    const flow = { kind: 'tracker', category: 'analytics', requests: 1, failed: 0, hosts: ['h'] };
    await old.table('siteCompanies').bulkAdd([
      // Its stored event covers all of its history.
      {
        ...flow,
        site: 'news.example',
        company: 'google',
        firstSeen: t,
        lastSeen: t,
        kinds: { 'page-address': { first: t, last: t }, identifier: { first: t, last: t } },
      },
      // A day older than its oldest stored event: that day, only the site is sure.
      {
        ...flow,
        site: 'shop.example',
        company: 'meta',
        firstSeen: t - 86_400_000,
        lastSeen: t + 1000,
        kinds: { 'page-address': { first: t - 86_400_000, last: t + 1000 } },
      },
      // No event left at all.
      {
        ...flow,
        site: 'old.example',
        company: 'meta',
        firstSeen: 5,
        lastSeen: 9,
        kinds: { 'page-address': { first: 5, last: 9 } },
      },
    ]);
    old.close();

    const db = openDb(name);
    expect(db.verno).toBeGreaterThanOrEqual(8);
    const events = await db.events.orderBy('time').toArray();
    expect(events[0]?.kinds).toEqual(['site-address', 'full-address', 'identifier']);
    expect(events[0]?.findings).toEqual([
      {
        kind: 'full-address',
        source: 'url',
        name: 'dl',
        value: 'https://news.example/world/floods?id&token',
        detail: 'id, token',
      },
      { kind: 'site-address', source: 'referer', name: 'Referer', value: 'https://news.example/' },
    ]);
    // No query value is kept once upgraded.
    expect(JSON.stringify(events)).not.toContain('abc123');
    expect(events[1]?.kinds).toEqual(['page-address']);

    expect((await db.siteCompanies.get(['news.example', 'google']))?.kinds).toEqual({
      'site-address': { first: t, last: t },
      'full-address': { first: t, last: t },
      identifier: { first: t, last: t },
    });
    expect((await db.siteCompanies.get(['shop.example', 'meta']))?.kinds).toEqual({
      'page-address': { first: t + 1000, last: t + 1000 },
      'site-address': { first: t - 86_400_000, last: t + 1000 },
    });
    expect((await db.siteCompanies.get(['old.example', 'meta']))?.kinds).toEqual({
      'site-address': { first: 5, last: 9 },
    });
    // The summaries follow the totals.
    expect(Object.keys((await db.companies.get('meta'))?.kinds ?? {}).sort()).toEqual(['page-address', 'site-address']);
    db.close();
  });

  it('upgrades a version-7 database to per-category counts and keeps its history', async () => {
    const name = `disclosed-upgrade-7c-${process.pid}`;
    const old = new Dexie(name);
    old.version(7).stores(storesAt(7));
    const t = Date.UTC(2026, 10, 20, 12);
    const base = { page: 'p', tabId: 1, kind: 'tracker', host: 'h', path: '/', type: 'image', method: 'GET' };
    await old.table('events').bulkAdd([
      { ...base, time: t, site: 'a.example', company: 'meta', category: 'advertising', outcome: 'completed' },
      { ...base, time: t, site: 'b.example', company: 'meta', category: 'site_analytics', outcome: 'completed' },
    ]);
    const flow = { kind: 'tracker', failed: 0, firstSeen: t, lastSeen: t, hosts: ['h'], kinds: {} };
    // Each total kept the first category it saw.
    await old.table('siteCompanies').bulkAdd([
      { ...flow, site: 'a.example', company: 'meta', category: 'advertising', requests: 2 },
      { ...flow, site: 'b.example', company: 'meta', category: 'site_analytics', requests: 5 },
    ]);
    await old.table('attempts').add({
      site: 'c.example',
      company: 'meta',
      kind: 'tracker',
      category: 'advertising',
      requests: 3,
      firstSeen: t,
      lastSeen: t,
      hosts: ['h'],
      kinds: {},
    });
    await old.table('dayCompanies').add({
      day: '2026-11-20',
      company: 'meta',
      kind: 'tracker',
      requests: 7,
      sites: ['a.example', 'b.example'],
    });
    await old.table('companies').add({
      company: 'meta',
      kind: 'tracker',
      categories: ['advertising', 'site_analytics'],
      sites: 2,
      requests: 7,
      failed: 0,
      firstSeen: t,
      lastSeen: t,
      kinds: {},
    });
    await old.table('letters').add({ reference: 'R-1', company: 'meta', status: 'sent', createdAt: t });
    old.close();

    const db = openDb(name);
    expect(db.verno).toBeGreaterThanOrEqual(9);
    expect(await db.siteCompanies.get(['a.example', 'meta'])).toMatchObject({
      category: 'advertising',
      categories: { advertising: 2 },
      requests: 2,
    });
    expect(await db.siteCompanies.get(['b.example', 'meta'])).toMatchObject({ categories: { site_analytics: 5 } });
    expect(await db.attempts.get(['c.example', 'meta'])).toMatchObject({ categories: { advertising: 3 }, requests: 3 });
    // The summary is rebuilt with counts: the category with the most requests is the main one now.
    expect(await db.companies.get('meta')).toMatchObject({
      categories: [
        { category: 'site_analytics', requests: 5 },
        { category: 'advertising', requests: 2 },
      ],
      sites: 2,
      requests: 7,
    });
    expect(await db.events.count()).toBe(2);
    expect(await db.dayCompanies.get(['2026-11-20', 'meta'])).toMatchObject({ requests: 7 });
    expect(await db.days.get('2026-11-20')).toMatchObject({ companies: 1, requests: 7 });
    expect(await db.letters.get('R-1')).toMatchObject({ status: 'sent' });
    db.close();
  });

  it('forgets a version-8 database’s values under credential names: identifier rows and findings', async () => {
    const name = `disclosed-upgrade-8-${process.pid}`;
    const old = new Dexie(name);
    old.version(8).stores(storesAt(8));
    const row = (name: string, value: string) => ({
      company: 'acme',
      name,
      value,
      firstSeen: 1,
      lastSeen: 1,
      requests: 1,
      sites: ['shop.example'],
    });
    await old
      .table('identifiers')
      .bulkAdd([
        row('password', 'Hunter2-correct-horse'),
        row('access_token', 'at-8f3c2a9b7d1e4f60'),
        row('cid', '1234567890.1700000000'),
      ]);
    const finding = (name: string, value: string) => ({ kind: 'identifier', source: 'url', name, value });
    await old.table('events').add({
      time: 1,
      page: 'p',
      tabId: 1,
      site: 'shop.example',
      company: 'acme',
      kind: 'tracker',
      kinds: ['identifier'],
      findings: [finding('password', 'Hunter2-…se'), finding('cid', '12345678…00')],
    });
    old.close();

    const db = openDb(name);
    expect((await db.identifiers.toArray()).map((i) => i.name)).toEqual(['cid']);
    const [event] = await db.events.toArray();
    expect(event?.findings?.map((f) => [f.name, f.value])).toEqual([
      ['password', ''],
      ['cid', '12345678…00'],
    ]);
    db.close();
  });

  it('moves a version-11 database’s day texts into parts, keeps every total, and bounds what a batch rewrites', async () => {
    const name = `disclosed-upgrade-11-${process.pid}`;
    const old = new Dexie(name);
    old.version(11).stores(storesAt(11));
    const flow = {
      kind: 'tracker',
      category: 'advertising',
      failed: 0,
      firstSeen: 1,
      lastSeen: 1,
      hosts: ['h.example'],
    };
    const sites = Array.from({ length: 3000 }, (_, i) => `site${i}.example`);
    await old
      .table('siteCompanies')
      .bulkAdd(
        sites.map((site) => ({ ...flow, site, company: 'google', requests: 2, categories: { advertising: 2 } })),
      );
    await old
      .table('dayCompanies')
      .add({ day: '2026-11-20', company: 'google', kind: 'tracker', requests: 6000, sites: sites.slice(0, 1000) });
    await old.table('days').add({
      day: '2026-11-20',
      companies: 1,
      requests: 6000,
      pairs: sites.map((site) => `${site}\tgoogle`).join('\n'),
      companyRequests: 'google\t6000',
    });
    await old.table('letters').add({ reference: 'R1', company: 'google', status: 'sent', createdAt: 1 });
    old.close();

    const db = openDb(name);
    expect(await db.siteCompanies.count()).toBe(3000);
    expect(await db.companies.get('google')).toMatchObject({ sites: 3000, requests: 6000 });
    expect(await db.letters.get('R1')).toMatchObject({ status: 'sent' });
    // The day keeps its counts, without the texts; its pairs (those its total lists) are in parts of bounded size.
    expect(await db.days.get('2026-11-20')).toEqual({ day: '2026-11-20', companies: 1, requests: 6000 });
    const parts = await db.dayParts.toArray();
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.pairs.length + p.companyRequests.length).toBeLessThan(17_000);
    const { pairs, requests } = readParts(parts);
    expect(pairs.size).toBe(1000);
    expect(requests.get('google')).toBe(6000);
    db.close();
  });
});
