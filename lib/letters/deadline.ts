import { addDays, addMonths, format, isWeekend, parseISO } from 'date-fns';
import table from '../generated/holidays.json';
import type { Law } from './laws.ts';

/**
 * When a controller must answer, by law and right. Dates are local calendar days (YYYY-MM-DD): a deadline is a day,
 * not an instant. Every period that ends on a Saturday, Sunday or public holiday ends on the next working day.
 *
 * - GDPR and UK GDPR (Art. 12(3)): one month from receipt, counted as Regulation (EEC, Euratom) No 1182/71 says —
 *   the same date in the next month, or that month's last day when it has no such date (received 31 January → due
 *   28 or 29 February); a period ending on a Saturday, Sunday or public holiday of the Member State where the
 *   controller acts ends on the next working day (Art. 3(4)). Two further months when the controller announced the
 *   extension, with reasons, within the first month. A withdrawal of consent (Art. 7(3)) takes effect at once: no
 *   period runs. UK GDPR: while the controller waits for the identification it asked for, the clock stops.
 * - CCPA/CPRA: deletion and the right to know, 45 calendar days, once 45 more with notice given within the first 45
 *   (Cal. Code Regs. tit. 11, § 7021); opting out of sale or sharing and limiting sensitive data, 15 business days
 *   (§§ 7026(f), 7027(g)). California's calendar (Civ. Code §§ 7, 10–11): its state holidays, wherever the business is.
 * - Swiss revFADP: access within 30 days (Art. 25(7) FADP, Art. 18 FADO); the law sets no period for other rights.
 * - Brazil LGPD: access within 15 days (Art. 19(II)); the law sets no period for other rights.
 */
export type { Law };

/** The rights a letter exercises; `opt-out` and `limit` are the CCPA's (§§ 1798.120, 1798.121). */
export type Right = 'erasure' | 'access' | 'objection' | 'withdrawal' | 'opt-out' | 'limit';

/** How a law counts the period for one right. */
export type Period =
  | { kind: 'none' }
  | { kind: 'months'; months: number; extension: number }
  | { kind: 'days'; days: number; extension: number }
  | { kind: 'business-days'; days: number };

export function periodFor(law: Law, right: Right): Period {
  switch (law) {
    case 'gdpr':
    case 'uk-gdpr':
      return right === 'withdrawal' ? { kind: 'none' } : { kind: 'months', months: 1, extension: 2 };
    case 'ccpa':
      // An objection or a withdrawal under the CCPA is a request to stop selling or sharing.
      return right === 'erasure' || right === 'access'
        ? { kind: 'days', days: 45, extension: 45 }
        : { kind: 'business-days', days: 15 };
    case 'fadp':
      return right === 'access' ? { kind: 'days', days: 30, extension: 0 } : { kind: 'none' };
    case 'lgpd':
      return right === 'access' ? { kind: 'days', days: 15, extension: 0 } : { kind: 'none' };
  }
}

/** A stretch of the UK's stop-the-clock: from the controller's request for identification until it was provided. */
export interface IdentificationPause {
  requestedOn: string;
  /** Absent while the identification is still pending: the clock stands. */
  providedOn?: string;
}

export interface DueInput {
  law: Law;
  right: Right;
  /** The day the controller received the request. */
  received: string;
  /**
   * Where the controller acts, whose public holidays count: ISO 3166-1 (`IE`) or, when the region is known, ISO
   * 3166-2 (`DE-BY`: Bavaria's holidays as well as Germany's). Unknown or absent: weekends only.
   */
  country?: string | undefined;
  /** The day the controller announced an extension; it counts only when within the first period. */
  extensionAnnouncedOn?: string | undefined;
  /** UK GDPR only: when the controller asked for identification, and when it was provided. */
  identification?: IdentificationPause[] | undefined;
}

export type DueDate =
  /** No period runs: the right takes effect at once, or the law sets none. */
  | { kind: 'none' }
  /** UK GDPR: the controller asked for identification on `since` and is waiting for it; the clock stands. */
  | { kind: 'paused'; since: string }
  | {
      kind: 'due';
      /** The day the answer is due: the extended one once an extension counts. */
      due: string;
      /** The day due without extension. */
      firstDue: string;
      /** The latest day if the controller extends as the law allows; absent where it allows none. */
      extendedDue?: string;
      /** Whether an announced extension counts (announced within the first period). */
      extended: boolean;
      /** An extension was announced too late, or before the request: it does not count. */
      extensionIgnored: boolean;
      /** The calendar whose public holidays were counted, when one was. */
      calendar?: string;
    };

