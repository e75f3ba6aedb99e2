import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type DecodeInput, type Disclosure, decodeRequest } from '../../../lib/disclose/decode.ts';
import {
  maskedLabel,
  matchForms,
  normalised,
  parseWatchlist,
  type WatchedEntry,
  type WatchedKind,
  watchedEntry,
} from '../../../lib/watchlist/entries.ts';
import { WatchlistMatcher } from '../../../lib/watchlist/match.ts';
import { md5 } from '../../../lib/watchlist/md5.ts';

// The user's own data found in requests (issue 18): the forms computed at entry, the one-pass matcher, and the
// decoder's finding — checked against hashes and encodings computed here independently, with Node's crypto.

const EMAIL = 'Jane.Doe@Example.com';
const NORMAL = 'jane.doe@example.com';
const hash = (algorithm: string, text: string) => createHash(algorithm).update(text).digest('hex');
const b64 = (text: string) => Buffer.from(text).toString('base64');
const b64url = (text: string) => Buffer.from(text).toString('base64url');

async function watching(...values: [WatchedKind, string][]): Promise<WatchlistMatcher> {
  const entries: WatchedEntry[] = [];
  for (const [kind, value] of values) {
    const e = await watchedEntry(kind, value);
    if (e) entries.push(e);
  }
  return new WatchlistMatcher(entries);
}

async function decoded(input: DecodeInput): Promise<Disclosure> {
  return await decodeRequest(input);
}

const watchedOf = (d: Disclosure) => d.findings.filter((f) => f.kind === 'watched');

