import { describe, expect, it } from 'vitest';
import type { RawBody } from '../../../lib/classify/request-details.ts';
import { decodeRequest, storedFindings } from '../../../lib/disclose/decode.ts';
import { MAX_NAME_CHARS, MAX_QUERY_CHARS, MAX_REQUEST_CHARS } from '../../../lib/disclose/params.ts';
import { hostileRequests } from './hostile-cases.ts';

// Timings are the benchmark's (`npm run bench`: the worst single hostile request); here, what each comes to.
describe('a single hostile request', () => {
  it.each(hostileRequests().map((c) => [c.name, c] as const))('%s: bounded, and flagged when cut', async (_, c) => {
    const result = await decodeRequest(c.input);
    expect(result.kinds).toEqual(c.kinds);
    expect(result.truncated ?? false).toBe(c.truncated);
    expect(result.parameters.length).toBeLessThanOrEqual(60);
    expect(result.findings.length).toBeLessThanOrEqual(2 * 400 + 4);
    for (const p of result.parameters) expect(p.value.length).toBeLessThanOrEqual(MAX_REQUEST_CHARS);
    for (const p of result.parameters) expect(p.name.length).toBeLessThanOrEqual(MAX_NAME_CHARS);
    for (const f of result.findings) expect(f.value.length).toBeLessThanOrEqual(MAX_REQUEST_CHARS);
    // As the event stores them: a dozen at most, each value short enough to show.
    const stored = storedFindings(result.findings);
    expect(stored.length).toBeLessThanOrEqual(12);
    for (const f of stored) expect(f.value.length).toBeLessThanOrEqual(80);
  });

  it('reads a long address up to the bound and no further', async () => {
    const result = await decodeRequest({
      url: `https://collector.example/c?uid=a8f7e6d5c4b3a291e0&pad=${'x'.repeat(MAX_QUERY_CHARS)}&email=jane.doe%40example.com`,
      method: 'GET',
    });
    expect(result.truncated).toBe(true);
    expect(result.kinds).toEqual(['identifier']);
  });

  it('reads a compressed body up to the bound and no further', async () => {
    const { gzipSync } = await import('node:zlib');
    const text = `email=jane.doe%40example.com&pad=${'x'.repeat(MAX_REQUEST_CHARS)}&uid=a8f7e6d5c4b3a291e0`;
    const gz = gzipSync(text);
    const result = await decodeRequest({
      url: 'https://collector.example/c',
      method: 'POST',
      body: { raw: [{ bytes: gz.buffer.slice(gz.byteOffset, gz.byteOffset + gz.byteLength) as ArrayBuffer }] },
    });
    expect(result.truncated).toBe(true);
    expect(result.kinds).toEqual(['email']);
  });

  it('shares one bound among the parts of a request: a long address leaves less of the body read', async () => {
    const body = (text: string): RawBody => {
      const b = new TextEncoder().encode(text);
      return { raw: [{ bytes: b.buffer as ArrayBuffer }] };
    };
    // The email sits just past what the body may read once the address has taken its 16 KB.
    const text = `pad=${'x'.repeat(MAX_REQUEST_CHARS - MAX_QUERY_CHARS)}&email=jane.doe%40example.com`;
    const alone = await decodeRequest({ url: 'https://collector.example/c', method: 'POST', body: body(text) });
    const withAddress = await decodeRequest({
      url: `https://collector.example/c?pad=${'y'.repeat(MAX_QUERY_CHARS)}`,
      method: 'POST',
      body: body(text),
    });
    expect(alone.kinds).toEqual(['email']);
    expect(alone.truncated).toBeUndefined();
    expect(withAddress.kinds).toEqual([]);
    expect(withAddress.truncated).toBe(true);
  });

  it('keeps what was read before a part of the request failed to be read', async () => {
    const body = {
      formData: { email: ['jane.doe@example.com'] },
      get raw(): RawBody['raw'] {
        throw new Error('unreadable');
      },
    };
    const result = await decodeRequest({
      url: 'https://collector.example/c?uid=a8f7e6d5c4b3a291e0',
      method: 'POST',
      body,
      cookieNames: ['_ga'],
    });
    expect(result.kinds).toEqual(['identifier', 'cookie', 'email']);
    expect(result.truncated).toBe(true);
  });

  it('answers at once, without a promise, unless the body is compressed', () => {
    const plain = decodeRequest({ url: 'https://t.example/c?uid=a8f7e6d5c4b3a291e0', method: 'GET' });
    expect(plain).not.toBeInstanceOf(Promise);
  });
});
