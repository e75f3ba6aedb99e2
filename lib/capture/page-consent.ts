import Dexie from 'dexie';
import { parseWebUrl } from '../classify/domain.ts';
import type { PageReport, PageSignal } from '../consent/page-signals.ts';
import type { ConsentStamp, ConsentState } from '../consent/types.ts';
import type { DisclosedDb } from '../storage/db.ts';
import type { SharingEvent } from '../storage/events.ts';

/** The part of `browser.storage.session` the timelines live in (it outlives a stop of the worker, not the browser). */
export interface SessionArea {
  get(keys: string | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/** One state of a page, from when the page's CMP said so. */
export interface TimelineEntry {
  state: ConsentState;
  since: number;
  cmp?: string;
  /** An answer stored before the page (see `PageSignal.stored`). */
  stored?: boolean;
}

/** The consent states one document went through, oldest first. */
export interface PageTimeline {
  /** When the document's navigation started (ms since the epoch): which page load its requests belong to. */
  origin: number;
  site: string;
  entries: TimelineEntry[];
}

/** How many documents a tab remembers (its latest; a few for back/forward and for late beacons), and states each. */
export const TIMELINES_PER_TAB = 4;
export const ENTRIES_PER_PAGE = 50;
/** Requests remembered per tab with their send times, for re-stamping those a late CMP event precedes. */
export const SENT_PER_TAB = 500;
/** Page loads remembered per tab (their starts): which document's timeline is whose. */
export const LOADS_PER_TAB = 16;
/**
 * How far a page load's start (its response, webRequest's clock) may come before its document's navigation start
 * (the page's clock, the same wall clock read in another process) and still be its load.
 */
const CLOCK_SLACK_MS = 1000;

const PREFIX = 'consentTimeline:';
const ANSWERS: ReadonlySet<ConsentState> = new Set(['accepted', 'partial', 'refused', 'withdrawn']);

/**
 * Adds a page's signal to its timeline, in time order. A refusal after consent (accepted, or partly) is a
 * withdrawal. A signal that repeats the state before it changes nothing. Returns whether the timeline changed.
 */
export function addSignal(timeline: PageTimeline, signal: PageSignal): boolean {
  // A page's IAB API says what the user answered; a CMP told by its banner alone says less: once the page has
  // spoken through the API, the banner's detection adds nothing (many CMPs are both).
  if (!isIab(signal.cmp) && signal.cmp && timeline.entries.some((e) => isIab(e.cmp))) return false;
  const at = timeline.entries.findIndex((e) => e.since > signal.time);
  const index = at < 0 ? timeline.entries.length : at;
  const before = timeline.entries[index - 1];
  let state: ConsentState = signal.state;
  if (state === 'refused' && (before?.state === 'accepted' || before?.state === 'partial')) state = 'withdrawn';
  if (before?.state === 'withdrawn' && state === 'refused') state = 'withdrawn';
  if (before && before.state === state && before.cmp === signal.cmp) return false;
  const entry: TimelineEntry = { state, since: signal.time };
  if (signal.cmp) entry.cmp = signal.cmp;
  if (signal.stored && ANSWERS.has(state)) entry.stored = true;
  timeline.entries.splice(index, 0, entry);
  if (timeline.entries.length > ENTRIES_PER_PAGE)
    timeline.entries.splice(0, timeline.entries.length - ENTRIES_PER_PAGE);
  return true;
}

/** Whether a CMP was read through an IAB API (`tcf:…`, `gpp:…`, `usp`) rather than detected by its banner. */
const isIab = (cmp: string | undefined) => !!cmp && /^(tcf:|gpp:|usp$)/.test(cmp);

/**
 * The page's state when a request was sent: the last state the CMP told before that moment. A request sent before
 * the CMP first spoke is under the state the CMP then told if that was an answer stored before the page, and
 * otherwise not answered yet (since the page started: no answer could have been given before its CMP). A page whose
 * reader has told nothing yet is 'unknown' (a later signal re-stamps it).
 */
export function stampAt(timeline: PageTimeline | undefined, sentAt: number): ConsentStamp {
  const first = timeline?.entries[0];
  if (!timeline || !first) return { state: 'unknown' };
  let entry: TimelineEntry | undefined;
  for (const e of timeline.entries) if (e.since <= sentAt) entry = e;
  const withCmp = (stamp: ConsentStamp, cmp: string | undefined): ConsentStamp => (cmp ? { ...stamp, cmp } : stamp);
  if (entry) {
    if (entry.state === 'no-banner' || entry.state === 'unknown') return withCmp({ state: entry.state }, entry.cmp);
    return withCmp({ state: entry.state, since: entry.since }, entry.cmp);
  }
  if (first.state === 'no-banner' || first.state === 'unknown') return withCmp({ state: first.state }, first.cmp);
  const state = first.stored ? first.state : 'not-answered';
  return withCmp({ state, since: timeline.origin }, first.cmp);
}

const sameStamp = (a: ConsentStamp | undefined, b: ConsentStamp) =>
  !!a && a.state === b.state && a.since === b.since && a.cmp === b.cmp;

/** A page load key's start (`${tabId}:${startedAt}`), or undefined for `site:…` and `browser`. */
function loadStart(page: string): number | undefined {
  const match = /^-?\d+:(\d+)$/.exec(page);
  return match ? Number(match[1]) : undefined;
}

export interface ConsentPagesDeps {
  db: DisclosedDb;
  /** Waits until the events queued before it are stored (`Recorder.flush`). */
  flush: () => Promise<void>;
  area: SessionArea;
  /** Whether requests on a site are being recorded (it is not excluded): a page's report is kept only then. */
  recording?: (site: string) => boolean;
}

/**
 * Each tab's consent timelines, as its pages' readers report them, and the stamp of each request against them.
 * Memory, written through to session storage so a stop of the worker loses nothing; read back when it starts.
 */
export class ConsentPages {
  private readonly tabs = new Map<number, PageTimeline[]>();
  /** The starts of each tab's page loads seen (sorted): a document's timeline is the first load's after it began. */
  private readonly loads = new Map<number, number[]>();
  /** Requests stamped recently, by tab, with their send times: re-stamped in place while they wait to be stored. */
  private readonly sent = new Map<number, { event: SharingEvent; sentAt: number }[]>();
  /** Re-stamps, one after another. */
  private queue: Promise<void> = Promise.resolve();
  /** Resolves once the timelines stored before the worker started are read back (and their events re-stamped). */
  readonly loaded: Promise<void>;

  constructor(private readonly deps: ConsentPagesDeps) {
    this.loaded = this.restore();
  }

  /**
   * The consent state of the page an event belongs to, at the time its request was sent. Undefined for events of
   * no page load (a service worker's, the browser's). Remembered, so a later signal can re-stamp it.
   */
  stamp(event: SharingEvent, sentAt: number): ConsentStamp | undefined {
    const start = loadStart(event.page);
    if (start === undefined || event.tabId < 0) return undefined;
    let list = this.sent.get(event.tabId);
    if (!list) {
      list = [];
      this.sent.set(event.tabId, list);
    }
    list.push({ event, sentAt });
    if (list.length > SENT_PER_TAB) list.splice(0, list.length - SENT_PER_TAB);
    this.pageStarted(event.tabId, start);
    return stampAt(this.timelineOf(event.tabId, event.site, start), sentAt);
  }

  /**
   * A page's reader reported a state (its tab's top frame, at `url`, as the browser said). Resolves once the
   * events it changes are re-stamped, stored ones included.
   */
  signal(tabId: number, url: string, report: PageReport): Promise<void> {
    const site = parseWebUrl(url)?.site;
    if (tabId < 0 || !site || this.deps.recording?.(site) === false) return Promise.resolve();
    const run = this.queue.then(async () => {
      await this.loaded;
      const list = this.tabs.get(tabId) ?? [];
      let timeline = list.find((t) => t.origin === report.origin && t.site === site);
      if (!timeline) {
        timeline = { origin: report.origin, site, entries: [] };
        list.push(timeline);
        list.sort((a, b) => a.origin - b.origin);
        if (list.length > TIMELINES_PER_TAB) list.splice(0, list.length - TIMELINES_PER_TAB);
        this.tabs.set(tabId, list);
      }
      if (!addSignal(timeline, report.signal)) return;
      await this.save(tabId);
      await this.restamp(tabId, timeline);
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * A page load started in a tab (its main frame's response, webRequest's time, as `PageLoad.startedAt`): a
   * document that began before it cannot be the page of a later load, even if its successor has not spoken yet.
   */
  pageStarted(tabId: number, start: number): void {
    const loads = this.loads.get(tabId) ?? [];
    if (tabId < 0 || loads.includes(start)) return;
    loads.push(start);
    loads.sort((a, b) => a - b);
    if (loads.length > LOADS_PER_TAB) loads.splice(0, loads.length - LOADS_PER_TAB);
    this.loads.set(tabId, loads);
    this.save(tabId);
  }

  tabClosed(tabId: number): void {
    this.tabs.delete(tabId);
    this.loads.delete(tabId);
    this.sent.delete(tabId);
    this.deps.area.remove(`${PREFIX}${tabId}`).catch(() => undefined);
  }

  /** Writes a tab's timelines and page loads through to session storage. */
  private save(tabId: number): Promise<void> {
    const record: StoredTab = { timelines: this.tabs.get(tabId) ?? [], loads: this.loads.get(tabId) ?? [] };
    return this.deps.area.set({ [`${PREFIX}${tabId}`]: record }).catch(() => undefined);
  }

  /**
   * The document of the page load of `site` that started at `start`: one whose navigation began before that load,
   * and after every earlier load of the tab (a document's load is the first to start after it began).
   */
  private timelineOf(tabId: number, site: string, start: number): PageTimeline | undefined {
    const loads = this.loads.get(tabId) ?? [];
    let found: PageTimeline | undefined;
    for (const t of this.tabs.get(tabId) ?? []) {
      if (t.site !== site || t.origin > start + CLOCK_SLACK_MS) continue;
      const own = loads.find((l) => l >= t.origin - CLOCK_SLACK_MS);
      if (own === undefined || own === start) found = t;
    }
    return found;
  }

  /** Stamps again the events of `timeline`'s page load: those waiting to be stored, then the stored ones. */
  private async restamp(tabId: number, timeline: PageTimeline): Promise<void> {
    const keyOf = (e: SharingEvent) => `${e.page}|${e.company}|${e.time}|${e.host}|${e.path}|${e.type}`;
    const sentAt = new Map<string, number>();
    for (const { event, sentAt: at } of this.sent.get(tabId) ?? []) {
      const start = loadStart(event.page);
      if (start === undefined || this.timelineOf(tabId, event.site, start) !== timeline) continue;
      sentAt.set(keyOf(event), at);
      const stamp = stampAt(timeline, at);
      if (!sameStamp(event.consentAt, stamp)) event.consentAt = stamp;
    }
    await this.deps.flush();
    const { db } = this.deps;
    await db.transaction('rw', db.pages, db.events, async () => {
      const pages = await db.pages
        .where('[tabId+startedAt]')
        .between([tabId, timeline.origin - CLOCK_SLACK_MS], [tabId, Number.POSITIVE_INFINITY])
        .filter((p) => p.site === timeline.site && this.timelineOf(tabId, p.site, p.startedAt) === timeline)
        .toArray();
      const stored = (
        await Promise.all(
          pages.map((p) =>
            db.events.where('[page+company]').between([p.key, Dexie.minKey], [p.key, Dexie.maxKey]).toArray(),
          ),
        )
      ).flat();
      for (const e of stored) {
        // An event stored before the worker restarted has no send time left: its finishing time stands in.
        const stamp = stampAt(timeline, sentAt.get(keyOf(e)) ?? e.time);
        if (e.id !== undefined && !sameStamp(e.consentAt, stamp)) await db.events.update(e.id, { consentAt: stamp });
      }
    });
  }

  /** Reads back the timelines a stopped worker kept, and re-stamps what was stamped before they were known. */
  private async restore(): Promise<void> {
    const all = await this.deps.area.get(null).catch(() => ({}) as Record<string, unknown>);
    for (const [key, value] of Object.entries(all)) {
      const stored = value as Partial<StoredTab> | null;
      if (!key.startsWith(PREFIX) || !stored || typeof stored !== 'object') continue;
      const tabId = Number(key.slice(PREFIX.length));
      if (!Number.isInteger(tabId)) continue;
      const timelines = Array.isArray(stored.timelines) ? stored.timelines.filter(isTimeline) : [];
      if (timelines.length && !this.tabs.has(tabId)) this.tabs.set(tabId, timelines);
      const loads = Array.isArray(stored.loads) ? stored.loads.filter((l) => typeof l === 'number') : [];
      const seen = this.loads.get(tabId) ?? [];
      this.loads.set(tabId, [...new Set([...loads, ...seen])].sort((a, b) => a - b).slice(-LOADS_PER_TAB));
    }
    // Events stamped meanwhile were stamped against nothing: those waiting and those stored are stamped again.
    for (const tabId of this.sent.keys()) for (const t of this.tabs.get(tabId) ?? []) await this.restamp(tabId, t);
  }
}

/** What session storage keeps of a tab. */
interface StoredTab {
  timelines: PageTimeline[];
  loads: number[];
}

/** A timeline as stored (session storage is ours, but is still read as data). */
function isTimeline(value: unknown): value is PageTimeline {
  const t = value as PageTimeline | null;
  return (
    !!t &&
    typeof t.origin === 'number' &&
    typeof t.site === 'string' &&
    Array.isArray(t.entries) &&
    t.entries.every((e) => e && typeof e.state === 'string' && typeof e.since === 'number')
  );
}
