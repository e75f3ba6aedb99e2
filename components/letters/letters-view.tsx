import { useEffect, useState } from 'preact/hooks';
import type { MessageKey, Translate } from '../../lib/i18n.ts';
import { AUTHORITIES, complaintAuthorities } from '../../lib/letters/authorities.ts';
import {
  type ComplaintInput,
  type ConsentEvidence,
  composeComplaint,
  composeReminder,
  composeReply,
  type FollowUp as FollowUpLetter,
  type FollowUpRequest,
  reliedOnUnlawful,
} from '../../lib/letters/compose.ts';
import { daysLeft } from '../../lib/letters/deadline.ts';
import { establishmentOf } from '../../lib/letters/establishments.ts';
import type { ReplyKind } from '../../lib/letters/language.ts';
import { letterLanguage } from '../../lib/letters/languages.ts';
import { currentDue, effectiveStatus, LETTER_STATUSES } from '../../lib/letters/records.ts';
import { icsFile } from '../../lib/letters/send.ts';
import type { LetterRecord, LetterStatus } from '../../lib/letters/types.ts';
import { formatDay, formatRegion } from '../format.ts';
import { type ChannelActions, Channels, textRows } from './channels.tsx';
import { statusKey } from './composer.tsx';
import { Paper, SignerFields } from './paper.tsx';

