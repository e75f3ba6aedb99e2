import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { ExportedFile } from '../../components/options/data-controls.tsx';
import {
  buildExport,
  type ExportFormat,
  exportFileName,
  type PersonalOption,
  renderExport,
  writeExport,
} from '../../lib/export/export.ts';
import { type ImportReport, ImportStopped, importFile } from '../../lib/export/import.ts';
import { piecesOf } from '../../lib/export/stream.ts';
import { matchLocale } from '../../lib/i18n.ts';
import { type BackgroundStatus, request } from '../../lib/messages.ts';
import { parseSettings, SETTINGS_KEY, type Settings } from '../../lib/settings.ts';
import type { DisclosedDb } from '../../lib/storage/db.ts';
import type { TrackerListSource } from '../../lib/trackers/format.ts';
import { BlobParts, download } from './download.ts';

const send = (message: unknown) => browser.runtime.sendMessage(message);

/**
 * The settings page's model: the settings, the storage used, the dropped-requests notice, and what each control does
 * (export and import included). The one place the settings page reads storage or sends messages.
 */
export function useSettingsModel(db: DisclosedDb, source: TrackerListSource, nameOf: (id: string) => string) {
  const [settings, setSettings] = useState<Settings | undefined>(undefined);
  const [storageBytes, setStorageBytes] = useState<number | undefined>(undefined);
  const [dropped, setDropped] = useState<BackgroundStatus['dropped']>(null);
  const refreshUsage = () => {
    request(send, 'background/status', {}).then(
      (status) => setDropped(status.dropped),
      () => undefined,
    );
    return navigator.storage?.estimate().then(
      (e) => setStorageBytes(e.usage),
      () => undefined,
    );
  };
  useEffect(() => {
    browser.storage.local.get(SETTINGS_KEY).then((s) => setSettings(parseSettings(s[SETTINGS_KEY])));
    refreshUsage();
  }, []);
  const update = (patch: Partial<Settings>) => request(send, 'settings/update', patch).then(setSettings);
  return {
    settings,
    storageBytes,
    dropped,
    browserLocale: matchLocale(browser.i18n.getUILanguage()),
    update,
    dismissDropped: () => request(send, 'background/dismiss-dropped', {}).then(() => setDropped(null)),
    forget: (site: string) => request(send, 'data/forget-site', { site }).finally(refreshUsage),
    clear: () => request(send, 'data/clear', {}).finally(refreshUsage),
    exportFile: async (format: ExportFormat, { letters }: { letters: boolean }): Promise<ExportedFile> =>
      exportData(db, format, source, nameOf, letters ? { residence: await storedResidence() } : undefined),
    importFile: (file: File) => importData(file).finally(refreshUsage),
  };
}

/** The residence as stored now (another page, the letters', may have changed it since this one opened). */
async function storedResidence(): Promise<string> {
  return parseSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]).residence;
}

/**
 * Builds an export from the database (reading needs no background) and saves it as a download. The JSON export is
 * written in parts, straight into Blobs: a history of a million events never becomes one string. `personal`: the
 * user chose to include their letters, contacts and letter settings. Resolves with what the file holds, counted
 * from the lines written (not read again from the database, which may have changed since).
 */
async function exportData(
  db: DisclosedDb,
  format: ExportFormat,
  source: TrackerListSource,
  nameOf: (id: string) => string,
  personal?: PersonalOption,
): Promise<ExportedFile> {
  const trackerData = { name: source.name, version: source.version, license: source.license };
  const now = Date.now();
  const { type, filename } = exportFileName(format, now);
  if (format === 'json') {
    const parts = new BlobParts();
    const counts = { event: 0, flow: 0, letter: 0 };
    await writeExport(
      db,
      nameOf,
      trackerData,
      (part) => {
        // Parts hold whole lines; each line is one object named by its first key.
        for (const [, kind] of part.matchAll(/^\{"(event|flow|letter)":/gm)) counts[kind as keyof typeof counts]++;
        parts.add(part);
      },
      { now, personal },
    );
    const blobs = parts.done();
    download(filename, type, blobs);
    return {
      filename,
      bytes: blobs.reduce((sum, blob) => sum + blob.size, 0),
      requests: counts.event,
      flows: counts.flow,
      letters: personal ? counts.letter : undefined,
    };
  }
  // The CSV and GEXF exports hold the totals only (never the letters).
  const file = await buildExport(db, nameOf, trackerData, now, { events: false });
  const { parts } = renderExport(file, format);
  download(filename, type, parts);
  return { filename, bytes: new Blob(parts).size, flows: file.flows.length };
}

/**
 * Imports a file of any size through the background, read in parts and never held whole: every line is checked here
 * first, then the file is read again and sent a part (a file of its own) at a time; the background checks each again.
 */
async function importData(
  file: File,
): Promise<{ ok: true; report: ImportReport } | { ok: false; error: string; imported?: ImportReport }> {
  const open = () => piecesOf(file.stream().pipeThrough(new TextDecoderStream()));
  try {
    const report = await importFile(open, async (text) => {
      const result = await request(send, 'data/import', { text });
      if (!result.ok) throw new Error(result.error);
      return result.report;
    });
    return { ok: true, report };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return error instanceof ImportStopped
      ? { ok: false, error: message, imported: error.imported }
      : { ok: false, error: message };
  }
}
