/**
 * Build step: compiles the pinned `date-holidays` into `lib/generated/holidays.json`, offline. Run by `npm run
 * trackers` (and so before every build and test run), after tracker-lists/.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Holidays from 'date-holidays';
import { CALENDARS, compileHolidays } from './compile.ts';

/** The years deadlines are computed for with holidays; a period ending later counts weekends only. */
export const FIRST_YEAR = 2024;
export const LAST_YEAR = 2035;

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const packageJson = join(dirname(createRequire(import.meta.url).resolve('date-holidays')), '..', 'package.json');
const { version } = JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string };
const pinned = (
  JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }
).devDependencies['date-holidays'];
if (pinned !== version)
  throw new Error(`date-holidays ${version} is installed but package.json pins ${pinned}: run npm install.`);

const table = compileHolidays(new Holidays(), version, FIRST_YEAR, LAST_YEAR);
const out = join(root, 'lib', 'generated');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'holidays.json'), JSON.stringify(table));
const days = Object.values(table.calendars)
  .flatMap((years) => Object.values(years))
  .reduce((n, d) => n + d.split(' ').filter(Boolean).length, 0);
console.log(
  `holiday-lists: date-holidays ${version} → ${CALENDARS.length} calendars, ${FIRST_YEAR}–${LAST_YEAR}, ${days} public holidays`,
);
