import { describe, expect, it } from 'vitest';
import { composeLetter } from '../../../lib/letters/compose.ts';
import { letterLanguage } from '../../../lib/letters/languages.ts';
import {
  currentDue,
  deadlineOf,
  effectiveStatus,
  isOpen,
  recordExtension,
  recordIdentification,
  recordSent,
  reminderAlarms,
  setStatus,
} from '../../../lib/letters/records.ts';
import { freshDb } from '../storage/helpers.ts';
import { magniteEvidence } from './fixtures.ts';

const letter = {
  reference: 'DSC-20261123-K7Q2M9',
  company: 'magnite',
  companyName: 'Magnite',
  jurisdiction: 'gdpr' as const,
  language: 'en',
  right: 'erasure' as const,
  channel: 'email' as const,
  recipient: 'privacy@magnite.com',
  subject: 'Request for erasure',
  body: 'Dear Data Protection Officer,',
  sentOn: '2026-10-31',
  evidence: {
    domains: ['ads.magnite.example'],
    sites: ['news.example'],
    requests: 3,
    firstSeen: 1,
    lastSeen: 2,
    categories: ['advertising'],
    kinds: ['identifier'],
    identifiers: [{ source: 'request', name: 'uid', value: 'u-1' }],
  },
};

const evidence = magniteEvidence;

