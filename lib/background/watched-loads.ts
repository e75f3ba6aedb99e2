import { parseWebUrl } from '../classify/domain.ts';
import type { Settings } from '../settings.ts';

/**
 * The part of `browser.storage.session` the tracker uses. Session storage is what "since Disclosed was listening"
 * needs: it outlives a stop of the worker, and is emptied when the browser restarts and when the extension is
 * installed, updated or reloaded — exactly when tabs may hold pages whose loading nobody watched.
 */
export interface SessionArea {
  get(keys: string | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

const PREFIX = 'watchedLoad:';
const keyOf = (tabId: number) => `${PREFIX}${tabId}`;

/**
 * Which tabs' current pages Disclosed has watched from the start of their load: the top-level navigation was seen
 * while recording was on for the site, and recording has not been paused (nor the site excluded) since. The popup
 * asks, so that a page whose start was missed is not reported as having sent nothing.
 */
export class WatchedLoads {
  /** Tab id → the site whose load was watched; a cache of the session area, which is the truth after a restart. */
  private readonly known = new Map<number, string>();

  constructor(
    private readonly area: SessionArea,
    /** Whether requests on a site are being recorded now (not paused, the site not excluded). */
    private readonly recording: (site: string) => boolean,
  ) {}

  /** A top-level page load began in a tab (its main frame's response started). */
  pageStarted(tabId: number, url: string): void {
    if (tabId < 0) return;
    const site = parseWebUrl(url)?.site;
    if (!site || !this.recording(site)) {
      this.forget(tabId);
      return;
    }
    if (this.known.get(tabId) === site) return;
    this.known.set(tabId, site);
    this.area.set({ [keyOf(tabId)]: site }).catch(() => undefined);
  }

  tabClosed(tabId: number): void {
    this.forget(tabId);
  }

  /**
   * The settings changed: a pause leaves a gap in every open page's record, and excluding a site one in each of its
   * tabs' records. Those pages are no longer watched from the start, even once recording resumes.
   */
  settingsChanged(before: Settings, after: Settings): Promise<void> {
    const newlyExcluded = after.excludedSites.filter((s) => !before.excludedSites.includes(s));
    if (!after.paused && newlyExcluded.length === 0) return Promise.resolve();
    const gap = (site: string) => (after.paused && !before.paused) || newlyExcluded.includes(site);
    for (const [tabId, site] of this.known) if (gap(site)) this.known.delete(tabId);
    return this.area.get(null).then(
      (all) => {
        const stale = Object.entries(all)
          .filter(([key, site]) => key.startsWith(PREFIX) && typeof site === 'string' && gap(site))
          .map(([key]) => key);
        return stale.length ? this.area.remove(stale) : undefined;
      },
      () => undefined,
    );
  }

  /** Whether the tab's current page, on `site`, was watched from the start of its load. */
  async watched(tabId: number, site: string): Promise<boolean> {
    let seen = this.known.get(tabId);
    if (seen === undefined) {
      const stored = await this.area.get(keyOf(tabId)).catch(() => ({}) as Record<string, unknown>);
      const value = stored[keyOf(tabId)];
      if (typeof value === 'string') seen = value;
    }
    return seen === site;
  }

  private forget(tabId: number): void {
    this.known.delete(tabId);
    this.area.remove(keyOf(tabId)).catch(() => undefined);
  }
}