export function dueDate(input: DueInput): DueDate {
  const period = periodFor(input.law, input.right);
  if (period.kind === 'none') return { kind: 'none' };
  const received = parseDay(input.received);
  const calendar = calendarFor(input.law, input.country);
  const holidays = holidaysOf(calendar);

  const end = (extra: number, paused: number): string => {
    if (period.kind === 'business-days') return formatDay(addBusinessDays(received, period.days + extra, holidays));
    const raw =
      period.kind === 'months'
        ? // date-fns' addMonths keeps the day of the month, or takes the month's last day: 1182/71 Art. 3(2)(c).
          addMonths(received, period.months + extra)
        : addDays(received, period.days + extra);
    return formatDay(nextWorkingDay(addDays(raw, paused), holidays));
  };

  // The UK's stop-the-clock: the days spent waiting for identification asked for in time are added to the period.
  let paused = 0;
  if (input.law === 'uk-gdpr') {
    for (const p of [...(input.identification ?? [])].sort((a, b) => a.requestedOn.localeCompare(b.requestedOn))) {
      if (p.requestedOn < input.received || p.requestedOn > end(0, paused)) continue;
      if (!p.providedOn) return { kind: 'paused', since: p.requestedOn };
      paused += Math.max(0, daysLeft(p.providedOn, p.requestedOn));
    }
  }

  const firstDue = end(0, paused);
  const extension = period.kind === 'business-days' ? 0 : period.extension;
  const extendedDue = extension > 0 ? end(extension, paused) : undefined;
  const announced = input.extensionAnnouncedOn;
  const extended = !!extendedDue && !!announced && announced >= input.received && announced <= firstDue;
  const due = extended && extendedDue ? extendedDue : firstDue;
  const coversEnd = calendar !== undefined && Number(due.slice(0, 4)) <= table.to;
  return {
    kind: 'due',
    due,
    firstDue,
    ...(extendedDue ? { extendedDue } : {}),
    extended,
    extensionIgnored: !!announced && !!extendedDue && !extended,
    ...(coversEnd && calendar ? { calendar } : {}),
  };
}

/** The due day, or undefined when no period runs or the clock stands. */
export function dueDay(input: DueInput): string | undefined {
  const d = dueDate(input);
  return d.kind === 'due' ? d.due : undefined;
}

/** Whole days from `today` to `due`: negative once overdue. */
export function daysLeft(due: string, today: string): number {
  return Math.round((parseDay(due).getTime() - parseDay(today).getTime()) / 86_400_000);
}

/**
 * The calendar of the place whose holidays count. The CCPA's is California's. A region we have no calendar for falls
 * back to its country's; the United Kingdom without a nation is England's (where most controllers are).
 */
export function calendarFor(law: Law, country: string | undefined): string | undefined {
  if (law === 'ccpa') return 'US-CA';
  const code = (country ?? '').trim().toUpperCase();
  if (!code) return undefined;
  const calendars = table.calendars as Record<string, unknown>;
  const national = code.split('-')[0] === 'UK' ? 'GB' : (code.split('-')[0] as string);
  const region = code.includes('-') ? `${national}-${code.split('-')[1]}` : '';
  if (region && Object.hasOwn(calendars, region)) return region;
  if (national === 'GB') return 'GB-ENG';
  return Object.hasOwn(calendars, national) ? national : undefined;
}

const cache = new Map<string, Set<string>>();

/** A calendar's public holidays as YYYY-MM-DD, over the years the compiled table covers. */
export function holidaysOf(calendar: string | undefined): Set<string> {
  if (!calendar) return new Set();
  let days = cache.get(calendar);
  if (!days) {
    const years = (table.calendars as Record<string, Record<string, string>>)[calendar] ?? {};
    days = new Set(
      Object.entries(years).flatMap(([year, list]) =>
        list
          .split(' ')
          .filter(Boolean)
          .map((d) => `${year}-${d.slice(0, 2)}-${d.slice(2)}`),
      ),
    );
    cache.set(calendar, days);
  }
  return days;
}

function isWorkingDay(date: Date, holidays: Set<string>): boolean {
  return !isWeekend(date) && !holidays.has(formatDay(date));
}

/** A period ending on a Saturday, Sunday or public holiday ends on the next working day (1182/71 Art. 3(4)). */
function nextWorkingDay(date: Date, holidays: Set<string>): Date {
  let day = date;
  while (!isWorkingDay(day, holidays)) day = addDays(day, 1);
  return day;
}

/** The `count`th working day after `from` (the day of receipt itself is not counted). */
function addBusinessDays(from: Date, count: number, holidays: Set<string>): Date {
  let day = from;
  for (let left = count; left > 0; ) {
    day = addDays(day, 1);
    if (isWorkingDay(day, holidays)) left--;
  }
  return day;
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
