import { useState } from 'preact/hooks';
import type { MessageKey, Translate } from '../../lib/i18n.ts';
import { AUTHORITIES, complaintAuthorities } from '../../lib/letters/authorities.ts';
import { composeComplaint, composeReminder, composeReply, type FollowUpRequest } from '../../lib/letters/compose.ts';
import { daysLeft } from '../../lib/letters/deadline.ts';
import { establishmentOf } from '../../lib/letters/establishments.ts';
import type { ReplyKind } from '../../lib/letters/language.ts';
import { letterLanguage } from '../../lib/letters/languages.ts';
import { currentDue, effectiveStatus, LETTER_STATUSES } from '../../lib/letters/records.ts';
import { icsFile } from '../../lib/letters/send.ts';
import type { LetterRecord, LetterStatus } from '../../lib/letters/types.ts';
import { statusKey } from './composer.tsx';

/** Every request, by status, with the days left or overdue; reminders, a reminder letter, the calendar file. */
export function LettersView({
  t,
  letters,
  today,
  companyHref,
  onStatus,
  download,
}: {
  t: Translate;
  letters: LetterRecord[] | undefined;
  today: string;
  companyHref: (id: string) => string;
  onStatus: (reference: string, status: LetterStatus) => void;
  download: (filename: string, type: string, text: string) => void;
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
                  <td>{r.sentOn ?? '—'}</td>
                  <td data-testid="letter-due">
                    {due ?? '—'}
                    {left !== undefined && (
                      <span class={left < 0 ? 'overdue' : 'left'} data-testid="letter-days">
                        {' '}
                        {left < 0
                          ? t('lettersOverdue', [String(-left)])
                          : left === 0
                            ? t('lettersDueToday')
                            : t('lettersDaysLeft', [String(left)])}
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
      {reminder?.sentOn && <FollowUp t={t} record={reminder} today={today} />}
    </section>
  );
}

type FollowUpKind = 'reminder' | 'replies' | 'complaint';

/** After the deadline or a reply: a reminder letter, prepared answers to the usual replies, a complaint. */
function FollowUp({ t, record, today }: { t: Translate; record: LetterRecord; today: string }) {
  const [kind, setKind] = useState<FollowUpKind>('reminder');
  const [country, setCountry] = useState(() => localStorage.getItem('disclosed.residence') ?? '');
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
  };
  const seat = establishmentOf(record.company);
  const authorities = complaintAuthorities(record.jurisdiction, country, seat?.country);
  const authority = authorities[0];
  const kinds: [FollowUpKind, MessageKey][] = [
    ['reminder', 'lettersReminder'],
    ['replies', 'lettersReplies'],
    ['complaint', 'lettersComplaint'],
  ];
  const replyLabels: [ReplyKind, MessageKey][] = [
    ['cannotIdentify', 'lettersReplyCannotIdentify'],
    ['idDocument', 'lettersReplyIdDocument'],
    ['webForm', 'lettersReplyWebForm'],
    ['suppressed', 'lettersReplySuppressed'],
    ['fee', 'lettersReplyFee'],
    ['processor', 'lettersReplyProcessor'],
  ];
  const reminder = composeReminder(lang, request, today);
  const complaint = composeComplaint(
    lang,
    request,
    {
      authority: authority?.name ?? '',
      complainant: '',
      controller: seat ? [seat.entity, seat.address].filter(Boolean).join('\n') : record.companyName,
      answer:
        record.status === 'refused' ? 'refused' : record.status === 'needs-identification' ? 'identification' : 'none',
      shareIdentity: false,
    },
    today,
  );
  return (
    <section aria-labelledby="follow-up-heading" class="follow-up" data-testid="follow-up">
      <h3 id="follow-up-heading">{t('lettersFollowUpHeading', [record.companyName, record.reference])}</h3>
      <fieldset class="windows">
        <legend class="visually-hidden">{t('lettersFollowUp')}</legend>
        {kinds.map(([k, label]) => (
          <button key={k} type="button" aria-pressed={kind === k} onClick={() => setKind(k)}>
            {t(label)}
          </button>
        ))}
      </fieldset>
      {kind === 'reminder' && <Draft t={t} to={record.recipient} subject={reminder.subject} body={reminder.body} />}
      {kind === 'replies' && (
        <dl class="replies">
          {replyLabels.map(([reply, label]) => (
            <div key={label}>
              <dt>{t(label)}</dt>
              <dd>
                <textarea
                  readOnly
                  rows={5}
                  aria-label={t(label)}
                  value={composeReply(lang, request, reply, today).body}
                />
              </dd>
            </div>
          ))}
        </dl>
      )}
      {kind === 'complaint' && (
        <>
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
                  {regionName(c)}
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
          <Draft t={t} to={authority?.name ?? ''} subject={complaint.subject} body={complaint.body} />
        </>
      )}
    </section>
  );
}

function Draft({ t, to, subject, body }: { t: Translate; to: string; subject: string; body: string }) {
  return (
    <>
      {to && (
        <p>
          {t('letterRecipient')}: <code>{to}</code>
        </p>
      )}
      <label class="block">
        {t('letterSubject')}
        <input readOnly value={subject} />
      </label>
      <label class="block">
        {t('letterBody')}
        <textarea readOnly rows={12} value={body} data-testid="follow-up-body" />
      </label>
    </>
  );
}

function regionName(code: string): string {
  if (code === 'US-CA') return 'California';
  try {
    return new Intl.DisplayNames(undefined, { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
