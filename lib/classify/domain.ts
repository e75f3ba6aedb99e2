import { parse } from 'tldts';

/**
 * The one wrapper around tldts. Every "site" in Disclosed is a registrable domain (eTLD+1) computed here, with the
 * same options everywhere: private suffixes count (two `*.github.io` pages are different sites, as browsers treat
 * them), and hosts without one (IP addresses, `localhost`) are their own site.
 */

export interface ParsedHost {
  hostname: string;
  site: string;
}

// Two generations: when the young one is full it becomes the old one, so a busy session keeps its recent hosts
// instead of losing every entry at once.
let young = new Map<string, string>();
let old = new Map<string, string>();
const GENERATION = 25_000;

/**
 * Whether a hostname belongs to a site (registrable domain). Exact, and cheap for the common third-party case: a
 * host that is neither the site nor under it cannot be on it; one under it is checked against the suffix list
 * (under a bare public suffix such as `blogspot.com`, `alice.blogspot.com` is a site of its own).
 */
export function isOnSite(hostname: string, site: string): boolean {
  if (hostname === site) return true;
  if (!(hostname.endsWith(site) && hostname.charCodeAt(hostname.length - site.length - 1) === 46)) return false;
  return siteOf(hostname) === site;
}

/** The registrable domain of a hostname (lower-case, no trailing dot); the hostname itself when it has none. */
export function siteOf(hostname: string): string {
  let site = young.get(hostname);
  if (site !== undefined) return site;
  site = old.get(hostname);
  if (site === undefined) {
    const host = hostname.toLowerCase().replace(/\.$/, '');
    const result = parse(host, { allowPrivateDomains: true, extractHostname: false, detectIp: true });
    site = result.isIp || !result.domain ? host : result.domain;
  }
  if (young.size >= GENERATION) {
    old = young;
    young = new Map();
  }
  young.set(hostname, site);
  return site;
}

export interface ParsedAddress {
  hostname: string;
  /** The path, without query or fragment ("/" when empty). */
  path: string;
}

export interface ParsedWebUrl extends ParsedHost {
  /** The path, without query or fragment ("/" when empty). */
  path: string;
}

/** Where the host starts in a web address (after `scheme://`), or -1 for other schemes. */
function hostStartOf(url: string): number {
  if (url.startsWith('https://')) return 8;
  if (url.startsWith('http://')) return 7;
  if (url.startsWith('wss://')) return 6;
  if (url.startsWith('ws://')) return 5;
  return /^(?:https?|wss?):\/\//i.test(url) ? url.indexOf('//') + 2 : -1;
}

/**
 * Parses a web address into hostname, site and path, or returns undefined for anything that is not a web address
 * with a host (`about:blank`, `data:`, `chrome://…`, garbage). Never throws.
 *
 * This runs for every request, so the common case — the canonical URLs browsers give webRequest listeners — is a
 * plain scan; anything unusual (user info, IPv6, upper case, non-ASCII) goes through the WHATWG URL parser.
 */
let lastUrl = '';
let lastParsed: ParsedWebUrl | undefined;

export function parseWebUrl(url: string | undefined | null): ParsedWebUrl | undefined {
  if (!url) return undefined;
  // A tab's requests name the same page over and over: remember the last answer.
  if (url === lastUrl) return lastParsed;
  const address = parseAddress(url);
  lastParsed = address && { hostname: address.hostname, path: address.path, site: siteOf(address.hostname) };
  lastUrl = url;
  return lastParsed;
}

/** Hostname and path of a web address, without the site lookup (see `parseWebUrl`). Never throws. */
export function parseAddress(url: string | undefined | null): ParsedAddress | undefined {
  if (!url) return undefined;
  const hostStart = hostStartOf(url);
  if (hostStart < 0) return undefined;
  // One scan over the host: it ends at / ? # or a port; anything but [a-z0-9.-] means "not canonical".
  let hostEnd = hostStart;
  let portAt = -1;
  let canonical = true;
  for (; hostEnd < url.length; hostEnd++) {
    const c = url.charCodeAt(hostEnd);
    if (c === 47 /* / */ || c === 63 /* ? */ || c === 35 /* # */) break;
    if (portAt >= 0) {
      if (c < 48 || c > 57) canonical = false;
    } else if (c === 58 /* : */) portAt = hostEnd;
    else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 46 || c === 45)) canonical = false;
  }
  if (!canonical) return parseSlowly(url);
  const host = url.slice(hostStart, portAt >= 0 ? portAt : hostEnd);
  const hostname = host.endsWith('.') ? host.slice(0, -1) : host;
  if (!hostname || hostname.startsWith('.') || hostname.includes('..')) return undefined;
  let pathEnd = hostEnd;
  while (pathEnd < url.length) {
    const c = url.charCodeAt(pathEnd);
    if (c === 63 || c === 35) break;
    pathEnd++;
  }
  return { hostname, path: url.slice(hostEnd, pathEnd) || '/' };
}

function parseSlowly(url: string): ParsedAddress | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const hostname = parsed.hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (!hostname) return undefined;
  return { hostname, path: parsed.pathname };
}

/**
 * The site a person means when they type one in ("https://www.News.example/a", "news.example", "www.news.example."),
 * or undefined when it names none.
 */
export function siteFromInput(text: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const parsed = parseWebUrl(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
  return parsed && /^[a-z0-9.-]+$/.test(parsed.site) && parsed.site.includes('.') ? parsed.site : undefined;
}
