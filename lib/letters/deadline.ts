import { addDays, addMonths, format, isSaturday, isSunday, parseISO } from 'date-fns';

/**
 * When a controller must answer, by jurisdiction. Dates are local calendar days (YYYY-MM-DD): a deadline is a day,
 * not an instant.
 *
 * GDPR and UK GDPR (Art. 12(3)): one month from receipt, counted as Regulation (EEC, Euratom) No 1182/71 says — the
 * same date in the next month, or that month's last day when it has no such date (received 31 January → due 28 or
 * 29 February); a period ending on a Saturday or Sunday ends on the next working day. The extension by two further
 * months counts only when the controller announced it, with reasons, within the first month. Public holidays differ
 * by country and are not counted here (the day shown may be one or two working days early where one falls).
 *
 * CCPA/CPRA (Cal. Code Regs. tit. 11, § 7021): 45 calendar days from receipt, once extendable by 45 more with notice.
 */
export type Jurisdiction = 'gdpr' | 'uk-gdpr' | 'ccpa';

export interface Deadline {
  /** The day the answer is due. */
  due: string;
  /** The latest day if the controller extends the period as the law allows. */
  extendedDue: string;
}

export function deadlineFor(jurisdiction: Jurisdiction, received: string): Deadline {
  const day = parseDay(received);
  if (jurisdiction === 'ccpa') {
    return { due: formatDay(addDays(day, 45)), extendedDue: formatDay(addDays(day, 90)) };
  }
  // date-fns' addMonths keeps the day of the month, or takes the month's last day when it has none: 1182/71 Art. 3(2)(c).
  return {
    due: formatDay(nextWorkingDay(addMonths(day, 1))),
    extendedDue: formatDay(nextWorkingDay(addMonths(day, 3))),
  };
}

/** Whole days from `today` to `due`: negative once overdue. */
export function daysLeft(due: string, today: string): number {
  return Math.round((parseDay(due).getTime() - parseDay(today).getTime()) / 86_400_000);
}

/** A period ending on a Saturday or Sunday ends on the next working day (1182/71 Art. 3(4)). */
function nextWorkingDay(date: Date): Date {
  if (isSaturday(date)) return addDays(date, 2);
  if (isSunday(date)) return addDays(date, 1);
  return date;
}

/** A calendar day at local noon, so no daylight-saving change moves it to another day. */
export function parseDay(day: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new RangeError(`Not a calendar day (YYYY-MM-DD): ${day}`);
  const date = parseISO(`${day}T12:00:00`);
  if (Number.isNaN(date.getTime()) || formatDay(date) !== day) throw new RangeError(`No such day: ${day}`);
  return date;
}

export function formatDay(date: Date): string {
  return format(date, 'yyyy-MM-dd');
}
