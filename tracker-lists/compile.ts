import {
  type CompiledCategory,
  type CompiledFilter,
  type CompiledOrganization,
  type CompiledPattern,
  type CompiledTrackerList,
  type OrganizationDetails,
  TRACKER_LIST_FORMAT,
  type TrackerListSource,
} from '../lib/trackers/format.ts';
import { classifyContact } from './contact.ts';
import { parseFilter } from './filters.ts';

/** The parts of `@ghostery/trackerdb`'s `dist/trackerdb.json` we read. Everything else is ignored. */
export interface TrackerDbJson {
  categories: Record<string, { name?: string; description?: string }>;
  organizations: Record<
    string,
    {
      name?: string;
      description?: string | null;
      website_url?: string | null;
      country?: string | null;
      privacy_policy_url?: string | null;
      privacy_contact?: string | null;
    }
  >;
  patterns: Record<
    string,
    { name?: string; category?: string; organization?: string | null; domains?: string[]; filters?: string[] }
  >;
}

export interface CompileResult {
  list: CompiledTrackerList;
  details: OrganizationDetails;
  /** Filters that were left out, with the reason: reported by the CLI, asserted on by tests. */
  skipped: { filter: string; pattern: string; reason: string }[];
}

/**
 * Compiles TrackerDB into the shipped index. Pure and deterministic: the same input gives byte-identical output
 * (keys are sorted, nothing depends on time or the machine). Throws on input that is not TrackerDB-shaped.
 */
export function compileTrackerDb(db: TrackerDbJson, source: TrackerListSource): CompileResult {
  for (const key of ['categories', 'organizations', 'patterns'] as const) {
    if (!db || typeof db[key] !== 'object' || db[key] === null) {
      throw new Error(`Tracker data has no "${key}" object: is this TrackerDB's dist/trackerdb.json?`);
    }
  }
  const sortedKeys = <T>(record: Record<string, T>) => Object.keys(record).sort();

  const categories: CompiledCategory[] = sortedKeys(db.categories).map((id) => ({
    id,
    name: text(db.categories[id]?.name) || id,
    description: text(db.categories[id]?.description),
  }));
  const categoryIndex = new Map(categories.map((c, i) => [c.id, i]));

  const organizations: CompiledOrganization[] = [];
  const descriptions: Record<string, string> = {};
  for (const id of sortedKeys(db.organizations)) {
    const org = db.organizations[id]!;
    organizations.push({
      id,
      name: text(org.name) || id,
      country: /^[A-Z]{2}$/.test(text(org.country)) ? text(org.country) : '',
      website: httpUrl(org.website_url),
      privacyPolicy: httpUrl(org.privacy_policy_url),
      contact: classifyContact(org.privacy_contact),
    });
    if (text(org.description)) descriptions[id] = text(org.description);
  }
  const organizationIndex = new Map(organizations.map((o, i) => [o.id, i]));

  const patterns: CompiledPattern[] = [];
  const domains = new Map<string, number>();
  const filters: CompiledFilter[] = [];
  const skipped: CompileResult['skipped'] = [];
  for (const id of sortedKeys(db.patterns)) {
    const p = db.patterns[id]!;
    const index = patterns.length;
    const category = categoryIndex.get(p.category ?? '') ?? categoryIndex.get('misc');
    if (category === undefined) throw new Error(`Pattern "${id}" has unknown category "${p.category}"`);
    patterns.push({
      id,
      name: text(p.name) || id,
      category,
      organization: p.organization ? (organizationIndex.get(p.organization) ?? -1) : -1,
    });
    for (const domain of p.domains ?? []) {
      const host = domain.trim().toLowerCase().replace(/\.$/, '');
      // First pattern (in key order) wins a shared domain, as it does in the SDK's metadata lookup.
      if (/^[a-z0-9.-]+\.[a-z0-9-]+$/.test(host) && !domains.has(host)) domains.set(host, index);
    }
    for (const filterText of p.filters ?? []) {
      const parsed = parseFilter(filterText, index);
      if ('error' in parsed) skipped.push({ filter: filterText, pattern: id, reason: parsed.error });
      else filters.push(parsed);
    }
  }

  const list: CompiledTrackerList = {
    format: TRACKER_LIST_FORMAT,
    source,
    categories,
    organizations,
    patterns,
    domains: [...domains.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    filters,
  };
  return { list, details: { format: TRACKER_LIST_FORMAT, descriptions }, skipped };
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** Keeps only http(s) URLs: anything else in a link would be a `javascript:` waiting to happen. */
function httpUrl(value: unknown): string {
  const s = text(value);
  if (!/^https?:\/\//i.test(s)) return '';
  try {
    return new URL(s).href;
  } catch {
    return '';
  }
}

/**
 * The variant the service worker loads: the same format, but organizations keep only their id and name (the worker
 * records company ids; the popup and dashboard read the full list). Halves what the worker parses at start-up.
 */
export function leanTrackerList(list: CompiledTrackerList): CompiledTrackerList {
  return {
    ...list,
    organizations: list.organizations.map(({ id, name }) => ({ id, name })),
  };
}

/**
 * Each company's name and main category (the one most of its patterns carry), by company id as the matcher names
 * them (organization id, or `pattern:<id>`): all the dashboard's lists need, a small fraction of the full list.
 */
export function companyNames(list: CompiledTrackerList): Record<string, [name: string, category: string]> {
  const counts = new Map<string, { name: string; categories: Map<string, number> }>();
  for (const p of list.patterns) {
    const org = list.organizations[p.organization];
    const id = org ? org.id : `pattern:${p.id}`;
    const entry = counts.get(id) ?? { name: org ? org.name : p.name, categories: new Map<string, number>() };
    const category = list.categories[p.category]?.id ?? 'misc';
    entry.categories.set(category, (entry.categories.get(category) ?? 0) + 1);
    counts.set(id, entry);
  }
  for (const org of list.organizations) {
    if (!counts.has(org.id)) counts.set(org.id, { name: org.name, categories: new Map() });
  }
  return Object.fromEntries(
    [...counts]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([id, { name, categories }]) => [
        id,
        [name, [...categories].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? 'misc'],
      ]),
  );
}
