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

const cache = new Map<string, string>();
const CACHE_LIMIT = 20_000;

/** The registrable domain of a hostname (lower-case, no trailing dot); the hostname itself when it has none. */
export function siteOf(hostname: string): string {
  const cached = cache.get(hostname);
  if (cached !== undefined) return cached;
  const host = hostname.toLowerCase().replace(/\.$/, '');
  const result = parse(host, { allowPrivateDomains: true, extractHostname: false, detectIp: true });
  const site = result.isIp || !result.domain ? host : result.domain;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(hostname, site);
  return site;
}

/**
 * Parses an address into hostname and site, or returns undefined for anything that is not a web address with a
 * host (`about:blank`, `data:`, `chrome://…`, garbage). Never throws.
 */
export function parseWebUrl(url: string | undefined | null): (ParsedHost & { url: URL }) | undefined {
  if (!url || !/^(https?|wss?):/i.test(url)) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const hostname = parsed.hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (!hostname) return undefined;
  return { url: parsed, hostname, site: siteOf(hostname) };
}
