import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderToString } from 'preact-render-to-string';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CompanyView } from '../../../components/dashboard/company-view.tsx';
import { SiteView } from '../../../components/dashboard/site-view.tsx';
import type { ViewContext } from '../../../components/dashboard/views.tsx';
import { formatDateTime } from '../../../components/format.ts';
import { consentGap } from '../../../components/popup/consent.tsx';
import { type PopupRecipient, PopupView } from '../../../components/popup/popup-view.tsx';
import type { ConsentStamp } from '../../../lib/consent/types.ts';
import { languageTag, type MessagesFile, translatorFromMessages } from '../../../lib/i18n.ts';
import { companyConsentFlows, siteConsentFlows } from '../../../lib/storage/consent.ts';
import type { DisclosedDb } from '../../../lib/storage/db.ts';
import type { SharingEvent } from '../../../lib/storage/events.ts';
import { loadPageSummary } from '../../../lib/storage/queries.ts';
import { Recorder } from '../../../lib/storage/recorder.ts';
import { unlistedCompany } from '../../../lib/trackers/company.ts';
import { event, freshDb } from '../storage/helpers.ts';
import { popupModel } from './popup-model.ts';

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
  const model = popupModel({ recipients, ...(summary.consent ? { consent: summary.consent } : {}) });
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
      'Google and Meta got data before you answered the cookie banner or after you refused or limited your consent.',
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
        '2 requests from this page reached it while the cookie banner was unanswered or after you said no.',
    ]);
    expect(texts(html, 'consent-state')).toEqual(['Cookie banner not answered yet']);
    // No answer has come: nothing may say "before you answered".
    expect(texts(html, 'summary')[0]).toContain('Google got data while the cookie banner was unanswered.');
    expect(html).not.toContain('before you answered');
  });

  it('one company while the banner is open, another after a refusal: the summary claims no answer', async () => {
    const db = freshDb();
    await record(db, [
      sent(T + 1000, { company: 'google', host: 'ads.google.example', kinds: ['page-address'], consentAt: open }),
      sent(T + 8000, { company: 'facebook', host: 'connect.facebook.net', kinds: ['identifier'], consentAt: refused }),
    ]);
    expect(texts(await popupHtml(db), 'summary')[0]).toContain(
      'Google and Meta got data while the cookie banner was unanswered or after you refused or limited your consent.',
    );
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
      'You refused the cookie banner on Nov 30, 2026 at 2:00 PM',
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
      'Nov 30, 2026, 2:00:08 PMMetaIdentifierafter you refused, 3 sec later',
      'Nov 30, 2026, 2:00:03 PMGooglePage address2 sec before you answered',
    ]);
    // Every answer here is known: the heading may say "before you answered".
    expect(html).toContain(`>${english.dashConsentHeading?.message}</h3>`);
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
      'Nov 30, 2026, 2:01:00 PMshop.exampleCookieswhile the banner was unanswered',
      'Nov 30, 2026, 2:00:03 PMnews.examplePage address2 sec before you answered',
    ]);
    // One banner is still open: the heading claims no answer.
    expect(html).toContain('>Data sent while a cookie banner was unanswered or after you said no</h3>');
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

