import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { RawBody } from '../../../lib/classify/request-details.ts';
import { type DecodeInput, decodeRequest, displayValue, storedFindings } from '../../../lib/disclose/decode.ts';
import { DATA_KINDS, isDataKind, shownKinds } from '../../../lib/disclose/kinds.ts';
import { looksRandom } from '../../../lib/disclose/rules.ts';

interface Fixture {
  name: string;
  input: Omit<DecodeInput, 'body'> & { body?: { text?: string; gzip?: string; formData?: Record<string, string[]> } };
  kinds: string[];
  findings: { kind: string; name?: string; detail?: string }[];
  notFlagged: string[];
}

const fixtures = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'disclosures.json'), 'utf8'),
) as Fixture[];

/** The body as the browser hands it over: raw bytes (gzip-compressed when the fixture says so) or form data. */
function body(spec: Fixture['input']['body']): RawBody | undefined {
  if (!spec) return undefined;
  if (spec.formData) return { formData: spec.formData };
  const bytes = spec.gzip !== undefined ? gzipSync(spec.gzip) : Buffer.from(spec.text ?? '');
  return { raw: [{ bytes: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer }] };
}

describe('disclosure fixtures', () => {
  it('use only the vocabulary', () => {
    for (const f of fixtures) {
      for (const k of [...f.kinds, ...f.findings.map((x) => x.kind)])
        expect(isDataKind(k), `${f.name}: ${k}`).toBe(true);
      expect(f.kinds, f.name).toEqual(DATA_KINDS.filter((k) => f.kinds.includes(k)));
    }
  });
});

describe('decodeRequest', () => {
  it.each(fixtures.map((f) => [f.name, f] as const))('%s', async (_, f) => {
    const result = await decodeRequest({ ...f.input, body: body(f.input.body) });
    expect(result.kinds).toEqual(f.kinds);
    for (const expected of f.findings) {
      expect(result.findings, JSON.stringify(expected)).toContainEqual(expect.objectContaining(expected));
    }
    const flaggedNames = new Set(result.findings.map((x) => x.name));
    for (const name of f.notFlagged) expect(flaggedNames.has(name), `${name} must not be flagged`).toBe(false);
  });

  it('reads a deflate-compressed body too', async () => {
    const { deflateSync } = await import('node:zlib');
    const bytes = deflateSync('{"email":"jane.doe@example.com"}');
    const result = await decodeRequest({
      url: 'https://t.example/c',
      method: 'POST',
      body: {
        raw: [{ bytes: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer }],
      },
    });
    expect(result.kinds).toEqual(['email']);
  });

  it('survives hostile and broken input', async () => {
    const broken = await decodeRequest({
      url: 'https://t.example/c?%E0%A4%A=1&data=eyJ&x={"a":',
      method: 'POST',
      pageUrl: 'not a url',
      referer: '::::',
      body: { raw: [{ bytes: new Uint8Array([0x1f, 0x8b, 0, 1, 2]).buffer as ArrayBuffer }] },
    });
    expect(broken.kinds).toEqual([]);
  });
});

describe('looksRandom', () => {
  it.each([
    'a8f7e6d5c4b3a291e0',
    '7f3c9a2b-11d4-4c2e-9b1a-2f6e8d0c4a5b',
    'GA1.2.1234567890.1700000000',
    'dGhpc2lzYXRva2VuMTIzNDU2',
  ])('%s is an id-shaped token', (v) => {
    expect(looksRandom(v)).toBe(true);
  });
  it.each([
    '1699999999999',
    '1.2.3.4',
    'pageview',
    'en-US',
    '1920x1080',
    'https://a.example/',
    'aaaaaaaaaaaaaaaa1',
    'pbjs_lite_v4.2.0',
    'acme/main/201804191753',
    'true',
  ])('%s is not', (v) => {
    expect(looksRandom(v)).toBe(false);
  });
});

describe('displayValue', () => {
  it.each([
    [{ kind: 'email' as const, value: 'jane.doe@example.com' }, 'j…@example.com'],
    [{ kind: 'identifier' as const, value: '1234567890.1700000000' }, '12345678…00'],
    [{ kind: 'identifier' as const, value: 'short' }, 'short'],
    [{ kind: 'page-title' as const, value: 'x'.repeat(100) }, `${'x'.repeat(77)}…`],
  ])('%j → %s', (finding, expected) => {
    expect(displayValue(finding)).toBe(expected);
  });
});

