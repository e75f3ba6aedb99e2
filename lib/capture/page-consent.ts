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
  /** When the document's navigation started (`performance.timeOrigin`, ms since the epoch). */
  origin: number;
  site: string;
  entries: TimelineEntry[];
  /**
   * Its CMP's API has reported: an answer "stored before the page" is what the API tells first, as it loads, so a
   * later one is taken as given now (the reader's "no banner" guess and the banner detector's reports are no API's).
   */
  apiSpoke?: boolean;
}

/**
 * One top-level navigation of a tab, as webNavigation told it: the document it made, the capture's page-load keys
 * its requests were recorded under, and that document's consent timeline once its reader spoke.
 */
export interface TabLoad {
  /** onBeforeNavigate's time. */
  start: number;
  /**
   * The site the navigation went to: a key, a report or a stamp of another site's page is never this load's (a
   * late beacon, a prerendered page, a restored one, Firefox's order of events could otherwise put it here).
   */
  site: string;
  /** The document it made, as Chromium names it (webNavigation.onCommitted's `documentId`); Firefox has none. */
  documentId?: string;
  /** onCommitted's time: a navigation that never commits (a download, one replaced by the next) made no document. */
  committed?: number;
  /** The page-load keys (`PageLoad.key`) the capture gave this document's requests: its events are found by them. */
  keys: string[];
  timeline?: PageTimeline;
}

/** Navigations a tab remembers (its latest: back/forward and late beacons), keys each, and states each page. */
export const LOADS_PER_TAB = 8;
export const KEYS_PER_LOAD = 4;
export const ENTRIES_PER_PAGE = 50;
/** Closed tabs remembered as closed, so that a beacon finishing after its tab has gone recreates nothing. */
const CLOSED_TABS_KEPT = 1000;
/**
 * How far a document's time origin may lie before its navigation's onBeforeNavigate (a link's or a script's
 * navigation starts in the page's process, a few ms before the browser's) or after its onCommitted (rounding), and
 * how far a report's own time may lie before that origin or after now (the page's clock and the worker's are the
 * same wall clock, read in two processes).
 */
const BEFORE_START_MS = 1000;
const AFTER_COMMIT_MS = 50;
const CLOCK_SLACK_MS = 100;
/**
 * How far a report's own time may lie from the moment the worker received it: the reader reports as its CMP tells,
 * so a report timed long before it arrived is a replay or a forgery (a page that learnt the channel backdating an
 * answer); a report is never put later than its arrival.
 */
export const RECEIPT_SLACK_MS = 2000;
/** How long the re-stamp waits for more reports of the same page (one flipping its state costs one pass). */
export const RESTAMP_DELAY_MS = 250;
/** How long session storage writes of a tab wait for more changes of it. */
const SAVE_DELAY_MS = 200;
/** Tabs whose requests were stamped before the stored timelines were read back, remembered at most. */
const EARLY_KEPT = 500;

const PREFIX = 'consentTimeline:';
const ANSWERS: ReadonlySet<ConsentState> = new Set(['accepted', 'partial', 'refused', 'withdrawn']);

/** A "no banner" the reader guessed (no CMP seen by then), as opposed to one a CMP said (TCF's gdprApplies false). */
const isGuess = (e: { state: ConsentState; cmp?: string | undefined }) => e.state === 'no-banner' && !e.cmp;

/**
 * Adds a page's signal to its timeline, in time order. A refusal after consent (accepted, or partly) is a
 * withdrawal. A signal that repeats the state before it changes nothing. A CMP's signal replaces the reader's "no
 * banner" guess, which is refused once a CMP spoke; a timeline already full refuses more (the states it holds, and
 * so the stamps given by them, stay). Returns whether the timeline changed.
 */
export function addSignal(timeline: PageTimeline, signal: PageSignal): boolean {
  return changedFrom(timeline, signal) !== undefined;
}

/**
 * `addSignal`'s work: the earliest send time whose stamp the change can alter (-Infinity: any of the page's), or
 * undefined when nothing changed. A new first state, or guesses dropped, alter every stamp (those before the first
 * state take theirs from it); an answer also tells the not-answered requests before it when it came, back to the
 * answer before it; any other state, the requests from its time on.
 */
