import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Capture } from '../../../lib/capture/capture.ts';
import type { ObservedRequest } from '../../../lib/classify/request-details.ts';
import { buildExport, writeExport } from '../../../lib/export/export.ts';
import { importExport, importFile } from '../../../lib/export/import.ts';
import { DEFAULT_SETTINGS } from '../../../lib/settings.ts';
import type { DisclosedDb } from '../../../lib/storage/db.ts';
import { STORED } from '../../../lib/storage/limits.ts';
import { Recorder } from '../../../lib/storage/recorder.ts';
import { createTrackerMatcher } from '../../../lib/trackers/matcher.ts';
import { gppString, tcString } from '../../../scripts/consent-strings.ts';
import { expectLinesMatchSchema } from '../../export-schema.ts';
import { anyText } from '../disclose/hostile-generators.ts';
import { realTrackerList } from '../fixture-lists.ts';
import { observed } from '../requests.ts';
import { event, freshDb } from '../storage/helpers.ts';

// Whatever the recorder can store, an export of it imports and gives the same totals. The requests go through the
// capture as the worker runs it (the real tracker list, classifier and decoder), so sites, hosts, companies,
// categories, methods and findings are what a page can make them.

const matcher = createTrackerMatcher([realTrackerList()]);
const trackerData = { name: 'Ghostery Tracker Database', version: '1.0.945', license: 'CC BY-NC-SA 4.0' };
const nameOf = (id: string) => id.replace(/^site:/, '');

/** Records requests made with no tab (so no page load is needed), from the page each names, as the worker would. */
async function recorded(requests: ObservedRequest[]): Promise<DisclosedDb> {
  const db = freshDb();
  const recorder = new Recorder(db);
  const capture = new Capture({
    db,
    recorder,
    matcher: () => matcher,
    settings: () => DEFAULT_SETTINGS,
    getTab: async () => undefined,
    privateAccess: false,
  });
  for (const r of requests) await capture.observe(r);
  await recorder.flush();
  return db;
}

/**
 * Every total and summary, in a stable order, without what belongs to the browser that recorded it. Compared as
 * values: a summary rebuilt from the totals may list its kinds in another order than the recorder wrote them, and a
 * day's pairs (lines of text) in another order too.
 */
async function totals(db: DisclosedDb) {
  const canonical = (v: unknown): unknown => {
    if (typeof v === 'string' && v.includes('\n')) return v.split('\n').sort();
    if (Array.isArray(v)) return v.map(canonical);
    if (v && typeof v === 'object')
      return Object.fromEntries(
        Object.entries(v)
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([k, x]) => [k, canonical(x)]),
      );
    return v;
  };
  const sorted = (rows: object[]) => rows.map((r) => JSON.stringify(canonical(r))).sort();
  const events = await db.events.toArray();
  return {
    flows: sorted(await db.siteCompanies.toArray()),
    attempts: sorted(await db.attempts.toArray()),
    days: sorted(await db.dayCompanies.toArray()),
    companies: sorted(await db.companies.toArray()),
    sites: sorted(await db.sites.toArray()),
    daySummaries: sorted(await db.days.toArray()),
    events: events.length,
    eventKeys: sorted(events.map((e) => [e.time, e.site, e.company, e.host, e.type, e.method, e.outcome])),
    // What the consent signals said comes back as recorded (version 4).
    consent: sorted(events.map((e) => [e.time, e.host, e.consent ?? null, e.consentAt ?? null])),
  };
}

/** Export in lines (in small parts), check every line by the schema, import into a fresh database part by part. */
async function roundTrip(db: DisclosedDb) {
  const parts: string[] = [];
  await writeExport(db, nameOf, trackerData, (p) => parts.push(p), { partChars: 64 * 1024 });
  expectLinesMatchSchema(parts.join(''));
  const restored = freshDb();
  const report = await importFile(
    () => parts,
    (part) => importExport(restored, part),
    { chars: 128 * 1024, records: 500 },
  );
  return { restored, report };
}

async function expectSameTotals(db: DisclosedDb) {
  const before = await totals(db);
  const { restored, report } = await roundTrip(db);
  expect(await totals(restored)).toEqual(before);
  return { before, report };
}

const page = (site: string) => ({ topLevelUrl: `https://${site}/`, tabId: -1, incognito: false });
const GA = 'https://www.google-analytics.com/g/collect';

