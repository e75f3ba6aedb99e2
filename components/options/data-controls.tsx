import { useState } from 'preact/hooks';
import { siteFromInput } from '../../lib/classify/domain.ts';
import type { ImportReport } from '../../lib/export/import.ts';
import type { Translate } from '../../lib/i18n.ts';
import type { DroppedCount } from '../../lib/storage/dropped.ts';
import type { ForgetReport } from '../../lib/storage/forget.ts';
import { DroppedNotice } from '../dropped-notice.tsx';
import { formatBytes } from '../format.ts';

interface Props {
  t: Translate;
  /** Bytes the extension's storage uses, when the browser says. */
  storageBytes: number | undefined;
  /** Requests that could not be saved since the person last dismissed it (null when none). */
  dropped: DroppedCount | null;
  onDismissDropped: () => void;
  excludedSites: string[];
  onExcludedChange: (sites: string[]) => Promise<unknown>;
  onForget: (site: string) => Promise<ForgetReport>;
  onClear: () => Promise<unknown>;
  /** Asks the person to confirm a destructive action (window.confirm in the page). */
  confirm: (question: string) => boolean;
  /**
   * `letters`: the person chose to include their letters, contacts and letter settings (JSON only). Resolves with
   * what was handed to the browser's downloads, for the confirmation.
   */
  onExport: (format: 'json' | 'csv' | 'gexf', options: { letters: boolean }) => Promise<ExportedFile>;
  /**
   * Imports a file, read in parts. `imported`: the import stopped after some parts were written (they are kept);
   * without it, nothing was changed.
   */
  onImport: (
    file: File,
  ) => Promise<{ ok: true; report: ImportReport } | { ok: false; error: string; imported?: ImportReport }>;
}

/** What an export handed to the browser's downloads: its name, size and what it holds. */
export interface ExportedFile {
  filename: string;
  bytes: number;
  /** Individual requests in the file (the JSON export; the CSV and GEXF hold totals only). */
  requests?: number;
  /** (site, company) totals in the file. */
  flows: number;
  /** Letters in the file, when the person chose to include them. */
  letters?: number;
}

