/**
 * The compiled tracker-list format: what `tracker-lists/` writes at build time and what the classifier loads.
 *
 * A list is self-contained (its own categories, organizations and patterns, referenced by index) so that several
 * lists — TrackerDB today, a user's own list or another vendor's tomorrow — can be loaded side by side by
 * `createTrackerMatcher` without the classifier knowing where each came from.
 */

export const TRACKER_LIST_FORMAT = 1;

/** Where a compiled list came from, shown in the About section with its licence. */
export interface TrackerListSource {
  id: string;
  name: string;
  version: string;
  license: string;
  licenseUrl: string;
  attribution: string;
  homepage: string;
}

export type ContactKind = 'email' | 'url' | 'phone' | 'none';

/** A privacy contact, classified at build time; `raw` keeps the source text when it had to be cleaned up. */
export interface PrivacyContact {
  kind: ContactKind;
  /** The usable value: an address, an https URL, a phone number; empty for `none`. */
  value: string;
  /** The original text, present only when `value` differs from it or it could not be used. */
  raw?: string;
}

export interface CompiledCategory {
  id: string;
  name: string;
  description: string;
}

/** A list in full form carries each organization's details; the packed index keeps id and name, the catalog the rest. */
export interface CompiledOrganization {
  id: string;
  name: string;
  /** ISO 3166-1 alpha-2, or empty when unknown. */
  country?: string;
  website?: string;
  privacyPolicy?: string;
  contact?: PrivacyContact;
}

export interface CompiledPattern {
  id: string;
  name: string;
  /** Index into `categories`. */
  category: number;
  /** Index into `organizations`, or -1 when the source names no organization (the pattern then stands for one). */
  organization: number;
}

/** Request types a filter may be restricted to; the webRequest names (Firefox's and Chrome's). */
export type FilterRequestType = 'script' | 'image' | 'stylesheet' | 'xmlhttprequest' | 'sub_frame' | 'font' | 'media';

/**
 * One adblock-style network filter, pre-parsed.
 * - `host` set: the request hostname must be `host` or end in `.host`; then `re` (if any) must match the URL
 *   from the end of the hostname on.
 * - `host` unset: `re` must match somewhere in the whole (lower-cased) URL; `token`, when set, is a word that every
 *   URL matching `re` contains whole, used to find candidates fast.
 */
export interface CompiledFilter {
  pattern: number;
  host?: string;
  re?: string;
  token?: string;
  /** 1: third-party requests only, 2: first-party only. */
  party?: 1 | 2;
  types?: FilterRequestType[];
  /** Page domains the filter is restricted to, and those it is excluded from (`$domain=a|~b`). */
  includeSites?: string[];
  excludeSites?: string[];
}

export interface CompiledTrackerList {
  format: typeof TRACKER_LIST_FORMAT;
  source: TrackerListSource;
  categories: CompiledCategory[];
  organizations: CompiledOrganization[];
  patterns: CompiledPattern[];
  /** [hostname suffix, pattern index], sorted by hostname. */
  domains: [string, number][];
  filters: CompiledFilter[];
}

/** The longer texts the UI shows but the service worker never needs; kept in a separate file. */
export interface OrganizationDetails {
  format: typeof TRACKER_LIST_FORMAT;
  descriptions: Record<string, string>;
}

/**
 * The compact index the matcher loads (`tracker-index.json`, written by `tracker-lists/`, packed by
 * `packTrackerIndex`). Format 2. Laid out so that loading it builds almost no objects: texts are one string per
 * column (lines joined by "\n", split when first needed) and numbers are flat arrays, parallel to them. Filters are
 * ordered host filters first, grouped by host, so that a host's filters are one range; then the others.
 */
export interface TrackerIndex {
  format: typeof TRACKER_INDEX_FORMAT;
  /** Every list packed into this index, in priority order; `patternSource` indexes it. */
  sources: TrackerListSource[];
  /** How many of the organizations (in order) each source brought. */
  sourceOrganizations: number[];
  categories: CompiledCategory[];
  /** One line each: organization ids, and their names in the same order. */
  organizationIds: string;
  organizationNames: string;
  /** One line each: pattern ids and names; then per pattern its category, organization (or -1) and source. */
  patternIds: string;
  patternNames: string;
  patternCategory: number[];
  patternOrganization: number[];
  patternSource: number[];
  /** One line per hostname (suffix) the index knows. */
  hosts: string;
  /** Per host: where its line starts in `hosts`. */
  hostOffsets: number[];
  /** The hash table over the hosts (see `buildHostSlots`): 0 for an empty slot, else a host's index + 1. */
  hostSlots: number[];
  /** Per host: the pattern its domain lists name, or -1. */
  hostDomain: number[];
  /**
   * Per host: where its host filters end. They start where the previous host's end (0 for the first host): a
   * host's filters are the range [hostFiltersEnd[h - 1], hostFiltersEnd[h]).
   */
  hostFiltersEnd: number[];
  /** Filters `0 … hostFilterCount - 1` are host filters (see `hostFiltersEnd`); the rest match anywhere in the address. */
  hostFilterCount: number;
  /** Per filter: its pattern, and its flags (`FILTER_FLAGS`). */
  filterPattern: number[];
  filterFlags: number[];
  /** One line per filter: its regular expression source, empty when it has none (the host alone matches). */
  filterRe: string;
  /** One line per filter after the host filters: its index word, or empty. */
  filterTokens: string;
  /** The few filters restricted to pages: [filter, included sites, excluded sites], sites joined by "|". */
  filterSites: [filter: number, include: string, exclude: string][];
}

export const TRACKER_INDEX_FORMAT = 2;

/** How a filter's flags pack its options into one number. */
export const FILTER_FLAGS = {
  /** Bits 0–1: `party` (1 third-party only, 2 first-party only). */
  partyMask: 0b11,
  /** Bits 2–8: the request types allowed, one bit each in `FILTER_TYPES` order; none set: any type. */
  typesShift: 2,
  typesMask: 0b1111111,
  /** The filter has `filterSites` restrictions. */
  sites: 1 << 9,
  /** The filter has a regular expression (`filterRe`). */
  re: 1 << 10,
} as const;

/** The request types a filter can name, in bit order (see `FILTER_FLAGS`). */
export const FILTER_TYPES: readonly FilterRequestType[] = [
  'script',
  'image',
  'stylesheet',
  'xmlhttprequest',
  'sub_frame',
  'font',
  'media',
];

/**
 * The company catalog's first-paint file (`company-names.json`): every company's name and main category, all a
 * list needs to draw. Company ids are the matcher's: an organization id, or `pattern:<id>`.
 */
export interface CompanyNamesFile {
  format: typeof CATALOG_FORMAT;
  sources: TrackerListSource[];
  /**
   * One line each, in the same order: company ids, names, main category ids, and countries (ISO 3166-1 alpha-2, an
   * empty line when unknown). The country is here, not with the details, because the popup shows it at once.
   */
  ids: string;
  names: string;
  categories: string;
  countries: string;
}

/** The catalog's details file (`company-details.json`), loaded on demand by pages that show a company's details. */
export interface CompanyDetailsFile {
  format: typeof CATALOG_FORMAT;
  /** By company id; only companies with at least one detail are listed. */
  companies: [id: string, details: CompanyDetails][];
}

export interface CompanyDetails {
  /** ISO 3166-1 alpha-2, or empty when unknown. */
  country: string;
  website: string;
  privacyPolicy: string;
  contact: PrivacyContact;
  description: string;
}

export const CATALOG_FORMAT = 2;
