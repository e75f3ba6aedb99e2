import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import '../../components/locale-chunks.ts';
import { NOTIFICATION_LOCALES } from '../../lib/background/notification-messages.ts';
import {
  chosenLocale,
  FOLLOW_BROWSER,
  languageTag,
  loadLocale,
  type MessagesFile,
  matchLocale,
  SUPPORTED_LOCALES,
  translator,
  translatorFromMessages,
} from '../../lib/i18n.ts';
import { DEFAULT_SETTINGS, parseSettings } from '../../lib/settings.ts';
import { PSEUDO_CLOSE, PSEUDO_OPEN, pseudoLocale, pseudoMessage } from '../../scripts/pseudo-locale.ts';
import { localeFolders } from './i18n-checks.ts';

const count = { count: { content: '$1' } };
/** A one-message locale: the plural of "request" in the given language. */
const requests = (message: string, locale: string) =>
  translatorFromMessages({ popupRequests: { message, placeholders: count } }, locale);

describe('plural forms', () => {
  it('in English: one and other, the number in English digits', () => {
    const t = translator('en');
    expect([0, 1, 2, 1234].map((n) => t('popupRequests', [n]))).toEqual([
      '0 requests',
      '1 request',
      '2 requests',
      '1,234 requests',
    ]);
    expect(t('popupCompaniesHeading', [1])).toBe('1 company received data from this page');
    expect(t('lettersDaysLeft', [1])).toBe('(1 day left)');
    expect(t('optionsImported', [1, 0, 2, 1])).toBe(
      'Imported: 2 requests added (1 was already here), 1 new site and company total, 0 updated.',
    );
  });

  it("in Polish: one, few and many, from Intl.PluralRules('pl')", () => {
    const t = requests('{COUNT, plural, one {# żądanie} few {# żądania} many {# żądań} other {# żądania}}', 'pl');
    expect([1, 2, 5, 22, 25, 112].map((n) => t('popupRequests', [n]))).toEqual([
      '1 żądanie',
      '2 żądania',
      '5 żądań',
      '22 żądania',
      '25 żądań',
      '112 żądań',
    ]);
    // Polish groups from five digits, with a no-break space.
    expect(t('popupRequests', [12345])).toBe('12\u00a0345 żądań');
  });

  it('in French, 0 is singular; in Portugal, 0 is plural', () => {
    const fr = requests('{COUNT, plural, one {# requête} many {# de requêtes} other {# requêtes}}', 'fr');
    expect([0, 1, 2].map((n) => fr('popupRequests', [n]))).toEqual(['0 requête', '1 requête', '2 requêtes']);
    const pt = requests('{COUNT, plural, one {# pedido} many {# de pedidos} other {# pedidos}}', languageTag('pt'));
    expect([0, 1, 2].map((n) => pt('popupRequests', [n]))).toEqual(['0 pedidos', '1 pedido', '2 pedidos']);
    // A million takes "de" in both.
    expect(fr('popupRequests', [1_000_000])).toBe('1\u202f000\u202f000 de requêtes');
  });

  it('prefers an exact form to a category, and keeps a substituted value as text', () => {
    const t = translatorFromMessages(
      {
        optionsForgotten: {
          message: '$SITE$: {COUNT, plural, =0 {nothing deleted} one {# deleted} other {# deleted}}',
          placeholders: { site: { content: '$1' }, count: { content: '$2' } },
        },
      },
      'en',
    );
    expect(t('optionsForgotten', ['a.example', 0])).toBe('a.example: nothing deleted');
    expect(t('optionsForgotten', ['{COUNT, plural, one {#}} $1', 3])).toBe('{COUNT, plural, one {#}} $1: 3 deleted');
  });

  it("falls back to English for a key the locale lacks, and says which locale's numbers it writes", () => {
    const t = translatorFromMessages({}, 'de', localeFolders().en as MessagesFile);
    expect(t('popupRequests', [1234])).toBe('1.234 requests');
    expect(t.locale).toBe('de');
  });
});

describe('the counts on screen, each one message with its plural forms', () => {
  // Made from the files, not loaded: loading a locale is the subject of a test below.
  const files = localeFolders();
  const of = (folder: string) => translatorFromMessages(files[folder] as MessagesFile, languageTag(folder));

  it('in Polish: one, few, many, and other for an average', () => {
    const t = of('pl');
    expect([1, 2, 5, 22, 1.5].map((n) => t('classroomRequestCount', [n]))).toEqual([
      '1 zapytanie',
      '2 zapytania',
      '5 zapytań',
      '22 zapytania',
      '1,5 zapytania',
    ]);
    expect([1, 3, 12, 2.5].map((n) => t('classroomPoolSites', [n]))).toEqual([
      '1 witryna',
      '3 witryny',
      '12 witryn',
      '2,5 witryny',
    ]);
    expect([1, 4, 5].map((n) => t('classroomPoolContributors', [n]))).toEqual([
      'Połączono 1 eksport',
      'Połączono 4 eksporty',
      'Połączono 5 eksportów',
    ]);
    expect(t('dashShowMore', [100, 2345])).toBe('Pokaż jeszcze 100 wierszy (2345 niepokazanych)');
    expect(t('dashShowMore', [2, 2])).toBe('Pokaż jeszcze 2 wiersze (2 niepokazane)');
    expect(t('dashGraphMore', [3])).toBe('i jeszcze 3 witryny');
    expect([1, 5].map((n) => t('popupFailed', [n]))).toEqual([
      '1 zablokowane, nieudane lub z pamięci podręcznej',
      '5 zablokowanych, nieudanych lub z pamięci podręcznej',
    ]);
  });

  it('in English, French and German, each with its own numbers', () => {
    const en = of('en');
    expect([1, 2].map((n) => en('classroomRequestCount', [n]))).toEqual(['1 request', '2 requests']);
    expect(en('classroomPoolSites', [1.5])).toBe('1.5 sites');
    expect([1, 2].map((n) => en('dashGraphMatches', [n]))).toEqual(['1 match:', '2 matches:']);
    expect(en('dashShowMore', [100, 2345])).toBe('Show 100 more (2,345 not shown)');
    const fr = of('fr');
    expect([1, 3].map((n) => fr('popupFailed', [n]))).toEqual([
      '1 bloquée, en échec ou servie par le cache',
      '3 bloquées, en échec ou servies par le cache',
    ]);
    expect(of('de')('dashShowMore', [100, 2345])).toBe('100 weitere anzeigen (2.345 nicht angezeigt)');
  });
});

