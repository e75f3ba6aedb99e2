/**
 * Build step, pure part: turns `date-holidays` into the small table of public holidays that deadlines count
 * (lib/letters/deadline.ts), so the library itself never ships. Deterministic: the same library version gives the
 * same bytes.
 */

/** The part of a `date-holidays` instance this reads. */
export interface HolidaySource {
  getCountries(): Record<string, string>;
  getStates(country: string): Record<string, string> | undefined;
  init(country: string, state?: string): unknown;
  getHolidays(year: number): { date: string; type: string }[];
}

/** Calendars compiled: a country (ISO 3166-1) or a country's subdivision (ISO 3166-2, as `date-holidays` names it). */
export const CALENDARS: readonly string[] = [
  // The EEA, whose controllers answer under the GDPR: Regulation 1182/71 counts the holidays of the Member State.
  ...['AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU'],
  ...['LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK', 'IS', 'LI', 'NO'],
  // Germany's Länder: a controller whose Land is known counts that Land's holidays as well.
  ...['BB', 'BE', 'BW', 'BY', 'HB', 'HE', 'HH', 'MV', 'NI', 'NW', 'RP', 'SH', 'SL', 'SN', 'ST', 'TH'].map(
    (l) => `DE-${l}`,
  ),
  // The United Kingdom's nations (bank holidays differ: Scotland's 2 January, Northern Ireland's 17 March and 12 July).
  ...['GB-ENG', 'GB-NIR', 'GB-SCT', 'GB-WLS'],
  'CH',
  'BR',
  // CCPA periods run under California's calendar; the federal one for a US controller under another law.
  'US-CA',
  'US',
  // Where most of the other companies in the tracker data have their head office.
  ...['CA', 'RU', 'JP', 'IL', 'KR', 'CN', 'TR', 'IN', 'SG', 'AU'],
];

export interface HolidayTable {
  format: 1;
  source: { package: 'date-holidays'; version: string; licence: 'CC BY-SA 3.0' };
  /** The years covered, inclusive: outside them only weekends are counted. */
  from: number;
  to: number;
  /** Per calendar and year, its public holidays as `MMDD`, sorted and separated by spaces ("0101 0418 …"). */
  calendars: Record<string, Record<string, string>>;
}

/**
 * Only holidays of type `public` (days off by law): not bank holidays that are working days for most (Germany's 24
 * and 31 December, Ireland's Good Friday), school holidays or observances. Substitute days that the law itself moves
 * a holiday to (the UK's Boxing Day on a Monday) are public holidays too.
 */
export function compileHolidays(
  source: HolidaySource,
  version: string,
  from: number,
  to: number,
  calendars: readonly string[] = CALENDARS,
): HolidayTable {
  const out: Record<string, Record<string, string>> = {};
  for (const calendar of [...calendars].sort()) {
    const [country, state] = calendar.split('-') as [string, string | undefined];
    // `init` accepts a name it does not know (and then gives no or only national holidays): check it first.
    const known = state
      ? Object.hasOwn(source.getStates(country) ?? {}, state)
      : Object.hasOwn(source.getCountries(), country);
    if (!known) throw new Error(`date-holidays ${version} has no calendar ${calendar}`);
    source.init(country, state);
    const years: Record<string, string> = {};
    for (let year = from; year <= to; year++) {
      const days = new Set<string>();
      for (const h of source.getHolidays(year)) {
        // `date` is local "YYYY-MM-DD hh:mm:ss"; a holiday of another year (a substitute moved across 1 January)
        // is kept under its own year by the call for that year.
        if (h.type === 'public' && h.date.startsWith(`${year}-`)) days.add(h.date.slice(5, 10).replace('-', ''));
      }
      years[year] = [...days].sort().join(' ');
    }
    out[calendar] = years;
  }
  return {
    format: 1,
    source: { package: 'date-holidays', version, licence: 'CC BY-SA 3.0' },
    from,
    to,
    calendars: out,
  };
}
