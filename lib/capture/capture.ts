import { BROWSER_SITE, classifyRequest, firstPartySite } from '../classify/classify.ts';
import { deliveryOf, wasReceived } from '../classify/delivery.ts';
import { parseWebUrl } from '../classify/domain.ts';
import type { ObservedRequest } from '../classify/request-details.ts';
import { type Disclosure, decodeRequest, type StoredFinding, storedFindings } from '../disclose/decode.ts';
import type { Settings } from '../settings.ts';
import type { DisclosedDb } from '../storage/db.ts';
import type { PageLoad, SharingEvent } from '../storage/events.ts';
import { pageCompanies } from '../storage/queries.ts';
import type { Recorder } from '../storage/recorder.ts';
import type { TrackerMatcher } from '../trackers/matcher.ts';

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
  now?: () => number;
}

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
  private readonly now: () => number;

  constructor(private readonly deps: CaptureDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** A top-level navigation committed in a tab: a new page load starts. */
  navigated(tabId: number, url: string, incognito: boolean | undefined, time = this.now()): void {
    if (tabId < 0) return;
    const state = (async () => {
      const known = incognito ?? (await this.deps.getTab(tabId))?.incognito ?? false;
      return this.startPage(tabId, url, known, time);
    })();
    this.tabs.set(tabId, state);
  }

  /** Loads the tracker index now rather than on the first request. */
  warmUp(): void {
    this.deps.matcher();
  }

  /** The tab's address changed without a page load (a single-page app): page addresses are compared with it. */
  async urlChanged(tabId: number, url: string): Promise<void> {
    const state = await this.tabs.get(tabId);
    if (state && parseWebUrl(url)?.site === state.page.site) state.url = url;
  }

  /** Forgets every tab's page load (after stored data was deleted): the next request starts a new one. */
  resetTabs(): void {
    this.tabs.clear();
  }

  tabClosed(tabId: number): void {
    this.tabs.delete(tabId);
  }

  /** Handles one finished request. Resolves once it is queued for storage (or found not to be sharing). */
  async observe(request: ObservedRequest): Promise<void> {
    const settings = this.deps.settings();
    if (settings.paused || request.type === 'main_frame') return;
    // Where the event goes is decided now, as it is observed: a classroom session that ends (or pauses) while the
    // request is being classified must not send it to the history (or the feed).
    const session = this.deps.session?.();
    const tab = request.tabId >= 0 ? await this.tabState(request.tabId) : undefined;
    const incognito = request.incognito ?? tab?.incognito ?? false;
    if (incognito && !settings.recordPrivate) return;

    const site = firstPartySite(request, tab?.url);
    if (settings.excludedSites.includes(site)) return;
    const result = classifyRequest(request, site, this.deps.matcher());
    if (result.kind !== 'tracker' && result.kind !== 'unlisted') return;

    // A request from a tab whose page we know, and that the page made: count it against that page load.
    const onTabPage = tab && tab.page.site === site;
    // What the request carried. The decoder never throws; were it to, the request is still recorded, carrying
    // nothing found rather than being lost (a page must not be able to hide a request by breaking its decoding).
    let disclosure: Disclosure = { kinds: [], findings: [], parameters: [] };
    let findings: StoredFinding[] = [];
    try {
      const decoded = decodeRequest({
        url: request.url,
        method: request.method,
        pageUrl: onTabPage ? tab.url : request.topLevelUrl,
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
    const identifiers = disclosure.findings
      .filter((f) => f.kind === 'identifier')
      .map((f) => ({ name: f.name.slice(0, 80), value: f.value.slice(0, 500) }));
    if (identifiers.length) event.identifiers = identifiers;
    if (request.error) event.error = request.error;
    const { delivery, reason } = deliveryOf(request);
    event.delivery = delivery;
    event.deliveryReason = reason;
    if (session) session.add(event);
    else this.deps.recorder.add(event);
    // The badge counts companies that received data: a request blocked or served from the cache adds none.
    if (onTabPage && wasReceived(event) && !tab.companies.has(event.company)) {
      tab.companies.add(event.company);
      this.deps.onCompanyCount?.(request.tabId, tab.companies.size);
    }
  }

  private startPage(tabId: number, url: string, incognito: boolean, time: number): TabState | undefined {
    const parsed = parseWebUrl(url);
    if (!parsed) return undefined;
    const page: PageLoad = { key: `${tabId}:${time}`, tabId, site: parsed.site, startedAt: time };
    if ((!incognito || this.deps.settings().recordPrivate) && !this.deps.session?.()) this.deps.recorder.addPage(page);
    this.deps.onCompanyCount?.(tabId, 0);
    return { page, url, incognito, companies: new Set() };
  }

  private tabState(tabId: number): Promise<TabState | undefined> {
    let state = this.tabs.get(tabId);
    if (!state) {
      state = this.restore(tabId);
      this.tabs.set(tabId, state);
    }
    return state;
  }

  /** First sight of a tab since the worker started: take the stored page load if it still matches the tab. */
  private async restore(tabId: number): Promise<TabState | undefined> {
    const tab = await this.deps.getTab(tabId);
    const current = parseWebUrl(tab?.url);
    if (!tab || !current) return undefined;
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