/** Storage used, excluded sites, forgetting a site and deleting everything: every destructive step confirmed. */
export function DataControls(props: Props) {
  const { t, storageBytes, excludedSites, onExcludedChange, onForget, onClear, confirm, onExport, onImport } = props;
  const { dropped, onDismissDropped } = props;
  const [exclude, setExclude] = useState('');
  const [forget, setForget] = useState('');
  const [message, setMessage] = useState('');
  // Off until the person ticks it: a letter holds the identifiers it cites and their name.
  const [withLetters, setWithLetters] = useState(false);

  const addExcluded = (event: Event) => {
    event.preventDefault();
    const site = siteFromInput(exclude);
    if (!site) return setMessage(t('optionsNotASite', [exclude]));
    setExclude('');
    onExcludedChange([...new Set([...excludedSites, site])].sort());
  };
  const forgetSite = async (event: Event) => {
    event.preventDefault();
    const site = siteFromInput(forget);
    if (!site) return setMessage(t('optionsNotASite', [forget]));
    if (!confirm(t('optionsForgetConfirm', [site]))) return;
    await onForget(site).then(
      (report) => {
        setForget('');
        setMessage(t('optionsForgotten', [site, report.events]));
      },
      (error) => setMessage(t('optionsActionFailed', [errorText(error)])),
    );
  };
  const clear = async () => {
    if (!confirm(t('optionsClearConfirm'))) return;
    await onClear().then(
      () => setMessage(t('optionsCleared')),
      (error) => setMessage(t('optionsActionFailed', [errorText(error)])),
    );
  };

  const exportAs = async (format: 'json' | 'csv' | 'gexf') => {
    setMessage(t('optionsExporting'));
    await onExport(format, { letters: format === 'json' && withLetters }).then(
      (file) => setMessage(exportedText(t, file)),
      (error) => setMessage(t('optionsExportFailed', [errorText(error)])),
    );
  };

  const importFile = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const result = await onImport(file).catch((error) => ({
      ok: false as const,
      error: errorText(error),
      imported: undefined,
    }));
    input.value = '';
    setMessage(
      result.ok
        ? t('optionsImported', [
            result.report.flowsAdded,
            result.report.flowsUpdated,
            result.report.eventsAdded,
            result.report.eventsAlreadyThere,
          ])
        : result.imported
          ? t('optionsImportStopped', [result.error, result.imported.eventsAdded])
          : t('optionsImportFailed', [result.error]),
    );
  };

  return (
    <section aria-labelledby="data-heading">
      <h2 id="data-heading">{t('optionsData')}</h2>
      {storageBytes !== undefined && (
        <p data-testid="storage-used">{t('optionsStorageUsed', [formatBytes(storageBytes, t.locale)])}</p>
      )}
      <DroppedNotice t={t} dropped={dropped} onDismiss={onDismissDropped} />

      <fieldset>
        <legend>{t('optionsExcluded')}</legend>
        {excludedSites.length === 0 ? (
          <p>{t('optionsExcludedNone')}</p>
        ) : (
          <ul data-testid="excluded-sites">
            {excludedSites.map((site) => (
              <li key={site}>
                {site}{' '}
                <button
                  type="button"
                  aria-label={t('optionsRemove', [site])}
                  onClick={() => onExcludedChange(excludedSites.filter((s) => s !== site))}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        <form onSubmit={addExcluded}>
          <label>
            {t('optionsExcludeAdd')}{' '}
            <input data-testid="exclude-input" value={exclude} onInput={(e) => setExclude(e.currentTarget.value)} />
          </label>
          <button type="submit" data-testid="exclude-button">
            {t('optionsExcludeButton')}
          </button>
        </form>
      </fieldset>

      <fieldset>
        <legend>{t('optionsForget')}</legend>
        <p class="hint">{t('optionsForgetHint')}</p>
        <form onSubmit={forgetSite}>
          <label>
            {t('optionsForgetInput')}{' '}
            <input data-testid="forget-input" value={forget} onInput={(e) => setForget(e.currentTarget.value)} />
          </label>
          <button type="submit" data-testid="forget-button">
            {t('optionsForgetButton')}
          </button>
        </form>
      </fieldset>

      <fieldset>
        <legend>{t('optionsExport')}</legend>
        <p class="hint">{t('optionsExportHint')}</p>
        <label>
          <input
            type="checkbox"
            data-testid="export-letters"
            checked={withLetters}
            onChange={(e) => setWithLetters(e.currentTarget.checked)}
          />{' '}
          {t('optionsExportLetters')}
        </label>
        <div class="actions">
          <button type="button" class="primary" data-testid="export-json" onClick={() => exportAs('json')}>
            {t('optionsExportJson')}
          </button>
          <button type="button" data-testid="export-csv" onClick={() => exportAs('csv')}>
            {t('optionsExportCsv')}
          </button>
          <button type="button" data-testid="export-gexf" onClick={() => exportAs('gexf')}>
            {t('optionsExportGexf')}
          </button>
        </div>
        <label>
          {t('optionsImport')}{' '}
          <input
            type="file"
            accept="application/x-ndjson,.ndjson,application/json,.json"
            data-testid="import-input"
            onChange={importFile}
          />
        </label>
      </fieldset>

      <fieldset>
        <legend>{t('optionsDeleteAll')}</legend>
        <button type="button" class="danger" data-testid="clear-button" onClick={clear}>
          {t('optionsClear')}
        </button>
      </fieldset>
      <p role="status" class="status" data-testid="data-message">
        {message}
      </p>
    </section>
  );
}

/** The confirmation after an export: the file's name and size, and what it holds. */
export function exportedText(t: Translate, file: ExportedFile): string {
  const saved = t('optionsExported', [file.filename, formatBytes(file.bytes, t.locale)]);
  const holds =
    file.requests === undefined
      ? t('optionsExportedTotals', [file.flows])
      : t('optionsExportedRequests', [file.requests, file.flows]);
  const letters = file.letters ? ` ${t('optionsExportedLetters', [file.letters])}` : '';
  return `${saved} ${holds}${letters}`;
}

/** A failure's message as a person reads it (the browser's messaging wraps errors in an Error with it). */
function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
