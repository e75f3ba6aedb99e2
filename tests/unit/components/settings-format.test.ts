import { describe, expect, it } from 'vitest';
import { parseCount } from '../../../components/format.ts';

// Node's Intl follows the machine's locale; the suite runs in English (as the only locale for now).
describe('numbers typed into the settings page', () => {
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