function changedFrom(timeline: PageTimeline, signal: PageSignal): number | undefined {
  // A page's IAB API says what the user answered; a CMP told by its banner alone says less: once the page has
  // spoken through the API, the banner's detection adds nothing (many CMPs are both).
  if (!isIab(signal.cmp) && signal.cmp && timeline.entries.some((e) => isIab(e.cmp))) return undefined;
  const guess = isGuess(signal);
  if (guess && timeline.entries.some((e) => !isGuess(e))) return undefined;
  const entries = guess ? timeline.entries : timeline.entries.filter((e) => !isGuess(e));
  const at = entries.findIndex((e) => e.since > signal.time);
  const index = at < 0 ? entries.length : at;
  const before = entries[index - 1];
  let state: ConsentState = signal.state;
  if (state === 'refused' && (before?.state === 'accepted' || before?.state === 'partial')) state = 'withdrawn';
  if (before?.state === 'withdrawn' && state === 'refused') state = 'withdrawn';
  const dropped = entries.length !== timeline.entries.length;
  if (before && before.state === state && before.cmp === signal.cmp) {
    if (dropped) timeline.entries = entries;
    return dropped ? Number.NEGATIVE_INFINITY : undefined;
  }
  if (entries.length >= ENTRIES_PER_PAGE) return undefined;
  const entry: TimelineEntry = { state, since: signal.time };
  if (signal.cmp) entry.cmp = signal.cmp;
  if (signal.stored && ANSWERS.has(state)) entry.stored = true;
  entries.splice(index, 0, entry);
  timeline.entries = entries;
  if (dropped || index === 0) return Number.NEGATIVE_INFINITY;
  if (!ANSWERS.has(state)) return signal.time;
  return entries.slice(0, index).findLast((e) => ANSWERS.has(e.state))?.since ?? Number.NEGATIVE_INFINITY;
}

/** Whether a CMP was read through an IAB API (`tcf:…`, `gpp:…`, `usp`) rather than detected by its banner. */
const isIab = (cmp: string | undefined) => !!cmp && /^(tcf:|gpp:|usp$)/.test(cmp);

/**
 * The page's state when a request was sent: the last state the CMP told before that moment. A request sent before
 * the CMP first spoke is under the state the CMP then told if that was an answer stored before the page, and
 * otherwise not answered yet (since the page started: no answer could have been given before its CMP). A page whose
 * reader has told nothing yet is 'unknown' (a later signal re-stamps it). A not-answered stamp carries when the
 * person then answered, once they have.
 */
export function stampAt(timeline: PageTimeline | undefined, sentAt: number): ConsentStamp {
  const first = timeline?.entries[0];
  if (!timeline || !first) return { state: 'unknown' };
  let index = -1;
  timeline.entries.forEach((e, i) => {
    if (e.since <= sentAt) index = i;
  });
  const entry = timeline.entries[index];
  const withCmp = (stamp: ConsentStamp, cmp: string | undefined): ConsentStamp => (cmp ? { ...stamp, cmp } : stamp);
  if (entry && (entry.state === 'no-banner' || entry.state === 'unknown'))
    return withCmp({ state: entry.state }, entry.cmp);
  if (!entry && (first.state === 'no-banner' || first.state === 'unknown'))
    return withCmp({ state: first.state }, first.cmp);
  const state = entry ? entry.state : first.stored ? first.state : 'not-answered';
  const stamp: ConsentStamp = { state, since: entry ? entry.since : timeline.origin };
  if (state === 'not-answered') {
    const answer = timeline.entries.slice(index + 1).find((e) => ANSWERS.has(e.state));
    if (answer) stamp.answeredAt = answer.since;
  }
  return withCmp(stamp, entry ? entry.cmp : first.cmp);
}

/** The time of the first answer after the not-answered state that began at `since`. */
function answerAfter(timeline: PageTimeline, since: number): number | undefined {
  return timeline.entries.find((e) => e.since > since && ANSWERS.has(e.state))?.since;
}

const sameStamp = (a: ConsentStamp | undefined, b: ConsentStamp) =>
  !!a && a.state === b.state && a.since === b.since && a.cmp === b.cmp && a.answeredAt === b.answeredAt;

/** A page load key's start (`${tabId}:${startedAt}`), or undefined for `site:…` and `browser`. */
function loadStart(page: string): number | undefined {
  const match = /^-?\d+:(\d+)$/.exec(page);
  return match ? Number(match[1]) : undefined;
}

