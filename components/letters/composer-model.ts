import { useEffect, useMemo, useReducer } from 'preact/hooks';
import {
  type CitedIdentifier,
  composeLetter,
  hashEmail,
  type Letter,
  type LetterEvidence,
  type LetterOptions,
  type LetterRight,
  writesLaw,
} from '../../lib/letters/compose.ts';
import { isKnownTrackingId } from '../../lib/letters/cookies.ts';
import { type DueDate, dueDate } from '../../lib/letters/deadline.ts';
import {
  controllerCountry,
  defaultLetterLanguage,
  establishmentOf,
  lawsFor,
} from '../../lib/letters/establishments.ts';
import { evidenceFor, type GatheredEvidence } from '../../lib/letters/evidence.ts';
import type { LetterLanguage } from '../../lib/letters/language.ts';
import { LETTER_LANGUAGES, letterLanguage } from '../../lib/letters/languages.ts';
import { type Law, lawGrants } from '../../lib/letters/laws.ts';
import type { EvidenceSnapshot } from '../../lib/letters/types.ts';
import type { Company } from '../../lib/trackers/company.ts';

// The composer's state and what follows from it, apart from its markup: a reducer (every change the person makes,
// and the letter composed from them), the values derived from it, and a hook that runs the two asynchronous steps
// (hashing an email address, composing the letter) and hands the parts their actions.

export interface ComposerInput {
  company: Company;
  gathered: GatheredEvidence;
  /** Citable cookies of the company's own domains (deny-list applied). */
  cookies: CitedIdentifier[];
  /** The browser refused to give some or all of the company's cookies: the composer says so. */
  cookiesUnread?: boolean;
  /** The user's correction of the privacy contact, if any. */
  correction?: { value: string; representative?: string };
  reference: string;
  today: string;
  extensionVersion: string;
  /** The UI language, as the default letter language when one exists. */
  uiLanguage: string;
  /** Where the user lives (settings): the law offered first. */
  residence?: string;
}

/** A letter the person says they sent, as the composer hands it on to be recorded. */
export interface SentLetter {
  /** What the letter cites, kept with it (see `LetterRecord.evidence`). */
  evidence: EvidenceSnapshot;
  right: LetterRight;
  recipient: string;
  subject: string;
  body: string;
  jurisdiction: Law;
  language: string;
  sentOn: string;
  channel: 'email' | 'web-form' | 'other';
  /** Where the controller acts: its public holidays count in the deadline. */
  country?: string;
  /** The name the user signed with, when they gave one. */
  name?: string;
}

export interface ComposerActions {
  saveContact: (value: string, representative: string) => Promise<void>;
  download: (filename: string, type: string, text: string) => void;
  copy: (text: string) => Promise<void>;
  sent: (letter: SentLetter) => Promise<void>;
}

/** Everything the person chose or typed, and the letter last composed from it. */
export interface ComposerState {
  contact: string;
  representative: string;
  jurisdiction: Law;
  /** The right asked for; the letter uses erasure instead when the law does not grant it (see `deriveLetter`). */
  requested: LetterRight;
  /** The language picked; the letter is in English instead when it does not write the law (see `deriveLetter`). */
  chosenLanguage: string;
  reason: string;
  /** The identifiers to cite (`idKey`). */
  chosen: ReadonlySet<string>;
  /** The sensitive sites the person chose to name. */
  sensitive: ReadonlySet<string>;
  letter: Letter | undefined;
  cites: EvidenceSnapshot | undefined;
  /** The subject and body as the person edited them: kept over every recomposed letter until reset. */
  edited: { subject: string; body: string } | undefined;
  sentOn: string;
  email: string;
  ip: string;
  emailHash: string;
  /** Whether the contact was saved (the status line says so). */
  contactKept: boolean;
  name: string;
  signatureLine: boolean;
}

type Field =
  | 'contact'
  | 'representative'
  | 'jurisdiction'
  | 'requested'
  | 'chosenLanguage'
  | 'reason'
  | 'sentOn'
  | 'email'
  | 'ip'
  | 'name'
  | 'signatureLine';

export type ComposerAction =
  | { [K in Field]: { type: 'set'; field: K; value: ComposerState[K] } }[Field]
  | { type: 'toggle-identifier'; key: string }
  | { type: 'toggle-sensitive'; site: string }
  | { type: 'edit'; subject: string; body: string }
  | { type: 'reset-text' }
  | { type: 'email-hashed'; hash: string }
  | { type: 'contact-kept' }
  | { type: 'composed'; letter: Letter; cites: EvidenceSnapshot };

export const idKey = (i: CitedIdentifier) => `${i.source}\n${i.name}\n${i.value}`;

