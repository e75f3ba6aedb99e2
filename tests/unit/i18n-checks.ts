import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { languageTag, type MessagesFile, pluralBlocks } from '../../lib/i18n.ts';

// The checks every locale must pass, as functions over files in memory: the tests run them on every folder of
// public/_locales, and on broken copies made in the test, to show each one fails when it should.

export const root = join(import.meta.dirname, '..', '..');
const localesDir = join(root, 'public', '_locales');

/** Every locale folder's messages, English included. */
export function localeFolders(): Record<string, MessagesFile> {
  return Object.fromEntries(
    readdirSync(localesDir).map((l) => [l, JSON.parse(readFileSync(join(localesDir, l, 'messages.json'), 'utf8'))]),
  );
}

/** English's keys the locale lacks. */
export function missingKeys(english: MessagesFile, locale: MessagesFile): string[] {
  return Object.keys(english).filter((k) => !Object.hasOwn(locale, k));
}

/** Keys nothing uses: a locale's keys English lacks (the code looks up English's), and English's the code never names. */
export function unusedKeys(english: MessagesFile, locale: MessagesFile, code: string): string[] {
  return Object.keys(locale).filter(
    (key) =>
      !Object.hasOwn(english, key) ||
      // Keys built from data (`category_${id}`) are checked against their data by i18n.test.ts.
      (!/^(category|kind|help|term|letterStatus)_/.test(key) &&
        !code.includes(`'${key}'`) &&
        !code.includes(`__MSG_${key}__`)),
  );
}

/** The placeholders a message uses (`$NAME$`) and those its plurals count (`{NAME, plural, …}`), lower case. */
const used = (message: string) =>
  new Set([
    ...[...message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((m) => (m[1] as string).toLowerCase()),
    ...pluralBlocks(message).map((b) => b.name.toLowerCase()),
  ]);

/** Keys whose placeholders differ from English's: other names, other `$1`s, or one used but not defined. */
export function placeholderMismatches(english: MessagesFile, locale: MessagesFile): string[] {
  const shape = (e: MessagesFile[string]) =>
    JSON.stringify(
      Object.entries(e.placeholders ?? {})
        .map(([name, p]) => [name.toLowerCase(), p.content])
        .sort(),
    );
  return Object.keys(english).filter((key) => {
    const theirs = locale[key];
    const ours = english[key];
    if (!theirs || !ours) return false;
    const defined = new Set(Object.keys(theirs.placeholders ?? {}).map((n) => n.toLowerCase()));
    return shape(theirs) !== shape(ours) || [...used(theirs.message)].some((name) => !defined.has(name));
  });
}

/**
 * Keys whose plural forms do not fit the locale: a count English makes plural that the locale does not, or a plural
 * without a form for each category of `Intl.PluralRules` for the locale (Polish: one, few, many, other), or with a
 * category the locale does not have.
 */
export function pluralProblems(english: MessagesFile, locale: MessagesFile, folder: string): string[] {
  const categories = new Intl.PluralRules(languageTag(folder)).resolvedOptions().pluralCategories as string[];
  return Object.keys(english).flatMap((key) => {
    const theirs = locale[key];
    const ours = english[key];
    if (!theirs || !ours) return [];
    const blocks = pluralBlocks(theirs.message);
    const counted = new Set(blocks.map((b) => b.name.toLowerCase()));
    const problems = pluralBlocks(ours.message)
      .filter((b) => !counted.has(b.name.toLowerCase()))
      .map((b) => `${key}: ${b.name} has no plural forms`);
    for (const block of blocks) {
      const forms = [...block.branches.keys()].filter((f) => !f.startsWith('='));
      const lacking = categories.filter((c) => !forms.includes(c));
      const foreign = forms.filter((f) => !categories.includes(f));
      if (lacking.length) problems.push(`${key}: ${block.name} lacks ${lacking.join(', ')}`);
      if (foreign.length) problems.push(`${key}: ${block.name} has ${foreign.join(', ')}, not a category of ${folder}`);
    }
    // An unclosed or misspelt plural is not read as one: its braces would show.
    if (/[{}]/.test(theirs.message) && !blocks.length) problems.push(`${key}: braces that are not a plural`);
    return problems;
  });
}

/** The code that may name a key: components, entrypoints, lib and the manifest. */
export function codeText(): string {
  const files = (path: string): string[] =>
    readdirSync(path, { withFileTypes: true }).flatMap((d) =>
      d.isDirectory() ? files(join(path, d.name)) : [join(path, d.name)],
    );
  return [...['components', 'entrypoints', 'lib'].flatMap((dir) => files(join(root, dir))), join(root, 'wxt.config.ts')]
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
}
