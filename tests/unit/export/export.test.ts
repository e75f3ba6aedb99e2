import { describe, expect, it } from 'vitest';
import type { StoredFinding } from '../../../lib/disclose/decode.ts';
import { buildExport, exportFinding, flowsCsv, flowsGexf } from '../../../lib/export/export.ts';
import { type ExportFileV1, ImportError, validateExport } from '../../../lib/export/format.ts';
import { importExport } from '../../../lib/export/import.ts';
import { readWholeExport } from '../../../lib/export/stream.ts';
import { clearEverything } from '../../../lib/storage/forget.ts';
import { Recorder } from '../../../lib/storage/recorder.ts';
import { expectLinesMatchSchema, expectMatchesSchema } from '../../export-schema.ts';
import { event, freshDb } from '../storage/helpers.ts';

const trackerData = { name: 'Ghostery Tracker Database', version: '1.0.945', license: 'CC BY-NC-SA 4.0' };
const names: Record<string, string> = { google: 'Google', facebook: 'Meta' };
const nameOf = (id: string) => names[id] ?? id.replace(/^site:/, '');

async function browsed() {
  const db = freshDb();
  const recorder = new Recorder(db);
  const t = Date.UTC(2026, 10, 20, 12);
  recorder.add(
    event({
      time: t,
      // A path with an id in it: exported masked, and still recognised as this event when imported back.
      path: '/g/collect/550e8400-e29b-41d4-a716-446655440000',
      kinds: ['full-address', 'search-terms', 'identifier', 'cookie', 'email', 'secret'],
      findings: [
        {
          // As a version 7 database held it: whole. Exports mask it all the same.
          kind: 'full-address',
          source: 'url',
          name: 'dl',
          value: 'https://news.example/u/98765432/inbox?q=x&t=1',
          detail: 'q, t',
        },
        { kind: 'search-terms', source: 'url', name: 'q', value: 'jane doe lawyer' },
        { kind: 'identifier', source: 'url', name: 'cid', value: '12345678…00', detail: 'cid' },
        {
          kind: 'cookie',
          source: 'cookie',
          name: 'Cookie',
          value: '_ga, _hjSessionUser_4815162',
          detail: '_ga, _hjSessionUser_4815162',
        },
        { kind: 'email', source: 'body', name: 'user.email', value: 'j…@example.com' },
        // A secret is kept as sent, with no value: it exports and imports so.
        { kind: 'secret', source: 'body', name: 'user.password', value: '' },
      ],
      identifiers: [{ name: 'cid', value: '1234567890.1700000000' }],
    }),
  );
  // A second host, first seen after the first: the order must survive the round trip.
  // Sent after the person refused, the request's own TC string saying no to Google, with GPC on (version 4).
  recorder.add(
    event({
      time: t + 600,
      host: 'analytics.google.com',
      consent: { tcf: REFUSED_TCF, googleConsentMode: { adStorage: 'denied', analyticsStorage: 'denied' }, gpc: true },
      consentAt: { state: 'refused', since: t + 300, cmp: 'tcf:7' },
    }),
  );
  recorder.add(
    event({
      time: t + 1000,
      company: 'facebook',
      host: 'www.facebook.com',
      path: '/tr',
      outcome: 'error',
      error: 'net::ERR_BLOCKED_BY_CLIENT',
      delivery: 'not-received',
      deliveryReason: 'blocked-by-extension',
    }),
  );
  recorder.add(
    event({
      time: t + 2000,
      site: 'shop.example',
      company: 'site:widgets.example',
      kind: 'unlisted',
      category: 'unlisted',
      host: 'cdn.widgets.example',
    }),
  );
  await recorder.flush();
  return db;
}

async function views(db: Awaited<ReturnType<typeof browsed>>) {
  const strip = <T extends { id?: number; page?: string; tabId?: number }>(rows: T[]) =>
    rows.map(({ id: _, page: __, tabId: ___, ...rest }) => rest);
  return {
    flows: await db.siteCompanies.toArray(),
    attempts: await db.attempts.toArray(),
    days: await db.dayCompanies.toArray(),
    events: strip(await db.events.orderBy('time').toArray()),
  };
}

