import type { Company } from './company.ts';
import {
  type CompiledCategory,
  type CompiledTrackerList,
  FILTER_FLAGS,
  TRACKER_INDEX_FORMAT,
  TRACKER_LIST_FORMAT,
  type TrackerIndex,
  type TrackerListSource,
} from './format.ts';
import { HASH_SEED, hashStep } from './host-table.ts';
import { packTrackerIndex } from './pack.ts';

export interface TrackerMatch {
  company: Company;
  patternId: string;
  patternName: string;
  category: CompiledCategory;
}

/** What the matcher needs to know about one request; everything lower-case except `url`. */
export interface MatchInput {
  url: string;
  hostname: string;
  type: string;
  /** The request's registrable domain differs from the page's (adblock `$3p` semantics). */
  thirdParty: boolean;
  /** The hostname of the page the request was made for; empty when unknown. */
  pageHostname: string;
}

export interface TrackerMatcher {
  /** The best match for a request: path and host filters first, then the hostname's known domains. */
  match(input: MatchInput): TrackerMatch | undefined;
  /** The match for a bare hostname (its longest known suffix), e.g. to learn who owns the page's own site. */
  matchHostname(hostname: string): TrackerMatch | undefined;
  /** Every company the lists name (id, name, source; no details: those are the catalog's). */
  companies(): Company[];
  sources: TrackerListSource[];
}

/** Bit of a request type in a filter's flags; 0 for types no filter can name (so a typed filter refuses them). */
function typeBit(type: string): number {
  switch (type) {
    case 'script':
      return 1 << FILTER_FLAGS.typesShift;
    case 'image':
      return 1 << (FILTER_FLAGS.typesShift + 1);
    case 'stylesheet':
      return 1 << (FILTER_FLAGS.typesShift + 2);
    case 'xmlhttprequest':
    case 'xhr':
    case 'fetch':
      return 1 << (FILTER_FLAGS.typesShift + 3);
    case 'sub_frame':
    case 'subdocument':
      return 1 << (FILTER_FLAGS.typesShift + 4);
    case 'font':
      return 1 << (FILTER_FLAGS.typesShift + 5);
    case 'media':
      return 1 << (FILTER_FLAGS.typesShift + 6);
    default:
      return 0;
  }
}

const TYPES_MASK = FILTER_FLAGS.typesMask << FILTER_FLAGS.typesShift;

/** The lines of a column that holds `count` values (an empty column is one empty line to `split`). */
function lines(text: string, count: number, what: string): string[] {
  const out = count === 0 ? [] : text.split('\n');
  if (out.length !== count) {
    throw new Error(`The tracker index's ${what} column has ${out.length} lines for ${count} values: ${REBUILD}`);
  }
  return out;
}

/** What to do about an index this code cannot read. */
export const REBUILD = 'rebuild it with `npm run trackers`.';

/**
 * Builds the in-memory lookup from the compact index (see `TrackerIndex`), or from lists in full form, which are
 * packed first. The hostname table comes prebuilt (host-table.ts), so loading builds only a few small structures for
 * the ~180 filters not tied to a host; names, regular expressions and matches are made on first use. A request's
 * hostname suffixes are looked up without slicing them.
 */
