import { type ConsentFlow, supportsGround, supportsUnlawfulGround, trackingCategory } from '../consent/flows.ts';
import { type DataKind, shownKinds } from '../disclose/kinds.ts';
import { eprivacyCitation, eprivacyRuleFor } from './eprivacy.ts';
import type {
  ComplaintAnswer,
  ConsentEventText,
  LawRoles,
  LawText,
  LetterFacts,
  LetterLanguage,
  MomentStyle,
  ReplyKind,
} from './language.ts';
import { type DeadlineRule, deadlineRule, type Law, type LetterRight, lawGrants } from './laws.ts';

/** What was observed for one company: the only facts a letter to it may state. */
export interface LetterEvidence {
  companyId: string;
  companyName: string;
  /** Hostnames of this company that received requests (not those of another name that pointed to it: `via`). */
  domains: string[];
  /**
   * Hosts of another name whose DNS entry was an alias (CNAME) of this company's domain, so that requests to them
   * were its: a subdomain of a site (`site`), or another party's host (no `site`). `cname` is the canonical name as
   * observed, while a stored request still records it.
   */
  via?: { host: string; site?: string; cname?: string }[];
  /** Registrable domains of the sites the requests came from (sensitive ones only if the user ticked them). */
  sites: string[];
  requests: number;
  firstSeen: number;
  lastSeen: number;
  /** Categories the tracker list gives this company (advertising, social_media…). */
  categories: string[];
  kinds: DataKind[];
  /**
   * The requests that were consent evidence (lib/consent/flows.ts: sent before the person answered the site's cookie
   * banner, or after they refused), for the listed sites; absent when there were none.
   */
  consent?: ConsentEvidence;
  /** Requests that reached the company while the browser sent Global Privacy Control; absent when there were none. */
  gpc?: GpcEvidence;
}

/** A request that was consent evidence, as a letter cites it: the rule's `ConsentFlow` and its banner's time. */
export type CitedFlow = ConsentFlow & {
  /** When the page's banner was shown, as its not-answered stamp says (`since`), where known. */
  bannerAt?: number;
};

export interface ConsentEvidence {
  /**
   * The first few such requests of each site and, of each, the first that carried a cookie or an identifier, oldest
   * first: what a letter cites (the rest it counts).
   */
  flows: CitedFlow[];
  /** How many requests were consent evidence, and how many of those carried a cookie or an identifier. */
  total: number;
  device: number;
  /**
   * Of those with a cookie or an identifier, how many per category of the recipient: a letter counts only those of a
   * tracking company (lib/consent/flows.ts, `trackingCategory`) among the requests it does not cite.
   */
  deviceByCategory?: Record<string, number>;
}

export interface GpcEvidence {
  requests: number;
  sites: string[];
  first: number;
  last: number;
}

/** An identifier the user chose to cite. */
export interface CitedIdentifier {
  /** `hashed-email` and `ip` are the user's own, added only when they opt in. */
  source: 'cookie' | 'request' | 'hashed-email' | 'ip';
  name: string;
  value: string;
  /** The cookie's domain, for cookies. */
  domain?: string;
  /** For a partitioned cookie: the sites it was set under (the letter says "set while I was on …"). */
  partitions?: string[];
  /** For a cookie in another container or cookie store: the store ids (shown in the composer, not in the letter). */
  stores?: string[];
}

export type { Law, LetterRight };

export interface LetterOptions {
  /** The law the letter relies on. */
  jurisdiction: Law;
  right?: LetterRight;
  reference: string;
  /** YYYY-MM-DD. */
  date: string;
  /** Why the user objects on grounds of their particular situation (Art. 21(1)); empty: not claimed. */
  reason?: string;
  /** The controller's representative (GDPR Art. 27 in the Union, UK GDPR Art. 27 in the UK, Art. 14 FADP). */
  representative?: boolean;
  /** The requester's name for the signature line; none by default. */
  signer?: string;
  /** Where the requester lives (ISO 3166-1): its ePrivacy rule is the one an unlawful-processing ground cites. */
  residence?: string;
  extensionVersion: string;
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
  /**
   * Whether the request starts a period the recipient must answer in; false for a withdrawal of consent, which takes
   * effect at once: its record gets no due date, and no reminder or complaint says a period ended.
   */
  deadline: boolean;
  /** The period's rule when `deadline` is true (lib/letters/deadline.ts computes the day). */
  rule?: DeadlineRule;
}

