/**
 * Generators of hostile input for the decoder: deep nesting, long repetitions, broken encodings (percent, UTF-8,
 * base64, gzip and deflate streams), compression bombs. Shared by property.test.ts (nothing throws, the output is
 * bounded) and `npm run bench -- --hostile` (a seeded sample of them is part of the adversarial corpus).
 */
import { deflateSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import type { RawBody } from '../../../lib/classify/request-details.ts';
import type { DecodeInput } from '../../../lib/disclose/decode.ts';

/** Pieces that open, close, escape or pair things in the formats the decoder reads. */
const PIECES = [
  '[',
  ']',
  '{"a":',
  '{',
  '}',
  '"',
  '\\',
  ',',
  ':',
  '%',
  '%E0%A4%A',
  '%ZZ',
  '%C0%80',
  '&',
  '=',
  'a=',
  'a=1&',
  ' x',
  '+',
  'e',
  'W',
  'eyJ',
  'W3s',
  '==',
  '-_',
  '"scroll",',
  '"type":3,"data":{"source":1}',
  '.',
  '@',
  'a.',
  'a@b.',
  '1',
  '1.',
  'aB3',
  'Mozilla/5.0 (',
  '\n',
  '\r\n',
  '\t',
  '/',
  '?',
  '#',
  'https://',
  'https://news.example/world/',
  '…',
  '\u{1F600}',
  '\uD800',
  '\u0000',
];

const piece = fc.oneof(
  fc.constantFrom(...PIECES),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
);
/** One piece many times: long runs, repetitions, what backtracking and quadratic scans feed on. */
const run = fc
  .tuple(piece, fc.integer({ min: 1, max: 20_000 }))
  .map(([p, n]) => p.repeat(Math.min(n, 200_000 / Math.max(1, p.length))));
/** Arrays or objects nested up to 20,000 deep, around something. */
const nesting = fc
  .tuple(fc.constantFrom('array', 'object', 'mixed'), fc.integer({ min: 1, max: 20_000 }), piece)
  .map(([kind, depth, inner]) =>
    kind === 'array'
      ? `${'['.repeat(depth)}${JSON.stringify(inner)}${']'.repeat(depth)}`
      : kind === 'object'
        ? `${'{"a":'.repeat(depth)}${JSON.stringify(inner)}${'}'.repeat(depth)}`
        : `${'[{"a":'.repeat(depth)}1${'}]'.repeat(depth)}`,
  );
/** Text made of any of those, a few at a time. */
const hostileText = fc
  .array(fc.oneof({ weight: 3, arbitrary: piece }, run, nesting), { maxLength: 6 })
  .map((parts) => parts.join(''));
/** The same, as base64 (and broken base64: a valid start and anything after it). */
export const base64ish = fc.oneof(
  hostileText.map((t) => Buffer.from(t).toString('base64')),
  hostileText.map((t) => `eyJ${Buffer.from(t).toString('base64url')}`),
  hostileText.map((t) => `eyJ${t}`),
);
export const anyText = fc.oneof({ weight: 4, arbitrary: hostileText }, base64ish);

export const bytesOf = (b: Uint8Array): ArrayBuffer =>
  b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

/** Raw bodies: text, random bytes, gzip and deflate streams (whole, cut short, or bombs), in one or more parts. */
const compressed = fc
  .tuple(
    fc.constantFrom('gzip', 'deflate'),
    fc.oneof(
      anyText,
      // A bomb: megabytes of one character (or of a JSON/form shape) in a few kilobytes.
      fc
        .tuple(fc.integer({ min: 1, max: 8 }), fc.constantFrom('a', '[', '{"a":', 'a=1&', '\n'))
        .map(([mb, p]) => p.repeat(Math.ceil((mb * 1024 * 1024) / p.length))),
    ),
    fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
  )
  .map(([format, text, cut]) => {
    const whole = format === 'gzip' ? gzipSync(text) : deflateSync(text);
    return cut === null ? whole : whole.subarray(0, Math.floor(whole.length * cut));
  });
const rawBytes = fc.oneof(
  anyText.map((t) => new TextEncoder().encode(t)),
  fc.uint8Array({ maxLength: 4096 }),
  fc.uint8Array({ maxLength: 64 }).map((b) => new Uint8Array([0x1f, 0x8b, ...b])),
  fc.uint8Array({ maxLength: 64 }).map((b) => new Uint8Array([0x78, 0x9c, ...b])),
  compressed,
);
const rawBody: fc.Arbitrary<RawBody> = fc.tuple(rawBytes, fc.integer({ min: 1, max: 4 })).map(([bytes, parts]) => {
  const size = Math.ceil(bytes.length / parts);
  return {
    raw: Array.from({ length: parts }, (_, i) => ({ bytes: bytesOf(bytes.subarray(i * size, (i + 1) * size)) })),
  };
});
const formBody: fc.Arbitrary<RawBody> = fc
  .array(fc.tuple(anyText, fc.array(anyText, { minLength: 1, maxLength: 3 })), { maxLength: 8 })
  .map((fields) => ({ formData: Object.fromEntries(fields) }));
export const body = fc.oneof(rawBody, formBody, fc.constant(undefined));

export const name = fc.oneof(
  fc.constantFrom('q', 'uid', 'email', 'dl', 'ev', 'user.id', 'body', 'path', 'e[0].x'),
  anyText,
);
const query = fc
  .array(fc.tuple(name, anyText), { maxLength: 12 })
  .map((pairs) => pairs.map(([n, v]) => `${n}=${v}`).join('&'));
const pathText = fc.array(fc.oneof(anyText, base64ish), { maxLength: 6 }).map((segments) => segments.join('/'));
export const PAGE = 'https://news.example/world/article?q=weather+berlin';
export const url = fc
  .tuple(
    fc.constantFrom('https://t.example/', 'https://in.hotjar.com/', 'http://[::1]/', 'https://x/'),
    pathText,
    query,
  )
  .map(([origin, path, q]) => `${origin}${path}?${q}`);
export const input: fc.Arbitrary<DecodeInput> = fc.record(
  {
    url: fc.oneof({ weight: 4, arbitrary: url }, anyText),
    method: fc.constantFrom('GET', 'POST'),
    pageUrl: fc.oneof(
      fc.constant(PAGE),
      anyText.map((t) => `${PAGE}&p=${t}`),
      anyText,
    ),
    referer: fc.oneof(
      anyText.map((t) => `${PAGE}&r=${t}`),
      anyText,
    ),
    cookieNames: fc.oneof(
      fc.array(anyText, { maxLength: 20 }),
      fc.integer({ min: 0, max: 50_000 }).map((n) => Array.from({ length: n }, (_, i) => `c${i}`)),
    ),
    body,
  },
  { requiredKeys: ['url', 'method'] },
);
