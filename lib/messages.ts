import type { SessionState } from './classroom/session.ts';
import { type PageReport, reportProblem } from './consent/page-signals.ts';
import type { ImportReport } from './export/import.ts';
import type { SentLetter } from './letters/records.ts';
import { type ContactCorrection, LETTER_VALUES, type LetterRecord, type LetterStatus } from './letters/types.ts';
import { isUiLanguage, RESIDENCES, type Settings } from './settings.ts';
import type { DroppedCount } from './storage/dropped.ts';
import type { ForgetReport } from './storage/forget.ts';

/** What the background reports about itself, for the popup: what a user can act on. */
export interface BackgroundStatus {
  /** The last storage error (a full disk, say), or null. Events stay queued while it persists. */
  storageError: string | null;
  /** Events observed but not yet committed. */
  pendingEvents: number;
  /** Requests and page loads that could not be saved (since the user last dismissed the notice), or null. */
  dropped: DroppedCount | null;
}

/** The one protocol between the extension's pages and its background: each request with its response type. */
export interface MessageMap {
  'settings/update': { request: Partial<Settings>; response: Settings };
  'background/status': { request: Record<string, never>; response: BackgroundStatus };
  /** Whether the tab's current page, on `site`, was watched from the start of its load (see WatchedLoads). */
  'background/tab-watched': { request: { tabId: number; site: string }; response: { watched: boolean } };
  /** The user has read that some requests could not be saved: the count starts over. */
  'background/dismiss-dropped': { request: Record<string, never>; response: { dismissed: true } };
  /** Removes every trace of a site (see storage/forget.ts). */
  'data/forget-site': { request: { site: string }; response: ForgetReport };
  /** Merges an export file's text (see export/import.ts); refuses invalid files whole. */
  'data/import': {
    request: { text: string };
    response: { ok: true; report: ImportReport } | { ok: false; error: string };
  };
  /** Deletes everything recorded; settings stay. */
  'data/clear': { request: Record<string, never>; response: { cleared: true } };
  /** Classroom sessions (see classroom/session.ts): each answers with the session's state after it. */
  'classroom/start': { request: Record<string, never>; response: SessionState };
  'classroom/pause': { request: { paused: boolean }; response: SessionState };
  'classroom/reset': { request: Record<string, never>; response: SessionState };
  'classroom/end': { request: Record<string, never>; response: SessionState };
  /**
   * A page's consent state changed, as its CMP told the reader in the page (consent/page-signals.ts); the one message a
   * content script sends. Recorded only from a tab's top frame.
   */
  'consent/page-state': { request: PageReport; response: { recorded: boolean } };
  /** The user's own privacy contact for a company (see letters/records.ts). */
  'letters/save-contact': {
    request: { company: string; value: string; representative?: string };
    response: ContactCorrection;
  };
  /** Records a sent letter and sets its deadline reminders. */
  'letters/record-sent': { request: SentLetter; response: LetterRecord };
  /** What the user says happened to a request; `updated` is false when no such letter is stored. */
  'letters/set-status': {
    request: { reference: string; status: LetterStatus };
    response: { updated: boolean };
  };
}

export type MessageType = keyof MessageMap;
export type Message<T extends MessageType = MessageType> = { type: T; payload: MessageMap[T]['request'] };
export type Handlers = {
  [T in MessageType]: (payload: MessageMap[T]['request'], sender: Sender) => Promise<MessageMap[T]['response']>;
};

/** Who sent a message, as the browser says (`runtime.MessageSender`). */
export interface Sender {
  /** A content script in a web page (not one of the extension's own pages, which may be shown in a tab too). */
  fromPage: boolean;
  tabId?: number;
  frameId?: number;
  url?: string;
  /** Chromium's id of the sending document, and where it is in its life (`prerender` before it is shown). */
  documentId?: string;
  documentLifecycle?: string;
  /** The sender's tab is in a private window. */
  incognito?: boolean;
  /** When the message arrived, taken before any of it was awaited (ms since the epoch). */
  receivedAt?: number;
}

/** The only messages a content script may send: a web page's scripts reach it, so it may be made to send anything. */
const PAGE_MESSAGES: ReadonlySet<MessageType> = new Set(['consent/page-state']);

type Fields = Record<string, unknown>;
/** Checks one payload: null when it is valid, else what is wrong with it (for the sender's console). */
type Check = (payload: Fields) => string | null;

const LONG_TEXT = 1_000_000;

/** A string field, present (unless optional) and at most `max` characters. */
const text =
  (key: string, max = 2000, optional = false): Check =>
  (p) => {
    if (p[key] === undefined && optional) return null;
    const v = p[key];
    return typeof v === 'string' && v.length <= max ? null : `${key} must be a string of at most ${max} characters`;
  };

/** A field that must be one of the keys of `allowed` (a Record over a union type, so no member is forgotten). */
const oneOf =
  (key: string, allowed: Record<string, true>): Check =>
  (p) =>
    typeof p[key] === 'string' && Object.hasOwn(allowed, p[key] as string)
      ? null
      : `${key} must be one of ${Object.keys(allowed).join(', ')}`;

const day: Check = (p) =>
  typeof p.sentOn === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(p.sentOn) ? null : 'sentOn must be a day, YYYY-MM-DD';

const strings = (v: unknown, max: number) =>
  Array.isArray(v) && v.length <= max && v.every((s) => typeof s === 'string' && s.length <= 2000);
const counts = (...v: unknown[]) => v.every((n) => typeof n === 'number' && Number.isFinite(n) && n >= 0);

