import { afterEach, describe, expect, it } from 'vitest';
import {
  EMPTY,
  formatBytes,
  formatDateTime,
  formatDay,
  formatDayMonth,
  formatMoment,
  formatMonth,
  formatNumber,
  formatRegion,
  formatTime,
  setUiLocale,
} from '../../../components/format.ts';

// 25 November 2026, 14:05 local time: the same instant as a timestamp and as a stored day.
const MS = new Date(2026, 10, 25, 14, 5).getTime();
const DAY = '2026-11-25';
// Intl separates digit groups and units with no-break spaces in some locales.
const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatDay and its kin, one shape per locale', () => {
  it.each([
    ['en-US', 'Nov 25, 2026', 'Nov 25, 2026, 2:05 PM', 'Nov 25, 2026, 2:05:09 PM', 'Nov 25', 'Nov 2026'],
    ['en-GB', '25 Nov 2026', '25 Nov 2026, 14:05', '25 Nov 2026, 14:05:09', '25 Nov', 'Nov 2026'],
    ['de', '25.11.2026', '25.11.2026, 14:05', '25.11.2026, 14:05:09', '25. Nov.', 'Nov. 2026'],
    ['pl', '25 lis 2026', '25 lis 2026, 14:05', '25 lis 2026, 14:05:09', '25 lis', 'lis 2026'],
  ])('%s: %s', (locale, day, dateTime, moment, dayMonth, month) => {
    expect(formatDay(MS, locale)).toBe(day);
    // A stored day reads the same as a timestamp on that day: no ISO, no numeric-only form.
    expect(formatDay(DAY, locale)).toBe(day);
    expect(nbsp(formatDateTime(MS, locale))).toBe(dateTime);
    expect(nbsp(formatMoment(MS + 9000, locale))).toBe(moment);
    expect(formatDayMonth(DAY, locale)).toBe(dayMonth);
    expect(formatMonth(DAY, locale)).toBe(month);
  });

  it('takes the page’s UI language when no locale is given, and ignores a tag Intl rejects', () => {
    setUiLocale('de');
    expect(formatDay(DAY)).toBe('25.11.2026');
    setUiLocale('en_GB');
    expect(formatDay(DAY)).toBe('25 Nov 2026');
    setUiLocale('not a locale!');
    expect(formatDay(DAY)).toBe(formatDay(DAY, undefined));
    expect(formatDay(DAY)).not.toBe(EMPTY);
  });

  it.each([
    ['not a number', Number.NaN],
    ['infinity', Number.POSITIVE_INFINITY],
    ['a day that does not exist', '2026-02-30'],
    ['an empty string', ''],
    ['a timestamp as text', '1764000000000'],
    ['an invalid Date', new Date('nonsense')],
  ])('shows a dash for %s, never NaN or Invalid Date', (_name, value) => {
    for (const format of [formatDay, formatDateTime, formatMoment, formatDayMonth, formatMonth]) {
      expect(format(value, 'en-GB')).toBe(EMPTY);
    }
  });

  afterEach(() => setUiLocale(undefined));
});

describe('formatRegion', () => {
  it('names a country in the locale, and keeps a code Intl does not know', () => {
    expect(formatRegion('DE', 'en')).toBe('Germany');
    expect(formatRegion('DE', 'fr')).toBe('Allemagne');
    expect(formatRegion('', 'en')).toBe('');
    expect(formatRegion('not-a-code', 'en')).toBe('not-a-code');
  });
});

describe('formatNumber', () => {
  it.each([
    ['en-US', '1,000,000'],
    ['en-GB', '1,000,000'],
    ['de', '1.000.000'],
    ['pl', '1 000 000'],
  ])('%s groups a million as %s', (locale, expected) => {
    expect(nbsp(formatNumber(1_000_000, locale))).toBe(expected);
  });

  it('shows a dash for NaN and infinity', () => {
    expect(formatNumber(Number.NaN, 'en-GB')).toBe(EMPTY);
    expect(formatNumber(Number.NEGATIVE_INFINITY, 'en-GB')).toBe(EMPTY);
  });
});

describe('formatBytes', () => {
  it.each([
    ['en-GB', 0, '0 bytes'],
    ['en-GB', 1, '1 byte'],
    ['en-GB', 999, '999 bytes'],
    ['en-GB', 1000, '1 kB'],
    ['en-GB', 12_345_678, '12.3 MB'],
    ['en-GB', 4_200_000_000, '4.2 GB'],
    ['de', 12_345_678, '12,3 MB'],
    ['de', 512, '512 Byte'],
    ['pl', 12_345_678, '12,3 MB'],
    ['en-US', 3_000_000_000_000_000, '3,000 TB'],
  ])('%s: %d bytes are %s', (locale, bytes, expected) => {
    expect(nbsp(formatBytes(bytes, locale))).toBe(expected);
  });

  it('shows a dash for a size that cannot be one', () => {
    expect(formatBytes(Number.NaN, 'en-GB')).toBe(EMPTY);
    expect(formatBytes(-1, 'en-GB')).toBe(EMPTY);
  });
});

describe('formatTime', () => {
  it("a time of day in the locale's clock", () => {
    expect(nbsp(formatTime(MS, 'en-US'))).toBe('2:05 PM');
    expect(formatTime(MS, 'de')).toBe('14:05');
  });
});
