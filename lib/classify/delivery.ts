/**
 * Whether a finished request reached the company's server: the fact every "received" the extension says rests on.
 *
 * Not the webRequest event's name: in Chromium 156 a request served from the HTTP cache still fires
 * `onSendHeaders` and `onHeadersReceived` (with the cached 200), and a 304 revalidation, which did reach the server,
 * looks exactly the same (`fromCache: true`, status 200). What decides it, as observed there and in Firefox's
 * documentation of its tracking protection:
 * - `received`: a response from the server arrived — a completed request not served from the cache, a redirect the
 *   server sent, or an error the browser raised about a response it had (an unsafe redirect, ORB, a broken body);
 * - `not-received`: the request was stopped before it was sent — blocked by another extension or the browser's
 *   tracking protection, no connection (name, refused, TLS, offline), or redirected away from the web;
 * - `uncertain`: it may have reached the server — served from the cache (perhaps after a revalidation), cut off
 *   after it was sent (no answer, reset, timeout), aborted, or an error this table does not know.
 */
export const DELIVERIES = ['received', 'not-received', 'uncertain'] as const;
export type Delivery = (typeof DELIVERIES)[number];

/** Why, in one word a screen or an export can translate. */
export const DELIVERY_REASONS = [
  'response',
  'error-after-response',
  'blocked-by-extension',
  'tracking-protection',
  'no-connection',
  'redirected-away',
  'cache',
  'no-response',
  'aborted',
  'unknown-error',
] as const;
export type DeliveryReason = (typeof DELIVERY_REASONS)[number];

export interface DeliveryFacts {
  delivery: Delivery;
  reason: DeliveryReason;
}

/** What the browser said about how the request ended. */
export interface FinishDetails {
  /** `completed` (onCompleted, or a redirect the server sent) or `error` (onErrorOccurred). */
  outcome: 'completed' | 'error';
  fromCache?: boolean;
  error?: string;
  /** Redirected inside the browser to a non-web address (`data:`, an extension's page): nothing was sent. */
  redirectedAway?: boolean;
}

/**
 * Error strings, Chrome's (`net::ERR_…`) and Firefox's (`NS_…`), by what they tell. Matched on the name without its
 * prefix; anything else is `uncertain`.
 */
const ERRORS: [RegExp, DeliveryFacts][] = [
  // Another extension (declarativeNetRequest, a blocking listener) or an enterprise policy stopped it.
  [
    /^(ERR_BLOCKED_BY_CLIENT|ERR_BLOCKED_BY_ADMINISTRATOR)$/,
    { delivery: 'not-received', reason: 'blocked-by-extension' },
  ],
  // Firefox's Enhanced Tracking Protection: NS_ERROR_TRACKING_URI and its siblings never reach the network.
  [
    /^NS_ERROR_[A-Z]*TRACKING_URI$|^NS_ERROR_(FINGERPRINTING|CRYPTOMINING)_URI$/,
    { delivery: 'not-received', reason: 'tracking-protection' },
  ],
  // No connection was made, so no request was written: DNS, refusal, unreachable, TLS or certificate failures.
  [
    /^(ERR_NAME_NOT_RESOLVED|ERR_NAME_RESOLUTION_FAILED|ERR_CONNECTION_REFUSED|ERR_CONNECTION_FAILED|ERR_ADDRESS_UNREACHABLE|ERR_ADDRESS_INVALID|ERR_INTERNET_DISCONNECTED|ERR_NETWORK_CHANGED|ERR_PROXY_CONNECTION_FAILED|ERR_TUNNEL_CONNECTION_FAILED|ERR_UNSAFE_PORT|ERR_DISALLOWED_URL_SCHEME|ERR_SSL_[A-Z_]+|ERR_CERT_[A-Z_]+|ERR_BAD_SSL_CLIENT_AUTH_CERT|NS_ERROR_UNKNOWN_HOST|NS_ERROR_CONNECTION_REFUSED|NS_ERROR_OFFLINE|NS_ERROR_PROXY_CONNECTION_REFUSED|NS_ERROR_UNKNOWN_PROXY_HOST|NS_ERROR_PORT_ACCESS_NOT_ALLOWED|SSL_ERROR_[A-Z_]+|SEC_ERROR_[A-Z_]+|MOZILLA_PKIX_ERROR_[A-Z_]+)$/,
    { delivery: 'not-received', reason: 'no-connection' },
  ],
  // A response arrived and the browser refused or could not use it: the request itself had reached the server.
  [
    /^(ERR_UNSAFE_REDIRECT|ERR_BLOCKED_BY_ORB|ERR_BLOCKED_BY_RESPONSE|ERR_INVALID_RESPONSE|ERR_INVALID_HTTP_RESPONSE|ERR_CONTENT_DECODING_FAILED|ERR_CONTENT_LENGTH_MISMATCH|ERR_INCOMPLETE_CHUNKED_ENCODING|ERR_RESPONSE_HEADERS_TOO_BIG|ERR_TOO_MANY_REDIRECTS|ERR_INVALID_REDIRECT|ERR_HTTP2_PROTOCOL_ERROR|NS_ERROR_CORRUPTED_CONTENT|NS_ERROR_INVALID_CONTENT_ENCODING|NS_ERROR_REDIRECT_LOOP|NS_ERROR_NET_PARTIAL_TRANSFER)$/,
    { delivery: 'received', reason: 'error-after-response' },
  ],
  // Sent, then no answer: the server may well have read it (seen: ERR_EMPTY_RESPONSE after the server logged it).
  [
    /^(ERR_EMPTY_RESPONSE|ERR_CONNECTION_RESET|ERR_CONNECTION_CLOSED|ERR_CONNECTION_ABORTED|ERR_TIMED_OUT|ERR_CONNECTION_TIMED_OUT|NS_ERROR_NET_RESET|NS_ERROR_NET_TIMEOUT|NS_ERROR_NET_INTERRUPT)$/,
    { delivery: 'uncertain', reason: 'no-response' },
  ],
  // The page went away or cancelled it (or, in Firefox, an extension did): it may or may not have been sent.
  [/^(ERR_ABORTED|ERR_FAILED|NS_BINDING_ABORTED|NS_ERROR_ABORT)$/, { delivery: 'uncertain', reason: 'aborted' }],
];

/** Whether a finished request reached its server, and why we think so (see the module's comment). */
export function deliveryOf(details: FinishDetails): DeliveryFacts {
  if (details.redirectedAway) return { delivery: 'not-received', reason: 'redirected-away' };
  if (details.outcome === 'completed') {
    return details.fromCache
      ? { delivery: 'uncertain', reason: 'cache' }
      : { delivery: 'received', reason: 'response' };
  }
  const name = (details.error ?? '').trim().replace(/^net::/, '');
  for (const [pattern, facts] of ERRORS) if (pattern.test(name)) return facts;
  return { delivery: 'uncertain', reason: 'unknown-error' };
}

/**
 * Whether a stored request may be said to have reached the company: `delivery` where it was recorded; for older
 * requests, which knew only whether they completed, a completed one.
 */
export function wasReceived(e: { delivery?: Delivery; outcome: 'completed' | 'error' }): boolean {
  return e.delivery ? e.delivery === 'received' : e.outcome === 'completed';
}