export type Ground =
  | 'consent'
  | 'marketing'
  | 'particular'
  | 'unlawful'
  | 'ccpa-delete'
  | 'ccpa-opt-out'
  | 'ccpa-limit';

/** Categories whose processing is direct marketing or profiling for it: an absolute objection applies (Art. 21(2)). */
const MARKETING = new Set(['advertising', 'social_media', 'pornvertising']);

/**
 * Whether an erasure letter may claim unlawful processing (GDPR Art. 17(1)(d) with the national ePrivacy rule), and
 * why not where it may not: no request was sent before an answer or after a refusal; none of them carried a cookie
 * or an identifier; the letter's law has no such rule here (CCPA, revFADP, LGPD); or the requester's country of
 * residence is unknown or not in the table of rules (lib/letters/eprivacy.ts).
 */
export type UnlawfulGround = 'offered' | 'no-flows' | 'no-device' | 'law' | 'no-residence' | 'no-rule';

export function unlawfulGround(
  evidence: Pick<LetterEvidence, 'consent'>,
  options: Pick<LetterOptions, 'jurisdiction' | 'residence'>,
): UnlawfulGround {
  const flows = evidence.consent?.flows ?? [];
  if (!flows.length) return 'no-flows';
  // PECR regulation 6, as the Data (Use and Access) Act 2025 amended it, exempts some analytics: a UK letter leaves
  // analytics out of this ground.
  if (!supportsUnlawfulGround(flows, { analytics: options.jurisdiction !== 'uk-gdpr' })) return 'no-device';
  if (options.jurisdiction !== 'gdpr' && options.jurisdiction !== 'uk-gdpr') return 'law';
  if (eprivacyRuleFor(options.jurisdiction, options.residence)) return 'offered';
  return options.residence ? 'no-rule' : 'no-residence';
}

/** The grounds of an erasure request, chosen by rule from what was observed and what the user said; never blanket. */
export function chooseGrounds(
  evidence: LetterEvidence,
  options: Pick<LetterOptions, 'jurisdiction' | 'reason' | 'residence'>,
): Ground[] {
  const marketing = evidence.categories.some((c) => MARKETING.has(c));
  if (options.jurisdiction === 'ccpa') {
    return [
      'ccpa-delete',
      ...(marketing ? (['ccpa-opt-out'] as const) : []),
      ...(evidence.kinds.includes('location') ? (['ccpa-limit'] as const) : []),
    ];
  }
  const grounds: Ground[] = ['consent'];
  if (marketing) grounds.push('marketing');
  if (options.reason?.trim()) grounds.push('particular');
  if (unlawfulGround(evidence, options) === 'offered') grounds.push('unlawful');
  return grounds;
}

/** Requests with a cookie or an identifier a letter cites one by one; the rest it counts. */
const FLOWS_CITED = 3;

/**
 * A moment in the letter's language, with its time zone as a numeric offset, the same in every language: "30 November
 * 2026 at 14:02:05 (UTC+01:00)". A zone's name ("CET", "MEZ", "heure normale d’Europe centrale") differs by language
 * and can be ambiguous; the offset is what the evidence's ISO times carry too.
 */
export function longTime(lang: LetterLanguage, ms: number, style: MomentStyle = 'sentence', law?: Law): string {
  const when = new Date(ms);
  const locale = localeOf(lang, law);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(when);
  // The language's own adjustment applies to the date within ("1er octobre", "20 listopada 2026 r."), not the time.
  const day = lang.adjustDate ? lang.adjustDate(date) : date;
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'medium' }).format(when);
  const text = lang.moment
    ? lang.moment(day, time, style)
    : new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'medium' }).format(when).replace(date, day);
  return `${text} (${utcOffset(ms)})`;
}