export function createTrackerMatcher(lists: (TrackerIndex | CompiledTrackerList)[]): TrackerMatcher {
  const full = lists.filter((l): l is CompiledTrackerList => l.format === TRACKER_LIST_FORMAT);
  const packed = lists.filter((l): l is TrackerIndex => l.format === TRACKER_INDEX_FORMAT);
  if (full.length + packed.length !== lists.length || packed.length > 1 || (packed.length && full.length)) {
    throw new Error('createTrackerMatcher takes one packed index, or lists in full form (packed together here)');
  }
  const index = packed[0] ?? packTrackerIndex(full);
  const { hostDomain, hostFiltersEnd, filterPattern, filterFlags, hostFilterCount } = index;

  // The hostname table was built at pack time (host-table.ts): nothing to build here.
  const { hosts: hostText, hostOffsets, hostSlots } = index;
  const slotMask = hostSlots.length - 1;
  const hostCount = hostDomain.length;

  /** The row of hostname[start…] in the index, or -1; `hash` is its `hostHash`. */
  function findHost(hostname: string, start: number, hash: number): number {
    const length = hostname.length - start;
    for (let slot = hash & slotMask; ; slot = (slot + 1) & slotMask) {
      const entry = hostSlots[slot] as number;
      if (entry === 0) return -1;
      const row = entry - 1;
      const from = hostOffsets[row] as number;
      const to = row + 1 < hostCount ? (hostOffsets[row + 1] as number) - 1 : hostText.length;
      if (to - from === length) {
        let same = true;
        for (let i = 0; i < length; i++) {
          if (hostText.charCodeAt(from + i) !== hostname.charCodeAt(start + i)) {
            same = false;
            break;
          }
        }
        if (same) return row;
      }
    }
  }

  /**
   * Reads the hostname right to left once, noting where each suffix starts (after each dot, then the whole name)
   * and its hash, shortest first, into the scratch arrays; returns how many. Suffix k > 0 contains a dot.
   */
  function suffixesOf(hostname: string): number {
    let count = 0;
    let hash = HASH_SEED;
    for (let i = hostname.length - 1; i >= 0; i--) {
      const c = hostname.charCodeAt(i);
      if (c === 46 && i + 1 < hostname.length && count < MAX_SUFFIXES - 1) {
        suffixStarts[count] = i + 1;
        suffixHashes[count] = hash;
        count++;
      }
      hash = hashStep(hash, c);
    }
    suffixStarts[count] = 0;
    suffixHashes[count] = hash;
    return count + 1;
  }

  const regexSources = lines(index.filterRe, filterPattern.length, 'filterRe');
  const regexes: (RegExp | undefined)[] = [];
  // The filters with wildcards, cut into the pieces between them (see `wildcardPieces`).
  const pieces: (RegExp[][] | undefined)[] = [];
  // Which token-indexed filters this request has already been tested against (a stamp per request).
  const testedIn = new Uint32Array(filterPattern.length);
  let request = 0;
  const sites = new Map<number, { include: string[] | undefined; exclude: string[] | undefined }>();
  for (const [filter, include, exclude] of index.filterSites) {
    sites.set(filter, {
      include: include ? include.split('|') : undefined,
      exclude: exclude ? exclude.split('|') : undefined,
    });
  }

  // The filters not tied to a host: by word token (hash → filters), or, lacking a useful token, by a literal run.
  const tokenFilters = new Map<number, number[]>();
  // A bitmap over token hashes: most words of an address index no filter, and a bit test is cheaper than a Map.
  const tokenBits = new Uint32Array(1 << 11);
  const otherFilters: number[] = [];
  const literalOf = new Map<number, string>();
  const tokens = lines(index.filterTokens, filterPattern.length - hostFilterCount, 'filterTokens');
  for (let i = hostFilterCount; i < filterPattern.length; i++) {
    const token = tokens[i - hostFilterCount] as string;
    if (token && !COMMON_TOKENS.has(token)) {
      const hash = hashToken(token, 0, token.length);
      push(tokenFilters, hash, i);
      tokenBits[(hash >>> 5) & 0x7ff] = (tokenBits[(hash >>> 5) & 0x7ff] as number) | (1 << (hash & 31));
    } else {
      // No token, or one nearly every address has ("js"): found through a literal run instead.
      const literal = longestLiteral(regexSources[i] ?? '');
      if (literal) literalOf.set(i, literal);
      otherFilters.push(i);
    }
  }
  // One case-insensitive scan for all the literals of those filters; only a hit runs their regexes.
  const literals = otherFilters.flatMap((i) => (literalOf.has(i) ? [escapeRegex(literalOf.get(i) as string)] : []));
  const literalScan = literals.length ? new RegExp(literals.join('|'), 'i') : undefined;
  const unprefiltered = otherFilters.filter((i) => !literalOf.has(i));

  // Names are split on the first match: most sessions meet a few dozen of the ~3,500 patterns.
  let names: { orgIds: string[]; orgNames: string[]; patternIds: string[]; patternNames: string[] } | undefined;
  const namesOf = () => {
    names ??= {
      orgIds: lines(index.organizationIds, organizationCount(index), 'organizationIds'),
      orgNames: lines(index.organizationNames, organizationCount(index), 'organizationNames'),
      patternIds: lines(index.patternIds, index.patternCategory.length, 'patternIds'),
      patternNames: lines(index.patternNames, index.patternCategory.length, 'patternNames'),
    };
    return names;
  };
  const matches: (TrackerMatch | undefined)[] = [];
  const companies = new Map<string, Company>();

  function companyFor(orgIndex: number, patternIndex: number, source: number): Company {
    const n = namesOf();
    const orgId = orgIndex >= 0 ? n.orgIds[orgIndex] : undefined;
    const id = orgId ?? `pattern:${n.patternIds[patternIndex]}`;
    let company = companies.get(id);
    if (!company) {
      company = {
        id,
        name: (orgId !== undefined ? n.orgNames[orgIndex] : n.patternNames[patternIndex]) ?? id,
        country: '',
        website: '',
        privacyPolicy: '',
        contact: { kind: 'none', value: '' },
        source: index.sources[source]?.id ?? '',
      };
      companies.set(id, company);
    }
    return company;
  }

  function matchAt(i: number): TrackerMatch | undefined {
    let m = matches[i];
    if (!m) {
      if (!(i >= 0 && i < index.patternCategory.length)) return undefined;
      const n = namesOf();
      m = {
        company: companyFor(index.patternOrganization[i] as number, i, index.patternSource[i] as number),
        patternId: n.patternIds[i] as string,
        patternName: n.patternNames[i] as string,
        category: index.categories[index.patternCategory[i] as number] ?? { id: 'misc', name: 'Misc', description: '' },
      };
      matches[i] = m;
    }
    return m;
  }

  function accepts(f: number, input: MatchInput, type: number): boolean {
    const flags = filterFlags[f] as number;
    const party = flags & FILTER_FLAGS.partyMask;
    if (party === 1 && !input.thirdParty) return false;
    if (party === 2 && input.thirdParty) return false;
    if ((flags & TYPES_MASK) !== 0 && (flags & type) === 0) return false;
    if (flags & FILTER_FLAGS.sites) {
      const s = sites.get(f);
      if (s?.include && !s.include.some((site) => isSubdomainOf(input.pageHostname, site))) return false;
      if (s?.exclude?.some((site) => isSubdomainOf(input.pageHostname, site))) return false;
    }
    return true;
  }

  function test(f: number, url: string, from: number): boolean {
    let regex = regexes[f];
    if (!regex) {
      const source = regexSources[f] as string;
      // Host filters match from the end of the hostname (sticky); the others anywhere in the address.
      const sticky = f < hostFilterCount;
      regex = sticky ? new RegExp(source.slice(1), 'iy') : new RegExp(source, 'i');
      regexes[f] = regex;
      const split = wildcardPieces(sticky ? source.slice(1) : source, sticky);
      if (split) pieces[f] = split;
    }
    const split = pieces[f];
    if (split && !hasLineBreak(url)) return piecesMatch(split, url, from);
    regex.lastIndex = from;
    return regex.test(url);
  }

  function byDomain(hostname: string): TrackerMatch | undefined {
    // Longest suffix first; a suffix without a dot (k = 0) is no domain.
    for (let k = suffixesOf(hostname) - 1; k > 0; k--) {
      const row = findHost(hostname, suffixStarts[k] as number, suffixHashes[k] as number);
      const hit = row < 0 ? -1 : (hostDomain[row] as number);
      if (hit >= 0) return matchAt(hit);
    }
    return undefined;
  }

  function match(input: MatchInput): TrackerMatch | undefined {
    // No lower-casing copy of the address: filters compile case-insensitive, and words are hashed lower-cased.
    const { hostname, url } = input;
    const type = typeBit(input.type);
    // Suffixes longest first. A filter on a whole host wins over one on a path of it, as in the SDK (whose token
    // index meets the hostname's words before the path's); the longest listed domain is the fallback.
    const hostEnd = url.indexOf(hostname) + hostname.length;
    let withPath = -1;
    let domain = -1;
    for (let k = suffixesOf(hostname) - 1; k >= 0; k--) {
      const row = findHost(hostname, suffixStarts[k] as number, suffixHashes[k] as number);
      if (row >= 0) {
        const listed = hostDomain[row] as number;
        if (domain < 0 && listed >= 0 && k > 0) domain = listed;
        const to = hostFiltersEnd[row] as number;
        for (let f = row === 0 ? 0 : (hostFiltersEnd[row - 1] as number); f < to; f++) {
          if (((filterFlags[f] as number) & FILTER_FLAGS.re) === 0) {
            if (accepts(f, input, type)) return matchAt(filterPattern[f] as number);
          } else if (withPath < 0 && accepts(f, input, type) && test(f, url, hostEnd)) {
            withPath = f;
          }
        }
      }
    }
    if (withPath >= 0) return matchAt(filterPattern[withPath] as number);
    if (tokenFilters.size) {
      request = request === 0xffffffff ? 1 : request + 1;
      if (request === 1) testedIn.fill(0);
      // Walk the address's words ([a-z0-9]+), hashing each as it is read (the same hash as `hashToken`), and look
      // the hash up in the bitmap, then the map: no substrings are allocated.
      let length = 0;
      let hash = 5381;
      for (let i = 0; i <= url.length; i++) {
        let c = i < url.length ? url.charCodeAt(i) : 0;
        if (c >= 65 && c <= 90) c += 32;
        if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
          hash = (Math.imul(hash, 33) + c) | 0;
          length++;
          continue;
        }
        if (length >= 2 && ((tokenBits[(hash >>> 5) & 0x7ff] as number) & (1 << (hash & 31))) !== 0) {
          const candidates = tokenFilters.get(hash);
          if (candidates) {
            for (const f of candidates) {
              // A word the address repeats would test its filters again, each time over the whole address.
              if (testedIn[f] === request) continue;
              testedIn[f] = request;
              if (accepts(f, input, type) && test(f, url, 0)) return matchAt(filterPattern[f] as number);
            }
          }
        }
        length = 0;
        hash = 5381;
      }
    }

    if (literalScan?.test(url)) {
      const lower = url.toLowerCase();
      for (const f of otherFilters) {
        const literal = literalOf.get(f);
        if (literal && lower.includes(literal) && accepts(f, input, type) && test(f, url, 0)) {
          return matchAt(filterPattern[f] as number);
        }
      }
    }
    for (const f of unprefiltered) {
      if (accepts(f, input, type) && test(f, url, 0)) return matchAt(filterPattern[f] as number);
    }
    return domain >= 0 ? matchAt(domain) : undefined;
  }

  return {
    match,
    matchHostname: byDomain,
    companies: () => {
      const n = namesOf();
      let source = 0;
      let sourceEnd = index.sourceOrganizations[0] ?? 0;
      for (let o = 0; o < n.orgIds.length; o++) {
        while (o >= sourceEnd && source < index.sourceOrganizations.length - 1) {
          source++;
          sourceEnd += index.sourceOrganizations[source] as number;
        }
        companyFor(o, -1, source);
      }
      for (let p = 0; p < index.patternOrganization.length; p++) {
        if ((index.patternOrganization[p] as number) < 0) companyFor(-1, p, index.patternSource[p] as number);
      }
      return [...companies.values()];
    },
    sources: index.sources,
  };
}

