import { describe, expect, it } from 'vitest';
import { writeExport } from '../../../lib/export/export.ts';
import { ImportError } from '../../../lib/export/format.ts';
import { type ImportSettings, importExport } from '../../../lib/export/import.ts';
import { currentDue, recordSent, type SentLetter, saveContact, setStatus } from '../../../lib/letters/records.ts';
import type { DisclosedDb } from '../../../lib/storage/db.ts';
import { Recorder } from '../../../lib/storage/recorder.ts';
import { expectLinesMatchSchema, exportLines } from '../../export-schema.ts';
import { event, freshDb } from '../storage/helpers.ts';

const trackerData = { name: 'Ghostery Tracker Database', version: '1.0.945', license: 'CC BY-NC-SA 4.0' };
const nameOf = (id: string) => id;
const SENT = Date.UTC(2026, 10, 2, 10);
/** The identifier value the letter cites, and the sender's name: what an export without letters must not hold. */
const CITED = '1234567890.1700000000';
const NAME = 'Jane Q. Doe';

const letter = (reference: string, extra: Partial<SentLetter> = {}): SentLetter => ({
  reference,
  company: 'google',
  companyName: 'Google',
  jurisdiction: 'gdpr',
  language: 'en',
  right: 'erasure',
  channel: 'email',
  recipient: 'privacy@google.example',
  subject: 'Erasure request',
  body: `Please erase the data tied to ${CITED}.\n\n${NAME}`,
  sentOn: '2026-11-02',
  country: 'IE',
  name: NAME,
  evidence: {
    domains: ['www.google-analytics.com'],
    sites: ['news.example'],
    requests: 3,
    firstSeen: Date.UTC(2026, 9, 30),
    lastSeen: Date.UTC(2026, 10, 1),
    categories: ['site_analytics'],
    kinds: ['identifier'],
    identifiers: [{ source: 'cookie', name: '_ga', value: CITED, domain: 'google-analytics.com' }],
  },
  ...extra,
});

/** A history with one request, two letters (one acknowledged since) and a corrected contact. */
async function withLetters(): Promise<DisclosedDb> {
  const db = freshDb();
  const recorder = new Recorder(db);
  recorder.add(event({ time: SENT - 86_400_000 }));
  await recorder.flush();
  await recordSent(db, letter('DSC-20261102-AAAAAA'), SENT);
  await recordSent(db, letter('DSC-20261102-BBBBBB', { right: 'access', channel: 'web-form' }), SENT + 1);
  await setStatus(db, 'DSC-20261102-AAAAAA', 'acknowledged', SENT + 3_600_000);
  await saveContact(db, { company: 'google', value: 'dpo@google.example', representative: 'EU Rep Ltd' }, SENT - 5);
  return db;
}

async function exported(db: DisclosedDb, personal?: { residence: string }): Promise<string> {
  const parts: string[] = [];
  await writeExport(db, nameOf, trackerData, (part) => parts.push(part), { now: SENT + 7_200_000, personal });
  return parts.join('');
}

/** Settings as an import sees them: what is set here, and what the import set. */
function settingsHere(residence: string): ImportSettings & { set: string[] } {
  const set: string[] = [];
  return {
    set,
    residence: async () => set.at(-1) ?? residence,
    setResidence: async (r) => set.push(r),
  };
}

