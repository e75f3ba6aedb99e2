/// <reference types="vite/client" />

import type messages from '../public/_locales/en/messages.json';
import englishFile from '../public/_locales/en/messages.json';
import { pseudoLocale } from '../scripts/pseudo-locale.ts';

/** Every UI string's key. English is the reference locale: a key missing there is a type error. */
export type MessageKey = keyof typeof messages;

/**
 * Looks up a UI string in the chosen locale, with Chrome's `$1`/named placeholders and plural forms. `locale` is
 * that locale's BCP 47 tag ("pt-BR"), for the `Intl` calls of the screen that shows the string.
 */
export interface Translate {
  (key: MessageKey, substitutions?: (string | number)[]): string;
  readonly locale: string;
}

/** A `messages.json` file's contents. */
export type MessagesFile = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/**
 * The locales the UI can be shown in, as `_locales` folder names: Europe's main languages. Portuguese is Portugal's
 * (`pt`); Brazil's gets a folder of its own (`pt_BR`) only if its translators find the differences matter.
 */
export const SUPPORTED_LOCALES = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pl', 'pt', 'pt_BR'] as const;

/** The settings' value for "the browser's language". */
export const FOLLOW_BROWSER = 'auto';

/**
 * The test-only pseudo-locale (`scripts/pseudo-locale.ts`): present only in `wxt build --mode pseudo`, so the UI can
 * be checked for clipped text and strings that bypass the messages. Android and Chrome use the same code.
 */
export const PSEUDO_LOCALE = 'en_XA';

const LOCALE_FILES: Record<string, MessagesFile> = { en: englishFile as MessagesFile };

// A test build's flag: `wxt build` replaces MODE with "production", and this line and the generator are left out.
if (import.meta.env.MODE === 'pseudo') LOCALE_FILES[PSEUDO_LOCALE] = pseudoLocale(LOCALE_FILES.en ?? {});

/**
 * Where each locale's messages come from, as the entry point bundles them (English is part of every bundle, the
 * fallback for any key). Pages load a locale's whole file as a chunk of its own (`components/locale-chunks.ts`), so
 * a page carries one language besides English, not all nine; the background has only the few keys it shows
 * (`lib/background/notification-messages.ts`), since its bundle is one file into which every chunk would be inlined.
 */
let loaders: Record<string, () => Promise<MessagesFile>> = {};
export function useLocaleLoaders(next: Record<string, () => Promise<MessagesFile>>): void {
  loaders = next;
}

/** Makes a locale's messages ready for `translator` (a no-op for English and for a locale already loaded). */
export async function loadLocale(folder: string): Promise<void> {
  const load = Object.hasOwn(loaders, folder) ? loaders[folder] : undefined;
  if (!Object.hasOwn(LOCALE_FILES, folder) && load) LOCALE_FILES[folder] = await load();
}

/** The supported locales, English first (and the pseudo-locale when a test build added it). */
export function availableLocales(): string[] {
  return [...SUPPORTED_LOCALES, ...(import.meta.env.MODE === 'pseudo' ? [PSEUDO_LOCALE] : [])];
}

/**
 * A `_locales` folder name as a BCP 47 tag, for `Intl` and `<html lang>`: `pt_BR` → `pt-BR`, and `pt` → `pt-PT`
 * (the folder is Portugal's; `Intl`'s bare `pt` is Brazil's, whose plurals and numbers differ: "0 pedidos").
 */
export const languageTag = (folder: string) => (folder === 'pt' ? 'pt-PT' : folder.replace('_', '-'));

/**
 * The locale to show for a browser language (`i18n.getUILanguage()`): the exact one if present (`pt-BR` → `pt_BR`),
 * else the language's own (`de-AT` → `de`), else another of the same language (`pt` → `pt_BR`), else English.
 */
export function matchLocale(browserLanguage: string, available: readonly string[] = availableLocales()): string {
  const [language = '', region = ''] = browserLanguage.split(/[-_]/);
  const lang = language.toLowerCase();
  const exact = region ? `${lang}_${region.toUpperCase()}` : lang;
  if (available.includes(exact)) return exact;
  if (available.includes(lang)) return lang;
  return available.find((l) => l.startsWith(`${lang}_`)) ?? 'en';
}

/** The locale the user chose in settings (`FOLLOW_BROWSER` or a folder name), as one the build has. */
export function chosenLocale(setting: string, browserLanguage: string): string {
  const available = availableLocales();
  return setting !== FOLLOW_BROWSER && available.includes(setting) ? setting : matchLocale(browserLanguage, available);
}

/**
 * A `Translate` over a locale, falling back to English for a key that locale lacks — and for every key of a locale
 * `loadLocale` has not loaded yet.
 */