/**
 * The navigation whose document has this time origin: of those it fits (its navigation had started, give or take a
 * page's head start, and not yet committed), the one whose start is nearest, the newer on a tie. A navigation that
 * never committed made no document, unless it is the tab's latest (its commit may still be on its way).
 */
export function loadOfOrigin(loads: readonly TabLoad[], origin: number): TabLoad | undefined {
  let found: TabLoad | undefined;
  loads.forEach((load, i) => {
    const latest = i === loads.length - 1;
    if (load.committed === undefined && !latest) return;
    if (origin < load.start - BEFORE_START_MS) return;
    if (load.committed !== undefined && origin > load.committed + AFTER_COMMIT_MS) return;
    if (!found || Math.abs(load.start - origin) <= Math.abs(found.start - origin)) found = load;
  });
  return found;
}

export interface ConsentPagesDeps {
  db: DisclosedDb;
  /** Waits until the events queued before it are stored (`Recorder.flush`). */
  flush: () => Promise<void>;
  area: SessionArea;
  /** Whether requests on a site are being recorded (it is not excluded): a page's report is kept only then. */
  recording?: (site: string) => boolean;
  now?: () => number;
  /** How long a re-stamp waits for more reports (`RESTAMP_DELAY_MS`). */
  restampDelayMs?: number;
  /** Told when session storage could not be written or read (the worker's console). */
  warn?: (message: string, error: unknown) => void;
}

/** Where a report came from, as the browser told it. */
export interface ReportOrigin {
  /** The tab's top document's address (`sender.url`). */
  url: string;
  /** When the worker received the report, taken before anything of it was awaited. */
  receivedAt: number;
  /** Chromium's id of the document that sent it (`sender.documentId`). */
  documentId?: string;
  /**
   * The sender is not the tab's frame 0 (a prerendered page's top frame): then only a document whose commit was
   * seen as the top of a page (`navigationCommitted` with its `documentId`) is taken.
   */
  documentOnly?: boolean;
}

/** Why a report was not kept: for the sender's console, and the tests. */
export type Refusal = 'not-recorded' | 'closed' | 'no-load' | 'other-site' | 'time' | 'unchanged';

/** A load whose stamps must be worked out again: from which send time, and which keys came to it from elsewhere. */
interface Dirty {
  tabId: number;
  from: number;
  rehomed: Set<string>;
}

/**
 * Each tab's navigations (webNavigation's times), the consent timeline of each one's document as its reader reports
 * it, and the stamp of each request against them. The timeline is found by the very page-load key the request is
 * recorded under, and only when the load is of the request's own site. Memory, written through to session storage
 * so a stop of the worker loses nothing; read back when it starts. Holds no event: a re-stamp reads the load's
 * events from the database (its queue stored first).
 */
export class ConsentPages {
  private readonly tabs = new Map<number, TabLoad[]>();
  private readonly closed = new Set<number>();
  /** Loads whose timeline (or keys) changed since the last re-stamp. */
  private readonly dirty = new Map<TabLoad, Dirty>();
  /** Keys taken from a load they were not of, and given to none: their events are stamped unknown again. */
  private readonly orphans = new Set<string>();
  /** Page-load keys stamped before the stored timelines were read back (by key: its tab and site). */
  private readonly early = new Map<string, { tabId: number; site: string }>();
  /** The re-stamp pass that will take the loads made dirty from now, while it has not started. */
  private nextPass: Promise<void> | undefined;
  /** The passes, one after another. */
  private passes: Promise<void> = Promise.resolve();
  /** Tabs whose navigations are to be written to session storage, and the timer that will. */
  private readonly unsaved = new Set<number>();
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private isLoaded = false;
  private readonly now: () => number;
  private readonly warn: (message: string, error: unknown) => void;
  /** Resolves once the timelines stored before the worker started are read back (and their events re-stamped). */
  readonly loaded: Promise<void>;

  constructor(private readonly deps: ConsentPagesDeps) {
    this.now = deps.now ?? Date.now;
    this.warn = deps.warn ?? ((message, error) => console.warn(`Disclosed: ${message}`, error));
    this.loaded = this.restore();
  }