/** A hostname has at most 127 labels; scratch space for its suffixes, reused by every match (matching is sync). */
const MAX_SUFFIXES = 128;
const suffixStarts = new Int32Array(MAX_SUFFIXES);
const suffixHashes = new Int32Array(MAX_SUFFIXES);

function organizationCount(index: TrackerIndex): number {
  return index.sourceOrganizations.reduce((a, b) => a + b, 0);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Words nearly every address contains: useless as index keys. */
const COMMON_TOKENS = new Set(['http', 'https', 'www', 'com', 'net', 'org', 'js', 'html', 'php', 'gif', 'png', 'jpg']);

/** Hash of s[start, end) lower-cased (ASCII), as the URL scan computes it. */
function hashToken(s: string, start: number, end: number): number {
  let h = 5381;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    h = (Math.imul(h, 33) + (c >= 65 && c <= 90 ? c + 32 : c)) | 0;
  }
  return h;
}

// Not `'?*+{'.includes(ch)`: that is true for the empty string, i.e. at the end of the source.
const isQuantifier = (ch: string | undefined) => ch === '?' || ch === '*' || ch === '+' || ch === '{';

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** What `patternToRegex` writes for `^`: one separator character, or the end of the address. */
const SEPARATOR = '(?:[^a-z0-9_.%-]|$)';
/** What the filter compiler writes before a partial host (`||ads*.example`): a scheme, then any labels. */
const HOST_START = '^[a-z][a-z0-9+.-]*:\\/\\/(?:[^/?#]*\\.)?';
/** The same labels taken shortest first: the same matches, found in the order that ends them soonest. */
const HOST_START_SOONEST = '^[a-z][a-z0-9+.-]*:\\/\\/(?:[^/?#]*?\\.)??';

