import type { ConsentState } from './types.ts';

// What the page's consent reader (entrypoints/consent-reader.ts, in the page's main world) reports, and how a
// CMP's own data is read into a state. Pure: the reader, the worker and the tests share it.

/** The states a page reports itself; 'withdrawn' is told by the worker from what came before. */
export type ReportedState = Exclude<ConsentState, 'withdrawn'>;

/** One change of the page's consent state, as the page's own CMP told it. */
export interface PageSignal {
  /** When the CMP said so, ms since the epoch (the page's clock, the one webRequest's times use too). */
  time: number;
  state: ReportedState;
  /** `tcf:<cmp id>`, `gpp:<cmp id>`, `usp`, or an autoconsent rule name. */
  cmp?: string;
  /**
   * The CMP reported an answer it had stored as it loaded (TCF `tcloaded`): given before this page, so it held from
   * the page's start. Absent for an answer given on the page (`useractioncomplete`).
   */
  stored?: boolean;
}

/** What the page sends: its signal, and when its document's navigation started (ms since the epoch). */
export interface PageReport {
  origin: number;
  signal: PageSignal;
  /**
   * When the extension's isolated half (the relay or the detector) passed it on, by that world's own clock, which no
   * page script can reach: the report's arrival, however long the worker then takes to wake. Set by the relay over
   * anything the page wrote.
   */
  relayedAt?: number;
}

const REPORTED: Record<ReportedState, true> = {
  'no-banner': true,
  'not-answered': true,
  accepted: true,
  refused: true,
  partial: true,
  unknown: true,
};

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;

/** What is wrong with a report a page sent (it is the page's data: checked before use), or null. */
export function reportProblem(value: unknown): string | null {
  const r = value as { origin?: unknown; signal?: Record<string, unknown> } | null;
  if (!r || typeof r !== 'object' || !finite(r.origin)) return 'origin must be a time';
  const s = r.signal;
  if (!s || typeof s !== 'object') return 'signal must be an object';
  if (!finite(s.time)) return 'signal.time must be a time';
  if (typeof s.state !== 'string' || !Object.hasOwn(REPORTED, s.state)) return 'signal.state is not a state';
  if (s.cmp !== undefined && (typeof s.cmp !== 'string' || s.cmp.length > 100)) return 'signal.cmp must be a name';
  if (s.stored !== undefined && typeof s.stored !== 'boolean') return 'signal.stored must be true or false';
  if ((r as { relayedAt?: unknown }).relayedAt !== undefined && !finite((r as { relayedAt?: unknown }).relayedAt))
    return 'relayedAt must be a time';
  return null;
}

/** The TCF purposes every TCF v2 policy version defines (11, "limited data to select content", came with 2.2). */
const ALL_PURPOSES = 10;

// The readers below run in the page's own world (the consent reader) on data of the page's CMP: they use no method a
// page's script can replace (no Array.prototype or RegExp.prototype method, no iterator), only index loops, and the
// few natives they need, taken as this module is first evaluated — at document_start, before any page script.
const keysOf = Object.keys;
const hasOwn = Object.hasOwn;
const isArray = Array.isArray;

/** A field of the page's data, its own only (a missing one is never looked up on a prototype a page changed). */
export const own = (o: unknown, key: string): unknown =>
  o !== null && typeof o === 'object' && hasOwn(o, key) ? (o as Record<string, unknown>)[key] : undefined;

/** The TCF ids a `{ "1": true, … }` map says yes to. */
function yesIds(map: unknown): Record<number, true> {
  const ids: Record<number, true> = Object.create(null);
  if (map === null || typeof map !== 'object') return ids;
  const keys = keysOf(map);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    if ((map as Record<string, unknown>)[key] === true) ids[Number(key)] = true;
  }
  return ids;
}

/** Whether any id is in a set of ids. */
function anyId(ids: Record<number, true>): boolean {
  for (const _ in ids) return true;
  return false;
}

/** "Accept all" (every purpose 1–10 consented), "refused" (none, and no vendor), or partial. */
function answerOf(purposes: Record<number, true>, vendors: boolean): 'accepted' | 'refused' | 'partial' {
  if (!anyId(purposes) && !vendors) return 'refused';
  for (let p = 1; p <= ALL_PURPOSES; p++) if (!purposes[p]) return 'partial';
  return 'accepted';
}

/** The part of a TCF `TCData` (from `__tcfapi('addEventListener')`) that says what the user answered. */
export interface TcfAnswer {
  tcString?: string;
  gdprApplies?: boolean;
  purpose?: { consents?: Record<string, boolean> };
  vendor?: { consents?: Record<string, boolean> };
}

/**
 * What a TC string's consents say the user answered: nothing consented is a refusal, every purpose a page can ask
 * an "accept all", anything between a partial answer. Legitimate interest is not consent (a "refuse all" keeps it),
 * so it is not counted. No string yet: not answered.
 *
 * Which purposes a CMP asks for is not in its data (the IAB's own CMP API lists purposes up to the highest one
 * consented, so "1–3 consented" shows no purpose 4 at all), and no vendor list is shipped: "accept all" on a CMP that
 * never asks a purpose shows as partial — never as refused, and a company this very string gave consent to is no
 * evidence whatever the page's state (lib/consent/flows.ts).
 */
