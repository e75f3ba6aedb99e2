/**
 * The dashboard's addresses: every hash route it understands, read from `location.hash` and written into links, in
 * one place. A company id or a site is one encoded path segment (`/`, `%`, `#`, `?` and every non-ASCII character
 * escaped), so any id the data holds comes back as itself. The popup links here too (prefixed with the dashboard's
 * address), which is why this lives beside the components and not in the options entry point.
 */
import { type EvidenceScope, parseScope, scopePath } from '../lib/storage/log.ts';

export type Route =
  | { view: 'overview' }
  | { view: 'companies' }
  | { view: 'company'; id: string }
  | { view: 'sites' }
  | { view: 'site'; site: string }
  | { view: 'graph' }
  | { view: 'letters' }
  | { view: 'letter'; id: string }
  | { view: 'settings' }
  | { view: 'report' | 'log'; scope: EvidenceScope };

export type View = Route['view'];

/** The routes without an argument: the pages of the navigation. */
const PAGES = ['overview', 'companies', 'sites', 'graph', 'letters', 'settings'] as const;
type Page = (typeof PAGES)[number];

/** A route's address, from `#` on. */
export function routeHref(route: Route): string {
  switch (route.view) {
    case 'company':
      return `#/company/${encodeURIComponent(route.id)}`;
    case 'site':
      return `#/site/${encodeURIComponent(route.site)}`;
    case 'letter':
      return `#/letter/${encodeURIComponent(route.id)}`;
    case 'report':
    case 'log':
      return `#/${route.view}/${scopePath(route.scope)}`;
    default:
      return `#/${route.view}`;
  }
}

/**
 * The route an address names; anything it cannot read (an unknown page, a missing or broken id) is the overview.
 * A page's address with more after it (`#/sites/x`) is still that page.
 */
export function parseRoute(hash: string): Route {
  const [, view = '', arg = ''] = hash.match(/^#\/([a-z]+)(?:\/(.*))?$/) ?? [];
  const decoded = (() => {
    try {
      return decodeURIComponent(arg);
    } catch {
      return '';
    }
  })();
  if (view === 'company' && decoded) return { view, id: decoded };
  if (view === 'site' && decoded) return { view, site: decoded };
  if (view === 'letter' && decoded) return { view, id: decoded };
  const scope = view === 'report' || view === 'log' ? parseScope(decoded) : undefined;
  if (scope) return { view: view as 'report' | 'log', scope };
  if ((PAGES as readonly string[]).includes(view)) return { view: view as Page };
  return { view: 'overview' };
}

export const companyHref = (id: string) => routeHref({ view: 'company', id });
export const siteHref = (site: string) => routeHref({ view: 'site', site });
export const letterHref = (id: string) => routeHref({ view: 'letter', id });
export const reportHref = (scope: EvidenceScope) => routeHref({ view: 'report', scope });
export const logHref = (scope: EvidenceScope) => routeHref({ view: 'log', scope });
export const pageHref = (view: Page) => routeHref({ view });
