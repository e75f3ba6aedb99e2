import { Dexie } from 'dexie';
import { type ConsentFlow, type ConsentMoment, consentFlow } from '../consent/flows.ts';
import { type ConsentSummary, countConsent, emptySummary } from '../consent/summary.ts';
import type { ConsentStamp } from '../consent/types.ts';
import { type DisclosedDb, STAMPED_ONLY } from './db.ts';
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
  /** Some of its flows came before an answer whose time is not known (the banner may still be open). */
  open: boolean;
}

/** A flow before an answer not known to have come: no sentence may say "before you answered". */
export const beforeOpenBanner = (flow: ConsentFlow) => flow.moment === 'before-answer' && flow.answeredAt === undefined;

/**
 * What the popup says about consent on a page load, gathered while its events are read once (one `consentFlow` per
 * event, no other read): each company's evidence, and the page's latest consent stamp.
 */
export class PageConsent {
  readonly companies = new Map<string, CompanyConsent>();
  /**
   * The stamp of the latest request sent that carried one the consent tool could read, and that request's send time:
   * an `unknown` stamp says nothing, and never hides what an earlier request knew.
   */
  private latest: { stamp: ConsentStamp; at: number } | undefined;

  add(e: SharingEvent): void {
    if (!e.consentAt) return;
    const at = Number.isFinite(e.sentAt) ? (e.sentAt as number) : e.time;
    if (e.consentAt.state !== 'unknown' && (!this.latest || at >= this.latest.at))
      this.latest = { stamp: e.consentAt, at };
    const flow = consentFlow(e);
    if (!flow) return;
    const known = this.companies.get(e.company);
    if (!known) {
      this.companies.set(e.company, { flow, count: 1, moments: [flow.moment], open: beforeOpenBanner(flow) });
      return;
    }
    known.count++;
    if (beforeOpenBanner(flow)) known.open = true;
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
  /** Some event carried a consent stamp at all: with none, no sentence about consent is said either way. */
  stamped: boolean;
}

/** The most recent consent flows shown on a page: the rest are counted. */
export const CONSENT_ROWS = 50;

/**
 * The flows of one company or one site through its `evidenceAt` index (db.ts): the newest `limit` read backwards, the
 * rest counted over the same range, and one look at whether any event carried a stamp. Nothing else is read, whatever
 * the history's size.
 */
async function listFlows(
  db: DisclosedDb,
  index: '[company+evidenceAt]' | '[site+evidenceAt]',
  value: string,
  limit: number,
): Promise<ConsentFlowList> {
  // Above STAMPED_ONLY: the evidence, by send time.
  const range = () => db.events.where(index).between([value, STAMPED_ONLY], [value, Dexie.maxKey], false, true);
  const [events, total] = await Promise.all([range().reverse().limit(limit).toArray(), range().count()]);
  const rows = events.map(consentFlow).filter((f): f is ConsentFlow => f !== undefined);
  const stamped = total > 0 || (await db.events.where(index).equals([value, STAMPED_ONLY]).limit(1).count()) > 0;
  return { rows, more: Math.max(0, total - rows.length), stamped };
}

/** A site's consent flows, to every company. */
export function siteConsentFlows(db: DisclosedDb, site: string, limit = CONSENT_ROWS): Promise<ConsentFlowList> {
  return listFlows(db, '[site+evidenceAt]', site, limit);
}

/** A company's consent flows, from every site. */
export function companyConsentFlows(db: DisclosedDb, company: string, limit = CONSENT_ROWS): Promise<ConsentFlowList> {
  return listFlows(db, '[company+evidenceAt]', company, limit);
}
