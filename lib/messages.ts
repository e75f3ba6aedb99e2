import type { SessionState } from './classroom/session.ts';
import type { ImportReport } from './export/import.ts';
import type { Settings } from './settings.ts';
import type { ForgetReport } from './storage/forget.ts';

/** What the background reports about itself: shown in the popup and the About section. */
export interface BackgroundStatus {
  /** Milliseconds from the worker's start until its script began to evaluate (the browser's share of a cold start). */
  scriptStartMs: number;
  /** … until the modules were evaluated and the background's main function began. */
  mainStartMs: number;
  /** Milliseconds from the worker's start until its listeners were registered. */
  listenersReadyMs: number;
  /** Milliseconds from the worker's start until the tracker index was loaded; null until the first request needs it. */
  indexReadyMs: number | null;
  /** The last storage error (a full disk, say), or null. Events stay queued while it persists. */
  storageError: string | null;
  pendingEvents: number;
  /** Longest recent time from observing an event to its commit: the most a sudden stop of the worker can lose. */
  exposureMs: number;
  medianExposureMs: number;
  /** Sizes of the last 20 batches written. */
  batchSizes: number[];
  /** Exposure of each of the last 20 batches. */
  recentExposuresMs: number[];
}

/** The one protocol between the extension's pages and its background: each request with its response type. */
export interface MessageMap {
  'settings/update': { request: Partial<Settings>; response: Settings };
  'background/status': { request: Record<string, never>; response: BackgroundStatus };
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
}

export type MessageType = keyof MessageMap;
export type Message<T extends MessageType = MessageType> = { type: T; payload: MessageMap[T]['request'] };
export type Handlers = {
  [T in MessageType]: (payload: MessageMap[T]['request']) => Promise<MessageMap[T]['response']>;
};

const TYPES: readonly MessageType[] = [
  'settings/update',
  'background/status',
  'data/forget-site',
  'data/import',
  'data/clear',
  'classroom/start',
  'classroom/pause',
  'classroom/reset',
  'classroom/end',
];

/** Messages come from our own pages, but a message is still data: check its shape before dispatching. */
export function isMessage(value: unknown): value is Message {
  if (!value || typeof value !== 'object') return false;
  const { type, payload } = value as { type?: unknown; payload?: unknown };
  return TYPES.includes(type as MessageType) && typeof payload === 'object' && payload !== null;
}

/** Dispatches a message to its handler; unknown messages get no answer (undefined), as the runtime expects. */
export function dispatch(handlers: Handlers, message: unknown): Promise<unknown> | undefined {
  if (!isMessage(message)) return undefined;
  const handler = handlers[message.type] as (payload: unknown) => Promise<unknown>;
  return handler(message.payload);
}

/** Sends a typed message; `send` is `browser.runtime.sendMessage` in the extension. */
export function request<T extends MessageType>(
  send: (message: Message<T>) => Promise<unknown>,
  type: T,
  payload: MessageMap[T]['request'],
): Promise<MessageMap[T]['response']> {
  return send({ type, payload }) as Promise<MessageMap[T]['response']>;
}
