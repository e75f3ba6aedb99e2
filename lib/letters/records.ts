import { letterReminderAlarm, type ReminderWhen } from '../alarms.ts';
import { localDay } from '../day.ts';
import type { DisclosedDb } from '../storage/db.ts';
import { type DueDate, dueDate, type IdentificationPause } from './deadline.ts';
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

/**
 * The deadline of a sent request, from what the record keeps: the controller's country (its holidays), the day an
 * extension was announced and the identification the controller waited for. Where the record has no such day, the
 * day the user set the status stands for it (the announcement or request came no later than that): "extended" for
 * the extension, "needs identification" until the next status for the UK's stop-the-clock.
 */
export function deadlineOf(record: LetterRecord): DueDate {
  if (!record.sentOn) return { kind: 'none' };
  return dueDate({
    law: record.jurisdiction,
    right: record.right,
    received: record.sentOn,
    country: record.country,
    extensionAnnouncedOn: record.extensionAnnouncedOn ?? dayOf(record.history.find((h) => h.status === 'extended')?.at),
    identification: record.identification ?? pausesFromHistory(record.history),
  });
}

/** The day the answer is due (the extended one once an extension counts), or undefined when none runs. */
export function currentDue(record: LetterRecord): string | undefined {
  const deadline = deadlineOf(record);
  return deadline.kind === 'due' ? deadline.due : undefined;
}

const dayOf = (at: number | undefined) => (at === undefined ? undefined : localDay(at));

function pausesFromHistory(history: LetterRecord['history']): IdentificationPause[] {
  const pauses: IdentificationPause[] = [];
  let open: IdentificationPause | undefined;
  for (const h of history) {
    if (h.status === 'needs-identification') {
      if (!open) open = { requestedOn: localDay(h.at) };
    } else if (open) {
      pauses.push({ ...open, providedOn: localDay(h.at) });
      open = undefined;
    }
  }
  return open ? [...pauses, open] : pauses;
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

/**
 * Notes that the controller announced an extension on `announcedOn` (YYYY-MM-DD). It counts only when announced
 * within the first period; resolves with whether it counts (the record keeps the day either way, and the status
 * becomes "extended" only when it counts). Undefined when there is no such sent letter.
 */
export async function recordExtension(
  db: DisclosedDb,
  reference: string,
  announcedOn: string,
  now = Date.now(),
): Promise<{ counted: boolean } | undefined> {
  const record = await db.letters.get(reference);
  if (!record?.sentOn) return undefined;
  const deadline = deadlineOf({ ...record, extensionAnnouncedOn: announcedOn });
  const counted = deadline.kind === 'due' && deadline.extended;
  await db.letters.update(reference, {
    extensionAnnouncedOn: announcedOn,
    ...(counted
      ? {
          status: 'extended' as const,
          history: [...record.history, { at: now, status: 'extended' as const, note: announcedOn }],
        }
      : {}),
  });
  return { counted };
}

/**
 * Notes when the controller asked for identification (`requestedOn`) and, once known, when it was provided: under
 * the UK GDPR the clock stops in between. A request without `providedOn` opens a pause; one with it closes the open
 * pause (or records a closed one). Resolves with the number of letters changed (0 or 1).
 */
export async function recordIdentification(
  db: DisclosedDb,
  reference: string,
  pause: IdentificationPause,
): Promise<number> {
  return db.letters
    .where('reference')
    .equals(reference)
    .modify((r) => {
      const pauses = (r.identification ?? []).filter((p) => p.requestedOn !== pause.requestedOn);
      r.identification = [...pauses, pause].sort((a, b) => a.requestedOn.localeCompare(b.requestedOn));
    });
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
