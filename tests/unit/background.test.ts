import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebRequest } from 'webextension-polyfill';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { formatDay } from '../../components/format.ts';
import { REDIRECTED_AWAY } from '../../lib/background/traffic.ts';
import { openSessionDb, SESSION_DB, SESSION_KEY } from '../../lib/classroom/session.ts';
import { buildExport, renderExport } from '../../lib/export/export.ts';
import { type Message, type MessageMap, type MessageType, request } from '../../lib/messages.ts';
import { SETTINGS_KEY } from '../../lib/settings.ts';
import { DB_NAME, openDb } from '../../lib/storage/db.ts';
import { expectLinesMatchSchema } from '../export-schema.ts';
import { webRequest } from './background-browser.ts';
import { sendFromExtensionPage } from './background-browser-send.ts';

// The background as the browser runs it: `main()` against WXT's in-memory browser (storage, runtime, alarms, tabs,
// notifications, action) plus the stand-ins for what it lacks, on fake-indexeddb. Tests fire browser events and send
// messages, then read what ended up stored — in the database, in storage, in notifications — as a page would.
// webextension-polyfill is not replaced by WxtVitest, and throws outside an extension: the module is swapped here.
vi.mock('webextension-polyfill', async () => {
  const { fakeBrowser } = await import('wxt/testing/fake-browser');
  const standIns = await import('./background-browser.ts');
  Object.assign(fakeBrowser, {
    webRequest: standIns.webRequest,
    extension: standIns.extension,
    i18n: standIns.i18n,
  });
  return { default: fakeBrowser };
});

const { default: background } = await import('../../entrypoints/background.ts');

const send = <T extends MessageType>(type: T, payload: MessageMap[T]['request']) =>
  request((message: Message<T>) => sendFromExtensionPage(message), type, payload);

const PAGE = 'https://news.example/article?id=7';
const GA =
  'https://www.google-analytics.com/g/collect?v=2&tid=G-TEST&cid=555.777&dl=https%3A%2F%2Fnews.example%2Farticle';

let tabId = 0;
let nextRequest = 0;
/** The page the tab shows: its requests' initiator. */
let page = PAGE;

/** A page load in the tab, as Chrome reports it: its main frame's response started. */
function loadPage(url = PAGE) {
  page = url;
  webRequest.onResponseStarted.fire({
    requestId: String(++nextRequest),
    url,
    method: 'GET',
    frameId: 0,
    parentFrameId: -1,
    tabId,
    type: 'main_frame',
    timeStamp: Date.now(),
    statusCode: 200,
    statusLine: 'HTTP/1.1 200 OK',
    fromCache: false,
  } as WebRequest.OnResponseStartedDetailsType);
}

/** A tracker request from the page, event by event: its body, its headers, then its completion. */
function trackerRequest(url = GA, outcome: 'completed' | 'error' = 'completed') {
  const requestId = String(++nextRequest);
  const common = { requestId, url, method: 'GET', frameId: 0, parentFrameId: -1, tabId, type: 'image' as const };
  webRequest.onBeforeRequest.fire({ ...common, timeStamp: Date.now() } as WebRequest.OnBeforeRequestDetailsType);
  webRequest.onSendHeaders.fire({
    ...common,
    timeStamp: Date.now(),
    requestHeaders: [
      { name: 'Referer', value: 'https://news.example/' },
      { name: 'Cookie', value: '_ga=GA1.1.555.777; NID=abc' },
    ],
  } as WebRequest.OnSendHeadersDetailsType);
  const done = { ...common, initiator: new URL(page).origin, timeStamp: Date.now() };
  if (outcome === 'completed')
    webRequest.onCompleted.fire({
      ...done,
      statusCode: 204,
      statusLine: 'HTTP/1.1 204 No Content',
      fromCache: false,
    } as WebRequest.OnCompletedDetailsType);
  else webRequest.onErrorOccurred.fire({ ...done, error: 'net::ERR_FAILED' } as WebRequest.OnErrorOccurredDetailsType);
}

/** A request that ends in a redirect hop: the browser's `onBeforeRedirect`, as Chrome describes it. */
function redirectedRequest(url: string, statusLine: string, redirectUrl: string) {
  const requestId = String(++nextRequest);
  const common = { requestId, url, method: 'GET', frameId: 0, parentFrameId: -1, tabId, type: 'image' as const };
  webRequest.onBeforeRequest.fire({ ...common, timeStamp: Date.now() } as WebRequest.OnBeforeRequestDetailsType);
  webRequest.onBeforeRedirect.fire({
    ...common,
    initiator: new URL(page).origin,
    timeStamp: Date.now(),
    statusCode: Number(statusLine.split(' ')[1]),
    statusLine,
    redirectUrl,
    fromCache: false,
  } as WebRequest.OnBeforeRedirectDetailsType);
}

