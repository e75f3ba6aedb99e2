import { describe, expect, it } from 'vitest';
import { Capture, type TabInfo } from '../../../lib/capture/capture.ts';
import { CanonicalNames } from '../../../lib/capture/cname.ts';
import { buildExport } from '../../../lib/export/export.ts';
import { importExport } from '../../../lib/export/import.ts';
import { composeLetter } from '../../../lib/letters/compose.ts';
import { citableCookies, gatherEvidence } from '../../../lib/letters/evidence.ts';
import { letterLanguage } from '../../../lib/letters/languages.ts';
import { DEFAULT_SETTINGS } from '../../../lib/settings.ts';
import { clearEverything } from '../../../lib/storage/forget.ts';
import { loadPageSummary } from '../../../lib/storage/queries.ts';
import { Recorder } from '../../../lib/storage/recorder.ts';
import { createTrackerMatcher } from '../../../lib/trackers/matcher.ts';
import { realTrackerList } from '../fixture-lists.ts';
import { observed } from '../requests.ts';
import { freshDb } from '../storage/helpers.ts';

// CNAME uncloaking: a site's own subdomain that DNS makes an alias of a tracker's domain. Real tracker data: Adobe's
// omtrdc.net and Eulerian's eulerian.net are the canonical names such subdomains point to in the wild.
const matcher = createTrackerMatcher([realTrackerList()]);
const ADOBE = matcher.matchHostname('shop.example.sc.omtrdc.net')?.company;
const EULERIAN = matcher.matchHostname('shop.example.eulerian.net')?.company;

const PAGE = 'https://www.shop.example/basket';
const CLOAKED = 'https://metrics.shop.example/b/ss/shopprod/1/JS-2.22.0/s1234?AQB=1&pageName=basket';

/** The DNS cache as the resolver sees it: host → canonical name; anything else is a miss (Firefox rejects). */
function dnsCache(entries: Record<string, string>) {
  const asked: string[] = [];
  const resolve = async (host: string) => {
    asked.push(host);
    if (!(host in entries)) throw new Error('NS_ERROR_UNKNOWN_HOST');
    return entries[host];
  };
  return { asked, resolve };
}

function setup(canonicalName?: (host: string) => Promise<string | undefined>) {
  const db = freshDb();
  const recorder = new Recorder(db);
  const badge = new Map<number, number>();
  const tabs = new Map<number, TabInfo>([[1, { url: PAGE, incognito: false }]]);
  let now = 1_000;
  const capture = new Capture({
    db,
    recorder,
    matcher: () => matcher,
    settings: () => DEFAULT_SETTINGS,
    getTab: async (id) => tabs.get(id),
    onCompanyCount: (tabId, count) => badge.set(tabId, count),
    privateAccess: false,
    now: () => now++,
    ...(canonicalName ? { canonicalName } : {}),
  });
  capture.navigated(1, PAGE, false, 1_000);
  const page = (url: string, extra: Parameters<typeof observed>[1] = {}) =>
    observed(url, { initiator: 'https://www.shop.example', topLevelUrl: PAGE, time: 2_000, ...extra });
  return { db, recorder, badge, capture, page };
}

