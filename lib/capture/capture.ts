import {
  BROWSER_SITE,
  type Classification,
  classifyCloaked,
  classifyRequest,
  firstPartySite,
} from '../classify/classify.ts';
import { deliveryOf, wasReceived } from '../classify/delivery.ts';
import { parseWebUrl } from '../classify/domain.ts';
import type { ObservedRequest } from '../classify/request-details.ts';
import { requestConsent } from '../consent/signals.ts';
import { type Disclosure, decodeRequest, type StoredFinding, storedFindings } from '../disclose/decode.ts';
import { ownCopy } from '../disclose/params.ts';
import type { Settings } from '../settings.ts';
import type { DisclosedDb } from '../storage/db.ts';
import type { PageLoad, SharingEvent } from '../storage/events.ts';
import { pageCompanies } from '../storage/queries.ts';
import type { Recorder } from '../storage/recorder.ts';
import type { TrackerMatcher } from '../trackers/matcher.ts';
import { type CanonicalNameResolver, CanonicalNames } from './cname.ts';

/** What the capture needs to know about a tab from the browser; injected so tests pass plain objects. */
export interface TabInfo {
  url: string | undefined;
  incognito: boolean;
}

export interface CaptureDeps {
  db: DisclosedDb;
  recorder: Recorder;
  /** Loads the tracker matcher (lazily, once): listeners are live before it is. */
  matcher: () => TrackerMatcher;
  settings: () => Settings;
  /** The browser's view of a tab, or undefined if it no longer exists. */
  getTab: (tabId: number) => Promise<TabInfo | undefined>;
  /**
   * While a classroom session runs: where its events go instead of the history (page loads are then not recorded
   * either). Undefined when no session runs.
   */
  session?: () => { add(event: SharingEvent): void } | undefined;
  /** Told whenever the number of companies that received data on a tab's current page changes. */
  onCompanyCount?: (tabId: number, count: number) => void;
  /**
   * Whether the user let the extension into private windows, when known at start (see `privateAccessKnown`). Until
   * it is known the capture assumes it may see them: a request it cannot place is then not recorded.
   */
  privateAccess?: boolean;
  /**
   * Where the browser can tell a host's DNS canonical name from its cache (Firefox): a request to a host no list
   * names — one on the page's own site above all — whose canonical name is a listed tracker's is that tracker's.
   */
  canonicalName?: CanonicalNameResolver;
  /** The page's consent state when a request was sent (capture/page-consent.ts); absent where it cannot be read. */
  consentAt?: (event: SharingEvent, sentAt: number) => SharingEvent['consentAt'];
  now?: () => number;
}

/** How many closed tabs, and for how long, the capture remembers whether they were private. */
export const CLOSED_TABS_KEPT = 256;
export const CLOSED_TAB_MS = 10 * 60_000;

interface TabState {
  page: PageLoad;
  /** The tab's top-level address (memory only: never stored). */
  url: string;
  incognito: boolean;
  companies: Set<string>;
}

/**
 * Turns finished requests into stored sharing events, keeping per-tab state: which page load a request belongs
 * to, and which companies it has reached (for the badge). The state survives a service-worker restart: page loads
 * are stored, and on first sight of a tab after a restart they are read back and checked against the tab.
 */
export class Capture {
  private readonly tabs = new Map<number, Promise<TabState | undefined>>();
  /** Each tab's page load this capture started, once started (what `tabs` resolves to, read without waiting). */
  private readonly openLoads = new Map<number, TabState>();
  /** A tab's state being read back (`restore`), while it is: a request of a tab the capture had no state for. */
  private readonly restoring = new Map<number, Promise<TabState | undefined>>();
  /**
   * Whether each open tab is private, as far as the browser said (also for a tab showing no web page, which has no
   * state in `tabs`); memory only.
   */
  private readonly privateTabs = new Map<number, Promise<boolean | undefined>>();
  /** The same, for the last CLOSED_TABS_KEPT tabs closed: a beacon can finish after its tab has gone. */
  private readonly closedTabs = new Map<number, { incognito: Promise<boolean | undefined>; closedAt: number }>();
  private privateAccess: boolean | undefined;
  private readonly now: () => number;
  private readonly canonicalNames: CanonicalNames | undefined;