describe('the UI language', () => {
  it("follows the browser's, matched to the closest locale there is", () => {
    const available = ['en', 'de', 'pt', 'pt_BR'];
    expect(matchLocale('pt-BR', available)).toBe('pt_BR');
    expect(matchLocale('pt-BR', ['en', 'pt'])).toBe('pt');
    expect(matchLocale('pt', ['en', 'pt_BR'])).toBe('pt_BR');
    expect(matchLocale('de-AT', available)).toBe('de');
    expect(matchLocale('ja', available)).toBe('en');
    expect(matchLocale('en-GB', available)).toBe('en');
  });

  it('is the one chosen in settings when the build has it, else the browser’s', () => {
    expect(DEFAULT_SETTINGS.uiLanguage).toBe(FOLLOW_BROWSER);
    expect(chosenLocale(FOLLOW_BROWSER, 'en-US')).toBe('en');
    expect(chosenLocale('en', 'de-DE')).toBe('en');
    expect(chosenLocale('pl', 'en-GB')).toBe('pl');
    expect(chosenLocale(FOLLOW_BROWSER, 'pt-BR')).toBe('pt_BR');
    expect(chosenLocale(FOLLOW_BROWSER, 'pt-PT')).toBe('pt');
    expect(chosenLocale(FOLLOW_BROWSER, 'de-AT')).toBe('de');
    // A language the build has no folder for: the browser's language, then English.
    expect(chosenLocale('ja', 'en-GB')).toBe('en');
    expect(chosenLocale(FOLLOW_BROWSER, 'ja-JP')).toBe('en');
    expect(parseSettings({ uiLanguage: 'pt_BR' }).uiLanguage).toBe('pt_BR');
    expect(parseSettings({ uiLanguage: '<img>' }).uiLanguage).toBe(FOLLOW_BROWSER);
    expect(parseSettings({ uiLanguage: 7 }).uiLanguage).toBe(FOLLOW_BROWSER);
  });
});

describe('the pseudo-locale', () => {
  it('is 30% longer, accented and marked, with placeholders and plurals kept', () => {
    const english = localeFolders().en as MessagesFile;
    const t = translatorFromMessages(pseudoLocale(english), 'en-XA');
    const text = t('popupRequests', [2]);
    expect(text.startsWith(PSEUDO_OPEN) && text.endsWith(PSEUDO_CLOSE)).toBe(true);
    expect(text).toMatch(/^⟦2 ŕéǫũéšţš·+⟧$/);
    expect(t('popupRequests', [1])).toMatch(/^⟦1 ŕéǫũéšţ·+⟧$/);
    expect(t('optionsRemove', ['news.example'])).toContain('news.example');
    const syntax = /\$\w+\$|\{\w+, plural,|[a-z=0-9]+ \{/g;
    for (const [key, entry] of Object.entries(english)) {
      const pseudo = pseudoMessage(entry.message);
      // Every letter a reader sees is accented: English left in a string shows.
      expect(pseudo.replace(syntax, ''), key).not.toMatch(/[A-Za-z]/);
      const visible = (m: string) => m.replace(/\$\w+\$/g, '').length;
      if (!entry.message.includes('{'))
        expect(visible(pseudo), key).toBeGreaterThanOrEqual(Math.floor(visible(entry.message) * 1.3));
    }
  });
});

describe('loading a locale', () => {
  it("gives the background each locale's reminder messages, and only those", async () => {
    const folders = Object.keys(NOTIFICATION_LOCALES).sort();
    expect(folders).toEqual(SUPPORTED_LOCALES.filter((l) => l !== 'en').sort());
    for (const folder of folders) {
      const file = await NOTIFICATION_LOCALES[folder]?.();
      const full = JSON.parse(readFileSync(`public/_locales/${folder}/messages.json`, 'utf8')) as MessagesFile;
      expect(Object.keys(file ?? {}).sort(), folder).toEqual([
        'lettersHeading',
        'lettersNotifyBefore',
        'lettersNotifyDue',
      ]);
      for (const [key, message] of Object.entries(file ?? {})) expect(message, `${folder} ${key}`).toEqual(full[key]);
    }
  });

  it('gives English until a locale is loaded, then that locale (each is a chunk of its own)', async () => {
    expect(translator('de')('dashSettings')).toBe(translator('en')('dashSettings'));
    await loadLocale('de');
    expect(translator('de')('dashSettings')).not.toBe(translator('en')('dashSettings'));
    expect(translator('de').locale).toBe('de');
    await loadLocale('pt');
    expect(translator('pt').locale).toBe('pt-PT');
  });
});
