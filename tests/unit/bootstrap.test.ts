import { describe, expect, it } from 'vitest';
import { BROWSERS, type Machine, plan, prepare } from '../../scripts/bootstrap.mjs';

const DIR = '/clone';
const LOCK = `${DIR}/package-lock.json`;
const MODULES = `${DIR}/node_modules`;
const INSTALLED = `${DIR}/node_modules/.package-lock.json`;
const CHROMIUM = '/usr/bin/chromium';
const FIREFOX = '/usr/bin/firefox-esr';

interface Options {
  /** path → mtime (ms) of what exists */
  files: Record<string, number>;
  isRoot?: boolean;
  hasAptGet?: boolean;
  env?: Record<string, string>;
  /** what each command does to the machine, and its exit status; absent commands succeed and change nothing */
  effects?: Partial<Record<'apt-get install' | 'npm install', (files: Record<string, number>) => number>>;
}

/** A made-up machine: a file table that the injected commands change as the real ones would. */
function machine({ files, isRoot = true, hasAptGet = true, env = {}, effects = {} }: Options) {
  let clock = 1_000;
  const log: string[] = [];
  const m: Machine = {
    dir: DIR,
    mtime: (path) => files[path],
    env,
    isRoot,
    hasAptGet,
    run: (command, args) => effects[`${command} ${args[0]}` as keyof typeof effects]?.(files) ?? 0,
    touch: (path) => {
      files[path] = ++clock;
    },
    log: (line) => log.push(line),
  };
  return { m, files, log };
}

const npmInstalls =
  (status = 0) =>
  (files: Record<string, number>) => {
    if (status === 0) {
      files[LOCK] = 2_000;
      files[MODULES] = 2_000;
      files[INSTALLED] = 2_001;
    }
    return status;
  };
const aptInstallsBrowsers = (files: Record<string, number>) => {
  files[CHROMIUM] = 2_000;
  files[FIREFOX] = 2_000;
  return 0;
};

const noBrowser = { [LOCK]: 100, [MODULES]: 101, [INSTALLED]: 101 };
/** Firefox there, Chromium not. */
const noChromium = { ...noBrowser, [FIREFOX]: 50 };
const fresh = { ...noChromium, [CHROMIUM]: 50 };

describe('plan: npm packages', () => {
  it.each([
    ['missing node_modules (a fresh clone)', { [LOCK]: 100, [CHROMIUM]: 50, [FIREFOX]: 50 }, 'node_modules is missing'],
    [
      'node_modules without npm’s record (an interrupted install)',
      { [LOCK]: 100, [MODULES]: 90, [CHROMIUM]: 50, [FIREFOX]: 50 },
      'node_modules/.package-lock.json is missing (an unfinished install?)',
    ],
    [
      'a lockfile newer than the install (after a pull)',
      { ...fresh, [LOCK]: 200 },
      'node_modules is older than package-lock.json',
    ],
    ['an install newer than the lockfile', fresh, undefined],
    ['an install as old as the lockfile', { ...fresh, [INSTALLED]: 100 }, undefined],
  ])('%s', (_, files, expected) => {
    expect(plan(machine({ files }).m, 'npm test').npmInstall).toBe(expected);
  });
});

