import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../../lib/storage/db.ts';

describe('schema versions', () => {
  it('upgrades a version-1 database to version 2 and keeps every event and total', async () => {
    const name = `disclosed-upgrade-${process.pid}`;
    // The database as version 1 of Disclosed left it: events and aggregates without data kinds.
    const old = new Dexie(name);
    old.version(1).stores({
      events: '++id, time, [page+company], [site+company], company',
      pages: 'key, [tabId+startedAt], startedAt',
      siteCompanies: '[site+company], site, company, lastSeen',
      dayCompanies: '[day+company], day, company',
    });
    await old
      .table('events')
      .add({ time: 1, page: 'p', tabId: 1, site: 'a.example', company: 'google', kind: 'tracker' });
    await old.table('siteCompanies').add({ site: 'a.example', company: 'google', requests: 1, hosts: [] });
    old.close();

    const db = openDb(name);
    const [event] = await db.events.toArray();
    expect(event).toMatchObject({ site: 'a.example', company: 'google', kinds: [], findings: [] });
    expect(await db.siteCompanies.get(['a.example', 'google'])).toMatchObject({ requests: 1, kinds: {} });
    expect(db.verno).toBe(2);
    db.close();
  });
});
