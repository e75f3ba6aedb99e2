import { liveQuery } from 'dexie';
import { useEffect, useMemo, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { observationOf } from '../../components/popup/observation.ts';
import type { PopupModel } from '../../components/popup/popup-view.tsx';
import { parseWebUrl } from '../../lib/classify/domain.ts';
import { type BackgroundStatus, request } from '../../lib/messages.ts';
import { DEFAULT_SETTINGS, parseSettings, SETTINGS_KEY, type Settings } from '../../lib/settings.ts';
import { openDb } from '../../lib/storage/db.ts';
import { loadPageSummary, type PageSummary } from '../../lib/storage/queries.ts';
import { bundledCatalog } from '../../lib/trackers/names.ts';

const send = (message: unknown) => browser.runtime.sendMessage(message);
/** The origin of Disclosed's own pages (`chrome-extension://id`, `moz-extension://uuid`). */
const OWN_ORIGIN = browser.runtime.getURL('/').replace(/\/$/, '');

interface TabView {
  id: number;
  url: string;
  incognito: boolean;
}

/** The popup's one reader: the tab, the settings, and the tab's page summary, live from the database. */
export function usePopupModel(): PopupModel {
  const db = useMemo(() => openDb(), []);
  // Names only (the catalog's small file): the popup shows who got data, and links to the dashboard for details.
  const catalog = useMemo(() => bundledCatalog(), []);
  const [tab, setTab] = useState<TabView | null | undefined>(undefined);
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  // Paused or excluded is part of the answer: nothing is said before the settings are read.
  const [settingsRead, setSettingsRead] = useState(false);
  const [summary, setSummary] = useState<PageSummary | undefined>(undefined);
  const [storageError, setStorageError] = useState<string | null>(null);
  const [dropped, setDropped] = useState<BackgroundStatus['dropped']>(null);
  // What the browser and the worker say about the tab: may Disclosed see its site, and was its load watched?
  // Undefined until asked; null when the answer did not come (then nothing is claimed either way).
  const [access, setAccess] = useState<boolean | null | undefined>(undefined);
  const [watched, setWatched] = useState<boolean | null | undefined>(undefined);
  const [recheck, setRecheck] = useState(0);

  useEffect(() => {
    // Open the database while the tab is looked up, rather than after (the first query would open it): two
    // round trips to the browser at once instead of one after the other. A failure shows through the query.
    db.open().catch(() => undefined);
    currentTab().then(setTab, () => setTab(null));
    browser.storage.local
      .get(SETTINGS_KEY)
      .then(
        (s) => setSettings(parseSettings(s[SETTINGS_KEY])),
        () => undefined,
      )
      .finally(() => setSettingsRead(true));
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && changes[SETTINGS_KEY]) setSettings(parseSettings(changes[SETTINGS_KEY].newValue));
    };
    browser.storage.onChanged.addListener(onChanged);
    request(send, 'background/status', {}).then(
      (status) => {
        setStorageError(status.storageError);
        setDropped(status.dropped);
      },
      () => undefined,
    );
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);

  const site = tab ? parseWebUrl(tab.url)?.site : undefined;
  // A match pattern has no port (it then matches every port): the tab's scheme and host.
  const origin = tab && site ? `${new URL(tab.url).protocol}//${new URL(tab.url).hostname}` : undefined;

  useEffect(() => {
    if (!tab) return;
    // The tab reloads or navigates (from this popup's button, say), or the user changes the site access: ask again.
    const onUpdated = (tabId: number) => {
      if (tabId !== tab.id) return;
      browser.tabs.get(tabId).then(
        (t) => setTab({ id: tabId, url: t.url ?? '', incognito: t.incognito }),
        () => setTab(null),
      );
      setRecheck((n) => n + 1);
    };
    const onPermissions = () => setRecheck((n) => n + 1);
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.permissions.onAdded.addListener(onPermissions);
    browser.permissions.onRemoved.addListener(onPermissions);
    return () => {
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.permissions.onAdded.removeListener(onPermissions);
      browser.permissions.onRemoved.removeListener(onPermissions);
    };
  }, [tab?.id]);

  useEffect(() => {
    if (!tab || !site || !origin) return;
    let current = true;
    browser.permissions.contains({ origins: [`${origin}/*`] }).then(
      (allowed) => current && setAccess(allowed),
      () => current && setAccess(null),
    );
    // An older worker that does not know the question, or none answering: nothing is claimed either way.
    request(send, 'background/tab-watched', { tabId: tab.id, site }).then(
      (answer) => current && setWatched(answer?.watched ?? null),
      () => current && setWatched(null),
    );
    return () => {
      current = false;
    };
  }, [tab?.id, site, origin, recheck]);

  useEffect(() => {
    if (!tab || !site) return;
    const subscription = liveQuery(() => loadPageSummary(db, tab.id, site)).subscribe({
      next: setSummary,
      error: (error) => setStorageError(String(error)),
    });
    return () => subscription.unsubscribe();
  }, [db, tab, site]);

  return {
    loading:
      tab === undefined ||
      !settingsRead ||
      (!!site && (summary === undefined || access === undefined || watched === undefined)),
    site: site ?? null,
    observation: observationOf({
      url: tab?.url ?? '',
      incognito: !!tab?.incognito,
      ownOrigin: OWN_ORIGIN,
      browser: OWN_ORIGIN.startsWith('moz-extension:') ? 'firefox' : 'chromium',
      recordPrivate: settings.recordPrivate,
      paused: settings.paused,
      excludedSites: settings.excludedSites,
      access: access ?? undefined,
      watched: watched ?? undefined,
    }),
    paused: settings.paused,
    recipients: (summary?.recipients ?? []).map((r) => ({ ...r, info: catalog.company(r.company) })),
    unlistedMore: summary?.unlistedMore ?? 0,
    ...(summary?.consent ? { consent: summary.consent } : {}),
    storageError,
    dropped,
    dismissDropped: () => {
      request(send, 'background/dismiss-dropped', {}).then(() => setDropped(null));
    },
    setPaused: (paused) => {
      request(send, 'settings/update', { paused }).then(setSettings);
    },
    allowSite: () => {
      // Straight from the click (the browser asks the user only within a user gesture).
      if (origin) browser.permissions.request({ origins: [`${origin}/*`] }).then(() => setRecheck((n) => n + 1));
    },
    stopExcluding: () => {
      const excludedSites = settings.excludedSites.filter((s) => s !== site);
      request(send, 'settings/update', { excludedSites }).then(setSettings);
    },
    reloadPage: () => {
      if (tab) browser.tabs.reload(tab.id);
    },
    openSettings: () => {
      browser.runtime.openOptionsPage();
    },
  };
}

/** The tab the popup is about: `?tabId=N` when opened as a page (tests, the demo), else the active tab. */
async function currentTab(): Promise<TabView | null> {
  const override = Number(new URLSearchParams(location.search).get('tabId'));
  const tab =
    Number.isInteger(override) && override > 0
      ? await browser.tabs.get(override)
      : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  if (!tab || tab.id === undefined) return null;
  return { id: tab.id, url: tab.url ?? '', incognito: tab.incognito };
}
