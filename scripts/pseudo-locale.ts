import type { MessagesFile } from '../lib/i18n.ts';

/**
 * The pseudo-locale, for tests only: English made 30% longer, its letters accented and each message between
 * markers (`⟦Ŝíţé ýõũ ŵéŕé õñ·····⟧`), placeholders (`$COUNT$`), plural syntax and `#` kept. A screen shown in it
 * shows clipped text (the longer strings of German or Polish) and every string that bypasses the messages (it has
 * no marker). Built into `wxt build --mode pseudo` only.
 */
export function pseudoLocale(english: MessagesFile): MessagesFile {
  return Object.fromEntries(
    Object.entries(english).map(([key, entry]) => [key, { ...entry, message: pseudoMessage(entry.message) }]),
  );
}

export const PSEUDO_OPEN = '⟦';
export const PSEUDO_CLOSE = '⟧';

const ACCENTED: Record<string, string> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c, i) => [
    c,
    [...'áƀçđéƒĝĥíĵķĺɱñõþǫŕšţũṽŵẋýžÁƁÇĐÉƑĜĤÍĴĶĹṀÑÕÞǪŔŠŢŨṼŴẊÝŽ'][i] as string,
  ]),
);

/** One message in the pseudo-locale: the text accented, 30% longer, between the markers. */
export function pseudoMessage(message: string): string {
  const { text, letters } = accent(message);
  return `${PSEUDO_OPEN}${text}${'·'.repeat(Math.ceil(letters * 0.3))}${PSEUDO_CLOSE}`;
}

/**
 * The syntax kept as written: placeholders, `#`, a plural's head (`{COUNT, plural,`), a form's selector (`one {`)
 * and the closing braces. UI text has no braces of its own, so a word before a `{` that opens no plural is a selector.
 */
const SYNTAX =
  /(\$[A-Za-z0-9_]+\$|\$\d|#|\{\s*[A-Za-z0-9_]+\s*,\s*plural\s*,|\s*(?:=\d+|[a-z]+)\s*\{(?!\s*[A-Za-z0-9_]+\s*,\s*plural\s*,)|\})/;

/** Accents the letters outside the syntax; counts the characters a reader sees (every plural form's). */
function accent(message: string): { text: string; letters: number } {
  let text = '';
  let letters = 0;
  message.split(SYNTAX).forEach((part, i) => {
    // split() with a capture group: odd parts are the syntax.
    if (i % 2) {
      text += part;
      if (part === '#' || part.startsWith('$')) letters += 2;
      return;
    }
    for (const c of part) text += ACCENTED[c] ?? c;
    letters += [...part].length;
  });
  return { text, letters };
}
