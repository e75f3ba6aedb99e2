import { describe, expect, it } from 'vitest';
import { localDay } from '../../../lib/day.ts';
import { DEFAULT_SETTINGS } from '../../../lib/settings.ts';
import { readParts } from '../../../lib/storage/aggregates.ts';
import type { DisclosedDb } from '../../../lib/storage/db.ts';
import { STORED } from '../../../lib/storage/limits.ts';
import { loadPageSummary, unlistedMore } from '../../../lib/storage/queries.ts';
import { Recorder } from '../../../lib/storage/recorder.ts';
import { pruneEvents, pruneHistory } from '../../../lib/storage/retention.ts';
import { event, freshDb } from './helpers.ts';

const TIME = Date.UTC(2026, 10, 20, 12);

/** Rows per table, the longest string field and the longest list in it. */
async function measure(db: DisclosedDb) {
  const sizes: Record<string, { rows: number; longestText: number; longestList: number }> = {};
  for (const table of db.tables) {
    let longestText = 0;
    let longestList = 0;
    await table.each((row: Record<string, unknown>) => {
      for (const value of Object.values(row)) {
        if (typeof value === 'string') longestText = Math.max(longestText, value.length);
        if (Array.isArray(value)) longestList = Math.max(longestList, value.length);
      }
    });
    sizes[table.name] = { rows: await table.count(), longestText, longestList };
  }
  return sizes;
}

/**
 * 100,000 distinct made-up domains through the recorder, on one day: 50,000 sites a listed company is loaded on
 * (each from a host of its own), and 50,000 unlisted third parties, 500 on each of 100 sites, each with an identifier.
 */
async function fill(db: DisclosedDb) {
  const recorder = new Recorder(db);
  for (let i = 0; i < 50_000; i++) {
    recorder.add(event({ time: TIME + i, site: `site${i}.example`, page: `1:${i}`, host: `h${i}.tracker.example` }));
    recorder.add(
      event({
        time: TIME + i,
        site: `news${i % 100}.example`,
        page: `2:${i % 100}`,
        company: `site:third${i}.example`,
        kind: 'unlisted',
        category: 'unlisted',
        host: `third${i}.example`,
        identifiers: [{ name: 'uid', value: `u${i}` }],
      }),
    );
    if (i % 5000 === 4999) await recorder.flush();
  }
  await recorder.flush();
}

