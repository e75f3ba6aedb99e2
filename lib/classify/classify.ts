import { type Company, unlistedCompany } from '../trackers/company.ts';
import type { TrackerMatcher } from '../trackers/matcher.ts';
import { isOnSite, parseAddress, parseWebUrl, siteOf } from './domain.ts';
import type { ObservedRequest } from './request-details.ts';

/** Whether a request went to a company a tracker list names, or to a third party no list knows. */
export type FlowKind = 'tracker' | 'unlisted';

/** Site name used for requests no page made (the browser's own, or an extension's). */
export const BROWSER_SITE = 'browser';

export type Classification =
  | { kind: 'ignored'; reason: 'not-web' | 'navigation' }
  | { kind: 'first-party'; site: string; host: string; sameOwner: boolean }
  | {
      kind: FlowKind;
      site: string;
      host: string;
      path: string;
      company: Company;
      category: string;
    };

/** The first party's site for a request, given what the tab currently shows (its top-level address, if known). */
export function firstPartySite(request: ObservedRequest, tabTopLevelUrl: string | undefined): string {
  const direct = parseWebUrl(request.topLevelUrl);
  if (direct) return direct.site;
  if (request.tabId >= 0) {
    const tab = parseWebUrl(tabTopLevelUrl);
    if (tab) return tab.site;
  }
  // No tab (a page's service worker, a prefetch): the document or worker that made it.
  return parseWebUrl(request.initiator)?.site ?? BROWSER_SITE;
}

/**
 * Decides who a request went to. First party: the page's own registrable domain, or a domain of the organization
 * that owns the site (a Meta page loading from fbcdn.net). Otherwise a tracker a list names, or an unlisted third
 * party, grouped by its registrable domain.
 */
export function classifyRequest(
  request: ObservedRequest,
  pageSite: string,
  matcher: TrackerMatcher,
  unlisted: (site: string) => Company = unlistedCompany,
): Classification {
  if (request.type === 'main_frame') return { kind: 'ignored', reason: 'navigation' };
  const target = parseAddress(request.url);
  if (!target) return { kind: 'ignored', reason: 'not-web' };
  const { hostname } = target;
  if (isOnSite(hostname, pageSite)) return { kind: 'first-party', site: pageSite, host: hostname, sameOwner: false };

  const pageHostname = pageSite === BROWSER_SITE ? '' : pageSite;
  const match = matcher.match({
    url: request.url,
    hostname,
    type: request.type,
    thirdParty: true,
    pageHostname: parseWebUrl(request.topLevelUrl)?.hostname ?? pageHostname,
  });
  const owner = pageHostname ? matcher.matchHostname(pageHostname)?.company.id : undefined;
  const targetOwner = match?.company.id ?? matcher.matchHostname(hostname)?.company.id;
  if (owner && targetOwner === owner) {
    return { kind: 'first-party', site: pageSite, host: hostname, sameOwner: true };
  }
  const path = target.path.slice(0, 200);
  if (match) {
    return {
      kind: 'tracker',
      site: pageSite,
      host: hostname,
      path,
      company: match.company,
      category: match.category.id,
    };
  }
  return {
    kind: 'unlisted',
    site: pageSite,
    host: hostname,
    path,
    company: unlisted(siteOf(hostname)),
    category: 'unlisted',
  };
}

/**
 * Categories whose companies a site's subdomain points to for the site's own content (CDNs, hosts, site builders):
 * such an alias is how the site is served, not a tracker it hides, and is not uncloaked.
 */
const SERVING_CATEGORIES = new Set(['hosting', 'utilities']);

/**
 * A request to a host no list names (one on the page's own site, or an unlisted third party) whose DNS canonical
 * name — the name its address record is an alias of — is a listed tracker's: "CNAME cloaking", a tracker served
 * from a subdomain of the site so that it passes for the site itself. Classified as that tracker, as the request
 * would have been had it gone to the canonical name (same path, so a list's path rules apply too). Undefined when
 * the canonical name is no other site's, no list names it, it is a host serving the site's own content, or it
 * belongs to the page's own owner.
 */
export function classifyCloaked(
  request: ObservedRequest,
  pageSite: string,
  canonical: string,
  matcher: TrackerMatcher,
): (Classification & { kind: 'tracker' }) | undefined {
  const target = parseAddress(request.url);
  if (!target || canonical === target.hostname) return undefined;
  // An alias within one registrable domain (www.shop.example → shop.example) hides nobody.
  if (siteOf(canonical) === siteOf(target.hostname) || isOnSite(canonical, pageSite)) return undefined;
  const pageHostname = pageSite === BROWSER_SITE ? '' : pageSite;
  let url: string;
  try {
    const parsed = new URL(request.url);
    parsed.hostname = canonical;
    url = parsed.href;
  } catch {
    return undefined;
  }
  const match = matcher.match({
    url,
    hostname: canonical,
    type: request.type,
    thirdParty: true,
    pageHostname: parseWebUrl(request.topLevelUrl)?.hostname ?? pageHostname,
  });
  if (!match || SERVING_CATEGORIES.has(match.category.id)) return undefined;
  const owner = pageHostname ? matcher.matchHostname(pageHostname)?.company.id : undefined;
  if (owner && match.company.id === owner) return undefined;
  return {
    kind: 'tracker',
    site: pageSite,
    host: target.hostname,
    path: target.path.slice(0, 200),
    company: match.company,
    category: match.category.id,
  };
}
