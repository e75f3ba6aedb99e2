import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderToString } from 'preact-render-to-string';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CompanyView } from '../../../components/dashboard/company-view.tsx';
import { SiteView } from '../../../components/dashboard/site-view.tsx';
import type { ViewContext } from '../../../components/dashboard/views.tsx';
import { formatDateTime } from '../../../components/format.ts';
import { type PopupModel, type PopupRecipient, PopupView } from '../../../components/popup/popup-view.tsx';
import type { ConsentStamp } from '../../../lib/consent/types.ts';
import { type MessagesFile, translatorFromMessages } from '../../../lib/i18n.ts';
import { companyConsentFlows, siteConsentFlows } from '../../../lib/storage/consent.ts';
import type { DisclosedDb } from '../../../lib/storage/db.ts';
import type { SharingEvent } from '../../../lib/storage/events.ts';
import { loadPageSummary } from '../../../lib/storage/queries.ts';
import { Recorder } from '../../../lib/storage/recorder.ts';
import { unlistedCompany } from '../../../lib/trackers/company.ts';
import { event, freshDb } from '../storage/helpers.ts';

const localeFile = (folder: string): MessagesFile =>
  JSON.parse(
    readFileSync(join(import.meta.dirname, '..', '..', '..', 'public', '_locales', folder, 'messages.json'), 'utf8'),
  );
const english = localeFile('en');
const t = translatorFromMessages(english);

const NAMES: Record<string, string> = { google: 'Google', facebook: 'Meta', criteo: 'Criteo', onetrust: 'OneTrust' };
const info = (id: string) => ({
  ...unlistedCompany(id),
  id,
  name: NAMES[id] ?? id,
  country: 'US',
  source: 'trackerdb' as const,
});
const ctx: ViewContext = {
  t,
  company: info,
  date: (ms) => formatDateTime(ms, 'en'),
  companyHref: (id) => `#/company/${id}`,
  siteHref: (site) => `#/site/${site}`,
};

/** 14:00:00 UTC (the unit tests' zone): the page's banner is answered at 14:00:05. */
const T = Date.UTC(2026, 10, 30, 14, 0, 0);
const ANSWER = T + 5000;
const PAGE = '7:1';
const open: ConsentStamp = { state: 'not-answered', since: T - 9000, cmp: 'onetrust' };
const answeredLater: ConsentStamp = { ...open, answeredAt: ANSWER };
const refused: ConsentStamp = { state: 'refused', since: ANSWER, cmp: 'onetrust' };

/** A request as the worker records it: sent at `sentAt`, finished 300 ms later, delivered unless said otherwise. */
const sent = (sentAt: number, extra: Partial<SharingEvent>): SharingEvent =>
  event({
    page: PAGE,
    tabId: 7,
    sentAt,
    time: sentAt + 300,
    delivery: 'received',
    deliveryReason: 'response',
    category: 'advertising',
    // An identifier under a name that says it is one (flows.ts: read from the device).
    ...(extra.kinds?.includes('identifier')
      ? { findings: [{ kind: 'identifier', source: 'url', name: 'uid', value: 'u-1' }] }
      : {}),
    ...extra,
  });

async function record(db: DisclosedDb, events: SharingEvent[], page = PAGE, tabId = 7): Promise<void> {
  const recorder = new Recorder(db);
  for (const e of events) recorder.add(e);
  await recorder.flush();
  await db.pages.put({ key: page, tabId, site: 'news.example', startedAt: T - 10_000 });
}

/** The page of the brief: a request before the answer, one after the refusal, a blocked one and the CMP's own. */
const ledger = (): SharingEvent[] => [
  // The consent tool itself, before anyone could answer it: never evidence.
  sent(T - 8000, {
    company: 'onetrust',
    category: 'consent',
    host: 'cdn.cookielaw.org',
    kinds: ['page-address'],
    consentAt: answeredLater,
  }),
  sent(T + 3000, { company: 'google', host: 'ads.google.example', kinds: ['page-address'], consentAt: answeredLater }),
  sent(T + 8000, { company: 'facebook', host: 'connect.facebook.net', kinds: ['identifier'], consentAt: refused }),
  // Blocked by another extension: it never arrived, so it is no evidence.
  sent(T + 9000, {
    company: 'criteo',
    host: 'static.criteo.net',
    outcome: 'error',
    delivery: 'not-received',
    deliveryReason: 'blocked-by-extension',
    kinds: ['identifier'],
    consentAt: refused,
  }),
];