describe('each moment and each language in its own words', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T + 60_000);
  });
  afterEach(() => vi.useRealTimers());

  /** One company's line, bold part apart: `[text, bold]`. */
  const line = (html: string, company: string) => {
    const c = card(html, company);
    return [texts(c, 'consent-flow')[0], c.match(/<strong>(.*?)<\/strong>/)?.[1]];
  };

  it('after a partial answer (its own string refused it) and after a withdrawal, each with its gap', async () => {
    const db = freshDb();
    await record(db, [
      sent(ANSWER + 4000, {
        company: 'criteo',
        host: 'static.criteo.net',
        kinds: ['identifier'],
        consent: {
          tcf: {
            cmpId: 28,
            policyVersion: 4,
            vendorId: 91,
            vendorConsent: false,
            purposesConsent: [1],
            purposesLegitimateInterest: [],
            specialFeatures: [],
          },
        },
        consentAt: { state: 'partial', since: ANSWER, cmp: 'onetrust' },
      }),
      sent(ANSWER + 120_000, {
        company: 'facebook',
        host: 'connect.facebook.net',
        kinds: ['page-address'],
        consentAt: { state: 'withdrawn', since: ANSWER, cmp: 'onetrust' },
      }),
    ]);
    const html = await popupHtml(db);
    expect(line(html, 'criteo')).toEqual([
      'Received an identifier 4 seconds after you accepted only some purposes',
      'after you accepted only some purposes',
    ]);
    expect(line(html, 'facebook')).toEqual([
      'Received the address of this page 2 minutes after you withdrew your consent',
      'after you withdrew your consent',
    ]);
    // Partial is not a plain "no".
    expect(texts(html, 'summary')[0]).toContain('Meta and Criteo got data after you refused or limited your consent.');
  });

  it("says nothing of a request whose own TC string gave this company consent, whatever the page's state", async () => {
    const db = freshDb();
    await record(db, [
      sent(T + 8000, {
        company: 'facebook',
        host: 'connect.facebook.net',
        kinds: ['identifier'],
        consent: {
          tcf: {
            cmpId: 28,
            policyVersion: 4,
            vendorId: 89,
            vendorConsent: true,
            purposesConsent: [1],
            purposesLegitimateInterest: [],
            specialFeatures: [],
          },
        },
        consentAt: refused,
      }),
    ]);
    const html = await popupHtml(db);
    expect(card(html, 'facebook')).toContain('Meta');
    expect(html).not.toContain('data-testid="consent-flow"');
    expect(texts(html, 'summary')[0]).not.toContain('refused');
    const page = renderToString(
      <SiteView ctx={ctx} site="news.example" flows={[]} consent={await siteConsentFlows(db, 'news.example')} />,
    );
    expect(page).not.toContain('consent-flow-row');
    expect(texts(page, 'consent-flows-none')).toEqual([english.dashConsentNoneSite?.message]);
  });

  it('a request in the same second as the answer: "less than a second"', async () => {
    const db = freshDb();
    await record(db, [
      sent(ANSWER - 400, {
        company: 'google',
        host: 'ads.google.example',
        kinds: ['page-address'],
        consentAt: answeredLater,
      }),
    ]);
    const html = await popupHtml(db);
    expect(line(html, 'google')[0]).toBe(
      'Received the address of this page less than a second before you answered the cookie banner',
    );
    const page = renderToString(
      <SiteView ctx={ctx} site="news.example" flows={[]} consent={await siteConsentFlows(db, 'news.example')} />,
    );
    expect(texts(page, 'consent-flow-row')[0]).toContain('less than a second before you answered');
  });

  it('a stamp answered since, though which answer is not known yet: "You answered … at"', async () => {
    const db = freshDb();
    await record(db, [
      sent(T + 3000, {
        company: 'google',
        host: 'ads.google.example',
        kinds: ['page-address'],
        consentAt: answeredLater,
      }),
    ]);
    expect(texts(await popupHtml(db), 'consent-state')).toEqual(['You answered the cookie banner at 2:00 PM']);
  });

  it('a latest request whose state could not be read does not hide what an earlier one knew', async () => {
    const db = freshDb();
    await record(db, [
      ...ledger(),
      sent(T + 20_000, { company: 'criteo', host: 'static.criteo.net', kinds: [], consentAt: { state: 'unknown' } }),
    ]);
    expect(texts(await popupHtml(db), 'consent-state')).toEqual(['You refused the cookie banner at 2:00 PM']);
  });

  it('in German: the whole sentence in German order, with the gap and without', async () => {
    const db = freshDb();
    await record(db, [
      ...ledger(),
      sent(T + 1000, { company: 'criteo', host: 'static.criteo.net', kinds: ['page-address'], consentAt: open }),
    ]);
    const html = await popupHtml(db, 'de');
    expect(line(html, 'google')).toEqual([
      'Hat die Adresse dieser Seite 2 Sekunden vor Ihrer Antwort auf das Cookie-Banner erhalten',
      'vor Ihrer Antwort auf das Cookie-Banner',
    ]);
    expect(line(html, 'criteo')).toEqual([
      'Hat die Adresse dieser Seite erhalten, während das Cookie-Banner noch unbeantwortet war',
      'während das Cookie-Banner noch unbeantwortet war',
    ]);
    expect(line(html, 'facebook')[0]).toBe('Hat eine Kennung 3 Sekunden nach Ihrer Ablehnung erhalten');
  });

  it('in Polish: the gap in the accusative, the moment set off as Polish punctuates it', async () => {
    const db = freshDb();
    await record(db, [
      sent(ANSWER - 1000, {
        company: 'google',
        host: 'ads.google.example',
        kinds: ['page-address'],
        consentAt: answeredLater,
      }),
      sent(ANSWER + 5000, {
        company: 'facebook',
        host: 'connect.facebook.net',
        kinds: ['identifier'],
        consentAt: refused,
      }),
      sent(T + 1000, { company: 'criteo', host: 'static.criteo.net', kinds: ['identifier'], consentAt: open }),
    ]);
    const html = await popupHtml(db, 'pl');
    expect(line(html, 'google')).toEqual([
      'Otrzymała 1 sekundę przed odpowiedzią na baner cookies: adres tej strony',
      'przed odpowiedzią na baner cookies',
    ]);
    expect(line(html, 'facebook')[0]).toBe('Otrzymała 5 sekund po odmowie zgody: identyfikator');
    expect(line(html, 'criteo')).toEqual([
      'Gdy baner cookies wciąż czekał na odpowiedź, otrzymała: identyfikator',
      'Gdy baner cookies wciąż czekał na odpowiedź',
    ]);
  });

  it('in French, and a day other than today with its own preposition', async () => {
    vi.setSystemTime(T + 2 * 86_400_000);
    const db = freshDb();
    await record(db, ledger());
    const html = await popupHtml(db, 'fr');
    expect(line(html, 'google')[0]).toBe(
      'A reçu l’adresse de cette page 2 secondes avant votre réponse au bandeau de cookies',
    );
    expect(line(html, 'facebook')[0]).toBe('A reçu un identifiant 3 secondes après votre refus');
    expect(texts(html, 'consent-state')).toEqual(['Vous avez refusé le bandeau de cookies le 30 nov. 2026 à 14:00']);
    expect(texts(await popupHtml(db, 'de'), 'consent-state')).toEqual([
      'Sie haben das Cookie-Banner am 30.11.2026 um 14:00 abgelehnt',
    ]);
  });
});

