import {
  type CompiledCategory,
  type CompiledFilter,
  type CompiledTrackerList,
  FILTER_FLAGS,
  FILTER_TYPES,
  TRACKER_INDEX_FORMAT,
  type TrackerIndex,
} from './format.ts';
import { buildHostSlots } from './host-table.ts';

/**
 * Packs compiled lists into the matcher's compact index (format 2). Pure and deterministic. Several lists merge into
 * one index with the earlier list winning a shared domain, as the matcher always did; their filters all apply.
 *
 * Run at build time by `tracker-lists/` (the shipped index), and at run time only for lists given in full form (tests,
 * scripts, a user's own list one day).
 */
export function packTrackerIndex(lists: CompiledTrackerList[]): TrackerIndex {
  const categories: CompiledCategory[] = [];
  const categoryById = new Map<string, number>();
  const organizationIds: string[] = [];
  const organizationNames: string[] = [];
  const patternIds: string[] = [];
  const patternNames: string[] = [];
  const patternCategory: number[] = [];
  const patternOrganization: number[] = [];
  const patternSource: number[] = [];
  // Per host: what its domain lists say, and its host filters in list order.
  const hosts = new Map<string, { domain: number; filters: CompiledFilter[] }>();
  const hostEntry = (host: string) => {
    let e = hosts.get(host);
    if (!e) {
      e = { domain: -1, filters: [] };
      hosts.set(host, e);
    }
    return e;
  };
  const others: CompiledFilter[] = [];

  for (const [sourceIndex, list] of lists.entries()) {
    const categoryMap = list.categories.map((c) => {
      let at = categoryById.get(c.id);
      if (at === undefined) {
        at = categories.push(c) - 1;
        categoryById.set(c.id, at);
      }
      return at;
    });
    const orgBase = organizationIds.length;
    for (const org of list.organizations) {
      organizationIds.push(oneLine(org.id, 'organization id'));
      organizationNames.push(oneLine(org.name, 'organization name'));
    }
    const patternBase = patternIds.length;
    for (const p of list.patterns) {
      patternIds.push(oneLine(p.id, 'pattern id'));
      patternNames.push(oneLine(p.name, 'pattern name'));
      patternCategory.push(categoryMap[p.category] ?? -1);
      patternOrganization.push(list.organizations[p.organization] ? orgBase + p.organization : -1);
      patternSource.push(sourceIndex);
    }
    for (const [host, pattern] of list.domains) {
      const e = hostEntry(oneLine(host, 'domain'));
      if (e.domain < 0) e.domain = patternBase + pattern;
    }
    for (const f of list.filters) {
      const moved = { ...f, pattern: patternBase + f.pattern };
      if (f.host) hostEntry(oneLine(f.host, 'filter host')).filters.push(moved);
      else others.push(moved);
    }
  }

  const hostDomain: number[] = [];
  const hostFiltersEnd: number[] = [];
  const filters: CompiledFilter[] = [];
  for (const e of hosts.values()) {
    filters.push(...e.filters);
    hostDomain.push(e.domain);
    hostFiltersEnd.push(filters.length);
  }
  const hostFilterCount = filters.length;
  filters.push(...others);

  const hostNames = [...hosts.keys()];
  const hostOffsets: number[] = [];
  for (let i = 0, at = 0; i < hostNames.length; i++) {
    hostOffsets.push(at);
    at += (hostNames[i] as string).length + 1;
  }

  const filterSites: TrackerIndex['filterSites'] = [];
  const filterFlags = filters.map((f, i) => {
    let flags = f.party ?? 0;
    for (const type of f.types ?? []) {
      const bit = FILTER_TYPES.indexOf(type);
      if (bit < 0) throw new Error(`Filter ${i} names request type "${type}", which the index cannot hold`);
      flags |= 1 << (FILTER_FLAGS.typesShift + bit);
    }
    if (f.includeSites?.length || f.excludeSites?.length) {
      flags |= FILTER_FLAGS.sites;
      filterSites.push([i, sitesText(f.includeSites), sitesText(f.excludeSites)]);
    }
    if (f.re !== undefined) {
      if (f.re === '') throw new Error(`Filter ${i} has an empty regular expression: leave it out instead`);
      flags |= FILTER_FLAGS.re;
    }
    return flags;
  });

  return {
    format: TRACKER_INDEX_FORMAT,
    sources: lists.map((l) => l.source),
    sourceOrganizations: lists.map((l) => l.organizations.length),
    categories,
    organizationIds: organizationIds.join('\n'),
    organizationNames: organizationNames.join('\n'),
    patternIds: patternIds.join('\n'),
    patternNames: patternNames.join('\n'),
    patternCategory,
    patternOrganization,
    patternSource,
    hosts: hostNames.join('\n'),
    hostOffsets,
    hostSlots: buildHostSlots(hostNames),
    hostDomain,
    hostFiltersEnd,
    hostFilterCount,
    filterPattern: filters.map((f) => f.pattern),
    filterFlags,
    filterRe: filters.map((f) => oneLine(f.re ?? '', 'filter')).join('\n'),
    filterTokens: others.map((f) => oneLine(f.token ?? '', 'filter token')).join('\n'),
    filterSites,
  };
}

/** Columns are lines: a value with a line break would shift every line after it. */
function oneLine(value: string, what: string): string {
  if (value.includes('\n')) throw new Error(`A ${what} contains a line break: ${JSON.stringify(value)}`);
  return value;
}

function sitesText(sites: string[] | undefined): string {
  for (const s of sites ?? []) if (s.includes('|')) throw new Error(`A $domain site contains "|": ${s}`);
  return oneLine((sites ?? []).join('|'), '$domain site');
}
