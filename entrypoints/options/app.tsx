import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { DataControls } from '../../components/options/data-controls.tsx';
import { SettingsView } from '../../components/options/settings-view.tsx';
import { buildExport, flowsCsv, flowsGexf } from '../../lib/export/export.ts';
import type { Translate } from '../../lib/i18n.ts';
import { type BackgroundStatus, request } from '../../lib/messages.ts';
import { parseSettings, SETTINGS_KEY, type Settings } from '../../lib/settings.ts';
import { openDb } from '../../lib/storage/db.ts';
import { BUNDLED_TRACKER_LIST } from '../../lib/trackers/bundled.ts';
import { createCompanyLookup, loadMatcher, parseTrackerList } from '../../lib/trackers/catalog.ts';
import type { TrackerListSource } from '../../lib/trackers/format.ts';

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
        onExport={(format) => exportData(format, source)}
        onImport={(text) => request(send, 'data/import', { text }).finally(refreshUsage)}
      />
    </main>
  );
}

/** Builds an export from the database (reading needs no background) and saves it as a download. */
async function exportData(format: 'json' | 'csv' | 'gexf', source: TrackerListSource): Promise<void> {
  const lookup = createCompanyLookup(loadMatcher(BUNDLED_TRACKER_LIST));
  const file = await buildExport(openDb(), (id) => lookup(id).name, {
    name: source.name,
    version: source.version,
    license: source.license,
  });
  const [body, type] =
    format === 'json'
      ? [JSON.stringify(file, null, 1), 'application/json']
      : format === 'csv'
        ? [flowsCsv(file), 'text/csv']
        : [flowsGexf(file), 'application/gexf+xml'];
  const url = URL.createObjectURL(new Blob([body], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `disclosed-${file.exportedAt.slice(0, 10)}.${format}`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