describe('plan: browsers', () => {
  it('installs nothing when Chromium is at /usr/bin/chromium and Firefox ESR at /usr/bin/firefox-esr', () => {
    expect(plan(machine({ files: fresh }).m, 'npm test')).toEqual({
      npmInstall: undefined,
      missing: [],
      refuse: undefined,
    });
  });

  it.each([
    ['/usr/bin/chromium-browser', {}],
    ['/opt/chromium/chrome', { CHROMIUM_PATH: '/opt/chromium/chrome' }],
  ])('finds Chromium at %s', (path, env) => {
    const files = { ...noChromium, [path]: 50 };
    expect(plan(machine({ files, env }).m, 'npm test').missing).toEqual([]);
  });

  it('does not count a CHROMIUM_PATH that names nothing', () => {
    const todo = plan(machine({ files: noChromium, env: { CHROMIUM_PATH: '/nowhere' } }).m, 'npm test');
    expect(todo.missing.map((b) => b.apt)).toEqual(['chromium']);
  });

  it('as root with apt-get: installs both browsers itself', () => {
    const todo = plan(machine({ files: { ...noBrowser } }).m, 'npm test');
    expect(todo.missing.map((b) => b.apt)).toEqual(['chromium', 'firefox-esr']);
    expect(todo.refuse).toBeUndefined();
  });

  it('not root: says in one line what to run', () => {
    const files = { [LOCK]: 100, [FIREFOX]: 50 };
    const todo = plan(machine({ files, isRoot: false }).m, 'npm run demo');
    expect(todo.refuse).toBe(
      'Chromium not found: run `sudo apt-get update && sudo apt-get install -y chromium` (or set CHROMIUM_PATH), then `npm run demo` again.',
    );
  });

  it('no apt-get, even as root: says to install it and set CHROMIUM_PATH', () => {
    const todo = plan(machine({ files: { [LOCK]: 100, [FIREFOX]: 50 }, hasAptGet: false }).m, 'npm test');
    expect(todo.refuse).toBe(
      'Chromium not found and this machine has no apt-get: install Chromium, set CHROMIUM_PATH to its binary, then run `npm test` again.',
    );
    const neither = plan(machine({ files: { [LOCK]: 100 }, hasAptGet: false }).m, 'npm test');
    expect(neither.refuse).toBe(
      'Chromium and Firefox ESR not found and this machine has no apt-get: install Chromium and Firefox ESR, set CHROMIUM_PATH and FIREFOX_PATH to their binaries, then run `npm test` again.',
    );
  });

  it('not root but Chromium present: nothing to refuse', () => {
    expect(plan(machine({ files: fresh, isRoot: false }).m, 'npm test').refuse).toBeUndefined();
  });

  it('names every missing browser in one apt-get line', () => {
    const { [FIREFOX]: _, ...noFirefox } = fresh;
    const todo = plan(machine({ files: noFirefox, isRoot: false }).m, 'npm test', BROWSERS);
    expect(todo.missing.map((b) => b.apt)).toEqual(['firefox-esr']);
    expect(todo.refuse).toBe(
      'Firefox ESR not found: run `sudo apt-get update && sudo apt-get install -y firefox-esr` (or set FIREFOX_PATH), then `npm test` again.',
    );
    const none = plan(machine({ files: { [LOCK]: 100 }, isRoot: false }).m, 'npm test', BROWSERS);
    expect(none.refuse).toContain('Chromium and Firefox ESR not found');
    expect(none.refuse).toContain('sudo apt-get install -y chromium firefox-esr');
  });
});

describe('prepare', () => {
  it('a fresh clone as root: ends with packages installed, both browsers present and nothing left to do', () => {
    const { m, files } = machine({
      files: { [LOCK]: 100 },
      effects: { 'apt-get install': aptInstallsBrowsers, 'npm install': npmInstalls() },
    });
    expect(prepare(m, 'npm test')).toBeUndefined();
    expect(files[CHROMIUM]).toBeDefined();
    expect(files[FIREFOX]).toBeDefined();
    expect(plan(m, 'npm test')).toEqual({ npmInstall: undefined, missing: [], refuse: undefined });
  });

  it('an up-to-date checkout changes nothing', () => {
    const { m, files } = machine({ files: { ...fresh } });
    expect(prepare(m, 'npm test')).toBeUndefined();
    expect(files).toEqual(fresh);
  });

  it('an npm that leaves its record older than the lockfile: marked up to date, so the next run installs nothing', () => {
    const { m } = machine({ files: { ...fresh, [LOCK]: 200 } });
    expect(prepare(m, 'npm test')).toBeUndefined();
    expect(plan(m, 'npm test').npmInstall).toBeUndefined();
  });

  it('not root and no Chromium: stops before installing anything', () => {
    const { m, files } = machine({
      files: { [LOCK]: 100, [FIREFOX]: 50 },
      isRoot: false,
      effects: { 'npm install': npmInstalls() },
    });
    expect(prepare(m, 'npm test')).toMatch(/^Chromium not found: run `sudo apt-get/);
    expect(files[MODULES]).toBeUndefined();
  });

  it('a failing npm install: says so, and the next run tries again', () => {
    const { m } = machine({
      files: { [LOCK]: 100, [CHROMIUM]: 50, [FIREFOX]: 50 },
      effects: { 'npm install': npmInstalls(1) },
    });
    expect(prepare(m, 'npm test')).toBe('npm install failed: see its output above, fix it, then run `npm test` again.');
    expect(plan(m, 'npm test').npmInstall).toBe('node_modules is missing');
  });

  it('a failing apt-get: says so', () => {
    const { m } = machine({ files: { ...noChromium }, effects: { 'apt-get install': () => 100 } });
    expect(prepare(m, 'npm run demo')).toBe(
      'apt-get could not install chromium: see its output above, then run `npm run demo` again.',
    );
  });

  it('an apt-get that succeeds without the binary appearing: says where it looked', () => {
    const { m } = machine({ files: { ...noChromium } });
    expect(prepare(m, 'npm test')).toBe(
      'apt-get installed chromium but /usr/bin/chromium is still missing: set CHROMIUM_PATH to the binary.',
    );
  });
});
