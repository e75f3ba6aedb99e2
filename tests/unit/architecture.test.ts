import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The import graph of lib/: no cycles, and each layer imports only from layers below it (the data flow of
// DESIGN.md: trackers → classify → disclose → storage → what reads storage → the message protocol → the worker's handlers).

const root = resolve(import.meta.dirname, '..', '..');
const lib = join(root, 'lib');

/** Layers, lowest first: a module may import its own folder or a lower layer. */
const LAYERS: string[][] = [
  ['trackers', 'generated', 'day.ts', 'alarms.ts', 'i18n.ts', 'settings.ts'],
  ['classify'],
  ['disclose'],
  // Consent signals decoded from what disclose unwrapped, and summarised; storage names their shapes.
  ['consent'],
  ['storage'],
  ['capture', 'export', 'graph', 'letters', 'classroom'],
  ['messages.ts'],
  // What the service worker runs: the handlers of the messages, the order of browser events.
  ['background'],
];

/**
 * Arrows allowed against the layers, each with its reason. The schema stores the letters' records, whose shape the
 * letters own (a module of types only, importing nothing): storage names them without depending on letters' code.
 */
const ALLOWED = new Set([
  'lib/storage/db.ts → lib/letters/types.ts',
  // The export carries those records (when the user includes their letters) and names their shape the same way.
  'lib/export/format.ts → lib/letters/types.ts',
]);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Every module a file imports from lib/ (static, type-only, re-exports and dynamic imports alike). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)'(\.[^']+)'/g)].map((m) => m[1] as string);
  return specifiers
    .map((s) => resolve(dirname(file), s.replace(/\?raw$/, '')))
    .filter((target) => target.startsWith(`${lib}/`) && /\.tsx?$/.test(target));
}

/** A lib/ path's top folder (or file, for the modules at lib/'s top). */
const unit = (file: string) => relative(lib, file).split('/')[0] as string;
const layerOf = (file: string) => LAYERS.findIndex((layer) => layer.includes(unit(file)));

const files = sources(lib);
const graph = new Map(files.map((f) => [f, importsOf(f)]));

describe('the import graph of lib/', () => {
  it('places every module in a layer', () => {
    const unplaced = files.filter((f) => layerOf(f) < 0).map((f) => relative(root, f));
    expect(unplaced, 'add their folder to LAYERS in this test, where the data flow puts it').toEqual([]);
  });

  it('has no arrow from a layer up to a higher one, or across to another folder of its layer', () => {
    const wrong: string[] = [];
    for (const [from, targets] of graph) {
      for (const to of targets) {
        if (unit(from) === unit(to)) continue;
        const arrow = `${relative(root, from)} → ${relative(root, to)}`;
        if (layerOf(to) >= layerOf(from) && !ALLOWED.has(arrow)) wrong.push(arrow);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('has no cycle, type-only imports included', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const path: string[] = [];
    const visit = (file: string) => {
      state.set(file, 'open');
      path.push(file);
      for (const next of graph.get(file) ?? []) {
        if (state.get(next) === 'open') {
          cycles.push([...path.slice(path.indexOf(next)), next].map((f) => relative(lib, f)).join(' → '));
        } else if (!state.has(next)) visit(next);
      }
      path.pop();
      state.set(file, 'done');
    };
    for (const file of files) if (!state.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });

  it('allows an exception only for a module of types that imports nothing from lib/', () => {
    for (const arrow of ALLOWED) {
      const target = join(root, arrow.split(' → ')[1] as string);
      expect(graph.get(target), arrow).toEqual([]);
    }
  });

  it('sees the imports it checks (a parser that found none would pass anything)', () => {
    expect(graph.get(join(lib, 'storage', 'db.ts'))).toContain(join(lib, 'storage', 'summaries.ts'));
    expect(graph.get(join(lib, 'storage', 'db.ts'))).toContain(join(lib, 'letters', 'types.ts'));
  });
});
