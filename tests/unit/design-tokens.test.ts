import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The design system's colours, read from assets/design.css as the pages get them, and held to WCAG 2.x contrast.
const css = readFileSync(join(import.meta.dirname, '..', '..', 'assets', 'design.css'), 'utf8').replace(
  /\/\*[\s\S]*?\*\//g,
  '',
);

/** The custom properties set in the first `:root { … }` block of `text`. */
function rootTokens(text: string): Record<string, string> {
  const block = /:root\s*\{([^}]*)\}/.exec(text)?.[1] ?? '';
  return Object.fromEntries([...block.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)].map((m) => [m[1], m[2]?.trim()]));
}

const darkAt = css.indexOf('@media (prefers-color-scheme: dark)');
const light = rootTokens(css.slice(0, darkAt));
const dark = { ...light, ...rootTokens(css.slice(darkAt)) };

function channels(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`Not a #rrggbb colour: ${hex}`);
  return [m[1], m[2], m[3]].map((c) => Number.parseInt(c ?? '', 16) / 255) as [number, number, number];
}

/** Relative luminance, WCAG 2.x. */
function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

const SURFACES = ['--bg', '--card'];
const NOTICES = ['--warn-bg', '--error-bg', '--ok-bg'];
const CATEGORIES = [
  '--cat-advertising',
  '--cat-analytics',
  '--cat-social',
  '--cat-interaction',
  '--cat-media',
  '--cat-consent',
  '--cat-hosting',
  '--cat-other',
];

describe.each([
  ['light', light],
  ['dark', dark],
])('design tokens in %s mode', (_scheme, tokens) => {
  const value = (name: string) => {
    const v = tokens[name];
    if (!v) throw new Error(`${name} is not set`);
    return v;
  };
  const pairs = (fgs: string[], bgs: string[]) => fgs.flatMap((f) => bgs.map((b) => [f, b] as const));

  it('the contrast check tells a failing pair from a passing one', () => {
    expect(contrast('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeLessThan(4.5);
  });

  it.each(pairs(['--fg', '--muted', '--accent', '--danger'], [...SURFACES, ...NOTICES]))(
    'text %s on %s reads at 4.5:1 or more',
    (fg, bg) => {
      expect(contrast(value(fg), value(bg))).toBeGreaterThanOrEqual(4.5);
    },
  );

  it('a primary button’s text reads at 4.5:1 on the accent', () => {
    expect(contrast(value('--accent-fg'), value('--accent'))).toBeGreaterThanOrEqual(4.5);
  });

  it.each(pairs([...CATEGORIES, '--site'], SURFACES))('%s stands out from %s at 3:1 (a graphical object)', (c, bg) => {
    expect(contrast(value(c), value(bg))).toBeGreaterThanOrEqual(3);
  });

  it('input borders (drawn in --muted) stand out from the page at 3:1', () => {
    for (const bg of SURFACES) expect(contrast(value('--muted'), value(bg))).toBeGreaterThanOrEqual(3);
  });

  it('the eight category hues are eight different colours, and none is the sites’ colour', () => {
    const hues = [...CATEGORIES, '--site'].map((c) => value(c).toLowerCase());
    expect(new Set(hues).size).toBe(9);
  });
});

describe('the type scale', () => {
  it('sets the base size on body, in px, from 14 px up (Chromium shrinks extension pages’ body to 75%)', () => {
    const px = (name: string) => Number.parseFloat(/^(\d+(?:\.\d+)?)px$/.exec(light[name] ?? '')?.[1] ?? 'NaN');
    expect(px('--text-sm')).toBeGreaterThanOrEqual(14);
    expect(px('--text-base')).toBeGreaterThanOrEqual(14);
    expect(px('--text-base')).toBeLessThanOrEqual(15);
    expect(px('--text-md')).toBeGreaterThan(px('--text-base'));
    expect(px('--text-lg')).toBeGreaterThan(px('--text-md'));
    expect(px('--text-xl')).toBeGreaterThan(px('--text-lg'));
    expect(/\nbody\s*\{[^}]*font-size:\s*var\(--text-base\)/.test(css)).toBe(true);
  });
});
