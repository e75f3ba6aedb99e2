import { gunzipSync } from 'node:zlib';
import type { DataKind } from '../lib/disclose/kinds.ts';

/** One recorded request of the SDK corpus, with the kinds established by hand from its payload. */
export interface SdkRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  /** The body's bytes, base64 ('' for none). */
  body: string;
  /** Each kind the request carried, with why (where in the payload it is). */
  expected: Partial<Record<DataKind, string>>;
}

export interface SdkFixture {
  sdk: string;
  packages: string[];
  pageUrl: string;
  requests: SdkRequest[];
}

export interface Label {
  url: RegExp;
  method?: string;
  expected: Partial<Record<DataKind, string>>;
}

export const REFERER = 'Referer header: https://shop.example/, the site the person is on (not the page)';
const ID = (where: string) => `identifier: ${where}`;
const EMAIL = 'jane.doe@example.com';

/**
 * The kinds each SDK's requests carried, read by hand from the recorded payloads (first label whose address
 * matches). Every request also carried a Referer naming the shop, its origin only (added as site-address). Device
 * details count only in the payload: the User-Agent header goes with every request, from any site.
 */
export const LABELS: Record<string, Label[]> = {
  sentry: [
    {
      url: /envelope/,
      expected: {
        identifier: ID('user.id user-4711, plus trace and span ids'),
        email: `user.email ${EMAIL}`,
        device: 'User-Agent inside the payload (request.headers, user_agent.original)',
      },
    },
  ],
  posthog: [
    {
      url: /\/flags\//,
      expected: {
        identifier: ID('distinct_id user-4711, $device_id'),
        email: `person_properties.email ${EMAIL} (gzip body)`,
        device: 'timezone Europe/Berlin',
      },
    },
    {
      url: /\/e\/$/,
      expected: {
        identifier: ID('distinct_id user-4711, $device_id, $session_id'),
        'full-address': '$current_url, the page with its query',
        'page-address': '$pathname: the page path',
        device: '$screen_width/$screen_height, $viewport_*, $browser_language, $timezone, $raw_user_agent',
        event: 'event $identify / $pageview and purchase',
      },
    },
    { url: /\/config/, expected: {} },
  ],
  mixpanel: [
    {
      url: /\/track\//,
      expected: {
        identifier: ID('distinct_id user-4711, $device_id'),
        'full-address': '$current_url, the page with its query',
        'page-address': 'current_url_path of the purchase: the page path',
        device: '$screen_width / $screen_height 1280×720, $os, $browser',
        event: 'event: $mp_web_page_view and Purchase',
      },
    },
    {
      url: /\/engage\//,
      expected: {
        identifier: ID('$distinct_id user-4711, $device_id'),
        email: `$set.$email ${EMAIL}`,
        device: '$os Linux, $browser Chrome',
      },
    },
  ],
  amplitude: [
    { url: /sr-client-cfg/, expected: {} },
    {
      url: /httpapi/,
      expected: {
        identifier: ID('user_id user-4711, device_id'),
        email: `user_properties.$set.email ${EMAIL}`,
        device: 'language en-GB, user_agent, platform Web',
        event: 'event_type: Page Viewed, revenue_amount, Purchase',
        'page-address': 'event_properties.page: the page path',
      },
    },
  ],
  segment: [
    {
      url: /\/v1\/i$/,
      expected: {
        identifier: ID('userId user-4711, anonymousId'),
        email: `traits.email ${EMAIL}`,
        'full-address': 'context.page.url, the page with its query',
        'page-address': 'context.page.path',
        'page-title': 'context.page.title',
        device: 'context.userAgent, locale en-GB, timezone Europe/Berlin',
      },
    },
    {
      url: /\/v1\/[pt]$/,
      expected: {
        identifier: ID('userId user-4711, anonymousId'),
        'full-address': 'context.page.url, the page with its query',
        'page-address': 'context.page.path',
        'page-title': 'context.page.title',
        device: 'context.userAgent, locale en-GB, timezone Europe/Berlin',
        event: 'type page (a page view) / event Order Completed',
      },
    },
  ],
  customerio: [
    {
      url: /\/v1\/i$/,
      expected: {
        identifier: ID('userId user-4711, anonymousId'),
        email: `traits.email ${EMAIL}`,
        'full-address': 'context.page.url, the page with its query',
        'page-address': 'context.page.path',
        'page-title': 'context.page.title',
        device: 'context.userAgent, locale en-GB',
      },
    },
    {
      url: /\/v1\/[pt]$/,
      expected: {
        identifier: ID('userId user-4711, anonymousId'),
        'full-address': 'context.page.url, the page with its query',
        'page-address': 'context.page.path',
        'page-title': 'context.page.title',
        device: 'context.userAgent, locale en-GB',
        event: 'type page (a page view) / event Order Completed',
      },
    },
  ],
  launchdarkly: [
    {
      url: /\/sdk\/evalx\//,
      expected: {
        identifier: ID('context key user-4711, in the base64url JSON of the path'),
        email: `context email ${EMAIL}, in the base64url JSON of the path`,
      },
    },
    {
      url: /\/events\/bulk\//,
      expected: {
        identifier: ID('context.key user-4711'),
        email: `context.email ${EMAIL}`,
        'full-address': 'url of each custom event, the page with its query',
        event: 'custom events page-view and purchase',
      },
    },
  ],
  growthbook: [{ url: /\/api\/features\//, expected: {} }],
  'datadog-rum': [
    {
      url: /\/api\/v2\/rum/,
      expected: {
        identifier: ID('usr.id user-4711, session.id, usr.anonymous_id'),
        email: `usr.email ${EMAIL}`,
        'full-address': 'view.url, the page with its query',
        device: 'display.viewport 1280×720',
        event: 'a view event (the page view) and the custom action purchase',
      },
    },
  ],
  'datadog-logs': [
    {
      url: /\/api\/v2\/logs/,
      expected: {
        identifier: ID('usr.id user-4711, session_id'),
        email: `usr.email ${EMAIL}`,
        'full-address': 'view.url, the page with its query',
        'page-address': 'page: the page path, in the page-view log',
        event: 'log messages "page view" and "purchase"',
      },
    },
  ],
  bugsnag: [
    {
      url: /sessions\.bugsnag/,
      expected: {
        identifier: ID('user.id user-4711, device.id'),
        email: `user.email ${EMAIL}`,
        device: 'device.userAgent, locale en-GB, orientation',
      },
    },
    {
      url: /notify\.bugsnag/,
      expected: {
        identifier: ID('user.id user-4711, device.id'),
        email: `user.email ${EMAIL}`,
        device: 'device.userAgent, locale en-GB',
        'full-address': 'request.url, the page with its query',
        'page-address': 'context: the page path',
        event: 'breadcrumb "purchase"',
      },
    },
  ],
  statsig: [
    {
      url: /\/v1\/initialize/,
      expected: {
        identifier: ID('user.userID user-4711, stableID (reversed base64 JSON body)'),
        email: `user.email ${EMAIL} (reversed base64 JSON body)`,
      },
    },
    {
      url: /\/v1\/rgstr/,
      expected: {
        identifier: ID('user.userID user-4711, stableID'),
        email: `user.email ${EMAIL} (gzip body)`,
        'page-address': 'statsigMetadata.currentPage: the page without its query',
        event: 'eventName page_view and purchase',
      },
    },
  ],
  plausible: [
    {
      url: /\/api\/event/,
      expected: {
        'full-address': 'u: the page with its query',
        event: 'n: pageview / Purchase',
        device: 'w: the window width 1280',
      },
    },
  ],
  optimizely: [
    {
      url: /\/v1\/events/,
      expected: {
        identifier: ID('visitor_id user-4711'),
        email: `attributes[key=email].value ${EMAIL}`,
        event: 'events page_view and purchase',
      },
    },
  ],
  braze: [
    {
      url: /\/api\/v3\/data/,
      expected: {
        identifier: ID('user_id user-4711, device_id'),
        device: 'device.user_agent, locale, time_zone Europe/Berlin',
      },
    },
  ],
  newrelic: [
    {
      url: /nr-data\.net\/1\//,
      expected: {
        'page-address': 'ref: the page address without its query',
        identifier: ID('ja["enduser.id"] user-4711, s (session)'),
        email: `ja.email ${EMAIL}`,
      },
    },
  ],
  rrweb: [
    {
      url: /\/v1\/recording/,
      expected: {
        'session-recording': 'rrweb events: a DOM snapshot, mouse moves, input (gzip body)',
        identifier: ID('user_id user-4711, session_id'),
        'full-address': 'meta event href, the page with its query',
        'page-title': 'the title element in the DOM snapshot',
        device: 'meta event width/height 1280×720',
      },
    },
  ],
};

/** Requests to one endpoint that differ in what they hold (Braze's three, Sentry's envelopes): read by body. */
export function refine(sdk: string, body: string, expected: Partial<Record<DataKind, string>>) {
  const out = { ...expected };
  // PostHog: only the batch with $identify sets the email ($set.email).
  if (sdk === 'posthog' && body.includes('"$identify"') && body.includes(EMAIL)) out.email = `$set.email ${EMAIL}`;
  if (sdk === 'posthog' && body.includes('"$pageview"')) out['page-title'] = 'properties.title of the $pageview';
  // PostHog's flags request names the page the person arrived on (the page itself here).
  if (sdk === 'posthog' && body.includes('"$initial_current_url"')) {
    out['full-address'] = 'person_properties.$initial_current_url, the page with its query';
    out['page-address'] = 'person_properties.$initial_pathname: the page path';
  }
  // Sentry: only the error's envelope holds the breadcrumb that says a purchase was made, and the transaction named
  // by its path; the error's and the logs' envelopes hold the page's address, the spans' envelope none.
  if (sdk === 'sentry' && body.includes('"message":"purchase"')) out.event = 'breadcrumb message "purchase"';
  if (sdk === 'sentry' && body.includes('sentry.html?order='))
    out['full-address'] = 'request.url / url.full: the page with its query';
  if (sdk === 'sentry' && body.includes('"transaction":"/sentry.html"'))
    out['page-address'] = 'transaction: the page path';
  if (sdk === 'braze') {
    if (body.includes(EMAIL)) out.email = `attributes.email ${EMAIL}`;
    if (body.includes('"name":"ce"')) {
      out.event = 'custom event page_view (ce) and purchase (p)';
      out['page-address'] = 'event property page: the page path';
    }
  }
  return out;
}

/**
 * The hand-established kinds of one request: its SDK's first label whose address matches, refined by body, and the
 * site the Referer named. Undefined when no label covers it.
 */
export function expectedKinds(sdk: string, request: Omit<SdkRequest, 'expected'>, site: string) {
  const found = (LABELS[sdk] ?? []).find((l) => l.url.test(request.url) && (!l.method || l.method === request.method));
  if (!found) return undefined;
  const bytes = Buffer.from(request.body, 'base64');
  const text = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes).toString() : bytes.toString();
  const expected = refine(sdk, text, found.expected);
  if (request.headers.referer === `https://${site}/`) expected['site-address'] = REFERER;
  return expected;
}
