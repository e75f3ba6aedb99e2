import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { type PopupModel, type PopupRecipient, PopupView } from '../../../components/popup/popup-view.tsx';
import { translatorFromMessages } from '../../../lib/i18n.ts';
import { popupModel } from './popup-model.ts';

const messages = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', '..', 'public', '_locales', 'en', 'messages.json'), 'utf8'),
);
const t = translatorFromMessages(messages);

const company = (id: string, name: string, extra: Partial<PopupRecipient> = {}): PopupRecipient => ({
  company: id,
  kind: 'tracker',
  categories: ['advertising'],
  requests: 3,
  failed: 0,
  hosts: [`${id}.example`],
  kinds: [],
  details: {},
  info: {
    id,
    name,
    country: 'US',
    website: '',
    privacyPolicy: '',
    contact: { kind: 'none', value: '' },
    source: 'trackerdb',
  },
  ...extra,
});

const model = popupModel;

const render = (m: PopupModel) => renderToString(<PopupView t={t} model={m} />);
/** The summary's text as a person reads it (its names are in <strong>). */
const summaryOf = (html: string) =>
  html
    .match(/data-testid="summary">(.*?)<\/p>/)?.[1]
    ?.replace(/<[^>]+>/g, '')
    .replace(/&#39;/g, "'");

describe('PopupView', () => {
  it('names companies with category, country and request counts, and unlisted parties apart', () => {
    const html = render(
      model({
        recipients: [
          company('google', 'Google', { categories: ['advertising', 'site_analytics'], requests: 4, failed: 1 }),
          company('facebook', 'Meta', { requests: 1 }),
          company('site:widgets.example', 'widgets.example', { kind: 'unlisted', categories: ['unlisted'] }),
        ],
      }),
    );
    expect(html).toContain('2 companies received data from this page');
    expect(html).toContain('Advertising, Site analytics');
    expect(html).toContain('United States');
    expect(html).toContain('4 requests');
    expect(html).toContain('1 request<');
    expect(html).toContain('1 blocked, failed or from the cache');
    expect(html).toMatch(/data-testid="unlisted".*widgets\.example/s);
    expect(html).toContain('Every request also reveals your IP address');
  });

  it('says how many requests went to unlisted parties not kept one by one, in the singular and the plural', () => {
    const unlisted = company('site:widgets.example', 'widgets.example', { kind: 'unlisted', categories: ['unlisted'] });
    expect(render(model({ recipients: [unlisted] }))).not.toContain('data-testid="unlisted-more"');
    expect(render(model({ recipients: [unlisted], unlistedMore: 1 }))).toContain(
      'And 1 more request to an unlisted third party',
    );
    expect(render(model({ recipients: [unlisted], unlistedMore: 4812 }))).toContain(
      `And ${new Intl.NumberFormat().format(4812)} more requests to other unlisted third parties`,
    );
  });

  it('counts only companies that received data, and lists the ones only attempted apart, in the conditional', () => {
    const html = render(
      model({
        recipients: [
          company('google', 'Google', { kinds: ['identifier'], details: { identifier: ['cid'] } }),
          company('facebook', 'Meta', {
            requests: 2,
            failed: 2,
            attemptedOnly: true,
            blockedOnly: true,
            stoppedOnly: true,
            kinds: ['page-address', 'identifier'],
            details: { identifier: ['fbp'] },
          }),
        ],
      }),
    );
    expect(html).toContain('1 company received data from this page');
    const [received = '', attempted = ''] = html.split('data-testid="attempted"');
    expect(received).toContain('Google');
    expect(received).not.toContain('Meta');
    expect(html).toContain('Tried to send data — blocked by your browser or another extension');
    expect(attempted).toContain('Meta');
    expect(attempted).toContain('Would have received: the address of this page, an identifier (fbp)');
    expect(attempted).not.toContain('Received:');
    // No letter is offered for what no request carried to the company.
    expect(attempted).not.toContain('data-testid="draft-letter"');
    // One company reached: no link to write to each company from the site's page.
    expect(html).not.toContain('data-testid="draft-on-site-page"');
    // The summary says who got data, and that Meta's requests arrived nowhere, without naming what they carried.
    expect(summaryOf(html)).toBe('Google got an identifier. 1 other tried, but nothing arrived.');
  });

  it('answers first: the summary comes before every card, and the cards put the most revealing data first', () => {
    const html = render(
      model({
        recipients: [
          company('microsoft', 'Microsoft', { requests: 5, kinds: ['site-address'] }),
          company('criteo', 'Criteo', { requests: 1, kinds: ['site-address', 'page-address', 'identifier'] }),
          company('google', 'Google', { requests: 3, kinds: ['site-address', 'page-address', 'identifier'] }),
          company('site:px.example-ads.com', 'px.example-ads.com', {
            kind: 'unlisted',
            requests: 1,
            kinds: ['email'],
          }),
          company('site:cdn.example', 'cdn.example', { kind: 'unlisted', requests: 2, kinds: ['site-address'] }),
        ],
      }),
    );
    const summary = html.indexOf('data-testid="summary"');
    expect(summary).toBeGreaterThan(-1);
    expect(summary).toBeLessThan(html.indexOf('data-testid="recipient"'));
    expect(summaryOf(html)).toBe(
      'px.example-ads.com got your email address; Google and Criteo got the address of this page and an identifier; ' +
        'Microsoft and cdn.example got which site you were on.',
    );
    expect(html).toContain('<strong>px.example-ads.com</strong> got your email address');
    const order = [...html.matchAll(/data-company="([^"]+)"/g)].map((m) => m[1]);
    expect(order).toEqual(['google', 'criteo', 'microsoft', 'site:px.example-ads.com', 'site:cdn.example']);
    // The link to the site's page says that is what it opens: it drafts nothing itself.
    expect(html).toContain("Open this site's page to write to each company");
    expect(html).toContain('href="#/site/news.example"');
  });

  it('names a host that received nothing beside the count of what did not arrive, not among the domains', () => {
    const google = company('google', 'Google', {
      requests: 3,
      failed: 1,
      hosts: ['www.google-analytics.com'],
      missedHosts: ['stats.g.doubleclick.net'],
    });
    const html = render(model({ recipients: [google] }));
    expect(html).toMatch(/data-testid="domains">www\.google-analytics\.com</);
    expect(html).toContain(
      '1 blocked, failed or from the cache; nothing is known to have reached stats.g.doubleclick.net',
    );
  });

  it('says "blocked" over the attempts only when every one was blocked', () => {
    const cached = company('facebook', 'Meta', { requests: 1, failed: 1, attemptedOnly: true, blockedOnly: false });
    const html = render(model({ recipients: [company('google', 'Google'), cached] }));
    expect(html).toContain("Tried to send data — blocked, failed or answered from your browser's cache");
    expect(html).not.toContain('blocked by your browser or another extension');
  });

  it('says a cached attempt "may have" reached the company, never that nothing arrived', () => {
    const cached = company('facebook', 'Meta', {
      requests: 1,
      failed: 1,
      attemptedOnly: true,
      blockedOnly: false,
      stoppedOnly: false,
      kinds: ['page-address'],
    });
    const html = render(model({ recipients: [company('google', 'Google', { kinds: ['identifier'] }), cached] }));
    const [, attempted = ''] = html.split('data-testid="attempted"');
    expect(attempted).toContain('May have received: the address of this page');
    expect(attempted).not.toContain('Would have received');
    expect(summaryOf(html)).toBe(
      'Google got an identifier. 1 other tried; none of its requests is known to have arrived.',
    );
  });

  it.each([
    [model({ site: null, observation: 'browser-page' }), 'unobserved', 'This is a browser page'],
    [model({ observation: 'private' }), 'unobserved', 'private window'],
    [model(), 'nothing-shared', 'No third party has received a request'],
    [model({ paused: true, observation: 'paused' }), 'unobserved', 'Recording is paused'],
    [
      model({ storageError: 'QuotaExceededError: full' }),
      'storage-error',
      'could not save what it saw: QuotaExceededError: full',
    ],
    [
      model({ dropped: { requests: 1204, pages: 0, diskFull: true } }),
      'dropped',
      '1,204 requests could not be saved — the disk is full.',
    ],
    [
      model({ dropped: { requests: 1, pages: 3, diskFull: false } }),
      'dropped',
      "1 request could not be saved: the browser's storage refused it. 3 page loads could not be saved.",
    ],
  ])('shows the %#th state clearly', (m, testId, text) => {
    const html = render(m);
    expect(html).toContain(`data-testid="${testId}"`);
    expect(html).toContain(text);
    // With nothing observed there is no summary to make: the state's own sentence is the answer.
    expect(html).not.toContain('data-testid="summary"');
  });

  it('renders hostile names and hosts as text, never as HTML', () => {
    const html = render(
      model({
        recipients: [company('evil', '<img src=x onerror=alert(1)>', { hosts: ['<script>alert(1)</script>.example'] })],
      }),
    );
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)>');
  });

  it('says what each company received, in words, with one request decoded', () => {
    const html = render(
      model({
        recipients: [
          company('google', 'Google', {
            kinds: ['site-address', 'full-address', 'identifier', 'device', 'event'],
            details: {
              'full-address': ['q, utm_source'],
              identifier: ['cid'],
              device: ['screen 1920×1080', 'language en-US'],
              event: ['page view'],
            },
            example: {
              host: 'www.google-analytics.com',
              path: '/g/collect',
              findings: [{ kind: 'identifier', source: 'url', name: 'cid', value: '12345678…00', detail: 'cid' }],
            },
          }),
          company('widgets', 'widgets.example', {
            kind: 'unlisted',
            kinds: ['site-address'],
            trackingSites: ['a.example', 'b.example', 'c.example'],
          }),
        ],
      }),
    );
    expect(html).toContain(
      'Received: the full address of this page, with its query (q, utm_source), an identifier (cid), device details (screen 1920×1080, language en-US), what you did (page view)',
    );
    expect(html).toContain('Received: which site you were on (not the page)');
    expect(html).toContain('Example request to www.google-analytics.com');
    expect(html).toMatch(/<td class="param">cid<\/td><td class="value">12345678…00<\/td>/);
    expect(html).toContain('A value that singles out your browser or you');
    // Each kind on the page is explained once, in the glossary.
    expect(html.match(/The page's whole address/g)?.length).toBe(1);
    expect(html.match(/The address of the site you were on/g)?.length).toBe(1);
    expect(html).toContain(
      'Tracks you across sites (observed): it received an identifier or its own cookie on 3 sites: a.example, b.example, c.example.',
    );
  });

  it('offers to resume when paused, once', () => {
    const paused = render(model({ paused: true, observation: 'paused' }));
    expect(paused.match(/Resume recording/g)?.length).toBe(1);
    expect(paused).not.toContain('Pause recording');
    expect(render(model())).toContain('Pause recording');
    // Paused on an excluded site: the notice is about the site, and the footer still offers to resume.
    const excluded = render(model({ paused: true, observation: 'excluded' }));
    expect(excluded).toContain('Stop excluding this site');
    expect(excluded).toContain('Resume recording');
  });
});
