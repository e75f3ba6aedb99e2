import { describe, expect, it } from 'vitest';
import { languageTag, type MessageKey, type MessagesFile, translatorFromMessages } from '../../lib/i18n.ts';
import { englishWords, readsAsEnglish, words } from '../english-text.ts';
import { localeFolders } from './i18n-checks.ts';

// The rule tests/e2e/english-left.e2e.ts applies to every text on a translated screen: it must pass every message
// of every locale as it is shown (each plural form, placeholders filled), and catch English.

const folders = localeFolders();
const translated = Object.keys(folders).filter((f) => f !== 'en');

/** Every message of a locale as the screen shows it: with 1, 2 and 5 for its placeholders (each plural form). */
function shown(folder: string): { key: string; text: string }[] {
  const file = folders[folder] as MessagesFile;
  const t = translatorFromMessages(file, languageTag(folder));
  return Object.keys(file).flatMap((key) =>
    [1, 2, 5].map((n) => ({ key, text: t(key as MessageKey, Array(9).fill(n)) })),
  );
}

describe('the English detector', () => {
  it.each(translated)('passes every message of %s, in each of its plural forms', (folder) => {
    const english = shown(folder)
      .filter(({ text }) => readsAsEnglish(text, folder))
      .map(({ key, text }) => `${key}: ${englishWords(text, folder).join(', ')} in “${text}”`);
    expect(english).toEqual([]);
  });

  it.each(translated)('catches most English messages of three or more words, shown in %s', (folder) => {
    const english = shown('en').filter(({ text }) => words(text).length >= 3);
    const long = new Set(english.map((s) => s.key));
    const caught = new Set(english.filter((s) => readsAsEnglish(s.text, folder)).map((s) => s.key));
    // 250 of 334 in every locale when this was written (75%): the rest are noun phrases ("Audio and video player",
    // "Hashed email address") with one function word or none, which a translation can share with English.
    expect(caught.size / long.size).toBeGreaterThan(0.7);
  });

  it('catches English sentences, and not names, addresses or numbers', () => {
    for (const folder of translated) {
      expect(readsAsEnglish('Nothing was recorded on this site.', folder)).toBe(true);
      expect(readsAsEnglish('Show 5 more (12 not shown)', folder)).toBe(true);
      expect(readsAsEnglish('1 request', folder)).toBe(false);
      expect(readsAsEnglish('Google LLC · google-analytics.com · 12 KB', folder)).toBe(false);
      expect(readsAsEnglish('https://www.news-site.example/article.html', folder)).toBe(false);
    }
    // A word of the screen's language is not English there: "to" is Polish ("this"), "was" German ("what").
    expect(readsAsEnglish('To jest to, co wysłano.', 'pl')).toBe(false);
    expect(readsAsEnglish('Was ist das, was hier steht?', 'de')).toBe(false);
    expect(readsAsEnglish('Was ist das, was hier steht?', 'fr')).toBe(true);
    // Hyphenated words are one word: the "on" of "Add-on" is not a preposition.
    expect(englishWords('Ihr Add-on-Store', 'de')).toEqual([]);
  });
});
