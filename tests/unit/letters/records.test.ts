import { describe, expect, it } from 'vitest';
import {
  currentDue,
  effectiveStatus,
  isOpen,
  recordSent,
  reminderAlarms,
  setStatus,
} from '../../../lib/letters/records.ts';
import { freshDb } from '../storage/helpers.ts';

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
    await setStatus(db, letter.reference, 'extended');
    const extended = await db.letters.get(letter.reference);
    if (!extended) throw new Error('missing');
    // Three months from 31 October: 31 January 2027 is a Sunday → Monday 1 February.
    expect(currentDue(extended)).toBe('2027-02-01');
    expect(extended.history.map((h) => h.status)).toEqual(['sent', 'extended']);
    await setStatus(db, letter.reference, 'fulfilled');
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
});
