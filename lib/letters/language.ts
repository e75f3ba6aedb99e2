import type { ConsentMoment } from '../consent/flows.ts';
import type { DataKind } from '../disclose/kinds.ts';
import type { AnchorsOf, Law, LetterRight } from './laws.ts';

/**
 * One letter language: every sentence Disclosed writes in letters, and the citations as lawyers of that language
 * write them. A language is one file in ./languages and writes the laws it has been reviewed for; the test suite
 * fails when one lacks a key or a legal anchor. Sentences are functions of what they mention, so word order is the
 * language's own.
 */

/** What a sentence may mention about the request. */
export interface LetterFacts {
  company: string;
  reference: string;
  /** The letter's date, written out in the letter's language. */
  date: string;
}

/** What the body of a request may depend on: the grounds chosen by rule, and the evidence flags. */
export interface RequestContext {
  /** Erasure grounds chosen by rule (see compose.ts); empty for other rights. */
  grounds: readonly string[];
  /** The user's reason relating to their particular situation, as a sentence; empty when none. */
  reason: string;
  /** The company's requests carried the user's precise location (CCPA § 1798.121). */
  preciseLocation: boolean;
  /**
   * With the 'unlawful' ground: what was observed (`consent.observed`) and the ePrivacy rule of the requester's
   * country of residence, as the letter cites it (lib/letters/eprivacy.ts); `sites`: how many sites the cited
   * requests came from ("on that site" or "on those sites").
   */
  unlawful?: { observed: string; rule: string; sites: number };
  /** Under the CCPA: requests sent with Global Privacy Control on (count, sites as a list, first and last day). */
  gpc?: { requests: number; sites: string; first: string; last: string };
}

/** Where a moment is written: inside a sentence, or at the head of a timeline line. */
export type MomentStyle = 'sentence' | 'line';

/** One request that was consent evidence, as a sentence mentions it. */
export interface ConsentEventText {
  /** Its date and time with the time zone as an offset, written out ("30 November 2026 at 14:02:05 (UTC+01:00)"). */
  when: string;
  host: string;
  site: string;
  /** What it carried, as `kinds` write it, joined by `list`. */
  what: string;
  moment: ConsentMoment;
  /** Whole seconds between it and the answer; absent when the answer is not known. */
  seconds?: number;
}

/** The citations a follow-up needs, whatever the law: each law's text fills them from its own provisions. */
export interface LawRoles {
  /** "the GDPR", "der DSGVO"… as a follow-up names the law. */
  law: string;
  /** The rule on identifying the requester. */
  identify: string;
  /** That online identifiers are personal data. */
  personalData: string;
  /** That a request is free of charge. */
  free: string;
  /** The provision erasure relies on. */
  erasure: string;
  /** The exceptions to erasure a controller may name. */
  exceptions: string;
  /** The processor's duty to help the controller answer (absent where the law has none to cite). */
  processor?: string;
  /** The legal basis of a complaint, and what it asks for. */
  complaint: string;
  order?: string;
  updates?: string;
  /** The rights `free` covers, where the law makes only some requests free (revFADP Art. 25(6): access); all when absent. */
  freeRights?: LetterRight[];
  /** The law calls the recipient a business, not a controller (CCPA). */
  business?: boolean;
  /** A complaint is a report to the authority, without party status (revFADP Art. 49: an "Anzeige"). */
  report?: boolean;
  /** The sentence a reminder ends with: where the requester will escalate ("the ICO", never another law's authority). */
  escalate: string;
}

export interface RightText<A extends string> {
  subject: (f: LetterFacts) => string;
  /** The request's paragraphs, up to the identification and evidence blocks (compose.ts adds those). */
  body: (c: Record<A, string>, x: RequestContext) => string[];
}

export interface LawText<A extends string> {
  /** Every legal anchor of the law (lib/letters/laws.ts), written in this language's citation style. */
  cite: Record<A, string>;
  /** Several anchors cited in one bracket, the law named once ("Articles 77(2) and 78(2) GDPR"). */
  cites?: (ids: readonly A[]) => string;
  rights: Partial<Record<LetterRight, RightText<A>>>;
  /** The sentence a letter opens with where the law needs one (CCPA: California residency). */
  standing?: (c: Record<A, string>) => string;
  /** What the cited identifiers are, and how to ask for another (never "they are sufficient"). */
  identification: (c: Record<A, string>) => string;
  /** How the company can identify the requester when the letter quotes no identifier. */
  noIdentifier: (c: Record<A, string>) => string;
  /** Sent to the controller's representative (absent where the law has none). */
  representative?: (c: Record<A, string>) => string;
  roles: (c: Record<A, string>) => LawRoles;
}

export type ReplyKind = 'cannotIdentify' | 'idDocument' | 'webForm' | 'suppressed' | 'fee' | 'processor';
export const REPLY_KINDS: ReplyKind[] = ['cannotIdentify', 'idDocument', 'webForm', 'suppressed', 'fee', 'processor'];

/** What the user recorded as the answer, in words of the complaint's language (never a UI string). */
export type ComplaintAnswer = 'none' | 'refused' | 'identification' | 'partial';

/** What a prepared answer may mention: the request's right, and whether it cited any identifier. */
export interface ReplyFacts extends LetterFacts {
  right: LetterRight;
  /** The right as `rightNames` writes it. */
  rightName: string;
  /** The request quoted identifiers; false when it quoted none or the record does not say (never claimed then). */
  cited: boolean;
}

