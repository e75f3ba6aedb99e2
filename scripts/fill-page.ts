/**
 * Runs inside an extension page for `npm run fill` and `npm run bench` (bundled by scripts/fill.ts and injected with
 * `page.evaluate`; not part of the extension). It generates the history in the page, so nothing crosses the
 * debugging protocol but a count, and writes it through the recorder's own transaction: the aggregates the views
 * read are exactly what the extension would have built from the same events.
 */

import { createAggregateCache, writeEvents } from '../lib/storage/batch.ts';
import { openDb } from '../lib/storage/db.ts';
import { parseTrackerList } from '../lib/trackers/load.ts';
import { createTrackerMatcher } from '../lib/trackers/matcher.ts';
import { generateHistory, type HistoryOptions } from './synthetic.ts';

const db = openDb();
// The whole history's aggregates fit in a page's memory: no re-reads.
const cache = createAggregateCache(Number.POSITIVE_INFINITY);
let chunks: ReturnType<typeof generateHistory> | undefined;

/** Starts a history from the tracker index's text. */
function start(indexText: string, options: HistoryOptions): void {
  const list = parseTrackerList(indexText);
  chunks = generateHistory(list, createTrackerMatcher([list]), options);
}

/** Writes the next chunk; resolves to the events it held, or 0 when the history is complete. */
async function next(): Promise<number> {
  const chunk = chunks?.next();
  if (!chunk || chunk.done) return 0;
  const { events, pages } = chunk.value;
  // One transaction per chunk: the aggregates come out the same whatever the batch size, and each is written once.
  await writeEvents(db, events, pages, cache);
  return events.length;
}

(globalThis as unknown as { disclosedFill: unknown }).disclosedFill = { start, next };
