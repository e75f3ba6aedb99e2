/** Whether the request was actually sent and answered, or failed (blocked by another extension, network error…). */
export type Outcome = 'completed' | 'error';

/** The request body as both browsers describe it (webRequest `requestBody`). */
export interface RawBody {
  formData?: Record<string, string[]>;
  raw?: { bytes?: ArrayBuffer }[];
}

/** What the early webRequest events tell about a request, kept until it finishes. */
export interface RequestExtras {
  body?: RawBody;
  referer?: string;
  cookieNames?: string[];
  /** The request carried `Sec-GPC: 1` (Global Privacy Control). */
  gpc?: true;
  /** When it was sent (onBeforeRequest's time, ms since the epoch): the moment its page's consent state is read at. */
  sentAt?: number;
}

/**
 * The one place that knows how Chrome and Firefox describe a request. Everything after it sees `ObservedRequest`.
 * - Chrome gives `initiator`, the *origin* of the document that made the request; inside an iframe that is the
 *   frame's origin, not the tab's.
 * - Firefox gives `documentUrl`/`originUrl` (full URLs) and `frameAncestors`, whose last entry is the top-level
 *   document: the first party, even for nested frames.
 */
export interface ObservedRequest {
  requestId: string;
  url: string;
  method: string;
  type: string;
  /** -1 when the request belongs to no tab (a service worker, the browser itself). */
  tabId: number;
  /** 0 for the tab's top-level document. */
  frameId: number;
  time: number;
  /** Address or origin of the document (or worker) that made the request, when the browser gives one. */
  initiator?: string;
  /** The tab's top-level page, when the browser says so directly (never guessed from tab state here). */
  topLevelUrl?: string;
  /** Set when `topLevelUrl` is only the page's origin (Chrome names a request's initiator by its origin). */
  topLevelIsOrigin?: true;
  /** Known only on Firefox; on Chrome the tab tells. */
  incognito?: boolean;
  outcome: Outcome;
  error?: string;
  /** Served from the HTTP cache, or revalidated there: the browser does not say which (see delivery.ts). */
  fromCache?: boolean;
  /** Redirected inside the browser to a non-web address before it was sent. */
  redirectedAway?: boolean;
  /** Body, Referer and cookie names, from the request's earlier events (absent after a worker restart). */
  extras?: RequestExtras;
  /** Made by a page Chromium prerenders in the tab, not shown (yet): not the shown page's request. */
  prerendering?: true;
}

/** The union of the fields both browsers send to onCompleted / onErrorOccurred that we read. */
export interface RawRequestDetails {
  requestId: string;
  url: string;
  method?: string;
  type?: string;
  tabId?: number;
  frameId?: number;
  timeStamp?: number;
  initiator?: string;
  originUrl?: string;
  documentUrl?: string;
  frameAncestors?: { url: string; frameId: number }[];
  incognito?: boolean;
  error?: string;
  /** onCompleted and onBeforeRedirect: served from the HTTP cache (or revalidated: the browser does not say). */
  fromCache?: boolean;
  /** Set by the caller for a redirect inside the browser to a non-web address (see `Traffic.redirected`). */
  redirectedAway?: boolean;
  /** Chromium's: `prerender` while the document that made the request is being prerendered. */
  documentLifecycle?: string;
}

/** Normalises a finished request (completed or failed) from either browser. */
export function normalizeRequest(details: RawRequestDetails, outcome: Outcome, now = Date.now()): ObservedRequest {
  const frameId = details.frameId ?? 0;
  const type = details.type ?? 'other';
  // Firefox names the document; Chrome only its origin ("null" for opaque origins such as sandboxed frames).
  const initiator =
    details.documentUrl ?? details.originUrl ?? (details.initiator !== 'null' ? details.initiator : undefined);

  let topLevelUrl: string | undefined;
  let topLevelIsOrigin = false;
  if (type === 'main_frame') topLevelUrl = details.url;
  else if (details.frameAncestors?.length) topLevelUrl = details.frameAncestors.at(-1)?.url;
  else if (frameId === 0 && details.tabId !== undefined && details.tabId >= 0 && isWebUrl(initiator)) {
    // A request from the top-level document: its initiator *is* the first party, whatever the tab shows now.
    topLevelUrl = initiator;
    if (!details.documentUrl && !details.originUrl) topLevelIsOrigin = true;
  }

  const request: ObservedRequest = {
    requestId: String(details.requestId),
    url: details.url,
    method: (details.method ?? 'GET').toUpperCase(),
    type,
    tabId: details.tabId ?? -1,
    frameId,
    time: Number.isFinite(details.timeStamp) ? Math.round(details.timeStamp as number) : now,
    outcome,
  };
  if (details.fromCache) request.fromCache = true;
  if (details.redirectedAway) request.redirectedAway = true;
  if (details.documentLifecycle === 'prerender') request.prerendering = true;
  if (initiator) request.initiator = initiator;
  if (topLevelUrl) request.topLevelUrl = topLevelUrl;
  if (topLevelUrl && topLevelIsOrigin) request.topLevelIsOrigin = true;
  if (typeof details.incognito === 'boolean') request.incognito = details.incognito;
  if (outcome === 'error' && details.error) request.error = details.error;
  return request;
}

function isWebUrl(url: string | undefined): url is string {
  return !!url && /^https?:\/\//i.test(url);
}
