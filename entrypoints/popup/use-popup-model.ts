import { liveQuery } from 'dexie';
import { useEffect, useMemo, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { PopupModel } from '../../components/popup/popup-view.tsx';
import { parseWebUrl } from '../../lib/classify/domain.ts';
import { type BackgroundStatus, request } from '../../lib/messages.ts';
import { DEFAULT_SETTINGS, parseSettings, SETTINGS_KEY, type Settings } from '../../lib/settings.ts';
import { openDb } from '../../lib/storage/db.ts';
import { loadPageSummary, type PageSummary } from '../../lib/storage/queries.ts';
import { bundledCatalog } from '../../lib/trackers/names.ts';

const send = (message: unknown) => browser.runtime.sendMessage(message);

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
  const [summary, setSummary] = useState<PageSummary | undefined>(undefined);
  const [storageError, setStorageError] = useState<string | null>(null);
  const [dropped, setDropped] = useState<BackgroundStatus['dropped']>(null);

  useEffect(() => {
    // Open the database while the tab is looked up, rather than after (the first query would open it): two
    // round trips to the browser at once instead of one after the other. A failure shows through the query.
    db.open().catch(() => undefined);
    currentTab().then(setTab, () => setTab(null));
    browser.storage.local.get(SETTINGS_KEY).then((s) => setSettings(parseSettings(s[SETTINGS_KEY])));
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
  useEffect(() => {
    if (!tab || !site) return;
    const subscription = liveQuery(() => loadPageSummary(db, tab.id, site)).subscribe({
      next: setSummary,
      error: (error) => setStorageError(String(error)),
    });
    return () => subscription.unsubscribe();
  }, [db, tab, site]);

  return {
    loading: tab === undefined || (!!site && summary === undefined),
    site: site ?? null,
    privateNotRecorded: !!tab?.incognito && !settings.recordPrivate,
    paused: settings.paused,
    recipients: (summary?.recipients ?? []).map((r) => ({ ...r, info: catalog.company(r.company) })),
    unlistedMore: summary?.unlistedMore ?? 0,
    storageError,
    dropped,
    dismissDropped: () => {
      request(send, 'background/dismiss-dropped', {}).then(() => setDropped(null));
    },
    setPaused: (paused) => {
      request(send, 'settings/update', { paused }).then(setSettings);
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
