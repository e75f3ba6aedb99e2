import { useState } from 'preact/hooks';
import type { MessageKey, Translate } from '../../lib/i18n.ts';
import { AUTHORITIES, authorityFor } from '../../lib/letters/authorities.ts';
import { longDate } from '../../lib/letters/compose.ts';
import { daysLeft } from '../../lib/letters/deadline.ts';
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
  const facts = {
    company: record.companyName,
    reference: record.reference,
    date: longDate(lang, record.sentOn ?? today),
  };
  const due = currentDue(record) ?? today;
  const gdpr = record.jurisdiction === 'ccpa' ? undefined : lang.citations[record.jurisdiction];
  const law = gdpr ? gdpr.law : lang.citations.ccpa.law;
  const sign = `${lang.closing}\n${lang.signature}\n${longDate(lang, today)} · ${record.reference}`;
  const authority = authorityFor(country);
  const kinds: [FollowUpKind, MessageKey][] = [['reminder', 'lettersReminder']];
  if (gdpr) kinds.push(['replies', 'lettersReplies'], ['complaint', 'lettersComplaint']);
  const replies = gdpr
    ? ([
        ['lettersReplyCannotIdentify', lang.replies.cannotIdentify(gdpr, facts)],
        ['lettersReplyIdDocument', lang.replies.idDocument(gdpr, facts)],
        ['lettersReplyWebForm', lang.replies.webForm(gdpr, facts)],
        ['lettersReplySuppressed', lang.replies.suppressed(gdpr, facts)],
        ['lettersReplyFee', lang.replies.fee(gdpr, facts)],
      ] as [MessageKey, string][])
    : [];
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
      {kind === 'reminder' && (
        <Draft
          t={t}
          to={record.recipient}
          subject={lang.reminder.subject(facts)}
          body={`${lang.salutation}\n\n${lang.reminder.body({ ...facts, sentOn: facts.date, due: longDate(lang, due), law, right: lang.rightNames[record.right] })}\n\n${sign}`}
        />
      )}
      {kind === 'replies' && (
        <dl class="replies">
          {replies.map(([label, reply]) => (
            <div key={label}>
              <dt>{t(label)}</dt>
              <dd>
                <textarea readOnly rows={5} aria-label={t(label)} value={`${lang.salutation}\n\n${reply}\n\n${sign}`} />
              </dd>
            </div>
          ))}
        </dl>
      )}
      {kind === 'complaint' && gdpr && (
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
              {AUTHORITIES.map((a) => (
                <option key={a.country} value={a.country}>
                  {regionName(a.country)}
                </option>
              ))}
            </select>
          </label>
          {authority && (
            <p data-testid="authority">
              <a href={authority.website} target="_blank" rel="noreferrer">
                {authority.name}
              </a>
              {authority.note ? ` — ${authority.note}` : ''}
            </p>
          )}
          <Draft
            t={t}
            to={authority?.name ?? ''}
            subject={lang.complaint.subject(facts)}
            body={`${lang.complaint.body(gdpr, {
              ...facts,
              authority: authority?.name ?? '',
              sentOn: record.sentOn ?? '',
              due,
              recipient: record.recipient,
              answer: record.status === 'refused' ? t('letterStatus_refused') : lang.complaint.noAnswer,
            })}\n\n${sign}`}
          />
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
