// @ts-check
/**
 * `npm test` and `npm run demo` start here: `node scripts/bootstrap.mjs scripts/test.ts [args…]`. It makes a fresh
 * clone ready, then runs the script with tsx. Plain Node with no dependencies, because on a fresh clone tsx (like
 * everything else in node_modules) is not there yet.
 *
 * - npm packages: `npm install --no-audit --no-fund` when node_modules is missing or older than package-lock.json
 *   (npm rewrites node_modules/.package-lock.json after every install, so its mtime says when it last matched).
 *   `npm ci` is not used: it fails on these machines, whose registry lacks other platforms' optional packages.
 * - browsers: `apt-get install` of the missing ones when running as root on a machine with apt-get; otherwise one
 *   line saying what to run, and exit 1.
 *
 * Contributors keep running `npm install` themselves; then this finds nothing to do.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync, utimesSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * @typedef {object} Browser
 * @property {string} name what the user reads
 * @property {string} apt Debian package
 * @property {string} env variable that names another binary
 * @property {string[]} paths where Debian's package puts it; the first one present is used
 */

/**
 * The browsers the tests and demo drive, found the way scripts/browser.ts finds Chromium and tests/firefox/firefox.ts
 * finds Firefox (the Firefox lane of `npm test`).
 * @type {Browser[]}
 */
export const BROWSERS = [
  {
    name: 'Chromium',
    apt: 'chromium',
    env: 'CHROMIUM_PATH',
    paths: ['/usr/bin/chromium', '/usr/bin/chromium-browser'],
  },
  {
    name: 'Firefox ESR',
    apt: 'firefox-esr',
    env: 'FIREFOX_PATH',
    paths: ['/usr/bin/firefox-esr', '/usr/bin/firefox'],
  },
];

export const NPM_INSTALL = ['install', '--no-audit', '--no-fund'];

/**
 * Everything the set-up reads from or does to the machine, so tests can pass a made-up one.
 * @typedef {object} Machine
 * @property {string} dir the project directory
 * @property {(path: string) => number | undefined} mtime modification time in ms, undefined when the path is absent
 * @property {Record<string, string | undefined>} env
 * @property {boolean} isRoot
 * @property {boolean} hasAptGet
 * @property {(command: string, args: string[], env?: Record<string, string>) => number} run exit status
 * @property {(path: string) => void} touch
 * @property {(line: string) => void} log
 */

/**
 * What the set-up will do.
 * @typedef {object} Plan
 * @property {string | undefined} npmInstall why npm install must run; undefined when node_modules is up to date
 * @property {Browser[]} missing browsers to install with apt-get
 * @property {string | undefined} refuse one line saying what to run, when this process cannot install them itself
 */

/**
 * Decides what a run needs before the script can start.
 * @param {Pick<Machine, 'dir' | 'mtime' | 'env' | 'isRoot' | 'hasAptGet'>} machine
 * @param {string} again the command to run again afterwards, for the message (`npm test`)
 * @param {Browser[]} [browsers]
 * @returns {Plan}
 */
export function plan(machine, again, browsers = BROWSERS) {
  const missing = browsers.filter((b) => browserPath(machine, b) === undefined);
  return { npmInstall: whyInstall(machine), missing, refuse: refusal(machine, missing, again) };
}

/**
 * @param {Pick<Machine, 'dir' | 'mtime'>} machine
 * @returns {string | undefined}
 */
function whyInstall({ dir, mtime }) {
  if (mtime(join(dir, 'node_modules')) === undefined) return 'node_modules is missing';
  const installed = mtime(join(dir, 'node_modules', '.package-lock.json'));
  if (installed === undefined) return 'node_modules/.package-lock.json is missing (an unfinished install?)';
  const locked = mtime(join(dir, 'package-lock.json'));
  if (locked !== undefined && installed < locked) return 'node_modules is older than package-lock.json';
  return undefined;
}

/**
 * @param {Pick<Machine, 'mtime' | 'env'>} machine
 * @param {Browser} browser
 * @returns {string | undefined}
 */
export function browserPath({ mtime, env }, browser) {
  const override = env[browser.env];
  const candidates = override ? [override, ...browser.paths] : browser.paths;
  return candidates.find((p) => mtime(p) !== undefined);
}

/**
 * @param {Pick<Machine, 'isRoot' | 'hasAptGet'>} machine
 * @param {Browser[]} missing
 * @param {string} again
 * @returns {string | undefined}
 */