const REFUSED_TCF = {
  gdprApplies: true,
  cmpId: 7,
  policyVersion: 5,
  vendorId: 755,
  vendorConsent: false,
  vendorLegitimateInterest: false,
  purposesConsent: [],
  purposesLegitimateInterest: [],
  specialFeatures: [],
};

/** Every identifying string `browsed()` stored: none may be in an export. */
const IDENTIFYING = ['1234567890', '12345678', '550e8400', '98765432', 'jane', 'j…@', 'example.com', '4815162', 'q=x'];

describe('export', () => {
  it('holds the flows, days and events, valid against its own format and the schema, and no identifier values', async () => {
    const db = await browsed();
    const file = await buildExport(db, nameOf, trackerData, Date.UTC(2026, 10, 23));
    expect(file.version).toBe(4);
    expectMatchesSchema(file);
    expect(validateExport(JSON.parse(JSON.stringify(file)))).toEqual(file);
    expect(file.flows.find((f) => f.organization.id === 'google')).toMatchObject({
      site: 'news.example',
      organization: { id: 'google', name: 'Google' },
      requests: 2,
      domains: ['www.google-analytics.com', 'analytics.google.com'],
      dataKinds: { identifier: { first: '2026-11-20T12:00:00.000Z', last: '2026-11-20T12:00:00.000Z' } },
    });
    expect(file.events).toHaveLength(4);
    // The blocked request says it never arrived, and why.
    expect(file.events.find((e) => e.organization === 'facebook')).toMatchObject({
      outcome: 'error',
      delivery: 'not-received',
      deliveryReason: 'blocked-by-extension',
    });
    // Meta's request was blocked: in no flow or day, an attempt and an event that says it failed.
    expect(file.flows.map((f) => f.organization.id)).not.toContain('facebook');
    expect(file.days.map((d) => d.organization)).not.toContain('facebook');
    expect(file.attempts).toEqual([
      {
        site: 'news.example',
        organization: { id: 'facebook', name: 'Meta' },
        kind: 'tracker',
        category: 'site_analytics',
        categories: { site_analytics: 1 },
        domains: ['www.facebook.com'],
        requests: 1,
        firstSeen: '2026-11-20T12:00:01.000Z',
        lastSeen: '2026-11-20T12:00:01.000Z',
        dataKinds: {},
      },
    ]);
    expect(file.events.filter((e) => e.organization === 'facebook')).toMatchObject([
      { outcome: 'error', error: 'net::ERR_BLOCKED_BY_CLIENT' },
    ]);
    const json = JSON.stringify(file);
    for (const value of IDENTIFYING) expect(json).not.toContain(value);
  });

  it('masks the path and keeps of each finding its kind, source, name and shape, never its characters', async () => {
    const file = await buildExport(await browsed(), nameOf, trackerData);
    const first = file.events[0]!;
    expect(first.path).toBe('/g/collect/:id');
    expect(first.findings).toEqual([
      {
        kind: 'full-address',
        source: 'url',
        name: 'dl',
        shape: 'address',
        address: 'https://news.example/u/:id/inbox?q&t',
        detail: 'q, t',
      },
      { kind: 'search-terms', source: 'url', name: 'q', shape: 'text' },
      { kind: 'identifier', source: 'url', name: 'cid', shape: 'digits' },
      { kind: 'cookie', source: 'cookie', name: 'Cookie', shape: 'text', detail: '_ga, :id' },
      { kind: 'email', source: 'body', name: 'user.email', shape: 'email' },
      { kind: 'secret', source: 'body', name: 'user.password', shape: 'empty' },
    ]);
  });

  it('round-trips: export, delete everything, import — the same totals, the events as exported; again adds nothing', async () => {
    const db = await browsed();
    const before = await views(db);
    const exported = await buildExport(db, nameOf, trackerData);
    const text = JSON.stringify(exported);
    // Into the browser it came from: every event is recognised, though its path there is whole.
    expect(await importExport(db, text)).toMatchObject({ flowsAdded: 0, eventsAdded: 0, eventsAlreadyThere: 4 });
    expect(await views(db)).toEqual(before);
    await clearEverything(db);
    // Meta's one request was blocked: it is an attempt, in no total, so two flows (Google's, the widget's).
    expect(await importExport(db, text)).toEqual({
      flowsAdded: 2,
      flowsUpdated: 0,
      attemptsAdded: 1,
      daysAdded: 2,
      eventsAdded: 4,
      eventsAlreadyThere: 0,
      // This export did not include the letters.
      lettersAdded: 0,
      lettersUpdated: 0,
      contactsSaved: 0,
    });
    const after = await views(db);
    // As the same text: the rows read back exactly as recorded, down to the order of their fields.
    expect(JSON.stringify({ flows: after.flows, attempts: after.attempts, days: after.days })).toBe(
      JSON.stringify({ flows: before.flows, attempts: before.attempts, days: before.days }),
    );
    // The events hold what the file held, no more: exporting them again writes the same events.
    const again = await buildExport(db, nameOf, trackerData);
    expectMatchesSchema(again);
    expect(again.events).toEqual(exported.events);
    expect(await importExport(db, text)).toEqual({
      flowsAdded: 0,
      flowsUpdated: 2,
      attemptsAdded: 0,
      daysAdded: 0,
      eventsAdded: 0,
      eventsAlreadyThere: 4,
      // This export did not include the letters.
      lettersAdded: 0,
      lettersUpdated: 0,
      contactsSaved: 0,
    });
    expect(await views(db)).toEqual(after);
  });
});

