import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { type Observation, observationOf, type TabFacts } from '../../../components/popup/observation.ts';
import { type PopupModel, type PopupRecipient, PopupView } from '../../../components/popup/popup-view.tsx';
import { translatorFromMessages } from '../../../lib/i18n.ts';

const messages = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', '..', 'public', '_locales', 'en', 'messages.json'), 'utf8'),
);
const t = translatorFromMessages(messages);

const OWN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

const facts = (extra: Partial<TabFacts> = {}): TabFacts => ({
  url: 'https://www.news.example/article',
  incognito: false,
  ownOrigin: OWN,
  browser: 'chromium',
  recordPrivate: false,
  paused: false,
  excludedSites: [],
  access: true,
  watched: true,
  ...extra,
});

describe('observationOf: whether the popup may say what the page sent', () => {
  it.each<[string, Partial<TabFacts>, Observation]>([
    ['a page watched from its start', {}, 'watched'],
    ['a page whose load began before Disclosed listened', { watched: false }, 'not-watched'],
    ['a page the worker could not answer about', { watched: undefined }, 'watched'],
    ['Chrome settings', { url: 'chrome://settings/' }, 'browser-page'],
    ['chrome://version', { url: 'chrome://version' }, 'browser-page'],
    ['a new tab', { url: 'about:blank' }, 'browser-page'],
    ['Firefox add-ons manager', { url: 'about:addons', browser: 'firefox' }, 'browser-page'],
    ['view-source of a web page', { url: 'view-source:https://www.news.example/' }, 'browser-page'],
    ['a local file', { url: 'file:///home/me/page.html' }, 'browser-page'],
    ['no address at all', { url: '' }, 'browser-page'],
    ["Disclosed's dashboard", { url: `${OWN}/options.html#/sites` }, 'own-page'],
    [
      "another extension's page",
      { url: 'chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba/page.html' },
      'extension-page',
    ],
    [
      "another add-on's page in Firefox",
      { url: 'moz-extension://0b1c2d3e-0000-4000-8000-000000000000/page.html', browser: 'firefox' },
      'extension-page',
    ],
    ['the Chrome Web Store', { url: 'https://chromewebstore.google.com/detail/x/abc' }, 'protected-site'],
    ['the old Chrome Web Store', { url: 'https://chrome.google.com/webstore/category/extensions' }, 'protected-site'],
    ['another page of chrome.google.com', { url: 'https://chrome.google.com/intl/en/chrome/' }, 'watched'],
    [
      'the Chrome Web Store in Firefox (visible there)',
      { url: 'https://chromewebstore.google.com/', browser: 'firefox' },
      'watched',
    ],
    [
      'addons.mozilla.org in Firefox',
      { url: 'https://addons.mozilla.org/en-US/firefox/', browser: 'firefox' },
      'protected-site',
    ],
    ['addons.mozilla.org in Chrome (visible there)', { url: 'https://addons.mozilla.org/en-US/firefox/' }, 'watched'],
    ['a PDF in the browser viewer', { url: 'https://www.news.example/report.PDF' }, 'pdf'],
    ['a private window, not recorded', { incognito: true }, 'private'],
    ['a private window, recorded', { incognito: true, recordPrivate: true }, 'watched'],
    ['site access withheld ("on click")', { access: false, watched: false }, 'no-access'],
    ['site access not yet known', { access: undefined }, 'watched'],
    ['an excluded site', { excludedSites: ['news.example'] }, 'excluded'],
    ['another site excluded', { excludedSites: ['shop.example'] }, 'watched'],
    ['recording paused', { paused: true }, 'paused'],
    [
      'paused on an excluded site: the site is the lasting reason',
      { paused: true, excludedSites: ['news.example'] },
      'excluded',
    ],
    ['paused, site access withheld: access first', { paused: true, access: false }, 'no-access'],
    [
      'a browser page while paused: nothing could be seen anyway',
      { paused: true, url: 'chrome://version' },
      'browser-page',
    ],
    ['a PDF while paused', { paused: true, url: 'https://www.news.example/a.pdf' }, 'paused'],
  ])('%s', (_, extra, expected) => {
    expect(observationOf(facts(extra))).toBe(expected);
  });
});

