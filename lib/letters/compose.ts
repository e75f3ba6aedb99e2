import { type DataKind, shownKinds } from '../disclose/kinds.ts';
import type { Jurisdiction } from './deadline.ts';
import type { GdprCitations, LetterLanguage } from './language.ts';

/** What was observed for one company: the only facts a letter to it may state. */
export interface LetterEvidence {
  companyId: string;
  companyName: string;
  /** Hostnames of this company that received requests. */
  domains: string[];
  /** Registrable domains of the sites the requests came from (sensitive ones only if the user ticked them). */
  sites: string[];
  requests: number;
  firstSeen: number;
  lastSeen: number;
  /** Categories the tracker list gives this company (advertising, social_media…). */
  categories: string[];
  kinds: DataKind[];
  /** Data stored on or read from the device before any consent interaction: evidence for Art. 17(1)(d). */
  beforeConsent: boolean;
}

/** An identifier the user chose to cite. */
export interface CitedIdentifier {
  /** `hashed-email` and `ip` are the user's own, added only when they opt in. */
  source: 'cookie' | 'request' | 'hashed-email' | 'ip';
  name: string;
  value: string;
  /** The cookie's domain, for cookies. */
  domain?: string;
}

/** The request: erasure (the default), or access, objection or consent withdrawal (GDPR and UK GDPR). */
export type LetterRight = 'erasure' | 'access' | 'objection' | 'withdrawal';

export interface LetterOptions {
  jurisdiction: Jurisdiction;
  right?: LetterRight;
  reference: string;
  /** YYYY-MM-DD. */
  date: string;
  /** Why the user objects on grounds of their particular situation (Art. 21(1)); empty: not claimed. */
  reason?: string;
  /** The controller's EU representative (Art. 27), when the letter goes to them. */
  representative?: boolean;
  extensionVersion: string;
  /** The requester's name, signed under the letter when given; otherwise the letter is signed as the browser's user. */
  name?: string;
}

export interface Attachment {
  filename: string;
  type: string;
  text: string;
  sha256: string;
}

export interface Letter {
  subject: string;
  body: string;
  attachment?: Attachment;
  /** The grounds the letter relies on, as stable ids (for the record and the tests). */
  grounds: Ground[];
}

export type Ground = 'consent' | 'marketing' | 'particular' | 'unlawful' | 'ccpa-delete' | 'ccpa-opt-out';

/** Categories whose processing is direct marketing or profiling for it: an absolute objection applies (Art. 21(2)). */
const MARKETING = new Set(['advertising', 'social_media', 'pornvertising']);

/** The grounds, chosen by rule from what was observed and what the user said; never a blanket list. */
export function chooseGrounds(
  evidence: LetterEvidence,
  options: Pick<LetterOptions, 'jurisdiction' | 'reason'>,
): Ground[] {
  if (options.jurisdiction === 'ccpa') {
    return evidence.categories.some((c) => MARKETING.has(c)) ? ['ccpa-delete', 'ccpa-opt-out'] : ['ccpa-delete'];
  }
  const grounds: Ground[] = ['consent'];
  if (evidence.categories.some((c) => MARKETING.has(c))) grounds.push('marketing');
  if (options.reason?.trim()) grounds.push('particular');
  if (evidence.beforeConsent) grounds.push('unlawful');
  return grounds;
}

/** Sites listed in the body; more go to the attachment. */
const SITES_IN_BODY = 10;

/**
 * Writes the request (erasure unless `options.right` says otherwise; the CCPA letters are erasure requests).
 * Everything in it comes from `evidence` and `identifiers`: one company's facts only.
 */
export async function composeLetter(
  lang: LetterLanguage,
  evidence: LetterEvidence,
  identifiers: CitedIdentifier[],
  options: LetterOptions,
): Promise<Letter> {
  const right = options.jurisdiction === 'ccpa' ? 'erasure' : (options.right ?? 'erasure');
  const grounds = right === 'erasure' ? chooseGrounds(evidence, options) : [];
  const facts = { company: evidence.companyName, reference: options.reference, date: longDate(lang, options.date) };
  const paragraphs: string[] = [];
  let subject = lang.subject(facts);
  if (options.jurisdiction !== 'ccpa' && right !== 'erasure') {
    const c = lang.citations[options.jurisdiction];
    if (options.representative) paragraphs.push(lang.gdpr.representative(c));
    paragraphs.push(lang.rights[right].body(c));
    subject = lang.rights[right].subject(facts);
  } else if (options.jurisdiction === 'ccpa') {
    const c = lang.citations.ccpa;
    paragraphs.push(
      [lang.ccpa.request(c), grounds.includes('ccpa-opt-out') ? lang.ccpa.optOut(c) : ''].filter(Boolean).join(' '),
    );
    paragraphs.push(lang.ccpa.notifyOthers(c));
    paragraphs.push(`${lang.ccpa.confirm} ${lang.ccpa.deadline(c)}`);
  } else {
    const c: GdprCitations = lang.citations[options.jurisdiction];
    const g = lang.gdpr;
    if (options.representative) paragraphs.push(g.representative(c));
    paragraphs.push(g.request(c));
    const why = [g.consent(c)];
    if (grounds.includes('marketing')) why.push(g.marketing(c));
    if (grounds.includes('particular')) why.push(g.particular(c, sentence(options.reason ?? '')));
    if (grounds.includes('unlawful')) why.push(g.unlawful(c));
    paragraphs.push(why.join(' '));
    paragraphs.push(`${g.noException(c)} ${g.recipients(c)} ${g.confirm(c)}`);
    paragraphs.push(g.deadline(c));
  }

  const attachment = evidence.sites.length > SITES_IN_BODY ? await evidenceAttachment(evidence, options) : undefined;
  const e = lang.evidence;
  const evidenceLines = [
    e.intro,
    e.domains(evidence.domains.join(', ')),
    e.period(isoWithOffset(evidence.firstSeen), isoWithOffset(evidence.lastSeen)),
    e.volume(evidence.sites.length, evidence.requests),
    ...(evidence.kinds.length ? [e.kinds(lang.list(shownKinds(evidence.kinds).map((k) => lang.kinds[k])))] : []),
    attachment
      ? e.attachment(attachment.filename, attachment.sha256, evidence.sites.length)
      : e.sites(evidence.sites.join(', ')),
  ];

  const idLines = identifiers.map((id) => `- ${identifierLabel(lang, id)}: ${id.value}`);
  const identification =
    options.jurisdiction === 'ccpa'
      ? lang.ccpa.identification
      : lang.gdpr.identification(lang.citations[options.jurisdiction]);

  const body = [
    lang.salutation,
    ...paragraphs,
    ...(identifiers.length
      ? [
          `${lang.identifiers.heading}\n${identification} ${lang.identifiers.intro}\n${idLines.join('\n')}\n${identifiers.some((i) => i.source === 'cookie') ? lang.identifiers.keepCookies : ''}`.trimEnd(),
        ]
      : []),
    `${lang.evidence.heading}\n${evidenceLines.join('\n')}`,
    e.method(options.extensionVersion),
    signOff(lang, options.name, facts.date, options.reference),
  ].join('\n\n');
  return { subject, body, grounds, ...(attachment ? { attachment } : {}) };
}