/** A version 1 file, as Disclosed wrote them before: paths whole, findings with their shortened values. */
const V1: ExportFileV1 = {
  format: 'disclosed-export',
  version: 1,
  exportedAt: '2026-11-23T13:30:00.000Z',
  trackerData,
  flows: [
    {
      site: 'news.example',
      organization: { id: 'google', name: 'Google' },
      kind: 'tracker',
      category: 'site_analytics',
      domains: ['www.google-analytics.com'],
      requests: 1,
      failed: 0,
      firstSeen: '2026-11-20T12:00:00.000Z',
      lastSeen: '2026-11-20T12:00:00.000Z',
      dataKinds: { identifier: { first: '2026-11-20T12:00:00.000Z', last: '2026-11-20T12:00:00.000Z' } },
    },
  ],
  days: [{ day: '2026-11-20', organization: 'google', kind: 'tracker', requests: 1, sites: ['news.example'] }],
  events: [
    {
      time: '2026-11-20T12:00:00.000Z',
      site: 'news.example',
      organization: 'google',
      kind: 'tracker',
      category: 'site_analytics',
      host: 'www.google-analytics.com',
      path: '/j/collect/12345678901',
      type: 'image',
      method: 'GET',
      outcome: 'completed',
      dataKinds: ['identifier'],
      findings: [{ kind: 'identifier', source: 'url', name: 'cid', value: '12345678…00', detail: 'cid' }],
    },
  ],
};

