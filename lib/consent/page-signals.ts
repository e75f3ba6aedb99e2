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
  return null;
}

/** The TCF purposes every TCF v2 policy version defines (11, "limited data to select content", came with 2.2). */
const ALL_PURPOSES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

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
 */
export function tcfState(data: TcfAnswer): 'accepted' | 'refused' | 'partial' | 'not-answered' {
  if (!data.tcString) return 'not-answered';
  const given = (map: Record<string, boolean> | undefined) =>
    Object.entries(map ?? {})
      .filter(([, v]) => v === true)
      .map(([k]) => Number(k));
  const purposes = given(data.purpose?.consents);
  if (purposes.length === 0 && given(data.vendor?.consents).length === 0) return 'refused';
  return ALL_PURPOSES.every((p) => purposes.includes(p)) ? 'accepted' : 'partial';
}

/** GPP's US sections record opt-outs as 1 (opted out), 2 (did not) or 0 (not applicable). */
const US_OPT_OUTS = ['SaleOptOut', 'SharingOptOut', 'TargetedAdvertisingOptOut'];

/**
 * What a GPP CMP's parsed sections say: the EU TCF section as a TC string would, US sections by their opt-outs
 * (all of them taken: refused; some: partial; none: accepted). Undefined when no section tells.
 */
export function gppState(parsed: Record<string, unknown> | undefined): 'accepted' | 'refused' | 'partial' | undefined {
  if (!parsed || typeof parsed !== 'object') return undefined;
  const eu = parsed.tcfeuv2 as { PurposeConsent?: unknown; VendorConsent?: unknown } | undefined;
  if (eu && typeof eu === 'object' && Array.isArray(eu.PurposeConsent)) {
    const purposes = eu.PurposeConsent.flatMap((v, i) => (v === true || v === 1 ? [i + 1] : []));
    const vendors = Array.isArray(eu.VendorConsent) ? eu.VendorConsent : [];
    if (purposes.length === 0 && vendors.length === 0) return 'refused';
    return ALL_PURPOSES.every((p) => purposes.includes(p)) ? 'accepted' : 'partial';
  }
  const choices: number[] = [];
  for (const section of Object.values(parsed)) {
    const list = Array.isArray(section) ? section : [section];
    for (const s of list) {
      if (!s || typeof s !== 'object') continue;
      for (const name of US_OPT_OUTS) {
        const v = (s as Record<string, unknown>)[name];
        if (v === 1 || v === 2) choices.push(v);
      }
    }
  }
  if (choices.length === 0) return undefined;
  const out = choices.filter((v) => v === 1).length;
  return out === 0 ? 'accepted' : out === choices.length ? 'refused' : 'partial';
}

/** The US Privacy string's third character: Y opted out of sale, N did not, - not applicable. */
export function uspOptedOut(usp: unknown): boolean {
  return typeof usp === 'string' && /^1[YN-]Y/i.test(usp);
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
