import type { Transaction } from 'dexie';
import { DATA_KINDS, type DataKind } from '../disclose/kinds.ts';
import type {
  AttemptAggregate,
  CategoryRequests,
  DayCompanyAggregate,
  SeenSpan,
  SiteCompanyAggregate,
} from './aggregates.ts';

/**
 * Stored totals as a schema upgrade finds them: written by older versions, by imports before the validator was what
 * it is now, or damaged. An upgrade must not stop at one bad row (the database would stay closed, letters and all),
 * so every total is repaired to the shape the code reads before an upgrade reshapes it, or — when there is nothing
 * left to count (no request, no site, no date) — deleted. Fields this module does not know are kept as they are.
 */

type Row = Record<string, unknown>;

const isRow = (v: unknown): v is Row => typeof v === 'object' && v !== null && !Array.isArray(v);
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const count = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? Math.floor(v) : 0);
const strings = (v: unknown) => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);
const flowKind = (v: unknown, company: string) =>
  v === 'tracker' || v === 'unlisted' ? v : company.startsWith('site:') ? 'unlisted' : 'tracker';

/** The kinds of a total, keeping only known kinds with a first and last time. */
function repairKinds(v: unknown): Partial<Record<DataKind, SeenSpan>> {
  const kinds: Partial<Record<DataKind, SeenSpan>> = {};
  if (!isRow(v)) return kinds;
  for (const kind of DATA_KINDS) {
    if (!Object.hasOwn(v, kind)) continue;
    const span = v[kind];
    if (isRow(span) && isTime(span.first) && isTime(span.last)) kinds[kind] = { first: span.first, last: span.last };
  }
  return kinds;
}

/** Requests per category, keeping only whole positive counts; the one category's when none is left. */
function repairCategories(v: unknown, category: string, requests: number): CategoryRequests {
  const out: CategoryRequests = {};
  if (isRow(v)) for (const [c, n] of Object.entries(v)) if (count(n)) out[c] = count(n);
  return Object.keys(out).length ? out : { [category]: requests };
}

/** A (site, company) total in the shape the code reads, or undefined when it counts nothing. */
export function repairFlow(row: unknown): SiteCompanyAggregate | undefined {
  if (!isRow(row) || typeof row.site !== 'string' || typeof row.company !== 'string') return undefined;
  const requests = count(row.requests);
  const first = isTime(row.firstSeen) ? row.firstSeen : row.lastSeen;
  const last = isTime(row.lastSeen) ? row.lastSeen : row.firstSeen;
  if (!requests || !isTime(first) || !isTime(last)) return undefined;
  const category = typeof row.category === 'string' ? row.category : 'misc';
  return {
    ...row,
    site: row.site,
    company: row.company,
    kind: flowKind(row.kind, row.company),
    category,
    // Totals from before schema 9 have none: its upgrade gives them theirs.
    ...(row.categories !== undefined ? { categories: repairCategories(row.categories, category, requests) } : {}),
    requests,
    failed: Math.min(count(row.failed), requests),
    firstSeen: Math.min(first, last),
    lastSeen: Math.max(first, last),
    hosts: strings(row.hosts),
    kinds: repairKinds(row.kinds),
  } as SiteCompanyAggregate;
}

/** An attempt total in the shape the code reads (a flow's, without `failed`), or undefined when it counts nothing. */
export function repairAttempt(row: unknown): AttemptAggregate | undefined {
  const flow = repairFlow(isRow(row) ? { ...row, failed: 0 } : row);
  if (!flow) return undefined;
  const { failed: _, ...attempt } = flow;
  return attempt;
}

/** A (day, company) total in the shape the code reads, or undefined when it names no site. */
export function repairDayFlow(row: unknown): DayCompanyAggregate | undefined {
  if (!isRow(row) || typeof row.day !== 'string' || typeof row.company !== 'string') return undefined;
  const sites = strings(row.sites);
  if (!sites.length) return undefined;
  return {
    ...row,
    day: row.day,
    company: row.company,
    kind: flowKind(row.kind, row.company),
    requests: count(row.requests),
    sites,
  };
}

/** Whether two rows hold the same JSON (rows are plain data): a sound row is not rewritten. */
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export interface RepairReport {
  repaired: number;
  deleted: number;
}

/**
 * Repairs every (site, company) and (day, company) total inside an upgrade's transaction (see above). Rows that
 * already have the right shape are left untouched.
 */
export async function repairTotals(tx: Transaction): Promise<RepairReport> {
  const report: RepairReport = { repaired: 0, deleted: 0 };
  const pass = (table: string, repair: (row: unknown) => object | undefined) =>
    tx
      .table(table)
      .toCollection()
      .modify((row: unknown, ref: { value?: unknown }) => {
        const fixed = repair(row);
        if (!fixed) {
          report.deleted++;
          delete ref.value;
        } else if (!same(fixed, row)) {
          report.repaired++;
          ref.value = fixed;
        }
      });
  await pass('siteCompanies', repairFlow);
  await pass('dayCompanies', repairDayFlow);
  if (report.repaired || report.deleted) console.warn('Disclosed: repaired stored totals while upgrading', report);
  return report;
}