/** The local offset of a moment: "UTC+01:00", "UTC-05:00", "UTC+00:00". */
function utcOffset(ms: number): string {
  return `UTC${isoWithOffset(ms).slice(19)}`;
}

/** The locale a law's letters write dates in. */
function localeOf(lang: LetterLanguage, law: Law | undefined): string {
  return (law && lang.lawLocale?.[law]) ?? lang.locale;
}

function flowText(lang: LetterLanguage, f: CitedFlow, style: MomentStyle = 'sentence'): ConsentEventText {
  return {
    when: longTime(lang, f.sentAt, style),
    host: f.host,
    site: f.site,
    // A request with a cookie or identifier is cited for those: what was stored on or read from the device.
    what: lang.list(
      shownKinds(f.device ? f.kinds.filter((k) => k === 'cookie' || k === 'identifier') : f.kinds).map(
        (k) => lang.kinds[k],
      ),
    ),
    moment: f.moment,
    ...(f.seconds !== undefined ? { seconds: f.seconds } : {}),
  };
}

/**
 * What the unlawful-processing paragraph states: the requests that support the ground (a cookie or identifier of a
 * tracking company, by the rule in lib/consent/flows.ts; never a CDN's), a few cited, the rest of them counted.
 */
function unlawfulFacts(lang: LetterLanguage, evidence: LetterEvidence, options: LetterOptions) {
  const rule = eprivacyRuleFor(options.jurisdiction, options.residence);
  const consent = evidence.consent;
  if (!rule || !consent) return undefined;
  const scope = { analytics: options.jurisdiction !== 'uk-gdpr' };
  const cited = consent.flows.filter((f) => supportsGround(f, scope)).slice(0, FLOWS_CITED);
  const supporting = consent.deviceByCategory
    ? Object.entries(consent.deviceByCategory)
        .filter(([category]) => trackingCategory(category, scope))
        .reduce((n, [, count]) => n + count, 0)
    : consent.device;
  return {
    observed: lang.consent.observed(
      cited.map((f) => flowText(lang, f)),
      Math.max(0, supporting - cited.length),
    ),
    rule: eprivacyCitation(rule, lang.locale),
    sites: new Set(cited.map((f) => f.site)).size,
  };
}

/** Sites listed in the body; more go to the attachment. */
const SITES_IN_BODY = 10;

/** A law's text in a language, typed loosely for the code that works with any law. */
function lawText(lang: LetterLanguage, law: Law): LawText<string> | undefined {
  return lang.laws[law] as LawText<string> | undefined;
}

/** The languages that write a law. */
export function writesLaw(lang: LetterLanguage, law: Law): boolean {
  return !!lang.laws[law];
}

/**
 * Writes the request under `options.jurisdiction`, in `lang`: erasure unless `options.right` says otherwise, and
 * always the right asked for (an access request stays an access request). Everything in it comes from `evidence`
 * and `identifiers`: one company's facts only. Throws when the language does not write the law or the law lacks the
 * right (the composer offers only those).
 */
