import { unlistedCompany } from '../classify/classify.ts';
import type { CompiledTrackerList } from './format.ts';
import { type Company, createTrackerMatcher, type TrackerMatcher } from './matcher.ts';

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
 * Each company's main category in the list (the one most of its patterns carry; `pattern:<id>` companies their
 * pattern's), for colouring without reading the database. Unlisted third parties are `unlisted`.
 */
export function createCategoryLookup(list: CompiledTrackerList): (id: string) => string {
  const counts = new Map<string, Map<string, number>>();
  for (const p of list.patterns) {
    const org = list.organizations[p.organization];
    const id = org ? org.id : `pattern:${p.id}`;
    const category = list.categories[p.category]?.id ?? 'misc';
    const mine = counts.get(id) ?? new Map<string, number>();
    mine.set(category, (mine.get(category) ?? 0) + 1);
    counts.set(id, mine);
  }
  const main = new Map(
    [...counts].map(([id, c]) => [
      id,
      [...c].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? 'misc',
    ]),
  );
  return (id) => (id.startsWith('site:') ? 'unlisted' : (main.get(id) ?? 'misc'));
}
