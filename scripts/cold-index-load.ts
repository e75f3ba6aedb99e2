/**
 * The tracker index's load time in a cold isolate, ours and the TrackerDB SDK engine's: what a service worker's
 * start pays, where nothing has been compiled yet (the bench's other figure is a median of warm loads). Each sample
 * is a fresh Node process that loads once. Part of `npm run bench`; run alone with `npx tsx scripts/cold-index-load.ts`.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname ?? '.', '..');

/** In a child: load once, print the milliseconds. */
async function loadOnce(which: 'ours' | 'sdk'): Promise<number> {
  if (which === 'ours') {
    const text = readFileSync(join(root, 'lib', 'generated', 'tracker-index.json'), 'utf8');
    const { loadMatcher } = await import('../lib/trackers/load.ts');
    const t = performance.now();
    loadMatcher(text);
    return performance.now() - t;
  }
  const engine = readFileSync(join(root, 'node_modules', '@ghostery', 'trackerdb', 'dist', 'trackerdb.engine'));
  const { default: loadTrackerDB } = await import('@ghostery/trackerdb');
  const t = performance.now();
  await loadTrackerDB(engine);
  return performance.now() - t;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** Median of `samples` cold loads each, alternating ours and the SDK's so that the machine's load falls on both. */
export function coldIndexLoad(samples = 7): { oursMs: number; sdkMs: number } {
  const ours: number[] = [];
  const sdk: number[] = [];
  const tsx = join(root, 'node_modules', '.bin', 'tsx');
  const run = (which: string) =>
    Number(execFileSync(tsx, [join(root, 'scripts', 'cold-index-load.ts'), `--child=${which}`], { encoding: 'utf8' }));
  for (let i = 0; i < samples; i++) {
    ours.push(run('ours'));
    sdk.push(run('sdk'));
  }
  return { oursMs: median(ours), sdkMs: median(sdk) };
}

const child = process.argv.find((a) => a.startsWith('--child='))?.slice('--child='.length);
if (child === 'ours' || child === 'sdk') {
  process.stdout.write(String(await loadOnce(child)));
} else if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename ?? '')) {
  const r = coldIndexLoad();
  console.log(`cold load (fresh process, median of 7): ours ${r.oursMs.toFixed(1)} ms, SDK ${r.sdkMs.toFixed(1)} ms`);
}