/**
 * A filter's regex cut at its top-level wildcards (`.*`, and the `.*` of `.+`), each piece as the regexes of its
 * alternatives; undefined when it has no wildcard or another shape. A backtracking engine tests `ea.*\/ea\.js` on an
 * address without "/ea.js" from every "ea" in it, each time running to the end and back: 21 s for one test on the 2.4
 * million characters of "%EA…" a test once made. Matched piece by piece instead, each piece from where the one before
 * it ended, every character is read a bounded number of times. That is exact when each piece but the last ends
 * soonest at its first match: then whatever the next pieces could match after a later one, they can match after
 * it. So each such piece must be a few alternatives (from groups like `(v2\.0\/)?` or `(plugins|widgets)`), each of
 * which can end in only one place for a given start, and later when it starts later: single characters (literals,
 * escapes, classes, `.`), separators, and the partial-host start taken shortest first. The soonest end of the piece
 * is the soonest of its alternatives'. Anything else (nested groups, quantifiers, lookaround) keeps the regex whole.
 */
function wildcardPieces(source: string, sticky: boolean): RegExp[][] | undefined {
  if (/\(\?<?[=!]|\\[1-9]/.test(source) || hasTopLevelAlternation(source)) return undefined;
  const parts: string[] = [];
  let start = 0;
  for (const i of topLevelIndices(source)) {
    // A wildcard's own quantifier (and its lazy `?`) stand at the top level too: skipped with it.
    if (i < start || source[i] !== '.' || (source[i + 1] !== '*' && source[i + 1] !== '+')) continue;
    parts.push(source.slice(start, i) + (source[i + 1] === '+' ? '.' : ''));
    start = i + (source[i + 2] === '?' ? 3 : 2);
  }
  if (!parts.length) return undefined;
  const pieces: string[][] = [];
  for (const part of parts) {
    const alternatives = alternativesOf(part);
    if (!alternatives) return undefined;
    pieces.push(alternatives);
  }
  // The last piece may be anything: nothing comes after it.
  pieces.push([source.slice(start)]);
  return pieces.map((alternatives, i) => alternatives.map((p) => new RegExp(p, i === 0 && sticky ? 'iy' : 'ig')));
}

/** The alternatives of a piece, each of atoms of one length (see `wildcardPieces`); undefined if it has others. */
function alternativesOf(part: string): string[] | undefined {
  let alternatives = [''];
  for (let i = 0; i < part.length; ) {
    const atom = atomAt(part, i, i === 0);
    if (atom) {
      const text = atom === HOST_START ? HOST_START_SOONEST : atom;
      alternatives = alternatives.map((a) => a + text);
      i += atom.length;
      continue;
    }
    // A group of alternatives made of atoms, maybe optional: each is one more way through the piece.
    const group = /^\((?:\?:)?([^()]*)\)(\?)?/.exec(part.slice(i));
    if (!group || isQuantifier(part[i + group[0].length])) return undefined;
    const options = (group[1] as string).split('|');
    if (group[2]) options.push('');
    if (!options.every((o) => isAtoms(o)) || alternatives.length * options.length > 16) return undefined;
    alternatives = alternatives.flatMap((a) => options.map((o) => a + o));
    i += group[0].length;
  }
  return alternatives;
}

function isAtoms(text: string): boolean {
  for (let i = 0; i < text.length; ) {
    const atom = atomAt(text, i, false);
    if (!atom) return false;
    i += atom.length;
  }
  return true;
}

/** The atom at `part[i]`: one character (literal, escape, class, `.`), a separator, or (at the start) an anchor. */
function atomAt(part: string, i: number, atStart: boolean): string | undefined {
  const ch = part[i] as string;
  let atom: string | undefined;
  if (atStart && part.startsWith(HOST_START, i)) atom = HOST_START;
  else if (part.startsWith(SEPARATOR, i)) atom = SEPARATOR;
  else if (atStart && ch === '^') atom = '^';
  else if (ch === '\\') {
    const next = part[i + 1];
    if (next !== undefined && (!/[a-z0-9]/i.test(next) || 'dDwWsS'.includes(next))) atom = `\\${next}`;
  } else if (ch === '[') {
    let end = i + 1;
    while (end < part.length && part[end] !== ']') end += part[end] === '\\' ? 2 : 1;
    if (end < part.length) atom = part.slice(i, end + 1);
  } else if (!'()|*+?{}^$'.includes(ch)) {
    atom = ch;
  }
  // An atom made optional or repeated has more than one length.
  return atom && !isQuantifier(part[i + atom.length]) ? atom : undefined;
}

function hasTopLevelAlternation(source: string): boolean {
  return topLevelIndices(source).some((i) => source[i] === '|');
}

/** Where each character of a regex source stands outside any group, character class and escape. */
function topLevelIndices(source: string): number[] {
  const indices: number[] = [];
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') i++;
    else if (inClass) inClass = ch !== ']';
    else if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (depth === 0) indices.push(i);
  }
  return indices;
}

