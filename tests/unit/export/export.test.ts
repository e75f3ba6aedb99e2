import { describe, expect, it } from 'vitest';
import { buildExport, flowsCsv, flowsGexf } from '../../../lib/export/export.ts';
import { ImportError, validateExport } from '../../../lib/export/format.ts';
import { importExport } from '../../../lib/export/import.ts';
import { clearEverything } from '../../../lib/storage/forget.ts';
import { Recorder } from '../../../lib/storage/recorder.ts';
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
      kinds: ['identifier'],
      findings: [{ kind: 'identifier', source: 'url', name: 'cid', value: '12345678…00' }],
      identifiers: [{ name: 'cid', value: '1234567890.1700000000' }],
    }),
  );
  // A second host, first seen after the first: the order must survive the round trip.
  recorder.add(event({ time: t + 600, host: 'analytics.google.com' }));
  recorder.add(
    event({
      time: t + 1000,
      company: 'facebook',
      host: 'www.facebook.com',
      path: '/tr',
      outcome: 'error',
      error: 'net::ERR_BLOCKED_BY_CLIENT',
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
    days: await db.dayCompanies.toArray(),
    events: strip(await db.events.orderBy('time').toArray()),
  };
}

describe('export', () => {
  it('holds the flows, days and events, valid against its own format, and no identifier values', async () => {
    const db = await browsed();
    const file = await buildExport(db, nameOf, trackerData, Date.UTC(2026, 10, 23));
    expect(validateExport(JSON.parse(JSON.stringify(file)))).toEqual(file);
    expect(file.flows.find((f) => f.organization.id === 'google')).toMatchObject({
      site: 'news.example',
      organization: { id: 'google', name: 'Google' },
      requests: 2,
      domains: ['www.google-analytics.com', 'analytics.google.com'],
      dataKinds: { identifier: { first: '2026-11-20T12:00:00.000Z', last: '2026-11-20T12:00:00.000Z' } },
    });
    expect(file.events).toHaveLength(4);
    expect(JSON.stringify(file)).not.toContain('1234567890.1700000000');
  });

  it('round-trips: export, delete everything, import — the same views come back; again adds nothing', async () => {
    const db = await browsed();
    const before = await views(db);
    const text = JSON.stringify(await buildExport(db, nameOf, trackerData));
    await clearEverything(db);
    expect(await importExport(db, text)).toEqual({
      flowsAdded: 3,
      flowsUpdated: 0,
      daysAdded: 3,
      eventsAdded: 4,
      eventsAlreadyThere: 0,
    });
    expect(await views(db)).toEqual(before);
    expect(await importExport(db, text)).toEqual({
      flowsAdded: 0,
      flowsUpdated: 3,
      daysAdded: 0,
      eventsAdded: 0,
      eventsAlreadyThere: 4,
    });
    expect(await views(db)).toEqual(before);
  });
});

describe('import refuses what is not a valid export, and changes nothing', () => {
  const valid = async () => JSON.parse(JSON.stringify(await buildExport(await browsed(), nameOf, trackerData)));
  // biome-ignore lint/suspicious/noExplicitAny: each row reshapes a parsed file freely, to break it.
  it.each<[string, (f: Record<string, any>) => unknown, RegExp]>([
    ['text that is not JSON', () => '{"format":', /not JSON/],
    ['another JSON file', () => ({ hello: 'world' }), /file\.format is missing|not part of the format/],
    ['another format', (f) => ({ ...f, format: 'lightbeam' }), /not a Disclosed export/],
    ['a newer version', (f) => ({ ...f, version: 2 }), /reads version 1/],
    ['an unknown field', (f) => ({ ...f, extra: 1 }), /file\.extra: is not part of the format/],
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
    expect(lines).toHaveLength(4);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click""), Inc"`);
  });

  it('writes a GEXF graph with a node per site and organization and escaped labels', async () => {
    const file = await buildExport(await browsed(), nameOf, trackerData);
    file.flows[0]!.organization.name = '<Evil & "Co">';
    const gexf = flowsGexf(file);
    expect(gexf.match(/<node /g)).toHaveLength(5);
    expect(gexf.match(/<edge /g)).toHaveLength(3);
    expect(gexf).toContain('label="&#60;Evil &#38; &#34;Co&#34;&#62;"');
    expect(gexf).not.toContain('<Evil');
  });
});

describe('renderExport', () => {
  it('names each file by date and gives it the right media type', async () => {
    const { renderExport } = await import('../../../lib/export/export.ts');
    const file = await buildExport(await browsed(), nameOf, trackerData, Date.UTC(2026, 10, 23, 9));
    expect(renderExport(file, 'json')).toMatchObject({
      type: 'application/json',
      filename: 'disclosed-2026-11-23.json',
    });
    expect(JSON.parse(renderExport(file, 'json').body)).toEqual(file);
    expect(renderExport(file, 'csv')).toMatchObject({ type: 'text/csv', filename: 'disclosed-2026-11-23.csv' });
    expect(renderExport(file, 'gexf').body).toContain('<gexf');
  });
});
