/** Numbers and sizes on the settings page, in the UI's language (Intl; `t.locale`), never as raw figures. */

/** A whole number with the locale's grouping: 1000000 → "1,000,000". */
export function formatCount(n: number, locale?: string): string {
  return new Intl.NumberFormat(locale).format(n);
}

/** A size in bytes, kilobytes, megabytes or gigabytes (decimal units, as browsers and file managers show them). */
export function formatBytes(bytes: number, locale?: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: unit === 0 ? 'long' : 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

/**
 * A whole number as a person types it, with or without the grouping the field shows ("1,000,000", "1 000 000",
 * "1.000.000" in a German browser), in Latin digits or the locale's own; undefined when it is not one.
 */
export function parseCount(text: string, locale?: string): number | undefined {
  const format = new Intl.NumberFormat(locale, { useGrouping: false });
  const localDigits = Array.from({ length: 10 }, (_, d) => format.format(d));
  const latin = [...text].map((c) => (localDigits.includes(c) ? String(localDigits.indexOf(c)) : c)).join('');
  const digits = latin.replace(/[\s,.'’_\u00a0\u202f]/g, '');
  if (!/^\d{1,15}$/.test(digits)) return undefined;
  return Number(digits);
}
