import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import type { ConsentStamp } from '../../../lib/consent/types.ts';
import { CONSENT_ROWS, companyConsentFlows, siteConsentFlows } from '../../../lib/storage/consent.ts';
import { type DisclosedDb, openDb } from '../../../lib/storage/db.ts';
import type { SharingEvent } from '../../../lib/storage/events.ts';
import { Recorder } from '../../../lib/storage/recorder.ts';
import { event, freshDb } from './helpers.ts';
import { storesAt } from './old-schemas.ts';

// The consent evidence's index (`evidenceAt`, schema 13): a site's and a company's page read their latest flows and
// count the rest through it, so it must stay true on every write, by whoever writes.

const T = Date.UTC(2026, 10, 30, 14, 0, 0);
const open: ConsentStamp = { state: 'not-answered', since: T - 9000 };
const refused: ConsentStamp = { state: 'refused', since: T };

const sent = (sentAt: number, extra: Partial<SharingEvent> = {}): SharingEvent =>
  event({
    page: '7:1',
    tabId: 7,
    sentAt,
    time: sentAt + 300,
    delivery: 'received',
    deliveryReason: 'response',
    category: 'advertising',
    company: 'facebook',
    host: 'connect.facebook.net',
    kinds: ['identifier'],
    ...extra,
  });

const stored = async (db: DisclosedDb) => (await db.events.orderBy('id').toArray()).map((e) => e.evidenceAt);

describe('evidenceAt, kept by the database itself', () => {
  it('is set on what the recorder adds: the send time of evidence, 0 for a stamp that is none, nothing without one', async () => {
    const db = freshDb();
    const recorder = new Recorder(db);
    recorder.add(sent(T + 3000, { consentAt: refused }));
    recorder.add(sent(T - 2000, { consentAt: { state: 'accepted', since: T - 5000 } }));
    recorder.add(sent(T + 4000));
    // Stopped by another extension after the refusal: it never arrived, so it is no evidence.
    recorder.add(
      sent(T + 5000, { consentAt: refused, delivery: 'not-received', deliveryReason: 'blocked-by-extension' }),
    );
    await recorder.flush();
    expect(await stored(db)).toEqual([T + 3000, 0, undefined, 0]);
  });

  it('follows an update: re-stamped from unanswered to accepted it stops being evidence; answered later, it gains its gap', async () => {
    const db = freshDb();
    await db.events.bulkAdd([sent(T - 1000, { consentAt: open }), sent(T + 1000, { consentAt: refused })]);
    expect(await stored(db)).toEqual([T - 1000, T + 1000]);
    const [first, second] = (await db.events.orderBy('id').primaryKeys()) as number[];
    // The answer's time arrives by key path: still evidence, the stored object untouched until written.
    await db.events.update(first as number, { 'consentAt.answeredAt': T });
    expect((await db.events.get(first as number))?.evidenceAt).toBe(T - 1000);
    expect((await companyConsentFlows(db, 'facebook')).rows.map((f) => f.seconds)).toEqual([1, 1]);
    // The page's consent tool said later that the person had accepted before this request left.
    await db.events.update(first as number, { consentAt: { state: 'accepted', since: T - 5000 } });
    // And the second turns out to have been cut off: not delivered.
    await db.events.update(second as number, { delivery: 'not-received' });
    expect(await stored(db)).toEqual([0, 0]);
    const list = await companyConsentFlows(db, 'facebook');
    expect(list).toEqual({ rows: [], more: 0, stamped: true });
    // A stamp given to a request that had none makes it evidence.
    await db.events.add(sent(T + 2000));
    const third = (await db.events.orderBy('id').last())?.id as number;
    await db.events.update(third, { consentAt: refused });
    expect((await db.events.get(third))?.evidenceAt).toBe(T + 2000);
    // And a stamp taken away leaves nothing to index.
    await db.events.update(third, { consentAt: undefined });
    expect((await db.events.get(third))?.evidenceAt).toBeUndefined();
    const indexed = db.events
      .where('[company+evidenceAt]')
      .between(['facebook', Dexie.minKey], ['facebook', Dexie.maxKey]);
    expect(await indexed.primaryKeys()).toEqual([first, second]);
  });

  it('is worked out by the upgrade for stored events that carry a stamp, and only for them', async () => {
    const name = `disclosed-upgrade-12-evidence-${process.pid}`;
    const old = new Dexie(name);
    old.version(12).stores(storesAt(12));
    await old.open();
    await old
      .table('events')
      .bulkAdd([
        sent(T + 3000, { consentAt: refused }),
        sent(T - 3000, { consentAt: { state: 'accepted', since: T - 5000 } }),
        sent(T + 4000),
        sent(T + 6000, { consentAt: refused, site: 'shop.example' }),
      ]);
    old.close();
    const db = openDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(13);
    expect(await stored(db)).toEqual([T + 3000, 0, undefined, T + 6000]);
    expect((await siteConsentFlows(db, 'news.example')).rows.map((f) => f.sentAt)).toEqual([T + 3000]);
    expect((await companyConsentFlows(db, 'facebook')).rows.map((f) => f.site)).toEqual([
      'shop.example',
      'news.example',
    ]);
    db.close();
    await Dexie.delete(name);
  });
});

describe("a site's and a company's flows, through the index", () => {
  it('lists the newest 50, counts the rest, and leaves out other sites, other companies and what is no evidence', async () => {
    const db = freshDb();
    const flows = Array.from({ length: 120 }, (_, i) => sent(T + (i + 1) * 1000, { consentAt: refused }));
    const others = [
      // Accepted: stamped, no evidence.
      ...Array.from({ length: 30 }, (_, i) => sent(T + i, { consentAt: { state: 'accepted', since: T - 1 } })),
      // Evidence, but another site's and another company's.
      sent(T + 500_000, { consentAt: refused, site: 'shop.example', page: '9:1' }),
      sent(T + 500_000, { consentAt: refused, company: 'google', host: 'ads.google.example' }),
    ];
    await db.events.bulkAdd([...others, ...flows]);
    const site = await siteConsentFlows(db, 'news.example');
    expect(site.rows.map((f) => f.company).every((c) => c === 'facebook' || c === 'google')).toBe(true);
    expect(site.rows).toHaveLength(CONSENT_ROWS);
    // Newest first, the Google one included: 121 on this site, 50 shown.
    expect(site.rows[0]?.company).toBe('google');
    expect(site.rows.slice(1).map((f) => f.sentAt)).toEqual(Array.from({ length: 49 }, (_, i) => T + (120 - i) * 1000));
    expect(site.more).toBe(71);
    const company = await companyConsentFlows(db, 'facebook');
    expect(company.rows[0]?.site).toBe('shop.example');
    expect(company.more).toBe(121 - CONSENT_ROWS);
  });

  it('tells "stamped, and no evidence" from "nothing known"', async () => {
    const db = freshDb();
    await db.events.bulkAdd([
      sent(T, { consentAt: { state: 'no-banner' } }),
      sent(T, { site: 'bare.example', company: 'criteo' }),
    ]);
    expect(await siteConsentFlows(db, 'news.example')).toEqual({ rows: [], more: 0, stamped: true });
    expect(await siteConsentFlows(db, 'bare.example')).toEqual({ rows: [], more: 0, stamped: false });
    expect(await companyConsentFlows(db, 'criteo')).toEqual({ rows: [], more: 0, stamped: false });
  });
});
