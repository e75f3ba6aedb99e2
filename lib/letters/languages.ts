import type { LetterLanguage } from './language.ts';

/** Every letter language shipped: one file each in ./languages, found at build time. */
const files = import.meta.glob<{ default: LetterLanguage }>('./languages/*.ts', { eager: true });

export const LETTER_LANGUAGES: LetterLanguage[] = Object.values(files)
  .map((f) => f.default)
  .sort((a, b) => (a.code === 'en' ? -1 : b.code === 'en' ? 1 : a.code.localeCompare(b.code)));

export function letterLanguage(code: string): LetterLanguage {
  return LETTER_LANGUAGES.find((l) => l.code === code) ?? (LETTER_LANGUAGES[0] as LetterLanguage);
}