describe('how much of the page address was sent', () => {
  const page = 'https://news.example/world/floods?id=7&utm_source=mail';
  const sent = async (value: string, pageUrl: string | undefined = page) => {
    const url = `https://t.example/c?dl=${encodeURIComponent(value)}`;
    return (await decodeRequest({ url, method: 'GET', ...(pageUrl ? { pageUrl } : {}) })).kinds;
  };

  it.each([
    ['the origin of a page deeper in: the site only', 'https://news.example/', 'site-address'],
    ['the path without its query: the page', 'https://news.example/world/floods', 'page-address'],
    ['the path and the query: the full address', page, 'full-address'],
    ['another page of the site with a query (a single-page app)', 'https://news.example/a?b=1', 'full-address'],
  ])('%s', async (_, value, kind) => {
    expect(await sent(value)).toEqual([kind]);
  });

  it('takes the home page’s own origin for the page, not the site only', async () => {
    expect(await sent('https://news.example/', 'https://news.example/')).toEqual(['page-address']);
  });

  it('claims no address of the page for an address of another site', async () => {
    expect(await sent('https://elsewhere.example/world/floods?id=7')).toEqual([]);
  });

  it('judges an address by its own shape when the page is not known', async () => {
    expect(await sent('https://news.example/', undefined)).toEqual(['site-address']);
    expect(await sent('https://news.example/world', undefined)).toEqual(['page-address']);
    expect(await sent('https://news.example/world?id=7', undefined)).toEqual(['full-address']);
  });

  it('takes a bare origin for the site only when only the page’s origin is known (a beacon after its page left)', async () => {
    const decode = async (extra: Partial<DecodeInput>) =>
      (
        await decodeRequest({
          url: 'https://t.example/p.gif',
          method: 'GET',
          pageOrigin: 'https://news.example',
          ...extra,
        })
      ).kinds;
    expect(await decode({ referer: 'https://news.example/' })).toEqual(['site-address']);
    expect(await decode({ url: `https://t.example/c?dl=${encodeURIComponent('https://news.example/world')}` })).toEqual(
      ['page-address'],
    );
    expect(await decode({ referer: 'https://elsewhere.example/' })).toEqual([]);
  });

  it('reads the Referer at the level the browser sent it', async () => {
    const referer = async (value: string) =>
      (await decodeRequest({ url: 'https://t.example/p.gif', method: 'GET', pageUrl: page, referer: value })).kinds;
    expect(await referer('https://news.example/')).toEqual(['site-address']);
    expect(await referer('https://news.example/world/floods')).toEqual(['page-address']);
    expect(await referer(page)).toEqual(['full-address']);
  });

  it('keeps an address as origin, masked path and parameter names: never a query value', async () => {
    const pageUrl = 'https://shop.example/orders/550e8400-e29b-41d4-a716-446655440000?token=s3cr3tT0ken&q=shoes';
    const result = await decodeRequest({
      url: `https://t.example/c?dl=${encodeURIComponent(pageUrl)}`,
      method: 'GET',
      pageUrl,
    });
    const [address, terms] = storedFindings(result.findings);
    expect(address).toMatchObject({
      kind: 'full-address',
      value: 'https://shop.example/orders/:id?token&q',
      detail: 'token, q',
    });
    // The search the address carried is its own finding, with the terms only.
    expect(terms).toMatchObject({ kind: 'search-terms', value: 'shoes' });
    expect(JSON.stringify(storedFindings(result.findings))).not.toContain('s3cr3t');
  });

  it('keeps only the terms of a search found inside another value, never that value', async () => {
    const pageUrl = 'https://www.shop.example/search?q=running+shoes';
    const other = 'https://shop.example/search?q=running shoes&reset_token=SECRET123abc';
    const result = await decodeRequest({
      url: `https://t.example/c?x=${encodeURIComponent(other)}`,
      method: 'GET',
      pageUrl,
    });
    expect(storedFindings(result.findings)).toEqual([
      expect.objectContaining({ kind: 'search-terms', value: 'running shoes' }),
    ]);
    expect(JSON.stringify(storedFindings(result.findings))).not.toContain('SECRET');
  });

  it('keeps a bare path masked too', () => {
    expect(displayValue({ kind: 'page-address', value: '/u/12345678/orders?ref=abc' })).toBe('/u/:id/orders?ref');
  });

  it('lists only the highest level in a sentence, keeping the others in storage', () => {
    expect(shownKinds(['site-address', 'full-address', 'identifier'])).toEqual(['full-address', 'identifier']);
    expect(shownKinds(['site-address', 'page-address'])).toEqual(['page-address']);
    expect(shownKinds(['site-address', 'cookie'])).toEqual(['site-address', 'cookie']);
  });
});

