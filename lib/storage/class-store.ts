import { Dexie, type EntityTable } from 'dexie';
import type { FlowKind } from '../classify/classify.ts';
import type { DataKind } from '../disclose/kinds.ts';

/**
 * The class results: what the exports of a class add up to, pooled on an educator's classroom page. A database of its
 * own, apart from the person's history (`disclosed`), which pooling never reads or writes. It holds no site, address,
 * time or value of anyone's browsing: per company, how many of the pooled exports it reached and sums of counts.
 */
export interface ClassCompany {
  /** The organization id as the exports name it (`google`, `site:unlisted.example`). */
  id: string;
  name: string;
  kind: FlowKind;
  /** How many pooled exports it reached: each export counts once ("reached 28 of 30 of us"). */
  reached: number;
  /** Requests it received, summed over the exports. */
  requests: number;
  /** Sites it was seen on, summed over the exports (each export's own count: no names). */
  sites: number;
  /** Per kind, how many exports it got that kind from. */
  kinds: Partial<Record<DataKind, number>>;
}

/** What one pooled export brought one company, kept so a later export of the same browser can take it out again. */
export interface ContributedCompany {
  name: string;
  kind: FlowKind;
  requests: number;
  sites: number;
  kinds: DataKind[];
}

/**
 * One pooled export, known by a hash of its content so the same export is not counted twice, and by hashes of its
 * flows' starts so a later export of the same browser replaces it (lib/export/pool.ts). The starts are hashes of a
 * site, a company and a time that the educator's file held in plain: the store holds no site or time as such.
 */
export interface ClassContribution {
  /** SHA-256 of the export's flows in a canonical order (not of the file: its export time is left out), in hex. */
  hash: string;
  pooledAt: number;
  /** When the export was made (absent in contributions pooled before this was kept). */
  exportedAt?: number;
  /** How many companies it brought. */
  companies: number;
  /** SHA-256 of each flow's start (site, company, first seen); absent in contributions pooled before. */
  starts?: string[];
  /** Per company id, what it brought (absent in contributions pooled before: those cannot be replaced). */
  brought?: Record<string, ContributedCompany>;
}

export type ClassDb = Dexie & {
  companies: EntityTable<ClassCompany, 'id'>;
  contributions: EntityTable<ClassContribution, 'hash'>;
};

export const CLASS_DB = 'disclosed-class';

export function openClassDb(name = CLASS_DB): ClassDb {
  const db = new Dexie(name) as ClassDb;
  db.version(1).stores({ companies: 'id', contributions: 'hash' });
  return db;
}

/** The class results as shown: how many exports were pooled, and the companies, the most widespread first. */
export async function classResults(db: ClassDb): Promise<{ contributors: number; companies: ClassCompany[] }> {
  const [contributors, companies] = await db.transaction('r', db.companies, db.contributions, () =>
    Promise.all([db.contributions.count(), db.companies.toArray()]),
  );
  companies.sort((a, b) => b.reached - a.reached || b.requests - a.requests || a.name.localeCompare(b.name));
  return { contributors, companies };
}

/** Forgets every pooled export: the class starts over. */
export async function clearClassResults(db: ClassDb): Promise<void> {
  await db.transaction('rw', db.companies, db.contributions, async () => {
    await db.companies.clear();
    await db.contributions.clear();
  });
}