describe('what the recorder stores, an export imports: the known gaps', () => {
  it.each<[string, ObservedRequest[]]>([
    ['a custom method', [observed(GA, { ...page('news.example'), method: 'X-Y' })]],
    ['a method of RFC 9110 token characters', [observed(GA, { ...page('news.example'), method: "M!#$%&'*+.^_`|~" })]],
    ['a site with _', [observed(GA, page('www.my_site.example'))]],
    ['a site that is an IPv6 address', [observed(GA, { ...page('x'), topLevelUrl: 'http://[2001:db8::1]:8080/a' })]],
    ['a site that is an IPv4 address', [observed(GA, { ...page('x'), topLevelUrl: 'http://192.168.0.1/' })]],
    ['a host with _', [observed('https://a_b.widgets.example/p', page('news.example'))]],
    ['a host that is an IPv6 address', [observed('http://[2001:db8::2]/p', page('news.example'))]],
    [
      'hosts with every character a WHATWG host may hold',
      [observed('https://a!$&\'()+,;=_`{}~"b.widgets.example/', page('news.example'))],
    ],
    ['an IDN host and site', [observed('https://bücher.example/x', page('zürich.example'))]],
    ['a host of 5,000 characters', [observed(`https://${'a'.repeat(5000)}.example/`, page('news.example'))]],
    [
      'an email finding with a 3,000-character domain',
      [observed(`${GA}?em=jane@${'d'.repeat(3000)}.example`, page('news.example'))],
    ],
    [
      `${STORED.hostsPerTotal * 10 + 1} hosts of one company`,
      Array.from({ length: STORED.hostsPerTotal * 10 + 1 }, (_, i) =>
        observed(`https://h${i}.widgets.example/p`, { ...page('news.example'), time: 5_000 + i }),
      ),
    ],
    [
      `${STORED.sitesPerDay + 1} sites of one company in a day`,
      Array.from({ length: STORED.sitesPerDay + 1 }, (_, i) =>
        observed(GA, { ...page(`s${i}.example`), time: 5_000 + i }),
      ),
    ],
    [
      'every consent signal, decoded, with GPC on',
      [
        observed(
          `https://securepubads.g.doubleclick.net/gampad/ads?gdpr=1&gdpr_consent=${tcString({ purposesConsent: [1, 3], vendorConsents: [755] })}` +
            `&addtl_consent=1~${Array.from({ length: 300 }, (_, i) => i + 1).join('.')}` +
            `&gpp=${gppString({ usnat: { SaleOptOut: 1, SharingOptOut: 2 }, uspv1: { Notice: 'Y', OptOutSale: 'N' } })}` +
            '&gpp_sid=7,6&us_privacy=1YN-&gcs=G101&npa=1',
          { ...page('news.example'), extras: { gpc: true } },
        ),
      ],
    ],
    [
      'a failed request with its error',
      [observed(GA, { ...page('news.example'), outcome: 'error', error: 'NS_ERROR_NET_ON_RESOLVED' })],
    ],
  ])('%s', async (name, requests) => {
    const db = await recorded(requests);
    if ((await db.events.count()) !== requests.length) throw new Error(`${name}: not recorded`);
    if (name.startsWith('every consent signal') && !(await db.events.toArray())[0]?.consent?.tcf?.additionalConsent)
      throw new Error(`${name}: its consent was not decoded`);
    const { before, report } = await expectSameTotals(db);
    expect(before.events).toBe(requests.length);
    expect(report.eventsAdded).toBe(requests.length);
  });

  it('organization ids and categories with odd characters, as tracker lists name them', async () => {
    const db = freshDb();
    const recorder = new Recorder(db);
    for (const [company, category] of [
      ['AO Kaspersky Lab', 'misc'],
      ['art.lebedev_studio', 'advertising'],
      ['pattern:a/b c', 'site_analytics'],
      ['constructor', '__proto__'],
    ] as const)
      recorder.add(event({ company, category }));
    // Chrome's parser writes a space in a host as %20 and * as %2A (Node's refuses them, so no capture here).
    recorder.add(event({ company: 'site:a%20b%2a.example', host: 'a%20b%2a.example', kind: 'unlisted' }));
    recorder.add(event({ site: 'a%20b%2a.example' }));
    await recorder.flush();
    await expectSameTotals(db);
  });
});

