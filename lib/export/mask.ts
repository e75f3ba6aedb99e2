import { maskSegment } from '../disclose/mask.ts';
import { VALUE_SHAPES, type ValueShape } from './format.ts';

/**
 * What an export may keep of a word or a value (addresses and paths: lib/disclose/mask.ts): pure functions, no
 * state. docs/export-format.md states the rules in prose; tests/unit/export/mask.test.ts holds the table.
 */

/** Free text (a cookie list, an event name) with each word that looks like an identifier masked. */
export function maskWords(text: string): string {
  return text
    .split(/(\s+|,\s*)/)
    .map((word) => (/^(\s+|,\s*)$/.test(word) || !word ? word : maskSegment(word)))
    .join('');
}

/**
 * What an imported version 2 finding stores in place of the value the file does not hold: its shape, `‹digits›`,
 * which `valueShape` reads back, so exporting it again writes the same finding.
 */
export const shapeMarker = (shape: ValueShape): string => `‹${shape}›`;

/**
 * What a value looked like, without a character of it: `email`, `address` (http or https), `digits`, `hex`, `token`
 * (letters, digits and `-_.+/=`, as ids and base64 are), `text` for anything else, `empty`. Judged on the value as
 * stored, which may already be shortened (its `…` is not counted).
 */
export function valueShape(value: string): ValueShape {
  const marked = /^‹([a-z]+)›$/.exec(value)?.[1];
  if (marked && (VALUE_SHAPES as readonly string[]).includes(marked)) return marked as ValueShape;
  const v = value.replace(/…/g, '');
  if (!v) return 'empty';
  if (/^https?:\/\//i.test(v)) return 'address';
  if (/^[^\s@]*@[^\s@]+$/.test(v)) return 'email';
  if (/^\d+$/.test(v)) return 'digits';
  if (/^[0-9a-f]+$/i.test(v)) return 'hex';
  if (/^[A-Za-z0-9._+/=-]+$/.test(v)) return 'token';
  return 'text';
}