/**
 * The end of every letter and follow-up: the closing, the name the user gave (or the language's "the user of the
 * browser identified above"), any contact lines under it, the date written out and the reference, so a reply can be
 * matched to it.
 */
export function signOff(
  lang: LetterLanguage,
  name: string | undefined,
  date: string,
  reference: string,
  contact: string[] = [],
): string {
  const signer = name?.replace(/\s+/g, ' ').trim() || lang.signature;
  return [lang.closing, signer, ...contact, `${date} · ${reference}`].join('\n');
}

/** What the complainant fills in for a complaint (Art. 77): how the authority reaches them, and what it may share. */
export interface Complainant {
  /** Name as signed; empty: signed as the browser's user. */
  name: string;
  /** Postal address, email or phone, as the user wrote them (one or more lines). */
  contact: string;
  /** Whether the authority may give the complainant's identity to the company when it handles the complaint. */
  shareIdentity: boolean;
}

/** The facts a complaint states, in the complaint's language (the request's timeline and the answer received). */
export type ComplaintFacts = Parameters<LetterLanguage['complaint']['body']>[1];

/**
 * A complaint to a supervisory authority: the language's complaint text, the complainant's choice on sharing their
 * identity, and their sign-off with the contact details under the name (an authority answers by post or email).
 */
export function composeComplaint(
  lang: LetterLanguage,
  c: GdprCitations,
  facts: ComplaintFacts,
  complainant: Complainant,
  today: string,
): { subject: string; body: string } {
  const contact = complainant.contact
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const body = [
    lang.complaint.body(c, facts),
    lang.complaint.identity(complainant.shareIdentity),
    signOff(lang, complainant.name, longDate(lang, today), facts.reference, contact),
  ].join('\n\n');
  return { subject: lang.complaint.subject(facts), body };
}

/** The full evidence as JSON, named after the reference, with its SHA-256 (computed locally). */
async function evidenceAttachment(evidence: LetterEvidence, options: LetterOptions): Promise<Attachment> {
  const text = `${JSON.stringify(
    {
      reference: options.reference,
      company: evidence.companyName,
      domains: evidence.domains,
      firstSeen: isoWithOffset(evidence.firstSeen),
      lastSeen: isoWithOffset(evidence.lastSeen),
      requests: evidence.requests,
      kinds: evidence.kinds,
      sites: evidence.sites,
      gatheredBy: `Disclosed ${options.extensionVersion}`,
    },
    null,
    2,
  )}\n`;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  const sha256 = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return { filename: `evidence-${options.reference}.json`, type: 'application/json', text, sha256 };
}

function identifierLabel(lang: LetterLanguage, id: CitedIdentifier): string {
  switch (id.source) {
    case 'cookie':
      return lang.identifiers.cookie(id.name, id.domain ?? '');
    case 'request':
      return lang.identifiers.request(id.name);
    case 'hashed-email':
      return lang.identifiers.hashedEmail;
    case 'ip':
      return lang.identifiers.ip;
  }
}

/** SHA-256 of an email address as ad platforms hash it (trimmed, lower case), computed on this device. */
export async function hashEmail(email: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(email.trim().toLowerCase()));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** ISO 8601 with the local offset: 2026-11-23T14:05:00+01:00. */
export function isoWithOffset(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:` +
    `${pad(d.getSeconds())}${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`
  );
}

/** A calendar day written out in the letter's language ("23 November 2026", "23. November 2026"). */
export function longDate(lang: LetterLanguage, day: string): string {
  return new Intl.DateTimeFormat(lang.code, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${day}T12:00:00Z`),
  );
}

/** The user's reason as a sentence of its own. */
function sentence(text: string): string {
  const t = text.trim().replace(/\s+/g, ' ');
  return /[.!?…]$/.test(t) ? t : `${t}.`;
}