  constructor(private readonly deps: CaptureDeps) {
    this.now = deps.now ?? Date.now;
    this.privateAccess = deps.privateAccess;
    this.canonicalNames = deps.canonicalName && new CanonicalNames(deps.canonicalName);
  }

  /** The browser said whether the extension may see private windows (Chrome asks the user; Firefox too). */
  privateAccessKnown(allowed: boolean): void {
    this.privateAccess = allowed;
  }

  /** A top-level navigation committed in a tab: a new page load starts. */
  navigated(tabId: number, url: string, incognito: boolean | undefined, time = this.now()): void {
    if (tabId < 0) return;
    const privacy = (async () => incognito ?? (await this.deps.getTab(tabId))?.incognito)();
    this.privateTabs.set(tabId, privacy);
    // Firefox does not order a page's first requests after its navigation: one handled first opened this very load
    // (a page on the same site, started at or after this navigation's response). Keep it and what it counted: a
    // second load would leave the badge, and the page, without the companies already reached. Only a load already
    // open counts: waiting for one still being looked up would hold this page's events back.
    const site = parseWebUrl(url)?.site;
    const isThisLoad = (load: TabState | undefined): load is TabState =>
      !!load && !!site && load.page.site === site && load.page.startedAt >= time;
    const opened = this.openLoads.get(tabId);
    if (isThisLoad(opened)) {
      opened.url = url;
      return;
    }
    // A tab whose privacy the browser would not say is treated as private for its page load.
    const start = () =>
      privacy.then((known) => this.startPage(tabId, url, known ?? this.privateAccess !== false, time));
    // The first request is still reading the tab back: it will open this load or find it, and its requests count
    // into the same set as the ones that follow. Starting a second one now split the badge's count between the two.
    const restoring = this.restoring.get(tabId);
    const state = restoring
      ? restoring.then(
          (restored) => {
            if (!isThisLoad(restored)) return start();
            restored.url = url;
            return restored;
          },
          () => start(),
        )
      : start();
    this.tabs.set(tabId, state);
  }

  /** Loads the tracker index now rather than on the first request. */
  warmUp(): void {
    this.deps.matcher();
  }

  /**
   * The tab's address changed without a page load: a single-page app (page addresses are compared with it), or a
   * page on another site shown again from the back/forward cache (A → B → Back), which fires no request: its
   * requests count against its own page load again, the tab's latest on that site.
   */
  async urlChanged(tabId: number, url: string): Promise<void> {
    const state = await this.tabs.get(tabId);
    const site = parseWebUrl(url)?.site;
    if (!state || !site) return;
    if (site === state.page.site) {
      state.url = url;
      return;
    }
    const earlier = await this.deps.db.pages
      .where('[tabId+startedAt]')
      .between([tabId, -Infinity], [tabId, Infinity])
      .reverse()
      .filter((p) => p.site === site)
      .first();
    // Only if nothing newer took the tab meanwhile (a page load that started while this was looked up).
    if (!earlier || (await this.tabs.get(tabId)) !== state) return;
    const restored: TabState = { page: earlier, url, incognito: state.incognito, companies: new Set() };
    this.tabs.set(tabId, Promise.resolve(restored));
    const companies = await pageCompanies(this.deps.db, earlier.key).catch(() => [] as string[]);
    for (const c of companies) restored.companies.add(c);
    this.deps.onCompanyCount?.(tabId, restored.companies.size);
  }

  /** How many companies the tab's current page load reached, for the badge; undefined for a tab it has no load of. */
  async companyCount(tabId: number): Promise<number | undefined> {
    return (await this.tabs.get(tabId))?.companies.size;
  }

  /** Forgets every tab's page load (after stored data was deleted): the next request starts a new one. */
  resetTabs(): void {
    this.tabs.clear();
    this.openLoads.clear();
    this.restoring.clear();
  }

