import { describe, expect, it } from 'vitest';
import { Recorder } from '../../../lib/storage/recorder.ts';
import { pruneEvents } from '../../../lib/storage/retention.ts';
import { event, freshDb } from './helpers.ts';

const DAY = 24 * 60 * 60 * 1000;

describe('pruneEvents', () => {
  it('deletes events older than the age limit and keeps the per-site totals', async () => {
    const db = freshDb();
    const now = Date.UTC(2026, 10, 23);
    const recorder = new Recorder(db);
    recorder.addPage({ key: '1:old', tabId: 1, site: 'news.example', startedAt: now - 100 * DAY });
    for (const age of [100, 91, 89, 1]) {
      recorder.add(event({ time: now - age * DAY, identifiers: [{ name: 'cid', value: `id-${age}` }] }));
    }
    await recorder.flush();
    expect(await pruneEvents(db, { maxAgeDays: 90, maxEvents: 1000 }, now)).toBe(2);
    expect((await db.events.toArray()).map((e) => Math.round((now - e.time) / DAY)).sort()).toEqual([1, 89]);
    expect(await db.pages.count()).toBe(0);
    expect((await db.identifiers.toArray()).map((i) => i.value).sort()).toEqual(['id-1', 'id-89']);
    expect((await db.siteCompanies.get(['news.example', 'google']))?.requests).toBe(4);
  });

  it('keeps at most the newest maxEvents events', async () => {
    const db = freshDb();
    const now = Date.UTC(2026, 10, 23);
    const recorder = new Recorder(db);
    for (let i = 0; i < 30; i++) recorder.add(event({ time: now - i * 1000, path: `/${i}` }));
    await recorder.flush();
    expect(await pruneEvents(db, { maxAgeDays: 90, maxEvents: 10 }, now)).toBe(20);
    const kept = (await db.events.toArray()).map((e) => e.path).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
    expect(kept).toEqual(Array.from({ length: 10 }, (_, i) => `/${i}`));
  });

  it('expires more than one transaction’s worth, by age and by count', async () => {
    const db = freshDb();
    const now = Date.UTC(2026, 10, 23);
    const old = Array.from({ length: 25_000 }, (_, i) => event({ time: now - 100 * DAY + i }));
    const recent = Array.from({ length: 25_000 }, (_, i) => event({ time: now - DAY + i, path: `/${i}` }));
    await db.events.bulkAdd([...old, ...recent]);
    expect(await pruneEvents(db, { maxAgeDays: 90, maxEvents: 12_000 }, now)).toBe(25_000 + 13_000);
    expect(await db.events.count()).toBe(12_000);
    // The newest stay.
    expect((await db.events.orderBy('time').first())?.path).toBe('/13000');
    // 50,000 rows in fake-indexeddb: about 2 s on a quiet machine, more on a busy one.
  }, 20_000);
});