describe('consent in an export (version 4)', () => {
  it('carries each event’s decoded consent and the page’s state, times as ISO, and brings them back on import', async () => {
    const db = await browsed();
    const exported = await buildExport(db, nameOf, trackerData);
    const withConsent = exported.events.filter((e) => e.consent);
    expect(withConsent).toEqual([
      expect.objectContaining({
        host: 'analytics.google.com',
        consent: {
          tcf: REFUSED_TCF,
          googleConsentMode: { adStorage: 'denied', analyticsStorage: 'denied' },
          gpc: true,
        },
        consentAt: { state: 'refused', since: '2026-11-20T12:00:00.300Z', cmp: 'tcf:7' },
      }),
    ]);
    // Older events carry neither field.
    expect(exported.events.filter((e) => !e.consent && !e.consentAt)).toHaveLength(3);
    await clearEverything(db);
    await importExport(db, JSON.stringify(exported));
    const stored = (await db.events.toArray()).find((e) => e.host === 'analytics.google.com');
    expect(stored?.consent).toEqual(withConsent[0]?.consent);
    expect(stored?.consentAt).toEqual({ state: 'refused', since: Date.UTC(2026, 10, 20, 12, 0, 0, 300), cmp: 'tcf:7' });
  });

  it('carries when each request was sent and, before an answer, when the person answered; an import keeps both', async () => {
    const db = freshDb();
    const recorder = new Recorder(db);
    const t = Date.UTC(2026, 10, 20, 12);
    // Sent while the banner waited, finished 250 ms later; the person refused 2 s after it was sent.
    recorder.add(
      event({
        time: t + 250,
        sentAt: t,
        consentAt: { state: 'not-answered', since: t - 1000, answeredAt: t + 2000, cmp: 'tcf:7' },
      }),
    );
    // An older event: no send time was seen.
    recorder.add(event({ time: t + 5000, path: '/older' }));
    await recorder.flush();
    const exported = await buildExport(db, nameOf, trackerData);
    expect(exported.events.map((e) => [e.path, e.time, e.sentAt, e.consentAt])).toEqual([
      [
        expect.any(String),
        '2026-11-20T12:00:00.250Z',
        '2026-11-20T12:00:00.000Z',
        {
          state: 'not-answered',
          since: '2026-11-20T11:59:59.000Z',
          answeredAt: '2026-11-20T12:00:02.000Z',
          cmp: 'tcf:7',
        },
      ],
      ['/older', '2026-11-20T12:00:05.000Z', undefined, undefined],
    ]);
    expectMatchesSchema(exported);
    await clearEverything(db);
    await importExport(db, JSON.stringify(exported));
    const stored = await db.events.orderBy('time').toArray();
    expect(stored.map((e) => [e.time, e.sentAt, e.consentAt])).toEqual([
      [t + 250, t, { state: 'not-answered', since: t - 1000, answeredAt: t + 2000, cmp: 'tcf:7' }],
      [t + 5000, undefined, undefined],
    ]);
  });

  it('reads a version 3 file in lines as before: its events without consent', async () => {
    const db = await browsed();
    const exported = await buildExport(db, nameOf, trackerData);
    const v3 = {
      ...exported,
      version: 3,
      events: exported.events.map(({ consent: _, consentAt: __, sentAt: ___, ...e }) => e),
    };
    const lines = [
      JSON.stringify({ format: v3.format, version: 3, exportedAt: v3.exportedAt, trackerData: v3.trackerData }),
      ...v3.flows.map((flow) => JSON.stringify({ flow })),
      ...v3.days.map((day) => JSON.stringify({ day })),
      ...v3.events.map((event) => JSON.stringify({ event })),
    ].join('\n');
    await clearEverything(db);
    expect(await importExport(db, lines)).toMatchObject({ eventsAdded: 4 });
    expect((await db.events.toArray()).filter((e) => e.consent || e.consentAt)).toEqual([]);
  });
});

describe('attempts in an import', () => {
  it('merge into what is there, taking the larger count; a file without attempts leaves them as they were', async () => {
    const db = await browsed();
    const exported = await buildExport(db, nameOf, trackerData);
    const meta = exported.attempts?.[0];
    expect(meta).toBeDefined();
    if (!meta) return;
    // The other copy of the history saw more attempts, at another host, and later.
    const more = {
      ...exported,
      attempts: [
        {
          ...meta,
          requests: 5,
          domains: ['connect.facebook.net'],
          lastSeen: '2026-11-21T08:00:00.000Z',
          dataKinds: { event: { first: '2026-11-21T08:00:00.000Z', last: '2026-11-21T08:00:00.000Z' } },
        },
      ],
    };
    expect(await importExport(db, JSON.stringify(more))).toMatchObject({ attemptsAdded: 0 });
    expect(await db.attempts.get(['news.example', 'facebook'])).toMatchObject({
      requests: 5,
      hosts: ['www.facebook.com', 'connect.facebook.net'],
      firstSeen: Date.UTC(2026, 10, 20, 12, 0, 1),
      lastSeen: Date.UTC(2026, 10, 21, 8),
      kinds: { event: {} },
    });
    // An export from before attempts were exported: still read, and the attempts stay.
    const { attempts: _, ...older } = exported;
    expect(await importExport(db, JSON.stringify(older))).toMatchObject({ attemptsAdded: 0, flowsUpdated: 2 });
    expect(await db.attempts.count()).toBe(1);
    // Nothing attempted becomes received by an import.
    expect(await db.companies.get('facebook')).toBeUndefined();
  });
});

