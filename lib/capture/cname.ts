import { siteOf } from '../classify/domain.ts';

/**
 * Asks the browser for a host's DNS canonical name: the name its address record is an alias of (a CNAME), or the
 * host itself when it is none. Firefox's `dns.resolve(host, ['canonical_name', 'offline'])` answers from its DNS
 * cache only (a request that just completed left its name there), so asking sends nothing over the network.
 * Chromium has no such API: no resolver, and nothing is uncloaked there.
 */
export type CanonicalNameResolver = (host: string) => Promise<string | undefined>;

/** How many hosts' answers the capture keeps (a page reaches a few dozen hosts; a day's browsing, hundreds). */
export const CANONICAL_NAMES_KEPT = 2000;

/**
 * The canonical names of the hosts requests went to, looked up once per host and kept in memory, bounded: the
 * oldest answer is forgotten first. A host with no alias, and a lookup that failed (not in the browser's cache,
 * a proxy resolved it, any error), are remembered as "none" too, so a page's hundred requests to its own host cost
 * one lookup. A failure is never shown: the request is then classified as it would be without the lookup.
 */
export class CanonicalNames {
  private readonly known = new Map<string, Promise<string | undefined>>();

  constructor(
    private readonly resolve: CanonicalNameResolver,
    private readonly kept = CANONICAL_NAMES_KEPT,
  ) {}

  /** The host's canonical name when it is an alias of a name on another registrable domain; undefined otherwise. */
  lookup(host: string): Promise<string | undefined> {
    const known = this.known.get(host);
    if (known) return known;
    const answer = this.ask(host);
    if (this.known.size >= this.kept) {
      const oldest = this.known.keys().next().value;
      if (oldest !== undefined) this.known.delete(oldest);
    }
    this.known.set(host, answer);
    return answer;
  }

  private async ask(host: string): Promise<string | undefined> {
    // An IP address has no name to be an alias of.
    if (/^[\d.]+$/.test(host) || host.includes(':')) return undefined;
    let name: string | undefined;
    try {
      name = await this.resolve(host);
    } catch {
      return undefined;
    }
    const canonical = name?.trim().toLowerCase().replace(/\.$/, '');
    // Firefox answers with the host itself when it is no alias; an alias within the host's own registrable
    // domain hides nobody.
    if (!canonical || canonical === host || !/^[a-z0-9.-]+$/.test(canonical)) return undefined;
    return siteOf(canonical) === siteOf(host) ? undefined : canonical;
  }
}