async function popupHtml(db: DisclosedDb, folder = 'en'): Promise<string> {
  const summary = await loadPageSummary(db, 7, 'news.example');
  const recipients: PopupRecipient[] = summary.recipients.map((r) => ({ ...r, info: info(r.company) }));
  const model: PopupModel = {
    loading: false,
    site: 'news.example',
    observation: 'watched',
    paused: false,
    recipients,
    unlistedMore: 0,
    ...(summary.consent ? { consent: summary.consent } : {}),
    storageError: null,
    dropped: null,
    dismissDropped: () => undefined,
    setPaused: () => undefined,
    allowSite: () => undefined,
    stopExcluding: () => undefined,
    reloadPage: () => undefined,
    openSettings: () => undefined,
  };
  return renderToString(<PopupView t={translatorFromMessages(localeFile(folder), folder, english)} model={model} />);
}

/** The text of every element with the test id, as a person reads it. */
const texts = (html: string, testId: string, tag = testId === 'consent-flow' ? 'div' : '(p|tr)') =>
  [...html.matchAll(new RegExp(`data-testid="${testId}"[^>]*>(.*?)</${tag}>`, 'g'))].map((m) =>
    (m[1] ?? '').replace(/<[^>]+>/g, '').replace(/&#39;/g, "'"),
  );
/** One company's card. */
const card = (html: string, company: string) =>
  html.match(new RegExp(`<li class="recipient"[^>]*data-company="${company}".*?</li>`, 's'))?.[0] ?? '';

describe('the popup: who got data before the answer or after the refusal', () => {
  beforeEach(() => {
    // The same afternoon: the banner's answer is said as a time of day.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T + 60_000);
  });
  afterEach(() => vi.useRealTimers());

  it('marks the card of a company that got data before the answer, and of one after the refusal, with the gap', async () => {
    const db = freshDb();
    await record(db, ledger());
    const html = await popupHtml(db);
    expect(texts(card(html, 'google'), 'consent-flow')).toEqual([
      'Received the address of this page 2 seconds before you answered the cookie banner',
    ]);
    expect(card(html, 'google')).toContain('<strong>before you answered the cookie banner</strong>');
    expect(texts(card(html, 'facebook'), 'consent-flow')).toEqual([
      'Received an identifier 3 seconds after you refused',
    ]);
    expect(card(html, 'facebook')).toContain('<strong>after you refused</strong>');
  });

  it("says nothing on the CMP's own card nor on a blocked company's", async () => {
    const db = freshDb();
    await record(db, ledger());
    const html = await popupHtml(db);
    expect(card(html, 'onetrust')).toContain('OneTrust');
    expect(card(html, 'onetrust')).not.toContain('consent-flow');
    expect(card(html, 'criteo')).toContain('Criteo');
    expect(card(html, 'criteo')).not.toContain('consent-flow');
    expect(texts(html, 'consent-flow')).toHaveLength(2);
  });

  it("says the page's state from its latest stamp, and names the marked companies in the summary", async () => {
    const db = freshDb();
    await record(db, ledger());
    const html = await popupHtml(db);
    expect(texts(html, 'consent-state')).toEqual(['You refused the cookie banner at 2:00 PM']);
    expect(texts(html, 'summary')[0]).toContain(
      'Google and Meta got data before you answered the cookie banner or after you said no.',
    );
  });

  it('while the banner is still open: no gap, and "not answered yet"', async () => {
    const db = freshDb();
    await record(db, [
      sent(T + 1000, { company: 'google', host: 'ads.google.example', kinds: ['page-address'], consentAt: open }),
      sent(T + 2000, { company: 'google', host: 'ads.google.example', kinds: ['identifier'], consentAt: open }),
    ]);
    const html = await popupHtml(db);
    expect(texts(html, 'consent-flow')).toEqual([
      'Received an identifier while the cookie banner was still unanswered' +
        '2 requests from this page reached it before your answer or after you said no.',
    ]);
    expect(texts(html, 'consent-state')).toEqual(['Cookie banner not answered yet']);
    expect(texts(html, 'summary')[0]).toContain('Google got data before you answered the cookie banner.');
  });

  it('a page without a banner says so, and marks nobody', async () => {
    const db = freshDb();
    await record(db, [
      sent(T, {
        company: 'google',
        host: 'ads.google.example',
        kinds: ['identifier'],
        consentAt: { state: 'no-banner' },
      }),
    ]);
    const html = await popupHtml(db);
    expect(texts(html, 'consent-state')).toEqual(['No cookie banner found on this page']);
    expect(html).not.toContain('data-testid="consent-flow"');
  });

  it('claims nothing about consent when no request carried a stamp', async () => {
    const db = freshDb();
    await record(db, [sent(T, { company: 'google', host: 'ads.google.example', kinds: ['identifier'] })]);
    const html = await popupHtml(db);
    expect(html).toContain('data-testid="summary"');
    expect(html).not.toContain('consent-state');
    expect(html).not.toContain('consent-flow');
    expect(texts(html, 'summary')[0]).not.toContain('cookie banner');
  });

  it('an answer on another day is said with its day', async () => {
    vi.setSystemTime(T + 2 * 86_400_000);
    const db = freshDb();
    await record(db, ledger());
    expect(texts(await popupHtml(db), 'consent-state')).toEqual([
      'You refused the cookie banner at Nov 30, 2026, 2:00 PM',
    ]);
  });

  it('in German, the same card in German words', async () => {
    const db = freshDb();
    await record(db, ledger());
    const html = await popupHtml(db, 'de');
    expect(texts(card(html, 'google'), 'consent-flow')).toEqual([
      'Hat die Adresse dieser Seite 2 Sekunden vor Ihrer Antwort auf das Cookie-Banner erhalten',
    ]);
  });
});

describe("the site's and the company's pages: the flows with their times", () => {
  it('the site page lists each flow by company, newest first, and leaves out the blocked and the CMP', async () => {
    const db = freshDb();
    await record(db, ledger());
    const html = renderToString(
      <SiteView ctx={ctx} site="news.example" flows={[]} consent={await siteConsentFlows(db, 'news.example')} />,
    );
    expect(texts(html, 'consent-flow-row')).toEqual([
      'Nov 30, 2026, 2:00 PMMetaIdentifierafter you refused, 3 sec later',
      'Nov 30, 2026, 2:00 PMGooglePage address2 sec before you answered',
    ]);
  });

  it("the company page lists its flows by site, the open banner's without a gap", async () => {
    const db = freshDb();
    await record(db, [
      ...ledger(),
      sent(T + 60_000, {
        site: 'shop.example',
        page: '9:1',
        company: 'google',
        host: 'ads.google.example',
        kinds: ['cookie'],
        consentAt: open,
      }),
    ]);
    const html = renderToString(
      <CompanyView ctx={ctx} id="google" description="" flows={[]} consent={await companyConsentFlows(db, 'google')} />,
    );
    expect(texts(html, 'consent-flow-row')).toEqual([
      'Nov 30, 2026, 2:01 PMshop.exampleCookieswhile the banner was unanswered',
      'Nov 30, 2026, 2:00 PMnews.examplePage address2 sec before you answered',
    ]);
  });

  it('shows the latest 50 and counts the rest', async () => {
    const db = freshDb();
    const many = Array.from({ length: 62 }, (_, i) =>
      sent(T + i * 1000, {
        company: 'facebook',
        host: 'connect.facebook.net',
        kinds: ['identifier'],
        consentAt: refused,
      }),
    ).filter((e) => (e.sentAt ?? 0) >= ANSWER);
    await record(db, many);
    const list = await siteConsentFlows(db, 'news.example');
    const html = renderToString(<SiteView ctx={ctx} site="news.example" flows={[]} consent={list} />);
    expect(texts(html, 'consent-flow-row')).toHaveLength(50);
    // The newest first: 61 s after 14:00, 56 s after the refusal.
    expect(texts(html, 'consent-flow-row')[0]).toContain('after you refused, 56 sec later');
    expect(texts(html, 'consent-flows-more')).toEqual(['And 7 older requests, not listed.']);
  });

  it('with stamps and no evidence, one sentence; with no stamp at all, no section', async () => {
    const stamped = freshDb();
    await record(stamped, [
      sent(T, { company: 'google', kinds: ['identifier'], consentAt: { state: 'accepted', since: T - 1000 } }),
    ]);
    const withStamps = renderToString(
      <SiteView ctx={ctx} site="news.example" flows={[]} consent={await siteConsentFlows(stamped, 'news.example')} />,
    );
    expect(texts(withStamps, 'consent-flows-none')).toEqual([english.dashConsentNoneSite?.message]);
    expect(withStamps).not.toContain('consent-flow-row');

    const bare = freshDb();
    await record(bare, [sent(T, { company: 'google', kinds: ['identifier'] })]);
    const without = renderToString(
      <SiteView ctx={ctx} site="news.example" flows={[]} consent={await siteConsentFlows(bare, 'news.example')} />,
    );
    expect(without).not.toContain('consent-flows');
  });
});