export async function composeLetter(
  lang: LetterLanguage,
  evidence: LetterEvidence,
  identifiers: CitedIdentifier[],
  options: LetterOptions,
): Promise<Letter> {
  const law = options.jurisdiction;
  const right = options.right ?? 'erasure';
  const text = lawText(lang, law);
  const rightText = text?.rights[right];
  if (!text || !rightText || !lawGrants(law, right)) {
    throw new RangeError(`No ${right} letter under ${law} in ${lang.code}`);
  }
  const c = text.cite;
  const grounds = right === 'erasure' ? chooseGrounds(evidence, options) : [];
  const facts = {
    company: evidence.companyName,
    reference: options.reference,
    date: longDate(lang, options.date, law),
  };
  const paragraphs = [
    ...(options.representative && text.representative ? [text.representative(c)] : []),
    ...(text.standing ? [text.standing(c)] : []),
    ...rightText.body(c, {
      grounds,
      reason: options.reason?.trim() ? sentence(options.reason) : '',
      preciseLocation: evidence.kinds.includes('location'),
      ...(grounds.includes('unlawful') ? { unlawful: unlawfulFacts(lang, evidence, options) } : {}),
      ...(evidence.gpc && law === 'ccpa'
        ? {
            gpc: {
              requests: evidence.gpc.requests,
              sites: lang.list(evidence.gpc.sites),
              first: longDate(lang, dayOf(evidence.gpc.first), law),
              last: longDate(lang, dayOf(evidence.gpc.last), law),
            },
          }
        : {}),
    }),
  ];

  const attachment = evidence.sites.length > SITES_IN_BODY ? await evidenceAttachment(evidence, options) : undefined;
  const e = lang.evidence;
  const evidenceLines = [
    e.intro,
    ...(evidence.domains.length ? [e.domains(evidence.domains.join(', '))] : []),
    ...(evidence.via ?? []).map((v) => e.via(v.host, v.site, v.cname)),
    e.period(isoWithOffset(evidence.firstSeen), isoWithOffset(evidence.lastSeen)),
    e.volume(evidence.sites.length, evidence.requests),
    ...(evidence.kinds.length ? [e.kinds(lang.list(shownKinds(evidence.kinds).map((k) => lang.kinds[k])))] : []),
    attachment
      ? e.attachment(attachment.filename, attachment.sha256, evidence.sites.length)
      : e.sites(evidence.sites.join(', ')),
  ];

  const idLines = identifiers.map((id) => `- ${identifierLabel(lang, id)}: ${id.value}`);
  const identification = identifiers.length
    ? [
        `${lang.identifiers.heading}\n${text.identification(c)} ${lang.identifiers.intro}\n${idLines.join('\n')}\n${identifiers.some((i) => i.source === 'cookie') ? lang.identifiers.keepCookies : ''}`.trimEnd(),
      ]
    : [`${lang.identifiers.heading}\n${text.noIdentifier(c)}`];

  const body = [
    lang.salutation,
    ...paragraphs,
    ...identification,
    `${lang.evidence.heading}\n${evidenceLines.join('\n')}`,
    e.method(options.extensionVersion),
    signOff(lang, options.signer, facts),
  ].join('\n\n');
  const rule = deadlineRule(law, right);
  const spell = (t: string) => lang.orthography?.(law, t) ?? t;
  return {
    subject: spell(rightText.subject(facts)),
    body: spell(body),
    grounds,
    deadline: !!rule,
    ...(rule ? { rule } : {}),
    ...(attachment ? { attachment } : {}),
  };
}

/** What a follow-up knows of the request it follows. */
export interface FollowUpRequest {
  jurisdiction: Law;
  right: LetterRight;
  reference: string;
  companyName: string;
  recipient: string;
  /** YYYY-MM-DD: the day the request was sent. */
  sentOn: string;
  /** YYYY-MM-DD, or undefined where the request started no period (a withdrawal). */
  due?: string;
  /** The request's own subject: a reply to the company's answer goes out as "Re:" it, in the same thread. */
  subject?: string;
  /** How many identifiers the request quoted (the record's evidence snapshot); undefined where the record does not say. */
  citedIdentifiers?: number;
}

/** A follow-up letter: subject and body, in the request's language, under its law. */
export interface FollowUp {
  subject: string;
  body: string;
}

/**
 * The end of every letter and follow-up: the closing, the name the user signs with (on one line; none when not given)
 * and the date and reference, so a reply can be matched to it. On paper the signature goes after the closing.
 */
function signOff(lang: LetterLanguage, signer: string | undefined, facts: LetterFacts): string {
  const name = signer?.replace(/\s+/g, ' ').trim();
  return [lang.closing, ...(name ? [name] : []), lang.reference(facts)].join('\n');
}

