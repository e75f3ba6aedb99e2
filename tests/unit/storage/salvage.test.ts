import { Dexie } from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { renderExport } from '../../../lib/export/export.ts';
import { importExport } from '../../../lib/export/import.ts';
import { EXPORTED_STORES, salvageExport } from '../../../lib/export/salvage.ts';
import { openDb } from '../../../lib/storage/db.ts';
import { readRawTables } from '../../../lib/storage/raw.ts';
import { event, freshDb } from './helpers.ts';
import { storesAt } from './old-schemas.ts';

const trackerData = { name: 'Ghostery Tracker Database', version: '1.0.945', license: 'CC BY-NC-SA 4.0' };
const t = Date.UTC(2026, 10, 20, 12);
const flow = { kind: 'tracker', category: 'advertising', failed: 0, firstSeen: t, lastSeen: t, kinds: {} };
let counter = 0;

/** A version-6 database (its upgrade to 7 writes attempts), holding good and damaged rows. */
async function version6() {
  const name = `disclosed-salvage-${process.pid}-${++counter}`;
  const old = new Dexie(name);
  old.version(6).stores(storesAt(6));
  const { identifiers: _, ...good } = event({ time: t, site: 'a.example', company: 'google' });
  await old.table('events').bulkAdd([good, { ...good, time: 'yesterday' }, { ...good, site: undefined }]);
  await old.table('siteCompanies').bulkAdd([
    { ...flow, site: 'a.example', company: 'google', requests: 1, hosts: ['www.google-analytics.com'] },
    { ...flow, site: 'b.example', company: 'google', requests: 2, failed: 1, hosts: null },
    { ...flow, site: 'c.example', company: 'google', requests: 'many', hosts: [] },
  ]);
  await old
    .table('dayCompanies')
    .bulkAdd([
      { day: '2026-11-20', company: 'google', kind: 'tracker', requests: 3, sites: ['a.example', 'b.example'] },
    ]);
  old.close();
  return name;
}

/** The disk is full while `during` runs: IndexedDB refuses every write, as Chromium does then. */
async function withFullDisk<T>(during: () => Promise<T>): Promise<T> {
  const store = globalThis.IDBObjectStore.prototype;
  const spies = (['put', 'add'] as const).map((method) =>
    vi.spyOn(store, method).mockImplementation(() => {
      throw new DOMException('The disk is full', 'QuotaExceededError');
    }),
  );
  try {
    return await during();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

describe('exporting what can be read of a database that cannot be opened', () => {
  it('reads it without upgrading it, and writes the usual export file, which imports', async () => {
    const name = await version6();
    // The upgrade cannot write on a full disk: the database cannot be opened.
    const db = openDb(name);
    await withFullDisk(() => expect(db.open()).rejects.toThrow(/disk is full/));
    db.close();

    const read = await readRawTables(name, EXPORTED_STORES);
    expect(read.unreadable).toEqual([]);
    const salvage = salvageExport(read, (id) => (id === 'google' ? 'Google' : id), trackerData);
    expect(salvage.skipped).toBe(3);
    // Written under schema 6, whose totals counted a failed request as one more: read as the upgrade to 7 reads it,
    // the failed one is an attempt, not received.
    expect(salvage.file.flows.map((f) => [f.site, f.requests, f.domains])).toEqual([
      ['a.example', 1, ['www.google-analytics.com']],
      ['b.example', 1, []],
    ]);
    expect(salvage.file.attempts?.map((a) => [a.site, a.requests])).toEqual([['b.example', 1]]);
    expect(salvage.file.events).toHaveLength(1);

    const restored = freshDb();
    const report = await importExport(restored, renderExport(salvage.file, 'json').parts.join(''));
    expect(report).toMatchObject({ flowsAdded: 2, eventsAdded: 1 });
    expect(await restored.companies.get('google')).toMatchObject({ sites: 2, requests: 2 });
    expect(await restored.attempts.get(['b.example', 'google'])).toMatchObject({ requests: 1 });

    // Nothing was changed, and once there is room the upgrade goes through.
    const later = openDb(name);
    await later.open();
    expect(await later.siteCompanies.count()).toBe(2);
    expect(await later.attempts.get(['b.example', 'google'])).toMatchObject({ requests: 1 });
    later.close();
  });

  it('creates nothing when there is no database', async () => {
    const name = `disclosed-salvage-none-${process.pid}`;
    const read = await readRawTables(name, EXPORTED_STORES);
    expect(read).toEqual({ tables: new Map(EXPORTED_STORES.map((s) => [s, []])), unreadable: [] });
    expect(await Dexie.exists(name)).toBe(false);
  });
});
