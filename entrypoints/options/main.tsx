import { render } from 'preact';
import browser from 'webextension-polyfill';
import { setUiLocale } from '../../components/format.ts';
import { DatabaseFailure } from '../../components/options/database-failure.tsx';
import { renderExport } from '../../lib/export/export.ts';
import { EXPORTED_STORES, salvageExport } from '../../lib/export/salvage.ts';
import type { Translate } from '../../lib/i18n.ts';
import { DB_NAME, openDb } from '../../lib/storage/db.ts';
import { readRawTables } from '../../lib/storage/raw.ts';
import { bundledCatalog } from '../../lib/trackers/names.ts';
import { OptionsApp } from './app.tsx';
import { download } from './download.ts';

const db = openDb();
const t: Translate = (key, substitutions) => browser.i18n.getMessage(key, substitutions?.map(String));
document.documentElement.lang = browser.i18n.getUILanguage();
setUiLocale(browser.i18n.getUILanguage());
document.title = t('dashTitle');
const root = document.getElementById('app') as HTMLElement;
render(<OptionsApp t={t} db={db} />, root);
// Opened before the first query: the view finds the database ready sooner. If it cannot be opened at all (an
// upgrade that failed, a database from a newer version), the dashboard says so and offers what can be read.
db.open().catch((error: unknown) => {
  // First line only, without its full stop: the message puts it in a sentence of its own.
  const text = (error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : String(error)).replace(
    /\.$/,
    '',
  );
  render(<DatabaseFailure t={t} error={text} onExport={exportReadable} />, root);
});

/** Saves what can be read of the database, as the usual export file. */
async function exportReadable() {
  db.close();
  const catalog = bundledCatalog();
  const source = catalog.sources[0];
  const salvage = salvageExport(await readRawTables(DB_NAME, EXPORTED_STORES), (id) => catalog.company(id).name, {
    name: source?.name ?? '',
    version: source?.version ?? '',
    license: source?.license ?? '',
  });
  const { parts, type, filename } = renderExport(salvage.file, 'json');
  download(filename, type, parts);
  return salvage;
}
