import { describe, expect, it } from 'vitest';
import type { DataKind } from '../../../lib/disclose/kinds.ts';
import { readParts } from '../../../lib/storage/aggregates.ts';
import type { DisclosedDb } from '../../../lib/storage/db.ts';
import { forgetSite } from '../../../lib/storage/forget.ts';
import { Recorder } from '../../../lib/storage/recorder.ts';
import { rebuildSummaries } from '../../../lib/storage/summaries.ts';
import { event, freshDb } from './helpers.ts';

/** The summaries as stored, sorted, for comparison. */
async function snapshot(db: DisclosedDb) {
  const sort = <T>(rows: T[], key: (r: T) => string) => rows.sort((a, b) => key(a).localeCompare(key(b)));
  return {
    companies: sort(await db.companies.toArray(), (r) => r.company).map((r) => ({
      ...r,
      categories: [...r.categories].sort(),
    })),
    sites: sort(await db.sites.toArray(), (r) => r.site),
    days: await Promise.all(
      sort(await db.days.toArray(), (r) => r.day).map(async (r) => {
        const parts = await db.dayParts.where('[day+part]').between([r.day, -Infinity], [r.day, Infinity]).toArray();
        const { pairs, requests } = readParts(parts);
        return { ...r, pairs: [...pairs].sort(), companyRequests: [...requests].sort() };
      }),
    ),
  };
}

/** Deterministic pseudo-random numbers. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a * 1103515245 + 12345) & 0x7fffffff;
    return a / 0x7fffffff;
  };
}

describe('summaries', () => {
  it('kept event by event by the recorder equal a rebuild from the totals, across batches and cache resets', async () => {
    const db = freshDb();
    const recorder = new Recorder(db, { maxBatch: 37 });
    const rnd = rng(3);
    const kinds: DataKind[] = ['identifier', 'page-address', 'cookie'];
    let received = 0;
    const countReceived = () => {
      received++;
      return 'completed' as const;
    };
    for (let i = 0; i < 600; i++) {
      recorder.add(
        event({
          time: Date.UTC(2026, 10, 1 + Math.floor(rnd() * 20), Math.floor(rnd() * 24)),
          site: `site${Math.floor(rnd() * 12)}.example`,
          company: `company${Math.floor(rnd() * 9)}`,
          category: rnd() < 0.5 ? 'advertising' : 'site_analytics',
          outcome: rnd() < 0.1 ? 'error' : countReceived(),
          kinds: kinds.filter(() => rnd() < 0.4),
        }),
      );
      if (i === 300) {
        await recorder.flush();
        recorder.invalidate();
      }
    }
    await recorder.flush();
    const incremental = await snapshot(db);
    expect(incremental.companies.length).toBe(9);
    // What failed is an attempt, in no summary: the summaries count what was received.
    expect(received).toBeLessThan(600);
    expect(incremental.companies.reduce((n, c) => n + c.requests, 0)).toBe(received);
    expect((await db.attempts.toArray()).reduce((n, a) => n + a.requests, 0)).toBe(600 - received);
    await db.transaction('rw', [db.siteCompanies, db.dayCompanies, db.companies, db.sites, db.days, db.dayParts], () =>
      rebuildSummaries(db),
    );
    expect(incremental).toEqual(await snapshot(db));
  });

  it('lose a forgotten site: its companies count one site fewer, and a company seen only there is gone', async () => {
    const db = freshDb();
    const recorder = new Recorder(db);
    recorder.add(event({ site: 'a.example', company: 'google' }));
    recorder.add(event({ site: 'b.example', company: 'google' }));
    recorder.add(event({ site: 'b.example', company: 'meta' }));
    await recorder.flush();
    await forgetSite(db, 'b.example');
    expect(await db.companies.get('google')).toMatchObject({ sites: 1, requests: 1 });
    expect(await db.companies.get('meta')).toBeUndefined();
    expect(await db.sites.get('b.example')).toBeUndefined();
    expect(await db.days.toArray()).toEqual([{ day: '2026-11-20', companies: 1, requests: 1 }]);
    expect(await db.dayParts.toArray()).toEqual([
      { day: '2026-11-20', part: 0, pairs: 'a.example\tgoogle', companyRequests: 'google\t1' },
    ]);
  });
});
