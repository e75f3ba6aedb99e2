import {
  CATALOG_FORMAT,
  type CompanyDetails,
  type CompanyDetailsFile,
  type CompanyNamesFile,
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
 * The company catalog, in two files (see `CompanyNamesFile`, `CompanyDetailsFile`): what a first paint needs — each
 * company's name and main category (the one most of its patterns carry) — and what a company page needs, loaded on
 * demand. Companies are named as the matcher names them: organization id, or `pattern:<id>` for a pattern the list
 * gives no organization.
 */
export function companyCatalog(
  list: CompiledTrackerList,
  details: OrganizationDetails,
): { names: CompanyNamesFile; details: CompanyDetailsFile } {
  const counts = new Map<string, { name: string; categories: Map<string, number> }>();
  for (const org of list.organizations) counts.set(org.id, { name: org.name, categories: new Map() });
  for (const p of list.patterns) {
    const org = list.organizations[p.organization];
    const id = org ? org.id : `pattern:${p.id}`;
    const entry = counts.get(id) ?? { name: p.name, categories: new Map<string, number>() };
    const category = list.categories[p.category]?.id ?? 'misc';
    entry.categories.set(category, (entry.categories.get(category) ?? 0) + 1);
    counts.set(id, entry);
  }
  const countries = new Map(list.organizations.map((org) => [org.id, org.country ?? '']));
  const ids = [...counts.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const mainCategory = (categories: Map<string, number>) =>
    [...categories].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? 'misc';
  const names: CompanyNamesFile = {
    format: CATALOG_FORMAT,
    sources: [list.source],
    ids: ids.map((id) => oneLine(id)).join('\n'),
    names: ids.map((id) => oneLine(counts.get(id)?.name ?? id)).join('\n'),
    categories: ids.map((id) => mainCategory(counts.get(id)?.categories ?? new Map())).join('\n'),
    countries: ids.map((id) => oneLine(countries.get(id) ?? '')).join('\n'),
  };
  const companies: CompanyDetailsFile['companies'] = [];
  for (const org of list.organizations) {
    const entry: CompanyDetails = {
      country: org.country ?? '',
      website: org.website ?? '',
      privacyPolicy: org.privacyPolicy ?? '',
      contact: org.contact ?? { kind: 'none', value: '' },
      description: details.descriptions[org.id] ?? '',
    };
    const known = entry.country || entry.website || entry.privacyPolicy || entry.description;
    if (known || entry.contact.kind !== 'none' || entry.contact.raw) companies.push([org.id, entry]);
  }
  return { names, details: { format: CATALOG_FORMAT, companies } };
}

/** The names file's columns are lines: a name with a line break in it is written on one line. */
function oneLine(value: string): string {
  return value.replace(/\s*[\r\n]+\s*/g, ' ');
}