function followUpParts(lang: LetterLanguage, request: FollowUpRequest, today: string) {
  const text = lawText(lang, request.jurisdiction);
  if (!text) throw new RangeError(`No ${request.jurisdiction} letters in ${lang.code}`);
  const roles: LawRoles = text.roles(text.cite);
  const facts: LetterFacts = {
    company: request.companyName,
    reference: request.reference,
    date: longDate(lang, request.sentOn, request.jurisdiction),
  };
  const sign = (signer?: string) =>
    signOff(lang, signer, { ...facts, date: longDate(lang, today, request.jurisdiction) });
  const spell = (t: FollowUp): FollowUp => ({
    subject: lang.orthography?.(request.jurisdiction, t.subject) ?? t.subject,
    body: lang.orthography?.(request.jurisdiction, t.body) ?? t.body,
  });
  return { roles, facts, sign, spell };
}

/** The reminder after the deadline (or, for a withdrawal, after no confirmation came): its law's escalation only. */
export function composeReminder(
  lang: LetterLanguage,
  request: FollowUpRequest,
  today: string,
  signer?: string,
): FollowUp {
  const { roles, facts, sign, spell } = followUpParts(lang, request, today);
  const body = lang.reminder.body(roles, {
    ...facts,
    sentOn: facts.date,
    ...(request.due ? { due: longDate(lang, request.due, request.jurisdiction) } : {}),
    right: lang.rightNames(request.jurisdiction)[request.right],
  });
  return spell({ subject: lang.reminder.subject(facts), body: `${lang.salutation}\n\n${body}\n\n${sign(signer)}` });
}

/** A prepared answer to one of the usual replies. */
export function composeReply(
  lang: LetterLanguage,
  request: FollowUpRequest,
  kind: ReplyKind,
  today: string,
  signer?: string,
): FollowUp {
  const { roles, facts, sign, spell } = followUpParts(lang, request, today);
  return spell({
    // An answer to their reply, not a reminder: the request's own thread where its subject is known.
    subject: request.subject ? `Re: ${request.subject}` : lang.reminder.subject(facts),
    body: `${lang.salutation}\n\n${lang.replies[kind](roles, {
      ...facts,
      right: request.right,
      rightName: lang.rightNames(request.jurisdiction)[request.right],
      // Only a request known to have quoted identifiers is said to have: an old record without its snapshot is not.
      cited: (request.citedIdentifiers ?? 0) > 0,
    })}\n\n${sign(signer)}`,
  });
}

/** What the complainant adds to a complaint. */
export interface ComplaintInput {
  authority: string;
  /** Name and contact details, as the complainant gives them. */
  complainant: string;
  /** The controller's legal entity and address, as far as known (see establishments.ts). */
  controller: string;
  answer: ComplaintAnswer;
  shareIdentity: boolean;
  /**
   * The consent evidence of the sites the request listed (evidenceFor over the record's sites): the complaint gives
   * its timeline, banner, requests and answer, in time order. None when there was none.
   */
  consent?: ConsentEvidence;
  /**
   * The request relied on unlawful processing (GDPR Art. 17(1)(d)), as its text shows: the timeline then ends by
   * saying these requests are why.
   */
  unlawful?: boolean;
  /** The name signed under the complaint; by default the complainant's first line. */
  signer?: string;
}

/**
 * Whether a sent request relied on unlawful processing: its text cites its law's Art. 17(1)(d), which only the
 * unlawful-processing paragraph does (the record keeps the text, not the grounds).
 */
export function reliedOnUnlawful(lang: LetterLanguage, law: Law, body: string): boolean {
  const provision = lawText(lang, law)?.cite.art17_1_d;
  return !!provision && body.includes(provision);
}

/** A complaint to the authority, from the request's timeline: every word in the letter's language. */
export function composeComplaint(
  lang: LetterLanguage,
  request: FollowUpRequest,
  input: ComplaintInput,
  today: string,
): FollowUp {
  const { roles, facts, sign, spell } = followUpParts(lang, request, today);
  const body = lang.complaint.body(roles, {
    ...facts,
    authority: input.authority,
    right: lang.rightNames(request.jurisdiction)[request.right],
    complainant: input.complainant.trim(),
    controller: input.controller.trim() || request.companyName,
    recipient: request.recipient,
    sentOn: facts.date,
    // "The period ended" only once it has: a complaint about a refusal can come before the due date.
    ...(request.due && request.due < today ? { due: longDate(lang, request.due, request.jurisdiction) } : {}),
    answer: input.answer,
    shareIdentity: input.shareIdentity,
    ...(input.consent?.flows.length
      ? {
          consentTimeline: consentTimeline(
            lang,
            input.consent,
            input.unlawful ? lawText(lang, request.jurisdiction)?.cite.art17_1_d : undefined,
          ),
        }
      : {}),
  });
  const signer = input.signer ?? input.complainant.trim().split('\n')[0];
  return spell({
    subject: lang.complaint.subject(facts),
    body: `${lang.salutationAuthority}\n\n${body}\n\n${sign(signer)}`,
  });
}

