import { Dexie } from 'dexie';
import { type ConsentFlow, type ConsentMoment, consentFlow } from '../consent/flows.ts';
import { type ConsentSummary, countConsent, emptySummary } from '../consent/summary.ts';
import type { ConsentStamp } from '../consent/types.ts';
import type { DisclosedDb } from './db.ts';
import type { SharingEvent } from './events.ts';

/**
 * The consent summary of what one site sent one company (lib/consent/summary.ts), from the events kept: read through
 * the events' (site, company) index one event at a time, so a busy pair's events are never all in memory at once.
 */
export async function siteCompanyConsent(db: DisclosedDb, site: string, company: string): Promise<ConsentSummary> {
  const summary = emptySummary();
  await db.events
    .where('[site+company]')
    .equals([site, company])
    .each((e) => countConsent(summary, e));
  return summary;
}

/** How strongly each moment speaks against the company: a refusal or withdrawal outranks an unanswered banner. */
const MOMENT_WEIGHT: Record<ConsentMoment, number> = {
  'after-refusal': 0,
  'after-withdrawal': 0,
  'after-partial': 1,
  'before-answer': 2,
};

/**
 * Which of two flows a screen shows for a company: one that carried a cookie or identifier (the ePrivacy evidence)
 * first, then the stronger moment, then the earlier (before an answer, the widest gap).
 */
export function moreTelling(a: ConsentFlow, b: ConsentFlow): number {
  return (
    Number(b.device) - Number(a.device) || MOMENT_WEIGHT[a.moment] - MOMENT_WEIGHT[b.moment] || a.sentAt - b.sentAt
  );
}

/** A company's consent evidence on one page load: the flow to show, how many there were, and their moments. */
export interface CompanyConsent {
  flow: ConsentFlow;
  count: number;
  moments: ConsentMoment[];
}

/**
 * What the popup says about consent on a page load, gathered while its events are read once (one `consentFlow` per
 * event, no other read): each company's evidence, and the page's latest consent stamp.
 */
export class PageConsent {
  readonly companies = new Map<string, CompanyConsent>();
  /** The stamp of the latest request sent that carried one, and that request's send time. */
  private latest: { stamp: ConsentStamp; at: number } | undefined;

  add(e: SharingEvent): void {
    if (!e.consentAt) return;
    const at = Number.isFinite(e.sentAt) ? (e.sentAt as number) : e.time;
    if (!this.latest || at >= this.latest.at) this.latest = { stamp: e.consentAt, at };
    const flow = consentFlow(e);
    if (!flow) return;
    const known = this.companies.get(e.company);
    if (!known) {
      this.companies.set(e.company, { flow, count: 1, moments: [flow.moment] });
      return;
    }
    known.count++;
    if (!known.moments.includes(flow.moment)) known.moments.push(flow.moment);
    if (moreTelling(flow, known.flow) < 0) known.flow = flow;
  }

  /** The page's consent state as last read; undefined when no request carried a stamp (then nothing is claimed). */
  get state(): ConsentStamp | undefined {
    return this.latest?.stamp;
  }
}

/** Flows listed on a site's or a company's page, newest first, at most `limit` of them, and how many were left out. */
export interface ConsentFlowList {
  rows: ConsentFlow[];
  more: number;
  /** Events that carried a consent stamp at all: with none, no sentence about consent is said either way. */
  stamped: number;
}

/** The most recent consent flows shown on a page: the rest are counted. */
export const CONSENT_ROWS = 50;

async function listFlows(
  each: (visit: (e: SharingEvent) => void) => Promise<unknown>,
  limit: number,
): Promise<ConsentFlowList> {
  let rows: ConsentFlow[] = [];
  let total = 0;
  let stamped = 0;
  const newestFirst = (a: ConsentFlow, b: ConsentFlow) => b.sentAt - a.sentAt;
  await each((e) => {
    if (!e.consentAt) return;
    stamped++;
    const flow = consentFlow(e);
    if (!flow) return;
    total++;
    rows.push(flow);
    // Trimmed now and then, so a site with many flows never holds more than twice the rows shown.
    if (rows.length >= limit * 2) rows = rows.sort(newestFirst).slice(0, limit);
  });
  rows = rows.sort(newestFirst).slice(0, limit);
  return { rows, more: total - rows.length, stamped };
}

/** A site's consent flows, to every company, through the events' (site, company) index. */
export function siteConsentFlows(db: DisclosedDb, site: string, limit = CONSENT_ROWS): Promise<ConsentFlowList> {
  return listFlows(
    (visit) => db.events.where('[site+company]').between([site, Dexie.minKey], [site, Dexie.maxKey]).each(visit),
    limit,
  );
}

/** A company's consent flows, from every site, through the events' company index. */
export function companyConsentFlows(db: DisclosedDb, company: string, limit = CONSENT_ROWS): Promise<ConsentFlowList> {
  return listFlows((visit) => db.events.where('company').equals(company).each(visit), limit);
}
