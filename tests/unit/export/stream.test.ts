import { describe, expect, it } from 'vitest';
import { writeExport } from '../../../lib/export/export.ts';
import { ImportStopped, importExport, importFile } from '../../../lib/export/import.ts';
import { MAX_LINE_CHARS, readExport } from '../../../lib/export/stream.ts';
import type { DisclosedDb } from '../../../lib/storage/db.ts';
import { Recorder } from '../../../lib/storage/recorder.ts';
import { expectLinesMatchSchema } from '../../export-schema.ts';
import { event, freshDb } from '../storage/helpers.ts';

const trackerData = { name: 'Test list', version: '1', license: 'CC0' };
const EVENTS = 3000;

async function history(): Promise<DisclosedDb> {
  const db = freshDb();
  const recorder = new Recorder(db);
  for (let i = 0; i < EVENTS; i++)
    recorder.add(
      event({ time: Date.UTC(2026, 10, 1) + i * 60_000, site: `s${i % 40}.example`, path: `/collect/${i % 7}` }),
    );
  await recorder.flush();
  return db;
}

async function exported(db: DisclosedDb, partChars: number): Promise<string[]> {
  const parts: string[] = [];
  await writeExport(
    db,
    (id) => id,
    trackerData,
    (p) => parts.push(p),
    { partChars },
  );
  return parts;
}

const totals = async (db: DisclosedDb) => ({
  flows: await db.siteCompanies.toArray(),
  days: await db.dayCompanies.toArray(),
  companies: await db.companies.toArray(),
  events: await db.events.count(),
});

describe('a large export is written and read in parts', () => {
  it('is written in parts of about the size asked, each ending with a whole line', async () => {
    const parts = await exported(await history(), 16 * 1024);
    const text = parts.join('');
    expect(text.length).toBeGreaterThan(20 * 16 * 1024);
    expect(parts.length).toBeGreaterThan(20);
    const longestLine = Math.max(...text.split('\n').map((l) => l.length));
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(16 * 1024 + longestLine + 1);
      expect(part.endsWith('\n')).toBe(true);
    }
    expectLinesMatchSchema(text);
  });

  it('is read piece by piece: its first records come before the rest of the file is read', async () => {
    const parts = await exported(await history(), 16 * 1024);
    let pulled = 0;
    const pieces = (function* () {
      // Cut anywhere, as a stream's chunks are: across lines, and inside them.
      for (const part of parts)
        for (let i = 0; i < part.length; i += 5000) {
          pulled++;
          yield part.slice(i, i + 5000);
        }
    })();
    const reader = readExport(pieces);
    expect((await reader.next()).value).toMatchObject({ header: { version: 4 } });
    expect((await reader.next()).value).toHaveProperty('flow');
    const total = Math.ceil(parts.join('').length / 5000);
    expect(pulled).toBeLessThan(total / 10);
    let events = 0;
    for await (const item of reader) if ('event' in item) events++;
    expect(events).toBe(EVENTS);
  });

  it('is imported part by part, no part larger than asked, to the same totals', async () => {
    const db = await history();
    const before = await totals(db);
    const parts = await exported(db, 64 * 1024);
    const restored = freshDb();
    const sizes: number[] = [];
    const report = await importFile(
      () => parts,
      (part) => {
        sizes.push(part.length);
        return importExport(restored, part);
      },
      { chars: 32 * 1024, records: 1000 },
    );
    expect(sizes.length).toBeGreaterThan(10);
    expect(Math.max(...sizes)).toBeLessThan(40 * 1024);
    expect(report.eventsAdded).toBe(EVENTS);
    expect(await totals(restored)).toEqual(before);
  });

  it('is checked whole before a part is written: a bad last line changes nothing', async () => {
    const parts = await exported(await history(), 64 * 1024);
    const bad = [...parts, '{"event":{"time":"yesterday"}}\n'];
    const restored = freshDb();
    let written = 0;
    await expect(
      importFile(
        () => bad,
        (part) => {
          written++;
          return importExport(restored, part);
        },
      ),
    ).rejects.toThrow(/line \d+\.event/);
    expect(written).toBe(0);
    expect(await restored.events.count()).toBe(0);
  });

  it('stops with what was imported kept when a part fails, and importing again completes it', async () => {
    const db = await history();
    const before = await totals(db);
    const parts = await exported(db, 64 * 1024);
    const restored = freshDb();
    let calls = 0;
    const failing = importFile(
      () => parts,
      (part) => {
        if (++calls === 3) throw new Error('QuotaExceededError');
        return importExport(restored, part);
      },
      { chars: 32 * 1024, records: 1000 },
    );
    const stopped = await failing.catch((e: unknown) => e);
    expect(stopped).toBeInstanceOf(ImportStopped);
    expect((stopped as ImportStopped).imported.eventsAdded).toBeGreaterThan(0);
    const again = await importFile(
      () => parts,
      (part) => importExport(restored, part),
      { chars: 32 * 1024, records: 1000 },
    );
    expect(again.eventsAdded + (stopped as ImportStopped).imported.eventsAdded).toBe(EVENTS);
    expect(await totals(restored)).toEqual(before);
  });

  it('refuses a line longer than the limit without putting it together', async () => {
    const header =
      '{"format":"disclosed-export","version":3,"exportedAt":"2026-11-20T12:00:00.000Z","trackerData":{"name":"x","version":"1","license":"x"}}\n';
    const chunk = 'a'.repeat(1024 * 1024);
    const pieces = (function* () {
      yield header;
      yield '{"flow":"';
      for (let i = 0; i <= MAX_LINE_CHARS / chunk.length; i++) yield chunk;
    })();
    await expect(
      (async () => {
        for await (const _ of readExport(pieces));
      })(),
    ).rejects.toThrow(/line 2: is longer than/);
  });

  it('reads identical requests of one millisecond back, however the parts fall', async () => {
    const db = freshDb();
    const recorder = new Recorder(db);
    for (let i = 0; i < 500; i++) recorder.add(event());
    await recorder.flush();
    const parts = await exported(db, 4 * 1024);
    const restored = freshDb();
    await importFile(
      () => parts,
      (part) => importExport(restored, part),
      // Parts of 50 records: the 500 requests of one millisecond stay in one (up to four times a part's size).
      { chars: 64 * 1024, records: 50 },
    );
    expect(await restored.events.count()).toBe(500);
    // Imported again: all recognised, none added.
    const again = await importFile(
      () => parts,
      (part) => importExport(restored, part),
    );
    expect(again).toMatchObject({ eventsAdded: 0, eventsAlreadyThere: 500 });
  });
});
