import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { ComposerActions, ComposerInput } from '../../components/letters/composer-model.ts';
import { pageHref } from '../../components/routes.ts';
import { siteOf } from '../../lib/classify/domain.ts';
import { localDay } from '../../lib/day.ts';
import { readCookieJar } from '../../lib/letters/cookie-jar.ts';
import { citableCookies, gatherEvidence } from '../../lib/letters/evidence.ts';
import { newReference } from '../../lib/letters/send.ts';
import { request } from '../../lib/messages.ts';
import { parseSettings, SETTINGS_KEY } from '../../lib/settings.ts';
import type { DisclosedDb } from '../../lib/storage/db.ts';
import type { Company } from '../../lib/trackers/company.ts';
import { download } from './download.ts';

const send = (message: unknown) => browser.runtime.sendMessage(message);

/**
 * What a letter to one company may cite: its evidence, `'nothing-reached'` when its every request was only
 * attempted, `null` when nothing of it was seen, `undefined` while it loads.
 */
export type LetterInput = ComposerInput | 'nothing-reached' | null | undefined;

/**
 * The composer page's one reader and writer: loads what a letter to one company may cite (the database, the
 * company's cookies, the settings), and saves a contact or records a sent letter through the background.
 */
export function useLetterModel(
  db: DisclosedDb,
  company: Company,
  /** The UI's locale (`t.locale`): a letter is offered first in the language the user reads Disclosed in. */
  uiLocale: string,
): { input: LetterInput; actions: ComposerActions } {
  const [input, setInput] = useState<LetterInput>(undefined);
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
      // Every store and partition the browser keeps them in; a refusal leaves the letter without cookies, never blank.
      const jar = await readCookieJar(browser.cookies, owned);
      const correction = await db.contacts.get(company.id);
      const today = localDay(Date.now());
      const { residence } = parseSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
      show({
        company,
        gathered,
        cookies: citableCookies(gathered.evidence.domains, jar.cookies),
        ...(jar.unread ? { cookiesUnread: true } : {}),
        ...(correction ? { correction } : {}),
        reference: newReference(today),
        today,
        extensionVersion: browser.runtime.getManifest().version,
        uiLanguage: uiLocale.slice(0, 2),
        residence,
      });
    })();
    return () => {
      current = false;
    };
  }, [company.id]);
  const actions: ComposerActions = {
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
      if (!input || input === 'nothing-reached') return;
      // The background records it and sets the reminders it later shows as notifications.
      await request(send, 'letters/record-sent', {
        ...letter,
        reference: input.reference,
        company: company.id,
        companyName: company.name,
      });
      location.hash = pageHref('letters');
    },
  };
  return { input, actions };
}
