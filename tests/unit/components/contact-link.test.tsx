import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { CompanyView } from '../../../components/dashboard/company-view.tsx';
import type { ViewContext } from '../../../components/dashboard/views.tsx';
import { translatorFromMessages } from '../../../lib/i18n.ts';
import { unlistedCompany } from '../../../lib/trackers/company.ts';

const t = translatorFromMessages(
  JSON.parse(
    readFileSync(join(import.meta.dirname, '..', '..', '..', 'public', '_locales', 'en', 'messages.json'), 'utf8'),
  ),
);
const page = (email: string) =>
  renderToString(
    <CompanyView
      ctx={
        {
          t,
          company: (id) => ({
            ...unlistedCompany(id),
            id,
            name: 'X',
            source: 'trackerdb',
            contact: { kind: 'email', value: email },
          }),
          date: (ms) => new Date(ms).toISOString(),
          companyHref: (id) => `#/company/${id}`,
          siteHref: (site) => `#/site/${site}`,
        } satisfies ViewContext
      }
      id="x"
      description=""
      flows={[]}
      detailsLoaded
    />,
  );

describe("a company page's privacy contact", () => {
  it('links to an address with every character a link would read as syntax encoded', () => {
    expect(page('a?b&c%d@example.com')).toContain('href="mailto:a%3Fb%26c%25d@example.com"');
  });

  it.each(['a@x.example\r\nBcc: evil@y.example', 'a@x.example, evil@y.example', 'a@x.example?bcc=evil@y.example'])(
    'shows %j as text, with no link',
    (contact) => {
      const html = page(contact);
      expect(html).not.toContain('mailto:');
      expect(html).toContain('data-testid="privacy-contact"');
    },
  );
});
