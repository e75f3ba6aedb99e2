import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { DataControls } from '../../components/options/data-controls.tsx';
import { SettingsView } from '../../components/options/settings-view.tsx';
import type { Translate } from '../../lib/i18n.ts';
import { type BackgroundStatus, request } from '../../lib/messages.ts';
import { parseSettings, SETTINGS_KEY, type Settings } from '../../lib/settings.ts';
import { BUNDLED_TRACKER_LIST } from '../../lib/trackers/bundled.ts';
import { parseTrackerList } from '../../lib/trackers/catalog.ts';

const send = (message: unknown) => browser.runtime.sendMessage(message);

export function OptionsApp({ t }: { t: Translate }) {
  const [settings, setSettings] = useState<Settings | undefined>(undefined);
  const [status, setStatus] = useState<BackgroundStatus | undefined>(undefined);
  const [source] = useState(() => parseTrackerList(BUNDLED_TRACKER_LIST).source);
  const [storageBytes, setStorageBytes] = useState<number | undefined>(undefined);
  const refreshUsage = () =>
    navigator.storage?.estimate().then(
      (e) => setStorageBytes(e.usage),
      () => undefined,
    );
  useEffect(() => {
    browser.storage.local.get(SETTINGS_KEY).then((s) => setSettings(parseSettings(s[SETTINGS_KEY])));
    request(send, 'background/status', {}).then(setStatus, () => undefined);
    refreshUsage();
  }, []);
  if (!settings) return null;
  const update = (patch: Partial<Settings>) => request(send, 'settings/update', patch).then(setSettings);
  return (
    <main>
      <SettingsView t={t} settings={settings} status={status} source={source} onChange={update} />
      <DataControls
        t={t}
        storageBytes={storageBytes}
        excludedSites={settings.excludedSites}
        onExcludedChange={(excludedSites) => update({ excludedSites })}
        onForget={(site) => request(send, 'data/forget-site', { site }).finally(refreshUsage)}
        onClear={() => request(send, 'data/clear', {}).finally(refreshUsage)}
        confirm={(question) => window.confirm(question)}
      />
    </main>
  );
}
