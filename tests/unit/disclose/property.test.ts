/**
 * Every entry point of the decoder, driven with hostile input: deep nesting, long repetitions, broken encodings
 * (percent, UTF-8, base64, gzip and deflate streams), compression bombs. Whatever a page sends, nothing throws or
 * rejects, and what comes out is bounded. (How long each takes is the benchmark's: `npm run bench -- --hostile`.)
 */
import { deflateSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RawBody } from '../../../lib/classify/request-details.ts';
import {
  type DecodeInput,
  decodeRequest,
  displayValue,
  keptAddress,
  storedFindings,
} from '../../../lib/disclose/decode.ts';
import { DATA_KINDS } from '../../../lib/disclose/kinds.ts';
import { maskAddress, maskPath } from '../../../lib/disclose/mask.ts';
import {
  MAX_NAME_CHARS,
  MAX_PARAMETERS,
  MAX_QUERY_CHARS,
  MAX_REQUEST_CHARS,
  type Parameter,
  readBody,
} from '../../../lib/disclose/params.ts';
import { classifyParameter } from '../../../lib/disclose/rules.ts';

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
const base64ish = fc.oneof(
  hostileText.map((t) => Buffer.from(t).toString('base64')),
  hostileText.map((t) => `eyJ${Buffer.from(t).toString('base64url')}`),
  hostileText.map((t) => `eyJ${t}`),
);
const anyText = fc.oneof({ weight: 4, arbitrary: hostileText }, base64ish);

const bytesOf = (b: Uint8Array): ArrayBuffer =>
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
const body = fc.oneof(rawBody, formBody, fc.constant(undefined));

const name = fc.oneof(fc.constantFrom('q', 'uid', 'email', 'dl', 'ev', 'user.id', 'body', 'path', 'e[0].x'), anyText);
const query = fc
  .array(fc.tuple(name, anyText), { maxLength: 12 })
  .map((pairs) => pairs.map(([n, v]) => `${n}=${v}`).join('&'));
const pathText = fc.array(fc.oneof(anyText, base64ish), { maxLength: 6 }).map((segments) => segments.join('/'));
const PAGE = 'https://news.example/world/article?q=weather+berlin';
const url = fc
  .tuple(
    fc.constantFrom('https://t.example/', 'https://in.hotjar.com/', 'http://[::1]/', 'https://x/'),
    pathText,
    query,
  )
  .map(([origin, path, q]) => `${origin}${path}?${q}`);
const input: fc.Arbitrary<DecodeInput> = fc.record(
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

const RUNS = { numRuns: 150 };

describe('the decoder, on hostile input', () => {
  it('decodeRequest never throws or rejects, and its output is bounded', async () => {
    await fc.assert(
      fc.asyncProperty(input, async (request) => {
        const result = await decodeRequest(request);
        expect(result.parameters.length).toBeLessThanOrEqual(60);
        // At most two findings a parameter, and one each for the Referer (two), the cookies and a recording.
        expect(result.findings.length).toBeLessThanOrEqual(2 * MAX_PARAMETERS + 4);
        for (const p of result.parameters) {
          expect(p.value.length).toBeLessThanOrEqual(MAX_REQUEST_CHARS);
          expect(p.name.length).toBeLessThanOrEqual(MAX_NAME_CHARS);
        }
        // A finding's value is what a parameter carried, or the page's own search (as long as the page's address).
        const longest = Math.max(MAX_REQUEST_CHARS, request.pageUrl?.length ?? 0);
        for (const f of result.findings) {
          expect(DATA_KINDS).toContain(f.kind);
          expect(f.value.length).toBeLessThanOrEqual(longest);
        }
        const stored = storedFindings(result.findings);
        expect(stored.length).toBeLessThanOrEqual(12);
        for (const f of stored) {
          expect(f.value.length).toBeLessThanOrEqual(80);
          expect(f.name.length).toBeLessThanOrEqual(80);
          expect(f.detail?.length ?? 0).toBeLessThanOrEqual(120);
        }
      }),
      RUNS,
    );
  });

  it('readBody never throws or rejects, and reads no more than its bounds', async () => {
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const { parameters } = await readBody(b);
        expect(parameters.length).toBeLessThanOrEqual(MAX_PARAMETERS);
        for (const p of parameters) {
          expect(p.source).toBe('body');
          expect(p.value.length).toBeLessThanOrEqual(MAX_REQUEST_CHARS);
          expect(p.name.length).toBeLessThanOrEqual(MAX_NAME_CHARS);
        }
      }),
      RUNS,
    );
  });

  it('classifyParameter never throws, and finds at most two kinds in one parameter', () => {
    const parameter: fc.Arbitrary<Parameter> = fc.record(
      {
        source: fc.constantFrom('url', 'referer', 'body', 'cookie'),
        name,
        value: anyText,
        container: fc.constant(true as const),
      },
      { requiredKeys: ['source', 'name', 'value'] },
    );
    const page = fc.record(
      { url: fc.oneof(fc.constant(PAGE), anyText), searchTerms: fc.oneof(fc.constant('weather berlin'), anyText) },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(parameter, page, (p, context) => {
        const found = classifyParameter(p, context);
        expect(found.length).toBeLessThanOrEqual(2);
        for (const f of found)
          expect(f.value.length).toBeLessThanOrEqual(Math.max(p.value.length, context.searchTerms?.length ?? 0));
      }),
      RUNS,
    );
  });

  it('maskAddress, maskPath, keptAddress and displayValue never throw, and stay in proportion to their input', () => {
    const address = fc.oneof(
      url,
      anyText,
      anyText.map((t) => `${PAGE}&${t}`),
      url.map((u) => `${u}…`),
    );
    fc.assert(
      fc.property(address, fc.constantFrom(...DATA_KINDS), (a, kind) => {
        const masked = maskAddress(a);
        if (masked !== undefined) {
          expect(masked).toMatch(/^https?:\/\//);
          // Percent-encoding (at most nine characters for one) and ":id" for a one-character "@" segment.
          expect(masked.length).toBeLessThanOrEqual(9 * a.length + 32);
        }
        expect(maskPath(a).length).toBeLessThanOrEqual(3 * a.length + 3);
        expect(keptAddress(a).length).toBeLessThanOrEqual(9 * Math.min(a.length, 2049) + 32);
        expect(displayValue({ kind, value: a }).length).toBeLessThanOrEqual(80);
      }),
      RUNS,
    );
  });

  it('reads under every bound what it is given in full (the bounds cut only what is beyond them)', async () => {
    // A counterweight to the bounds: an ordinary request, however it is wrapped, is read whole.
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('plain', 'gzip', 'deflate'),
        fc.integer({ min: 0, max: MAX_QUERY_CHARS }),
        async (wrapping, pad) => {
          const text = `pad=${'x'.repeat(pad)}&email=jane.doe%40example.com`;
          const raw =
            wrapping === 'gzip' ? gzipSync(text) : wrapping === 'deflate' ? deflateSync(text) : Buffer.from(text);
          const result = await decodeRequest({
            url: 'https://t.example/c',
            method: 'POST',
            body: { raw: [{ bytes: bytesOf(raw) }] },
          });
          expect(result.kinds).toEqual(['email']);
          expect(result.truncated).toBeUndefined();
        },
      ),
      { numRuns: 30 },
    );
  });
});
