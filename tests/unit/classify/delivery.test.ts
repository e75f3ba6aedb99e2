import { describe, expect, it } from 'vitest';
import { type DeliveryFacts, deliveryOf, type FinishDetails } from '../../../lib/classify/delivery.ts';
import { normalizeRequest } from '../../../lib/classify/request-details.ts';

const received = (reason: DeliveryFacts['reason']): DeliveryFacts => ({ delivery: 'received', reason });
const notReceived = (reason: DeliveryFacts['reason']): DeliveryFacts => ({ delivery: 'not-received', reason });
const uncertain = (reason: DeliveryFacts['reason']): DeliveryFacts => ({ delivery: 'uncertain', reason });

describe('whether a finished request reached its server', () => {
  it.each<[string, FinishDetails, DeliveryFacts]>([
    ['completed from the network', { outcome: 'completed', fromCache: false }, received('response')],
    ['completed, no cache flag (Firefox leaves it out at times)', { outcome: 'completed' }, received('response')],
    // The server's own 3xx is a response: the hop reached it (Traffic records it as completed).
    ['a redirect the server sent', { outcome: 'completed', fromCache: false }, received('response')],
    // Chromium reports a pure cache hit and a 304 revalidation alike: fromCache, status 200.
    ['served from the HTTP cache, or revalidated there', { outcome: 'completed', fromCache: true }, uncertain('cache')],
    [
      "redirected by another extension to data: (or SmartBlock's moz-extension: shim)",
      { outcome: 'error', redirectedAway: true, error: 'redirected inside the browser' },
      notReceived('redirected-away'),
    ],
  ])('%s', (_, details, expected) => {
    expect(deliveryOf(details)).toEqual(expected);
  });

  it.each<[string, DeliveryFacts]>([
    ['net::ERR_BLOCKED_BY_CLIENT', notReceived('blocked-by-extension')],
    ['net::ERR_BLOCKED_BY_ADMINISTRATOR', notReceived('blocked-by-extension')],
    ['NS_ERROR_TRACKING_URI', notReceived('tracking-protection')],
    ['NS_ERROR_SOCIALTRACKING_URI', notReceived('tracking-protection')],
    ['NS_ERROR_EMAILTRACKING_URI', notReceived('tracking-protection')],
    ['NS_ERROR_FINGERPRINTING_URI', notReceived('tracking-protection')],
    ['NS_ERROR_CRYPTOMINING_URI', notReceived('tracking-protection')],
    ['net::ERR_NAME_NOT_RESOLVED', notReceived('no-connection')],
    ['net::ERR_CONNECTION_REFUSED', notReceived('no-connection')],
    ['net::ERR_INTERNET_DISCONNECTED', notReceived('no-connection')],
    ['net::ERR_SSL_PROTOCOL_ERROR', notReceived('no-connection')],
    ['net::ERR_CERT_AUTHORITY_INVALID', notReceived('no-connection')],
    ['NS_ERROR_UNKNOWN_HOST', notReceived('no-connection')],
    ['NS_ERROR_CONNECTION_REFUSED', notReceived('no-connection')],
    ['SEC_ERROR_UNKNOWN_ISSUER', notReceived('no-connection')],
    // Seen: the server answered 302 to a data: address, and Chromium refused to follow it.
    ['net::ERR_UNSAFE_REDIRECT', received('error-after-response')],
    ['net::ERR_BLOCKED_BY_ORB', received('error-after-response')],
    ['net::ERR_BLOCKED_BY_RESPONSE', received('error-after-response')],
    ['net::ERR_CONTENT_DECODING_FAILED', received('error-after-response')],
    ['net::ERR_TOO_MANY_REDIRECTS', received('error-after-response')],
    ['NS_ERROR_CORRUPTED_CONTENT', received('error-after-response')],
    // Seen: the server logged the request (twice: Chromium retried) and hung up.
    ['net::ERR_EMPTY_RESPONSE', uncertain('no-response')],
    ['net::ERR_CONNECTION_RESET', uncertain('no-response')],
    ['net::ERR_TIMED_OUT', uncertain('no-response')],
    ['NS_ERROR_NET_TIMEOUT', uncertain('no-response')],
    ['net::ERR_ABORTED', uncertain('aborted')],
    ['net::ERR_FAILED', uncertain('aborted')],
    ['NS_BINDING_ABORTED', uncertain('aborted')],
    // What this table does not know is never claimed either way.
    ['net::ERR_SOMETHING_NEW', uncertain('unknown-error')],
    ['', uncertain('unknown-error')],
    ['ERR_BLOCKED_BY_CLIENT_AND_MORE', uncertain('unknown-error')],
  ])('an error %j', (error, expected) => {
    expect(deliveryOf({ outcome: 'error', error })).toEqual(expected);
  });

  it('reads the cache flag the browser gives the finished request', () => {
    const details = { requestId: '1', url: 'https://px.example/p.gif', fromCache: true };
    expect(deliveryOf(normalizeRequest(details, 'completed'))).toEqual(uncertain('cache'));
    expect(deliveryOf(normalizeRequest({ ...details, fromCache: false }, 'completed'))).toEqual(received('response'));
  });
});
