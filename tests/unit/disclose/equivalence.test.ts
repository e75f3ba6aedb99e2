import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cookieNames } from '../../../lib/capture/pending.ts';
import { decode, textParameters } from '../../../lib/disclose/params.ts';
import { leafName, looksRandom } from '../../../lib/disclose/rules.ts';

// The decoder's fast paths stand in for simpler code; each must give the same answer on any input.
describe('fast paths answer as the plain code did', () => {
  const text = (chars: string, maxLength = 24) =>
    fc.array(fc.constantFrom(...chars.split('')), { maxLength }).map((a) => a.join(''));

  it('leafName: the last non-empty segment between ".", "[" and "]"', () => {
    fc.assert(
      fc.property(text('ab.[]_'), (name) => {
        expect(leafName(name)).toBe(
          name
            .split(/[.[\]]/)
            .filter(Boolean)
            .at(-1) ?? '',
        );
      }),
    );
  });

  it('decode: decodeURIComponent with "+" as space, the text itself when malformed', () => {
    fc.assert(
      fc.property(text('a+%2E0F '), (s) => {
        let expected: string;
        try {
          expected = decodeURIComponent(s.replace(/\+/g, ' '));
        } catch {
          expected = s;
        }
        expect(decode(s)).toBe(expected);
      }),
    );
  });

  it('a form body: the same bodies as /^[^\\s=&]+=[^\\s]*(&[^\\s=&]+=[^\\s]*)*$/ (short: it backtracks)', () => {
    const old = /^[^\s=&]+=[^\s]*(&[^\s=&]+=[^\s]*)*$/;
    fc.assert(
      fc.property(text('a=& \n', 14), (body) => {
        const trimmed = body.trim();
        const parameters = textParameters(body);
        if (!trimmed) expect(parameters).toEqual([]);
        else if (old.test(trimmed)) expect(parameters.every((p) => p.name !== 'body')).toBe(true);
        else expect(parameters).toEqual([{ source: 'body', name: 'body', value: trimmed }]);
      }),
    );
  });

  it('looksRandom: the entropy of a Map of counts, summed in the same order', () => {
    const reference = (value: string) => {
      const counts = new Map<string, number>();
      for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
      let entropy = 0;
      for (const n of counts.values()) entropy -= (n / value.length) * Math.log2(n / value.length);
      return entropy >= 3.3;
    };
    // Values that pass every earlier test, so the entropy decides.
    const token = fc
      .array(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456789_-'.split('')), {
        minLength: 16,
        maxLength: 60,
      })
      .map((a) => `a1${a.join('')}`);
    fc.assert(
      fc.property(token, (value) => {
        expect(looksRandom(value)).toBe(reference(value));
      }),
      { numRuns: 2000 },
    );
  });

  it('cookieNames: the first 30 distinct names of the pairs', () => {
    fc.assert(
      fc.property(text('ab=; ', 120), (header) => {
        const expected = [
          ...new Set(
            header
              .split(';')
              .map((pair) => pair.split('=')[0]?.trim() ?? '')
              .filter(Boolean),
          ),
        ].slice(0, 30);
        expect(cookieNames(header)).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });
});