/** A sent letter’s evidence snapshot (`LetterRecord.evidence`): lists of bounded strings, and counts. */
const evidence: Check = (p) => {
  const e = p.evidence as Record<string, unknown> | null;
  const cited = (i: unknown) => {
    const c = i as Record<string, unknown> | null;
    return (
      !!c &&
      typeof c.source === 'string' &&
      typeof c.name === 'string' &&
      typeof c.value === 'string' &&
      (c.domain === undefined || typeof c.domain === 'string') &&
      `${c.source}${c.name}${c.value}${c.domain ?? ''}`.length <= 10_000
    );
  };
  const sound =
    !!e &&
    typeof e === 'object' &&
    strings(e.domains, 100_000) &&
    strings(e.sites, 100_000) &&
    strings(e.categories, 100) &&
    strings(e.kinds, 100) &&
    counts(e.requests, e.firstSeen, e.lastSeen) &&
    Array.isArray(e.identifiers) &&
    e.identifiers.length <= 1000 &&
    e.identifiers.every(cited);
  return sound ? null : 'evidence must be the letter’s evidence snapshot';
};

const all =
  (...checks: Check[]): Check =>
  (p) => {
    for (const check of checks) {
      const problem = check(p);
      if (problem) return problem;
    }
    return null;
  };

const none: Check = () => null;

const SETTING_TYPES: Record<keyof Settings, (v: unknown) => boolean> = {
  paused: (v) => typeof v === 'boolean',
  recordPrivate: (v) => typeof v === 'boolean',
  retentionDays: (v) => typeof v === 'number',
  maxEvents: (v) => typeof v === 'number',
  historyDays: (v) => typeof v === 'number',
  maxTotals: (v) => typeof v === 'number',
  maxIdentifiers: (v) => typeof v === 'number',
  excludedSites: (v) => Array.isArray(v) && v.every((s) => typeof s === 'string'),
  residence: (v) => typeof v === 'string' && (v === '' || RESIDENCES.includes(v)),
  uiLanguage: isUiLanguage,
};

// A wrong-typed field is refused rather than passed on: parsing would quietly put the default in its place.
const settingsPatch: Check = (p) => {
  for (const [key, value] of Object.entries(p)) {
    const valid = SETTING_TYPES[key as keyof Settings];
    if (!valid) return `unknown setting ${key}; known: ${Object.keys(SETTING_TYPES).join(', ')}`;
    if (!valid(value)) return `setting ${key} has the wrong type`;
  }
  return null;
};

const { laws: JURISDICTIONS, rights: RIGHTS, channels: CHANNELS, statuses: STATUSES } = LETTER_VALUES;

/** Every message type with the check of its payload: the list of what the background accepts. */
const PAYLOADS: Record<MessageType, Check> = {
  'settings/update': settingsPatch,
  'background/status': none,
  'background/tab-watched': (p) => (Number.isInteger(p.tabId) ? text('site', 300)(p) : 'tabId must be a whole number'),
  'background/dismiss-dropped': none,
  'data/forget-site': text('site', 2000),
  'data/import': text('text', 500_000_000),
  'data/clear': none,
  'classroom/start': none,
  'classroom/pause': (p) => (typeof p.paused === 'boolean' ? null : 'paused must be true or false'),
  'classroom/reset': none,
  'classroom/end': none,
  'consent/page-state': reportProblem,
  'letters/save-contact': all(text('company', 200), text('value'), text('representative', 2000, true)),
  'letters/record-sent': all(
    text('reference', 100),
    text('company', 200),
    text('companyName', 500),
    oneOf('jurisdiction', JURISDICTIONS),
    text('language', 20),
    oneOf('right', RIGHTS),
    oneOf('channel', CHANNELS),
    text('recipient'),
    text('subject'),
    text('body', LONG_TEXT),
    day,
    text('country', 10, true),
    evidence,
    text('name', 500, true),
  ),
  'letters/set-status': all(text('reference', 100), oneOf('status', STATUSES)),
};

/** Messages come from our own pages, but a message is still data: check its envelope before dispatching. */
export function isMessage(value: unknown): value is Message {
  if (!value || typeof value !== 'object') return false;
  const { type, payload } = value as { type?: unknown; payload?: unknown };
  return (
    typeof type === 'string' &&
    Object.hasOwn(PAYLOADS, type) &&
    typeof payload === 'object' &&
    payload !== null &&
    !Array.isArray(payload)
  );
}

/** What is wrong with a message's payload, or null when it is valid. */
export function payloadProblem(message: Message): string | null {
  return PAYLOADS[message.type](message.payload as Fields);
}

/**
 * Dispatches a message to its handler. Unknown messages get no answer (undefined), as the runtime expects; a known
 * message with an invalid payload is refused with the reason, and no handler sees it.
 */
export function dispatch(
  handlers: Handlers,
  message: unknown,
  sender: Sender = { fromPage: false },
): Promise<unknown> | undefined {
  if (!isMessage(message)) return undefined;
  // A page's content script asking for anything else (clear the history, say) gets no answer, as an unknown message.
  if (sender.fromPage !== PAGE_MESSAGES.has(message.type)) return undefined;
  const problem = payloadProblem(message);
  if (problem) return Promise.reject(new Error(`Disclosed: refused ${message.type}: ${problem}`));
  const handler = handlers[message.type] as (payload: unknown, sender: Sender) => Promise<unknown>;
  return handler(message.payload, sender);
}

/** Sends a typed message; `send` is `browser.runtime.sendMessage` in the extension. */
export function request<T extends MessageType>(
  send: (message: Message<T>) => Promise<unknown>,
  type: T,
  payload: MessageMap[T]['request'],
): Promise<MessageMap[T]['response']> {
  return send({ type, payload }) as Promise<MessageMap[T]['response']>;
}
