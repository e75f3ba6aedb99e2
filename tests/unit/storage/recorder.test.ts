import { describe, expect, it, vi } from 'vitest';
import { localDay } from '../../../lib/day.ts';
import { createAggregateCache, writeEvents } from '../../../lib/storage/batch.ts';
import { loadPageSummary } from '../../../lib/storage/queries.ts';
import { Recorder } from '../../../lib/storage/recorder.ts';
import { event, freshDb } from './helpers.ts';

describe('writeEvents', () => {
  it('stores events and updates both aggregates to match them', async () => {
    const db = freshDb();
    const t = Date.UTC(2026, 10, 20, 12);
    await writeEvents(db, [
      event({ time: t }),
      event({ time: t + 1000, host: 'stats.g.doubleclick.net', outcome: 'error' }),
      event({ time: t + 2000, site: 'shop.example', page: '2:5' }),
      event({ time: t + 3000, company: 'facebook', host: 'connect.facebook.net' }),
    ]);
    expect(await db.events.count()).toBe(4);
    // The failed request is no delivery: it is an attempt, counted apart from what the company received.
    const google = await db.siteCompanies.get(['news.example', 'google']);
    expect(google).toMatchObject({
      requests: 1,
      failed: 0,
      firstSeen: t,
      lastSeen: t,
      hosts: ['www.google-analytics.com'],
    });
    expect(await db.attempts.get(['news.example', 'google'])).toMatchObject({
      requests: 1,
      hosts: ['stats.g.doubleclick.net'],
    });
    const day = await db.dayCompanies.get([localDay(t), 'google']);
    expect(day).toMatchObject({ requests: 2, sites: ['news.example', 'shop.example'] });
  });

  it('keeps requests per category: a company seen under two categories has both, main first', async () => {
    const db = freshDb();
    const recorder = new Recorder(db, { maxBatch: 2 });
    const ad = { category: 'advertising', host: 'stats.g.doubleclick.net' };
    for (const e of [event(ad), event(), event({ ...ad, site: 'shop.example' }), event(ad), event()]) recorder.add(e);
    // A blocked request counts under no received category.
    recorder.add(event({ ...ad, outcome: 'error', error: 'net::ERR_BLOCKED_BY_CLIENT' }));
    await recorder.flush();
    expect(await db.siteCompanies.get(['news.example', 'google'])).toMatchObject({
      category: 'advertising',
      categories: { advertising: 2, site_analytics: 2 },
      requests: 4,
    });
    expect(await db.siteCompanies.get(['shop.example', 'google'])).toMatchObject({
      category: 'advertising',
      categories: { advertising: 1 },
    });
    expect(await db.attempts.get(['news.example', 'google'])).toMatchObject({ categories: { advertising: 1 } });
    expect((await db.companies.get('google'))?.categories).toEqual([
      { category: 'advertising', requests: 3 },
      { category: 'site_analytics', requests: 2 },
    ]);
  });

  it('adds to aggregates written by earlier batches, with or without the cache', async () => {
    const db = freshDb();
    await writeEvents(db, [event()]);
    await writeEvents(db, [event(), event()]);
    expect((await db.siteCompanies.get(['news.example', 'google']))?.requests).toBe(3);
  });

  it('writes nothing at all when the transaction fails', async () => {
    const db = freshDb();
    await writeEvents(db, [event()]);
    // A duplicate primary key makes bulkAdd fail inside the transaction.
    const existing = (await db.events.toCollection().primaryKeys())[0];
    await expect(writeEvents(db, [event(), event({ id: existing })])).rejects.toThrow();
    expect(await db.events.count()).toBe(1);
    expect((await db.siteCompanies.get(['news.example', 'google']))?.requests).toBe(1);
  });
  it('a failed batch leaves nothing of itself in the cache: the next batch counts from what is stored', async () => {
    const db = freshDb();
    const cache = createAggregateCache();
    await writeEvents(db, [event()], [], cache);
    const existing = (await db.events.toCollection().primaryKeys())[0];
    await expect(writeEvents(db, [event(), event({ id: existing })], [], cache)).rejects.toThrow();
    await writeEvents(db, [event({ site: 'shop.example' })], [], cache);
    expect((await db.siteCompanies.get(['news.example', 'google']))?.requests).toBe(1);
    expect(await db.companies.get('google')).toMatchObject({ requests: 2, sites: 2 });
  });
});

