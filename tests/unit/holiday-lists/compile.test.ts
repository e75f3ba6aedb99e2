import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { CALENDARS, compileHolidays } from '../../../holiday-lists/compile.ts';
import table from '../../../lib/generated/holidays.json';

describe('the compiled holiday table', () => {
  const compiled = compileHolidays(new Holidays(), '3.37.0', 2025, 2025, ['DE', 'DE-BY', 'IE', 'GB-SCT']);

  it('keeps public holidays only: not bank holidays that are working days, nor observances', () => {
    const de = compiled.calendars.DE?.['2025'] ?? '';
    expect(de.split(' ')).toEqual(['0101', '0418', '0421', '0501', '0529', '0609', '1003', '1225', '1226']);
    // Ireland's Good Friday (18 April) is a bank holiday only; St Brigid's Day (3 February) is public.
    expect(compiled.calendars.IE?.['2025']).toContain('0203');
    expect(compiled.calendars.IE?.['2025']).not.toContain('0418');
  });

  it('gives a Land its own holidays on top of the national ones', () => {
    expect(compiled.calendars['DE-BY']?.['2025']).toContain('0106');
    expect(compiled.calendars['DE-BY']?.['2025']).toContain('1225');
    expect(compiled.calendars.DE?.['2025']).not.toContain('0106');
  });

  it('refuses a calendar the library does not know instead of compiling an empty one', () => {
    expect(() => compileHolidays(new Holidays(), '3.37.0', 2025, 2025, ['DE-ZZ'])).toThrow(/no calendar DE-ZZ/);
    expect(() => compileHolidays(new Holidays(), '3.37.0', 2025, 2025, ['XX'])).toThrow(/no calendar XX/);
  });

  it('ships every supported calendar for 2024–2035, each with holidays every year', () => {
    expect(Object.keys(table.calendars).sort()).toEqual([...CALENDARS].sort());
    expect([table.from, table.to]).toEqual([2024, 2035]);
    const years = table.calendars as Record<string, Record<string, string>>;
    const empty = Object.entries(years).flatMap(([c, y]) =>
      Object.entries(y)
        .filter(([, days]) => days.split(' ').filter(Boolean).length < 5)
        .map(([year]) => `${c} ${year}`),
    );
    expect(empty).toEqual([]);
  });
});
