import { describe, expect, it } from 'vitest';
import { writeEvents } from '../../../lib/storage/batch.ts';
import { loadPageSummary, pageCompanies } from '../../../lib/storage/queries.ts';
import { event, freshDb } from './helpers.ts';

const PAGE = { key: '1:1000', tabId: 1, site: 'news.example', startedAt: 1000 };
const id = (name: string, value: string) => ({ kind: 'identifier' as const, source: 'url' as const, name, value });

/** A page on which Google got one request through, and Meta's two were blocked and served from the cache. */
async function page() {
  const db = freshDb();
  await writeEvents(
    db,
    [
      event({ kinds: ['page-address'], delivery: 'received', deliveryReason: 'response' }),
      event({
        kinds: ['identifier'],
        findings: [id('cid', '555.777')],
        outcome: 'error',
        error: 'net::ERR_BLOCKED_BY_CLIENT',
        delivery: 'not-received',
        deliveryReason: 'blocked-by-extension',
      }),
      event({
        company: 'facebook',
        host: 'www.facebook.com',
        kinds: ['event'],
        findings: [{ kind: 'event', source: 'url', name: 'ev', value: 'PageView', detail: 'page view' }],
        outcome: 'error',
        error: 'net::ERR_BLOCKED_BY_CLIENT',
        delivery: 'not-received',
        deliveryReason: 'blocked-by-extension',
      }),
      event({ company: 'facebook', host: 'www.facebook.com', delivery: 'uncertain', deliveryReason: 'cache' }),
      // Recorded before deliveries were: a completed request counts as received, a failed one does not.
      event({ company: 'bing', host: 'bat.bing.com', kinds: ['event'] }),
    ],
    [PAGE],
  );
  return db;
}

describe('the popup summary of a page', () => {
  it('says what arrived as received, and a company none of whose requests arrived as only attempted', async () => {
    const db = await page();
    const { recipients } = await loadPageSummary(db, 1, 'news.example');
    const byId = new Map(recipients.map((r) => [r.company, r]));
    // Google: the blocked request's identifier is not among what it received.
    expect(byId.get('google')).toMatchObject({ requests: 2, failed: 1, kinds: ['page-address'] });
    expect(byId.get('google')?.attemptedOnly).toBeUndefined();
    expect(byId.get('google')?.details.identifier).toBeUndefined();
    // Meta: blocked, then from the cache: what it would have received, marked so.
    expect(byId.get('facebook')).toMatchObject({ requests: 2, failed: 2, attemptedOnly: true, kinds: ['event'] });
    expect(byId.get('facebook')?.details.event).toEqual(['page view']);
    // One of Meta's was blocked, the other came from the cache: not all of it was blocked.
    expect(byId.get('facebook')?.blockedOnly).toBe(false);
    expect(byId.get('google')?.blockedOnly).toBe(true);
    // Meta's cached request may have reached it: not "stopped", so nothing is claimed not to have arrived.
    expect(byId.get('facebook')?.stoppedOnly).toBe(false);
    expect(byId.get('google')?.stoppedOnly).toBe(true);
    expect(byId.get('bing')).toMatchObject({ requests: 1, failed: 0, kinds: ['event'] });
  });

  it("lists as a company's domains only the hosts that received, and the others as not reached", async () => {
    const db = freshDb();
    await writeEvents(
      db,
      [
        event({ host: 'www.google-analytics.com', delivery: 'received', deliveryReason: 'response' }),
        // Blocked at one host, through at the other: only the one it was reached at is where it received.
        event({
          host: 'stats.g.doubleclick.net',
          outcome: 'error',
          error: 'net::ERR_BLOCKED_BY_CLIENT',
          delivery: 'not-received',
          deliveryReason: 'blocked-by-extension',
        }),
        // A host that failed once and answered once did receive.
        event({ host: 'www.googletagmanager.com', delivery: 'uncertain', deliveryReason: 'cache' }),
        event({ host: 'www.googletagmanager.com', delivery: 'received', deliveryReason: 'response' }),
        event({
          company: 'facebook',
          host: 'www.facebook.com',
          outcome: 'error',
          error: 'net::ERR_BLOCKED_BY_CLIENT',
          delivery: 'not-received',
          deliveryReason: 'blocked-by-extension',
        }),
      ],
      [PAGE],
    );
    const { recipients } = await loadPageSummary(db, 1, 'news.example');
    const byId = new Map(recipients.map((r) => [r.company, r]));
    expect(byId.get('google')).toMatchObject({
      requests: 4,
      failed: 2,
      hosts: ['www.google-analytics.com', 'www.googletagmanager.com'],
      missedHosts: ['stats.g.doubleclick.net'],
    });
    // A company only attempted: the hosts it was tried at, nothing "missed" beside them.
    expect(byId.get('facebook')).toMatchObject({ attemptedOnly: true, hosts: ['www.facebook.com'] });
    expect(byId.get('facebook')?.missedHosts).toBeUndefined();
  });

  it("finds the tab's latest load on the site asked about: a page shown again by Back keeps its companies", async () => {
    const db = freshDb();
    const later = { key: '1:2000', tabId: 1, site: 'shop.example', startedAt: 2000 };
    await writeEvents(
      db,
      [event({ kinds: ['page-address'], delivery: 'received', deliveryReason: 'response' })],
      [PAGE, later],
    );
    // news.example → shop.example → Back: the tab shows the news page again, loaded at 1000.
    const back = await loadPageSummary(db, 1, 'news.example');
    expect(back.page?.key).toBe(PAGE.key);
    expect(back.recipients.map((r) => r.company)).toEqual(['google']);
    expect((await loadPageSummary(db, 1, 'shop.example')).page?.key).toBe(later.key);
    expect((await loadPageSummary(db, 1, 'blog.example')).page).toBeUndefined();
    expect((await loadPageSummary(db, 2, 'news.example')).page).toBeUndefined();
  });

  it('gives the badge only the companies that received data', async () => {
    const db = await page();
    expect([...(await pageCompanies(db, PAGE.key))].sort()).toEqual(['bing', 'google']);
  });
});
