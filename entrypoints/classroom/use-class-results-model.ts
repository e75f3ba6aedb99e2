import { liveQuery } from 'dexie';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ClassResultsModel } from '../../components/classroom/class-results.tsx';
import { formatDateTime, formatNumber } from '../../components/format.ts';
import { poolExport } from '../../lib/export/pool.ts';
import { piecesOf } from '../../lib/export/stream.ts';
import type { Translate } from '../../lib/i18n.ts';
import { type ClassDb, classResults, clearClassResults, openClassDb } from '../../lib/storage/class-store.ts';

/**
 * The class results' model: the pooled exports' store, read live; files added one after another, each said what
 * became of. The one place the class results screen reads or writes storage.
 */
export function useClassResultsModel(t: Translate) {
  const db = useMemo<ClassDb>(() => openClassDb(), []);
  const [results, setResults] = useState<ClassResultsModel | undefined>(undefined);
  const [notes, setNotes] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const subscription = liveQuery(() => classResults(db)).subscribe({ next: setResults });
    return () => {
      subscription.unsubscribe();
      db.close();
    };
  }, [db]);

  const addFiles = async (files: File[]) => {
    setBusy(true);
    const said: string[] = [];
    for (const file of files) {
      try {
        // Read in parts: an export can be hundreds of megabytes.
        const outcome = await poolExport(db, piecesOf(file.stream().pipeThrough(new TextDecoderStream())));
        said.push(
          outcome.status === 'pooled'
            ? t('classroomPoolAdded', [file.name, formatNumber(outcome.companies)])
            : outcome.status === 'replaced'
              ? t('classroomPoolReplaced', [
                  file.name,
                  formatNumber(outcome.companies),
                  formatDateTime(outcome.pooledAt),
                ])
              : t(outcome.status === 'duplicate' ? 'classroomPoolDuplicate' : 'classroomPoolSuperseded', [
                  file.name,
                  formatDateTime(outcome.pooledAt),
                ]),
        );
      } catch (error) {
        said.push(t('classroomPoolRejected', [file.name, error instanceof Error ? error.message : String(error)]));
      }
      setNotes([...said]);
    }
    setBusy(false);
  };
  const clear = async () => {
    if (!window.confirm(t('classroomPoolClearConfirm'))) return;
    await clearClassResults(db);
    setNotes([t('classroomPoolCleared')]);
  };
  return { results, notes, busy, addFiles, clear };
}