describe('md5', () => {
  // RFC 1321, appendix A.5.
  it.each([
    ['', 'd41d8cd98f00b204e9800998ecf8427e'],
    ['a', '0cc175b9c0f1b6a831c399e269772661'],
    ['abc', '900150983cd24fb0d6963f7d28e17f72'],
    ['message digest', 'f96b697d7cb7938d525a2f31aaf161d0'],
    ['abcdefghijklmnopqrstuvwxyz', 'c3fcd3d76192e4007dfb496cca67e13b'],
    ['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 'd174ab98d277d9f5a5611c2c9f419d9f'],
    [
      '12345678901234567890123456789012345678901234567890123456789012345678901234567890',
      '57edf4a22be3c955ac49da2e2107b67a',
    ],
  ])('MD5("%s") is the RFC\'s test vector', (text, digest) => {
    expect(md5(text)).toBe(digest);
  });

  it('agrees with Node on UTF-8 text and on lengths around the 64-byte block and its padding', () => {
    for (const text of [
      'zoë@exämple.com',
      'ł'.repeat(30),
      'x'.repeat(55),
      'x'.repeat(56),
      'x'.repeat(64),
      'x'.repeat(119),
    ])
      expect(md5(text)).toBe(hash('md5', text));
  });
});

describe('normalising, as ad platforms do before hashing', () => {
  it.each<[WatchedKind, string, string | undefined]>([
    ['email', '  Jane.Doe@Example.COM ', 'jane.doe@example.com'],
    ['email', 'not an address', undefined],
    // Meta's and Google's rule: digits with the country code, no "+"; a leading 00 is the international prefix.
    ['phone', '+49 (30) 1234-5678', '4930123456 78'.replace(' ', '')],
    ['phone', '0049 30 12345678', '493012345678'],
    ['phone', '+1 650-555-0100', '16505550100'],
    ['name', '  Jane   Doe ', 'jane doe'],
    ['postcode', 'SW1A 1AA', 'sw1a1aa'],
    ['account', ' CUST-00123 ', 'cust-00123'],
    ['postcode', '12', undefined],
  ])('%s %j → %j', (kind, value, expected) => {
    expect(normalised(kind, value)).toBe(expected);
  });

  it('hashes a phone number as digits with its country code, however it was typed', async () => {
    const forms = await matchForms('phone', '+49 30 1234 5678');
    expect(forms).toContainEqual({ form: 'sha256', text: hash('sha256', '493012345678') });
    expect(forms).toContainEqual({ form: 'as-typed', text: '+493012345678' });
  });
});

describe('masked labels (what the settings page shows once a value is entered)', () => {
  it.each<[WatchedKind, string, string]>([
    ['email', 'Jane.Doe@Example.com', 'j…@e….com'],
    ['phone', '+49 30 1234 5678', '••• 5678'],
    ['name', 'jane doe', 'J. D.'],
    ['postcode', 'SW1A 1AA', 'S•••'],
    ['account', 'CUST-00123', '•••123'],
  ])('%s %s → %s', (kind, value, label) => {
    expect(maskedLabel(kind, value)).toBe(label);
  });

  it('keeps no form that is the label, and the stored entry has no field holding the value as typed', async () => {
    const e = (await watchedEntry('email', EMAIL)) as WatchedEntry;
    expect(Object.keys(e).sort()).toEqual(['forms', 'id', 'kind', 'label']);
    expect(e.label).not.toContain('jane');
  });
});

describe('a watched email found in a third-party request', () => {
  const pixel = 'https://www.facebook.com/tr/';
  it.each<[string, DecodeInput, string]>([
    ['plain, in the address', { url: `${pixel}?id=1&em=${NORMAL}`, method: 'GET' }, 'as-typed'],
    ['as typed (capitals), in the address', { url: `${pixel}?id=1&email=${EMAIL}`, method: 'GET' }, 'as-typed'],
    [
      'URL-encoded (encodeURIComponent), in a query value: found decoded, named by its parameter',
      { url: `${pixel}?id=1&ud=${encodeURIComponent(`x ${NORMAL} y`)}`, method: 'GET' },
      'as-typed',
    ],
    [
      'URL-encoded in the path, where no parameter decodes it',
      { url: `https://ads.example/u/${encodeURIComponent(NORMAL)}/px.gif`, method: 'GET' },
      'url-encoded',
    ],
    [
      'form-encoded (+ for a space), in a form body',
      { url: pixel, method: 'POST', body: { formData: { em: [NORMAL], note: ['a+b'] } } },
      'as-typed',
    ],
    ['base64, standard alphabet', { url: `${pixel}?id=1&e=${b64(NORMAL)}`, method: 'GET' }, 'base64'],
    ['base64, URL-safe without padding', { url: `${pixel}?id=1&e=${b64url(NORMAL)}`, method: 'GET' }, 'base64'],
    ['MD5 hex', { url: `${pixel}?id=1&md5=${hash('md5', NORMAL)}`, method: 'GET' }, 'md5'],
    ['SHA-1 hex', { url: `${pixel}?id=1&h=${hash('sha1', NORMAL)}`, method: 'GET' }, 'sha1'],
    ['SHA-256 hex', { url: `${pixel}?id=1&ud[em]=${hash('sha256', NORMAL)}`, method: 'GET' }, 'sha256'],
    [
      'SHA-256 hex in upper case',
      { url: `${pixel}?id=1&ud[em]=${hash('sha256', NORMAL).toUpperCase()}`, method: 'GET' },
      'sha256',
    ],
    [
      'SHA-256, in a JSON body',
      {
        url: 'https://graph.facebook.com/events',
        method: 'POST',
        body: {
          raw: [
            {
              bytes: new TextEncoder().encode(
                JSON.stringify({ data: [{ user_data: { em: [hash('sha256', NORMAL)] } }] }),
              ).buffer,
            },
          ],
        },
      },
      'sha256',
    ],
    [
      'plain, inside base64-wrapped JSON',
      {
        url: `https://api.segment.io/v1/p?data=${encodeURIComponent(b64(JSON.stringify({ traits: { email: NORMAL } })))}`,
        method: 'GET',
      },
      'as-typed',
    ],
  ])('%s', async (_name, input, form) => {
    const d = await decoded({
      ...input,
      pageUrl: 'https://shop.example/checkout',
      watchlist: await watching(['email', EMAIL]),
    });
    const found = watchedOf(d);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: 'watched', value: 'j…@e….com', detail: `email ${form}` });
    expect(d.kinds).toContain('watched');
  });

  it('names the most telling form when a request carries several', async () => {
    const d = await decoded({
      url: `https://www.facebook.com/tr/?em=${NORMAL}&h=${hash('sha256', NORMAL)}`,
      method: 'GET',
      watchlist: await watching(['email', EMAIL]),
    });
    expect(watchedOf(d).map((f) => f.detail)).toEqual(['email sha256']);
  });

  it.each<[string, string]>([
    ['one character changed', 'jane.doe@example.co'],
    ['one character changed in the middle', 'jane.dee@example.com'],
    ['a longer address that contains it', 'xjane.doe@example.com'],
  ])('is not found for an address with %s, in any form', async (_name, other) => {
    const watchlist = await watching(['email', EMAIL]);
    const url = `https://www.facebook.com/tr/?a=${other}&b=${b64(other)}&c=${hash('sha256', other)}&d=${hash('md5', other)}`;
    const d = await decoded({ url, method: 'GET', watchlist });
    expect(watchedOf(d)).toEqual([]);
  });

  it('is not found in a hash that only contains its hash', async () => {
    const watchlist = await watching(['email', EMAIL]);
    const d = await decoded({ url: `https://x.example/?h=${hash('sha256', NORMAL)}ab`, method: 'GET', watchlist });
    expect(watchedOf(d)).toEqual([]);
  });

  it('finds each of several values, in the order sent, and a phone number and a first name by their hashes', async () => {
    const watchlist = await watching(['email', EMAIL], ['phone', '+49 30 1234 5678'], ['name', 'Jane Doe']);
    const url = `https://www.facebook.com/tr/?ph=${hash('sha256', '493012345678')}&fn=${hash('sha256', 'jane')}&em=${NORMAL}`;
    const d = await decoded({ url, method: 'GET', watchlist });
    expect(watchedOf(d).map((f) => f.detail)).toEqual(['phone sha256', 'name sha256', 'email as-typed']);
  });

  it('is found in the Referer', async () => {
    const d = await decoded({
      url: 'https://ads.example/px',
      method: 'GET',
      referer: `https://shop.example/thanks?email=${encodeURIComponent(NORMAL)}`,
      watchlist: await watching(['email', EMAIL]),
    });
    expect(watchedOf(d)).toMatchObject([{ source: 'referer', detail: 'email url-encoded' }]);
  });

  it('finds nothing and adds no kind without a watch list', async () => {
    const d = await decoded({ url: `https://www.facebook.com/tr/?em=${NORMAL}`, method: 'GET' });
    expect(d.kinds).not.toContain('watched');
  });
});

