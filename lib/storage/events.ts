import type { FlowKind } from '../classify/classify.ts';
import type { Delivery, DeliveryReason } from '../classify/delivery.ts';
import type { Outcome } from '../classify/request-details.ts';
import type { ConsentStamp, RequestConsent } from '../consent/types.ts';
import type { StoredFinding } from '../disclose/decode.ts';
import type { DataKind } from '../disclose/kinds.ts';

// What the recorder stores as it observes: each request, each page load, each identifier value. The running totals
// built from them are in aggregates.ts; the schema that holds both is db.ts.

/** One request that carried data from a page to a third party. Bounded by age and count (see retention.ts). */
export interface SharingEvent {
  id?: number;
  /** When the request finished, in ms since the epoch. */
  time: number;
  /**
   * When it was sent (onBeforeRequest's time), ms since the epoch: the moment its page's consent state is read at.
   * Absent on older events and when the send was not seen (a worker restart in between): then `time` stands in.
   */
  sentAt?: number;
  /** The page load it belongs to (see `PageLoad.key`), or `browser` / `site:<site>` for requests without a tab. */
  page: string;
  tabId: number;
  /** The first party: the registrable domain of the tab's top-level page. */
  site: string;
  /** Company id: an organization id, `pattern:<id>` or, for unlisted third parties, `site:<domain>`. */
  company: string;
  kind: FlowKind;
  category: string;
  /** The request's hostname and path (no query: what was in it is for the disclosure decoder, not a log). */
  host: string;
  path: string;
  /**
   * The DNS canonical name `host` was found to be an alias of, when that name is the company's and `host` is not
   * (a subdomain of the site pointing to a tracker: CNAME cloaking). Absent on every other event.
   */
  cname?: string;
  type: string;
  method: string;
  outcome: Outcome;
  error?: string;
  /**
   * Whether it reached the server, and why that is thought (classify/delivery.ts). Recorded since it could be told;
   * absent on older events, whose `outcome` is all there is.
   */
  delivery?: Delivery;
  deliveryReason?: DeliveryReason;
  /** What it carried (vocabulary order), and the parameters that carried it (at most 12). Since version 2. */
  kinds: DataKind[];
  findings: StoredFinding[];
  /** What the request's own consent signals said (consent/types.ts); absent on older events and without any. */
  consent?: RequestConsent;
  /**
   * The page's consent state when the request was sent, from its CMP (capture/page-consent.ts); absent on older
   * events and on requests of no page load. Updated when a CMP event that came before the request arrives after it.
   */
  consentAt?: ConsentStamp;
  /**
   * Derived, for the consent indexes (db.ts keeps it, never a writer): the send time when the event is consent
   * evidence, 0 when it carries a stamp and is none, absent without a stamp. Never exported.
   */
  evidenceAt?: number;
  /** Full identifier values, on their way to the `identifiers` table; never stored on the event itself. */
  identifiers?: { name: string; value: string }[];
}

/** A top-level page load in a tab: what the popup and badge count against. Holds no address, only the site. */
export interface PageLoad {
  /** `${tabId}:${startedAt}`. */
  key: string;
  tabId: number;
  site: string;
  startedAt: number;
}

/**
 * An identifier a company received, with its full value: what a deletion request cites so the company can find the
 * person ("we cannot identify you" is answered before it is asked). Personal data: it stays on this device, and
 * exports leave it out unless the user asks. Since version 2.
 */
export interface ObservedIdentifier {
  company: string;
  /** The parameter that carried it (`cid`, `data.uid`). */
  name: string;
  value: string;
  firstSeen: number;
  lastSeen: number;
  requests: number;
  /** Sites it was sent from (at most `STORED.sitesPerIdentifier`). */
  sites: string[];
}
