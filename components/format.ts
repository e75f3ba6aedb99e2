/**
 * The one place the UI formats dates, times, numbers and sizes: every screen shows a day the same way ("25 Nov 2026"
 * in en-GB, "Nov 25, 2026" in en-US, "25.11.2026" in de), through `Intl`, in the UI language.
 *
 * Machine formats stay ISO and do not come here: file names, export contents, `<time datetime>` attributes, and the
 * letters themselves, which are documents written in the letter's own language (lib/letters).
 *
 * Each helper takes the locale as its last argument. Pages set it once at start (`setUiLocale` with
 * `browser.i18n.getUILanguage()`), so a screen writes `formatDay(ms)` without threading a formatter through every
 * view's props; tests pass the locale they check. Bad input (not a number, no such day) shows `EMPTY`, never
 * "NaN" or "Invalid Date".
 */

/** What a helper shows for a value it cannot format: the dash the tables already use for "none". */
export const EMPTY = '—';

let uiLocale: string | undefined;

/** The UI language, for every helper called without a locale. An unknown tag falls back to the browser's default. */
export function setUiLocale(locale: string | undefined): void {
  uiLocale = validLocale(locale);
}

function validLocale(locale: string | undefined): string | undefined {
  if (!locale) return undefined;
  try {
    // Chromium's getUILanguage gives "en-US"; a `_` (as in _locales folder names) is tolerated too.
    return Intl.getCanonicalLocales(locale.replace(/_/g, '-'))[0];
  } catch {
    return undefined;
  }
}

// Building an Intl formatter costs far more than using one, and a table formats hundreds of cells.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function dateFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale ?? ''} ${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(validLocale(locale), options);
    dateFormats.set(key, format);
  }
  return format;
}

function numberFormat(locale: string | undefined, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale ?? ''} ${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(validLocale(locale), options);
    numberFormats.set(key, format);
  }
  return format;
}

/**
 * A timestamp (ms), or a local calendar day as stored (YYYY-MM-DD), as a Date; undefined for anything else (NaN,
 * "2026-02-30", an empty string).
 */
function toDate(value: number | string | Date): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value === 'number') return Number.isFinite(value) ? new Date(value) : undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day);
  // Date rolls 30 February over to March: such a day does not exist.
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day ? date : undefined;
}

function formatDate(value: number | string | Date, options: Intl.DateTimeFormatOptions, locale: string | undefined) {
  const date = toDate(value);
  return date ? dateFormat(locale, options).format(date) : EMPTY;
}

/** A day: "25 Nov 2026" (en-GB), "Nov 25, 2026" (en-US), "25.11.2026" (de). */
export function formatDay(value: number | string | Date, locale = uiLocale): string {
  return formatDate(value, { dateStyle: 'medium' }, locale);
}

/** A day and the time of day, the day as in `formatDay`: "25 Nov 2026, 14:05". */
export function formatDateTime(value: number | string | Date, locale = uiLocale): string {
  return formatDate(value, { dateStyle: 'medium', timeStyle: 'short' }, locale);
}

/** A moment to the second, for one request among many in the same minute: "Nov 25, 2026, 2:05:09 PM". */
export function formatMoment(value: number | string | Date, locale = uiLocale): string {
  return formatDate(value, { dateStyle: 'medium', timeStyle: 'medium' }, locale);
}

/** A time of day: "14:02" (en-GB, de), "2:02 PM" (en-US). */
export function formatTime(value: number | string | Date, locale = uiLocale): string {
  return formatDate(value, { timeStyle: 'short' }, locale);
}

/** A day without its year, for a chart's axis: "25 Nov", "Nov 25", "25. Nov.". */
export function formatDayMonth(value: number | string | Date, locale = uiLocale): string {
  return formatDate(value, { day: 'numeric', month: 'short' }, locale);
}

/** A month, for a chart's axis over a long range: "Nov 2026". */
export function formatMonth(value: number | string | Date, locale = uiLocale): string {
  return formatDate(value, { month: 'short', year: 'numeric' }, locale);
}

/** A count: "1,000,000" (en), "1.000.000" (de), "1 000 000" (pl). */
export function formatNumber(value: number, locale = uiLocale): string {
  return Number.isFinite(value) ? numberFormat(locale, {}).format(value) : EMPTY;
}

const BYTE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/**
 * A size in decimal units, as the browser's storage estimates are: "12.3 MB", "12,3 MB". Under a kilobyte the unit is
 * spelled out ("512 bytes"): its short form reads "512 byte" in English.
 */
export function formatBytes(bytes: number, locale = uiLocale): string {
  if (!Number.isFinite(bytes) || bytes < 0) return EMPTY;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < BYTE_UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  const unitDisplay = unit === 0 ? 'long' : 'short';
  return numberFormat(locale, { style: 'unit', unit: BYTE_UNITS[unit], unitDisplay, maximumFractionDigits: 1 }).format(
    value,
  );
}

/**
 * A whole number as a person types it, with or without the grouping the field shows ("1,000,000", "1 000 000",
 * "1.000.000" in a German browser), in Latin digits or the locale's own; undefined when it is not one.
 */
export function parseCount(text: string, locale = uiLocale): number | undefined {
  const format = new Intl.NumberFormat(validLocale(locale), { useGrouping: false });
  const localDigits = Array.from({ length: 10 }, (_, d) => format.format(d));
  const latin = [...text].map((c) => (localDigits.includes(c) ? String(localDigits.indexOf(c)) : c)).join('');
  const digits = latin.replace(/[\s,.'’_\u00a0\u202f]/g, '');
  if (!/^\d{1,15}$/.test(digits)) return undefined;
  return Number(digits);
}

/** A country or region's name from its ISO 3166 code ("DE" → "Germany", "Allemagne"); the code when Intl has none. */
export function formatRegion(code: string, locale = uiLocale): string {
  if (!code) return '';
  try {
    return new Intl.DisplayNames(validLocale(locale), { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