describe('bounded storage', () => {
  it('keeps every table within its bound when a store is filled with 100,000 made-up domains', async () => {
    const db = freshDb();
    const started = Date.now();
    await fill(db);
    const recorded = Date.now() - started;
    const limits = { ...DEFAULT_SETTINGS, maxTotals: 60_000, maxIdentifiers: 15_000 };
    await pruneEvents(db, { maxAgeDays: limits.retentionDays, maxEvents: limits.maxEvents }, TIME + 60_000);
    await pruneHistory(
      db,
      { maxAgeDays: limits.historyDays, maxTotals: limits.maxTotals, maxIdentifiers: limits.maxIdentifiers },
      TIME + 60_000,
    );
    const size = await measure(db);
    console.info(`recorded in ${recorded} ms; after retention:`, JSON.stringify(size));

    // What the recorder bounds as it writes: each site added at most 200 unlisted parties that day (the others'
    // requests are counted, not stored), lists stop at their caps, and a day's texts are in parts of ~16 KB.
    const siteDays = await db.siteDays.toArray();
    expect(siteDays).toHaveLength(100);
    for (const d of siteDays) expect(d).toMatchObject({ unlisted: STORED.unlistedPerSiteDay, unlistedMore: 300 });
    expect(await unlistedMore(db, 'news7.example')).toBe(300);
    expect(size.dayCompanies?.longestList).toBeLessThanOrEqual(STORED.sitesPerDay);
    expect(await db.dayCompanies.get([localDay(TIME), 'google'])).toMatchObject({ sitesMore: 49_000 });
    for (const p of await db.dayParts.toArray()) {
      expect(p.pairs.length + p.companyRequests.length).toBeLessThan(STORED.dayPartChars + 100);
    }
    // The day's parts still sum to its requests.
    const { requests } = readParts(await db.dayParts.toArray());
    expect([...requests.values()].reduce((a, b) => a + b, 0)).toBe((await db.days.get(localDay(TIME)))?.requests);

    // What retention bounds, by the user's limits.
    expect(size.events?.rows).toBeLessThanOrEqual(limits.maxEvents);
    expect(size.pages?.rows).toBeLessThanOrEqual(limits.maxEvents);
    for (const table of ['siteCompanies', 'attempts', 'dayCompanies', 'siteDays']) {
      expect([table, size[table]?.rows]).toEqual([table, Math.min(size[table]?.rows ?? 0, limits.maxTotals)]);
    }
    expect(size.siteCompanies?.rows).toBe(limits.maxTotals);
    expect(size.companies?.rows).toBeLessThanOrEqual(limits.maxTotals);
    expect(size.sites?.rows).toBeLessThanOrEqual(limits.maxTotals);
    expect(size.days?.rows).toBeLessThanOrEqual(limits.historyDays + 1);
    expect(size.identifiers?.rows).toBe(limits.maxIdentifiers);
    // No stored text grows with the history: the longest is a day part.
    const longest = Math.max(...Object.values(size).map((s) => s.longestText));
    expect(longest).toBe(size.dayParts?.longestText);
    expect(longest).toBeLessThan(STORED.dayPartChars + 100);
  }, 60_000);

  it('caps the hosts of a total and counts the requests to hosts beyond', async () => {
    const db = freshDb();
    const recorder = new Recorder(db, { maxBatch: 40 });
    for (let i = 0; i < 150; i++) recorder.add(event({ host: `h${i}.doubleclick.example` }));
    recorder.add(event({ host: 'h0.doubleclick.example' }));
    await recorder.flush();
    const total = await db.siteCompanies.get(['news.example', 'google']);
    expect(total?.hosts).toHaveLength(STORED.hostsPerTotal);
    expect(total).toMatchObject({ requests: 151, hostsMore: 50 });
  });

  it('counts an unlisted flood on its site’s day, and still records parties the site already has', async () => {
    const db = freshDb();
    const recorder = new Recorder(db);
    const unlisted = (n: number, extra = {}) =>
      event({ company: `site:x${n}.example`, kind: 'unlisted', category: 'unlisted', host: `x${n}.example`, ...extra });
    recorder.addPage({ key: '1:1000', tabId: 1, site: 'news.example', startedAt: TIME - 1000 });
    for (let i = 0; i < 250; i++) recorder.add(unlisted(i));
    // One already recorded on the site (x3), and a listed company: both stored whatever the flood.
    recorder.add(unlisted(3));
    recorder.add(event());
    // A blocked request to a new party counts against the bound too (an attempt is a total).
    recorder.add(unlisted(999, { outcome: 'error', error: 'net::ERR_BLOCKED_BY_CLIENT' }));
    // The next day the site may add new ones again.
    recorder.add(unlisted(500, { time: TIME + 24 * 60 * 60 * 1000 }));
    await recorder.flush();
    expect(await db.siteCompanies.where('site').equals('news.example').count()).toBe(STORED.unlistedPerSiteDay + 2);
    expect(await db.attempts.count()).toBe(0);
    expect(await db.siteCompanies.get(['news.example', 'site:x3.example'])).toMatchObject({ requests: 2 });
    expect(await db.siteDays.get(['news.example', localDay(TIME)])).toMatchObject({ unlisted: 200, unlistedMore: 51 });
    // Only what is stored counts: the events, the totals and the summaries agree.
    expect(await db.events.count()).toBe(STORED.unlistedPerSiteDay + 3);
    expect((await db.sites.get('news.example'))?.requests).toBe(STORED.unlistedPerSiteDay + 3);
    // The popup says how many more requests there were.
    expect((await loadPageSummary(db, 1, 'news.example')).unlistedMore).toBe(51);
  });
});
