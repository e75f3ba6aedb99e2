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
    const entry = file[key];
    if (!entry) return '';
    return entry.message.replace(/\$([A-Z0-9_]+)\$/gi, (_, name: string) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
      return content.replace(/\$(\d)/g, (_m, n: string) => String(substitutions[Number(n) - 1] ?? ''));
    });
  };
}