export function translator(folder: string): Translate {
  const english = LOCALE_FILES.en ?? {};
  return translatorFromMessages(LOCALE_FILES[folder] ?? english, languageTag(folder), english);
}

/**
 * Builds a `Translate` over a locale file's contents, with Chrome's `$1`/named placeholder rules, plural forms
 * (`formatMessage`) and numbers in the locale's format. A key the file lacks is looked up in `fallback`.
 */
export function translatorFromMessages(file: MessagesFile, locale = 'en', fallback: MessagesFile = {}): Translate {
  const plurals = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale);
  const t = (key: MessageKey, substitutions: (string | number)[] = []) => {
    // Keys can be built from stored data (`category_${id}`): an own entry only, never a prototype member.
    const entry = Object.hasOwn(file, key) ? file[key] : Object.hasOwn(fallback, key) ? fallback[key] : undefined;
    if (!entry) return '';
    const placeholders = entry.placeholders ?? {};
    /** A named placeholder's value: its `content`, with `$1`… replaced by the substitutions. */
    const value = (name: string): string | number => {
      const own = name.toLowerCase();
      const content = Object.hasOwn(placeholders, own) ? (placeholders[own]?.content ?? '') : '';
      const whole = /^\$(\d)$/.exec(content);
      if (whole) return substitutions[Number(whole[1]) - 1] ?? '';
      return content.replace(/\$(\d)/g, (_m, n: string) => String(substitutions[Number(n) - 1] ?? ''));
    };
    const text = (v: string | number) => (typeof v === 'number' ? numbers.format(v) : v);
    // Plural forms first, on the message as written: a substituted value is never read as message syntax.
    const chosen = formatMessage(entry.message, (name) => {
      const v = value(name);
      const n = typeof v === 'number' ? v : Number(v);
      return { category: Number.isFinite(n) ? plurals.select(n) : 'other', exact: n, shown: text(v) };
    });
    return chosen.replace(/\$([A-Z0-9_]+)\$/gi, (_, name: string) => text(value(name)));
  };
  return Object.assign(t, { locale });
}

/** How a plural argument is read: its `Intl.PluralRules` category, its value and how its `#` is written. */
interface PluralArgument {
  category: string;
  exact: number;
  shown: string;
}

/**
 * Chooses the plural forms in a message written as ICU MessageFormat plurals, the syntax translation tools know:
 * `{COUNT, plural, =0 {no request} one {# request} other {# requests}}`, where `COUNT` is a named placeholder, `#`
 * its number in the locale's format, and the categories are those of the locale's `Intl.PluralRules`. Text outside
 * a plural is kept; a message without one is returned as it is.
 */
export function formatMessage(message: string, argument: (name: string) => PluralArgument): string {
  let out = '';
  let i = 0;
  while (i < message.length) {
    const start = message.indexOf('{', i);
    if (start < 0) break;
    out += message.slice(i, start);
    const block = parsePlural(message, start);
    if (!block) {
      out += '{';
      i = start + 1;
      continue;
    }
    const arg = argument(block.name);
    const branch =
      block.branches.get(`=${arg.exact}`) ?? block.branches.get(arg.category) ?? block.branches.get('other') ?? '';
    out += formatMessage(branch, argument).replace(/#/g, arg.shown);
    i = block.end;
  }
  return out + message.slice(i);
}

/** One `{NAME, plural, cat {…} …}` block of a message: its argument, its branches, where it ends. */
export interface PluralBlock {
  name: string;
  branches: Map<string, string>;
  end: number;
}

/** Reads the plural block that opens at `start` (a `{`), or undefined when the text there is not one. */
export function parsePlural(message: string, start: number): PluralBlock | undefined {
  const head = /^\{\s*([A-Za-z0-9_]+)\s*,\s*plural\s*,/.exec(message.slice(start));
  if (!head) return undefined;
  const branches = new Map<string, string>();
  let i = start + head[0].length;
  for (;;) {
    const selector = /^\s*(=\d+|[a-z]+)\s*\{|^\s*\}/.exec(message.slice(i));
    if (!selector) return undefined;
    i += selector[0].length;
    if (!selector[1]) return { name: head[1] as string, branches, end: i };
    let depth = 1;
    const from = i;
    while (i < message.length && depth) {
      if (message[i] === '{') depth++;
      else if (message[i] === '}') depth--;
      i++;
    }
    if (depth) return undefined;
    branches.set(selector[1], message.slice(from, i - 1));
  }
}

/** Every plural block of a message, nested ones too: for the locale checks. */
export function pluralBlocks(message: string): PluralBlock[] {
  const blocks: PluralBlock[] = [];
  for (let i = message.indexOf('{'); i >= 0; i = message.indexOf('{', i + 1)) {
    const block = parsePlural(message, i);
    if (block) blocks.push(block);
  }
  return blocks;
}
