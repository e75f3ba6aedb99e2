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

/** How many watched loads a tab remembers: about as many pages as a back/forward cache keeps alive. */
export const LOADS_PER_TAB = 16;

/**
 * Which tabs' pages Disclosed has watched from the start of their load: the top-level navigation was seen while
 * recording was on for the site, and recording has not been paused (nor the site excluded) since. The popup asks, so
 * that a page whose start was missed is not reported as having sent nothing.
 *
 * A tab keeps the sites of its last watched loads, not only the latest: a page restored from the back/forward cache
 * (A → B → Back) fires no request at all, and is still the page whose load was watched; and a top-level response
 * that never became the page (a download) must not take the place of the page still shown. A site of the tab is
 * watched when one of its loads in this tab was (a load while not recording removes it).
 */
export class WatchedLoads {
  /** Tab id → the sites whose loads were watched, newest last; a cache of the session area, the truth after a restart. */
  private readonly known = new Map<number, string[]>();

  constructor(
    private readonly area: SessionArea,
    /** Whether requests on a site are being recorded now (not paused, the site not excluded). */
    private readonly recording: (site: string) => boolean,
  ) {}

  /** Changes of the record, one after another (each reads what the one before wrote). */
  private queue: Promise<void> = Promise.resolve();

  /** A top-level page load began in a tab (its main frame's response started, and it becomes the page). */
  pageStarted(tabId: number, url: string): Promise<void> {
    const site = parseWebUrl(url)?.site;
    if (tabId < 0 || !site) return this.queue;
    // Whether it is recorded is decided now, as the load starts, not once the changes before it are written.
    const recording = this.recording(site);
    this.queue = this.queue.then(() => this.started(tabId, site, recording));
    return this.queue;
  }

  private async started(tabId: number, site: string, recording: boolean): Promise<void> {
    const before = await this.sitesOf(tabId);
    const others = before.filter((s) => s !== site);
    const after = recording ? [...others, site].slice(-LOADS_PER_TAB) : others;
    if (after.length === before.length && after.every((s, i) => s === before[i])) return;
    this.known.set(tabId, after);
    await this.area.set({ [keyOf(tabId)]: after }).catch(() => undefined);
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
    for (const [tabId, sites] of this.known)
      this.known.set(
        tabId,
        sites.filter((site) => !gap(site)),
      );
    return this.area.get(null).then(
      (all) => {
        const changed: Record<string, string[]> = {};
        for (const [key, value] of Object.entries(all)) {
          if (!key.startsWith(PREFIX)) continue;
          const sites = listOf(value);
          if (sites.some(gap)) changed[key] = sites.filter((site) => !gap(site));
        }
        return Object.keys(changed).length ? this.area.set(changed) : undefined;
      },
      () => undefined,
    );
  }

  /** Whether the tab's current page, on `site`, was watched from the start of its load. */
  async watched(tabId: number, site: string): Promise<boolean> {
    return (await this.sitesOf(tabId)).includes(site);
  }

  private async sitesOf(tabId: number): Promise<string[]> {
    const seen = this.known.get(tabId);
    if (seen) return seen;
    const stored = await this.area.get(keyOf(tabId)).catch(() => ({}) as Record<string, unknown>);
    return listOf(stored[keyOf(tabId)]);
  }

  private forget(tabId: number): void {
    this.known.delete(tabId);
    this.area.remove(keyOf(tabId)).catch(() => undefined);
  }
}

/** A stored value: a list of sites (a single site as an earlier version stored it). */
function listOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((s): s is string => typeof s === 'string') : [];
}

/**
 * Whether a top-level response becomes the tab's page, from its status and headers: a 204 or 205 leaves the page as
 * it was, and a file sent as an attachment, or of a type the browser does not show, is downloaded instead.
 */
export function becomesPage(details: {
  statusCode: number;
  responseHeaders?: { name: string; value?: string }[];
}): boolean {
  if (details.statusCode === 204 || details.statusCode === 205) return false;
  const header = (name: string) =>
    details.responseHeaders
      ?.find((h) => h.name.toLowerCase() === name)
      ?.value?.trim()
      .toLowerCase() ?? '';
  if (/^attachment\b/.test(header('content-disposition'))) return false;
  const type = header('content-type').split(';')[0]?.trim() ?? '';
  return !DOWNLOADED_TYPES.test(type);
}

/** Types a browser saves rather than shows (archives, executables, raw bytes). */
const DOWNLOADED_TYPES =
  /^application\/(octet-stream|zip|gzip|x-gzip|x-tar|x-7z-compressed|x-rar-compressed|vnd\.rar|x-bzip2?|x-xz|java-archive|x-msdownload|x-msi|x-apple-diskimage|vnd\.android\.package-archive|x-debian-package|x-rpm)$/;
