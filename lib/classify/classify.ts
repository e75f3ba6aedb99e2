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
