import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount, parseCount } from '../../../components/options/format.ts';

// Node's Intl follows the machine's locale; the suite runs in English (as the only locale for now).
describe('numbers and sizes on the settings page', () => {
  it('groups large numbers as the locale writes them', () => {
    expect(formatCount(1_000_000)).toBe('1,000,000');
    expect(formatCount(30)).toBe('30');
  });

  it('names sizes in bytes, kilobytes, megabytes and gigabytes', () => {
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(12_300)).toBe('12.3 kB');
    expect(formatBytes(2_400_000)).toBe('2.4 MB');
    expect(formatBytes(3_000_000_000)).toBe('3 GB');
  });

  it('reads a number back with or without the grouping it was shown with', () => {
    expect(parseCount('1,000,000')).toBe(1_000_000);
    expect(parseCount('1000000')).toBe(1_000_000);
    expect(parseCount(' 1 000 000 ')).toBe(1_000_000);
    expect(parseCount('1.000.000')).toBe(1_000_000);
  });

  it('refuses what is not a whole number', () => {
    expect(parseCount('')).toBeUndefined();
    expect(parseCount('ten')).toBeUndefined();
    expect(parseCount('-5')).toBeUndefined();
    expect(parseCount('3e6')).toBeUndefined();
  });
});