describe('letter records', () => {
  it('keep what was sent, its hash and history, and run the deadline from the day it was sent', async () => {
    const db = freshDb();
    const record = await recordSent(db, letter, Date.UTC(2026, 10, 1));
    expect(record.textHash).toMatch(/^[0-9a-f]{64}$/);
    // The evidence it cites is kept with it: retention may delete the totals it came from.
    expect(await db.letters.get(letter.reference)).toMatchObject({
      status: 'sent',
      sentOn: '2026-10-31',
      evidence: letter.evidence,
    });
    // 31 October → 30 November (a Monday).
    expect(currentDue(record)).toBe('2026-11-30');
    expect(effectiveStatus(record, '2026-11-30')).toBe('sent');
    expect(effectiveStatus(record, '2026-12-01')).toBe('overdue');
  });

  it('use the extended deadline once the controller announced an extension, and stop counting once answered', async () => {
    const db = freshDb();
    await recordSent(db, letter);
    // Set as "extended" on 20 November, within the first month.
    await setStatus(db, letter.reference, 'extended', new Date('2026-11-20T10:00:00').getTime());
    const extended = await db.letters.get(letter.reference);
    if (!extended) throw new Error('missing');
    // Three months from 31 October: 31 January 2027 is a Sunday → Monday 1 February.
    expect(currentDue(extended)).toBe('2027-02-01');
    expect(extended.history.map((h) => h.status)).toEqual(['sent', 'extended']);
    await setStatus(db, letter.reference, 'fulfilled', new Date('2026-12-20T10:00:00').getTime());
    const done = await db.letters.get(letter.reference);
    if (!done) throw new Error('missing');
    expect(isOpen(done)).toBe(false);
    expect(effectiveStatus(done, '2027-06-01')).toBe('fulfilled');
  });

  it('remind a week before and on the day at 9:00, only in the future', () => {
    const now = new Date('2026-12-20T12:00:00').getTime();
    expect(reminderAlarms('R', '2026-12-31', now)).toEqual([
      { name: 'letter:R:before', when: new Date('2026-12-24T09:00:00').getTime() },
      { name: 'letter:R:due', when: new Date('2026-12-31T09:00:00').getTime() },
    ]);
    expect(reminderAlarms('R', '2026-12-24', now).map((a) => a.name)).toEqual(['letter:R:due']);
  });

  it('count the public holidays of the controller’s country kept with the letter', async () => {
    const db = freshDb();
    // The example: received 25 November 2025 by an Irish controller.
    const record = await recordSent(db, { ...letter, sentOn: '2025-11-25', country: 'IE' });
    expect(currentDue(record)).toBe('2025-12-29');
    expect(effectiveStatus(record, '2025-12-26')).toBe('sent');
    expect(currentDue({ ...record, country: undefined })).toBe('2025-12-25');
  });

  it.each(['gdpr', 'uk-gdpr', 'lgpd'] as const)(
    'give a withdrawal of consent under %s no deadline, as its letter says: it is never overdue',
    async (jurisdiction) => {
      const db = freshDb();
      const lang = letterLanguage('en');
      const composed = await composeLetter(lang, evidence, [], {
        jurisdiction,
        right: 'withdrawal',
        reference: letter.reference,
        date: letter.sentOn,
        extensionVersion: '1',
      });
      expect(composed.deadline).toBe(false);
      const record = await recordSent(db, { ...letter, jurisdiction, right: 'withdrawal', body: composed.body });
      expect(deadlineOf(record)).toEqual({ kind: 'none' });
      expect(currentDue(record)).toBeUndefined();
      expect(effectiveStatus(record, '2030-01-01')).toBe('sent');
    },
  );

  it('count an extension only when it was announced within the first month', async () => {
    const db = freshDb();
    await recordSent(db, letter);
    // 31 October → first month ends 30 November; an extension announced on 1 December does not count.
    expect(await recordExtension(db, letter.reference, '2026-12-01')).toEqual({ counted: false });
    const late = await db.letters.get(letter.reference);
    expect(late).toMatchObject({ status: 'sent', extensionAnnouncedOn: '2026-12-01' });
    if (!late) throw new Error('missing');
    expect(currentDue(late)).toBe('2026-11-30');
    expect(effectiveStatus(late, '2026-12-01')).toBe('overdue');

    expect(await recordExtension(db, letter.reference, '2026-11-27')).toEqual({ counted: true });
    const inTime = await db.letters.get(letter.reference);
    if (!inTime) throw new Error('missing');
    expect(inTime.status).toBe('extended');
    expect(currentDue(inTime)).toBe('2027-02-01');
    expect(await recordExtension(db, 'no-such-letter', '2026-11-27')).toBeUndefined();
  });

  it('ignore a status "extended" set after the first month (the announcement was not shown to be in time)', async () => {
    const db = freshDb();
    await recordSent(db, letter);
    await setStatus(db, letter.reference, 'extended', new Date('2026-12-03T10:00:00').getTime());
    const record = await db.letters.get(letter.reference);
    if (!record) throw new Error('missing');
    expect(currentDue(record)).toBe('2026-11-30');
  });

  it('stop the UK clock while identification is pending, and resume it with the days waited', async () => {
    const db = freshDb();
    const uk = { ...letter, jurisdiction: 'uk-gdpr' as const, sentOn: '2026-01-05', country: 'GB' };
    await recordSent(db, uk);
    await recordIdentification(db, uk.reference, { requestedOn: '2026-01-10' });
    const pending = await db.letters.get(uk.reference);
    if (!pending) throw new Error('missing');
    expect(currentDue(pending)).toBeUndefined();
    expect(effectiveStatus(pending, '2026-06-01')).not.toBe('overdue');
    await recordIdentification(db, uk.reference, { requestedOn: '2026-01-10', providedOn: '2026-01-20' });
    const resumed = await db.letters.get(uk.reference);
    if (!resumed) throw new Error('missing');
    expect(resumed.identification).toEqual([{ requestedOn: '2026-01-10', providedOn: '2026-01-20' }]);
    // 5 February + 10 days = Sunday 15 February → Monday 16.
    expect(currentDue(resumed)).toBe('2026-02-16');
  });

  it('read the UK stop-the-clock from the statuses the user set when no days were given', async () => {
    const db = freshDb();
    const uk = { ...letter, jurisdiction: 'uk-gdpr' as const, sentOn: '2026-01-05', country: 'GB' };
    await recordSent(db, uk);
    await setStatus(db, uk.reference, 'needs-identification', new Date('2026-01-10T10:00:00').getTime());
    const waiting = await db.letters.get(uk.reference);
    if (!waiting) throw new Error('missing');
    expect(currentDue(waiting)).toBeUndefined();
    await setStatus(db, uk.reference, 'acknowledged', new Date('2026-01-20T10:00:00').getTime());
    const resumed = await db.letters.get(uk.reference);
    if (!resumed) throw new Error('missing');
    expect(currentDue(resumed)).toBe('2026-02-16');
  });
});
