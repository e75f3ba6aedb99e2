import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Measurement is the bench's (scripts/bench-chromium.ts loads `wxt build --mode bench`); the builds users install
// must not carry any of it. The bench build (made by `npm test` before the suites run) is the control: the strings
// searched for must be found where they belong, or their absence from the shipped builds would prove nothing.

const root = resolve(import.meta.dirname ?? '.', '..', '..');
const output = join(root, '.output');

/** What only the bench probe and the old instrumentation wrote: the timings' names, its message, the old status line. */
const INSTRUMENTATION = [
  'bench/timings',
  'scriptStartMs',
  'mainStartMs',
  'listenersReadyMs',
  'indexReadyMs',
  'exposureMs',
  'batchSizes',
  'recentExposures',
  'optionsStartup',
  'Background ready in',
];

/** The text of every script, page and message file of a build. */
function builtText(dir: string): string {
  if (!existsSync(join(dir, 'manifest.json')))
    throw new Error(
      `No build at ${dir}: run \`npm test\`, or \`npx wxt build\`, \`npx wxt build -b firefox\` and \`npx wxt build --mode bench\`.`,
    );
  const texts: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(js|html|json)$/.test(entry.name)) texts.push(readFileSync(path, 'utf8'));
    }
  };
  walk(dir);
  return texts.join('\n');
}

const found = (text: string) => INSTRUMENTATION.filter((s) => text.includes(s));

describe('shipped builds', () => {
  it.each([['chrome-mv3'], ['firefox-mv2']])('%s carries no bench instrumentation', (dir) => {
    expect(found(builtText(join(output, dir)))).toEqual([]);
  });

  // The pseudo-locale (its marker, its code) is in `wxt build --mode pseudo` only.
  it.each([['chrome-mv3'], ['firefox-mv2']])('%s carries no pseudo-locale', (dir) => {
    const text = builtText(join(output, dir));
    expect(['⟦', 'en_XA'].filter((s) => text.includes(s))).toEqual([]);
  });

  // Firefox alone can read a host's canonical name from its DNS cache (CNAME uncloaking); Chromium has no `dns` API,
  // and its manifest asks for nothing it cannot use.
  it.each([
    ['chrome-mv3', false],
    ['firefox-mv2', true],
    ['firefox-mv3', true],
  ])('%s asks for the dns permission: %s', (dir, asks) => {
    const manifest = JSON.parse(readFileSync(join(output, dir, 'manifest.json'), 'utf8')) as { permissions: string[] };
    expect(manifest.permissions.includes('dns')).toBe(asks);
    expect(manifest.permissions).toEqual(expect.arrayContaining(['webRequest', 'storage', 'tabs', 'cookies']));
  });

  it('while the pseudo-locale build has it', () => {
    const text = builtText(join(output, 'chrome-mv3-pseudo'));
    expect(['⟦', 'en_XA'].filter((s) => text.includes(s))).toEqual(['⟦', 'en_XA']);
  });

  it('while the bench build has its probe', () => {
    expect(found(builtText(join(output, 'chrome-mv3-bench')))).toEqual([
      'bench/timings',
      'scriptStartMs',
      'mainStartMs',
      'listenersReadyMs',
      'indexReadyMs',
      'exposureMs',
    ]);
  });
});
