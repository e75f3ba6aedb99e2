import type { DataKind } from '../disclose/kinds.ts';

/**
 * One letter language: every sentence Disclosed writes in letters, and the citations as lawyers of that language
 * write them. A language is one file in ./languages; the test suite fails when one lacks a key or an anchor.
 * Sentences are functions of what they mention, so word order is the language's own.
 */
export interface GdprCitations {
  /** The regulation's name ("GDPR", "DSGVO", "RGPD"; "UK GDPR"). */
  law: string;
  groundConsent: string;
  consentWithdrawal: string;
  groundObjection: string;
  objectionMarketing: string;
  objectionParticular: string;
  groundUnlawful: string;
  /** The ePrivacy rule on storing or reading information on a device (Art. 5(3) of Directive 2002/58/EC; PECR). */
  devicePrivacy: string;
  exceptions: string;
  notifyRecipients: string;
  recipientsList: string;
  deadline: string;
  reasonsIfNotActing: string;
  freeOfCharge: string;
  identification: string;
  representative: string;
  complaint: string;
  access: string;
  accessCopy: string;
  marketingStop: string;
}

export interface CcpaCitations {
  law: string;
  delete: string;
  notifyOthers: string;
  optOut: string;
  deadline: string;
}

/** The California Civil Code is cited the same way in every letter language. */
export const CCPA_CITATIONS: CcpaCitations = {
  law: 'CCPA',
  delete: 'Cal. Civ. Code § 1798.105',
  notifyOthers: 'Cal. Civ. Code § 1798.105(c)',
  optOut: 'Cal. Civ. Code § 1798.120',
  deadline: 'Cal. Civ. Code § 1798.130(a)(2)',
};

/** What a sentence may mention about the request. */
export interface LetterFacts {
  company: string;
  reference: string;
  /** The letter's date, written out in the letter's language. */
  date: string;
}

export interface LetterLanguage {
  code: string;
  /** The language's own name ("Deutsch"). */
  name: string;
  citations: { gdpr: GdprCitations; 'uk-gdpr': GdprCitations; ccpa: CcpaCitations };
  kinds: Record<DataKind, string>;
  /** Joins a list: "a, b and c". */
  list: (items: string[]) => string;
  subject: (f: LetterFacts) => string;
  salutation: string;
  gdpr: {
    request: (c: GdprCitations) => string;
    consent: (c: GdprCitations) => string;
    marketing: (c: GdprCitations) => string;
    particular: (c: GdprCitations, reason: string) => string;
    unlawful: (c: GdprCitations) => string;
    noException: (c: GdprCitations) => string;
    recipients: (c: GdprCitations) => string;
    confirm: (c: GdprCitations) => string;
    deadline: (c: GdprCitations) => string;
    identification: (c: GdprCitations) => string;
    representative: (c: GdprCitations) => string;
  };
  ccpa: {
    request: (c: CcpaCitations) => string;
    optOut: (c: CcpaCitations) => string;
    notifyOthers: (c: CcpaCitations) => string;
    confirm: string;
    deadline: (c: CcpaCitations) => string;
    identification: string;
  };
  evidence: {
    heading: string;
    intro: string;
    domains: (domains: string) => string;
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
    request: (name: string) => string;
    hashedEmail: string;
    ip: string;
    keepCookies: string;
  };
  closing: string;
  signature: string;
  /** Each right as the reminder names it ("right to erasure"). */
  rightNames: { erasure: string; access: string; objection: string; withdrawal: string };
  /** The other requests (GDPR and UK GDPR): access, objection, consent withdrawal. */
  rights: {
    access: { subject: (f: LetterFacts) => string; body: (c: GdprCitations) => string };
    objection: { subject: (f: LetterFacts) => string; body: (c: GdprCitations) => string };
    withdrawal: { subject: (f: LetterFacts) => string; body: (c: GdprCitations) => string };
  };
  /** Prepared answers to the usual replies to a GDPR request (`f.date` is the original request's date). */
  replies: {
    cannotIdentify: (c: GdprCitations, f: LetterFacts) => string;
    idDocument: (c: GdprCitations, f: LetterFacts) => string;
    webForm: (c: GdprCitations, f: LetterFacts) => string;
    suppressed: (c: GdprCitations, f: LetterFacts) => string;
    fee: (c: GdprCitations, f: LetterFacts) => string;
  };
  /** A complaint to the supervisory authority, from the request's timeline. */
  complaint: {
    subject: (f: LetterFacts) => string;
    body: (
      c: GdprCitations,
      f: LetterFacts & { authority: string; sentOn: string; due: string; recipient: string; answer: string },
    ) => string;
    noAnswer: string;
    /** The answer when the controller refused the request (as the timeline's "Answer:" line). */
    refused: string;
    /** The complainant's choice on whether the authority may disclose their identity to the company. */
    identity: (share: boolean) => string;
  };
  reminder: {
    subject: (f: LetterFacts) => string;
    body: (f: LetterFacts & { sentOn: string; due: string; law: string; right: string }) => string;
  };
}
