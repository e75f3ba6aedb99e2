import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { CompaniesView } from '../../../components/dashboard/companies-view.tsx';
import { CompanyView } from '../../../components/dashboard/company-view.tsx';
import { SiteView } from '../../../components/dashboard/site-view.tsx';
import type { ViewContext } from '../../../components/dashboard/views.tsx';
import { translatorFromMessages } from '../../../lib/i18n.ts';
import type { AttemptAggregate } from '../../../lib/storage/aggregates.ts';
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

const T = Date.UTC(2026, 10, 20, 12);
const attempt = (extra: Partial<AttemptAggregate> = {}): AttemptAggregate => ({
  site: 'news.example',
  company: 'facebook',
  kind: 'tracker',
  category: 'advertising',
  categories: { advertising: 3 },
  requests: 3,
  firstSeen: T,
  lastSeen: T,
  hosts: ['www.facebook.com', 'connect.facebook.net'],
  kinds: { identifier: { first: T, last: T }, event: { first: T, last: T } },
  ...extra,
});
const contactNone = ctx({ kind: 'none', value: '' });
/** The text of the part of a page after `marker`, tags stripped. */
const textAfter = (html: string, marker: string) => (html.split(marker)[1] ?? '').replace(/<[^>]+>/g, ' ');

describe('attempts on the dashboard', () => {
  it('a company only attempted: nothing said to have reached it, what was tried under its own heading', () => {
    const html = renderToString(
      <CompanyView ctx={contactNone} id="facebook" description="" flows={[]} attempts={[attempt()]} />,
    );
    expect(html).toContain(messages.dashNothingReachedCompany.message);
    expect(html).not.toContain('data-testid="company-sites"');
    expect(html).toContain(messages.dashAttemptsHeading.message);
    const tried = textAfter(html, 'data-testid="attempts"');
    expect(tried).toContain('news.example');
    expect(tried).toContain('connect.facebook.net, www.facebook.com');
    expect(tried).toContain('What it would have received');
    expect(tried).toMatch(/Identifier\s*,\s*What you did/);
    expect(html).not.toContain('What it received');
  });

  it('a company that received data: its received sites, and its attempts apart', () => {
    const flow = { ...attempt({ site: 'shop.example', kinds: { 'page-address': { first: T, last: T } } }), failed: 0 };
    const html = renderToString(
      <CompanyView ctx={contactNone} id="facebook" description="" flows={[flow]} attempts={[attempt()]} />,
    );
    const [received = '', tried = ''] = html.split('data-testid="attempts"');
    expect(received).toContain('shop.example');
    expect(received).not.toContain('news.example');
    expect(tried).toContain('news.example');
    expect(html).not.toContain('data-testid="nothing-reached"');
  });

  it('a site page lists the companies its requests did not reach apart, without a letter to them', () => {
    const html = renderToString(<SiteView ctx={contactNone} site="news.example" flows={[]} attempts={[attempt()]} />);
    expect(html).toContain(messages.dashNothingReachedSite.message);
    expect(textAfter(html, 'data-testid="attempts"')).toContain('Magnite');
    expect(html).not.toContain('data-testid="draft-letter"');
  });

  it('the companies list shows companies only attempted apart, never as having received', () => {
    const row = {
      company: 'facebook',
      kind: 'tracker' as const,
      categories: ['advertising'],
      sites: 2,
      requests: 3,
      lastSeen: T,
      kinds: ['identifier' as const],
    };
    const html = renderToString(<CompaniesView ctx={contactNone} rows={[]} attempted={[row]} />);
    expect(html).toContain(messages.dashNoneReceived.message);
    expect(html).not.toContain('data-testid="companies-table"');
    expect(html).toContain(messages.dashAttemptedCompanies.message);
    expect(textAfter(html, 'data-testid="attempted-companies"')).toMatch(/Magnite.*Advertising.*2.*3.*Identifier/s);
    // With nothing attempted either, the list is simply empty.
    expect(renderToString(<CompaniesView ctx={contactNone} rows={[]} />)).toContain(messages.dashEmpty.message);
  });

  it('says a company received only the request itself, rather than leaving its cell empty', () => {
    const row = { company: 'magnite', kind: 'tracker' as const, categories: ['advertising'], sites: 1, requests: 1 };
    const html = renderToString(
      <CompaniesView ctx={contactNone} rows={[{ ...row, firstSeen: T, lastSeen: T, kinds: [] }]} />,
    );
    expect(textAfter(html, 'data-testid="companies-table"')).toContain(messages.dashKindsNone.message);
  });
});

describe('capped lists on the dashboard', () => {
  it('a capped domain list says how many requests went beyond it, in the singular and the plural', () => {
    const many = renderToString(
      <CompanyView
        ctx={contactNone}
        id="facebook"
        description=""
        flows={[]}
        attempts={[attempt({ hostsMore: 1234 })]}
      />,
    );
    expect(textAfter(many, 'data-testid="attempts"')).toContain(
      `connect.facebook.net, www.facebook.com and ${new Intl.NumberFormat().format(1234)} more requests to other domains`,
    );
    const one = renderToString(
      <CompanyView ctx={contactNone} id="facebook" description="" flows={[]} attempts={[attempt({ hostsMore: 1 })]} />,
    );
    expect(textAfter(one, 'data-testid="attempts"')).toContain('and 1 more request to another domain');
    const none = renderToString(
      <CompanyView ctx={contactNone} id="facebook" description="" flows={[]} attempts={[attempt()]} />,
    );
    expect(textAfter(none, 'data-testid="attempts"')).not.toContain('more request');
  });

  it('a site page says how many requests went to unlisted parties not listed one by one', () => {
    const flows = [{ ...attempt(), failed: 0 }];
    expect(renderToString(<SiteView ctx={contactNone} site="news.example" flows={flows} />)).not.toContain(
      'unlisted-more',
    );
    const html = renderToString(<SiteView ctx={contactNone} site="news.example" flows={flows} unlistedMore={300} />);
    expect(textAfter(html, 'data-testid="unlisted-more"')).toContain('And 300 more requests to other unlisted');
  });
});