  /**
   * A top-level navigation started in a tab (webNavigation.onBeforeNavigate of its top frame, or of a page
   * prerendered in it). One to an excluded site, or to no web page, is not kept: its document reports nothing, and
   * no request of it is recorded. A key given to an older load whose own time is after this start is this load's
   * (Firefox may tell a navigation's start after its first requests): it comes here if the site is the same, and
   * is of no load otherwise.
   */
  navigationStarted(tabId: number, url: string, time: number): void {
    const site = parseWebUrl(url)?.site;
    if (tabId < 0 || this.closed.has(tabId) || !site || this.deps.recording?.(site) === false) return;
    const loads = this.tabs.get(tabId) ?? [];
    if (loads.some((l) => l.start === time)) return;
    const load: TabLoad = { start: time, site, keys: [] };
    for (const older of loads) {
      if (older.start >= time) continue;
      const later = older.keys.filter((k) => (loadStart(k) ?? 0) >= time);
      if (!later.length) continue;
      older.keys = older.keys.filter((k) => !later.includes(k));
      for (const key of later) {
        if (older.site === site) {
          load.keys.push(key);
          this.markDirty(load, tabId, Number.NEGATIVE_INFINITY, key);
        } else this.orphans.add(key);
      }
    }
    loads.push(load);
    loads.sort((a, b) => a.start - b.start);
    if (loads.length > LOADS_PER_TAB) loads.splice(0, loads.length - LOADS_PER_TAB);
    this.tabs.set(tabId, loads);
    this.save(tabId);
    if (this.dirty.size || this.orphans.size) this.pass().catch(() => undefined);
  }

  /**
   * A top-level navigation committed (webNavigation.onCommitted): the latest that had started by then, and, in
   * Chromium, the document it made. A document seen before (one restored from the back/forward cache) keeps the
   * timeline it had.
   */
  navigationCommitted(tabId: number, url: string, time: number, documentId?: string): void {
    const site = parseWebUrl(url)?.site;
    if (!site || this.deps.recording?.(site) === false) return;
    const loads = this.tabs.get(tabId);
    const load = loads?.findLast((l) => l.committed === undefined && l.start <= time);
    if (!loads || !load) return;
    load.committed = time;
    if (load.site !== site) {
      // Redirected to another site: the document is of the site it committed at.
      load.site = site;
      for (const key of load.keys) this.orphans.add(key);
      load.keys = [];
    }
    if (documentId !== undefined) {
      load.documentId = documentId;
      const before = loads.findLast((l) => l !== load && l.documentId === documentId && l.site === site);
      if (before?.timeline && !load.timeline) load.timeline = before.timeline;
    }
    this.save(tabId);
    if (this.orphans.size) this.pass().catch(() => undefined);
  }

  /**
   * The consent state of the page an event belongs to, at the time its request was sent. Undefined for events of
   * no page load (a service worker's, the browser's).
   */
  stamp(event: SharingEvent, sentAt: number): ConsentStamp | undefined {
    if (event.tabId < 0 || loadStart(event.page) === undefined) return undefined;
    if (!this.isLoaded && this.early.size < EARLY_KEPT)
      this.early.set(event.page, { tabId: event.tabId, site: event.site });
    return stampAt(this.loadOfKey(event.tabId, event.page, event.site)?.timeline, sentAt);
  }

  /**
   * A page's reader reported a state (its tab's top document, at `from.url`, as the browser said). Resolves once
   * the events it changes are re-stamped, stored ones included (with the other reports of its batch), or with why
   * it was not kept. A report timed far from its arrival is refused, and one timed after it is put at its arrival;
   * an answer "stored before the page" is taken from a document's first report only (what the CMP tells as it
   * loads), never from a later one of its API.
   */
  async signal(tabId: number, report: PageReport, from: ReportOrigin): Promise<Refusal | undefined> {
    const site = parseWebUrl(from.url)?.site;
    if (tabId < 0 || !site || this.deps.recording?.(site) === false) return 'not-recorded';
    const { origin } = report;
    const signal: PageSignal = { ...report.signal };
    if (Math.abs(from.receivedAt - signal.time) > RECEIPT_SLACK_MS) return 'time';
    signal.time = Math.min(signal.time, from.receivedAt);
    await this.loaded;
    if (this.closed.has(tabId)) return 'closed';
    if (signal.time < origin - CLOCK_SLACK_MS) return 'time';
    const loads = this.tabs.get(tabId) ?? [];
    const own = from.documentId === undefined ? undefined : loads.findLast((l) => l.documentId === from.documentId);
    const load =
      own ??
      (from.documentOnly
        ? undefined
        : loadOfOrigin(
            loads.filter((l) => l.documentId === undefined),
            origin,
          ));
    if (!load) return 'no-load';
    if (load.site !== site) return 'other-site';
    const first = !load.timeline;
    load.timeline ??= { origin, site, entries: [] };
    const timeline = load.timeline;
    if (timeline.site !== site) return 'other-site';
    if (timeline.apiSpoke) delete signal.stored;
    if (isIab(signal.cmp) && !timeline.apiSpoke) {
      timeline.apiSpoke = true;
      this.save(tabId);
    }
    const changed = changedFrom(timeline, signal);
    if (changed === undefined) {
      if (first) this.save(tabId);
      return 'unchanged';
    }
    this.save(tabId);
    this.markDirty(load, tabId, changed);
    await this.pass();
    return undefined;
  }

