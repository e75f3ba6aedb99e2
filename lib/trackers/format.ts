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

/** The details are absent in the service worker's lean variant of a list (see `leanTrackerList`). */
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
