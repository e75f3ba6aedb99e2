import { useState } from 'preact/hooks';
import type { Translate } from '../../lib/i18n.ts';
import { longDate } from '../../lib/letters/compose.ts';
import { daysLeft } from '../../lib/letters/deadline.ts';
import { letterLanguage } from '../../lib/letters/languages.ts';
import { currentDue, effectiveStatus, LETTER_STATUSES } from '../../lib/letters/records.ts';
import { icsFile } from '../../lib/letters/send.ts';
import type { LetterRecord, LetterStatus } from '../../lib/storage/db.ts';
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
                        onClick={() => setReminderFor(reminderFor === r.reference ? undefined : r.reference)}
                      >
                        {t('lettersReminder')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {reminder?.sentOn && <ReminderLetter t={t} record={reminder} today={today} />}
    </section>
  );
}

function ReminderLetter({ t, record, today }: { t: Translate; record: LetterRecord; today: string }) {
  const lang = letterLanguage(record.language);
  const facts = {
    company: record.companyName,
    reference: record.reference,
    date: longDate(lang, record.sentOn ?? today),
  };
  const law = record.jurisdiction === 'ccpa' ? lang.citations.ccpa.law : lang.citations[record.jurisdiction].law;
  const subject = lang.reminder.subject(facts);
  const body = `${lang.salutation}\n\n${lang.reminder.body({
    ...facts,
    sentOn: facts.date,
    due: longDate(lang, currentDue(record) ?? today),
    law,
    right: lang.rightOfErasure,
  })}\n\n${lang.closing}\n${lang.signature}\n${longDate(lang, today)} · ${record.reference}`;
  return (
    <section aria-labelledby="reminder-heading" class="reminder">
      <h3 id="reminder-heading">{t('lettersReminderHeading', [record.companyName])}</h3>
      <p>
        {t('letterRecipient')}: <code>{record.recipient}</code>
      </p>
      <label class="block">
        {t('letterSubject')}
        <input readOnly value={subject} />
      </label>
      <label class="block">
        {t('letterBody')}
        <textarea readOnly rows={10} value={body} data-testid="reminder-body" />
      </label>
    </section>
  );
}
