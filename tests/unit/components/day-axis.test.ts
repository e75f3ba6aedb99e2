import { describe, expect, it } from 'vitest';
import { dayRange, dayTicks } from '../../../components/dashboard/day-axis.ts';
import { formatDay, formatDayMonth, formatMonth } from '../../../components/format.ts';
import { everyDay } from '../../../lib/storage/dashboard.ts';

/** The `count` days up to and including `last`, as the overview's timeline holds them. */
function daysUpTo(last: string, count: number): string[] {
  const first = new Date(`${last}T12:00:00`);
  first.setDate(first.getDate() - (count - 1));
  const pad = (n: number) => String(n).padStart(2, '0');
  return everyDay(`${first.getFullYear()}-${pad(first.getMonth() + 1)}-${pad(first.getDate())}`, last);
}

// The plot's width on the dashboard at 1280×800, once the count axes have their room.
const WIDTH = 1050;
/** A label that is a time of day, or a bare number: what uPlot's time scale put under daily data. */
const TIME_OR_NUMBER = /\d{1,2}:\d{2}|\b[ap]m\b|^\d+$/i;

describe('the per-day chart’s x axis', () => {
  it('spans one day for one day of data, and one slot per day otherwise', () => {
    expect(dayRange(1)).toEqual([-0.5, 0.5]);
    expect(dayRange(7)).toEqual([-0.5, 6.5]);
    // An empty timeline still has a range to draw.
    expect(dayRange(0)).toEqual([-0.5, 0.5]);
  });

  it('labels the only day of a one-day timeline with its date', () => {
    expect(dayTicks(['2026-11-25'], WIDTH, 'en-GB')).toEqual([{ index: 0, label: '25 Nov' }]);
  });

  it('labels each of 7 days with its date', () => {
    const days = daysUpTo('2026-11-25', 7);
    const ticks = dayTicks(days, WIDTH, 'en-GB');
    expect(ticks.map((t) => t.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(ticks.map((t) => t.label)).toEqual(['19 Nov', '20 Nov', '21 Nov', '22 Nov', '23 Nov', '24 Nov', '25 Nov']);
  });

  it('labels every seventh of 90 days, the latest day included, with dates and no times', () => {
    const days = daysUpTo('2026-11-25', 90);
    const ticks = dayTicks(days, WIDTH, 'en-US');
    expect(ticks.at(-1)).toEqual({ index: 89, label: 'Nov 25' });
    expect(ticks.length).toBe(13);
    for (const [i, tick] of ticks.entries()) {
      expect(tick.index).toBe(89 - 7 * (ticks.length - 1 - i));
      expect(tick.label).toBe(formatDayMonth(days[tick.index] as string, 'en-US'));
      expect(tick.label).not.toMatch(TIME_OR_NUMBER);
    }
  });

  it('never lets the labels of 90 days overlap, however wide the chart', () => {
    const days = daysUpTo('2026-11-25', 90);
    for (const width of [320, 600, 1050, 1800]) {
      const ticks = dayTicks(days, width, 'de');
      const spacing = (ticks[1]?.index ?? 90) - (ticks[0]?.index ?? 0);
      expect(spacing * (width / 90)).toBeGreaterThanOrEqual(64);
      for (const tick of ticks) expect(tick.label).not.toMatch(TIME_OR_NUMBER);
    }
  });

  it('labels months over a long history, with their year', () => {
    const days = daysUpTo('2026-11-25', 400);
    const ticks = dayTicks(days, WIDTH, 'en-GB');
    expect(ticks.length).toBeGreaterThan(3);
    for (const tick of ticks) {
      expect(days[tick.index]).toMatch(/-01$/);
      expect(tick.label).toBe(formatMonth(days[tick.index] as string, 'en-GB'));
      expect(tick.label).toMatch(/^[A-Z][a-z]+ \d{4}$/);
    }
  });

  it('writes the year on each day label when the range crosses a new year', () => {
    const days = daysUpTo('2027-01-03', 7);
    const ticks = dayTicks(days, WIDTH, 'en-GB');
    expect(ticks.map((t) => t.label)).toEqual(days.map((d) => formatDay(d, 'en-GB')));
    expect(ticks[0]?.label).toBe('28 Dec 2026');
  });
});
