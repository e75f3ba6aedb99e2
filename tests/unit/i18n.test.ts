import { readFileSync } from 'node:fs';
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

  it('names every letter status', () => {
    for (const status of LETTER_STATUSES) expect(english[statusKey(status)]?.message, status).toBeTruthy();
  });

  it('substitutes placeholders the way the browser does', () => {
    const t = translatorFromMessages(english);
    expect(t('popupCompaniesHeading', [4])).toBe('4 companies received data from this page');
  });
});
