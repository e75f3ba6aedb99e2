import type { DisclosedDb } from './db.ts';

export interface RetentionLimits {
  /** Raw events older than this are deleted. */
  maxAgeDays: number;
  /** At most this many raw events are kept; the oldest go first. */
  maxEvents: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes raw events, page loads and identifier values beyond the user's limits. Aggregates are kept: they are the
 * long-term history the views read, and they hold no addresses or identifiers. Returns how many events were deleted.
 */
export async function pruneEvents(db: DisclosedDb, limits: RetentionLimits, now = Date.now()): Promise<number> {
  const cutoff = now - limits.maxAgeDays * DAY_MS;
  let deleted = 0;
  for (let keys = await expired(db, cutoff); keys.length; keys = await expired(db, cutoff)) {
    await db.events.bulkDelete(keys);
    deleted += keys.length;
  }
  await db.pages.where('startedAt').below(cutoff).delete();
  // Identifier values are personal data: they expire with the requests that carried them.
  await db.identifiers.where('lastSeen').below(cutoff).delete();
  for (let excess = (await db.events.count()) - limits.maxEvents; excess > 0; excess -= CHUNK) {
    const oldest = await db.events.orderBy('time').limit(Math.min(excess, CHUNK)).primaryKeys();
    await db.events.bulkDelete(oldest);
    deleted += oldest.length;
  }
  return deleted;
}

/**
 * Events are deleted a chunk per transaction: lowering the retention can expire hundreds of thousands at once, and
 * one transaction that size would hold the database for minutes, with the recorder and the dashboard waiting.
 */
const CHUNK = 10_000;

function expired(db: DisclosedDb, cutoff: number): Promise<number[]> {
  return db.events.where('time').below(cutoff).limit(CHUNK).primaryKeys() as Promise<number[]>;
}
