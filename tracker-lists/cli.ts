/**
 * Build step: compiles the pinned `@ghostery/trackerdb` into `lib/generated/`, offline.
 * Run by `npm run trackers` (and before every build and test run).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { entryProblem } from '../lib/trackers/load.ts';
import { packTrackerIndex } from '../lib/trackers/pack.ts';
import { companyCatalog, compileTrackerDb, type TrackerDbJson } from './compile.ts';
import { TRACKERDB_SOURCE } from './sources.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// The package exports no `./package.json`: resolve its entry point and walk up to the package folder.
const packageDir = join(dirname(createRequire(import.meta.url).resolve('@ghostery/trackerdb')), '..', '..');
const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string };
const pinned = (
  JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    devDependencies: Record<string, string>;
  }
).devDependencies['@ghostery/trackerdb'];
if (pinned !== version) {
  throw new Error(`@ghostery/trackerdb ${version} is installed but package.json pins ${pinned}: run npm install.`);
}

const db = JSON.parse(readFileSync(join(packageDir, 'dist', 'trackerdb.json'), 'utf8')) as TrackerDbJson;
const { list, details, skipped } = compileTrackerDb(db, { ...TRACKERDB_SOURCE, version });

const out = join(root, 'lib', 'generated');
mkdirSync(out, { recursive: true });
const catalog = companyCatalog(list, details);
// What ships: the matcher's compact index (service worker) and the company catalog in two files (pages).
const index = packTrackerIndex([list]);
// The worker checks the index's shape when it loads it; every entry is checked here, once, before it ships.
const problem = entryProblem(index);
if (problem) throw new Error(`tracker-lists: the packed index is inconsistent (${problem}); nothing written.`);
writeFileSync(join(out, 'tracker-index.json'), JSON.stringify(index));
writeFileSync(join(out, 'company-names.json'), JSON.stringify(catalog.names));
writeFileSync(join(out, 'company-details.json'), JSON.stringify(catalog.details));
// The list in full form, for tests and scripts (corpus generation, evaluation); no extension page imports it.
writeFileSync(join(out, 'tracker-list.json'), JSON.stringify(list));
rmSync(join(out, 'organization-details.json'), { force: true });
console.log(
  `tracker-lists: TrackerDB ${version} → ${list.organizations.length} organizations, ${list.patterns.length} patterns, ` +
    `${list.domains.length} domains, ${list.filters.length} filters (${skipped.length} skipped)`,
);
const reasons = new Map<string, string[]>();
for (const s of skipped) reasons.set(s.reason, [...(reasons.get(s.reason) ?? []), s.pattern]);
for (const [reason, patterns] of reasons)
  console.log(`  skipped ${patterns.length}: ${reason} (${[...new Set(patterns)].join(', ')})`);
