import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CompiledTrackerList } from '../../lib/trackers/format.ts';
import { parseTrackerList } from '../../lib/trackers/load.ts';
import type { MatchInput } from '../../lib/trackers/matcher.ts';
import { compileTrackerDb, type TrackerDbJson } from '../../tracker-lists/compile.ts';
import { TRACKERDB_SOURCE } from '../../tracker-lists/sources.ts';

const root = join(import.meta.dirname, '..', '..');

/** The small TrackerDB-shaped list the project writes itself (tests/fixtures/trackerdb-mini.json). */
export function miniTrackerDb(): TrackerDbJson {
  return JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'trackerdb-mini.json'), 'utf8')) as TrackerDbJson;
}

export function compiledMiniList(): CompiledTrackerList {
  return compileTrackerDb(miniTrackerDb(), { ...TRACKERDB_SOURCE, version: 'fixture' }).list;
}

/** The real compiled TrackerDB, as the build writes it (`npm run trackers` runs before the tests). */
export function realTrackerList(): CompiledTrackerList {
  return parseTrackerList(readFileSync(join(root, 'lib', 'generated', 'tracker-list.json'), 'utf8'));
}

/** What the matcher is asked about an image request from a news page, with any field changed. */
export function matchInput(url: string, extra: Partial<MatchInput> = {}): MatchInput {
  return {
    url,
    hostname: new URL(url).hostname,
    type: 'image',
    thirdParty: true,
    pageHostname: 'www.news.example',
    ...extra,
  };
}
