import type { FlowKind } from '../classify/classify.ts';
import { DATA_KINDS, type DataKind } from '../disclose/kinds.ts';
import type { ClassCompany, ClassDb } from '../storage/class-store.ts';
import type { ExportFlow } from './format.ts';
import { separateFailed } from './import.ts';
import { readExport, type TextPieces } from './stream.ts';

/**
 * Class pooling: the regular export files of a class (any readable version) added up into the class results
 * (lib/storage/class-store.ts). A rule of its own, unlike an import's merge into the person's history: pooling *sums*,
 * each export counting once per company it reached ("Google reached 28 of 30 of us"), and the same file pooled twice
 * would count a person twice, so it is refused by a hash of its content. Of a file only its flows are read (what
 * reached each company from each site), and of them only per-company numbers are kept: no site, address or time.
 *
 * A file is read in parts (readExport) and checked whole before anything is written: a corrupt one throws and
 * leaves the class results as they were.
 */

export type PoolOutcome =
  | { status: 'pooled'; companies: number }
  /** The same file was pooled before (at `pooledAt`): not counted again. */
  | { status: 'duplicate'; pooledAt: number };

/** How many characters are hashed at a time: the hash is the hash of these blocks' hashes, in order. */
const HASH_BLOCK_CHARS = 1024 * 1024;

/**
 * A SHA-256 over text arriving in pieces, without holding it: Web Crypto hashes a whole buffer only, so the text is
 * cut in blocks of a fixed number of characters (the same file cut into other pieces gives the same blocks), and
 * the hash is of the blocks' hashes.
 */
class ContentHash {
  private held = '';
  private readonly blocks: Uint8Array[] = [];

  async add(piece: string): Promise<void> {
    this.held += piece;
    while (this.held.length >= HASH_BLOCK_CHARS) {
      const block = this.held.slice(0, HASH_BLOCK_CHARS);
      this.held = this.held.slice(HASH_BLOCK_CHARS);
      this.blocks.push(await sha256(new TextEncoder().encode(block)));
    }
  }

  async hex(): Promise<string> {
    this.blocks.push(await sha256(new TextEncoder().encode(this.held)));
    this.held = '';
    const all = new Uint8Array(this.blocks.length * 32);
    for (const [i, b] of this.blocks.entries()) all.set(b, i * 32);
    return [...(await sha256(all))].map((b) => b.toString(16).padStart(2, '0')).join('');
  }
}

async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
}

async function* hashing(pieces: TextPieces, hash: ContentHash): AsyncGenerator<string> {
  for await (const piece of pieces) {
    await hash.add(piece);
    yield piece;
  }
}

/** What one export says of one company: the numbers pooling keeps. */
interface Presence {
  name: string;
  kind: FlowKind;
  requests: number;
  sites: number;
  kinds: Set<DataKind>;
}

/** One export's companies, from its flows (a flow is one site and one company: what reached it). */
async function presenceOf(pieces: TextPieces): Promise<Map<string, Presence>> {
  const companies = new Map<string, Presence>();
  const add = (f: ExportFlow) => {
    if (f.requests <= 0) return;
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
    // An old file in one object counted blocked requests in its flows: taken apart as an import does.
    if ('whole' in item) for (const f of separateFailed(item.whole).flows) add(f);
    else if ('flow' in item) add(item.flow);
  }
  return companies;
}

/**
 * Pools one export file into the class results. Throws (an ImportError or an Error saying what is wrong) for a
 * file that is not a readable export, having written nothing.
 */
export async function poolExport(db: ClassDb, pieces: TextPieces, now = Date.now()): Promise<PoolOutcome> {
  const hash = new ContentHash();
  const presence = await presenceOf(hashing(pieces, hash));
  const key = await hash.hex();
  return db.transaction('rw', db.companies, db.contributions, async () => {
    const before = await db.contributions.get(key);
    if (before) return { status: 'duplicate' as const, pooledAt: before.pooledAt };
    const ids = [...presence.keys()];
    const held = await db.companies.bulkGet(ids);
    const rows = ids.map((id, i): ClassCompany => {
      const p = presence.get(id) as Presence;
      const old = held[i];
      const kinds: Partial<Record<DataKind, number>> = { ...old?.kinds };
      for (const k of p.kinds) kinds[k] = (kinds[k] ?? 0) + 1;
      return {
        id,
        name: p.name,
        kind: p.kind,
        reached: (old?.reached ?? 0) + 1,
        requests: (old?.requests ?? 0) + p.requests,
        sites: (old?.sites ?? 0) + p.sites,
        kinds: Object.fromEntries(DATA_KINDS.filter((k) => kinds[k]).map((k) => [k, kinds[k]])),
      };
    });
    await db.companies.bulkPut(rows);
    await db.contributions.add({ hash: key, pooledAt: now, companies: ids.length });
    return { status: 'pooled' as const, companies: ids.length };
  });
}
