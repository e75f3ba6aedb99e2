import { useEffect, useState } from 'preact/hooks';
import type { DisclosedDb } from '../../lib/storage/db.ts';
import { type Evidence, type EvidenceScope, loadEvidence, scopePath } from '../../lib/storage/log.ts';

export interface ReportModel {
  evidence: Evidence | undefined;
  /** When the evidence was read: the report's date. */
  preparedAt: number;
}

/**
 * The report's one read of the database: the evidence of a site or a company, read once when the page opens. A
 * report is a snapshot — what it says, and the date it gives, do not change while it is read or printed.
 */
export function useReportModel(db: DisclosedDb, scope: EvidenceScope, now = Date.now): ReportModel {
  const key = scopePath(scope);
  const [model, setModel] = useState<ReportModel>(() => ({ evidence: undefined, preparedAt: now() }));
  useEffect(() => {
    let current = true;
    setModel({ evidence: undefined, preparedAt: now() });
    loadEvidence(db, scope).then(
      (evidence) => {
        if (current) setModel({ evidence, preparedAt: now() });
      },
      (error) => console.error('Disclosed: report', error),
    );
    return () => {
      current = false;
    };
  }, [key]);
  return model;
}