describe('categories in an export', () => {
  it('carry each flow’s requests per category, main category first, and come back on import', async () => {
    const db = freshDb();
    const recorder = new Recorder(db);
    const ad = { category: 'advertising', host: 'stats.g.doubleclick.net' };
    for (const e of [event(ad), event(), event(ad)]) recorder.add(e);
    await recorder.flush();
    const text = JSON.stringify(await buildExport(db, nameOf, trackerData));
    const file = JSON.parse(text);
    expectMatchesSchema(file);
    expect(file.flows[0]).toMatchObject({ category: 'advertising', categories: { advertising: 2, site_analytics: 1 } });
    await clearEverything(db);
    await importExport(db, text);
    expect((await db.companies.get('google'))?.categories).toEqual([
      { category: 'advertising', requests: 2 },
      { category: 'site_analytics', requests: 1 },
    ]);
    db.close();
  });
});

describe('version 1 files', () => {
  it('are read, and exported again as version 4: masked, without values, valid by the schema', async () => {
    const db = freshDb();
    expect(validateExport(V1)).toEqual(V1);
    expect(await importExport(db, JSON.stringify(V1))).toMatchObject({ flowsAdded: 1, daysAdded: 1, eventsAdded: 1 });
    const file = await buildExport(db, nameOf, trackerData);
    expectMatchesSchema(file);
    expect(file.version).toBe(4);
    // A version 1 flow names one category: every one of its requests counts under it.
    expect(file.flows).toEqual(V1.flows.map((f) => ({ ...f, categories: { [f.category]: f.requests } })));
    expect(file.events[0]).toMatchObject({
      path: '/j/collect/:id',
      findings: [{ kind: 'identifier', source: 'url', name: 'cid', shape: 'digits' }],
    });
    expect(JSON.stringify(file)).not.toContain('12345678');
    // The version 4 file is the same history: importing it over the version 1 import adds nothing.
    expect(await importExport(db, JSON.stringify(file))).toMatchObject({ eventsAdded: 0, eventsAlreadyThere: 1 });
  });

  it('are refused whole when a version 1 file has a version 2 finding, and the other way round', () => {
    const v2Finding = { kind: 'identifier', source: 'url', name: 'cid', shape: 'digits' };
    const mixed = { ...V1, events: [{ ...V1.events[0], findings: [v2Finding] }] };
    expect(() => validateExport(mixed)).toThrow(/findings\[0\]\.shape: is not part of the format/);
    expect(() => validateExport({ ...V1, version: 2 })).toThrow(/findings\[0\]\.value: is not part of the format/);
  });
});

describe('version 2 files', () => {
  // As version 2 wrote them: one page-address kind, a detail saying how much of the address was sent.
  const V2 = {
    ...V1,
    version: 2,
    flows: [
      {
        ...V1.flows[0],
        requests: 2,
        firstSeen: '2026-11-19T12:00:00.000Z',
        dataKinds: { 'page-address': { first: '2026-11-19T12:00:00.000Z', last: '2026-11-20T12:00:00.000Z' } },
      },
    ],
    events: [
      {
        ...V1.events[0],
        path: '/j/collect/:id',
        dataKinds: ['page-address'],
        findings: [
          {
            kind: 'page-address',
            source: 'url',
            name: 'dl',
            shape: 'address',
            address: 'https://news.example/world?id',
            detail: 'full',
          },
          {
            kind: 'page-address',
            source: 'referer',
            name: 'Referer',
            shape: 'address',
            address: 'https://news.example/',
            detail: 'site-only',
          },
        ],
      },
    ],
  };

  it('are read with their addresses split into the three levels, no more claimed than the file shows', async () => {
    const db = freshDb();
    await importExport(db, JSON.stringify(V2));
    const [e] = await db.events.toArray();
    expect(e?.kinds).toEqual(['site-address', 'full-address']);
    expect(e?.findings.map((f) => [f.kind, f.value])).toEqual([
      ['full-address', 'https://news.example/world?id'],
      ['site-address', 'https://news.example/'],
    ]);
    // The day before the file's one event: only the site is sure.
    expect((await db.siteCompanies.get(['news.example', 'google']))?.kinds).toEqual({
      'site-address': { first: Date.UTC(2026, 10, 19, 12), last: Date.UTC(2026, 10, 20, 12) },
      'full-address': { first: Date.UTC(2026, 10, 20, 12), last: Date.UTC(2026, 10, 20, 12) },
    });
    const again = await buildExport(db, nameOf, trackerData);
    expectMatchesSchema(again);
    expect(again.events[0]?.findings[0]).toMatchObject({ kind: 'full-address', detail: 'id' });
  });
});

