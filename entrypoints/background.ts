// biome-ignore assist/source/organizeImports: boot-time must be evaluated first, it timestamps the script's start.
import { SCRIPT_START_MS } from '../lib/boot-time.ts';
import { Dexie } from 'dexie';
import browser, { type WebRequest } from 'webextension-polyfill';
import { defineBackground } from 'wxt/utils/define-background';
import { Capture } from '../lib/capture/capture.ts';
import { PendingRequests } from '../lib/capture/pending.ts';

import { normalizeRequest, type RawBody, type RawRequestDetails } from '../lib/classify/request-details.ts';
import { type BackgroundStatus, dispatch, type Handlers } from '../lib/messages.ts';
import { DEFAULT_SETTINGS, parseSettings, SETTINGS_KEY, type Settings } from '../lib/settings.ts';
import type { MessageKey } from '../lib/i18n.ts';
import { currentDue, isOpen } from '../lib/letters/records.ts';
import {
  NO_SESSION,
  openSessionDb,
  parseSessionState,
  SESSION_DB,
  SESSION_KEY,
  type SessionDb,
  SessionSink,
  type SessionState,
} from '../lib/classroom/session.ts';
import { type DisclosedDb, openDb } from '../lib/storage/db.ts';
import { clearEverything, forgetSite } from '../lib/storage/forget.ts';
import { importExport } from '../lib/export/import.ts';
import { siteFromInput } from '../lib/classify/domain.ts';
import { Recorder } from '../lib/storage/recorder.ts';
import { pruneEvents } from '../lib/storage/retention.ts';
import { BUNDLED_TRACKER_INDEX } from '../lib/trackers/bundled.ts';
import { loadMatcher } from '../lib/trackers/catalog.ts';
import type { TrackerMatcher } from '../lib/trackers/matcher.ts';

const PRUNE_ALARM = 'prune-events';

