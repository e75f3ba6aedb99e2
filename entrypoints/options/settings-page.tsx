import { DataControls } from '../../components/options/data-controls.tsx';
import { SettingsView } from '../../components/options/settings-view.tsx';
import type { Translate } from '../../lib/i18n.ts';
import type { DisclosedDb } from '../../lib/storage/db.ts';
import type { TrackerListSource } from '../../lib/trackers/format.ts';
import { useSettingsModel } from './use-settings-model.ts';

// The settings page, with data controls, export and import: a chunk of its own, loaded when the page is opened.

export function SettingsPage({
  t,
  db,
  source,
  nameOf,
}: {
  t: Translate;
  db: DisclosedDb;
  source: TrackerListSource;
  nameOf: (id: string) => string;
}) {
  const model = useSettingsModel(db, source, nameOf);
  const { settings } = model;
  if (!settings) return null;
  return (
    <div class="settings">
      <SettingsView
        t={t}
        settings={settings}
        source={source}
        onChange={model.update}
        browserLocale={model.browserLocale}
      />
      <DataControls
        t={t}
        storageBytes={model.storageBytes}
        dropped={model.dropped}
        onDismissDropped={model.dismissDropped}
        excludedSites={settings.excludedSites}
        onExcludedChange={(excludedSites) => model.update({ excludedSites })}
        onForget={model.forget}
        onClear={model.clear}
        confirm={(question) => window.confirm(question)}
        onExport={model.exportFile}
        onImport={model.importFile}
      />
    </div>
  );
}
