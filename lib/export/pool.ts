import type { FlowKind } from '../classify/classify.ts';
import { DATA_KINDS, type DataKind } from '../disclose/kinds.ts';
import type { ClassCompany, ClassContribution, ClassDb, ContributedCompany } from '../storage/class-store.ts';
import type { ExportFlow } from './format.ts';
import { separateFailed } from './import.ts';
import { readExport, type TextPieces } from './stream.ts';

/**
 * Class pooling: the regular export files of a class (any readable version) added up into the class results
 * (lib/storage/class-store.ts). A rule of its own, unlike an import's merge into the person's history: pooling *sums*,
 * each browser counting once per company it reached ("Google reached 28 of 30 of us"). Of a file only its flows are
 * read (what reached each company from each site), and of them only per-company numbers are kept: no site, address
 * or time.
 *
 * One browser must count once, however often its user exports. An export carries no installation id (on purpose: it
 * would link a person's files), so a browser is told by its history instead:
 * - the same flows are the same export, whatever its `exportedAt` or the order of its lines (`duplicate`);
 * - a flow's start (its site, company and the millisecond it was first seen) stays the same in every later export of
 *   the same history, so when every start of one export is also in another, both are exports of one browser, the
 *   later one holding more history. The later export replaces the earlier one's numbers (`replaced`), and an earlier
 *   one arriving after a later one is not counted (`superseded`). Two people's histories share every start only by
 *   a coincidence to the millisecond on every flow. Starts are kept as hashes, not as sites and times.
 * Limits: a history that lost its oldest flows between two exports (retention, a forgotten site) no longer contains
 * the earlier export's starts and counts as another browser; an export without flows is told only by its content.
 *
 * A file is read in parts (readExport) and checked whole before anything is written: a corrupt one throws and
 * leaves the class results as they were.
 */

export type PoolOutcome =
  | { status: 'pooled'; companies: number }
  /** An earlier export of the same browser (pooled at `pooledAt`) was taken out and this one counted instead. */
  | { status: 'replaced'; companies: number; pooledAt: number }
  /** The same export was pooled before (at `pooledAt`): not counted again. */
  | { status: 'duplicate'; pooledAt: number }
  /** A later export of the same browser was pooled (at `pooledAt`): this older one is not counted. */
  | { status: 'superseded'; pooledAt: number };

async function sha256hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** What one export says of one company: the numbers pooling keeps. */
interface Presence {
  name: string;
  kind: FlowKind;
  requests: number;
  sites: number;
  kinds: Set<DataKind>;
}

interface Reading {
  companies: Map<string, Presence>;
  /** Each flow written out, in an order of their own (not the file's): the export's content. */
  flows: string[];
  /** Each flow's start: site, company, first seen. */
  starts: string[];
  exportedAt: number;
}

/** One export's companies, from its flows (a flow is one site and one company: what reached it). */
async function read(pieces: TextPieces): Promise<Reading> {
  const companies = new Map<string, Presence>();
  const flows: string[] = [];
  const starts: string[] = [];
  let exportedAt = 0;
  const add = (f: ExportFlow) => {
    if (f.requests <= 0) return;
    flows.push(JSON.stringify(f));
    starts.push(JSON.stringify([f.site, f.organization.id, Date.parse(f.firstSeen)]));
    const id = f.organization.id;
    const mine = companies.get(id) ?? {
      name: f.organization.name,
      kind: f.kind,
      requests: 0,
      sites: 0,
      kinds: new Set<DataKind>(),
    };
    mine.requests += f.requests;
    mine.sites++;
    for (const k of Object.keys(f.dataKinds) as DataKind[]) mine.kinds.add(k);
    companies.set(id, mine);
  };
  for await (const item of readExport(pieces)) {
    if ('header' in item) exportedAt = Date.parse(item.header.exportedAt);
    else if ('whole' in item) {
      exportedAt = Date.parse(item.whole.exportedAt);
      // An old file in one object counted blocked requests in its flows: taken apart as an import does.
      for (const f of separateFailed(item.whole).flows) add(f);
    } else if ('flow' in item) add(item.flow);
  }
  flows.sort();
  return { companies, flows, starts, exportedAt };
}