// Shapes seen in the SDK corpus (tests/fixtures/sdk-corpus): each rule on its smallest case, and its near miss.
describe('what browser SDKs send', () => {
  const page = 'https://shop.example/checkout?order=1';
  const json = (value: unknown): RawBody => body({ text: JSON.stringify(value) })!;
  const kinds = async (input: Partial<DecodeInput>) =>
    (await decodeRequest({ url: 'https://sdk.example/e', method: 'POST', pageUrl: page, ...input })).kinds;

  it('reads base64 JSON in an address path (a LaunchDarkly context), not other path segments', async () => {
    const context = Buffer.from(JSON.stringify({ kind: 'user', key: 'u-1', email: 'jane@example.com' })).toString(
      'base64url',
    );
    expect(await kinds({ url: `https://app.sdk.example/sdk/evalx/abc/contexts/${context}`, method: 'GET' })).toContain(
      'email',
    );
    expect(await kinds({ url: 'https://cdn.sdk.example/a8F3kQ9zP2mX7vL4/app.js', method: 'GET' })).toEqual([]);
  });

  it('reads a body of base64 JSON written backwards (Statsig)', async () => {
    const text = [...Buffer.from(JSON.stringify({ user: { email: 'jane@example.com' } })).toString('base64')]
      .reverse()
      .join('');
    expect(await kinds({ body: body({ text }) })).toEqual(['email']);
  });

  it('knows a whole user agent under any name, `$`-marked names and events, and no user agent in other text', async () => {
    const ua = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';
    expect(await kinds({ body: json({ attributes: { 'user_agent.original': { value: ua } } }) })).toEqual(['device']);
    expect(await kinds({ body: json({ properties: { $screen_width: 1280 } }) })).toEqual(['device']);
    expect(await kinds({ body: json({ batch: [{ event: '$identify' }] }) })).toEqual(['event']);
    expect(await kinds({ body: json({ note: 'Mozilla/5 is a foundation' }) })).toEqual([]);
  });

  it('takes a page call for a page view, and location.search for no search', async () => {
    expect(await kinds({ body: json({ type: 'page', properties: { search: '?order=1' } }) })).toEqual(['event']);
    expect(await kinds({ body: json({ type: 'track' }) })).toEqual([]);
  });

  it('reads unmistakable event names under loose names (name, key, n, message) and nothing else there', async () => {
    for (const value of [{ name: 'purchase' }, { key: 'page-view' }, { n: 'pageview' }, { message: 'Order Completed' }])
      expect(await kinds({ body: json(value) }), JSON.stringify(value)).toEqual(['event']);
    for (const value of [{ name: 'Jane' }, { key: 'new-checkout' }, { n: 'page' }, { message: 'timeout' }])
      expect(await kinds({ body: json(value) }), JSON.stringify(value)).toEqual([]);
  });

  it("takes the id or key of a person's object for an identifier", async () => {
    expect(await kinds({ body: json({ user: { id: 'user-4711' } }) })).toEqual(['identifier']);
    expect(await kinds({ body: json({ context: { key: 'user-4711' } }) })).toEqual(['identifier']);
    expect(await kinds({ body: json({ product: { id: 'sku-1001' } }) })).toEqual([]);
  });

  it('knows rrweb-style snapshots for a session recording, not two events that name a source', async () => {
    const full = { events: [{ type: 2, data: { node: { type: 0, childNodes: [] } } }, { type: 4, data: {} }, {}] };
    expect(await kinds({ body: json(full) })).toEqual(['session-recording']);
    const two = { events: [{ type: 3, data: { source: 1 } }, { type: 3, data: { source: 2 } }, { type: 5 }] };
    expect(await kinds({ body: json(two) })).toEqual([]);
  });
});
