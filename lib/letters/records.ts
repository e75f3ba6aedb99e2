import { letterReminderAlarm, type ReminderWhen } from '../alarms.ts';
import type { DisclosedDb } from '../storage/db.ts';
import { type Deadline, deadlineFor } from './deadline.ts';
import type { ContactCorrection, EvidenceSnapshot, LetterRecord, LetterStatus } from './types.ts';

/** What the user can say happened to a request, in the order a request usually goes. */
export const LETTER_STATUSES: LetterStatus[] = [
  'draft',
  'sent',
  'acknowledged',
  'needs-identification',
  'extended',
  'fulfilled',
  'refused',
  'overdue',
  'escalated',
  'closed',
];

/** Statuses after which no deadline runs any more. */
const FINISHED = new Set<LetterStatus>(['fulfilled', 'refused', 'escalated', 'closed']);

/** The deadline that applies: the extended one once the controller announced an extension. */
export function currentDue(record: LetterRecord): string | undefined {
  if (!record.sentOn) return undefined;
  const deadline: Deadline = deadlineFor(record.jurisdiction, record.sentOn);
  return record.status === 'extended' ? deadline.extendedDue : deadline.due;
}

/** The status to show today: a sent request past its deadline is overdue until the user records an answer. */
export function effectiveStatus(record: LetterRecord, today: string): LetterStatus {
  const due = currentDue(record);
  if (due && !FINISHED.has(record.status) && record.status !== 'draft' && today > due) return 'overdue';
  return record.status;
}

export function isOpen(record: LetterRecord): boolean {
  return !FINISHED.has(record.status) && record.status !== 'draft';
}

/** What the composer knows when the user says they sent a letter, with the evidence it cites (kept with it). */
export type SentLetter = Omit<LetterRecord, 'textHash' | 'status' | 'createdAt' | 'history' | 'sentOn' | 'evidence'> & {
  sentOn: string;
  evidence: EvidenceSnapshot;
};

/** Records a letter the user sent on `sentOn` (YYYY-MM-DD): its deadline runs from that day. */
export async function recordSent(db: DisclosedDb, letter: SentLetter, now = Date.now()): Promise<LetterRecord> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(letter.body));
  const record: LetterRecord = {
    ...letter,
    textHash: [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join(''),
    status: 'sent',
    createdAt: now,
    history: [{ at: now, status: 'sent', note: letter.sentOn }],
  };
  await db.letters.put(record);
  return record;
}

/** The alarms that remind of a deadline: a week before and on the day, at 9:00 local time; only future ones. */
export function reminderAlarms(reference: string, due: string, now = Date.now()): { name: string; when: number }[] {
  const at = (daysBefore: number) => {
    const d = new Date(`${due}T09:00:00`);
    d.setDate(d.getDate() - daysBefore);
    return d.getTime();
  };
  return [
    { name: letterReminderAlarm(reference, 'before'), when: at(7) },
    { name: letterReminderAlarm(reference, 'due'), when: at(0) },
  ].filter((a) => a.when > now);
}

/** What a reminder says, or undefined when none is due any more (answered meanwhile, or the letter is gone). */
export async function reminderFor(
  db: DisclosedDb,
  reference: string,
  when: ReminderWhen,
): Promise<{ companyName: string; when: ReminderWhen; due: string } | undefined> {
  const record = await db.letters.get(reference);
  if (!record || !isOpen(record)) return undefined;
  return { companyName: record.companyName, when, due: currentDue(record) ?? '' };
}

/** Keeps the user's own privacy contact (and EU representative) for a company: later letters go there. */
export async function saveContact(
  db: DisclosedDb,
  contact: Omit<ContactCorrection, 'updatedAt'>,
  now = Date.now(),
): Promise<ContactCorrection> {
  const row: ContactCorrection = {
    company: contact.company,
    value: contact.value,
    ...(contact.representative ? { representative: contact.representative } : {}),
    updatedAt: now,
  };
  await db.contacts.put(row);
  return row;
}

/** Sets a letter's status and notes it in its history; resolves with how many letters changed (0 or 1). */
export function setStatus(db: DisclosedDb, reference: string, status: LetterStatus, now = Date.now()): Promise<number> {
  return db.letters
    .where('reference')
    .equals(reference)
    .modify((r) => {
      r.status = status;
      r.history.push({ at: now, status });
    });
}