/**
 * The banner and the requests, in time order, as the complaint lists them: when each page's banner was shown, each
 * cited request (time, host, what it carried), when the person answered or refused, and the requests after that;
 * then, where the request relied on unlawful processing (`provision`, its citation), a line saying these are why.
 */
export function consentTimeline(lang: LetterLanguage, consent: ConsentEvidence, provision?: string): string[] {
  const c = lang.consent;
  const lines: { at: number; order: number; text: string }[] = [];
  const banners = new Map<string, { at: number; site: string }>();
  // One answer per page and moment: a refusal known from the stamp after it says more than "I answered".
  const answers = new Map<
    string,
    { at: number; site: string; answer: 'answered' | Exclude<CitedFlow['moment'], 'before-answer'> }
  >();
  for (const f of consent.flows) {
    if (f.bannerAt !== undefined) banners.set(f.page, { at: f.bannerAt, site: f.site });
    lines.push({ at: f.sentAt, order: 1, text: c.request(flowText(lang, f, 'line')) });
    if (f.answeredAt === undefined) continue;
    const key = `${f.page} ${f.answeredAt}`;
    const answer = f.moment === 'before-answer' ? 'answered' : f.moment;
    if (answer !== 'answered' || !answers.has(key)) answers.set(key, { at: f.answeredAt, site: f.site, answer });
  }
  for (const b of banners.values())
    lines.push({ at: b.at, order: 0, text: c.bannerShown(longTime(lang, b.at, 'line'), b.site) });
  for (const a of answers.values())
    lines.push({ at: a.at, order: 0, text: c.answer(a.answer, longTime(lang, a.at, 'line'), a.site) });
  const cited = consent.flows.length;
  return [
    ...lines.sort((a, b) => a.at - b.at || a.order - b.order).map((l) => l.text),
    ...(consent.total > cited ? [c.more(consent.total - cited)] : []),
    ...(provision ? [c.relied(provision)] : []),
  ];
}

/** The local calendar day of a moment (YYYY-MM-DD). */
function dayOf(ms: number): string {
  return isoWithOffset(ms).slice(0, 10);
}

/** The full evidence as JSON, named after the reference, with its SHA-256 (computed locally). */
async function evidenceAttachment(evidence: LetterEvidence, options: LetterOptions): Promise<Attachment> {
  const text = `${JSON.stringify(
    {
      reference: options.reference,
      company: evidence.companyName,
      domains: evidence.domains,
      ...(evidence.via?.length ? { via: evidence.via } : {}),
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
      // The domain and, for a partitioned cookie, where it was set: "cookie _x (ads.example, set while I was on …)".
      return lang.identifiers.cookie(
        id.name,
        id.partitions?.length
          ? `${id.domain ?? ''}, ${lang.identifiers.partitioned(lang.list(id.partitions))}`
          : (id.domain ?? ''),
      );
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

/**
 * A calendar day written out in the letter's language ("23 November 2026", "23. November 2026"), in the date format
 * of the law's country where the language says so ("November 23, 2026" in an English CCPA letter).
 */
export function longDate(lang: LetterLanguage, day: string, law?: Law): string {
  const date = new Intl.DateTimeFormat(localeOf(lang, law), { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${day}T12:00:00Z`),
  );
  return lang.adjustDate ? lang.adjustDate(date) : date;
}

/** The user's reason as a sentence of its own. */
function sentence(text: string): string {
  const t = text.trim().replace(/\s+/g, ' ');
  return /[.!?…]$/.test(t) ? t : `${t}.`;
}
