/**
 * Every entry point of the decoder, driven with hostile input: deep nesting, long repetitions, broken encodings
 * (percent, UTF-8, base64, gzip and deflate streams), compression bombs. Whatever a page sends, nothing throws or
 * rejects, and what comes out is bounded. (How long each takes is the benchmark's: `npm run bench -- --hostile`.)
 */
import { deflateSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeRequest, displayValue, keptAddress, storedFindings } from '../../../lib/disclose/decode.ts';
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
import { anyText, body, bytesOf, input, name, PAGE, url } from './hostile-generators.ts';

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