  tabClosed(tabId: number): void {
    const incognito = this.privateTabs.get(tabId);
    this.tabs.delete(tabId);
    this.openLoads.delete(tabId);
    this.restoring.delete(tabId);
    this.privateTabs.delete(tabId);
    if (!incognito) return;
    this.closedTabs.delete(tabId);
    if (this.closedTabs.size >= CLOSED_TABS_KEPT) {
      const oldest = this.closedTabs.keys().next().value;
      if (oldest !== undefined) this.closedTabs.delete(oldest);
    }
    this.closedTabs.set(tabId, { incognito, closedAt: this.now() });
  }

  /** Handles one finished request. Resolves once it is queued for storage (or found not to be sharing). */
  async observe(request: ObservedRequest): Promise<void> {
    const settings = this.deps.settings();
    if (settings.paused || request.type === 'main_frame') return;
    // Where the event goes is decided now, as it is observed: a classroom session that ends (or pauses) while the
    // request is being classified must not send it to the history (or the feed).
    const session = this.deps.session?.();
    const tab = request.tabId >= 0 ? await this.tabState(request.tabId) : undefined;
    if (!settings.recordPrivate && (await this.mayBePrivate(request, tab))) return;

    const site = firstPartySite(request, tab?.url);
    if (settings.excludedSites.includes(site)) return;
    let result: Classification = classifyRequest(request, site, this.deps.matcher());
    // A host no list names may be a tracker's under another name: the subdomain of this site a tracker is served
    // from (CNAME cloaking). The browser's own cache says what the name points to; it is never asked to look.
    let cname: string | undefined;
    if (this.canonicalNames && (result.kind === 'unlisted' || (result.kind === 'first-party' && !result.sameOwner))) {
      const canonical = await this.canonicalNames.lookup(result.host);
      const cloaked = canonical ? classifyCloaked(request, site, canonical, this.deps.matcher()) : undefined;
      if (cloaked) {
        result = cloaked;
        cname = canonical;
      }
    }
    if (result.kind !== 'tracker' && result.kind !== 'unlisted') return;

    // A request from a tab whose page we know, and that the page made: count it against that page load. One of a
    // page prerendered in the tab is not the shown page's (it is the site's, as of a page load not seen).
    const onTabPage = tab && tab.page.site === site && !request.prerendering;
    // What the request carried. The decoder never throws; were it to, the request is still recorded, carrying
    // nothing found rather than being lost (a page must not be able to hide a request by breaking its decoding).
    let disclosure: Disclosure = { kinds: [], findings: [], parameters: [] };
    let findings: StoredFinding[] = [];
    try {
      const decoded = decodeRequest({
        url: request.url,
        method: request.method,
        // Only the page's origin, when that is all the browser said (the tab has moved on): the decoder then
        // cannot take an origin for the home page itself.
        ...(onTabPage
          ? { pageUrl: tab.url }
          : request.topLevelIsOrigin
            ? { pageOrigin: request.topLevelUrl }
            : { pageUrl: request.topLevelUrl }),
        ...request.extras,
      });
      // Synchronous but for a compressed body.
      disclosure = decoded instanceof Promise ? await decoded : decoded;
      findings = storedFindings(disclosure.findings);
    } catch {
      disclosure = { kinds: [], findings: [], parameters: [] };
    }
    const event: SharingEvent = {
      time: request.time,
      page: onTabPage ? tab.page.key : site === BROWSER_SITE ? BROWSER_SITE : `site:${site}`,
      tabId: request.tabId,
      site,
      company: result.company.id,
      kind: result.kind,
      category: result.category,
      host: result.host,
      path: result.path,
      type: request.type,
      method: request.method,
      outcome: request.outcome,
      kinds: disclosure.kinds,
      findings,
    };
    if (cname) event.cname = cname;
    const identifiers = disclosure.findings
      .filter((f) => f.kind === 'identifier')
      .map((f) => ({ name: ownCopy(f.name.slice(0, 80)), value: ownCopy(f.value.slice(0, 500)) }));
    if (identifiers.length) event.identifiers = identifiers;
    if (request.error) event.error = request.error;
    // Consent signals (issue 17): what the request's own strings told this company, decoded (never throws).
    const { company, host } = event;
    const consent = requestConsent({ parameters: disclosure.consent, gpc: request.extras?.gpc, company, host });
    if (consent) event.consent = consent;
    const { delivery, reason } = deliveryOf(request);
    event.delivery = delivery;
    event.deliveryReason = reason;
    // The page's consent state at the request's send time (its finishing time when the worker missed the start:
    // then the event has no `sentAt`, and is never re-stamped by a time it does not know).
    const sentAt = request.extras?.sentAt;
    if (sentAt !== undefined) event.sentAt = sentAt;
    const consentAt = this.deps.consentAt?.(event, sentAt ?? request.time);
    if (consentAt) event.consentAt = consentAt;
    if (session) session.add(event);
    else this.deps.recorder.add(event);
    // The badge counts companies that received data: a request blocked or served from the cache adds none.
    if (onTabPage && wasReceived(event) && !tab.companies.has(event.company)) {
      tab.companies.add(event.company);
      this.deps.onCompanyCount?.(request.tabId, tab.companies.size);
    }
  }

