import type { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { buildExport, writeExport } from '../../../lib/export/export.ts';
import type { ExportFileV1 } from '../../../lib/export/format.ts';
import { poolExport } from '../../../lib/export/pool.ts';
import { classResults, clearClassResults, openClassDb } from '../../../lib/storage/class-store.ts';
import type { DisclosedDb } from '../../../lib/storage/db.ts';
import type { SharingEvent } from '../../../lib/storage/events.ts';
import { Recorder } from '../../../lib/storage/recorder.ts';
import { event, freshDb } from '../storage/helpers.ts';

const trackerData = { name: 'Ghostery Tracker Database', version: '1.0.945', license: 'CC BY-NC-SA 4.0' };
const names: Record<string, string> = { google: 'Google', facebook: 'Meta', microsoft: 'Microsoft' };
const nameOf = (id: string) => names[id] ?? id.replace(/^site:/, '');

let classes = 0;
const freshClass = () => openClassDb(`disclosed-class-test-${process.pid}-${++classes}`);

let students = 0;
/** A student's history, recorded as the extension records it (each student's browsing starting at its own time). */
async function student(events: Partial<SharingEvent>[]): Promise<DisclosedDb> {
  const db = freshDb();
  await browse(db, events, Date.UTC(2026, 10, 30, 10) + ++students * 61_003);
  return db;
}

/** More browsing in a history, from `start`, a second apart. */
async function browse(db: DisclosedDb, events: Partial<SharingEvent>[], start: number): Promise<void> {
  const recorder = new Recorder(db);
  for (const [i, e] of events.entries()) recorder.add(event({ time: start + i * 1000, ...e }));
  await recorder.flush();
}

/** Their export, in lines, as the settings page writes it (version 3). */
async function exported(db: DisclosedDb, now = Date.UTC(2026, 11, 1, 8)): Promise<string> {
  const parts: string[] = [];
  await writeExport(db, nameOf, trackerData, (part) => parts.push(part), { now });
  return parts.join('');
}

/** Text in pieces of `size` characters, as a file's stream gives it. */
function* pieces(text: string, size = 4096): Generator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

const reachedOf = async (db: ReturnType<typeof openClassDb>) => {
  const { contributors, companies } = await classResults(db);
  return { contributors, reached: Object.fromEntries(companies.map((c) => [c.name, c.reached])) };
};

/** Every row of every table of a database: to show something left no trace in it. */
async function everything(db: Dexie): Promise<string> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await table.toArray();
  return JSON.stringify(out);
}

const google = { company: 'google' };
const meta = { company: 'facebook', host: 'www.facebook.com', category: 'advertising' };

