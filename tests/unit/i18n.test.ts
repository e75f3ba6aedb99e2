import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { statusKey } from '../../components/letters/composer.tsx';
import { DATA_KINDS } from '../../lib/disclose/kinds.ts';
import { translatorFromMessages } from '../../lib/i18n.ts';
import { LETTER_STATUSES } from '../../lib/letters/records.ts';
import { realTrackerList } from './fixture-lists.ts';

const root = join(import.meta.dirname, '..', '..');
const english = JSON.parse(readFileSync(join(root, 'public', '_locales', 'en', 'messages.json'), 'utf8'));

describe('locale files', () => {
  it('have a name for every tracker category the shipped list uses', () => {
    for (const category of realTrackerList().categories) {
      expect(english[`category_${category.id}`]?.message, category.id).toBeTruthy();
    }
  });

  it('have a phrase and a one-sentence explanation for every data kind', () => {
    for (const kind of DATA_KINDS) {
      const id = kind.replace(/-/g, '_');
      expect(english[`kind_${id}`]?.message, kind).toBeTruthy();
      expect(english[`term_${id}`]?.message, kind).toBeTruthy();
      expect(english[`help_${id}`]?.message, kind).toMatch(/^[A-Z].*\.$/);
    }
  });

  it('give every other locale the same keys and placeholders as English', () => {
    for (const locale of readdirSync(join(root, 'public', '_locales'))) {
      const file = JSON.parse(readFileSync(join(root, 'public', '_locales', locale, 'messages.json'), 'utf8'));
      expect(Object.keys(file).sort(), locale).toEqual(Object.keys(english).sort());
      for (const key of Object.keys(english)) {
        expect(Object.keys(file[key].placeholders ?? {}).sort(), `${locale}:${key}`).toEqual(
          Object.keys(english[key].placeholders ?? {}).sort(),
        );
      }
    }
  });

  it('uses every key it defines somewhere in the code', () => {
    const code = ['components', 'entrypoints', 'lib', 'wxt.config.ts']
      .flatMap((dir) => listFiles(join(root, dir)))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const unused = Object.keys(english).filter(
      (key) =>
        !/^(category|kind|help|term|letterStatus)_/.test(key) &&
        !code.includes(`'${key}'`) &&
        !code.includes(`__MSG_${key}__`),
    );
    expect(unused).toEqual([]);
  });

  it('names every letter status', () => {
    for (const status of LETTER_STATUSES) expect(english[statusKey(status)]?.message, status).toBeTruthy();
  });

  it('substitutes placeholders the way the browser does', () => {
    const t = translatorFromMessages(english);
    expect(t('popupCompaniesHeading', [4])).toBe('4 companies received data from this page');
  });
});

function listFiles(path: string): string[] {
  try {
    return readdirSync(path, { withFileTypes: true }).flatMap((d) =>
      d.isDirectory() ? listFiles(join(path, d.name)) : [join(path, d.name)],
    );
  } catch {
    return [path];
  }
}