  /**
   * Whether a request may come from a private window. Fails closed: when the extension may see private windows, a
   * request whose window cannot be established (its tab closed long ago or before the worker started, a request
   * of no tab — a private window's service worker) counts as private unless the browser said it is not.
   */
  private async mayBePrivate(request: ObservedRequest, tab: TabState | undefined): Promise<boolean> {
    if (request.incognito !== undefined) return request.incognito;
    if (tab) return tab.incognito;
    let known: boolean | undefined;
    if (request.tabId >= 0) {
      known = await this.privateTabs.get(request.tabId);
      const closed = this.closedTabs.get(request.tabId);
      if (known === undefined && closed && this.now() - closed.closedAt <= CLOSED_TAB_MS)
        known = await closed.incognito;
    }
    return known ?? this.privateAccess !== false;
  }

  private startPage(tabId: number, url: string, incognito: boolean, time: number): TabState | undefined {
    const parsed = parseWebUrl(url);
    if (!parsed) return undefined;
    const page: PageLoad = { key: `${tabId}:${time}`, tabId, site: parsed.site, startedAt: time };
    if ((!incognito || this.deps.settings().recordPrivate) && !this.deps.session?.()) this.deps.recorder.addPage(page);
    this.deps.onCompanyCount?.(tabId, 0);
    const state: TabState = { page, url, incognito, companies: new Set() };
    this.openLoads.set(tabId, state);
    return state;
  }

  private tabState(tabId: number): Promise<TabState | undefined> {
    let state = this.tabs.get(tabId);
    if (!state) {
      const restoring = this.restore(tabId);
      this.restoring.set(tabId, restoring);
      const done = () => {
        if (this.restoring.get(tabId) === restoring) this.restoring.delete(tabId);
      };
      restoring.then(done, done);
      state = restoring;
      this.tabs.set(tabId, state);
    }
    return state;
  }

  /** First sight of a tab since the worker started: take the stored page load if it still matches the tab. */
  private async restore(tabId: number): Promise<TabState | undefined> {
    const tab = await this.deps.getTab(tabId);
    if (!tab) return undefined;
    // Known even for a tab on no web page (a new-tab page, a PDF viewer), which gets no state.
    if (!this.privateTabs.has(tabId)) this.privateTabs.set(tabId, Promise.resolve(tab.incognito));
    const current = parseWebUrl(tab.url);
    if (!current) return undefined;
    const stored = await this.deps.db.pages
      .where('[tabId+startedAt]')
      .between([tabId, -Infinity], [tabId, Infinity])
      .last();
    if (stored && stored.site === current.site) {
      const state: TabState = { page: stored, url: tab.url as string, incognito: tab.incognito, companies: new Set() };
      // The badge's company set is rebuilt in the background: events wait for nothing but the page lookup.
      pageCompanies(this.deps.db, stored.key).then(
        (companies) => {
          for (const c of companies) state.companies.add(c);
          this.deps.onCompanyCount?.(tabId, state.companies.size);
        },
        () => undefined,
      );
      return state;
    }
    return this.startPage(tabId, tab.url as string, tab.incognito, this.now());
  }
}
