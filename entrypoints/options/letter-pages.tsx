import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { Composer, type ComposerInput } from '../../components/letters/composer.tsx';
import { LettersView } from '../../components/letters/letters-view.tsx';
import { siteOf } from '../../lib/classify/domain.ts';
import { localDay } from '../../lib/day.ts';
import type { Translate } from '../../lib/i18n.ts';
import { citableCookies, gatherEvidence } from '../../lib/letters/evidence.ts';
import { newReference } from '../../lib/letters/send.ts';
import { request } from '../../lib/messages.ts';
import { parseSettings, SETTINGS_KEY } from '../../lib/settings.ts';
import type { DisclosedDb } from '../../lib/storage/db.ts';
import type { Company } from '../../lib/trackers/company.ts';
import { download } from './download.ts';
import { useLive } from './use-live.ts';

// The deletion requests: the composer and the list of letters sent, a chunk of their own (the letter languages,
// the authorities, date arithmetic), loaded when one of these pages is opened. They read the database live; every
// write (a contact, a sent letter and its reminders, a status) is a message to the background.

const send = (message: unknown) => browser.runtime.sendMessage(message);

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
  const letters = useLive(() => db.letters.toArray(), [db]);
  return (
    <LettersView
      t={t}
      letters={letters}
      today={localDay(Date.now())}
      companyHref={companyHref}
      onStatus={(reference, status) => {
        request(send, 'letters/set-status', { reference, status }).catch((error) =>
          console.error('Disclosed: could not set the status', error),
        );
      }}
      download={download}
      copy={(text) => navigator.clipboard.writeText(text)}
    />
  );
}

export /** Loads what a letter to one company may cite, then hands it to the composer. */
function ComposerPage({ t, db, company }: { t: Translate; db: DisclosedDb; company: Company }) {
  const [input, setInput] = useState<ComposerInput | 'nothing-reached' | null | undefined>(undefined);
  useEffect(() => {
    // Another company: nothing of the previous one's letter stays on screen while this one's evidence loads, and a
    // slow load for the previous one cannot land after this one's.
    let current = true;
    setInput(undefined);
    const show = (next: ComposerInput | 'nothing-reached' | null) => current && setInput(next);
    (async () => {
      const gathered = await gatherEvidence(db, company);
      // Requests only attempted (blocked, failed, from the cache) are no evidence that the company has any data.
      if (!gathered) {
        const attempted = await db.attempts.where('company').equals(company.id).count();
        return show(attempted ? 'nothing-reached' : null);
      }
      const owned = [...new Set(gathered.evidence.domains.map(siteOf))];
      const jar = (await Promise.all(owned.map((domain) => browser.cookies.getAll({ domain })))).flat();
      const correction = await db.contacts.get(company.id);
      const today = localDay(Date.now());
      const { residence } = parseSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
      show({
        company,
        gathered,
        cookies: citableCookies(
          gathered.evidence.domains,
          jar.map((c) => ({
            name: c.name,
            value: c.value,
            domain: c.domain,
            httpOnly: c.httpOnly,
            secure: c.secure,
            session: c.session,
          })),
        ),
        ...(correction ? { correction } : {}),
        reference: newReference(today),
        today,
        extensionVersion: browser.runtime.getManifest().version,
        uiLanguage: browser.i18n.getUILanguage().slice(0, 2),
        residence,
      });
    })();
    return () => {
      current = false;
    };
  }, [company.id]);
  if (input === undefined) return null;
  if (input === null) return <p data-testid="dash-not-found">{t('dashNotFound')}</p>;
  if (input === 'nothing-reached') {
    return (
      <p class="notice" data-testid="nothing-reached">
        {t('lettersNothingReached', [company.name])}
      </p>
    );
  }
  return (
    <Composer
      t={t}
      input={input}
      actions={{
        download,
        copy: (text) => navigator.clipboard.writeText(text),
        saveContact: async (value, representative) => {
          await request(send, 'letters/save-contact', {
            company: company.id,
            value,
            ...(representative ? { representative } : {}),
          });
        },
        sent: async (letter) => {
          // The background records it and sets the reminders it later shows as notifications.
          await request(send, 'letters/record-sent', {
            ...letter,
            reference: input.reference,
            company: company.id,
            companyName: company.name,
          });
          location.hash = '#/letters';
        },
      }}
    />
  );
}