const google: PopupRecipient = {
  company: 'google',
  kind: 'tracker',
  categories: ['site_analytics'],
  requests: 2,
  failed: 0,
  hosts: ['www.google-analytics.com'],
  kinds: ['identifier'],
  details: { identifier: ['cid'] },
  info: {
    id: 'google',
    name: 'Google',
    country: 'US',
    website: '',
    privacyPolicy: '',
    contact: { kind: 'none', value: '' },
    source: 'trackerdb',
  },
};

const model = (observation: Observation, recipients: PopupRecipient[] = []): PopupModel => ({
  loading: false,
  site:
    observation === 'browser-page' || observation === 'own-page' || observation === 'extension-page'
      ? null
      : 'news.example',
  observation,
  paused: observation === 'paused',
  recipients,
  unlistedMore: 0,
  storageError: null,
  dropped: null,
  dismissDropped: () => undefined,
  setPaused: () => undefined,
  allowSite: () => undefined,
  stopExcluding: () => undefined,
  reloadPage: () => undefined,
  openSettings: () => undefined,
});

const render = (m: PopupModel) => renderToString(<PopupView t={t} model={m} />);
const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&#39;/g, "'");

describe('PopupView when Disclosed could not see the page', () => {
  it.each<[Observation, string, string | null]>([
    ['browser-page', 'This is a browser page', null],
    ['own-page', "This is one of Disclosed's own pages", null],
    ['extension-page', "This is another extension's page", null],
    ['protected-site', 'Your browser keeps every extension away from this site', null],
    ['pdf', 'This is a PDF, shown by your browser', null],
    ['private', 'This is a private window', null],
    [
      'no-access',
      'Disclosed is not allowed on this site, so it cannot see what this page sends',
      'Allow Disclosed on this site',
    ],
    ['excluded', 'You excluded this site in the settings', 'Stop excluding this site'],
    ['paused', 'Recording is paused, so nothing this page sends is recorded', 'Resume recording'],
    [
      'not-watched',
      'Disclosed was not watching this page the whole time since it loaded, so it cannot tell what the page sent',
      'Reload the page to start seeing it',
    ],
  ])('%s: says why, offers what the user can do, and never says nothing was sent', (observation, sentence, action) => {
    const html = render(model(observation));
    expect(html).toContain(`data-reason="${observation}"`);
    expect(text(html)).toContain(sentence);
    expect(html).not.toContain('data-testid="nothing-shared"');
    expect(text(html)).not.toContain('No third party has received');
    expect(html).not.toContain('data-testid="summary"');
    if (action) expect(html).toMatch(new RegExp(`data-testid="observe-action"[^>]*>${action}</button>`));
    else expect(html).not.toContain('data-testid="observe-action"');
  });

  it.each<[Observation, string]>([
    [
      'not-watched',
      'Disclosed was not watching this page the whole time since it loaded: what it sent meanwhile is missing below',
    ],
    ['paused', 'Recording is paused'],
    ['excluded', 'You excluded this site'],
    ['no-access', 'Disclosed is not allowed on this site'],
  ])('%s with requests recorded earlier: the notice, then what was recorded', (observation, sentence) => {
    const html = render(model(observation, [google]));
    const notice = html.indexOf(`data-reason="${observation}"`);
    expect(notice).toBeGreaterThan(-1);
    expect(text(html)).toContain(sentence);
    expect(notice).toBeLessThan(html.indexOf('data-testid="summary"'));
    expect(text(html)).toContain('Google got an identifier.');
  });

  it('a watched page with nothing recorded is the one that says no third party received a request', () => {
    const html = render(model('watched'));
    expect(html).toContain('data-testid="nothing-shared"');
    expect(html).not.toContain('data-testid="unobserved"');
    // A PDF whose address ends in .pdf but that made requests is shown like any page.
    expect(render(model('pdf', [google]))).toContain('data-testid="summary"');
  });

  it('pages where nothing could be seen show no earlier recipients either', () => {
    for (const observation of ['browser-page', 'protected-site', 'private'] as const)
      expect(render(model(observation, [google]))).not.toContain('data-testid="recipient"');
  });
});
