/**
 * The rule that tells an English sentence left on a translated screen (tests/e2e/english-left.e2e.ts) from the
 * translation around it: test-only, never part of a build.
 *
 * A text reads as English when it has at least three words and at least two of them are English function words
 * (articles, pronouns, prepositions, auxiliaries: what every English sentence is held together by, and what no
 * company or site name is made of) that are not also words of the screen's language. Content words are left out on
 * purpose: "site", "data", "cookie", "normal", "Tracker" are words in several of these languages too. The words that
 * the locales share with the list are named below, one locale at a time, from the languages' grammar — not from our
 * messages, so the rule can still catch an English message copied into a locale file.
 */

/** English function words: one of them alone is a name or a loanword; two in three words are a sentence. */
export const ENGLISH_FUNCTION_WORDS: ReadonlySet<string> = new Set(
  (
    'the a an and or of to in on at by for from with without into about after before than as if but not no ' +
    'your you we our us they their them it its this that these those there here which who what when where how why ' +
    'is are was were be been being has have had do does did will would can could should may must shall ' +
    'all any each every more most only also just yet still so other others some nothing something everything none ' +
    'then out up over until while because through own my me i'
  ).split(' '),
);

/**
 * The list's words that are also everyday words of a locale, so that a sentence in it can hold two of them. Each is
 * a word of the language's own grammar; the English meaning is given for the reviewer.
 */
export const SHARED_WORDS: Readonly<Record<string, readonly string[]>> = {
  // was (what), will (wants), in, an (at / to), so (so, like this), also (so, therefore), still (quiet)
  de: ['was', 'will', 'in', 'an', 'so', 'also', 'still'],
  // a (has), on (one / we), or (now / gold), as (ace), but (goal), me
  fr: ['a', 'on', 'or', 'as', 'but', 'me'],
  // a (to), no (not / no), has (you have), me
  es: ['a', 'no', 'has', 'me'],
  // a (to), in, no, do (I give), so (I know), i (the), me
  it: ['a', 'in', 'no', 'do', 'so', 'i', 'me'],
  // is, was (was / wax), of (or), in, we, had (had: "nadat ik … had geweigerd")
  nl: ['is', 'was', 'of', 'in', 'we', 'had'],
  // to (this / it), on (he), by (would / so that), no (well), a (and), we (in), do (to), i (and)
  pl: ['to', 'on', 'by', 'no', 'a', 'we', 'do', 'i'],
  // a (the / to), as (the), do (of the), no (in the), for (is, subjunctive), me
  pt: ['a', 'as', 'do', 'no', 'for', 'me'],
  pt_BR: ['a', 'as', 'do', 'no', 'for', 'me'],
};

/**
 * The words of a text: runs of letters (any script) with inner apostrophes and hyphens ("Add-on-Store" is one German
 * word); numbers and symbols are not words.
 */
export function words(text: string): string[] {
  return text.match(/\p{L}+(?:['’-]\p{L}+)*/gu) ?? [];
}

/** The English function words of `text` that are not words of the locale `folder` (a `_locales` folder name). */
export function englishWords(text: string, folder: string): string[] {
  const shared = new Set(SHARED_WORDS[folder] ?? []);
  return words(text)
    .map((w) => w.toLowerCase().replace('’', "'"))
    .filter((w) => ENGLISH_FUNCTION_WORDS.has(w) && !shared.has(w));
}

/** Whether `text`, shown on a screen in the locale `folder`, reads as an English sentence. */
export function readsAsEnglish(text: string, folder: string): boolean {
  return words(text).length >= 3 && englishWords(text, folder).length >= 2;
}
