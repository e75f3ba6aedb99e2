import { Composer } from '../../components/letters/composer.tsx';
import { LettersView } from '../../components/letters/letters-view.tsx';
import type { Translate } from '../../lib/i18n.ts';
import { evidenceFor, gatherEvidence } from '../../lib/letters/evidence.ts';
import type { DisclosedDb } from '../../lib/storage/db.ts';
import type { Company } from '../../lib/trackers/company.ts';
import { download } from './download.ts';
import { useLetterModel } from './use-letter-model.ts';
import { useLettersModel } from './use-letters-model.ts';

// The deletion requests: the composer and the list of letters sent, a chunk of their own (the letter languages,
// the authorities, date arithmetic), loaded when one of these pages is opened. They read the database live; every
// write (a contact, a sent letter and its reminders, a status) is a message to the background.

/** Every letter sent, with its status and deadline. */
export function LettersPage({
  t,
  db,
  companyHref,
}: {
  t: Translate;
  db: DisclosedDb;
  companyHref: (id: string) => string;
}) {
  const { letters, today, setStatus } = useLettersModel(db);
  return (
    <LettersView
      t={t}
      letters={letters}
      today={today}
      companyHref={companyHref}
      onStatus={setStatus}
      download={download}
      copy={(text) => navigator.clipboard.writeText(text)}
      consentOf={async (record) => {
        // The sites the letter listed, as it cited them: the complaint's timeline covers those and no other.
        const gathered = await gatherEvidence(db, { id: record.company, name: record.companyName });
        return gathered && record.evidence ? evidenceFor(gathered, record.evidence.sites).consent : undefined;
      }}
    />
  );
}

/** Loads what a letter to one company may cite, then hands it to the composer. */
export function ComposerPage({ t, db, company }: { t: Translate; db: DisclosedDb; company: Company }) {
  const { input, actions } = useLetterModel(db, company, t.locale);
  if (input === undefined) return null;
  if (input === null) return <p data-testid="dash-not-found">{t('dashNotFound')}</p>;
  if (input === 'nothing-reached') {
    return (
      <p class="notice" data-testid="nothing-reached">
        {t('lettersNothingReached', [company.name])}
      </p>
    );
  }
  return <Composer t={t} input={input} actions={actions} />;
}
