/**
 * The real captures in ../shared/corpus (when present; never copied into the project), for the benchmark and the
 * disclosure evaluation. Generated corpora are in synthetic.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CorpusRequest } from './synthetic.ts';

export const SHARED_CORPUS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'corpus');

/** The real page loads, or undefined when ../shared is absent (a clone outside this workplace). */
export function loadRealCorpus(): CorpusRequest[] | undefined {
  const file = join(SHARED_CORPUS, 'requests.real.jsonl');
  if (!existsSync(file)) return undefined;
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as CorpusRequest);
}
