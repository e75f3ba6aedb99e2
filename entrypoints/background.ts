// biome-ignore assist/source/organizeImports: the bench probe is evaluated first: it notes when the script started.
import { BenchProbe } from '../lib/background/bench-probe.ts';
import browser, { type Runtime, type WebRequest } from 'webextension-polyfill';
import { defineBackground } from 'wxt/utils/define-background';
import { formatDay } from '../components/format.ts';
import { routeAlarm, schedulePruning } from '../lib/alarms.ts';
import { History } from '../lib/background/history.ts';
import { LetterCommands } from '../lib/background/letters.ts';
import { SettingsStore } from '../lib/background/settings-store.ts';
import { Traffic } from '../lib/background/traffic.ts';
import { NOTIFICATION_LOCALES } from '../lib/background/notification-messages.ts';
import { becomesPage, WatchedLoads } from '../lib/background/watched-loads.ts';
import { Capture } from '../lib/capture/capture.ts';
import { parseWebUrl } from '../lib/classify/domain.ts';
import type { RawBody } from '../lib/classify/request-details.ts';
import { ClassroomController } from '../lib/classroom/controller.ts';
import { CONSENT_DETECTOR, CONSENT_SCRIPTS, excludeMatches } from '../lib/consent/channel.ts';
import { ConsentPages } from '../lib/capture/page-consent.ts';
import { arrivalOf } from '../lib/consent/page-signals.ts';
import { chosenLocale, languageTag, loadLocale, translator, useLocaleLoaders } from '../lib/i18n.ts';
import { dispatch, type Handlers, type Sender } from '../lib/messages.ts';
import { parseSettings, SETTINGS_KEY } from '../lib/settings.ts';
import { openDb } from '../lib/storage/db.ts';
import { DroppedCounter } from '../lib/storage/dropped.ts';
import { Recorder } from '../lib/storage/recorder.ts';
import { BUNDLED_TRACKER_INDEX } from '../lib/trackers/bundled.ts';
import { loadMatcher } from '../lib/trackers/load.ts';
import type { TrackerMatcher } from '../lib/trackers/matcher.ts';

