/**
 * Which requests are consent evidence: data that reached a company while the person had not answered the page's
 * cookie banner, or after they refused it (all, some purposes, or by withdrawing an earlier yes). The one rule the
 * popup, the site and company pages, the letters and the complaint all read, so they never disagree.
 *
 * A request counts only when it is known to have arrived (`delivery: received`: blocked, failed and cached requests
 * are not deliveries), when it is not the consent tool's own (a CMP must load before anyone can answer it), and when
 * its own signals do not say it was allowed (a TC string giving this vendor consent, Google Consent Mode granted). After a partial answer only a request whose own string
 * refused this vendor counts: the purposes the person accepted may be the ones it relies on.
 */

import type { Delivery } from '../classify/delivery.ts';
import type { DataKind } from '../disclose/kinds.ts';
import { namedIdentifier } from '../disclose/rules.ts';
import type { ConsentStamp, RequestConsent } from './types.ts';

export type ConsentMoment = 'before-answer' | 'after-refusal' | 'after-partial' | 'after-withdrawal';

/** What the rule reads of an event (SharingEvent has every field). */
export interface ConsentFlowFacts {
  time: number;
  sentAt?: number;
  site: string;
  company: string;
  category: string;
  host: string;
  page: string;
  delivery?: Delivery;
  kinds: DataKind[];
  /** What carried each kind: the name tells a kept id (`cid`) from a value that only looks random. */
  findings?: readonly { kind: DataKind; name: string }[];
  consent?: RequestConsent;
  consentAt?: ConsentStamp;
}

export interface ConsentFlow {
  moment: ConsentMoment;
  /** When the request was sent (its finishing time when the send was not seen), ms since the epoch. */
  sentAt: number;
  /**
   * The answer's time: for `before-answer`, when the person answered (absent while the banner is still open); for
   * the others, when they refused, answered in part or withdrew.
   */
  answeredAt?: number;
  /** Whole seconds between the request and the answer, never negative; absent when the answer is not known. */
  seconds?: number;
  /**
   * It carried something read from the device: its cookies, or an id under a name that says it is one (`cid`,
   * `_fbp`, `user_id`). A value that only looks random (a request id, a nonce) is not taken for one.
   */
  device: boolean;
  kinds: DataKind[];
  site: string;
  company: string;
  category: string;
  host: string;
  page: string;
  cmp?: string;
}

/** The consent tool's own category in TrackerDB: its requests never count (it has to run to ask). */
const CMP_CATEGORY = 'consent';

/**
 * Consent tools whose hosts TrackerDB files under another category (Google's Funding Choices under AdSense, Quantcast
 * Choice under Quantcast's advertising): their requests are the banner's own and never count either. Each name is
 * matched with its subdomains. From the CMPs' own documentation of where their scripts load from.
 */
const CMP_HOSTS = [
  'fundingchoicesmessages.google.com',
  'consensu.org',
  'cmp.quantcast.com',
  'cmp.inmobi.com',
  'privacy-mgmt.com',
  'sp-prod.net',
  'privacy-center.org',
  'consentmanager.net',
  'usercentrics.eu',
  'cookiebot.com',
  'cookielaw.org',
  'onetrust.com',
  'trustarc.com',
  'iubenda.com',
  'osano.com',
  'didomi.io',
];

/** Whether a host is one of a consent tool's own (CMP_HOSTS, or a subdomain of one). */
export function isConsentToolHost(host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  return CMP_HOSTS.some((h) => name === h || name.endsWith(`.${h}`));
}

/**
 * The request's own signals say it was allowed: its TC string gave this company's vendor consent, or Google Consent
 * Mode says a storage it covers was granted. Then the page's state, as read, and the request disagree, and nothing is
 * claimed.
 */
function requestSaysAllowed(consent: RequestConsent | undefined): boolean {
  if (consent?.tcf?.vendorConsent === true) return true;
  const mode = consent?.googleConsentMode;
  return mode?.adStorage === 'granted' || mode?.analyticsStorage === 'granted';
}

