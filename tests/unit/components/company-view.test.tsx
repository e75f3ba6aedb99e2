import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { CompanyView, type ViewContext } from '../../../components/dashboard/views.tsx';
import { translatorFromMessages } from '../../../lib/i18n.ts';
import { unlistedCompany } from '../../../lib/trackers/company.ts';

const messages = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', '..', 'public', '_locales', 'en', 'messages.json'), 'utf8'),
);
const t = translatorFromMessages(messages);
const ctx = (contact: ReturnType<typeof unlistedCompany>['contact']): ViewContext => ({
  t,
  company: (id) => ({ ...unlistedCompany(id), id, name: 'Magnite', source: 'trackerdb', contact }),
  date: (ms) => new Date(ms).toISOString(),
  companyHref: (id) => `#/company/${id}`,
  siteHref: (site) => `#/site/${site}`,
});

describe('a company page', () => {
  it.each<[string, boolean, ReturnType<typeof unlistedCompany>['contact'], string | null]>([
    // Until the details chunk is in, the catalog knows no contact: the page says nothing rather than "none known".
    ['before the details load', false, { kind: 'none', value: '' }, null],
    ['with no contact known', true, { kind: 'none', value: '' }, messages.dashContactNone.message],
    ['with an email contact', true, { kind: 'email', value: 'privacy@magnite.com' }, 'privacy@magnite.com'],
  ])('%s', (_, detailsLoaded, contact, shown) => {
    const html = renderToString(
      <CompanyView ctx={ctx(contact)} id="magnite" description="" flows={[]} detailsLoaded={detailsLoaded} />,
    );
    if (shown === null) expect(html).not.toContain('data-testid="privacy-contact"');
    else
      expect(html).toMatch(new RegExp(`data-testid="privacy-contact"[^>]*>(<a[^>]*>)?${shown.replace(/[.]/g, '\\.')}`));
  });
});