/** Every request, by status, with the days left or overdue; reminders, a reminder letter, the calendar file. */
export function LettersView({
  t,
  letters,
  today,
  companyHref,
  onStatus,
  download,
  copy,
  consentOf,
}: {
  t: Translate;
  letters: LetterRecord[] | undefined;
  today: string;
  companyHref: (id: string) => string;
  onStatus: (reference: string, status: LetterStatus) => void;
  download: (filename: string, type: string, text: string) => void;
  copy: (text: string) => Promise<void>;
  /** The cookie-banner evidence of the sites a sent letter listed, for its complaint's timeline. */
  consentOf?: (record: LetterRecord) => Promise<ConsentEvidence | undefined>;
}) {
  const [reminderFor, setReminderFor] = useState<string | undefined>(undefined);
  if (!letters) return null;
  const rows = [...letters].sort((a, b) => (currentDue(a) ?? '9').localeCompare(currentDue(b) ?? '9'));
  const reminder = rows.find((r) => r.reference === reminderFor);
  return (
    <section aria-labelledby="letters-heading">
      <h2 id="letters-heading">{t('lettersHeading')}</h2>
      {rows.length === 0 ? (
        <p data-testid="letters-empty">{t('lettersEmpty')}</p>
      ) : (
        <table class="data" data-testid="letters-table">
          <thead>
            <tr>
              <th scope="col">{t('dashColCompany')}</th>
              <th scope="col">{t('lettersReference')}</th>
              <th scope="col">{t('lettersSent')}</th>
              <th scope="col">{t('lettersDue')}</th>
              <th scope="col">{t('lettersStatus')}</th>
              <th scope="col">{t('lettersActions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const due = currentDue(r);
              const left = due ? daysLeft(due, today) : undefined;
              const status = effectiveStatus(r, today);
              return (
                <tr key={r.reference} data-reference={r.reference}>
                  <td>
                    <a href={companyHref(r.company)}>{r.companyName}</a>
                  </td>
                  <td>
                    <code>{r.reference}</code>
                  </td>
                  <td>{r.sentOn ? <time dateTime={r.sentOn}>{formatDay(r.sentOn)}</time> : '—'}</td>
                  <td data-testid="letter-due">
                    {due ? <time dateTime={due}>{formatDay(due)}</time> : '—'}
                    {left !== undefined && (
                      <span class={left < 0 ? 'overdue' : 'left'} data-testid="letter-days">
                        {' '}
                        {left < 0
                          ? t('lettersOverdue', [-left])
                          : left === 0
                            ? t('lettersDueToday')
                            : t('lettersDaysLeft', [left])}
                      </span>
                    )}
                  </td>
                  <td>
                    <label>
                      <span class="visually-hidden">{t('lettersStatus')}</span>
                      <select
                        data-testid="letter-status"
                        value={status}
                        onChange={(e) => onStatus(r.reference, e.currentTarget.value as LetterStatus)}
                      >
                        {LETTER_STATUSES.map((s) => (
                          <option key={s} value={s}>
                            {t(statusKey(s))}
                          </option>
                        ))}
                      </select>
                    </label>
                  </td>
                  <td>
                    {due && (
                      <button
                        type="button"
                        onClick={() =>
                          download(
                            `${r.reference}.ics`,
                            'text/calendar',
                            icsFile({
                              reference: r.reference,
                              due,
                              summary: t('lettersCalendarSummary', [r.companyName, r.reference]),
                              description: t('lettersCalendarDescription', [r.sentOn ?? '', due, r.recipient]),
                              now: new Date(),
                            }),
                          )
                        }
                      >
                        {t('lettersIcs')}
                      </button>
                    )}{' '}
                    {due && (
                      <button
                        type="button"
                        data-testid="letter-follow-up"
                        aria-expanded={reminderFor === r.reference}
                        onClick={() => setReminderFor(reminderFor === r.reference ? undefined : r.reference)}
                      >
                        {t('lettersFollowUp')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {reminder?.sentOn && (
        <FollowUp
          key={reminder.reference}
          t={t}
          record={reminder}
          today={today}
          actions={{ download, copy }}
          {...(consentOf ? { consentOf } : {})}
        />
      )}
    </section>
  );
}

type FollowUpKind = 'reminder' | 'replies' | 'complaint';

const FOLLOW_UP_LABELS: [FollowUpKind, MessageKey][] = [
  ['reminder', 'lettersReminder'],
  ['replies', 'lettersReplies'],
  ['complaint', 'lettersComplaint'],
];

const REPLY_LABELS: [ReplyKind, MessageKey][] = [
  ['cannotIdentify', 'lettersReplyCannotIdentify'],
  ['idDocument', 'lettersReplyIdDocument'],
  ['webForm', 'lettersReplyWebForm'],
  ['suppressed', 'lettersReplySuppressed'],
  ['fee', 'lettersReplyFee'],
  ['processor', 'lettersReplyProcessor'],
];

/**
 * After the deadline or a reply: a reminder letter, prepared answers to the usual replies, a complaint, each composed
 * under the request's law in its language (lib/letters/compose.ts). Each is a letter like the request itself:
 * editable text, signed with the user's name if they gave one, sent the same ways (mail, copy, `.eml`, print).
 */
function FollowUp({
  t,
  record,
  today,
  actions,
  consentOf,
}: {
  t: Translate;
  record: LetterRecord;
  today: string;
  actions: ChannelActions;
  consentOf?: (record: LetterRecord) => Promise<ConsentEvidence | undefined>;
}) {
  const [consent, setConsent] = useState<ConsentEvidence | undefined>(undefined);
  useEffect(() => {
    let current = true;
    consentOf?.(record).then((c) => current && setConsent(c));
    return () => {
      current = false;
    };
  }, [record.reference]);
  const [kind, setKind] = useState<FollowUpKind>('reminder');
  const [reply, setReply] = useState<ReplyKind>('cannotIdentify');
  const [country, setCountry] = useState(() => localStorage.getItem('disclosed.residence') ?? '');
  const [name, setName] = useState(record.name ?? '');
  const [signatureLine, setSignatureLine] = useState(false);
  const [contact, setContact] = useState('');
  const [shareIdentity, setShareIdentity] = useState(false);
  const lang = letterLanguage(record.language);
  const due = currentDue(record);
  const request: FollowUpRequest = {
    jurisdiction: record.jurisdiction,
    right: record.right,
    reference: record.reference,
    companyName: record.companyName,
    recipient: record.recipient,
    sentOn: record.sentOn ?? today,
    ...(due && record.right !== 'withdrawal' ? { due } : {}),
    subject: record.subject,
    ...(record.evidence ? { citedIdentifiers: record.evidence.identifiers.length } : {}),
  };
  const seat = establishmentOf(record.company);
  const authority = complaintAuthorities(record.jurisdiction, country, seat?.country)[0];
  const company = `${record.companyName}\n${record.recipient}`;
  let draft: FollowUpLetter & { to: string; paperTo: string };
  if (kind === 'replies') {
    draft = { to: record.recipient, paperTo: company, ...composeReply(lang, request, reply, today, name) };
  } else if (kind === 'complaint') {
    const input: ComplaintInput = {
      authority: authority?.name ?? '',
      complainant: [name, contact]
        .map((s) => s.trim())
        .filter(Boolean)
        .join('\n'),
      controller: seat ? [seat.entity, seat.address].filter(Boolean).join('\n') : record.companyName,
      answer:
        record.status === 'refused' ? 'refused' : record.status === 'needs-identification' ? 'identification' : 'none',
      shareIdentity,
      signer: name,
      ...(consent ? { consent, unlawful: reliedOnUnlawful(lang, record.jurisdiction, record.body) } : {}),
    };
    draft = {
      to: authority?.website ?? '',
      paperTo: authority?.name ?? '',
      ...composeComplaint(lang, request, input, today),
    };
  } else {
    draft = { to: record.recipient, paperTo: company, ...composeReminder(lang, request, today, name) };
  }
  return (
    <section aria-labelledby="follow-up-heading" class="composer follow-up" data-testid="follow-up">
      <h3 id="follow-up-heading">{t('lettersFollowUpHeading', [record.companyName, record.reference])}</h3>
      <fieldset class="windows">
        <legend class="visually-hidden">{t('lettersFollowUp')}</legend>
        {FOLLOW_UP_LABELS.map(([k, label]) => (
          <button key={k} type="button" aria-pressed={kind === k} onClick={() => setKind(k)}>
            {t(label)}
          </button>
        ))}
      </fieldset>
      {kind === 'replies' && (
        <fieldset data-testid="reply-kinds">
          <legend>{t('lettersReplyKind')}</legend>
          {REPLY_LABELS.map(([k, label]) => (
            <label key={k}>
              <input type="radio" name="reply" checked={reply === k} onChange={() => setReply(k)} /> {t(label)}
            </label>
          ))}
        </fieldset>
      )}
      {kind === 'complaint' && (
        <fieldset>
          <legend>{t('lettersComplainant')}</legend>
          <label>
            {t('lettersResidence')}{' '}
            <select
              data-testid="residence"
              value={country}
              onChange={(e) => {
                setCountry(e.currentTarget.value);
                localStorage.setItem('disclosed.residence', e.currentTarget.value);
              }}
            >
              <option value="">—</option>
              {[...new Set(AUTHORITIES.filter((a) => a.law === 'gdpr').map((a) => a.country))].map((c) => (
                <option key={c} value={c}>
                  {formatRegion(c)}
                </option>
              ))}
            </select>
          </label>
          {authority && (
            <p data-testid="authority">
              <a href={authority.website} target="_blank" rel="noreferrer">
                {authority.name}
              </a>
            </p>
          )}
          <p class="hint">{t('lettersComplainantNeeded')}</p>
          <label class="block">
            {t('lettersComplainantContact')}
            <textarea
              rows={3}
              data-testid="complainant-contact"
              value={contact}
              onInput={(e) => setContact(e.currentTarget.value)}
            />
          </label>
          <label>
            <input
              type="checkbox"
              data-testid="share-identity"
              checked={shareIdentity}
              onChange={(e) => setShareIdentity(e.currentTarget.checked)}
            />{' '}
            {t('lettersShareIdentity')}
          </label>
        </fieldset>
      )}
      <SignerFields
        t={t}
        name={name}
        onName={setName}
        signatureLine={signatureLine}
        onSignatureLine={setSignatureLine}
      />
      <Draft
        key={`${record.reference}\n${kind}\n${reply}`}
        t={t}
        reference={`${record.reference}-${kind === 'replies' ? reply : kind}`}
        to={draft.to}
        paperTo={draft.paperTo}
        from={name}
        subject={draft.subject}
        body={draft.body}
        closing={lang.closing}
        language={lang.code}
        signatureLine={signatureLine}
        actions={actions}
      />
    </section>
  );
}

/** A follow-up's text, editable as the request's is, and the ways to send it. */
function Draft({
  t,
  reference,
  to,
  paperTo,
  from,
  subject,
  body,
  closing,
  language,
  signatureLine,
  actions,
}: {
  t: Translate;
  reference: string;
  to: string;
  paperTo: string;
  from: string;
  subject: string;
  body: string;
  closing: string;
  language: string;
  signatureLine: boolean;
  actions: ChannelActions;
}) {
  const [edited, setEdited] = useState<{ subject: string; body: string } | undefined>(undefined);
  const text = edited ?? { subject, body };
  return (
    <>
      <fieldset class="preview">
        <legend>{t('letterPreview')}</legend>
        {to && (
          <p>
            {t('letterRecipient')}: <code data-testid="follow-up-to">{to}</code>
          </p>
        )}
        <label class="block">
          {t('letterSubject')}
          <input
            data-testid="follow-up-subject"
            value={text.subject}
            onInput={(e) => setEdited({ ...text, subject: e.currentTarget.value })}
          />
        </label>
        <label class="block">
          {t('letterBody')}
          <textarea
            rows={textRows(text.body, 10)}
            value={text.body}
            data-testid="follow-up-body"
            onInput={(e) => setEdited({ ...text, body: e.currentTarget.value })}
          />
        </label>
        {edited && (
          <button type="button" onClick={() => setEdited(undefined)}>
            {t('letterResetText')}
          </button>
        )}
      </fieldset>
      <fieldset class="send">
        <legend>{t('letterSend')}</legend>
        <Channels
          t={t}
          recipient={to}
          subject={text.subject}
          body={text.body}
          reference={reference}
          actions={actions}
        />
      </fieldset>
      <Paper
        from={from}
        to={paperTo}
        subject={text.subject}
        body={text.body}
        closing={closing}
        signatureLine={signatureLine}
        lang={language}
      />
    </>
  );
}