describe('data kinds in the aggregates', () => {
  it('keeps first and last seen per kind for each (site, company)', async () => {
    const db = freshDb();
    await writeEvents(db, [
      event({ time: 1000, kinds: ['page-address', 'identifier'] }),
      event({ time: 3000, kinds: ['identifier'] }),
    ]);
    await writeEvents(db, [event({ time: 2000, kinds: ['event', 'identifier'] })]);
    const row = await db.siteCompanies.get(['news.example', 'google']);
    expect(row?.kinds).toEqual({
      'page-address': { first: 1000, last: 1000 },
      identifier: { first: 1000, last: 3000 },
      event: { first: 2000, last: 2000 },
    });
  });

  it('flags an unlisted third party that got an identifier or its cookie on three sites', async () => {
    const db = freshDb();
    const company = 'site:widgets.example';
    await writeEvents(db, [
      event({ site: 'a.example', company, kind: 'unlisted', kinds: ['identifier'] }),
      event({ site: 'b.example', company, kind: 'unlisted', kinds: ['cookie'] }),
      event({ site: 'c.example', company, kind: 'unlisted', kinds: ['page-address'] }),
      event({ site: 'c.example', page: '3:1', tabId: 3, company, kind: 'unlisted', kinds: [] }),
    ]);
    const { trackingSites, loadPageSummary } = await import('../../../lib/storage/queries.ts');
    expect(await trackingSites(db, company)).toEqual(['a.example', 'b.example']);
    await writeEvents(db, [
      event({ site: 'c.example', page: '3:1', tabId: 3, company, kind: 'unlisted', kinds: ['identifier'] }),
    ]);
    await db.pages.put({ key: '3:1', tabId: 3, site: 'c.example', startedAt: 1 });
    const summary = await loadPageSummary(db, 3, 'c.example');
    expect(summary.recipients[0]?.trackingSites).toEqual(['a.example', 'b.example', 'c.example']);
  });
});

describe('Recorder', () => {
  it('batches a burst into few transactions and stores every event', async () => {
    const db = freshDb();
    const recorder = new Recorder(db);
    const spy = vi.spyOn(db, 'transaction');
    for (let i = 0; i < 500; i++) recorder.add(event({ path: `/collect/${i}` }));
    await recorder.flush();
    expect(await db.events.count()).toBe(500);
    expect((await db.siteCompanies.get(['news.example', 'google']))?.requests).toBe(500);
    expect(spy.mock.calls.length).toBeLessThanOrEqual(3);
    expect(recorder.pending).toBe(0);
  });

  it('keeps the aggregate cache right across batches', async () => {
    const db = freshDb();
    const recorder = new Recorder(db);
    for (let round = 0; round < 5; round++) {
      recorder.add(event({ site: `s${round % 2}.example` }));
      await recorder.flush();
    }
    expect((await db.siteCompanies.get(['s0.example', 'google']))?.requests).toBe(3);
    expect((await db.siteCompanies.get(['s1.example', 'google']))?.requests).toBe(2);
  });

  it('keeps events queued and reports the error when storage fails, then saves them once it works', async () => {
    const db = freshDb();
    const errors: unknown[] = [];
    const recorder = new Recorder(db, { onError: (e) => errors.push(e), retryMs: 300 });
    const original = db.events.bulkAdd.bind(db.events);
    let fail = true;
    vi.spyOn(db.events, 'bulkAdd').mockImplementation((...args: Parameters<typeof original>) => {
      if (fail) return Promise.reject(new DOMException('The disk is full', 'QuotaExceededError')) as never;
      return original(...args);
    });
    recorder.add(event());
    // Between the failure and the retry, the event waits in the queue.
    await vi.waitFor(() => expect(errors.length).toBeGreaterThan(0));
    expect(String(errors[0])).toContain('disk is full');
    expect(recorder.pending).toBe(1);
    expect(recorder.lastError).toBe('QuotaExceededError: The disk is full');
    fail = false;
    await recorder.flush();
    expect(recorder.lastError).toBeNull();
    expect(await db.events.count()).toBe(1);
    expect((await db.siteCompanies.get(['news.example', 'google']))?.requests).toBe(1);
  });

  it('records page loads, which the popup summary reads with the events', async () => {
    const db = freshDb();
    const recorder = new Recorder(db);
    recorder.addPage({ key: '1:1000', tabId: 1, site: 'news.example', startedAt: 1000 });
    recorder.add(event());
    recorder.add(event({ company: 'facebook', host: 'www.facebook.com' }));
    recorder.add(
      event({
        company: 'facebook',
        host: 'connect.facebook.net',
        category: 'advertising',
        kinds: ['identifier'],
        findings: [{ kind: 'identifier', source: 'body', name: 'user.externalId', value: 'ab…12' }],
      }),
    );
    await recorder.flush();
    const summary = await loadPageSummary(db, 1, 'news.example');
    expect(summary.recipients.map((r) => [r.company, r.requests, r.hosts, r.categories])).toEqual([
      ['facebook', 2, ['connect.facebook.net', 'www.facebook.com'], ['advertising', 'site_analytics']],
      ['google', 1, ['www.google-analytics.com'], ['site_analytics']],
    ]);
    // Identifier details name the parameter as the request sent it.
    expect(summary.recipients[0]?.details.identifier).toEqual(['externalId']);
    // The tab has moved to another site: its old page is not shown for it.
    expect((await loadPageSummary(db, 1, 'shop.example')).page).toBeUndefined();
  });
});
