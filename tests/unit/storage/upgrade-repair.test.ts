import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../../lib/storage/db.ts';
import { repairDayFlow, repairFlow } from '../../../lib/storage/repair.ts';
import { storesAt } from './old-schemas.ts';

// A database as an older version left it, with rows no version should have written (a damaged disk, an old import):
// the upgrade to the current version must still open it, keep every sound row, and repair or skip the others.

const V6 = storesAt(6);
const t = Date.UTC(2026, 10, 20, 12);
const flow = { kind: 'tracker', category: 'advertising', firstSeen: t, lastSeen: t, hosts: ['h.example'], kinds: {} };
let counter = 0;

/** Writes a database at `version` with the given rows, closes it, and opens it as Disclosed does now. */
async function upgraded(version: number, rows: { siteCompanies: object[]; dayCompanies: object[] }) {
  const name = `disclosed-repair-${process.pid}-${++counter}`;
  const old = new Dexie(name);
  old.version(version).stores(V6);
  await old.table('siteCompanies').bulkAdd(rows.siteCompanies);
  await old.table('dayCompanies').bulkAdd(rows.dayCompanies);
  await old.table('letters').add({ reference: 'DSC-20261101-AAAAAA', company: 'google', status: 'sent', createdAt: t });
  old.close();
  const db = openDb(name);
  await db.open();
  return db;
}

const malformed = {
  siteCompanies: [
    { ...flow, site: 'a.example', company: 'google', requests: 3, failed: 0 },
    // Failed requests and no host list: the attempts' split copied the hosts, and threw.
    { ...flow, site: 'a.example', company: 'meta', requests: 2, failed: 1, hosts: null, kinds: 'junk' },
    // Nothing countable: skipped.
    { ...flow, site: 'b.example', company: 'meta', requests: 'many', failed: 0 },
    { ...flow, site: 'c.example', company: 'hotjar', requests: 1, failed: 0, firstSeen: 'yesterday', lastSeen: null },
  ],
  dayCompanies: [
    { day: '2026-11-20', company: 'google', kind: 'tracker', requests: 3, sites: ['a.example'] },
    // No site list: the attempts' split and the summaries' rebuild read it, and threw.
    { day: '2026-11-20', company: 'meta', kind: 'tracker', requests: 2 },
    { day: '2026-11-21', company: 'meta', kind: 'nonsense', requests: 4.5, sites: ['a.example', 7] },
  ],
};

describe('an upgrade over malformed rows', () => {
  it.each([6, 5])('opens a version-%i database, keeps the sound rows and repairs or skips the others', async (v) => {
    const db = await upgraded(v, malformed);
    expect(db.verno).toBeGreaterThan(v);
    expect(await db.siteCompanies.get(['a.example', 'google'])).toMatchObject({ requests: 3, hosts: ['h.example'] });
    // Repaired: its hosts an empty list, its kinds none; its failed request moved to the attempts.
    expect(await db.siteCompanies.get(['a.example', 'meta'])).toMatchObject({
      requests: 1,
      failed: 0,
      hosts: [],
      kinds: {},
    });
    expect(await db.attempts.get(['a.example', 'meta'])).toMatchObject({ requests: 1 });
    expect(await db.siteCompanies.get(['b.example', 'meta'])).toBeUndefined();
    expect(await db.siteCompanies.get(['c.example', 'hotjar'])).toBeUndefined();
    expect(await db.dayCompanies.get(['2026-11-20', 'meta'])).toBeUndefined();
    expect(await db.dayCompanies.get(['2026-11-21', 'meta'])).toMatchObject({
      kind: 'tracker',
      requests: 4,
      sites: ['a.example'],
    });
    // The summaries are built from what is left, and the letters are there.
    expect(await db.companies.get('google')).toMatchObject({ sites: 1, requests: 3 });
    expect(await db.companies.get('meta')).toMatchObject({ sites: 1, requests: 1 });
    expect(await db.letters.count()).toBe(1);
    db.close();
  });

  it('leaves sound rows as they were', () => {
    const sound = { ...malformed.siteCompanies[0], extra: 'kept' };
    expect(repairFlow(sound)).toEqual(sound);
    const day = malformed.dayCompanies[0];
    expect(repairDayFlow(day)).toEqual(day);
  });
});