describe('files from before attempts were kept apart', () => {
  it('bring no blocked request back as received: failed requests become attempts, and leave the days', async () => {
    const t = '2026-11-20T12:00:00.000Z';
    const flow = (site: string, requests: number, failed: number) => ({
      ...V1.flows[0],
      site,
      organization: { id: 'facebook', name: 'Meta' },
      requests,
      failed,
      dataKinds: { identifier: { first: t, last: t } },
    });
    const blockedEvent = {
      ...V1.events[0],
      organization: 'facebook',
      outcome: 'error' as const,
      error: 'net::ERR_BLOCKED_BY_CLIENT',
    };
    const old = {
      ...V1,
      flows: [flow('news.example', 3, 3), flow('shop.example', 5, 2)],
      days: [
        {
          day: '2026-11-20',
          organization: 'facebook',
          kind: 'tracker',
          requests: 8,
          sites: ['news.example', 'shop.example'],
        },
      ],
      events: [blockedEvent, blockedEvent, { ...blockedEvent, time: '2026-11-20T12:00:01.000Z' }],
    };
    const db = freshDb();
    await importExport(db, JSON.stringify(old));
    // Every request from news.example was blocked: no flow there, an attempt with what it carried.
    expect(await db.siteCompanies.get(['news.example', 'facebook'])).toBeUndefined();
    expect(await db.attempts.get(['news.example', 'facebook'])).toMatchObject({
      requests: 3,
      kinds: { identifier: {} },
    });
    expect(await db.siteCompanies.get(['shop.example', 'facebook'])).toMatchObject({ requests: 3, failed: 0 });
    expect(await db.attempts.get(['shop.example', 'facebook'])).toMatchObject({ requests: 2, kinds: {} });
    expect(await db.dayCompanies.get(['2026-11-20', 'facebook'])).toMatchObject({
      requests: 5,
      sites: ['shop.example'],
    });
    expect(await db.companies.get('facebook')).toMatchObject({ sites: 1, requests: 3 });
  });

  it('bring back no value under a credential’s name, and no query value of an address', async () => {
    const file = {
      ...V1,
      events: [
        {
          ...V1.events[0],
          dataKinds: ['identifier', 'page-address'],
          findings: [
            { kind: 'identifier', source: 'url', name: 'access_token', value: 'eyJhbGci…Qx' },
            {
              kind: 'page-address',
              source: 'url',
              name: 'dl',
              value: 'https://news.example/a?token=s3cr3t',
              detail: 'full',
            },
          ],
        },
      ],
    };
    const db = freshDb();
    await importExport(db, JSON.stringify(file));
    const text = JSON.stringify(await db.events.toArray());
    expect(text).not.toContain('eyJhbGci');
    expect(text).not.toContain('s3cr3t');
    expect(text).toContain('https://news.example/a?token');
  });
});