const includes = (all: Set<string>, some: string[]) => some.length > 0 && some.every((s) => all.has(s));

/** A company row with one contribution's numbers added (`sign` 1) or taken out (-1); undefined when none is left. */
function adjust(
  row: ClassCompany | undefined,
  id: string,
  c: ContributedCompany,
  sign: 1 | -1,
): ClassCompany | undefined {
  const kinds: Partial<Record<DataKind, number>> = { ...row?.kinds };
  for (const k of c.kinds) kinds[k] = (kinds[k] ?? 0) + sign;
  const reached = (row?.reached ?? 0) + sign;
  if (reached <= 0) return undefined;
  return {
    id,
    name: sign > 0 ? c.name : (row?.name ?? c.name),
    kind: sign > 0 ? c.kind : (row?.kind ?? c.kind),
    reached,
    requests: (row?.requests ?? 0) + sign * c.requests,
    sites: (row?.sites ?? 0) + sign * c.sites,
    kinds: Object.fromEntries(DATA_KINDS.filter((k) => (kinds[k] ?? 0) > 0).map((k) => [k, kinds[k]])),
  };
}

/**
 * Pools one export file into the class results. Throws (an ImportError or an Error saying what is wrong) for a
 * file that is not a readable export, having written nothing.
 */
export async function poolExport(db: ClassDb, pieces: TextPieces, now = Date.now()): Promise<PoolOutcome> {
  const reading = await read(pieces);
  const key = await sha256hex(reading.flows.join('\n'));
  const starts = await Promise.all(reading.starts.map(sha256hex));
  const mine = new Set(starts);
  const brought: Record<string, ContributedCompany> = {};
  for (const [id, p] of reading.companies)
    brought[id] = { name: p.name, kind: p.kind, requests: p.requests, sites: p.sites, kinds: [...p.kinds] };

  return db.transaction('rw', db.companies, db.contributions, async (): Promise<PoolOutcome> => {
    const same = await db.contributions.get(key);
    if (same) return { status: 'duplicate', pooledAt: same.pooledAt };
    // Exports of the same browser: one's starts all in the other's (contributions pooled before Disclosed kept
    // starts have none, and match nothing).
    const browser = (await db.contributions.toArray()).filter(
      (c) => c.starts && (includes(mine, c.starts) || includes(new Set(c.starts), starts)),
    );
    const later = browser.find((c) => (c.exportedAt ?? 0) >= reading.exportedAt);
    if (later) return { status: 'superseded', pooledAt: later.pooledAt };

    const changes = new Map<string, ClassCompany | undefined>();
    const rowOf = async (id: string) => (changes.has(id) ? changes.get(id) : await db.companies.get(id));
    for (const earlier of browser)
      for (const [id, c] of Object.entries(earlier.brought ?? {})) changes.set(id, adjust(await rowOf(id), id, c, -1));
    for (const [id, c] of Object.entries(brought)) changes.set(id, adjust(await rowOf(id), id, c, 1));
    for (const [id, row] of changes) {
      if (row) await db.companies.put(row);
      else await db.companies.delete(id);
    }
    await db.contributions.bulkDelete(browser.map((c) => c.hash));
    const contribution: ClassContribution = {
      hash: key,
      pooledAt: now,
      exportedAt: reading.exportedAt,
      companies: reading.companies.size,
      starts,
      brought,
    };
    await db.contributions.add(contribution);
    const companies = reading.companies.size;
    const first = browser[0];
    return first ? { status: 'replaced', companies, pooledAt: first.pooledAt } : { status: 'pooled', companies };
  });
}