describe('an export that includes the letters', () => {
  it('brings back into a new browser the same letters (status, deadline, evidence), contacts and residence', async () => {
    const source = await withLetters();
    const text = await exported(source, { residence: 'DE' });
    expectLinesMatchSchema(text);
    const lines = exportLines(text);
    expect(lines[0]).toMatchObject({ settings: { residence: 'DE' } });
    expect(lines.filter((l) => 'letter' in (l as object))).toHaveLength(2);
    expect(lines.filter((l) => 'contact' in (l as object))).toHaveLength(1);

    const fresh = freshDb();
    const settings = settingsHere('');
    const report = await importExport(fresh, text, settings);
    expect(report).toMatchObject({ lettersAdded: 2, lettersUpdated: 0, contactsSaved: 1, flowsAdded: 1 });
    const before = await source.letters.orderBy('reference').toArray();
    const after = await fresh.letters.orderBy('reference').toArray();
    expect(after).toEqual(before);
    expect(after[0]).toMatchObject({ status: 'acknowledged', name: NAME });
    expect(after[0]?.evidence?.identifiers[0]?.value).toBe(CITED);
    expect(after.map(currentDue)).toEqual(before.map(currentDue));
    expect(currentDue(after[0]!)).toBe('2026-12-02');
    expect(await fresh.contacts.toArray()).toEqual(await source.contacts.toArray());
    expect(settings.set).toEqual(['DE']);

    // Again: nothing new, nothing replaced.
    expect(await importExport(fresh, text, settings)).toMatchObject({
      lettersAdded: 0,
      lettersUpdated: 0,
      contactsSaved: 0,
    });
  });

  it('never replaces a residence the user set here', async () => {
    const text = await exported(await withLetters(), { residence: 'DE' });
    const settings = settingsHere('FR');
    await importExport(freshDb(), text, settings);
    expect(settings.set).toEqual([]);
  });

  it('keeps, of two copies of a letter, the one whose status changed last; of two contacts, the newer', async () => {
    const source = await withLetters();
    const text = await exported(source, { residence: '' });
    expect(exportLines(text)[0]).toMatchObject({ settings: {} });

    // Here, since the backup: A was fulfilled (later than its acknowledgement in the file); B is as in the file
    // but older there, so the backup's B (same status, same time) changes nothing; the contact was corrected again.
    const here = freshDb();
    await recordSent(here, letter('DSC-20261102-AAAAAA'), SENT);
    await setStatus(here, 'DSC-20261102-AAAAAA', 'fulfilled', SENT + 86_400_000);
    await recordSent(here, letter('DSC-20261102-BBBBBB', { right: 'access', channel: 'web-form' }), SENT + 1);
    await saveContact(here, { company: 'google', value: 'newer@google.example' }, SENT + 10);
    expect(await importExport(here, text)).toMatchObject({ lettersAdded: 0, lettersUpdated: 0, contactsSaved: 0 });
    expect(await here.letters.get('DSC-20261102-AAAAAA')).toMatchObject({ status: 'fulfilled' });
    expect(await here.contacts.get('google')).toMatchObject({ value: 'newer@google.example' });

    // The other way round: what is here is older than the file.
    const older = freshDb();
    await recordSent(older, letter('DSC-20261102-AAAAAA'), SENT);
    await saveContact(older, { company: 'google', value: 'old@google.example' }, SENT - 100);
    expect(await importExport(older, text)).toMatchObject({ lettersAdded: 1, lettersUpdated: 1, contactsSaved: 1 });
    expect(await older.letters.get('DSC-20261102-AAAAAA')).toEqual(await source.letters.get('DSC-20261102-AAAAAA'));
    expect(await older.contacts.get('google')).toMatchObject({ value: 'dpo@google.example' });
  });
});

describe('an export without the letters (the default)', () => {
  it('holds no letter, contact or setting, and none of the values and names they hold', async () => {
    const text = await exported(await withLetters());
    expectLinesMatchSchema(text);
    const lines = exportLines(text);
    expect(lines[0]).not.toHaveProperty('settings');
    expect(lines.some((l) => 'letter' in (l as object) || 'contact' in (l as object))).toBe(false);
    for (const personal of [CITED, NAME, 'dpo@google.example', 'EU Rep Ltd', 'Erasure request'])
      expect(text).not.toContain(personal);
  });
});

describe('a letter line that is not a letter', () => {
  const broken: [string, (l: Record<string, unknown>) => void][] = [
    ['an unknown status', (l) => Object.assign(l, { status: 'forgotten' })],
    ['an unknown law', (l) => Object.assign(l, { jurisdiction: 'mars' })],
    ['no body', (l) => delete l.body],
    ['an unknown field', (l) => Object.assign(l, { html: '<b>x</b>' })],
    ['a history time as a number', (l) => Object.assign(l, { history: [{ at: SENT, status: 'sent' }] })],
    ['a sent day that is not a day', (l) => Object.assign(l, { sentOn: 'Monday' })],
    ['a text hash that is not one', (l) => Object.assign(l, { textHash: 'abc' })],
    [
      'a cited identifier without its value',
      (l) => Object.assign(l, { evidence: { ...(l.evidence as object), identifiers: [{ source: 'url', name: 'x' }] } }),
    ],
    ['a body over a million characters', (l) => Object.assign(l, { body: 'a'.repeat(1_000_001) })],
  ];
  it.each(broken)('(%s) is refused whole, and nothing of the file is written', async (_, breakIt) => {
    const text = await exported(await withLetters(), { residence: 'DE' });
    const lines = text.trimEnd().split('\n');
    const at = lines.findIndex((l) => l.startsWith('{"letter"'));
    const record = JSON.parse(lines[at]!) as { letter: Record<string, unknown> };
    breakIt(record.letter);
    lines[at] = JSON.stringify(record);
    const fresh = freshDb();
    const settings = settingsHere('');
    await expect(importExport(fresh, `${lines.join('\n')}\n`, settings)).rejects.toThrow(ImportError);
    expect(await fresh.letters.count()).toBe(0);
    expect(await fresh.contacts.count()).toBe(0);
    expect(await fresh.siteCompanies.count()).toBe(0);
    expect(settings.set).toEqual([]);
  });

  it('is refused with its line and field named', async () => {
    const text = await exported(await withLetters(), { residence: 'DE' });
    const bad = text.replace('"status":"acknowledged","createdAt"', '"status":"lost","createdAt"');
    await expect(importExport(freshDb(), bad)).rejects.toThrow(/^line \d+\.letter\.status: must be one of draft, /);
  });
});
