/**
 * `npm test`: every check, in order, on a fresh machine — compile the tracker data, type-check, lint, build for
 * Chromium and Firefox (MV2 and MV3), lint the Firefox builds as addons.mozilla.org does, then the unit and
 * end-to-end suites (vitest, real Chromium), then the Firefox lane (vitest, real Firefox ESR) on its own, after them.
 * Prints `N passed, N failed` as its last line (each check counts as one, each vitest test as one) and exits non-zero
 * if anything failed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { lintFirefoxBuild } from './firefox-lint.ts';

const root = resolve(import.meta.dirname ?? '.', '..');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
let passed = 0;
let failed = 0;
const failures: string[] = [];

function step(name: string, command: string, args: string[]): boolean {
  return check(name, () => spawnSync(command, args, { cwd: root, stdio: 'inherit' }).status === 0);
}

function check(name: string, run: () => boolean): boolean {
  console.log(`\n▶ ${name}`);
  const ok = run();
  if (ok) passed++;
  else {
    failed++;
    failures.push(name);
  }
  return ok;
}

const compiled =
  step('compile tracker data', bin('tsx'), ['tracker-lists/cli.ts']) &&
  step('compile public holidays', bin('tsx'), ['holiday-lists/cli.ts']);
step('type-check (tsc --noEmit)', bin('tsc'), ['--noEmit']);
step('lint and format (biome check)', bin('biome'), ['check', '.']);
// Firefox: the MV2 build that is published, and an MV3 build that the Firefox lane tests too. Each is linted as
// addons.mozilla.org lints an upload.
let firefoxBuilt = true;
for (const [build, flags] of [
  ['firefox-mv2', []],
  ['firefox-mv3', ['--mv3']],
] as const) {
  const ok = step(`build for Firefox (${['wxt build -b firefox', ...flags].join(' ')})`, bin('wxt'), [
    'build',
    '-b',
    'firefox',
    ...flags,
  ]);
  firefoxBuilt &&= ok;
  if (ok) {
    check(`lint ${build} (addons-linter: 0 errors, no warning from our code)`, () =>
      lintFirefoxBuild(root, join(root, '.output', build)),
    );
  } else {
    failed++;
    failures.push(`${build} not linted: its build failed`);
  }
}
// The bench's variant, into .output/chrome-mv3-bench: tests/e2e/shipped-build.e2e.ts compares the shipped builds to it.
step('build the bench variant (wxt build --mode bench)', bin('wxt'), ['build', '--mode', 'bench']);
// The pseudo-locale's variant, into .output/chrome-mv3-pseudo: tests/e2e/pseudo-locale.e2e.ts looks at every screen in it.
step('build the pseudo-locale variant (wxt build --mode pseudo)', bin('wxt'), ['build', '--mode', 'pseudo']);
// Built last, so the end-to-end tests load the Chromium build.
const built = compiled && step('build for Chromium (wxt build)', bin('wxt'), ['build']);

mkdirSync(join(root, 'test-results'), { recursive: true });

/** Runs vitest with `args` and adds its tests to the counts; `label` names the run in failures. */
function vitest(label: string, file: string, args: string[]) {
  const report = join(root, 'test-results', file);
  rmSync(report, { force: true });
  console.log(`\n▶ ${label} (vitest)`);
  spawnSync(bin('vitest'), ['run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], {
    cwd: root,
    stdio: 'inherit',
  });
  if (!existsSync(report)) {
    failed++;
    failures.push(`${label}: vitest wrote no report`);
    return;
  }
  const r = JSON.parse(readFileSync(report, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numTotalTests: number;
    testResults: {
      name: string;
      status: string;
      message?: string;
      assertionResults?: { fullName: string; status: string }[];
    }[];
  };
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  for (const f of r.testResults) {
    for (const t of f.assertionResults ?? []) {
      if (t.status === 'failed') failures.push(`${label}: ${t.fullName} (${f.name.replace(`${root}/`, '')})`);
    }
  }
  // A suite that fails to load has no failed test but must not pass; nor may a run with no tests.
  const broken = r.testResults.filter((f) => f.status === 'failed' && f.message);
  for (const f of broken) failures.push(`suite ${f.name}: ${f.message?.split('\n')[0]}`);
  failed += broken.length;
  if (r.numTotalTests === 0) {
    failed++;
    failures.push(`${label}: vitest ran no test`);
  }
}

if (built) vitest('unit and end-to-end tests', 'vitest.json', ['--project', 'unit', '--project', 'e2e']);
else {
  failed++;
  failures.push('tests not run: the build failed');
}
// Serially after the Chromium tests: two browsers at once would slow both on a small machine.
if (compiled && firefoxBuilt) vitest('Firefox ESR lane', 'vitest-firefox.json', ['--project', 'firefox']);
else {
  failed++;
  failures.push('Firefox lane not run: the Firefox build failed');
}

if (failures.length) console.log(`\nFailed:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