describe('exportFinding', () => {
  const f = (kind: StoredFinding['kind'], value: string, detail?: string, name = 'p'): StoredFinding => ({
    kind,
    source: 'url',
    name,
    value,
    ...(detail ? { detail } : {}),
  });
  it.each<[string, StoredFinding, object]>([
    ['a hashed email', f('hashed-email', 'a1b2c3d4…9f'), { shape: 'hex' }],
    ['a page title', f('page-title', 'Jane Doe – Inbox'), { shape: 'text' }],
    [
      'coordinates: the detail goes too',
      f('location', '52.520008,13.404954', '52.520008,13.404954'),
      { shape: 'text' },
    ],
    ['a device, its description kept', f('device', '1920x1080', 'screen 1920×1080'), { detail: 'screen 1920×1080' }],
    ['an event name kept', f('event', 'add_to_cart', 'add to cart'), { detail: 'add to cart' }],
    ['a recorder, by its description', f('session-recording', '', 'known recorder endpoint'), { shape: 'empty' }],
    [
      'a secret: its name, never a value',
      f('secret', '', undefined, 'password'),
      { kind: 'secret', name: 'password', shape: 'empty' },
    ],
    ['the site only', f('site-address', 'https://news.example/'), { address: 'https://news.example/' }],
    [
      'a full address, its query names kept, no value',
      f('full-address', 'https://news.example/a?token=s3cr3t&q=x', 'token, q'),
      { address: 'https://news.example/a?token&q', detail: 'token, q' },
    ],
    ['an id in a parameter name', f('identifier', 'abc', undefined, 'data.8f3a2b1c9d.uid'), { name: 'data.:id.uid' }],
  ])('%s', (_, finding, expected) => {
    const exported = exportFinding(finding);
    expect(exported).toMatchObject(expected);
    if (finding.kind === 'location') expect(exported).not.toHaveProperty('detail');
    expect(JSON.stringify(exported)).not.toContain('Jane');
    expect(JSON.stringify(exported)).not.toContain('52.52');
    expect(JSON.stringify(exported)).not.toContain('s3cr3t');
  });
});

describe('import refuses what is not a valid export, and changes nothing', () => {
  const valid = async () => JSON.parse(JSON.stringify(await buildExport(await browsed(), nameOf, trackerData)));
  // biome-ignore lint/suspicious/noExplicitAny: each row reshapes a parsed file freely, to break it.
  it.each<[string, (f: Record<string, any>) => unknown, RegExp]>([
    ['text that is not JSON', () => '{"format":', /not JSON/],
    ['another JSON file', () => ({ hello: 'world' }), /file\.format is missing|not part of the format/],
    ['another format', (f) => ({ ...f, format: 'lightbeam' }), /not a Disclosed export/],
    ['a newer version', (f) => ({ ...f, version: 5 }), /reads versions 1, 2, 3 and 4/],
    [
      'a raw consent string on an event',
      (f) => ({ ...f, events: [{ ...f.events[0], consent: { tcString: 'CQ…' } }] }),
      /events\[0\]\.consent\.tcString: is not part of the format/,
    ],
    [
      'an answer time on a state that is already an answer',
      (f) => ({
        ...f,
        events: [{ ...f.events[0], consentAt: { state: 'refused', answeredAt: '2026-11-20T12:00:00.000Z' } }],
      }),
      /events\[0\]\.consentAt\.answeredAt: is only on a not-answered state/,
    ],
    [
      'a send time that is no time',
      (f) => ({ ...f, events: [{ ...f.events[0], sentAt: 'soon' }] }),
      /events\[0\]\.sentAt/,
    ],
    [
      'an unknown consent state',
      (f) => ({ ...f, events: [{ ...f.events[0], consentAt: { state: 'maybe' } }] }),
      /events\[0\]\.consentAt\.state: must be one of/,
    ],
    ['an unknown field', (f) => ({ ...f, extra: 1 }), /file\.extra: is not part of the format/],
    [
      'a value in a version 3 finding',
      (f) => ({ ...f, events: [{ ...f.events[0], findings: [{ ...f.events[0].findings[0], value: 'x' }] }] }),
      /findings\[0\]\.value: is not part of the format/,
    ],
    [
      'markup in a site',
      (f) => ({ ...f, flows: [{ ...f.flows[0], site: '<img src=x onerror=alert(1)>' }] }),
      /flows\[0\]\.site: does not look right/,
    ],
    [
      'a negative count',
      (f) => ({ ...f, flows: [{ ...f.flows[0], requests: -5 }] }),
      /flows\[0\]\.requests: must be a whole number/,
    ],
    [
      'a bad date',
      (f) => ({ ...f, events: [{ ...f.events[0], time: 'yesterday' }] }),
      /events\[0\]\.time: does not look right/,
    ],
    [
      'an unknown data kind',
      (f) => ({ ...f, events: [{ ...f.events[0], dataKinds: ['soul'] }] }),
      /dataKinds\[0\]: must be one of/,
    ],
    [
      'a line break in an organization id',
      (f) => ({ ...f, days: [{ ...f.days[0], organization: 'google\nsite.example\tmeta' }] }),
      /days\[0\]\.organization: does not look right/,
    ],
    ['a huge string', (f) => ({ ...f, flows: [{ ...f.flows[0], category: 'a'.repeat(5000) }] }), /longer than 2048/],
    [
      'a category count that is no count',
      (f) => ({ ...f, flows: [{ ...f.flows[0], categories: { advertising: 1.5 } }] }),
      /flows\[0\]\.categories\.advertising: must be a whole number/,
    ],
    [
      'markup as a category',
      (f) => ({ ...f, flows: [{ ...f.flows[0], categories: { '<b>': 1 } }] }),
      /flows\[0\]\.categories key: does not look right/,
    ],
  ])('%s', async (_, mutate, message) => {
    const db = await browsed();
    const before = await views(db);
    const mutated = mutate(await valid());
    const text = typeof mutated === 'string' ? mutated : JSON.stringify(mutated);
    await expect(importExport(db, text)).rejects.toThrow(message);
    expect(await views(db)).toEqual(before);
  });

  it('says where the problem is', () => {
    try {
      validateExport({ format: 'disclosed-export', version: 1 });
    } catch (error) {
      expect(error).toBeInstanceOf(ImportError);
      expect((error as ImportError).path).toBe('file.exportedAt');
    }
  });
});

