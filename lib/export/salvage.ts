import { AddressLevels } from '../storage/addresses.ts';
import type { AttemptAggregate, DayCompanyAggregate, SiteCompanyAggregate } from '../storage/aggregates.ts';
import type { SharingEvent } from '../storage/events.ts';
import type { RawRead } from '../storage/raw.ts';
import { repairAttempt, repairDayFlow, repairFlow } from '../storage/repair.ts';
import { type ExportRows, exportFileOf } from './export.ts';
import type { ExportFile } from './format.ts';
import { separateFailed } from './import.ts';

/** The stores an export is made of. */
export const EXPORTED_STORES = ['siteCompanies', 'attempts', 'dayCompanies', 'events'];

export interface Salvage {
  file: ExportFile;
  /** Rows that were read but could not be exported (malformed beyond repair). */
  skipped: number;
  /** Stores that could not be read to the end. */
  unreadable: string[];
}

/**
 * The usual export file, from what could be read of a database the dashboard cannot open: every row that can be
 * repaired to the shape the export reads, and that exports on its own; the others are counted, not guessed at.
 */
export function salvageExport(
  read: RawRead,
  nameOf: (companyId: string) => string,
  trackerData: ExportFile['trackerData'],
  now = Date.now(),
): Salvage {
  let skipped = 0;
  /** Whether the row exports on its own, so one bad row cannot stop the whole file. */
  const exports = (rows: Partial<ExportRows>) => {
    try {
      exportFileOf({ flows: [], attempts: [], days: [], events: [], ...rows }, nameOf, trackerData, now);
      return true;
    } catch {
      return false;
    }
  };
  const keep = <T>(rows: unknown[], repair: (row: unknown) => T | undefined, test: (row: T) => boolean): T[] => {
    const kept: T[] = [];
    for (const row of rows) {
      const fixed = repair(row);
      if (fixed !== undefined && test(fixed)) kept.push(fixed);
      else skipped++;
    }
    return kept;
  };
  const table = (name: string) => read.tables.get(name) ?? [];
  const flows = keep<SiteCompanyAggregate>(table('siteCompanies'), repairFlow, (f) => exports({ flows: [f] }));
  const attempts = keep<AttemptAggregate>(table('attempts'), repairAttempt, (a) => exports({ attempts: [a] }));
  const days = keep<DayCompanyAggregate>(table('dayCompanies'), repairDayFlow, (d) => exports({ days: [d] }));
  const events = keep<SharingEvent>(table('events'), asEvent, (e) => exports({ events: [e] })).sort(
    (a, b) => a.time - b.time,
  );
  // Rows written before a schema upgrade that never ran mean what they meant then: read them as that upgrade would,
  // so the file claims no more than they hold (one page-address kind for three levels before 8, failed requests
  // counted in the totals before 7).
  const schema = read.schemaVersion ?? Infinity;
  if (schema < 8) {
    const levels = new AddressLevels();
    for (const e of events) levels.upgradeEvent(e);
    for (const f of flows) f.kinds = levels.upgradeKinds(f, true);
    for (const a of attempts) a.kinds = levels.upgradeKinds(a, false);
  }
  let file = exportFileOf({ flows, attempts, days, events }, nameOf, trackerData, now);
  if (schema < 7) file = { ...(separateFailed({ ...file, version: 2 }) as ExportFile), version: file.version };
  return {
    file,
    skipped,
    unreadable: read.unreadable,
  };
}

/** A stored event with the fields the export reads, or undefined. */
function asEvent(row: unknown): SharingEvent | undefined {
  if (typeof row !== 'object' || row === null) return undefined;
  const e = row as Partial<SharingEvent>;
  const text = (v: unknown) => typeof v === 'string';
  if (typeof e.time !== 'number' || !Number.isFinite(e.time)) return undefined;
  if (![e.site, e.company, e.kind, e.host, e.path, e.type, e.method, e.outcome].every(text)) return undefined;
  return {
    ...(e as SharingEvent),
    kinds: Array.isArray(e.kinds) ? e.kinds : [],
    findings: Array.isArray(e.findings) ? e.findings : [],
  };
}