// Wiring only: every listener is registered synchronously, on the first tick, so the event that woke the worker is
// not missed; all decisions are in lib/.
export default defineBackground(() => {
  const mainStartMs = performance.now();
  // Start-up timings are state; everything else in the status report is read from the recorder when asked.
  const startup = {
    scriptStartMs: SCRIPT_START_MS,
    mainStartMs,
    listenersReadyMs: 0,
    indexReadyMs: null as number | null,
  };
  let openError: string | null = null;
  const db = openDb();
  const recorder = new Recorder(db);

  let settings: Settings = DEFAULT_SETTINGS;
  // A classroom session, when one runs, takes the events instead of the history (state in storage.session).
  let session: SessionState = NO_SESSION;
  let sessionDb: SessionDb | undefined;
  const sessionStore = () => {
    sessionDb ??= openSessionDb();
    return sessionDb;
  };
  const sessionSink = new SessionSink(sessionStore);
  const dropped = { add: () => undefined };
  const saveSession = async (next: SessionState) => {
    session = next;
    await browser.storage.session.set({ [SESSION_KEY]: next });
    return next;
  };
  // Events wait for both: none may be recorded under the wrong settings, or into the history during a session.
  const settingsLoaded = Promise.all([
    browser.storage.local.get(SETTINGS_KEY).then((stored) => {
      settings = parseSettings(stored[SETTINGS_KEY]);
    }),
    Promise.resolve(browser.storage.session?.get(SESSION_KEY))
      .then((stored) => {
        session = parseSessionState(stored?.[SESSION_KEY]);
      })
      .catch(() => undefined),
  ]);

  let matcher: TrackerMatcher | undefined;
  const capture = new Capture({
    db,
    recorder,
    settings: () => settings,
    matcher: () => {
      if (!matcher) {
        matcher = loadMatcher(BUNDLED_TRACKER_INDEX);
        startup.indexReadyMs = performance.now();
      }
      return matcher;
    },
    session: () => (session.active ? (session.paused ? dropped : sessionSink) : undefined),
    getTab: async (tabId) => {
      const tab = await browser.tabs.get(tabId).catch(() => undefined);
      return tab && { url: tab.url, incognito: tab.incognito };
    },
    onCompanyCount: (tabId, count) => {
      const text = count ? String(count) : '';
      // MV3 has `action`; Firefox's MV2 build has `browserAction`.
      const action = browser.action ?? browser.browserAction;
      action.setBadgeText({ tabId, text }).catch(() => {
        // The tab closed before the badge could be set: nothing to show.
      });
    },
  });

  // Bodies and headers arrive before a request finishes; they are held until it does.
  const pending = new PendingRequests();
  const observe = (details: RawRequestDetails, outcome: 'completed' | 'error') => {
    const request = normalizeRequest(details, outcome);
    const extras = pending.take(request.requestId);
    if (extras) request.extras = extras;
    const observedAt = performance.now();
    settingsLoaded
      .then(() => capture.observe(request, observedAt))
      .catch((error) => console.error('Disclosed:', error));
  };
  const all: WebRequest.RequestFilter = { urls: ['<all_urls>'] };
  browser.webRequest.onBeforeRequest.addListener(
    // Both browsers give each form field an array of values; the polyfill's type says a string.
    (d) => pending.body(d.requestId, d.requestBody as RawBody | undefined),
    all,
    ['requestBody'],
  );
  const onHeaders = (d: WebRequest.OnSendHeadersDetailsType) => pending.headers(d.requestId, d.requestHeaders);
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
  browser.webRequest.onCompleted.addListener((d) => observe(d, 'completed'), all);
  browser.webRequest.onErrorOccurred.addListener((d) => observe(d, 'error'), all);
  // Each hop of a redirect chain reached its server: record it (the final hop arrives as onCompleted).
  browser.webRequest.onBeforeRedirect.addListener((d) => observe(d, 'completed'), all);
  // Chrome sends private windows' events only if the user allowed the extension there; if not, no tab needs to be
  // asked whether it is private (a round trip that would hold up the first events of every page load).
  let privateAccess: boolean | undefined;
  browser.extension.isAllowedIncognitoAccess().then(
    (allowed) => {
      privateAccess = allowed;
    },
    () => undefined,
  );
  // The new page's response has started: requests from now on belong to the new page load.
  browser.webRequest.onResponseStarted.addListener(
    (d) => {
      // Firefox says whether the request is private; Chrome does not.
      const incognito = (d as { incognito?: boolean }).incognito ?? (privateAccess === false ? false : undefined);
      settingsLoaded.then(() => capture.navigated(d.tabId, d.url, incognito, Math.round(d.timeStamp)));
    },
    { urls: ['<all_urls>'], types: ['main_frame'] },
  );
  browser.tabs.onRemoved.addListener((tabId) => capture.tabClosed(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.url) capture.urlChanged(tabId, change.url);
  });

  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes[SETTINGS_KEY]) settings = parseSettings(changes[SETTINGS_KEY].newValue);
  });

  const handlers: Handlers = {
    'settings/update': async (patch) => {
      await settingsLoaded;
      settings = parseSettings({ ...settings, ...patch });
      await browser.storage.local.set({ [SETTINGS_KEY]: settings });
      return settings;
    },
    'data/forget-site': async ({ site }) => {
      // Writes in flight first, so none lands after the deletion; then the worker's caches.
      await recorder.flush();
      const report = await forgetSite(db, siteFromInput(site) ?? site);
      recorder.invalidate();
      capture.resetTabs();
      return report;
    },
    'data/import': async ({ text }) => {
      await recorder.flush();
      try {
        const report = await importExport(db, text);
        return { ok: true, report };
      } catch (error) {
        return { ok: false, error: error instanceof Error ? error.message : String(error) };
      } finally {
        recorder.invalidate();
      }
    },
    'data/clear': async () => {
      await recorder.flush();
      await clearEverything(db);
      recorder.invalidate();
      capture.resetTabs();
      return { cleared: true };
    },
    'classroom/start': async () => {
      await settingsLoaded;
      if (session.active) return session;
      sessionSink.discard();
      await sessionStore().events.clear();
      return saveSession({ active: true, paused: false, startedAt: Date.now() });
    },
    'classroom/pause': async ({ paused }) => {
      await settingsLoaded;
      return session.active ? saveSession({ ...session, paused }) : session;
    },
    'classroom/reset': async () => {
      sessionSink.discard();
      await sessionSink.flush();
      await sessionStore().events.clear();
      return session;
    },
    'classroom/end': async () => {
      await saveSession(NO_SESSION);
      sessionSink.discard();
      await sessionSink.flush();
      // No trace: the session's store goes whole.
      sessionDb?.close();
      sessionDb = undefined;
      await Dexie.delete(SESSION_DB);
      return session;
    },
    'background/status': async (): Promise<BackgroundStatus> => ({
      ...startup,
      storageError: recorder.lastError ?? openError,
      pendingEvents: recorder.pending,
      exposureMs: recorder.exposureMs,
      medianExposureMs: recorder.medianExposureMs,
      batchSizes: recorder.batchSizes.slice(-20),
      recentExposuresMs: recorder.recentExposures.slice(-20).map(Math.round),
    }),
  };
  browser.runtime.onMessage.addListener((message: unknown) => dispatch(handlers, message));

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name.startsWith('letter:')) {
      remindOfLetter(db, alarm.name).catch((error) => console.error('Disclosed: reminder failed', error));
      return;
    }
    if (alarm.name !== PRUNE_ALARM) return;
    settingsLoaded
      .then(() => pruneEvents(db, { maxAgeDays: settings.retentionDays, maxEvents: settings.maxEvents }))
      .catch((error) => console.error('Disclosed: pruning failed', error));
  });
  browser.alarms.get(PRUNE_ALARM).then((alarm) => {
    if (!alarm) browser.alarms.create(PRUNE_ALARM, { periodInMinutes: 60, delayInMinutes: 1 });
  });

  startup.listenersReadyMs = performance.now();
  // Listeners are live; now get the slow first steps out of the way before traffic needs them: opening (on a new
  // profile, creating) the database and parsing the tracker index (synchronously: the event that woke the worker
  // runs after this task and needs the index anyway). A first transaction that also had to open the
  // database would stay in flight ~100 ms longer — time in which a stop of the worker can cut it.
  db.open().catch((error) => {
    openError = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  });
  capture.warmUp();
});

/**
 * A letter's reminder (alarms set when the user said they sent it): a local notification a week before and on the
 * deadline, unless the request was answered meanwhile.
 */
async function remindOfLetter(db: DisclosedDb, alarmName: string): Promise<void> {
  const [, reference = '', when] = alarmName.split(':');
  const record = await db.letters.get(reference);
  if (!record || !isOpen(record)) return;
  const due = currentDue(record) ?? '';
  const t = (key: MessageKey, subs: string[]) => browser.i18n.getMessage(key, subs);
  await browser.notifications.create(alarmName, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: t('lettersHeading', []),
    message:
      when === 'due'
        ? t('lettersNotifyDue', [record.companyName])
        : t('lettersNotifyBefore', [record.companyName, due]),
  });
}