/** The database as any extension page reads it: its own connection, independent of the worker's. */
const db = openDb();
const eventsStored = async (count: number) =>
  vi.waitFor(async () => {
    const events = await db.events.toArray();
    expect(events).toHaveLength(count);
    return events;
  });

beforeEach(async () => {
  fakeBrowser.reset();
  await Dexie.delete(DB_NAME);
  await Dexie.delete(SESSION_DB);
  tabId = (await fakeBrowser.tabs.create({ url: PAGE })).id as number;
  page = PAGE;
});

afterEach(() => {
  // The worker's connection closes itself when the next test deletes the database (Dexie's versionchange default).
  vi.useRealTimers();
});

/** A page load and a tracker request on the excluded news.example, then on shop.example: only the second is stored. */
async function expectNewsExcluded() {
  loadPage();
  trackerRequest();
  tabId = (await fakeBrowser.tabs.create({ url: 'https://shop.example/' })).id as number;
  loadPage('https://shop.example/');
  trackerRequest();
  const events = await eventsStored(1);
  expect(events.map((e) => e.site)).toEqual(['shop.example']);
}

describe('background.main()', () => {
  it('registers its listeners on the first tick: the event that woke the worker is recorded', async () => {
    background.main();
    // No await between main() and the events, as when the browser starts the worker for them.
    loadPage();
    trackerRequest();
    const [event] = await eventsStored(1);
    expect(event).toMatchObject({
      site: 'news.example',
      company: 'google',
      host: 'www.google-analytics.com',
      outcome: 'completed',
      delivery: 'received',
      tabId,
    });
    expect(event?.kinds).toEqual(expect.arrayContaining(['page-address', 'identifier', 'cookie']));
    expect((await db.pages.toArray()).map((p) => p.site)).toEqual(['news.example']);
    expect(await db.siteCompanies.get(['news.example', 'google'])).toMatchObject({ requests: 1 });
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId })).toBe('1'));
  });

  it('sets the badge again when the page has loaded, after a browser cleared it as the page committed', async () => {
    background.main();
    loadPage();
    trackerRequest();
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId })).toBe('1'));
    // Firefox resets a tab's badge text when its page commits: the worker's count must not be lost with it.
    await fakeBrowser.action.setBadgeText({ tabId, text: '' });
    await fakeBrowser.tabs.onUpdated.trigger(
      tabId,
      { status: 'complete' },
      (await fakeBrowser.tabs.get(tabId)) as never,
    );
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId })).toBe('1'));
  });

  it('answers the status with what users need: a storage error, events pending', async () => {
    background.main();
    expect(await send('background/status', {})).toEqual({ storageError: null, pendingEvents: 0, dropped: null });
  });

  it('reports the requests that could not be saved before the worker restarted, until they are dismissed', async () => {
    await fakeBrowser.storage.session.set({ droppedEvents: { requests: 7, pages: 1, diskFull: true } });
    background.main();
    expect((await send('background/status', {})).dropped).toEqual({ requests: 7, pages: 1, diskFull: true });
    expect(await send('background/dismiss-dropped', {})).toEqual({ dismissed: true });
    expect((await send('background/status', {})).dropped).toBeNull();
    expect(await fakeBrowser.storage.session.get('droppedEvents')).toEqual({});
  });

  it('stores settings changes and records nothing while paused', async () => {
    background.main();
    expect(await send('settings/update', { paused: true })).toMatchObject({ paused: true });
    expect((await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]).toMatchObject({ paused: true });
    loadPage();
    trackerRequest();
    await expect(send('settings/update', { theme: 'dark' } as never)).rejects.toThrow('unknown setting theme');
    await send('settings/update', { paused: false });
    trackerRequest();
    await eventsStored(1);
  });

  it.each([
    ['a server redirect reached the server: a received hop', 'HTTP/1.1 302 Found', `${GA}&hop=2`, 'completed'],
    // Chrome's words for an HSTS upgrade or another extension's redirect: the next hop is the one that is sent.
    ['an internal redirect to a web address is no hop of its own', 'HTTP/1.1 307 Internal Redirect', GA, null],
    [
      "another extension's redirect to a data: address sent nothing: blocked, never received",
      'HTTP/1.1 307 Internal Redirect',
      'data:image/gif;base64,R0lGODlhAQABAAAAACw=',
      'error',
    ],
    [
      "a redirect to an extension's page (Firefox SmartBlock's shims) sent nothing",
      'HTTP/1.1 302 Found',
      'moz-extension://0a1b2c3d/shims/analytics.js',
      'error',
    ],
  ] as const)('%s', async (_, statusLine, redirectUrl, outcome) => {
    background.main();
    loadPage();
    redirectedRequest(`${GA}&hop=1`, statusLine, redirectUrl);
    // A plain request after it: once it is stored, the redirect has been handled too.
    trackerRequest(`${GA}&after`);
    const events = await eventsStored(outcome ? 2 : 1);
    const [first] = events;
    if (!outcome) expect(events).toHaveLength(1);
    else {
      expect(first).toMatchObject(
        outcome === 'error'
          ? { outcome, error: REDIRECTED_AWAY, delivery: 'not-received', deliveryReason: 'redirected-away' }
          : { outcome, delivery: 'received', deliveryReason: 'response' },
      );
    }
    // Only what reached the server is in the totals; what was redirected away is an attempt.
    const google = await db.siteCompanies.get(['news.example', 'google']);
    expect(google).toMatchObject({ requests: outcome === 'completed' ? 2 : 1, failed: 0 });
    expect((await db.attempts.get(['news.example', 'google']))?.requests).toBe(outcome === 'error' ? 1 : undefined);
  });

  it('records a pixel served from the cache as one that may not have reached the company', async () => {
    background.main();
    loadPage();
    const requestId = String(++nextRequest);
    const common = { requestId, url: GA, method: 'GET', frameId: 0, parentFrameId: -1, tabId, type: 'image' as const };
    webRequest.onBeforeRequest.fire({ ...common, timeStamp: Date.now() } as WebRequest.OnBeforeRequestDetailsType);
    webRequest.onCompleted.fire({
      ...common,
      initiator: new URL(page).origin,
      timeStamp: Date.now(),
      statusCode: 200,
      statusLine: 'HTTP/1.1 200 OK',
      fromCache: true,
    } as WebRequest.OnCompletedDetailsType);
    const [event] = await eventsStored(1);
    expect(event).toMatchObject({ outcome: 'completed', delivery: 'uncertain', deliveryReason: 'cache' });
  });

  it('reads the stored settings before it records: an excluded site stays unrecorded after a restart', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { excludedSites: ['news.example'] } });
    background.main();
    await expectNewsExcluded();
  });

  it('follows settings another page wrote to storage', async () => {
    background.main();
    await send('background/status', {});
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { excludedSites: ['news.example'] } });
    await expectNewsExcluded();
  });

  it('forgets a site: its events, page loads and totals go, and its next request starts a new page load', async () => {
    background.main();
    loadPage();
    trackerRequest();
    trackerRequest(GA, 'error');
    await eventsStored(2);
    expect(await send('data/forget-site', { site: 'https://news.example/whatever' })).toMatchObject({ events: 2 });
    expect(await db.events.count()).toBe(0);
    expect(await db.pages.count()).toBe(0);
    expect(await db.siteCompanies.count()).toBe(0);
    expect(await db.companies.get('google')).toBeUndefined();
    // The worker's cached totals went with them: a new request counts from zero.
    trackerRequest();
    await eventsStored(1);
    await vi.waitFor(async () =>
      expect(await db.siteCompanies.get(['news.example', 'google'])).toMatchObject({ requests: 1, failed: 0 }),
    );
    expect(await db.companies.get('google')).toMatchObject({ requests: 1, sites: 1 });
  });

  it('clears everything, then imports an export back whole', async () => {
    background.main();
    loadPage();
    trackerRequest();
    trackerRequest();
    await eventsStored(2);
    await vi.waitFor(async () => expect(await db.companies.get('google')).toMatchObject({ requests: 2 }));
    const file = renderExport(
      await buildExport(db, (id) => id, { name: 'test', version: '1', license: 'test' }),
      'json',
    );
    expectLinesMatchSchema(file.parts.join(''));
    expect(await send('data/clear', {})).toEqual({ cleared: true });
    expect(await db.events.count()).toBe(0);
    expect(await db.companies.count()).toBe(0);
    const imported = await send('data/import', { text: file.parts.join('') });
    expect(imported).toMatchObject({ ok: true, report: { flowsAdded: 1 } });
    expect(await db.siteCompanies.get(['news.example', 'google'])).toMatchObject({ requests: 2 });
    expect(await send('data/import', { text: 'not an export' })).toMatchObject({ ok: false });
  });

  it('runs a classroom session in its own store, never in the history, and leaves no trace when it ends', async () => {
    background.main();
    const started = await send('classroom/start', {});
    expect(started).toMatchObject({ active: true, paused: false });
    expect((await fakeBrowser.storage.session.get(SESSION_KEY))[SESSION_KEY]).toMatchObject({ active: true });
    loadPage();
    trackerRequest();
    // Opened as the classroom page opens it (with its schema, so this connection may be the one that creates it).
    const session = openSessionDb();
    await vi.waitFor(async () => expect(await session.events.count()).toBe(1));
    session.close();
    await send('classroom/pause', { paused: true });
    // Observed while paused, still being classified as the session ends: it goes nowhere, not to the history.
    trackerRequest();
    expect(await send('classroom/end', {})).toMatchObject({ active: false });
    expect((await fakeBrowser.storage.session.get(SESSION_KEY))[SESSION_KEY]).toMatchObject({ active: false });
    expect(await Dexie.exists(SESSION_DB)).toBe(false);
    expect(await db.events.count()).toBe(0);
    expect(await db.pages.count()).toBe(0);
    // After the session, the history records again.
    trackerRequest();
    await eventsStored(1);
  });

  it('keeps a running session across a worker restart', async () => {
    await fakeBrowser.storage.session.set({ [SESSION_KEY]: { active: true, paused: false, startedAt: 1 } });
    background.main();
    loadPage();
    trackerRequest();
    // Opened as the classroom page opens it (with its schema, so this connection may be the one that creates it).
    const session = openSessionDb();
    await vi.waitFor(async () => expect(await session.events.count()).toBe(1));
    session.close();
    expect(await db.events.count()).toBe(0);
  });

  it('records a sent letter, sets its reminders, and notifies when one fires unless it was answered', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-02T10:00:00Z'), toFake: ['Date'] });
    background.main();
    await send('letters/save-contact', { company: 'google', value: 'privacy@google.example' });
    expect(await db.contacts.get('google')).toMatchObject({ value: 'privacy@google.example' });
    const record = await send('letters/record-sent', {
      reference: 'DSC-20261102-ABCDEF',
      company: 'google',
      companyName: 'Google',
      jurisdiction: 'gdpr',
      language: 'en',
      right: 'erasure',
      channel: 'email',
      recipient: 'privacy@google.example',
      subject: 'Erasure',
      body: 'Please erase.',
      sentOn: '2026-11-02',
      evidence: {
        domains: ['www.google-analytics.com'],
        sites: ['news.example'],
        requests: 1,
        firstSeen: 1,
        lastSeen: 1,
        categories: ['site_analytics'],
        kinds: [],
        identifiers: [],
      },
    });
    expect(record).toMatchObject({ status: 'sent' });
    expect(await db.letters.get('DSC-20261102-ABCDEF')).toMatchObject({ status: 'sent', sentOn: '2026-11-02' });
    const alarms = (await fakeBrowser.alarms.getAll()).map((a) => a.name).filter((n) => n.startsWith('letter:'));
    expect(alarms).toEqual(['letter:DSC-20261102-ABCDEF:before', 'letter:DSC-20261102-ABCDEF:due']);

    // 2 November → due 2 December (a Wednesday).
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'letter:DSC-20261102-ABCDEF:before', scheduledTime: 0 });
    await vi.waitFor(async () =>
      expect(await fakeBrowser.notifications.getAll()).toMatchObject({
        'letter:DSC-20261102-ABCDEF:before': {
          // The UI's own messages (English: the settings follow the browser, whose language is English).
          title: 'Letters',
          message: `Deletion request to Google: the answer is due in 7 days (${formatDay('2026-12-02', 'en')}).`,
        },
      }),
    );
    expect(await send('letters/set-status', { reference: 'DSC-20261102-ABCDEF', status: 'fulfilled' })).toEqual({
      updated: true,
    });
    expect(await db.letters.get('DSC-20261102-ABCDEF')).toMatchObject({ status: 'fulfilled' });
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'letter:DSC-20261102-ABCDEF:due', scheduledTime: 0 });
    await new Promise((r) => setTimeout(r, 20));
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual(['letter:DSC-20261102-ABCDEF:before']);
  });

  it('imports a backup with letters: their reminders set again, its residence taken only when none is set', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-02T10:00:00Z'), toFake: ['Date'] });
    background.main();
    await send('settings/update', { residence: 'DE' });
    await send('letters/save-contact', { company: 'google', value: 'privacy@google.example' });
    await send('letters/record-sent', {
      reference: 'DSC-20261102-ABCDEF',
      company: 'google',
      companyName: 'Google',
      jurisdiction: 'gdpr',
      language: 'en',
      right: 'erasure',
      channel: 'email',
      recipient: 'privacy@google.example',
      subject: 'Erasure',
      body: 'Please erase.',
      sentOn: '2026-11-02',
      evidence: {
        domains: ['www.google-analytics.com'],
        sites: ['news.example'],
        requests: 1,
        firstSeen: 1,
        lastSeen: 1,
        categories: ['site_analytics'],
        kinds: [],
        identifiers: [{ source: 'url', name: 'cid', value: '1234567890.1700000000' }],
      },
    });
    const trackerData = { name: 'test', version: '1', license: 'test' };
    const file = renderExport(
      await buildExport(db, (id) => id, trackerData, Date.now(), { personal: { residence: 'DE' } }),
      'json',
    );
    const text = file.parts.join('');
    expectLinesMatchSchema(text);

    // A new browser: no letters, no contacts, no alarms, no residence.
    await Promise.all([db.letters.clear(), db.contacts.clear(), fakeBrowser.alarms.clearAll()]);
    await send('settings/update', { residence: '' });
    const imported = await send('data/import', { text });
    expect(imported).toMatchObject({ ok: true, report: { lettersAdded: 1, contactsSaved: 1 } });
    expect(await db.letters.get('DSC-20261102-ABCDEF')).toMatchObject({ status: 'sent', sentOn: '2026-11-02' });
    expect(await db.contacts.get('google')).toMatchObject({ value: 'privacy@google.example' });
    const alarms = (await fakeBrowser.alarms.getAll()).map((a) => a.name).filter((n) => n.startsWith('letter:'));
    expect(alarms.sort()).toEqual(['letter:DSC-20261102-ABCDEF:before', 'letter:DSC-20261102-ABCDEF:due']);
    expect((await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]).toMatchObject({ residence: 'DE' });

    // The user's own residence stays.
    await send('settings/update', { residence: 'FR' });
    await send('data/import', { text });
    expect((await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]).toMatchObject({ residence: 'FR' });
  });

  it('refuses a letter whose payload is not one, and stores nothing', async () => {
    background.main();
    await expect(send('letters/record-sent', { reference: 'DSC-1', jurisdiction: 'mars' } as never)).rejects.toThrow(
      'refused letters/record-sent',
    );
    expect(await db.letters.count()).toBe(0);
    expect(await send('letters/set-status', { reference: 'DSC-none', status: 'closed' })).toEqual({ updated: false });
  });

  it('takes a message for the extension’s own only from its own pages: a content script’s, sent as the page’s, is refused', async () => {
    background.main();
    await eventsStored(0);
    loadPage();
    trackerRequest();
    await eventsStored(1);
    // A page's content script (or one without the extension's id) asking to clear everything.
    const fromPage = { id: fakeBrowser.runtime.id, url: PAGE, tab: { id: tabId, incognito: false }, frameId: 0 };
    const noId = { url: fakeBrowser.runtime.getURL('/options.html') };
    for (const sender of [fromPage, noId]) {
      const answers = await fakeBrowser.runtime.onMessage.trigger({ type: 'data/clear', payload: {} }, sender);
      expect(answers.find((a: unknown) => !!a)).toBeUndefined();
    }
    await eventsStored(1);
  });

  it('keeps a private window’s consent report only when private windows are recorded', async () => {
    background.main();
    const started = Date.now() - 500;
    const navigation = { tabId, frameId: 0, url: PAGE, parentFrameId: -1 };
    await fakeBrowser.webNavigation.onBeforeNavigate.trigger({ ...navigation, timeStamp: started } as never);
    await fakeBrowser.webNavigation.onCommitted.trigger({ ...navigation, timeStamp: started + 20 } as never);
    const report = (incognito: boolean, time: number) =>
      fakeBrowser.runtime.onMessage
        .trigger(
          {
            type: 'consent/page-state',
            payload: { origin: started, signal: { time, state: 'not-answered', cmp: 'tcf:1' } },
          },
          { id: fakeBrowser.runtime.id, url: PAGE, tab: { id: tabId, incognito }, frameId: 0 } as never,
        )
        .then((answers: unknown[]) => answers.find((a) => !!a));
    expect(await report(true, Date.now())).toEqual({ recorded: false });
    expect(await report(false, Date.now())).toEqual({ recorded: true });
  });

  it('schedules pruning once and prunes on its alarm by the stored limits', async () => {
    background.main();
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get('prune-events')).toBeDefined());
    loadPage();
    trackerRequest();
    await eventsStored(1);
    // An event older than the retention limit.
    await db.events.add({
      ...(await db.events.toArray())[0],
      id: undefined,
      time: Date.now() - 200 * 86_400_000,
    } as never);
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'prune-events', scheduledTime: 0 });
    await eventsStored(1);
  });
});