describe('a subdomain of the site whose DNS name is a tracker’s (CNAME cloaking)', () => {
  it('is the tracker’s company: recorded with the canonical name, counted on the badge, listed in the popup', async () => {
    expect(ADOBE?.name).toBe('Adobe');
    const dns = dnsCache({
      'metrics.shop.example': 'shop.example.sc.omtrdc.net',
      'static.shop.example': 'static.shop.example',
    });
    const s = setup(dns.resolve);
    await s.capture.observe(s.page(CLOAKED));
    await s.capture.observe(s.page(CLOAKED, { requestId: '2', time: 2_100 }));
    // The site's own content: its host is no alias, so it stays first party and is not recorded.
    await s.capture.observe(s.page('https://static.shop.example/app.js', { type: 'script' }));
    await s.recorder.flush();

    const events = await s.db.events.toArray();
    expect(events.map((e) => [e.company, e.kind, e.category, e.host, e.cname])).toEqual([
      [ADOBE?.id, 'tracker', 'site_analytics', 'metrics.shop.example', 'shop.example.sc.omtrdc.net'],
      [ADOBE?.id, 'tracker', 'site_analytics', 'metrics.shop.example', 'shop.example.sc.omtrdc.net'],
    ]);
    expect(s.badge.get(1)).toBe(1);
    // One look-up per host, however many requests went to it.
    expect(dns.asked).toEqual(['metrics.shop.example', 'static.shop.example']);

    const summary = await loadPageSummary(s.db, 1, 'shop.example');
    expect(summary.recipients).toMatchObject([
      {
        company: ADOBE?.id,
        requests: 2,
        hosts: ['metrics.shop.example'],
        via: [{ host: 'metrics.shop.example', cname: 'shop.example.sc.omtrdc.net', onSite: true }],
      },
    ]);
  });

  it('stays first party where the browser cannot tell (Chromium: no resolver) or the name is not in its cache', async () => {
    const none = setup();
    await none.capture.observe(none.page(CLOAKED));
    await none.recorder.flush();
    expect(await none.db.events.count()).toBe(0);

    // A miss ('offline' answers from the cache only) is "no alias", asked once: never an error, never a guess.
    const dns = dnsCache({});
    const miss = setup(dns.resolve);
    await miss.capture.observe(miss.page(CLOAKED));
    await miss.capture.observe(miss.page(CLOAKED, { requestId: '2' }));
    await miss.recorder.flush();
    expect(await miss.db.events.count()).toBe(0);
    expect(dns.asked).toEqual(['metrics.shop.example']);
    expect(miss.badge.get(1)).toBe(0);
  });

  it.each([
    ['a CDN serving the site (a hosting company)', 'd1234abcd.cloudfront.net'],
    ['a host on the site’s own domain', 'edge.shop.example'],
    ['a name no list knows', 'lb-7.hosting-partner.example'],
  ])('is not uncloaked when it points to %s', async (_, canonical) => {
    const s = setup(dnsCache({ 'metrics.shop.example': canonical }).resolve);
    await s.capture.observe(s.page(CLOAKED));
    await s.recorder.flush();
    expect(await s.db.events.count()).toBe(0);
  });

  it('counts a blocked request as an attempt, not as received', async () => {
    const s = setup(dnsCache({ 'metrics.shop.example': 'shop.example.sc.omtrdc.net' }).resolve);
    await s.capture.observe(s.page(CLOAKED, { outcome: 'error', error: 'NS_ERROR_TRACKING_URI' }));
    await s.recorder.flush();
    const [e] = await s.db.events.toArray();
    expect(e).toMatchObject({ company: ADOBE?.id, delivery: 'not-received', cname: 'shop.example.sc.omtrdc.net' });
    expect(s.badge.get(1)).toBe(0);
  });

  it('names an unlisted third party’s host that points to a tracker as that tracker', async () => {
    expect(EULERIAN?.name).toBe('Eulerian Technologies');
    const s = setup(dnsCache({ 'ea.partner-shop.example': 'partner-shop.eulerian.net' }).resolve);
    await s.capture.observe(s.page('https://ea.partner-shop.example/col2/-/1700000000'));
    await s.recorder.flush();
    const [e] = await s.db.events.toArray();
    expect(e).toMatchObject({ company: EULERIAN?.id, kind: 'tracker', cname: 'partner-shop.eulerian.net' });
    const summary = await loadPageSummary(s.db, 1, 'shop.example');
    expect(summary.recipients[0]?.via).toEqual([
      { host: 'ea.partner-shop.example', cname: 'partner-shop.eulerian.net', onSite: false },
    ]);
  });

  it('keeps the canonical name through an export and an import', async () => {
    const s = setup(dnsCache({ 'metrics.shop.example': 'shop.example.sc.omtrdc.net' }).resolve);
    await s.capture.observe(s.page(CLOAKED));
    await s.recorder.flush();
    const exported = await buildExport(s.db, (id) => id, { name: 'TrackerDB', version: '1', license: 'CC' });
    expect(exported.events.map((e) => [e.host, e.cname])).toEqual([
      ['metrics.shop.example', 'shop.example.sc.omtrdc.net'],
    ]);
    await clearEverything(s.db);
    expect(await importExport(s.db, JSON.stringify(exported))).toMatchObject({ eventsAdded: 1 });
    expect((await s.db.events.toArray()).map((e) => e.cname)).toEqual(['shop.example.sc.omtrdc.net']);
  });

  it('is named in the letter’s evidence as observed, and never taken for the company’s own domain', async () => {
    const s = setup(dnsCache({ 'metrics.shop.example': 'shop.example.sc.omtrdc.net' }).resolve);
    await s.capture.observe(s.page(CLOAKED));
    await s.capture.observe(s.page('https://shopexample.d3.sc.omtrdc.net/b/ss/x', { requestId: '2' }));
    await s.recorder.flush();
    const g = await gatherEvidence(s.db, { id: ADOBE?.id ?? '', name: 'Adobe' });
    expect(g?.evidence).toMatchObject({
      domains: ['shopexample.d3.sc.omtrdc.net'],
      via: [{ host: 'metrics.shop.example', site: 'shop.example', cname: 'shop.example.sc.omtrdc.net' }],
    });
    // The site's own cookies (sent to its subdomain) are never cited to Adobe as Adobe's.
    const cookies = citableCookies(g?.evidence.domains ?? [], [
      { name: 'basket_id', value: 'b-12345678', domain: '.shop.example', httpOnly: false, secure: true },
      { name: 'demdex', value: '44412345678901234', domain: '.omtrdc.net', httpOnly: false, secure: true },
    ]);
    expect(cookies.map((c) => c.name)).toEqual(['demdex']);
    const options = { jurisdiction: 'gdpr' as const, reference: 'DSC-1', date: '2026-11-03', extensionVersion: '0' };
    const en = await composeLetter(letterLanguage('en'), g!.evidence, [], options);
    expect(en.body).toContain('Your domains that received data: shopexample.d3.sc.omtrdc.net.');
    expect(en.body).toContain(
      'Among them are requests to metrics.shop.example, a subdomain of the website shop.example, which my browser counted as yours because its DNS entry was an alias (CNAME) of shop.example.sc.omtrdc.net, one of your domains.',
    );
    const de = await composeLetter(letterLanguage('de'), g!.evidence, [], options);
    expect(de.body).toContain('metrics.shop.example (eine Subdomain der Website shop.example)');
    expect(de.body).toContain('shop.example.sc.omtrdc.net');
  });
});

describe('the canonical names kept', () => {
  it('are bounded: past the limit the oldest host is asked again', async () => {
    const dns = dnsCache({ 'a.example': 'a.example', 'b.example': 'b.example', 'c.example': 'c.example' });
    const names = new CanonicalNames(dns.resolve, 2);
    for (const host of ['a.example', 'b.example', 'a.example', 'c.example', 'b.example', 'a.example'])
      await names.lookup(host);
    expect(dns.asked).toEqual(['a.example', 'b.example', 'c.example', 'a.example']);
  });

  it('say "no alias" for the host itself, an IP address, a same-domain alias and garbage', async () => {
    const names = new CanonicalNames(async (host) =>
      host === 'x.shop.example' ? 'X.Tracker.Example.' : host === 'y.shop.example' ? 'shop.example' : '<b>',
    );
    expect(await names.lookup('x.shop.example')).toBe('x.tracker.example');
    expect(await names.lookup('y.shop.example')).toBeUndefined();
    expect(await names.lookup('z.shop.example')).toBeUndefined();
    expect(await names.lookup('192.0.2.7')).toBeUndefined();
  });
});
