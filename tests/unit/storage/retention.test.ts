import { describe, expect, it } from 'vitest';
import { localDay } from '../../../lib/day.ts';
import { isOpen, LETTER_STATUSES } from '../../../lib/letters/records.ts';
import type { LetterRecord } from '../../../lib/letters/types.ts';
import { writeEvents } from '../../../lib/storage/batch.ts';
import { Recorder } from '../../../lib/storage/recorder.ts';
import { pruneEvents, pruneHistory } from '../../../lib/storage/retention.ts';
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

describe('pruneHistory', () => {
  const limits = { maxAgeDays: 365, maxTotals: 100_000, maxIdentifiers: 10_000 };

  it('deletes totals, days and their summaries older than the age limit, and keeps the rest whole', async () => {
    const db = freshDb();
    const now = Date.UTC(2026, 10, 23, 12);
    const recorder = new Recorder(db);
    recorder.add(event({ time: now - 400 * DAY, site: 'old.example' }));
    recorder.add(event({ time: now - 400 * DAY, site: 'both.example', company: 'meta', host: 'connect.facebook.net' }));
    recorder.add(event({ time: now - DAY, site: 'both.example', company: 'meta', host: 'connect.facebook.net' }));
    recorder.add(event({ time: now - 400 * DAY, site: 'gone.example', outcome: 'error' }));
    recorder.add(event({ time: now - DAY, site: 'new.example' }));
    await recorder.flush();
    const report = await pruneHistory(db, limits, now);
    expect(report).toMatchObject({ totals: 1, attempts: 1, days: 1 });
    expect((await db.siteCompanies.toArray()).map((f) => `${f.site} ${f.company} ${f.requests}`).sort()).toEqual([
      'both.example meta 2',
      'new.example google 1',
    ]);
    expect(await db.attempts.count()).toBe(0);
    // The summaries follow: google now counts one site, the old site is gone; the old day is gone with its parts.
    expect(await db.companies.get('google')).toMatchObject({ sites: 1, requests: 1 });
    expect(await db.sites.get('old.example')).toBeUndefined();
    expect((await db.days.toArray()).map((d) => d.day)).toEqual([localDay(now - DAY)]);
    expect(new Set((await db.dayParts.toArray()).map((p) => p.day))).toEqual(new Set([localDay(now - DAY)]));
    expect(new Set((await db.dayCompanies.toArray()).map((d) => d.day))).toEqual(new Set([localDay(now - DAY)]));
  });

  it('keeps at most maxTotals totals and day totals, the oldest going first', async () => {
    const db = freshDb();
    const now = Date.UTC(2026, 10, 23, 12);
    const recorder = new Recorder(db);
    for (let i = 0; i < 30; i++) recorder.add(event({ time: now - (30 - i) * DAY, site: `s${i}.example` }));
    await recorder.flush();
    await pruneHistory(db, { ...limits, maxTotals: 10 }, now);
    expect((await db.siteCompanies.toArray()).map((f) => f.site).sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => `s${20 + i}.example`).sort(),
    );
    expect(await db.dayCompanies.count()).toBe(10);
    expect(await db.days.count()).toBe(10);
    expect(await db.companies.get('google')).toMatchObject({ sites: 10, requests: 10 });
  });

  it('keeps at most maxIdentifiers values, least recently seen first, except what an open letter cites', async () => {
    const db = freshDb();
    const now = Date.UTC(2026, 10, 23, 12);
    const recorder = new Recorder(db);
    for (let i = 0; i < 20; i++)
      recorder.add(event({ time: now - (20 - i) * 1000, identifiers: [{ name: 'uid', value: `u${i}` }] }));
    await recorder.flush();
    const snapshot = (value: string) => ({
      domains: [],
      sites: [],
      requests: 1,
      firstSeen: 1,
      lastSeen: 1,
      categories: [],
      kinds: [],
      identifiers: [{ source: 'request', name: 'uid', value }],
    });
    const letter = { company: 'google', companyName: 'Google', jurisdiction: 'gdpr', language: 'en', right: 'erasure' };
    const record = { ...letter, channel: 'email', recipient: '', subject: '', body: '', textHash: '', createdAt: 1 };
    await db.letters.bulkAdd([
      { ...record, reference: 'open', status: 'acknowledged', history: [], evidence: snapshot('u0') },
      { ...record, reference: 'closed', status: 'fulfilled', history: [], evidence: snapshot('u1') },
    ] as never);
    await pruneHistory(db, { ...limits, maxIdentifiers: 5 }, now);
    expect((await db.identifiers.toArray()).map((i) => i.value).sort()).toEqual(['u0', 'u16', 'u17', 'u18', 'u19']);
    // Expiry by age (with the requests that carried them) spares it too, while the letter is open.
    await pruneEvents(db, { maxAgeDays: 1, maxEvents: 1000 }, now + 2 * DAY);
    expect((await db.identifiers.toArray()).map((i) => i.value)).toEqual(['u0']);
  });

  it('keeps an identifier for exactly the statuses in which a letter is open', async () => {
    for (const status of LETTER_STATUSES) {
      const db = freshDb();
      const now = Date.UTC(2026, 10, 23, 12);
      await writeEvents(db, [event({ time: now - 10 * DAY, identifiers: [{ name: 'uid', value: 'u' }] })]);
      const record = {
        reference: 'R',
        company: 'google',
        status,
        history: [],
        evidence: { identifiers: [{ source: 'request', name: 'uid', value: 'u' }] },
      } as unknown as LetterRecord;
      await db.letters.add(record);
      await pruneEvents(db, { maxAgeDays: 1, maxEvents: 1000 }, now);
      expect([status, await db.identifiers.count()]).toEqual([status, isOpen(record) ? 1 : 0]);
    }
  });
});
