import type { CompiledTrackerList } from './format.ts';
import { type Company, createTrackerMatcher, isUnlistedId, type TrackerMatcher, unlistedCompany } from './matcher.ts';

/** Reads the compiled list shipped with the extension (bundled as text, parsed on first use). */
export function parseTrackerList(text: string): CompiledTrackerList {
  const list = JSON.parse(text) as CompiledTrackerList;
  if (list?.format !== 1 || !Array.isArray(list.patterns)) {
    throw new Error('The bundled tracker list is not in format 1: rebuild with `npm run trackers`.');
  }
  return list;
}

/** Company lookup for the UI: known companies by id, and unlisted third parties by their `site:` id. */
export function createCompanyLookup(matcher: TrackerMatcher): (id: string) => Company {
  const byId = new Map(matcher.companies().map((c) => [c.id, c]));
  return (id) => byId.get(id) ?? unlistedCompany(id.replace(/^site:/, ''));
}

export function loadMatcher(text: string): TrackerMatcher {
  return createTrackerMatcher([parseTrackerList(text)]);
}

/**
 * Names and main categories for the dashboard's lists, from the small names file (see tracker-lists/compile.ts):
 * known companies by id, unlisted third parties by their `site:` id. Details (country, contact…) come from the full
 * list, loaded when a page needs them.
 */
export function createNameLookup(text: string): {
  company: (id: string) => Company;
  categoryOf: (id: string) => string;
} {
  const names = JSON.parse(text) as Record<string, [string, string]>;
  const cache = new Map<string, Company>();
  return {
    company: (id) => {
      let company = cache.get(id);
      if (!company) {
        const known = names[id];
        company = known
          ? { ...unlistedCompany(''), id, name: known[0], source: 'trackerdb' }
          : unlistedCompany(id.replace(/^site:/, ''));
        cache.set(id, company);
      }
      return company;
    },
    categoryOf: (id) => (isUnlistedId(id) ? 'unlisted' : (names[id]?.[1] ?? 'misc')),
  };
}
