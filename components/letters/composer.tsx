import { useEffect, useMemo, useState } from 'preact/hooks';
import type { MessageKey, Translate } from '../../lib/i18n.ts';
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
import { dueDate } from '../../lib/letters/deadline.ts';
import {
  controllerCountry,
  defaultLetterLanguage,
  establishmentOf,
  lawsFor,
} from '../../lib/letters/establishments.ts';
import { evidenceFor, type GatheredEvidence } from '../../lib/letters/evidence.ts';
import { LETTER_LANGUAGES, letterLanguage } from '../../lib/letters/languages.ts';
import { LAWS, type Law, lawGrants } from '../../lib/letters/laws.ts';
import type { EvidenceSnapshot } from '../../lib/letters/types.ts';
import type { Company } from '../../lib/trackers/company.ts';
import { formatDay } from '../format.ts';
import { Channels, textRows } from './channels.tsx';
import { Paper, SignerFields } from './paper.tsx';

export interface ComposerInput {
  company: Company;
  gathered: GatheredEvidence;
  /** Citable cookies of the company's own domains (deny-list applied). */
  cookies: CitedIdentifier[];
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

export interface ComposerActions {
  saveContact: (value: string, representative: string) => Promise<void>;
  download: (filename: string, type: string, text: string) => void;
  copy: (text: string) => Promise<void>;
  sent: (letter: {
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
  }) => Promise<void>;
}

/** The evidence a letter was written from and the identifiers it cites, as the letter's record keeps them. */
function snapshotOf(evidence: LetterEvidence, cited: CitedIdentifier[]): EvidenceSnapshot {
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

const idKey = (i: CitedIdentifier) => `${i.source}\n${i.name}\n${i.value}`;

type ComposerProps = { t: Translate; input: ComposerInput; actions: ComposerActions };

/**
 * The deletion-request composer: recipient, jurisdiction and language, the identifiers and sites to cite, an
 * editable preview, and the ways to send it. Nothing is sent by Disclosed; the user says when they sent it.
 * Each company (and each new reference) gets a fresh form: nothing typed for one company, its recipient least of
 * all, stays when the page moves on to another.
 */
export function Composer(props: ComposerProps) {
  return <ComposerForm key={`${props.input.company.id}\n${props.input.reference}`} {...props} />;
}

function ComposerForm({ t, input, actions }: ComposerProps) {
  const { company, gathered } = input;
  const trackerContact = company.contact;
  const [contact, setContact] = useState(
    input.correction?.value ??
      (trackerContact.kind === 'email' || trackerContact.kind === 'url' ? trackerContact.value : ''),
  );
  const [representative, setRepresentative] = useState(input.correction?.representative ?? '');
  const [jurisdiction, setJurisdiction] = useState<Law>(() => firstLaw(input));
  const [requested, setRight] = useState<LetterRight>('erasure');
  const right: LetterRight = lawGrants(jurisdiction, requested) ? requested : 'erasure';
  const [chosenLanguage, setLanguage] = useState(() => firstLanguage(input, firstLaw(input)));
  // Only languages that write the law: a CCPA letter is in English for now.
  const languages = LETTER_LANGUAGES.filter((l) => writesLaw(l, jurisdiction));
  const language = languages.some((l) => l.code === chosenLanguage) ? chosenLanguage : 'en';
  const [reason, setReason] = useState('');
  const candidates = useMemo(() => [...input.cookies, ...gathered.requestIdentifiers], [input.cookies, gathered]);
  // Only known tracking identifiers are ticked to start with; the person ticks any other they recognise.
  const [chosen, setChosen] = useState(() => new Set(candidates.filter((c) => isKnownTrackingId(c.name)).map(idKey)));
  const [sensitive, setSensitive] = useState(() => new Set<string>());
  const [letter, setLetter] = useState<Letter | undefined>(undefined);
  const [cites, setCites] = useState<EvidenceSnapshot | undefined>(undefined);
  const [edited, setEdited] = useState<{ subject: string; body: string } | undefined>(undefined);
  const [sentOn, setSentOn] = useState(input.today);
  const [email, setEmail] = useState('');
  const [ip, setIp] = useState('');
  const [emailHash, setEmailHash] = useState('');
  useEffect(() => {
    if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) hashEmail(email).then(setEmailHash);
    else setEmailHash('');
  }, [email]);
  const personal: CitedIdentifier[] = [
    ...(emailHash ? [{ source: 'hashed-email' as const, name: '', value: emailHash }] : []),
    ...(isIpAddress(ip.trim()) ? [{ source: 'ip' as const, name: '', value: ip.trim() }] : []),
  ];
  const [contactNotice, setContactNotice] = useState('');
  const [name, setName] = useState('');
  const [signatureLine, setSignatureLine] = useState(false);

  useEffect(() => {
    const evidence = evidenceFor(
      gathered,
      gathered.evidence.sites.filter((s) => !gathered.sensitiveSites.includes(s) || sensitive.has(s)),
    );
    const options: LetterOptions = {
      jurisdiction,
      right,
      reference: input.reference,
      date: input.today,
      reason,
      representative: !!representative.trim() && jurisdiction !== 'ccpa',
      extensionVersion: input.extensionVersion,
      signer: name,
    };
    const cited = [...candidates.filter((c) => chosen.has(idKey(c))), ...personal];
    composeLetter(letterLanguage(language), evidence, cited, options).then((composed) => {
      setLetter(composed);
      setCites(snapshotOf(evidence, cited));
    });
  }, [
    gathered,
    jurisdiction,
    right,
    language,
    reason,
    chosen,
    sensitive,
    representative,
    candidates,
    emailHash,
    ip,
    name,
  ]);

  const recipient = (representative.trim() && jurisdiction !== 'ccpa' ? representative : contact).trim();
  const isForm = /^https?:\/\//i.test(recipient);
  const subject = edited?.subject ?? letter?.subject ?? '';
  const body = edited?.body ?? letter?.body ?? '';
  // The controller's country: its establishment where the table knows it, else the user's residence (the tracker
  // data's country is the parent's head office: Google and Meta are "US", their EU controllers in Ireland).
  const country = controllerCountry(company.id, input.residence ?? '') || company.country;
  const due = dueDate({ law: jurisdiction, right, received: sentOn, ...(country ? { country } : {}) });
  const toggle = (set: Set<string>, key: string, update: (s: Set<string>) => void) => {
    const next = new Set(set);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    update(next);
  };

  return (
    <section aria-labelledby="letter-heading" class="composer">
      <h2 id="letter-heading">{t('letterHeading', [company.name])}</h2>
      <p class="notice" data-testid="not-legal-advice">
        {t('letterNotLegalAdvice')}
      </p>

      <fieldset>
        <legend>{t('letterRecipient')}</legend>
        {!contact && !input.correction && (
          <p data-testid="needs-contact" class="warning">
            {t('letterNeedsContact')}{' '}
            {company.privacyPolicy && (
              <a href={company.privacyPolicy} target="_blank" rel="noreferrer">
                {t('letterPrivacyPolicy')}
              </a>
            )}
          </p>
        )}
        <label>
          {t('letterContact')}{' '}
          <input data-testid="letter-contact" value={contact} onInput={(e) => setContact(e.currentTarget.value)} />
        </label>
        {input.correction && <p class="hint">{t('letterContactYours')}</p>}
        <p role="status" data-testid="contact-status">
          {contactNotice}
        </p>
        <label>
          {t('letterRepresentative')}{' '}
          <input value={representative} onInput={(e) => setRepresentative(e.currentTarget.value)} />
        </label>
        <button
          type="button"
          onClick={() =>
            actions
              .saveContact(contact.trim(), representative.trim())
              .then(() => setContactNotice(t('letterContactKept')))
          }
        >
          {t('letterSaveContact')}
        </button>
      </fieldset>

      <fieldset class="letter-options">
        <legend>{t('letterOptions')}</legend>
        <label>
          {t('letterJurisdiction')}{' '}
          <select
            data-testid="letter-jurisdiction"
            value={jurisdiction}
            onChange={(e) => setJurisdiction(e.currentTarget.value as Law)}
          >
            {LAWS.map((law) => (
              <option key={law} value={law}>
                {t(LAW_NAMES[law])}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('letterRight')}{' '}
          <select
            data-testid="letter-right"
            value={right}
            onChange={(e) => setRight(e.currentTarget.value as LetterRight)}
          >
            <option value="erasure">{t('letterRightErasure')}</option>
            <option value="access">{t('letterRightAccess')}</option>
            <option value="objection">{t('letterRightObjection')}</option>
            <option value="withdrawal" disabled={!lawGrants(jurisdiction, 'withdrawal')}>
              {t('letterRightWithdrawal')}
            </option>
          </select>
        </label>
        <label>
          {t('letterLanguage')}{' '}
          <select data-testid="letter-language" value={language} onChange={(e) => setLanguage(e.currentTarget.value)}>
            {languages.map((l) => (
              <option key={l.code} value={l.code}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
        {jurisdiction !== 'ccpa' && right === 'erasure' && (
          <label class="block">
            {t('letterReason')}
            <textarea rows={2} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
          </label>
        )}
      </fieldset>

      <fieldset>
        <legend>{t('letterIdentifiers')}</legend>
        {candidates.length === 0 ? (
          <p>{t('letterNoIdentifiers')}</p>
        ) : (
          <ul class="checks" data-testid="letter-identifiers">
            {candidates.map((c) => (
              <li key={idKey(c)}>
                <label>
                  <input
                    type="checkbox"
                    checked={chosen.has(idKey(c))}
                    onChange={() => toggle(chosen, idKey(c), setChosen)}
                  />{' '}
                  {c.source === 'cookie' ? t('letterCookie', [c.name, c.domain ?? '']) : t('letterParameter', [c.name])}
                  : <code>{c.value}</code>
                </label>
              </li>
            ))}
          </ul>
        )}
        {input.cookies.length > 0 && <p class="hint">{t('letterKeepCookies')}</p>}
      </fieldset>

      <fieldset>
        <legend>{t('letterPersonal')}</legend>
        <p class="hint warning">{t('letterPersonalWarning')}</p>
        <label>
          {t('letterEmail')}{' '}
          <input
            type="email"
            data-testid="letter-email"
            value={email}
            onInput={(e) => setEmail(e.currentTarget.value)}
          />
        </label>
        {emailHash && (
          <p class="hint" data-testid="letter-email-hash">
            {t('letterEmailHashed', [emailHash])}
          </p>
        )}
        <label>
          {t('letterIp')} <input value={ip} onInput={(e) => setIp(e.currentTarget.value)} />
        </label>
      </fieldset>

      <SignerFields
        t={t}
        name={name}
        onName={setName}
        signatureLine={signatureLine}
        onSignatureLine={setSignatureLine}
      />

      {gathered.sensitiveSites.length > 0 && (
        <fieldset>
          <legend>{t('letterSensitive')}</legend>
          <p class="hint">{t('letterSensitiveHint')}</p>
          <ul class="checks">
            {gathered.sensitiveSites.map((s) => (
              <li key={s}>
                <label>
                  <input
                    type="checkbox"
                    checked={sensitive.has(s)}
                    onChange={() => toggle(sensitive, s, setSensitive)}
                  />{' '}
                  {s}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}

      <fieldset class="preview">
        <legend>{t('letterPreview')}</legend>
        <label class="block">
          {t('letterSubject')}
          <input
            data-testid="letter-subject"
            value={subject}
            onInput={(e) => setEdited({ subject: e.currentTarget.value, body })}
          />
        </label>
        <label class="block">
          {t('letterBody')}
          <textarea
            data-testid="letter-body"
            rows={textRows(body, 12)}
            value={body}
            onInput={(e) => setEdited({ subject, body: e.currentTarget.value })}
          />
        </label>
        {edited && (
          <button type="button" onClick={() => setEdited(undefined)}>
            {t('letterResetText')}
          </button>
        )}
        {letter?.attachment && <p class="hint">{t('letterAttachment', [letter.attachment.filename])}</p>}
      </fieldset>

      <fieldset class="send">
        <legend>{t('letterSend')}</legend>
        <p class="hint">{t('letterNoAutoSend')}</p>
        <Channels
          t={t}
          recipient={recipient}
          subject={subject}
          body={body}
          reference={input.reference}
          {...(letter?.attachment ? { attachment: letter.attachment } : {})}
          actions={actions}
        />
        <div class="sent">
          <label>
            {t('letterSentOn')}{' '}
            <input
              type="date"
              data-testid="letter-sent-on"
              value={sentOn}
              max={input.today}
              onInput={(e) => setSentOn(e.currentTarget.value || input.today)}
            />
          </label>
          <button
            type="button"
            class="primary"
            data-testid="letter-sent"
            disabled={!recipient || !cites}
            onClick={() =>
              cites &&
              actions.sent({
                evidence: cites,
                right,
                recipient,
                subject,
                body,
                jurisdiction,
                language,
                sentOn,
                channel: isForm ? 'web-form' : 'email',
                ...(country ? { country } : {}),
                ...(name.trim() ? { name: name.trim() } : {}),
              })
            }
          >
            {t('letterISentIt')}
          </button>
          {due.kind === 'due' && <p class="hint">{t('letterDueIf', [formatDay(due.due)])}</p>}
        </div>
      </fieldset>
      <Paper
        from={name}
        to={`${company.name}\n${recipient}`}
        subject={subject}
        body={body}
        closing={letterLanguage(language).closing}
        signatureLine={signatureLine}
      />
    </section>
  );
}

const LAW_NAMES: Record<Law, MessageKey> = {
  gdpr: 'letterJurisdictionGdpr',
  'uk-gdpr': 'letterJurisdictionUk',
  fadp: 'letterJurisdictionFadp',
  lgpd: 'letterJurisdictionLgpd',
  ccpa: 'letterJurisdictionCcpa',
};

export const statusKey = (status: string) => `letterStatus_${status.replace(/-/g, '_')}` as MessageKey;

/** An IPv4 or IPv6 address as the user typed it (the extension never looks it up: that would be a request). */
function isIpAddress(text: string): boolean {
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
