import { describe, expect, it } from 'vitest';
import type { MessagesFile } from '../../lib/i18n.ts';
import { pseudoLocale } from '../../scripts/pseudo-locale.ts';
import {
  codeText,
  localeFolders,
  missingKeys,
  placeholderMismatches,
  pluralProblems,
  unusedKeys,
} from './i18n-checks.ts';

// Every locale folder passes every check (English only for now; the translators' folders will be checked the same
// way the day they are added), and each check fails on a locale broken in memory the way a translation can be.

const folders = localeFolders();
const english = folders.en as MessagesFile;
const code = codeText();

/** A Polish file as a translator would make it: every key, every plural with Polish's four forms. */
function completePolish(): MessagesFile {
  return Object.fromEntries(
    Object.entries(english).map(([key, entry]) => [
      key,
      {
        ...entry,
        message: entry.message.replace(/ other \{([^{}]*)\}\}/g, ' few {$1} many {$1} other {$1}}'),
      },
    ]),
  );
}

describe('every locale folder', () => {
  it.each(Object.keys(folders))('%s has every key of English', (folder) => {
    expect(missingKeys(english, folders[folder] as MessagesFile)).toEqual([]);
  });

  it.each(Object.keys(folders))('%s has no key that nothing uses', (folder) => {
    expect(unusedKeys(english, folders[folder] as MessagesFile, code)).toEqual([]);
  });

  it.each(Object.keys(folders))("%s has English's placeholders in every message", (folder) => {
    expect(placeholderMismatches(english, folders[folder] as MessagesFile)).toEqual([]);
  });

  it.each(Object.keys(folders))('%s has a form for each plural category of its language', (folder) => {
    expect(pluralProblems(english, folders[folder] as MessagesFile, folder)).toEqual([]);
  });
});

describe('the locale checks, on a locale made in memory', () => {
  it('pass a complete Polish file, and the pseudo-locale', () => {
    const pl = completePolish();
    expect(missingKeys(english, pl)).toEqual([]);
    expect(unusedKeys(english, pl, code)).toEqual([]);
    expect(placeholderMismatches(english, pl)).toEqual([]);
    expect(pluralProblems(english, pl, 'pl')).toEqual([]);
    expect(pluralProblems(english, pseudoLocale(english), 'en_XA')).toEqual([]);
    expect(placeholderMismatches(english, pseudoLocale(english))).toEqual([]);
  });

  it('find a key the locale lacks', () => {
    const { popupTitle: _, ...pl } = completePolish();
    expect(missingKeys(english, pl)).toEqual(['popupTitle']);
  });

  it('find a key English has no longer, and one the code stopped using', () => {
    const pl = { ...completePolish(), popupOldHeading: { message: 'Stary nagłówek' } };
    expect(unusedKeys(english, pl, code)).toEqual(['popupOldHeading']);
    expect(unusedKeys(english, english, code.replaceAll("'popupTitle'", ''))).toEqual(['popupTitle']);
  });

  it('find a placeholder renamed, renumbered or used without being defined', () => {
    const pl = completePolish();
    const got = pl.popupSummaryGot as MessagesFile[string];
    const renamed = {
      ...got,
      placeholders: { firmy: { content: '$1' }, what: { content: '$2' }, count: { content: '$3' } },
    };
    const renumbered = { ...got, placeholders: { ...got.placeholders, what: { content: '$1' } } };
    const undefinedUse = { ...pl.popupTitle, message: 'Disclosed $SITE$' };
    expect(placeholderMismatches(english, { ...pl, popupSummaryGot: renamed })).toEqual(['popupSummaryGot']);
    expect(placeholderMismatches(english, { ...pl, popupSummaryGot: renumbered })).toEqual(['popupSummaryGot']);
    expect(placeholderMismatches(english, { ...pl, popupTitle: undefinedUse as MessagesFile[string] })).toEqual([
      'popupTitle',
    ]);
  });

  it("find a plural without Polish's few and many, a count written without plurals, and a broken plural", () => {
    const pl = completePolish();
    const requests = (message: string) => ({ ...pl, popupRequests: { ...pl.popupRequests, message } });
    expect(pluralProblems(english, requests('{COUNT, plural, one {# żądanie} other {# żądań}}'), 'pl')).toEqual([
      'popupRequests: COUNT lacks few, many',
    ]);
    expect(pluralProblems(english, requests('$COUNT$ żądań'), 'pl')).toEqual([
      'popupRequests: COUNT has no plural forms',
    ]);
    expect(
      pluralProblems(english, requests('{COUNT, plural, one {# żądanie} few {# żądania} many {# żądań}'), 'pl'),
    ).toEqual(['popupRequests: COUNT has no plural forms', 'popupRequests: braces that are not a plural']);
    // English's two forms are not enough in Polish, and Polish's four are too many in English.
    expect(pluralProblems(english, english, 'pl').length).toBeGreaterThan(10);
    expect(pluralProblems(english, pl, 'en')).toContain('popupRequests: COUNT has few, many, not a category of en');
  });
});
