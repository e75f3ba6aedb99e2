import { siteOf } from '../classify/domain.ts';
import type { CookieFacts } from './cookies.ts';

// Where a browser keeps a company's cookies: in several cookie stores (Firefox containers, private windows), and
// within a store either unpartitioned or in one partition per top-level site (Firefox Total Cookie Protection,
// Chrome CHIPS). A plain `getAll({ domain })` sees only the unpartitioned cookies of the caller's store, and throws
// under Firefox's first-party isolation. The jar asks every store for every partition, and says when it could not.

/** A cookie as `cookies.getAll` returns it, in Chromium and Firefox: only the fields the jar reads. */
export interface BrowserCookie {
  name: string;
  value: string;
  domain: string;
  path?: string;
  httpOnly?: boolean;
  secure?: boolean;
  session?: boolean;
  storeId?: string;
  /** Set on a partitioned cookie: the site of the top-level page it was set under (`https://shop.example`). */
  partitionKey?: { topLevelSite?: string } | null;
  /** Firefox: under first-party isolation, the site of the top-level page it was set under (`shop.example`). */
  firstPartyDomain?: string;
}

/** The part of the `cookies` API the jar uses (`browser.cookies`). */
export interface CookieReader {
  getAll(details: Record<string, unknown>): Promise<BrowserCookie[]>;
  getAllCookieStores?(): Promise<{ id: string; incognito?: boolean }[]>;
}

/** One of the company's cookies, with where the browser keeps it. */
export interface JarCookie extends CookieFacts {
  /** The sites (registrable domains) under whose pages a partitioned copy of it was set; empty when unpartitioned. */
  partitions: string[];
  /** The cookie stores other than the browser's main one that hold it (another container), by id. */
  stores: string[];
}

export interface CookieJar {
  cookies: JarCookie[];
  /** True when the browser refused at least one read: the cookies listed may be fewer than it keeps. */
  unread: boolean;
}

/**
 * The ways of asking, best first: every partition; then with `firstPartyDomain: null`, which Firefox requires under
 * first-party isolation and Chromium rejects; then without `partitionKey`, for a browser that does not know it
 * (only unpartitioned cookies then). The first that the browser accepts is kept for the other reads.
 */
const QUERIES: Record<string, unknown>[] = [
  { partitionKey: {} },
  { partitionKey: {}, firstPartyDomain: null },
  {},
  { firstPartyDomain: null },
];

/** The ids of each browser's main cookie store: a cookie there is where the user normally browses. */
const MAIN_STORES = new Set(['0', 'firefox-default']);
/** Private windows' stores: not read (see `isPrivate`). */
const PRIVATE_STORES = new Set(['1', 'firefox-private']);

/**
 * A private window's cookies are left out: Disclosed records nothing there unless asked to, and they are gone when
 * the window closes, so a letter cannot rely on them.
 */
const isPrivate = (store: { id: string; incognito?: boolean }) =>
  store.incognito === true || PRIVATE_STORES.has(store.id);

/**
 * Every cookie set on the given registrable domains (and their subdomains), in every cookie store but private
 * windows' and in every partition, merged: a cookie of the same name, domain and value kept in several partitions or
 * stores is listed once, with each place. Never throws: what the browser refuses to give is reported as `unread`.
 */
export async function readCookieJar(api: CookieReader | undefined, domains: string[]): Promise<CookieJar> {
  if (!api) return { cookies: [], unread: true };
  let unread = false;
  let stores: (string | undefined)[];
  try {
    const all = (await api.getAllCookieStores?.()) ?? [];
    stores = all.filter((s) => !isPrivate(s)).map((s) => s.id);
    if (!all.length) stores = [undefined];
  } catch {
    // Without the list, the caller's own store is still there to read.
    stores = [undefined];
  }
  let accepted = 0;
  const read = async (domain: string, storeId: string | undefined): Promise<BrowserCookie[]> => {
    for (let i = accepted; i < QUERIES.length; i++) {
      try {
        const found = await api.getAll({ domain, ...(storeId !== undefined ? { storeId } : {}), ...QUERIES[i] });
        accepted = i;
        return found;
      } catch {
        // Asked in a way this browser refuses: the next way.
      }
    }
    unread = true;
    return [];
  };
  const found = (await Promise.all(stores.flatMap((store) => domains.map((d) => read(d, store))))).flat();
  return { cookies: mergeCookies(found), unread };
}

/** The site a partition belongs to, as a name (`shop.example`), from its key's `topLevelSite`. */
export function partitionSite(topLevelSite: string): string {
  try {
    return new URL(topLevelSite).hostname || topLevelSite;
  } catch {
    return topLevelSite;
  }
}

/**
 * Cookies from several reads as one list: the same cookie returned twice (two reads overlap) or kept in several
 * partitions or stores with the same value is one entry, with each site it was set under and each store holding
 * it. A partition of the cookie's own site is no news (it was set while the user was on that company's site) and is
 * not named.
 */
export function mergeCookies(found: BrowserCookie[]): JarCookie[] {
  const merged = new Map<string, JarCookie>();
  for (const c of found) {
    const key = `${c.domain}\n${c.path ?? '/'}\n${c.name}\n${c.value}`;
    const entry = merged.get(key) ?? {
      name: c.name,
      value: c.value,
      domain: c.domain,
      ...(c.httpOnly !== undefined ? { httpOnly: c.httpOnly } : {}),
      ...(c.secure !== undefined ? { secure: c.secure } : {}),
      ...(c.session !== undefined ? { session: c.session } : {}),
      partitions: [],
      stores: [],
    };
    merged.set(key, entry);
    // A partition (CHIPS, Total Cookie Protection) or, under first-party isolation, the first party it is kept for.
    const top = c.partitionKey?.topLevelSite;
    const site = top ? partitionSite(top) : c.firstPartyDomain || undefined;
    if (site && siteOf(site) !== siteOf(c.domain.replace(/^\./, '')) && !entry.partitions.includes(site)) {
      entry.partitions.push(site);
    }
    if (c.storeId !== undefined && !MAIN_STORES.has(c.storeId) && !entry.stores.includes(c.storeId)) {
      entry.stores.push(c.storeId);
    }
  }
  const cookies = [...merged.values()];
  for (const c of cookies) {
    c.partitions.sort();
    c.stores.sort();
  }
  return cookies.sort((a, b) => a.domain.localeCompare(b.domain) || a.name.localeCompare(b.name));
}
