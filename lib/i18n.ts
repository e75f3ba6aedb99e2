import type messages from '../public/_locales/en/messages.json';

/** Every UI string's key. English is the reference locale: a key missing there is a type error. */
export type MessageKey = keyof typeof messages;

/** Looks up a UI string; `browser.i18n.getMessage` in the extension, a locale file in tests. */
export type Translate = (key: MessageKey, substitutions?: (string | number)[]) => string;

/** Builds a `Translate` over a locale file's contents, with Chrome's `$1`/named placeholder rules. */
export function translatorFromMessages(
  file: Record<string, { message: string; placeholders?: Record<string, { content: string }> }>,
): Translate {
  return (key, substitutions = []) => {
    // Keys can be built from stored data (`category_${id}`): an own entry only, never a prototype member.
    const entry = Object.hasOwn(file, key) ? file[key] : undefined;
    if (!entry) return '';
    return entry.message.replace(/\$([A-Z0-9_]+)\$/gi, (_, name: string) => {
      const placeholders = entry.placeholders ?? {};
      const own = name.toLowerCase();
      const content = Object.hasOwn(placeholders, own) ? (placeholders[own]?.content ?? '') : '';
      return content.replace(/\$(\d)/g, (_m, n: string) => String(substitutions[Number(n) - 1] ?? ''));
    });
  };
}