export function tcfState(data: TcfAnswer): 'accepted' | 'refused' | 'partial' | 'not-answered' {
  if (!own(data, 'tcString')) return 'not-answered';
  const purposes = yesIds(own(own(data, 'purpose'), 'consents'));
  return answerOf(purposes, anyId(yesIds(own(own(data, 'vendor'), 'consents'))));
}

/** GPP's US sections record opt-outs as 1 (opted out), 2 (did not) or 0 (not applicable). */
const US_OPT_OUTS = ['SaleOptOut', 'SharingOptOut', 'TargetedAdvertisingOptOut'] as const;

/**
 * What a GPP CMP's parsed sections say: the EU TCF section as a TC string would; US sections by their opt-outs
 * alone — all of them taken: refused, some: partial. A US section where no one opted out says nothing of consent
 * (US law asks for none: "did not opt out" is no "accepted"), and neither does a section that tells no choice:
 * undefined.
 */
export function gppState(parsed: Record<string, unknown> | undefined): 'accepted' | 'refused' | 'partial' | undefined {
  if (!parsed || typeof parsed !== 'object') return undefined;
  const eu = own(parsed, 'tcfeuv2');
  const purposeList = own(eu, 'PurposeConsent');
  if (isArray(purposeList)) {
    const purposes: Record<number, true> = Object.create(null);
    for (let i = 0; i < purposeList.length; i++)
      if (purposeList[i] === true || purposeList[i] === 1) purposes[i + 1] = true;
    const vendorList = own(eu, 'VendorConsent');
    return answerOf(purposes, isArray(vendorList) && vendorList.length > 0);
  }
  let choices = 0;
  let out = 0;
  const names = keysOf(parsed);
  for (let n = 0; n < names.length; n++) {
    const section = parsed[names[n] as string];
    const list = isArray(section) ? section : [section];
    for (let i = 0; i < list.length; i++) {
      for (let k = 0; k < US_OPT_OUTS.length; k++) {
        const v = own(list[i], US_OPT_OUTS[k] as string);
        if (v === 1 || v === 2) choices++;
        if (v === 1) out++;
      }
    }
  }
  if (out === 0) return undefined;
  return out === choices ? 'refused' : 'partial';
}

/** The US Privacy string's third character: Y opted out of sale, N did not, - not applicable. */
export function uspOptedOut(usp: unknown): boolean {
  if (typeof usp !== 'string' || usp.length < 3) return false;
  const second = usp[1];
  const third = usp[2];
  const told = second === 'Y' || second === 'y' || second === 'N' || second === 'n' || second === '-';
  return usp[0] === '1' && told && (third === 'Y' || third === 'y');
}

/** How often the detector looks whether a banner it found is still open, and for how long at most. */
export const BANNER_LOOK_EVERY_MS = 1000;
export const BANNER_WATCH_MS = 60_000;

export interface BannerWatch {
  /** Whether the banner is still shown (autoconsent's `detectPopup`). */
  isOpen: () => Promise<boolean>;
  /** The banner went: the person answered it. */
  onGone: () => void;
  later: (f: () => void, ms: number) => unknown;
  now: () => number;
}

/**
 * Looks every second whether a banner is still shown, and says once when it is gone. Gives up after a minute (a
 * banner left open says nothing more, and the page is not looked at forever) and when stopped (the page is left);
 * a look that fails ends the watch. Returns the stop.
 */
export function watchBanner(watch: BannerWatch): () => void {
  const until = watch.now() + BANNER_WATCH_MS;
  let stopped = false;
  const look = () => {
    if (stopped || watch.now() > until) return;
    watch.isOpen().then(
      (open) => {
        if (stopped) return;
        if (open) watch.later(look, BANNER_LOOK_EVERY_MS);
        else {
          stopped = true;
          watch.onGone();
        }
      },
      () => {
        stopped = true;
      },
    );
  };
  watch.later(look, BANNER_LOOK_EVERY_MS);
  return () => {
    stopped = true;
  };
}

/**
 * The moment a report arrived: when the relay passed it on, if that is a time before the worker's own receipt (a
 * worker woken by the message may start long after it was sent) and not long before it; else the worker's receipt.
 */
export function arrivalOf(report: Pick<PageReport, 'relayedAt'>, receivedAt: number): number {
  const relayed = report.relayedAt;
  if (relayed === undefined || !Number.isFinite(relayed)) return receivedAt;
  return relayed <= receivedAt + 100 && relayed >= receivedAt - RELAY_WAIT_MS
    ? Math.min(relayed, receivedAt)
    : receivedAt;
}

/** How long a message may wait for a worker to wake and read it: a minute, far more than a start ever takes. */
export const RELAY_WAIT_MS = 60_000;