/** The identifiers a letter may cite: the company's cookies, then the identifiers its requests carried. */
export const candidatesOf = (input: ComposerInput): CitedIdentifier[] => [
  ...input.cookies,
  ...input.gathered.requestIdentifiers,
];

/** A fresh form for one company and reference. */
export function initialComposerState(input: ComposerInput): ComposerState {
  const trackerContact = input.company.contact;
  const law = firstLaw(input);
  return {
    contact:
      input.correction?.value ??
      (trackerContact.kind === 'email' || trackerContact.kind === 'url' ? trackerContact.value : ''),
    representative: input.correction?.representative ?? '',
    jurisdiction: law,
    requested: 'erasure',
    chosenLanguage: firstLanguage(input, law),
    reason: '',
    // Only known tracking identifiers are ticked to start with; the person ticks any other they recognise.
    chosen: new Set(
      candidatesOf(input)
        .filter((c) => isKnownTrackingId(c.name))
        .map(idKey),
    ),
    sensitive: new Set<string>(),
    letter: undefined,
    cites: undefined,
    edited: undefined,
    sentOn: input.today,
    email: '',
    ip: '',
    emailHash: '',
    contactKept: false,
    name: '',
    signatureLine: false,
  };
}

const toggled = (set: ReadonlySet<string>, key: string): ReadonlySet<string> => {
  const next = new Set(set);
  if (next.has(key)) next.delete(key);
  else next.add(key);
  return next;
};

export function composerReducer(state: ComposerState, action: ComposerAction): ComposerState {
  switch (action.type) {
    case 'set':
      return { ...state, [action.field]: action.value };
    case 'toggle-identifier':
      return { ...state, chosen: toggled(state.chosen, action.key) };
    case 'toggle-sensitive':
      return { ...state, sensitive: toggled(state.sensitive, action.site) };
    case 'edit':
      return { ...state, edited: { subject: action.subject, body: action.body } };
    case 'reset-text':
      return { ...state, edited: undefined };
    case 'email-hashed':
      return { ...state, emailHash: action.hash };
    case 'contact-kept':
      return { ...state, contactKept: true };
    case 'composed':
      return { ...state, letter: action.letter, cites: action.cites };
  }
}

/** What follows from the state: what the letter says and to whom, and when an answer is due. */
export interface DerivedLetter {
  right: LetterRight;
  /** The languages that write the law: a CCPA letter is in English for now. */
  languages: LetterLanguage[];
  language: string;
  /** The email's hash and the IP address, once each reads as one. */
  personal: CitedIdentifier[];
  recipient: string;
  /** Whether the recipient is a web form's address rather than an email address. */
  isForm: boolean;
  subject: string;
  body: string;
  /** The controller's country, for the public holidays in the deadline. */
  country: string | undefined;
  due: DueDate;
}

export function deriveLetter(state: ComposerState, input: ComposerInput): DerivedLetter {
  const { jurisdiction, requested, chosenLanguage, emailHash, ip, representative, contact, letter, edited } = state;
  const right: LetterRight = lawGrants(jurisdiction, requested) ? requested : 'erasure';
  const languages = LETTER_LANGUAGES.filter((l) => writesLaw(l, jurisdiction));
  const language = languages.some((l) => l.code === chosenLanguage) ? chosenLanguage : 'en';
  const personal: CitedIdentifier[] = [
    ...(emailHash ? [{ source: 'hashed-email' as const, name: '', value: emailHash }] : []),
    ...(isIpAddress(ip.trim()) ? [{ source: 'ip' as const, name: '', value: ip.trim() }] : []),
  ];
  const recipient = (representative.trim() && jurisdiction !== 'ccpa' ? representative : contact).trim();
  // The controller's country: its establishment where the table knows it, else the user's residence (the tracker
  // data's country is the parent's head office: Google and Meta are "US", their EU controllers in Ireland).
  const country = controllerCountry(input.company.id, input.residence ?? '') || input.company.country;
  return {
    right,
    languages,
    language,
    personal,
    recipient,
    isForm: /^https?:\/\//i.test(recipient),
    subject: edited?.subject ?? letter?.subject ?? '',
    body: edited?.body ?? letter?.body ?? '',
    country,
    due: dueDate({ law: jurisdiction, right, received: state.sentOn, ...(country ? { country } : {}) }),
  };
}

/** What the letter is composed from: the evidence (sensitive sites only when chosen), the identifiers, the options. */
export function letterRequest(
  state: ComposerState,
  input: ComposerInput,
  candidates: CitedIdentifier[],
  derived: Pick<DerivedLetter, 'right' | 'personal'>,
): { evidence: LetterEvidence; cited: CitedIdentifier[]; options: LetterOptions } {
  const { gathered } = input;
  const evidence = evidenceFor(
    gathered,
    gathered.evidence.sites.filter((s) => !gathered.sensitiveSites.includes(s) || state.sensitive.has(s)),
  );
  const options: LetterOptions = {
    jurisdiction: state.jurisdiction,
    right: derived.right,
    reference: input.reference,
    date: input.today,
    reason: state.reason,
    representative: !!state.representative.trim() && state.jurisdiction !== 'ccpa',
    extensionVersion: input.extensionVersion,
    signer: state.name,
    ...(input.residence ? { residence: input.residence } : {}),
  };
  const cited = [...candidates.filter((c) => state.chosen.has(idKey(c))), ...derived.personal];
  return { evidence, cited, options };
}