  tabClosed(tabId: number): void {
    this.tabs.delete(tabId);
    this.unsaved.delete(tabId);
    for (const [key, early] of this.early) if (early.tabId === tabId) this.early.delete(key);
    for (const [load, dirty] of this.dirty) if (dirty.tabId === tabId) this.dirty.delete(load);
    this.closed.add(tabId);
    if (this.closed.size > CLOSED_TABS_KEPT) {
      const oldest = this.closed.values().next().value;
      if (oldest !== undefined) this.closed.delete(oldest);
    }
    this.deps.area.remove(`${PREFIX}${tabId}`).catch((error) => this.warn('could not forget a closed tab', error));
  }

  /**
   * The tab's navigation a page-load key belongs to: the one it was given to, or else the latest that had started
   * by the key's own time (the capture opens a load at its response, or at its first request, or — after a stop of
   * the worker — takes back a stored one), which the key is then given to. Never a navigation to another site than
   * the events': then none.
   */
  private loadOfKey(tabId: number, key: string, site: string): TabLoad | undefined {
    const loads = this.tabs.get(tabId);
    if (!loads) return undefined;
    const own = loads.find((l) => l.keys.includes(key));
    if (own) return own.site === site ? own : undefined;
    const start = loadStart(key);
    const load = start === undefined ? undefined : loads.findLast((l) => l.start <= start);
    if (!load || load.site !== site) return undefined;
    load.keys.push(key);
    if (load.keys.length > KEYS_PER_LOAD) load.keys.splice(0, load.keys.length - KEYS_PER_LOAD);
    this.save(tabId);
    return load;
  }

  private markDirty(load: TabLoad, tabId: number, from: number, rehomed?: string): void {
    const dirty = this.dirty.get(load) ?? { tabId, from, rehomed: new Set<string>() };
    dirty.from = Math.min(dirty.from, from);
    if (rehomed !== undefined) dirty.rehomed.add(rehomed);
    this.dirty.set(load, dirty);
  }

  /**
   * The re-stamp of every load made dirty before it starts, a moment after the first: reports that arrive together
   * (a page flipping its state, several tabs loading) cost one pass over the events they change, not one each.
   */
  private pass(): Promise<void> {
    if (!this.nextPass) {
      const delay = this.deps.restampDelayMs ?? RESTAMP_DELAY_MS;
      const run = this.passes
        .then(() => new Promise<void>((resolve) => setTimeout(resolve, delay)))
        .then(async () => {
          this.nextPass = undefined;
          const loads = [...this.dirty];
          this.dirty.clear();
          const orphans = [...this.orphans];
          this.orphans.clear();
          // The events still queued are stored first: then each is in the database, where it is stamped again.
          await this.deps.flush();
          for (const [load, dirty] of loads) await this.restamp(load.keys, load.timeline, dirty.from, dirty.rehomed);
          if (orphans.length) await this.restamp(orphans, undefined, Number.NEGATIVE_INFINITY, new Set(orphans));
        });
      this.nextPass = run;
      this.passes = run.catch(() => undefined);
    }
    return this.nextPass;
  }

