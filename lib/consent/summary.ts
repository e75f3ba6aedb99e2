/**
 * The consent facts of many requests, counted: per (site, company), or of any set of events. Computed on read from
 * the events, not kept in the totals: a request's page-state stamp (`consentAt`) is set again when the consent tool's
 * event arrives after the requests it precedes, and a running total would have to be taken apart and counted again.
 * Events are bounded (retention), so a summary is as old as the oldest event kept.
 */

import type { ConsentStamp, ConsentState, RequestConsent } from './types.ts';

/** What a summary reads of an event (SharingEvent has these fields; older events lack the consent ones). */
export interface ConsentFacts {
  site: string;
  company: string;
  consent?: RequestConsent;
  consentAt?: ConsentStamp;
}

export const CONSENT_STATES: readonly ConsentState[] = [
  'no-banner',
  'not-answered',
  'accepted',
  'refused',
  'partial',
  'withdrawn',
  'unknown',
];

export interface ConsentSummary {
  requests: number;
  /** Requests by the page's consent state when they were sent; an event with no stamp counts as `unknown`. */
  byState: Record<ConsentState, number>;
  /**
   * Whether the request's own TC string gave this company's TCF vendor consent: `yes`, `no`, or `unknown` (no TC
   * string, or a company with no known vendor id).
   */
  vendorConsent: { yes: number; no: number; unknown: number };
  /** Requests sent with Global Privacy Control on. */
  gpc: number;
}

export function emptySummary(): ConsentSummary {
  return {
    requests: 0,
    byState: Object.fromEntries(CONSENT_STATES.map((s) => [s, 0])) as Record<ConsentState, number>,
    vendorConsent: { yes: 0, no: 0, unknown: 0 },
    gpc: 0,
  };
}

/** Adds one event's facts to a summary. */
export function countConsent(summary: ConsentSummary, event: Omit<ConsentFacts, 'site' | 'company'>): void {
  summary.requests++;
  const state = event.consentAt?.state;
  summary.byState[state && Object.hasOwn(summary.byState, state) ? state : 'unknown']++;
  const vendor = event.consent?.tcf?.vendorConsent;
  if (vendor === true) summary.vendorConsent.yes++;
  else if (vendor === false) summary.vendorConsent.no++;
  else summary.vendorConsent.unknown++;
  if (event.consent?.gpc) summary.gpc++;
}

/** The summary of a set of events (one site and company's, say). */
export function consentSummary(events: Iterable<Omit<ConsentFacts, 'site' | 'company'>>): ConsentSummary {
  const summary = emptySummary();
  for (const e of events) countConsent(summary, e);
  return summary;
}

/** The key of a (site, company) pair in `consentSummaries`: a tab cannot occur in either (see lib/export/format.ts). */
export const pairKey = (site: string, company: string) => `${site}\t${company}`;

/** One summary per (site, company) pair the events hold, keyed by `pairKey`. */
export function consentSummaries(events: Iterable<ConsentFacts>): Map<string, ConsentSummary> {
  const out = new Map<string, ConsentSummary>();
  for (const e of events) {
    const key = pairKey(e.site, e.company);
    let summary = out.get(key);
    if (!summary) {
      summary = emptySummary();
      out.set(key, summary);
    }
    countConsent(summary, e);
  }
  return out;
}