describe('class pooling', () => {
  it('sums the exports: each counts once per company it reached, and its requests and sites add up', async () => {
    const ana = await student([google, google, { ...google, site: 'shop.example' }, meta]);
    const ben = await student([google, google, google, { ...google, kinds: ['identifier'] }]);
    const cleo = await student([meta]);
    const pool = freshClass();
    for (const db of [ana, ben, cleo]) {
      expect(await poolExport(pool, pieces(await exported(db)))).toMatchObject({ status: 'pooled' });
    }
    expect(await reachedOf(pool)).toEqual({ contributors: 3, reached: { Google: 2, Meta: 2 } });
    const { companies } = await classResults(pool);
    const g = companies.find((c) => c.id === 'google');
    // Not the larger of the two (as an import's merge would take): 3 + 4 requests, 2 + 1 sites.
    expect(g).toMatchObject({ requests: 7, sites: 3, kinds: { identifier: 1 } });
    // The most widespread first, and nothing of the sites kept.
    expect(companies.map((c) => c.name)).toEqual(['Google', 'Meta']);
    expect(JSON.stringify(await everything(pool))).not.toMatch(/news\.example|shop\.example/);
  });

  it('refuses the same file twice, however it is read, and counts it once', async () => {
    const text = await exported(await student([google, meta]));
    const pool = freshClass();
    const first = await poolExport(pool, pieces(text), 1000);
    expect(first).toEqual({ status: 'pooled', companies: 2 });
    // The same bytes in other pieces (another read of the same file): the same export.
    expect(await poolExport(pool, pieces(text, 7), 2000)).toEqual({ status: 'duplicate', pooledAt: 1000 });
    expect(await poolExport(pool, [text], 3000)).toEqual({ status: 'duplicate', pooledAt: 1000 });
    expect(await reachedOf(pool)).toEqual({ contributors: 1, reached: { Google: 1, Meta: 1 } });
    // Another student's file is another export.
    await poolExport(pool, pieces(await exported(await student([google]))));
    expect(await reachedOf(pool)).toEqual({ contributors: 2, reached: { Google: 2, Meta: 1 } });
    // Cleared, the class starts over: the first file counts again.
    await clearClassResults(pool);
    expect(await reachedOf(pool)).toEqual({ contributors: 0, reached: {} });
    expect(await poolExport(pool, pieces(text))).toMatchObject({ status: 'pooled' });
  });

  it('counts a browser once when its user exports again minutes later, with or without more history', async () => {
    const ana = await student([google, meta]);
    const ben = await student([google]);
    const pool = freshClass();
    const t0 = Date.UTC(2026, 11, 1, 8);
    const first = await exported(ana, t0);
    expect(await poolExport(pool, pieces(first), 1000)).toEqual({ status: 'pooled', companies: 2 });
    expect(await poolExport(pool, pieces(await exported(ben, t0)), 1100)).toEqual({ status: 'pooled', companies: 1 });
    // Three minutes later, nothing browsed since: another file (its export time differs), the same export.
    const again = await exported(ana, t0 + 3 * 60_000);
    expect(again).not.toBe(first);
    expect(await poolExport(pool, pieces(again), 2000)).toEqual({ status: 'duplicate', pooledAt: 1000 });
    expect(await reachedOf(pool)).toEqual({ contributors: 2, reached: { Google: 2, Meta: 1 } });

    // Ana browses on (Microsoft, and Google on another site), then exports again: her later export replaces the
    // earlier one, its numbers in place of the earlier numbers, not added to them.
    await browse(
      ana,
      [
        { company: 'microsoft', host: 'bat.bing.com' },
        { ...google, site: 'shop.example' },
      ],
      t0 + 60_000,
    );
    const later = await exported(ana, t0 + 10 * 60_000);
    expect(await poolExport(pool, pieces(later), 3000)).toEqual({ status: 'replaced', companies: 3, pooledAt: 1000 });
    expect(await reachedOf(pool)).toEqual({ contributors: 2, reached: { Google: 2, Meta: 1, Microsoft: 1 } });
    const { companies } = await classResults(pool);
    // Google: Ana's 2 requests on 2 sites now (not 1 + 2), and Ben's 1.
    expect(companies.find((c) => c.id === 'google')).toMatchObject({ requests: 3, sites: 3 });
    // Her first file, brought again after the later one: older than what is pooled, not counted.
    expect(await poolExport(pool, pieces(first), 4000)).toEqual({
      status: 'superseded',
      pooledAt: 3000,
    });
    expect(await reachedOf(pool)).toEqual({ contributors: 2, reached: { Google: 2, Meta: 1, Microsoft: 1 } });
  });

  it('replaces the earlier export’s numbers rather than adding to them: a company stays reached by one person', async () => {
    const ana = await student([meta]);
    const pool = freshClass();
    const t0 = Date.UTC(2026, 11, 1, 8);
    await poolExport(pool, pieces(await exported(ana, t0)));
    // The later export of the same browser reached no one new, and Meta's count stays one person.
    await browse(ana, [meta], t0 + 60_000);
    expect(await poolExport(pool, pieces(await exported(ana, t0 + 5 * 60_000)))).toMatchObject({ status: 'replaced' });
    const { contributors, companies } = await classResults(pool);
    expect(contributors).toBe(1);
    expect(companies).toEqual([expect.objectContaining({ name: 'Meta', reached: 1, requests: 2, sites: 1 })]);
  });

  it('rejects a corrupt file with a reason and keeps what was pooled', async () => {
    const pool = freshClass();
    await poolExport(pool, pieces(await exported(await student([google]))));
    const before = await everything(pool);
    const good = await exported(await student([meta, { company: 'microsoft', host: 'bat.bing.com' }]));
    const lines = good.trimEnd().split('\n');
    // Every line good but the last: nothing may be pooled before the whole file is read.
    const tampered = [...lines.slice(0, -1), '{"flow":{"site":'].join('\n');
    await expect(poolExport(pool, pieces(tampered))).rejects.toThrow(/line \d+: is not JSON/);
    const wrongCount = good.replace('"requests":1', '"requests":-1');
    expect(wrongCount).not.toBe(good);
    await expect(poolExport(pool, pieces(wrongCount))).rejects.toThrow(/requests: must be a whole number/);
    await expect(poolExport(pool, pieces('not an export'))).rejects.toThrow(/not JSON/);
    await expect(poolExport(pool, [''])).rejects.toThrow();
    expect(await everything(pool)).toBe(before);
    // A rejected file was not recorded as pooled: once fixed, it pools.
    expect(await poolExport(pool, pieces(good))).toMatchObject({ status: 'pooled' });
  });

  it('reads version 1, 2 and 3 files alike, an old file’s failed requests not counted as reaching anyone', async () => {
    // Three students: one history exported three times is one browser, counted once (see below).
    const v3 = await exported(await student([google, google, meta]));
    const whole = await buildExport(
      await student([google, google, meta]),
      nameOf,
      trackerData,
      Date.UTC(2026, 11, 1, 9),
    );
    const { attempts: _, ...common } = whole;
    const older = await buildExport(await student([google, google, meta]), nameOf, trackerData, Date.UTC(2026, 11, 1));
    const { attempts: __, ...commonV1 } = older;
    // As versions 1 and 2 wrote them, in one object (these events carry no findings, which differ by version).
    const v2 = JSON.stringify({ ...common, version: 2, exportedAt: '2026-11-02T09:00:00.000Z' });
    const v1file: ExportFileV1 = {
      ...commonV1,
      version: 1,
      exportedAt: '2026-11-01T09:00:00.000Z',
      events: [],
      // Before attempts were kept apart: Meta's every request failed, in the flow's count.
      flows: older.flows.map((f) => (f.organization.id === 'facebook' ? { ...f, requests: 2, failed: 2 } : f)),
    };
    const v1 = JSON.stringify(v1file);
    const pool = freshClass();
    for (const text of [v1, v2, v3]) expect(await poolExport(pool, pieces(text))).toMatchObject({ status: 'pooled' });
    expect(await reachedOf(pool)).toEqual({ contributors: 3, reached: { Google: 3, Meta: 2 } });
    expect((await classResults(pool)).companies.find((c) => c.id === 'google')?.requests).toBe(6);
  });

  it('leaves the personal history as it was, whether the file pools, repeats or is refused', async () => {
    const mine = await student([google, meta, { ...google, site: 'health-clinic.example' }]);
    const before = await everything(mine);
    const text = await exported(mine);
    const pool = freshClass();
    await poolExport(pool, pieces(text));
    await poolExport(pool, pieces(text));
    await expect(poolExport(pool, pieces(text.slice(0, -20)))).rejects.toThrow();
    expect(await everything(mine)).toBe(before);
    // The class store is its own database, not tables of the history's.
    expect(mine.tables.map((t) => t.name)).not.toContain('contributions');
    expect(pool.name).not.toBe(mine.name);
  });
});
