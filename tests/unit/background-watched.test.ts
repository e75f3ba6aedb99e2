import { Dexie } from 'dexie';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebRequest } from 'webextension-polyfill';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SESSION_DB } from '../../lib/classroom/session.ts';
import { type Message, type MessageMap, type MessageType, request } from '../../lib/messages.ts';
import { DB_NAME } from '../../lib/storage/db.ts';
import { webRequest } from './background-browser.ts';
import { sendFromExtensionPage } from './background-browser-send.ts';

// The worker's answer to the popup's "was this tab's page watched from the start of its load?", as the browser runs
// it: `main()` on WXT's in-memory browser (its session storage survives a restart of the worker, as Chrome's does).
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

let tabId = 0;
let nextRequest = 0;

function loadPage(url: string, tab = tabId, response: Partial<WebRequest.OnResponseStartedDetailsType> = {}) {
  webRequest.onResponseStarted.fire({
    requestId: String(++nextRequest),
    url,
    method: 'GET',
    frameId: 0,
    parentFrameId: -1,
    tabId: tab,
    type: 'main_frame',
    timeStamp: Date.now(),
    statusCode: 200,
    statusLine: 'HTTP/1.1 200 OK',
    fromCache: false,
    responseHeaders: [{ name: 'Content-Type', value: 'text/html; charset=utf-8' }],
    ...response,
  } as WebRequest.OnResponseStartedDetailsType);
}

const watched = async (site = 'news.example', tab = tabId) =>
  (await send('background/tab-watched', { tabId: tab, site })).watched;
/** Whether the worker comes to say the page was watched (it writes session storage in the background). */
const settlesTo = (expected: boolean, site?: string, tab?: number) =>
  vi.waitFor(async () => expect(await watched(site, tab)).toBe(expected));

/** A stop of the worker and a new start, as Chrome does after 30 s idle: memory goes, session storage stays. */
function restartWorker() {
  fakeBrowser.runtime.onMessage.removeAllListeners();
  webRequest.resetState();
  background.main();
}

beforeEach(async () => {
  fakeBrowser.reset();
  webRequest.resetState();
  await Dexie.delete(DB_NAME);
  await Dexie.delete(SESSION_DB);
  tabId = (await fakeBrowser.tabs.create({ url: 'https://news.example/' })).id as number;
});

describe('background/tab-watched', () => {
  it('is false for a tab whose page loaded before the worker listened, true once it reloads', async () => {
    background.main();
    expect(await watched()).toBe(false);
    loadPage('https://news.example/');
    await settlesTo(true);
    // The answer is about the tab's current site: another tab, or another site in this tab, was not watched.
    expect(await watched('news.example', tabId + 100)).toBe(false);
    expect(await watched('shop.example')).toBe(false);
  });

  it('survives a stop and restart of the worker, and forgets a closed tab', async () => {
    background.main();
    loadPage('https://www.news.example/a');
    await settlesTo(true);
    restartWorker();
    expect(await watched()).toBe(true);
    // The browser's event (WXT's fake `tabs.remove` looks up the tab's window by the tab's id, and fails).
    await fakeBrowser.tabs.onRemoved.trigger(tabId, { isWindowClosing: false, windowId: 1 });
    await settlesTo(false);
  });

  it('is false for pages open while recording was paused, even after resuming, until a new load', async () => {
    background.main();
    loadPage('https://news.example/');
    await settlesTo(true);
    const other = (await fakeBrowser.tabs.create({ url: 'https://shop.example/' })).id as number;
    loadPage('https://shop.example/', other);
    await settlesTo(true, 'shop.example', other);

    await send('settings/update', { paused: true });
    await settlesTo(false);
    await settlesTo(false, 'shop.example', other);
    // Loaded while paused: not watched either.
    loadPage('https://news.example/while-paused');
    await send('settings/update', { paused: false });
    // Restarted, so the answer comes from session storage, not memory.
    restartWorker();
    expect(await watched()).toBe(false);
    expect(await watched('shop.example', other)).toBe(false);
    loadPage('https://news.example/again');
    await settlesTo(true);
  });

  it('is false for the tabs of a site just excluded, and only those', async () => {
    background.main();
    loadPage('https://news.example/');
    const other = (await fakeBrowser.tabs.create({ url: 'https://shop.example/' })).id as number;
    loadPage('https://shop.example/', other);
    await settlesTo(true);
    await settlesTo(true, 'shop.example', other);
    await send('settings/update', { excludedSites: ['news.example'] });
    await settlesTo(false);
    expect(await watched('shop.example', other)).toBe(true);
    // A load on the excluded site is not watched; once the site is no longer excluded, the next load is.
    loadPage('https://news.example/b');
    await send('settings/update', { excludedSites: [] });
    expect(await watched()).toBe(false);
    loadPage('https://news.example/c');
    await settlesTo(true);
  });

  it('is true for a page shown again from the back/forward cache, which fires no request (A → B → Back)', async () => {
    background.main();
    loadPage('https://news.example/');
    loadPage('https://shop.example/');
    await settlesTo(true, 'shop.example');
    // Back: news.example's page comes back as it was, without a request; its load was watched.
    expect(await watched('news.example')).toBe(true);
    // The same after a restart of the worker (from session storage).
    restartWorker();
    expect(await watched('news.example')).toBe(true);
    expect(await watched('shop.example')).toBe(true);
    // A site of the tab never loaded while watching is not watched.
    expect(await watched('blog.example')).toBe(false);
  });

  it('is false for a page loaded before the worker listened, even after going forward and back', async () => {
    // The tab was on news.example before: only shop.example's load is seen.
    background.main();
    loadPage('https://shop.example/');
    await settlesTo(true, 'shop.example');
    expect(await watched('news.example')).toBe(false);
  });

  it('stays true on the page when a link downloads a file or answers 204: neither becomes the page', async () => {
    background.main();
    loadPage('https://news.example/');
    await settlesTo(true);
    const headers = (disposition: string, type = 'application/pdf') => ({
      responseHeaders: [
        { name: 'Content-Type', value: type },
        { name: 'Content-Disposition', value: disposition },
      ],
    });
    loadPage('https://files.example/report.pdf', tabId, headers('attachment; filename="report.pdf"'));
    loadPage('https://files.example/setup.zip', tabId, headers('', 'application/zip'));
    loadPage('https://files.example/ping', tabId, { statusCode: 204, statusLine: 'HTTP/1.1 204 No Content' });
    restartWorker();
    expect(await watched()).toBe(true);
    expect(await watched('files.example')).toBe(false);
    // A PDF shown in the tab does become the page.
    loadPage('https://files.example/inline.pdf', tabId, headers('inline'));
    await settlesTo(true, 'files.example');
  });

  it('refuses a question without a tab id', async () => {
    background.main();
    await expect(
      sendFromExtensionPage({ type: 'background/tab-watched', payload: { site: 'news.example' } }),
    ).rejects.toThrow('tabId must be a whole number');
  });
});
