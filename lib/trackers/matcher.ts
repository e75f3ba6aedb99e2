import type {
  CompiledCategory,
  CompiledFilter,
  CompiledTrackerList,
  FilterRequestType,
  PrivacyContact,
  TrackerListSource,
} from './format.ts';

/** The company a request went to, as the UI and storage name it. */
export interface Company {
  /** Stable key: the organization id, or `pattern:<id>` when the list names no organization. */
  id: string;
  name: string;
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

interface HostEntry {
  /** Pattern index from the domain lists, or -1. */
  domain: number;
  filters: RuntimeFilter[] | undefined;
}

interface RuntimeFilter extends CompiledFilter {
  match: number;
  regex?: RegExp;
  literal?: string;
}

export interface TrackerMatcher {
  /** The best match for a request: path and host filters first, then the hostname's known domains. */
  match(input: MatchInput): TrackerMatch | undefined;
  /** The match for a bare hostname (its longest known suffix), e.g. to learn who owns the page's own site. */
  matchHostname(hostname: string): TrackerMatch | undefined;
  companies(): Company[];
  sources: TrackerListSource[];
}

const TYPE_ALIASES: Record<string, FilterRequestType> = {
  xhr: 'xmlhttprequest',
  fetch: 'xmlhttprequest',
  xmlhttprequest: 'xmlhttprequest',
  subdocument: 'sub_frame',
  sub_frame: 'sub_frame',
};

/**
 * Builds the in-memory lookup from one or more compiled lists. Costs a few milliseconds: maps from hostnames and
 * tokens to filters; regular expressions are created on first use.
 */
export function createTrackerMatcher(lists: CompiledTrackerList[]): TrackerMatcher {
  // Matches are built lazily, on first use: most of the ~3,500 patterns are never met in a browsing session.
  const patternRefs: { list: CompiledTrackerList; index: number }[] = [];
  const matches: (TrackerMatch | undefined)[] = [];
  // One map from hostname (suffix) to both what the domain lists and the host filters say about it: each suffix of
  // a request's hostname is sliced and looked up once.
  const hosts = new Map<string, HostEntry>();
  const entry = (host: string) => {
    let e = hosts.get(host);
    if (!e) {
      e = { domain: -1, filters: undefined };
      hosts.set(host, e);
    }
    return e;
  };
  const tokenFilters = new Map<number, RuntimeFilter[]>();
  // A bitmap over token hashes: most words of an address index no filter, and a bit test is cheaper than a Map.
  const tokenBits = new Uint32Array(1 << 11);
  const otherFilters: RuntimeFilter[] = [];
  const companies = new Map<string, Company>();

  for (const list of lists) {
    const base = patternRefs.length;
    for (let index = 0; index < list.patterns.length; index++) patternRefs.push({ list, index });
    for (const [domain, pattern] of list.domains) {
      const e = entry(domain);
      if (e.domain < 0) e.domain = base + pattern;
    }
    for (const filter of list.filters) {
      // The parsed list is ours alone: annotate its objects in place rather than copying 4,500 of them.
      const runtime = filter as RuntimeFilter;
      runtime.match = base + filter.pattern;
      if (filter.host) {
        const e = entry(filter.host);
        if (e.filters) e.filters.push(runtime);
        else e.filters = [runtime];
      } else if (filter.token && !COMMON_TOKENS.has(filter.token)) {
        const hash = hashToken(filter.token, 0, filter.token.length);
        push(tokenFilters, hash, runtime);
        tokenBits[(hash >>> 5) & 0x7ff] = (tokenBits[(hash >>> 5) & 0x7ff] as number) | (1 << (hash & 31));
      } else {
        // No token, or one nearly every address has ("js"): found through a literal run instead.
        runtime.literal = longestLiteral(filter.re ?? '');
        otherFilters.push(runtime);
      }
    }
  }

  function companyFor(list: CompiledTrackerList, orgIndex: number, patternName: string, patternId: string): Company {
    const org = list.organizations[orgIndex];
    const id = org ? org.id : `pattern:${patternId}`;
    let company = companies.get(id);
    if (!company) {
      company = {
        id,
        name: org ? org.name : patternName,
        country: org?.country ?? '',
        website: org?.website ?? '',
        privacyPolicy: org?.privacyPolicy ?? '',
        contact: org?.contact ?? { kind: 'none', value: '' },
        source: list.source.id,
      };
      companies.set(id, company);
    }
    return company;
  }

  function matchAt(i: number): TrackerMatch | undefined {
    let m = matches[i];
    if (!m) {
      const ref = patternRefs[i];
      const pattern = ref?.list.patterns[ref.index];
      if (!ref || !pattern) return undefined;
      m = {
        company: companyFor(ref.list, pattern.organization, pattern.name, pattern.id),
        patternId: pattern.id,
        patternName: pattern.name,
        category: ref.list.categories[pattern.category] ?? { id: 'misc', name: 'Misc', description: '' },
      };
      matches[i] = m;
    }
    return m;
  }

  // One case-insensitive scan for all the literals of the filters no token indexes; only a hit runs their regexes.
  const literals = otherFilters.filter((f) => f.literal).map((f) => escapeRegex(f.literal as string));
  const literalScan = literals.length ? new RegExp(literals.join('|'), 'i') : undefined;
  const unprefiltered = otherFilters.filter((f) => !f.literal);

  function accepts(f: RuntimeFilter, input: MatchInput): boolean {
    if (f.party === 1 && !input.thirdParty) return false;
    if (f.party === 2 && input.thirdParty) return false;
    if (f.types && !f.types.includes(TYPE_ALIASES[input.type] ?? (input.type as FilterRequestType))) return false;
    if (f.includeSites && !f.includeSites.some((s) => isSubdomainOf(input.pageHostname, s))) return false;
    if (f.excludeSites?.some((s) => isSubdomainOf(input.pageHostname, s))) return false;
    return true;
  }

  function test(f: RuntimeFilter, url: string, from: number): boolean {
    if (f.re === undefined) return true;
    if (!f.regex) {
      // Host filters match from the end of the hostname (sticky); the others anywhere in the address.
      f.regex = f.host ? new RegExp(f.re.slice(1), 'iy') : new RegExp(f.re, 'i');
    }
    f.regex.lastIndex = from;
    return f.regex.test(url);
  }

  function byDomain(hostname: string): TrackerMatch | undefined {
    for (let at = -1; ; ) {
      const suffix = at < 0 ? hostname : hostname.slice(at + 1);
      if (!suffix.includes('.')) return undefined;
      const hit = hosts.get(suffix)?.domain ?? -1;
      if (hit >= 0) return matchAt(hit);
      at = hostname.indexOf('.', at + 1);
      if (at < 0) return undefined;
    }
  }

  function match(input: MatchInput): TrackerMatch | undefined {
    // No lower-casing copy of the address: filters compile case-insensitive, and words are hashed lower-cased.
    const { hostname, url } = input;
    // Suffixes longest first. A filter on a whole host wins over one on a path of it, as in the SDK (whose token
    // index meets the hostname's words before the path's); the longest listed domain is the fallback.
    const hostEnd = url.indexOf(hostname) + hostname.length;
    let withPath: RuntimeFilter | undefined;
    let domain = -1;
    for (let at = -1; ; ) {
      const suffix = at < 0 ? hostname : hostname.slice(at + 1);
      const e = hosts.get(suffix);
      if (e) {
        if (domain < 0 && e.domain >= 0 && suffix.includes('.')) domain = e.domain;
        if (e.filters) {
          for (const f of e.filters) {
            if (f.re === undefined ? accepts(f, input) : !withPath && accepts(f, input) && test(f, url, hostEnd)) {
              if (f.re === undefined) return matchAt(f.match);
              withPath = f;
            }
          }
        }
      }
      at = hostname.indexOf('.', at + 1);
      if (at < 0) break;
    }
    if (withPath) return matchAt(withPath.match);
    if (tokenFilters.size) {
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
            for (const f of candidates) if (accepts(f, input) && test(f, url, 0)) return matchAt(f.match);
          }
        }
        length = 0;
        hash = 5381;
      }
    }

    if (literalScan?.test(url)) {
      const lower = url.toLowerCase();
      for (const f of otherFilters) {
        if (f.literal && lower.includes(f.literal) && accepts(f, input) && test(f, url, 0)) return matchAt(f.match);
      }
    }
    for (const f of unprefiltered) if (accepts(f, input) && test(f, url, 0)) return matchAt(f.match);
    return domain >= 0 ? matchAt(domain) : undefined;
  }

  return {
    match,
    matchHostname: byDomain,
    companies: () => {
      for (const list of lists) {
        for (const [i, org] of list.organizations.entries()) companyFor(list, i, org.name, '');
        for (const p of list.patterns) if (p.organization < 0) companyFor(list, -1, p.name, p.id);
      }
      return [...companies.values()];
    },
    sources: lists.map((l) => l.source),
  };
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