function refusal({ isRoot, hasAptGet }, missing, again) {
  if (missing.length === 0 || (isRoot && hasAptGet)) return undefined;
  const names = missing.map((b) => b.name).join(' and ');
  const vars = missing.map((b) => b.env).join(' and ');
  if (!hasAptGet) {
    const binary = missing.length > 1 ? 'their binaries' : 'its binary';
    return `${names} not found and this machine has no apt-get: install ${names}, set ${vars} to ${binary}, then run \`${again}\` again.`;
  }
  const packages = missing.map((b) => b.apt).join(' ');
  return `${names} not found: run \`sudo apt-get update && sudo apt-get install -y ${packages}\` (or set ${vars}), then \`${again}\` again.`;
}

/**
 * Carries out the plan. Returns undefined when the script can start, or the one line to print when it cannot.
 * @param {Machine} machine
 * @param {string} again
 * @param {Browser[]} [browsers]
 * @returns {string | undefined}
 */
export function prepare(machine, again, browsers = BROWSERS) {
  const todo = plan(machine, again, browsers);
  if (todo.refuse) return todo.refuse;
  if (todo.missing.length) {
    const packages = todo.missing.map((b) => b.apt);
    machine.log(`▶ ${todo.missing.map((b) => b.name).join(' and ')} not found: apt-get install ${packages.join(' ')}`);
    const noninteractive = { DEBIAN_FRONTEND: 'noninteractive' };
    if (
      machine.run('apt-get', ['update', '-q'], noninteractive) !== 0 ||
      machine.run('apt-get', ['install', '-y', '-q', ...packages], noninteractive) !== 0
    ) {
      return `apt-get could not install ${packages.join(' ')}: see its output above, then run \`${again}\` again.`;
    }
    const still = todo.missing.filter((b) => browserPath(machine, b) === undefined);
    if (still.length) {
      return `apt-get installed ${packages.join(' ')} but ${still.map((b) => b.paths[0]).join(' and ')} is still missing: set ${still.map((b) => b.env).join(' and ')} to the binary.`;
    }
  }
  if (todo.npmInstall) {
    machine.log(`▶ ${todo.npmInstall}: npm ${NPM_INSTALL.join(' ')}`);
    if (machine.run('npm', NPM_INSTALL) !== 0) {
      return `npm install failed: see its output above, fix it, then run \`${again}\` again.`;
    }
    // node_modules now matches the lockfile. Should an npm leave its own record untouched, mark it here, or every
    // later run would install again.
    if (whyInstall(machine)) machine.touch(join(machine.dir, 'node_modules', '.package-lock.json'));
  }
  return undefined;
}

/**
 * This machine, for real.
 * @param {string} dir
 * @returns {Machine}
 */
function thisMachine(dir) {
  const pathDirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  return {
    dir,
    mtime: (path) => (existsSync(path) ? statSync(path).mtimeMs : undefined),
    env: process.env,
    isRoot: process.getuid?.() === 0,
    hasAptGet: pathDirs.some((d) => existsSync(join(d, 'apt-get'))),
    run: (command, args, env) => {
      // Under `npm run`, npm_execpath is the npm that started us: use the same one.
      const npm = process.env.npm_execpath;
      const [file, argv] = command === 'npm' && npm ? [process.execPath, [npm, ...args]] : [command, args];
      const result = spawnSync(file, argv, { cwd: dir, stdio: 'inherit', env: { ...process.env, ...env } });
      if (result.error) console.error(`${command}: ${result.error.message}`);
      return result.status ?? 1;
    },
    touch: (path) => {
      const now = new Date();
      utimesSync(path, now, now);
    },
    log: (line) => console.log(line),
  };
}

/**
 * Runs the script with tsx and ends as it ends. Ctrl+C reaches both processes (one terminal process group): this one
 * waits for the script to finish its own clean-up (the demo closes its browser) rather than dying first.
 * @param {string} dir
 * @param {string} script
 * @param {string[]} args
 */
function runScript(dir, script, args) {
  const child = spawn(join(dir, 'node_modules', '.bin', 'tsx'), [script, ...args], { cwd: dir, stdio: 'inherit' });
  const ignore = () => {};
  /** @param {NodeJS.Signals} signal */
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', ignore);
  process.on('SIGTERM', forward);
  process.on('SIGHUP', forward);
  child.on('error', (error) => {
    console.error(`could not start tsx: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    process.off('SIGINT', ignore);
    process.off('SIGTERM', forward);
    process.off('SIGHUP', forward);
    if (signal) process.kill(process.pid, signal);
    else process.exit(code ?? 1);
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [script, ...args] = process.argv.slice(2);
  if (!script) {
    console.error('usage: node scripts/bootstrap.mjs <script.ts> [args…]');
    process.exit(2);
  }
  const dir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const event = process.env.npm_lifecycle_event;
  const again = event === 'test' ? 'npm test' : event ? `npm run ${event}` : `node scripts/bootstrap.mjs ${script}`;
  const problem = prepare(thisMachine(dir), again);
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
  runScript(dir, script, args);
}
