import { formatDay, formatDayMonth, formatMonth } from '../format.ts';

/**
 * The x axis of a per-day chart, kept apart from uPlot so it can be checked without a canvas. The chart's x values
 * are the days' positions in the timeline (0, 1, 2, …: the timeline has every day, those without requests too), so
 * each day is one bar and no tick can fall between two days: there are never hours on it.
 */

/** Each day's bar spans its own slot: one day of data is one day wide, never a range of years. */
export function dayRange(days: number): [number, number] {
  return [-0.5, Math.max(1, days) - 0.5];
}

export interface DayTick {
  /** The day's position in the timeline (its x value). */
  index: number;
  label: string;
}

/** Room a label needs, in CSS pixels at the chart's 14 px type, with a gap to the next one. */
const GAP = { dayMonth: 64, day: 110, month: 90 };
/** Months between two labels over a long range, the first that leaves each label its room. */
const MONTH_STEPS = [1, 2, 3, 6, 12, 24, 60];

/**
 * The ticks under `days` (YYYY-MM-DD, consecutive) drawn `width` CSS pixels wide: every day while each has room for
 * its label, else every seventh day counted back from the last (so the latest day is always labelled), else the
 * first day of every month (or of every few months). A day is labelled without its year ("25 Nov") unless the range
 * crosses a new year; a month with its year ("Nov 2026").
 */
export function dayTicks(days: readonly string[], width: number, locale?: string): DayTick[] {
  const count = days.length;
  if (count === 0) return [];
  const perDay = Math.max(0, width) / count;
  const withYear = days[0]?.slice(0, 4) !== days[count - 1]?.slice(0, 4);
  const dayLabel = (index: number) => {
    const day = days[index] as string;
    return withYear ? formatDay(day, locale) : formatDayMonth(day, locale);
  };
  const gap = withYear ? GAP.day : GAP.dayMonth;
  if (perDay >= gap || count === 1) return days.map((_, index) => ({ index, label: dayLabel(index) }));
  if (perDay * 7 >= gap) {
    const ticks: DayTick[] = [];
    for (let index = count - 1; index >= 0; index -= 7) ticks.unshift({ index, label: dayLabel(index) });
    return ticks;
  }
  const step = MONTH_STEPS.find((months) => months * 30.4 * perDay >= GAP.month) ?? (MONTH_STEPS.at(-1) as number);
  const ticks: DayTick[] = [];
  days.forEach((day, index) => {
    const month = Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
    if (day.endsWith('-01') && month % step === 0) ticks.push({ index, label: formatMonth(day, locale) });
  });
  // A range shorter than the step, with no month start in it: its first day still says where it is.
  return ticks.length ? ticks : [{ index: 0, label: formatMonth(days[0] as string, locale) }];
}