export interface ComplaintFacts extends LetterFacts {
  authority: string;
  /** The right exercised, as `rightNames` writes it. */
  right: string;
  /** The complainant's name and contact details, as they gave them (lines). */
  complainant: string;
  /** The controller's legal entity and address, as far as known. */
  controller: string;
  recipient: string;
  sentOn: string;
  /** Undefined where the request had no deadline (a withdrawal of consent). */
  due?: string;
  answer: ComplaintAnswer;
  /** Whether the authority may give the complainant's identity to the controller. */
  shareIdentity: boolean;
  /** The lines of the banner-and-requests timeline (`consent.*` lines, in time order); absent without evidence. */
  consentTimeline?: string[];
}

export interface LetterLanguage {
  code: string;
  /** The language's own name ("Deutsch"). */
  name: string;
  /** The locale dates are written in (en-GB: "23 November 2026"). */
  locale: string;
  laws: { [L in Law]?: LawText<AnchorsOf[L]> };
  /** The spelling and terms of the country a law's letters go to, where they differ (Swiss German writes no ß). */
  orthography?: (law: Law, text: string) => string;
  /** Adjusts a date as Intl writes it, where usage differs ("1er octobre"). */
  adjustDate?: (date: string) => string;
  /** The locale of dates in a law's letters, where it is not `locale` (an English CCPA letter writes US dates). */
  lawLocale?: Partial<Record<Law, string>>;
  /**
   * A date and a time joined, where Intl's joining is not the language's usage ("30 listopada 2026 r. o godz.
   * 15:02:05" in a sentence, "…, godz. 15:02:05" at the head of a timeline line). The time zone follows.
   */
  moment?: (date: string, time: string, style: MomentStyle) => string;
  kinds: Record<DataKind, string>;
  /** Joins a list: "a, b and c". */
  list: (items: string[]) => string;
  salutation: string;
  /** To an authority. */
  salutationAuthority: string;
  evidence: {
    heading: string;
    intro: string;
    domains: (domains: string) => string;
    /**
     * Requests to a host of another name that DNS made an alias of the company's domain (CNAME cloaking): the host,
     * the site it is a subdomain of (none for another party's host), and the canonical name when it is still known.
     */
    via: (host: string, site: string | undefined, cname: string | undefined) => string;
    period: (first: string, last: string) => string;
    volume: (sites: number, requests: number) => string;
    kinds: (kinds: string) => string;
    sites: (sites: string) => string;
    attachment: (file: string, sha256: string, sites: number) => string;
    method: (version: string) => string;
  };
  identifiers: {
    heading: string;
    intro: string;
    cookie: (name: string, domain: string) => string;
    /** Where a partitioned cookie was set, after its domain: "set while I was on shop.example". */
    partitioned: (sites: string) => string;
    request: (name: string) => string;
    hashedEmail: string;
    ip: string;
    keepCookies: string;
  };
  /** Sentences about the page's cookie banner and the requests sent before an answer or after a refusal. */
  consent: {
    /** The cited requests ("on … my browser sent …"), and how many more with a cookie or identifier it counts. */
    observed: (requests: ConsentEventText[], more: number) => string;
    /** The heading of a complaint's banner-and-requests timeline, with its colon. */
    heading: string;
    /** Timeline lines of a complaint, each a full sentence. */
    bannerShown: (when: string, site: string) => string;
    request: (r: ConsentEventText) => string;
    /** The person's answer; a bare "answered" says that the record does not show which choice. */
    answer: (answer: 'answered' | Exclude<ConsentMoment, 'before-answer'>, when: string, site: string) => string;
    more: (n: number) => string;
    /** The timeline's last line, where the request relied on unlawful processing: these requests are why. */
    relied: (provision: string) => string;
  };
  closing: string;
  /** The reference line under the letter. */
  reference: (f: LetterFacts) => string;
  /** Each right as follow-ups name it ("right to erasure"), by law where the law names it differently. */
  rightNames: (law: Law) => Record<LetterRight, string>;
  /** Prepared answers to the usual replies (`f.date` is the original request's date). */
  replies: Record<ReplyKind, (r: LawRoles, f: ReplyFacts) => string>;
  reminder: {
    subject: (f: LetterFacts) => string;
    body: (r: LawRoles, f: LetterFacts & { sentOn: string; due?: string; right: string }) => string;
  };
  complaint: {
    subject: (f: LetterFacts) => string;
    body: (r: LawRoles, f: ComplaintFacts) => string;
  };
}

/** A name at the end of a sentence, with its full stop unless it ends with one ("Ads Inc."), never two. */
export function closed(name: string): string {
  return /[.!?…]$/.test(name) ? name : `${name}.`;
}

/** A complaint's banner-and-requests timeline under its heading, as a block after the request's timeline; none without lines. */
export function timelineBlock(heading: string, lines: string[] | undefined): string {
  return lines?.length ? `\n\n${heading}\n${lines.map((l) => `- ${l}`).join('\n')}` : '';
}

/**
 * Provisions of one law cited in one bracket, grouped by article in the order given, so a language names the law
 * once: art11_2, art12_2, art12_6 → [['11', [['2']]], ['12', [['2'], ['6']]]].
 */
export function byArticle(ids: readonly string[]): [string, string[][]][] {
  const groups: [string, string[][]][] = [];
  for (const id of ids) {
    const [art = '', ...rest] = id.replace(/^art/, '').split('_');
    const last = groups[groups.length - 1];
    if (last && last[0] === art) last[1].push(rest);
    else groups.push([art, [rest]]);
  }
  return groups;
}