  /**
   * Stamps again the stored events of a load's keys sent from `from` on (found by their finishing time, never
   * before their send time). One without a send time keeps its stamp (its finishing time could put it on the wrong
   * side of an answer): a not-answered one only learns when the person answered, if it finished before that — but
   * one whose key was of another load is stamped by its finishing time, as it was at first.
   */
  private async restamp(
    keys: readonly string[],
    timeline: PageTimeline | undefined,
    from: number,
    rehomed: ReadonlySet<string>,
  ): Promise<void> {
    const { db } = this.deps;
    await db.transaction('rw', db.events, async () => {
      for (const key of keys) {
        const events = await db.events.where('[page+time]').between([key, from], [key, Dexie.maxKey], true).toArray();
        for (const e of events) {
          let stamp: ConsentStamp | undefined;
          if (e.sentAt !== undefined) stamp = stampAt(timeline, e.sentAt);
          else if (rehomed.has(key)) stamp = stampAt(timeline, e.time);
          else if (timeline && e.consentAt?.state === 'not-answered' && e.consentAt.since !== undefined) {
            const answeredAt = answerAfter(timeline, e.consentAt.since);
            if (answeredAt !== undefined && e.time < answeredAt) stamp = { ...e.consentAt, answeredAt };
          }
          if (stamp && e.id !== undefined && !sameStamp(e.consentAt, stamp))
            await db.events.update(e.id, { consentAt: stamp });
        }
      }
    });
  }

  /**
   * Writes a tab's navigations and timelines through to session storage, a moment later with whatever else changed
   * by then. A failure is told (the worker's console), not swallowed.
   */
  private save(tabId: number): void {
    this.unsaved.add(tabId);
    this.saveTimer ??= setTimeout(() => {
      this.saveTimer = undefined;
      const items: Record<string, StoredTab> = {};
      for (const id of this.unsaved) {
        const loads = this.tabs.get(id);
        // Navigations that made no load of their own (no key, no timeline) but the latest say nothing later.
        if (loads)
          items[`${PREFIX}${id}`] = {
            loads: loads.filter((l, i) => i === loads.length - 1 || l.keys.length || l.timeline),
          };
      }
      this.unsaved.clear();
      this.deps.area.set(items).catch((error) => this.warn('could not keep the pages’ consent states', error));
    }, SAVE_DELAY_MS);
  }

  /** Reads back the navigations a stopped worker kept, and re-stamps what was stamped before they were known. */
  private async restore(): Promise<void> {
    const all = await this.deps.area.get(null).catch((error) => {
      this.warn('could not read the pages’ consent states back', error);
      return {} as Record<string, unknown>;
    });
    for (const [key, value] of Object.entries(all)) {
      const stored = value as Partial<StoredTab> | null;
      if (!key.startsWith(PREFIX) || !stored || typeof stored !== 'object') continue;
      const tabId = Number(key.slice(PREFIX.length));
      if (!Number.isInteger(tabId) || this.closed.has(tabId)) continue;
      const kept = Array.isArray(stored.loads) ? stored.loads.filter(isLoad) : [];
      // Navigations seen since this worker started are newer: they go after the stored ones.
      const seen = this.tabs.get(tabId) ?? [];
      const loads = [...kept.filter((l) => !seen.some((s) => s.start === l.start)), ...seen]
        .sort((a, b) => a.start - b.start)
        .slice(-LOADS_PER_TAB);
      this.tabs.set(tabId, loads);
    }
    this.isLoaded = true;
    // Requests stamped meanwhile were stamped against what this worker had seen: each key finds its load again
    // among all of them, and its events are stamped again.
    for (const [key, { tabId, site }] of this.early) {
      const load = this.loadOfKey(tabId, key, site);
      if (load) this.markDirty(load, tabId, Number.NEGATIVE_INFINITY);
    }
    this.early.clear();
    if (this.dirty.size) await this.pass();
  }
}

/** What session storage keeps of a tab. */
interface StoredTab {
  loads: TabLoad[];
}

/** A load as stored (session storage is ours, but is still read as data). */
function isLoad(value: unknown): value is TabLoad {
  const l = value as TabLoad | null;
  if (!l || typeof l.start !== 'number' || !Array.isArray(l.keys) || !l.keys.every((k) => typeof k === 'string'))
    return false;
  if (typeof l.site !== 'string') return false;
  if (l.committed !== undefined && typeof l.committed !== 'number') return false;
  if (l.documentId !== undefined && typeof l.documentId !== 'string') return false;
  const t = l.timeline;
  return (
    t === undefined ||
    (!!t &&
      typeof t.origin === 'number' &&
      typeof t.site === 'string' &&
      Array.isArray(t.entries) &&
      t.entries.every((e) => e && typeof e.state === 'string' && typeof e.since === 'number'))
  );
}
