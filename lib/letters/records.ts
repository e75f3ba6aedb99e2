import type { DisclosedDb, LetterRecord, LetterStatus } from '../storage/db.ts';
import { type Deadline, deadlineFor } from './deadline.ts';

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

/** Records that the user sent the letter on `sentOn` (YYYY-MM-DD): the deadline runs from that day. */
export async function markSent(db: DisclosedDb, reference: string, sentOn: string, now = Date.now()): Promise<void> {
  await db.letters
    .where('reference')
    .equals(reference)
    .modify((r) => {
      r.status = 'sent';
      r.sentOn = sentOn;
      r.history.push({ at: now, status: 'sent', note: sentOn });
    });
}

export async function setStatus(db: DisclosedDb, reference: string, status: LetterStatus, now = Date.now()) {
  await db.letters
    .where('reference')
    .equals(reference)
    .modify((r) => {
      r.status = status;
      r.history.push({ at: now, status });
    });
}
