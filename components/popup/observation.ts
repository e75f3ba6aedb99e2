import { parseWebUrl } from '../../lib/classify/domain.ts';

/**
 * Whether Disclosed could see what the tab's page sent, and if not, why. Anything but `watched` means an empty list
 * is not "nothing was sent": the popup says which of these it is instead.
 */
export type Observation =
  /** Watched from the start of the page's load. */
  | 'watched'
  /** A browser page (`chrome://`, `about:`, `view-source:`, a file): not a web page. */
  | 'browser-page'
  /** One of Disclosed's own pages. */
  | 'own-page'
  /** Another extension's page: browsers keep extensions out of each other's pages. */
  | 'extension-page'
  /** A site the browser keeps every extension away from (its extension store). */
  | 'protected-site'
  /** A PDF, shown by the browser's own viewer. */
  | 'pdf'
  /** A private window, while recording private windows is off. */
  | 'private'
  /** The user (or a policy) withheld Disclosed's access to the site. */
  | 'no-access'
  /** The user excluded the site in the settings. */
  | 'excluded'
  /** Recording is paused. */
  | 'paused'
  /** The page began loading before Disclosed was watching (or recording was paused for part of its visit). */
  | 'not-watched';

/** Which browser's rules apply: they keep extensions away from different sites. */
export type BrowserFamily = 'chromium' | 'firefox';

export interface TabFacts {
  url: string;
  incognito: boolean;
  /** The origin of Disclosed's own pages (`chrome-extension://id`). */
  ownOrigin: string;
  browser: BrowserFamily;
  recordPrivate: boolean;
  paused: boolean;
  excludedSites: readonly string[];
  /** Whether the extension may see the tab's origin (`permissions.contains`); undefined until known. */
  access: boolean | undefined;
  /** Whether the worker watched the page from the start of its load; undefined until (or unless) it answers. */
  watched: boolean | undefined;
}

// The hosts whose requests Chromium hides from every extension: its web store, old and new.
const CHROMIUM_PROTECTED = (url: URL) =>
  url.hostname === 'chromewebstore.google.com' ||
  (url.hostname === 'chrome.google.com' && /^\/webstore(\/|$)/.test(url.pathname));

// Firefox's `extensions.webextensions.restrictedDomains` (its default list): add-ons, accounts and support.
const FIREFOX_PROTECTED = new Set([
  'accounts-static.cdn.mozilla.net',
  'accounts.firefox.com',
  'addons.cdn.mozilla.net',
  'addons.mozilla.org',
  'api.accounts.firefox.com',
  'content.cdn.mozilla.net',
  'discovery.addons.mozilla.org',
  'install.mozilla.org',
  'oauth.accounts.firefox.com',
  'profile.accounts.firefox.com',
  'support.mozilla.org',
  'sync.services.mozilla.com',
]);

/** What the address alone says: a page of the browser, of an extension, of a protected site, a PDF, or the web. */
export function pageKind(url: string, ownOrigin: string, browser: BrowserFamily): Observation | 'web' {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'browser-page';
  }
  if (/^(chrome|moz)-extension:$/.test(parsed.protocol) || parsed.protocol === 'extension:')
    return parsed.origin === ownOrigin || `${parsed.protocol}//${parsed.host}` === ownOrigin
      ? 'own-page'
      : 'extension-page';
  if (!parseWebUrl(url)) return 'browser-page';
  if (browser === 'chromium' ? CHROMIUM_PROTECTED(parsed) : FIREFOX_PROTECTED.has(parsed.hostname))
    return 'protected-site';
  if (/\.pdf$/i.test(parsed.pathname)) return 'pdf';
  return 'web';
}

/**
 * Why the page may not have been seen, most fundamental first: nothing the user can change (a browser page), then
 * what the user chose (private windows, site access, an excluded site, a pause), then what a reload mends.
 */
export function observationOf(facts: TabFacts): Observation {
  const kind = pageKind(facts.url, facts.ownOrigin, facts.browser);
  if (kind !== 'web' && kind !== 'pdf') return kind;
  if (facts.incognito && !facts.recordPrivate) return 'private';
  if (facts.access === false) return 'no-access';
  const site = parseWebUrl(facts.url)?.site;
  if (site && facts.excludedSites.includes(site)) return 'excluded';
  if (facts.paused) return 'paused';
  if (kind === 'pdf') return 'pdf';
  if (facts.watched === false) return 'not-watched';
  return 'watched';
}