describe('a gap as each language counts it', () => {
  const gap = (folder: string, seconds: number, display: 'long' | 'short' = 'long') =>
    consentGap(translatorFromMessages(localeFile(folder), languageTag(folder), english), seconds, display).replace(
      /\u00a0/g,
      ' ',
    );
  it.each<[string, number, 'long' | 'short', string]>([
    ['en', 0.5, 'long', 'less than a second'],
    ['en', 1, 'long', '1 second'],
    ['en', 59, 'long', '59 seconds'],
    // Whole units counted down, like the gap itself: 119 s is a minute, not two.
    ['en', 119, 'long', '1 minute'],
    ['en', 7200, 'long', '2 hours'],
    ['en', 3, 'short', '3 sec'],
    ['en', 1500, 'short', '25 min'],
    ['de', 1, 'long', '1 Sekunde'],
    ['de', 2, 'long', '2 Sekunden'],
    ['pl', 1, 'long', '1 sekundę'],
    ['pl', 2, 'long', '2 sekundy'],
    ['pl', 5, 'long', '5 sekund'],
    ['pl', 22, 'long', '22 sekundy'],
    ['pl', 60, 'long', '1 minutę'],
    ['pl', 3600, 'long', '1 godzinę'],
    ['fr', 180, 'short', '3 min'],
    ['fr', 1, 'long', '1 seconde'],
  ])('%s: %d s (%s) is %s', (folder, seconds, display, expected) => {
    expect(gap(folder, seconds, display)).toBe(expected);
  });
});