const MOMENT_OF: Partial<Record<ConsentStamp['state'], ConsentMoment>> = {
  'not-answered': 'before-answer',
  refused: 'after-refusal',
  partial: 'after-partial',
  withdrawn: 'after-withdrawal',
};

/** The request as consent evidence, or undefined when it is none. */
export function consentFlow(e: ConsentFlowFacts): ConsentFlow | undefined {
  const stamp = e.consentAt;
  const moment = stamp && MOMENT_OF[stamp.state];
  if (!moment || e.delivery !== 'received' || e.category === CMP_CATEGORY || isConsentToolHost(e.host))
    return undefined;
  if (requestSaysAllowed(e.consent)) return undefined;
  if (moment === 'after-partial' && e.consent?.tcf?.vendorConsent !== false) return undefined;
  const sentAt = Number.isFinite(e.sentAt) ? (e.sentAt as number) : e.time;
  const answeredAt = moment === 'before-answer' ? stamp.answeredAt : stamp.since;
  const gap =
    answeredAt === undefined || !Number.isFinite(answeredAt)
      ? undefined
      : moment === 'before-answer'
        ? answeredAt - sentAt
        : sentAt - answeredAt;
  // A request sent after the answer cannot have been sent before it: a stamp that says so is not trusted.
  if (gap !== undefined && gap < 0) return undefined;
  return {
    moment,
    sentAt,
    ...(answeredAt !== undefined && Number.isFinite(answeredAt) ? { answeredAt } : {}),
    ...(gap !== undefined ? { seconds: Math.floor(gap / 1000) } : {}),
    device: readFromDevice(e),
    kinds: e.kinds,
    site: e.site,
    company: e.company,
    category: e.category,
    host: e.host,
    page: e.page,
    ...(stamp.cmp ? { cmp: stamp.cmp } : {}),
  };
}

function readFromDevice(e: ConsentFlowFacts): boolean {
  if (e.kinds.includes('cookie')) return true;
  if (!e.kinds.includes('identifier')) return false;
  return (e.findings ?? []).some((f) => f.kind === 'identifier' && namedIdentifier(f.name));
}

/** The evidence among many events, oldest first. */
export function consentFlows(events: Iterable<ConsentFlowFacts>): ConsentFlow[] {
  const out: ConsentFlow[] = [];
  for (const e of events) {
    const flow = consentFlow(e);
    if (flow) out.push(flow);
  }
  return out.sort((a, b) => a.sentAt - b.sentAt);
}

/**
 * Companies whose storing and reading on a device no national rule exempts as strictly necessary for a service the
 * person asked for: advertising, analytics and social media trackers. A CDN's, a video player's or a chat widget's
 * cookie may be necessary for what the page shows, and a letter does not say it was unlawful.
 */
const TRACKING = new Set(['advertising', 'pornvertising', 'site_analytics', 'social_media']);

/**
 * Whether one flow supports a claim of processing without consent: a request of a tracking company that read
 * something from the device. `analytics: false` leaves analytics out, for a rule that exempts some of it (PECR
 * regulation 6 as amended in 2025). A letter cites only the flows that pass.
 */
export function supportsGround(flow: Pick<ConsentFlow, 'device' | 'category'>, options: { analytics?: boolean } = {}) {
  return flow.device && trackingCategory(flow.category, options);
}

/** Whether a company's category is one whose storing and reading no rule exempts (see TRACKING). */
export function trackingCategory(category: string, options: { analytics?: boolean } = {}): boolean {
  return TRACKING.has(category) && ((options.analytics ?? true) || category !== 'site_analytics');
}

/**
 * Whether flows are enough for a letter to claim processing without consent (GDPR Art. 17(1)(d) with the national
 * ePrivacy rule): at least one of them supports it (`supportsGround`).
 */
export function supportsUnlawfulGround(flows: readonly ConsentFlow[], options: { analytics?: boolean } = {}): boolean {
  return flows.some((f) => supportsGround(f, options));
}