/** The letter as it is recorded once sent, or nothing while it has no recipient or is not composed yet. */
export function sentLetter(state: ComposerState, derived: DerivedLetter): SentLetter | undefined {
  if (!derived.recipient || !state.cites) return undefined;
  const { right, recipient, subject, body, language, country } = derived;
  return {
    evidence: state.cites,
    right,
    recipient,
    subject,
    body,
    jurisdiction: state.jurisdiction,
    language,
    sentOn: state.sentOn,
    channel: derived.isForm ? 'web-form' : 'email',
    ...(country ? { country } : {}),
    ...(state.name.trim() ? { name: state.name.trim() } : {}),
  };
}

/** The evidence a letter was written from and the identifiers it cites, as the letter's record keeps them. */
export function snapshotOf(evidence: LetterEvidence, cited: CitedIdentifier[]): EvidenceSnapshot {
  const { domains, sites, requests, firstSeen, lastSeen, categories, kinds } = evidence;
  return {
    domains,
    sites,
    requests,
    firstSeen,
    lastSeen,
    categories,
    kinds,
    identifiers: cited.map(({ source, name, value, domain }) => ({
      source,
      name,
      value,
      ...(domain !== undefined ? { domain } : {}),
    })),
  };
}

export interface ComposerModel extends DerivedLetter {
  state: ComposerState;
  candidates: CitedIdentifier[];
  dispatch: (action: ComposerAction) => void;
  /** Saves the contact and representative as the person's correction. */
  saveContact: () => void;
  /** Records the letter as sent; nothing while it cannot be (no recipient, not composed yet). */
  markSent: () => void;
}

/** The composer's state for one company and reference, with the letter recomposed whenever what it cites changes. */
export function useComposer(input: ComposerInput, actions: ComposerActions): ComposerModel {
  const [state, dispatch] = useReducer(composerReducer, input, initialComposerState);
  const candidates = useMemo(() => candidatesOf(input), [input.cookies, input.gathered]);
  const derived = deriveLetter(state, input);
  const { email } = state;
  useEffect(() => {
    if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) {
      hashEmail(email).then((hash) => dispatch({ type: 'email-hashed', hash }));
    } else dispatch({ type: 'email-hashed', hash: '' });
  }, [email]);
  useEffect(() => {
    const { evidence, cited, options } = letterRequest(state, input, candidates, derived);
    composeLetter(letterLanguage(derived.language), evidence, cited, options).then((letter) =>
      dispatch({ type: 'composed', letter, cites: snapshotOf(evidence, cited) }),
    );
  }, [
    input.gathered,
    state.jurisdiction,
    derived.right,
    derived.language,
    state.reason,
    state.chosen,
    state.sensitive,
    state.representative,
    candidates,
    state.emailHash,
    state.ip,
    state.name,
  ]);
  return {
    ...derived,
    state,
    candidates,
    dispatch,
    saveContact: () => {
      actions
        .saveContact(state.contact.trim(), state.representative.trim())
        .then(() => dispatch({ type: 'contact-kept' }));
    },
    markSent: () => {
      const letter = sentLetter(state, derived);
      if (letter) actions.sent(letter);
    },
  };
}

/** An IPv4 or IPv6 address as the user typed it (the extension never looks it up: that would be a request). */
export function isIpAddress(text: string): boolean {
  return (
    /^(\d{1,3})(\.\d{1,3}){3}$/.test(text) || (/^[0-9a-f:]+$/i.test(text) && text.includes(':') && text.length >= 3)
  );
}

/** The law offered first: the residence's, else the company's establishment's. */
function firstLaw(input: ComposerInput): Law {
  return lawsFor(input.residence ?? '', input.company.id)[0] ?? 'gdpr';
}

/** The letter language offered first: the establishment's, else the UI language, else the residence's, else English. */
function firstLanguage(input: ComposerInput, law: Law): string {
  const available = LETTER_LANGUAGES.filter((l) => writesLaw(l, law)).map((l) => l.code);
  if (establishmentOf(input.company.id))
    return defaultLetterLanguage(input.company.id, input.residence ?? '', available);
  if (available.includes(input.uiLanguage)) return input.uiLanguage;
  return defaultLetterLanguage(input.company.id, input.residence ?? '', available);
}
