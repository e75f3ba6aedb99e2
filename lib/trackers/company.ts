import type { PrivacyContact } from './format.ts';

/** The company a request went to, as the UI and storage name it. */
export interface Company {
  /** Stable key: the organization id, or `pattern:<id>` when the list names no organization. */
  id: string;
  name: string;
  /** The details below are empty until the catalog's details file is loaded (and for unlisted parties). */
  country: string;
  website: string;
  privacyPolicy: string;
  contact: PrivacyContact;
  /** Which list it came from. */
  source: string;
}

/** Whether a company id names an unlisted third party (see `unlistedCompany`). */
export function isUnlistedId(id: string): boolean {
  return id.startsWith('site:');
}

/** A third party no list names: known by its registrable domain (`site:` id), with nothing else claimed about it. */
export function unlistedCompany(site: string): Company {
  return {
    id: `site:${site}`,
    name: site,
    country: '',
    website: '',
    privacyPolicy: '',
    contact: { kind: 'none', value: '' },
    source: 'observed',
  };
}
