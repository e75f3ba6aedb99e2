import { useState } from 'preact/hooks';
import type { Translate } from '../../lib/i18n.ts';

export interface SalvageResult {
  /** Rows read but left out of the file (malformed beyond repair). */
  skipped: number;
  /** Parts of the database that could not be read to the end. */
  unreadable: string[];
}

/**
 * The dashboard when its database cannot be opened (an upgrade that failed, a database from a newer version): what
 * happened, that nothing was deleted, and a way to save what can still be read as the usual export file.
 */
export function DatabaseFailure({
  t,
  error,
  onExport,
}: {
  t: Translate;
  /** The browser's error, as it said it. */
  error: string;
  onExport: () => Promise<SalvageResult>;
}) {
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      const result = await onExport();
      const parts = [
        result.skipped ? t('dbFailureExportedSkipped', [result.skipped]) : '',
        result.unreadable.length ? t('dbFailureExportedUnreadable') : '',
      ].filter(Boolean);
      setStatus(parts.length ? parts.join(' ') : t('dbFailureExported'));
    } catch (e) {
      setStatus(t('dbFailureExportFailed', [e instanceof Error ? e.message : String(e)]));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main class="db-failure" data-testid="db-failure">
      <h1>{t('dbFailureHeading')}</h1>
      <p role="alert">{t('dbFailureMessage', [error])}</p>
      <p>{t('dbFailureWayOut')}</p>
      <p>
        <button type="button" data-testid="db-failure-export" disabled={busy} onClick={save}>
          {t('dbFailureExport')}
        </button>
      </p>
      <p role="status" data-testid="db-failure-status">
        {status}
      </p>
    </main>
  );
}
