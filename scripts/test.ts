/**
 * `npm test`: every check, in order, on a fresh machine — compile the tracker data, type-check, lint, build for
 * Chromium and Firefox, then the unit and end-to-end suites (vitest, real Chromium). Prints `N passed, N failed` as
 * its last line (each check counts as one, each vitest test as one) and exits non-zero if anything failed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname ?? '.', '..');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
let passed = 0;
let failed = 0;
const failures: string[] = [];

function step(name: string, command: string, args: string[]): boolean {
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  const ok = result.status === 0;
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
step('build for Firefox (wxt build -b firefox)', bin('wxt'), ['build', '-b', 'firefox']);
// The bench's variant, into .output/chrome-mv3-bench: tests/e2e/shipped-build.e2e.ts compares the shipped builds to it.
step('build the bench variant (wxt build --mode bench)', bin('wxt'), ['build', '--mode', 'bench']);
// The pseudo-locale's variant, into .output/chrome-mv3-pseudo: tests/e2e/pseudo-locale.e2e.ts looks at every screen in it.
step('build the pseudo-locale variant (wxt build --mode pseudo)', bin('wxt'), ['build', '--mode', 'pseudo']);
// Built last, so the end-to-end tests load the Chromium build.
const built = compiled && step('build for Chromium (wxt build)', bin('wxt'), ['build']);

const report = join(root, 'test-results', 'vitest.json');
mkdirSync(join(root, 'test-results'), { recursive: true });
rmSync(report, { force: true });
if (built) {
  console.log('\n▶ unit and end-to-end tests (vitest)');
  spawnSync(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], {
    cwd: root,
    stdio: 'inherit',
  });
  if (existsSync(report)) {
    const r = JSON.parse(readFileSync(report, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
      numTotalTests: number;
      testResults: { name: string; status: string; message?: string }[];
    };
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    // A suite that fails to load has no failed test but must not pass; nor may a run with no tests.
    const broken = r.testResults.filter((f) => f.status === 'failed' && f.message);
    for (const f of broken) failures.push(`suite ${f.name}: ${f.message?.split('\n')[0]}`);
    failed += broken.length;
    if (r.numTotalTests === 0) {
      failed++;
      failures.push('vitest ran no test');
    }
  } else {
    failed++;
    failures.push('vitest wrote no report');
  }
} else {
  failed++;
  failures.push('tests not run: the build failed');
}

if (failures.length) console.log(`\nFailed:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