describe('CSV and GEXF', () => {
  it('writes one CSV row per flow, quoting and defusing spreadsheet formulas', async () => {
    const file = await buildExport(await browsed(), nameOf, trackerData);
    file.flows[0]!.organization.name = '=HYPERLINK("http://evil.example","click"), Inc';
    const csv = flowsCsv(file);
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe(
      'site,organization_id,organization,kind,category,domains,requests,failed,first_seen,last_seen,data_kinds',
    );
    // A header and a row per (site, organization) that received data: not Meta's blocked request.
    expect(lines).toHaveLength(3);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click""), Inc"`);
  });

  it('writes a GEXF graph with a node per site and organization and escaped labels', async () => {
    const file = await buildExport(await browsed(), nameOf, trackerData);
    file.flows[0]!.organization.name = '<Evil & "Co">';
    const gexf = flowsGexf(file);
    expect(gexf.match(/<node /g)).toHaveLength(4);
    expect(gexf.match(/<edge /g)).toHaveLength(2);
    expect(gexf).toContain('label="&#60;Evil &#38; &#34;Co&#34;&#62;"');
    expect(gexf).not.toContain('<Evil');
  });
});

describe('renderExport', () => {
  it('names each file by date and gives it the right media type', async () => {
    const { renderExport } = await import('../../../lib/export/export.ts');
    const file = await buildExport(await browsed(), nameOf, trackerData, Date.UTC(2026, 10, 23, 9));
    expect(renderExport(file, 'json')).toMatchObject({
      type: 'application/x-ndjson',
      filename: 'disclosed-2026-11-23.ndjson',
    });
    // In lines: read back, the same file; every line valid by the schema.
    const text = renderExport(file, 'json').parts.join('');
    expect(await readWholeExport(text)).toEqual(file);
    expectLinesMatchSchema(text);
    expect(renderExport(file, 'csv')).toMatchObject({ type: 'text/csv', filename: 'disclosed-2026-11-23.csv' });
    expect(renderExport(file, 'gexf').parts.join('')).toContain('<gexf');
  });
});
