import { render } from 'preact';
import { DatabaseFailure } from '../../components/options/database-failure.tsx';
import { onLocaleChange, pageTranslator } from '../../components/ui-language.ts';
import { renderExport } from '../../lib/export/export.ts';
import { EXPORTED_STORES, salvageExport } from '../../lib/export/salvage.ts';
import { DB_NAME, openDb } from '../../lib/storage/db.ts';
import { readRawTables } from '../../lib/storage/raw.ts';
import { bundledCatalog } from '../../lib/trackers/names.ts';
import { OptionsApp } from './app.tsx';
import { download } from './download.ts';

const db = openDb();
const root = document.getElementById('app') as HTMLElement;
// Opened before the first query: the view finds the database ready sooner.
const opened = db.open();
// In the language chosen in settings; choosing another re-renders the dashboard in it (the route is in the address).
pageTranslator('dashTitle').then((t) => {
  let failed = false;
  const show = (tr: typeof t) => failed || render(<OptionsApp key={tr.locale} t={tr} db={db} />, root);
  show(t);
  onLocaleChange('dashTitle', t, show);
  // If the database cannot be opened at all (an upgrade that failed, a database from a newer version), the
  // dashboard says so and offers what can be read.
  opened.catch((error: unknown) => {
    // First line only, without its full stop: the message puts it in a sentence of its own.
    const text = (error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : String(error)).replace(
      /\.$/,
      '',
    );
    failed = true;
    render(<DatabaseFailure t={t} error={text} onExport={exportReadable} />, root);
  });
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
