import { type CompiledTrackerList, TRACKER_INDEX_FORMAT, TRACKER_LIST_FORMAT, type TrackerIndex } from './format.ts';
import { createTrackerMatcher, REBUILD, type TrackerMatcher } from './matcher.ts';

/**
 * Reads the compact tracker index (`tracker-index.json`) and checks its shape: a file from an older build, or a
 * damaged one (a column missing, of the wrong type or length, a boundary off), is refused with a message saying so
 * rather than misclassifying requests. The shape check touches each column once, not each entry: on a worker's
 * cold start, unoptimised loops over its ~40,000 numbers cost more than the rest of the load. Every entry is
 * checked where the file is made (`entryProblem`, run by `npm run trackers` before it writes the file, and by the
 * tests on the shipped file).
 */
export function parseTrackerIndex(text: string): TrackerIndex {
  let index: TrackerIndex;
  try {
    index = JSON.parse(text) as TrackerIndex;
  } catch (error) {
    throw new Error(`The tracker index is not valid JSON (${(error as Error).message}): ${REBUILD}`);
  }
  const format = (index as { format?: unknown } | null)?.format;
  if (format !== TRACKER_INDEX_FORMAT) {
    throw new Error(
      `The tracker index is in format ${JSON.stringify(format)}, this build reads format ${TRACKER_INDEX_FORMAT}: ${REBUILD}`,
    );
  }
  const problem = shapeProblem(index);
  if (problem) throw new Error(`The tracker index is damaged (${problem}): ${REBUILD}`);
  return index;
}

/** The tracker index as the service worker loads it: parsed, checked, and built into a matcher. */
export function loadMatcher(text: string): TrackerMatcher {
  return createTrackerMatcher([parseTrackerIndex(text)]);
}

/**
 * Reads a list in full form (`tracker-list.json`: what the compiler produces before packing), for tests and scripts
 * that generate requests from it. The extension itself loads the packed index.
 */
export function parseTrackerList(text: string): CompiledTrackerList {
  const list = JSON.parse(text) as CompiledTrackerList;
  if (list?.format !== TRACKER_LIST_FORMAT || !Array.isArray(list.patterns)) {
    throw new Error(
      `This tracker list is not a full list in format ${TRACKER_LIST_FORMAT} (the packed index is read by ` +
        `parseTrackerIndex): ${REBUILD}`,
    );
  }
  return list;
}

function shapeProblem(index: TrackerIndex): string | undefined {
  const strings = [
    'organizationIds',
    'organizationNames',
    'patternIds',
    'patternNames',
    'hosts',
    'filterRe',
    'filterTokens',
  ] as const;
  for (const key of strings) if (typeof index[key] !== 'string') return `${key} is not text`;
  const numbers = [
    'sourceOrganizations',
    'patternCategory',
    'patternOrganization',
    'patternSource',
    'hostDomain',
    'hostFiltersEnd',
    'hostOffsets',
    'hostSlots',
    'filterPattern',
    'filterFlags',
  ] as const;
  for (const key of numbers) if (!Array.isArray(index[key])) return `${key} is not a list`;
  if (!Array.isArray(index.sources) || !Array.isArray(index.categories) || !Array.isArray(index.filterSites)) {
    return 'sources, categories or filterSites is not a list';
  }
  const patterns = index.patternCategory.length;
  if (index.patternOrganization.length !== patterns || index.patternSource.length !== patterns) {
    return 'the pattern columns differ in length';
  }
  const organizations = index.sourceOrganizations.reduce((a, b) => a + b, 0);
  if (index.sourceOrganizations.length !== index.sources.length) return 'sourceOrganizations does not match sources';
  const filters = index.filterPattern.length;
  if (index.filterFlags.length !== filters) return 'the filter columns differ in length';
  const hostFilters = index.hostFilterCount;
  if (!Number.isInteger(hostFilters) || hostFilters < 0 || hostFilters > filters)
    return 'hostFilterCount is out of range';
  const hosts = index.hostDomain.length;
  if (index.hostFiltersEnd.length !== hosts) return 'the host columns differ in length';
  if (hosts && index.hostFiltersEnd[hosts - 1] !== hostFilters) return 'the host filters do not end at hostFilterCount';
  if (organizations < 0) return 'sourceOrganizations is negative';
  const { hosts: text, hostOffsets: offsets, hostSlots: slots } = index;
  if (offsets.length !== hosts) return 'hostOffsets does not match the hosts';
  // The last host runs to the end of the text: it holds no line break (a line too many in `hosts`).
  if (hosts && text.indexOf('\n', offsets[hosts - 1]) >= 0) return 'hosts has more lines than hostOffsets';
  const size = slots.length;
  if (size < hosts * 2 || (size & (size - 1)) !== 0) return 'hostSlots is not a power of two twice the hosts';
  return undefined;
}

/**
 * Every entry of an index whose shape is sound: each host's pattern and filter range, each filter's pattern, each
 * pattern's organization, each host where its offset says, each slot of the host table. What `npm run trackers`
 * checks before it writes the file, with `shapeProblem`; undefined when all is well.
 */
export function entryProblem(index: TrackerIndex): string | undefined {
  const shape = shapeProblem(index);
  if (shape) return shape;
  const patterns = index.patternCategory.length;
  const organizations = index.sourceOrganizations.reduce((a, b) => a + b, 0);
  const hostFilters = index.hostFilterCount;
  const hosts = index.hostDomain.length;
  for (let h = 0, from = 0; h < hosts; h++) {
    const domain = index.hostDomain[h] as number;
    const to = index.hostFiltersEnd[h] as number;
    if (!(domain >= -1 && domain < patterns && to >= from && to <= hostFilters)) return `host ${h} is out of range`;
    from = to;
  }
  for (let i = 0; i < index.filterPattern.length; i++) {
    const p = index.filterPattern[i] as number;
    if (!(p >= 0 && p < patterns)) return `filter ${i} names no pattern`;
  }
  for (let i = 0; i < patterns; i++) {
    const o = index.patternOrganization[i] as number;
    if (!(o >= -1 && o < organizations)) return `pattern ${i} names no organization`;
  }
  return hostTableProblem(index);
}

/** The hostname table: each host a line of `hosts` where its offset says, and every slot empty or a host. */
function hostTableProblem(index: TrackerIndex): string | undefined {
  const { hosts: text, hostOffsets: offsets, hostSlots: slots } = index;
  const hosts = index.hostDomain.length;
  for (let h = 0; h < hosts; h++) {
    const from = offsets[h] as number;
    const to = h + 1 < hosts ? (offsets[h + 1] as number) - 1 : text.length;
    if (!(from >= 0 && to > from && to <= text.length && (h === 0 ? from === 0 : text.charCodeAt(from - 1) === 10))) {
      return `host ${h} is not where hostOffsets says`;
    }
  }
  let used = 0;
  for (let i = 0; i < slots.length; i++) {
    const entry = slots[i] as number;
    if (!(entry >= 0 && entry <= hosts)) return `hostSlots ${i} names no host`;
    if (entry) used++;
  }
  if (used !== hosts) return 'hostSlots does not hold every host once';
  return undefined;
}