describe('within the decoder’s bounds', () => {
  it('reads a hostile megabyte body in bounded time, and finds a value within what is read', async () => {
    const watchlist = await watching(['email', EMAIL], ['phone', '+44 20 7946 0000'], ['postcode', 'SW1A 1AA']);
    // Near-misses of every form, over and over: each one walks the automaton deep, then fails.
    const filler = `${NORMAL.slice(0, -1)}x ${hash('sha256', NORMAL).slice(0, 63)}g `.repeat(12_000);
    const body = `{"a":"${filler}","em":"${NORMAL}"}`;
    const start = performance.now();
    const d = await decoded({
      url: 'https://collector.example/e',
      method: 'POST',
      body: { raw: [{ bytes: new TextEncoder().encode(body).buffer }] },
      watchlist,
    });
    expect(performance.now() - start).toBeLessThan(500);
    expect(d.truncated).toBe(true);
  });

  it('reads only the start of a 2 MB address', async () => {
    const watchlist = await watching(['email', EMAIL]);
    const d = await decoded({
      url: `https://x.example/?q=${'a'.repeat(2_000_000)}&em=${NORMAL}`,
      method: 'GET',
      watchlist,
    });
    expect(watchedOf(d)).toEqual([]);
    expect(d.truncated).toBe(true);
  });
});

describe('the stored watch list', () => {
  it('reads back what was stored and drops what is malformed', async () => {
    const e = (await watchedEntry('email', EMAIL)) as WatchedEntry;
    expect(parseWatchlist([e])).toEqual([e]);
    expect(parseWatchlist([{ ...e, kind: 'ssn' }, { id: 1 }, null, 'x'])).toEqual([]);
    expect(parseWatchlist('nope')).toEqual([]);
  });
});

describe('a watched name, form-encoded', () => {
  it.each([
    ['`+` for its space, in the address', 'https://www.facebook.com/tr/?id=1&n=Jane+Doe'],
    ['%20 for its space, in the address', 'https://www.facebook.com/tr/?id=1&n=Jane%20Doe'],
    ['`+` in a path, where nothing decodes it', 'https://ads.example/p/Jane+Doe/x'],
  ])('is found with %s', async (_name, url) => {
    const d = await decoded({ url, method: 'GET', watchlist: await watching(['name', 'Jane Doe']) });
    expect(watchedOf(d).map((f) => f.value)).toEqual(['J. D.']);
  });
});
