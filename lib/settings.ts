/** User settings, kept in `storage.local`. Every field has a default, so a partial or old object is still valid. */
export interface Settings {
  /** When true, nothing is recorded. */
  paused: boolean;
  /** Record requests from private (incognito) windows. Off unless the user turns it on. */
  recordPrivate: boolean;
  /** Requests (with their addresses and identifier values) older than this many days are deleted. */
  retentionDays: number;
  maxEvents: number;
  /** The totals per site, company and day: those last seen longer ago than this many days are deleted. */
  historyDays: number;
  /** At most this many (site, company) totals (and as many attempt and per-day totals); the oldest go first. */
  maxTotals: number;
  /** At most this many identifier values; the least recently seen go first (those an open letter cites stay). */
  maxIdentifiers: number;
  /** Sites (registrable domains) on which nothing is recorded. */
  excludedSites: string[];
  /**
   * Where the user lives, for letters: it decides the law offered first and the authority of a complaint. An ISO
   * 3166-1 code from RESIDENCES (US-CA for California), or empty when not set.
   */
  residence: string;
  /** The UI's language: `auto` (the browser's, matched to the locales Disclosed has) or a `_locales` folder name. */
  uiLanguage: string;
}

/** The places whose data-protection law a letter can rely on: the EEA, the UK, Switzerland, Brazil, California. */
export const RESIDENCES = [
  ...'AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IS IT LI LT LU LV MT NL NO PL PT RO SE SI SK'.split(' '),
  'GB',
  'CH',
  'BR',
  'US-CA',
];

export const DEFAULT_SETTINGS: Settings = {
  paused: false,
  recordPrivate: false,
  retentionDays: 90,
  maxEvents: 1_000_000,
  // Two years of totals: a letter cites how long a company has been receiving data. 100,000 totals are a heavy
  // user's year (a few hundred sites a month, a few dozen companies each); the views read them in well under a
  // second. Identifier values are personal data, and a letter cites a handful.
  historyDays: 730,
  maxTotals: 100_000,
  maxIdentifiers: 20_000,
  excludedSites: [],
  residence: '',
  uiLanguage: 'auto',
};

export const SETTINGS_KEY = 'settings';

/** The settings that are whole numbers. */
export type NumberSetting = 'retentionDays' | 'maxEvents' | 'historyDays' | 'maxTotals' | 'maxIdentifiers';

/** The smallest and largest value each of the long-term history's limits accepts. */
export const SETTING_RANGES = {
  historyDays: [30, 3650],
  maxTotals: [1000, 1_000_000],
  maxIdentifiers: [100, 1_000_000],
} as const satisfies Partial<Record<NumberSetting, readonly [number, number]>>;

/**
 * A value the UI-language setting takes: `auto` (i18n.ts's FOLLOW_BROWSER) or a `_locales` folder name, even one this
 * build lacks (chosenLocale() falls back to the browser's; an update that adds the locale applies it).
 */
export function isUiLanguage(v: unknown): v is string {
  return typeof v === 'string' && (v === 'auto' || /^[a-z]{2,3}(_[A-Z]{2})?$/.test(v));
}

/** A registrable domain as stored: lower-case labels (punycode for IDNs). */
const SITE = /^[a-z0-9-]+(\.[a-z0-9-]+)*$/;

/** Reads settings from whatever was stored, ignoring fields of the wrong type (stored data is a trust boundary). */
export function parseSettings(stored: unknown): Settings {
  const s = (stored && typeof stored === 'object' ? stored : {}) as Record<string, unknown>;
  const bool = (key: keyof Settings) => (typeof s[key] === 'boolean' ? (s[key] as boolean) : DEFAULT_SETTINGS[key]);
  const count = (key: NumberSetting, min: number, max: number) => {
    const v = s[key];
    return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : DEFAULT_SETTINGS[key];
  };
  return {
    paused: bool('paused') as boolean,
    recordPrivate: bool('recordPrivate') as boolean,
    retentionDays: count('retentionDays', 1, 3650),
    maxEvents: count('maxEvents', 1000, 10_000_000),
    historyDays: count('historyDays', ...SETTING_RANGES.historyDays),
    maxTotals: count('maxTotals', ...SETTING_RANGES.maxTotals),
    maxIdentifiers: count('maxIdentifiers', ...SETTING_RANGES.maxIdentifiers),
    excludedSites: Array.isArray(s.excludedSites)
      ? [...new Set(s.excludedSites.filter((x): x is string => typeof x === 'string' && SITE.test(x)))].slice(0, 1000)
      : [],
    residence: typeof s.residence === 'string' && RESIDENCES.includes(s.residence) ? s.residence : '',
    // Any supported locale, even one this build lacks: chosenLocale() falls back, and an update that adds it applies.
    uiLanguage: isUiLanguage(s.uiLanguage) ? s.uiLanguage : 'auto',
  };
}