// Wiring only: every listener is registered synchronously, on the first tick, so the event that woke the worker is
// not missed; all decisions are in lib/.
export default defineBackground(() => {
  useLocaleLoaders(NOTIFICATION_LOCALES);
  const probe = import.meta.env.MODE === 'bench' ? new BenchProbe() : undefined;
  const db = openDb();
  const dropped = new DroppedCounter({ local: browser.storage.local, session: browser.storage.session });
  const recorder = new Recorder(db, {
    onDropped: (d) => dropped.add(d),
    ...(probe ? { onBatch: probe.batch } : {}),
  });
  const settings = new SettingsStore(browser.storage.local);
  const setBadge = (tabId: number, count: number) => {
    // MV3 has `action`; Firefox's MV2 build has `browserAction`.
    const action = browser.action ?? browser.browserAction;
    action.setBadgeText({ tabId, text: count ? String(count) : '' }).catch(() => {
      // The tab closed before the badge could be set: nothing to show.
    });
  };
  /** The UI's locale folder as the settings choose it now (the browser's language when they say `auto`). */
  const uiLocale = () => chosenLocale(settings.current.uiLanguage, browser.i18n.getUILanguage());
  const classroom = new ClassroomController({ area: browser.storage.session });

  let matcher: TrackerMatcher | undefined;
  const loadIndex = () => loadMatcher(BUNDLED_TRACKER_INDEX);
  const timedLoadIndex = probe ? probe.timeIndexLoad(loadIndex) : loadIndex;
  // The pages' consent states, in both browsers (Firefox registers main-world scripts from 128, MV2 builds too).
  const consent = new ConsentPages({
    db,
    flush: () => recorder.flush(),
    area: browser.storage.session,
    recording: (site) => !settings.current.excludedSites.includes(site),
  });
  // Private windows: a page's consent state is kept, and its banner looked for, only where its requests are recorded.
  const privateSkipped = (incognito: boolean | undefined) => !!incognito && !settings.current.recordPrivate;
  const capture = new Capture({
    db,
    recorder,
    consentAt: (event, sentAt) => consent.stamp(event, sentAt),
    settings: () => settings.current,
    matcher: () => {
      matcher ??= timedLoadIndex();
      return matcher;
    },
    session: () => classroom.destination(),
    getTab: async (tabId) => {
      const tab = await browser.tabs.get(tabId).catch(() => undefined);
      return tab && { url: tab.url, incognito: tab.incognito };
    },
    onCompanyCount: (tabId, count) => setBadge(tabId, count),
    // Firefox only (Chromium has no `dns`). 'offline': answered from the DNS cache the request just filled, or not
    // at all — asking never sends a query, so "no network request of its own" stays true.
    ...(browser.dns?.resolve
      ? {
          canonicalName: async (host: string) =>
            (await browser.dns.resolve(host, ['canonical_name', 'offline'])).canonicalName,
        }
      : {}),
  });
  const history = new History({
    db,
    recorder,
    dropped,
    onPagesDeleted: () => capture.resetTabs(),
    settings: {
      residence: () => settings.loaded.then(() => settings.current.residence),
      setResidence: (residence) => settings.update({ residence }),
    },
    // The letters' commands are made below; an import runs only once messages arrive.
    onLettersImported: () => letters.restoreReminders(),
  });
  const letters = new LetterCommands({
    db,
    createAlarm: (name, when) => browser.alarms.create(name, { when }),
    notify: (id, { title, message }) =>
      browser.notifications.create(id, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title,
        message,
      }),
    // In the language chosen in settings when the reminder is shown, not the one of the day the letter was sent.
    t: (key, substitutions) => translator(uiLocale())(key, substitutions),
    day: (day) => formatDay(day, languageTag(uiLocale())),
  });
  // Which tabs' pages were watched from the start of their load: the popup says so when one was not.
  const watched = new WatchedLoads(
    browser.storage.session,
    (site) => !settings.current.paused && !settings.current.excludedSites.includes(site),
  );
  const traffic = new Traffic(capture, Promise.all([settings.loaded, classroom.loaded]), {
    onDropped: (events) => dropped.add({ events, pages: 0, diskFull: false }),
  });

  const all: WebRequest.RequestFilter = { urls: ['<all_urls>'] };
  browser.webRequest.onBeforeRequest.addListener(
    // Both browsers give each form field an array of values; the polyfill's type says a string.
    (d) => traffic.body(d.requestId, d.requestBody as RawBody | undefined, d.timeStamp),
    all,
    ['requestBody'],
  );
  const onHeaders = (d: WebRequest.OnSendHeadersDetailsType) => traffic.headers(d.requestId, d.requestHeaders);
  try {
    // Since Chrome 72, Cookie and Referer are shown only with 'extraHeaders' (chrome.webRequest API reference).
    browser.webRequest.onSendHeaders.addListener(onHeaders, all, [
      'requestHeaders',
      'extraHeaders' as WebRequest.OnSendHeadersOptions,
    ]);
  } catch {
    // Firefox rejects 'extraHeaders' and shows every header without it.
    browser.webRequest.onSendHeaders.addListener(onHeaders, all, ['requestHeaders']);
  }
  // Observe only: no 'blocking' anywhere. Recorded when finished, so each event knows whether it was sent.
  browser.webRequest.onCompleted.addListener((d) => traffic.finished(d, 'completed'), all);
  browser.webRequest.onErrorOccurred.addListener((d) => traffic.finished(d, 'error'), all);
  // A hop of a redirect chain: the server's reached it, the browser's own or another extension's did not.
  browser.webRequest.onBeforeRedirect.addListener((d) => traffic.redirected(d), all);
  browser.webRequest.onResponseStarted.addListener(
    (d) => {
      // A download or a 204 leaves the tab on the page it was on: no new page load, and the page stays watched. So
      // does a page fetched ahead of the user (a prefetch or prerender), while the page that asked for it is shown.
      if (!becomesPage(d) || !traffic.pageStarted(d)) return;
      settings.loaded.then(() => watched.pageStarted(d.tabId, d.url));
    },
    {
      urls: ['<all_urls>'],
      types: ['main_frame'],
    },
    ['responseHeaders'],
  );
  // Each top-level navigation's start and commit: which document a page's consent report comes from (its
  // `performance.timeOrigin` falls between them), and which of its page loads that document's requests are.
  // Chromium also tells a page prerendered in the tab, as an outermost frame that is not frame 0, with the document
  // it makes (its reports are matched to that document).
  type Frame = { frameId: number; frameType?: string; documentId?: string };
  const topOfPage = (d: Frame) => d.frameId === 0 || d.frameType === 'outermost_frame';
  browser.webNavigation.onBeforeNavigate.addListener((d) => {
    if (topOfPage(d as Frame)) consent.navigationStarted(d.tabId, d.url, d.timeStamp);
  });
  browser.webNavigation.onCommitted.addListener((d) => {
    if (!topOfPage(d as Frame)) return;
    consent.navigationCommitted(d.tabId, d.url, d.timeStamp, (d as Frame).documentId);
    // A prerendered page the user opens is shown without a request: its page load starts as it commits in frame 0.
    if (traffic.committed(d)) settings.loaded.then(() => watched.pageStarted(d.tabId, d.url));
  });
  // The banner detector, once a tab's page has loaded: into that very document (Chromium), or into the tab's top
  // frame if it is still at that address (Firefox).
  browser.webNavigation.onCompleted.addListener((d) => {
    if (d.frameId === 0) detectBanner(d.tabId, d.url, (d as Frame).documentId);
  });
  browser.extension.isAllowedIncognitoAccess().then(
    (allowed) => traffic.privateAccessKnown(allowed),
    () => undefined,
  );
  browser.tabs.onRemoved.addListener((tabId) => {
    capture.tabClosed(tabId);
    consent.tabClosed(tabId);
    watched.tabClosed(tabId);
  });
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.url) capture.urlChanged(tabId, change.url);
    // Firefox clears a tab's badge when its new page commits, which can come after the page's first companies were
    // counted: once the page has loaded, the count is set again.
    if (change.status === 'complete') {
      capture.companyCount(tabId).then((count) => count !== undefined && setBadge(tabId, count));
    }
  });
  browser.storage.onChanged.addListener((changes, area) => {
    settings.storageChanged(changes, area);
    const change = area === 'local' ? changes[SETTINGS_KEY] : undefined;
    if (change) watched.settingsChanged(parseSettings(change.oldValue), parseSettings(change.newValue));
    const excluded = change && parseSettings(change.newValue).excludedSites;
    if (excluded && excluded.join('\n') !== parseSettings(change.oldValue).excludedSites.join('\n'))
      registerConsentScripts(excluded);
  });

  const handlers: Handlers = {
    'settings/update': (patch) => settings.update(patch),
    'background/status': () => history.status(),
    'background/tab-watched': async ({ tabId, site }) => ({ watched: await watched.watched(tabId, site) }),
    'background/dismiss-dropped': () => history.dismissDropped(),
    'data/forget-site': ({ site }) => history.forgetSite(site),
    'data/import': ({ text }) => history.importText(text),
    'data/clear': () => history.clear(),
    'classroom/start': () => classroom.start(),
    'classroom/pause': ({ paused }) => classroom.pause(paused),
    'classroom/reset': () => classroom.reset(),
    'classroom/end': () => classroom.end(),
    'consent/page-state': async (report, sender) => {
      // Taken before anything is awaited: a report is checked against when it came — when the relay passed it on,
      // if the worker was woken by it.
      const receivedAt = arrivalOf(report, sender.receivedAt ?? Date.now());
      // The page's top frame only: its CMP holds the page's state (frames' CMPs ask it). A prerendered page's top
      // frame is not frame 0 until it is shown: it is taken by its document id alone.
      const prerendered = sender.documentLifecycle === 'prerender' && sender.documentId !== undefined;
      if (sender.tabId === undefined || (sender.frameId !== 0 && !prerendered) || !sender.url)
        return { recorded: false };
      await settings.loaded;
      if (privateSkipped(sender.incognito)) return { recorded: false };
      const refused = await consent.signal(sender.tabId, report, {
        url: sender.url,
        receivedAt,
        ...(sender.documentId === undefined ? {} : { documentId: sender.documentId }),
        ...(sender.frameId === 0 ? {} : { documentOnly: true }),
      });
      return { recorded: refused === undefined };
    },
    'letters/save-contact': (contact) => letters.saveContact(contact),
    'letters/record-sent': (letter) => letters.recordSent(letter),
    'letters/set-status': ({ reference, status }) => letters.setStatus(reference, status),
  };
  if (probe) browser.runtime.onMessage.addListener(probe.answer);
  const ownPages = browser.runtime.getURL('/');
  browser.runtime.onMessage.addListener((message: unknown, from: Runtime.MessageSender) => {
    const receivedAt = Date.now();
    // The extension's pages (the dashboard is in a tab too) are at its own address, sent by it; anything else — a
    // content script, at the page's address — may send only what a page may.
    const own = from.id === browser.runtime.id && !!from.url?.startsWith(ownPages);
    const sender: Sender = { fromPage: !own, receivedAt };
    if (from.tab?.id !== undefined) sender.tabId = from.tab.id;
    if (from.tab?.incognito !== undefined) sender.incognito = from.tab.incognito;
    if (from.frameId !== undefined) sender.frameId = from.frameId;
    if (from.url) sender.url = from.url;
    // Chromium's (the polyfill's types do not have them).
    const { documentId, documentLifecycle } = from as { documentId?: unknown; documentLifecycle?: unknown };
    if (typeof documentId === 'string') sender.documentId = documentId;
    if (typeof documentLifecycle === 'string') sender.documentLifecycle = documentLifecycle;
    return dispatch(handlers, message, sender);
  });

  /**
   * The consent reader and its relay, on every page but those of the sites the user excluded: registered rather
   * than declared, so an excluded site never runs them at all (the list is kept as the setting changes).
   */
  function registerConsentScripts(excluded: readonly string[]): void {
    if (!browser.scripting?.registerContentScripts) return;
    const scripts = CONSENT_SCRIPTS.map((s) => ({
      id: s.id,
      js: [...s.js],
      world: s.world,
      matches: ['<all_urls>'],
      excludeMatches: excludeMatches(excluded),
      runAt: s.runAt,
      allFrames: false,
      persistAcrossSessions: true,
    }));
    const ids = scripts.map((s) => s.id);
    consentScripts = consentScripts
      .then(() => browser.scripting.getRegisteredContentScripts({ ids }))
      .then((registered) =>
        registered.length === ids.length
          ? browser.scripting.updateContentScripts(scripts)
          : browser.scripting
              .unregisterContentScripts({ ids: registered.map((r) => r.id) })
              .then(() => browser.scripting.registerContentScripts(scripts)),
      )
      .catch((error) => console.error('Disclosed: could not register the consent reader', error));
  }
  let consentScripts: Promise<void> = Promise.resolve();

  /**
   * The banner detector, into a tab's page once it has loaded — unless its site is excluded (or not a web page), or
   * it is in a private window whose requests are not recorded. Chromium injects it into the document that loaded,
   * never one the tab went to since; Firefox has no document ids, so the tab's address is checked again just before.
   */
  function detectBanner(tabId: number, url: string, documentId: string | undefined): void {
    if (!browser.scripting?.executeScript) return;
    const site = parseWebUrl(url)?.site;
    if (!site) return;
    Promise.all([browser.tabs.get(tabId), settings.loaded])
      .then(([tab]) => {
        if (settings.current.excludedSites.includes(site) || privateSkipped(tab.incognito)) return;
        if (documentId !== undefined)
          return browser.scripting.executeScript({
            target: { tabId, documentIds: [documentId] } as never,
            files: [CONSENT_DETECTOR],
          });
        if (parseWebUrl(tab.url)?.site !== site) return;
        return browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [CONSENT_DETECTOR] });
      })
      .catch(() => undefined);
  }
  settings.loaded.then(() => registerConsentScripts(settings.current.excludedSites));

  browser.alarms.onAlarm.addListener(({ name }) =>
    routeAlarm(name, {
      prune: () => settings.loaded.then(() => history.prune(settings.current)),
      // After the settings are read: the reminder is written in the language they choose.
      letterReminder: (reference, when) =>
        settings.loaded.then(() => loadLocale(uiLocale())).then(() => letters.remind(name, reference, when)),
    })?.catch((error) => console.error(`Disclosed: alarm ${name} failed`, error)),
  );
  schedulePruning(browser.alarms).catch((error) => console.error('Disclosed: could not schedule pruning', error));

  probe?.listenersReady();
  // Listeners are live; now get the slow first steps out of the way before traffic needs them: opening the database
  // and parsing the tracker index (synchronously: the event that woke the worker runs after this task and needs it).
  history.open();
  capture.warmUp();
});