const ORIGINS = ['https://www.google-analytics.com', 'https://connect.facebook.net', 'https://widgets.example'];
/** A host label: letters, digits, any character a host may hold, upper case and non-ASCII (the parser lowers them). */
const label = fc
  .array(fc.constantFrom(...'abcXYZ019-_~!$&\'()+,;=`{}"ßé中'.split(''), 'xn--', '%20'), {
    minLength: 1,
    maxLength: 12,
  })
  .map((c) => c.join(''));
const hostName = fc.oneof(
  fc.array(label, { minLength: 1, maxLength: 3 }).map((l) => `${l.join('.')}.example`),
  fc.constantFrom('[2001:db8::1]', '[::ffff:1.2.3.4]', '10.0.0.1', '0x7f.1', 'localhost', 'github.io'),
);
const METHODS = ['GET', 'POST', 'get', 'X-Y', 'M-SEARCH', 'PROPFIND', "!#$%&'*+.^_`|~9"];
const TYPES = ['image', 'script', 'xmlhttprequest', 'ping', 'beacon', 'sub_frame', 'xml_dtd', 'other', 'websocket'];
const ERRORS = ['net::ERR_BLOCKED_BY_CLIENT', 'net::ERR_NAME_NOT_RESOLVED', 'NS_ERROR_ABORT', 'net::ERR_FAILED'];

const request: fc.Arbitrary<ObservedRequest> = fc
  .record({
    site: hostName,
    target: fc.oneof(
      fc.constantFrom(...ORIGINS),
      hostName.map((h) => `https://${h}`),
    ),
    path: fc.array(fc.oneof(anyText, fc.constantFrom('collect', '550e8400-e29b-41d4-a716-446655440000')), {
      maxLength: 3,
    }),
    query: fc.array(
      fc.tuple(
        fc.constantFrom(
          'cid',
          'em',
          'dl',
          'uid',
          'q',
          'password',
          'gdpr_consent',
          'gpp',
          'gpp_sid',
          'us_privacy',
          'gcs',
        ),
        anyText,
      ),
      { maxLength: 4 },
    ),
    method: fc.constantFrom(...METHODS),
    type: fc.constantFrom(...TYPES),
    error: fc.option(fc.constantFrom(...ERRORS)),
    time: fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 0, 1) }),
    // Form bodies (a login form's fields are secrets): the decoder's own property tests cover bombs and broken bytes.
    body: fc.option(
      fc
        .array(fc.tuple(fc.constantFrom('email', 'password', 'q', 'data'), anyText), { maxLength: 3 })
        .map((fields) => ({ formData: Object.fromEntries(fields.map(([n, v]) => [n, [v]])) })),
    ),
    cookies: fc.array(fc.constantFrom('_ga', '_fbp', 'sid', 'x'), { maxLength: 3 }),
  })
  .map((r) => {
    // As a browser sends them: percent-encoded, a lone surrogate as U+FFFD.
    const encode = (v: string) => encodeURIComponent(Buffer.from(v).toString());
    const url = `${r.target}/${r.path.map(encode).join('/')}?${r.query.map(([n, v]) => `${n}=${encode(v)}`).join('&')}`;
    return observed(url, {
      ...page(r.site),
      method: r.method.toUpperCase(),
      type: r.type,
      time: r.time,
      ...(r.error ? { outcome: 'error' as const, error: r.error } : {}),
      extras: {
        ...(r.body ? { body: r.body } : {}),
        referer: `https://${r.site}/page`,
        ...(r.cookies.length ? { cookieNames: r.cookies } : {}),
      },
    });
  });

describe('the recorder and the validator agree (property)', () => {
  it('recorded hostile requests export, import into a fresh database, and give the same totals', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(request, { minLength: 1, maxLength: 8 }), async (requests) => {
        const db = await recorded(requests);
        const before = await totals(db);
        const { restored } = await roundTrip(db);
        expect(await totals(restored)).toEqual(before);
        // And the whole-object form of the same export (the one small files are in) imports the same.
        const again = freshDb();
        await importExport(again, JSON.stringify(await buildExport(db, nameOf, trackerData)));
        expect(await totals(again)).toEqual(before);
        db.close();
        restored.close();
        again.close();
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