/**
 * Each piece in turn, from where the one before it ended (the soonest end of its alternatives); the first from
 * `from` (where it must start, if sticky).
 */
function piecesMatch(pieces: RegExp[][], url: string, from: number): boolean {
  let at = from;
  for (const alternatives of pieces) {
    let end = -1;
    for (const alternative of alternatives) {
      alternative.lastIndex = at;
      if (alternative.test(url) && (end < 0 || alternative.lastIndex < end)) end = alternative.lastIndex;
    }
    if (end < 0) return false;
    at = end;
  }
  return true;
}

// A wildcard's `.` stops at a line break, so pieces may be matched apart only in an address without one (browsers
// give none; the regex whole keeps the answer exact for one that has). Remembered for the address being matched.
let lastBreakUrl = '';
let lastBreak = false;
function hasLineBreak(url: string): boolean {
  if (url !== lastBreakUrl) {
    lastBreakUrl = url;
    lastBreak = /[\n\r\u2028\u2029]/.test(url);
  }
  return lastBreak;
}

/** `host` is `site` or one of its subdomains. */
export function isSubdomainOf(host: string, site: string): boolean {
  return host === site || (host.endsWith(site) && host.charCodeAt(host.length - site.length - 1) === 46);
}

/**
 * The longest run of characters a match must contain literally, from a regular expression source: a cheap
 * `includes` test that spares most regex runs for filters no word token could index.
 */
function longestLiteral(source: string): string {
  if (/(^|[^\\])\|/.test(source.replace(/\([^)]*\)/g, ''))) return '';
  let best = '';
  let run = '';
  for (let i = 0; i < source.length; i++) {
    const ch = source[i] as string;
    const next = source[i + 1];
    if (ch === '\\' && next && !/[a-z0-9]/i.test(next) && !isQuantifier(source[i + 2])) {
      run += next;
      i++;
      continue;
    }
    if (/[a-z0-9_%=&/:-]/i.test(ch) && !isQuantifier(next)) {
      run += ch;
      continue;
    }
    if (run.length > best.length) best = run;
    run = '';
    // Skip a group or class whole: its content may be optional or alternatives.
    if (ch === '(' || ch === '[') {
      const close = source.indexOf(ch === '(' ? ')' : ']', i);
      i = close < 0 ? source.length : close;
    }
  }
  if (run.length > best.length) best = run;
  // Shorter runs (".js") are in nearly every address and would prefilter nothing.
  return best.length >= 4 ? best.toLowerCase() : '';
}
