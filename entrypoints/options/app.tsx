import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
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
  useEffect(() => {
    browser.storage.local.get(SETTINGS_KEY).then((s) => setSettings(parseSettings(s[SETTINGS_KEY])));
    request(send, 'background/status', {}).then(setStatus, () => undefined);
  }, []);
  if (!settings) return null;
  return (
    <SettingsView
      t={t}
      settings={settings}
      status={status}
      source={source}
      onChange={(patch) => request(send, 'settings/update', patch).then(setSettings)}
    />
  );
}
