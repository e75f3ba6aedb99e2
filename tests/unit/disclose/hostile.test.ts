import { describe, expect, it } from 'vitest';
import { decodeRequest } from '../../../lib/disclose/decode.ts';
import { MAX_BODY_CHARS, MAX_QUERY_CHARS } from '../../../lib/disclose/params.ts';
import { hostileRequests } from './hostile-cases.ts';

// Timings are the benchmark's (`npm run bench`: the worst single hostile request); here, what each comes to.
describe('a single hostile request', () => {
  it.each(hostileRequests().map((c) => [c.name, c] as const))('%s: bounded, and flagged when cut', async (_, c) => {
    const result = await decodeRequest(c.input);
    expect(result.kinds).toEqual(c.kinds);
    expect(result.truncated ?? false).toBe(c.truncated);
    expect(result.parameters.length).toBeLessThanOrEqual(60);
    expect(result.findings.length).toBeLessThanOrEqual(401);
    for (const p of result.parameters) expect(p.value.length).toBeLessThanOrEqual(MAX_BODY_CHARS);
    for (const f of result.findings) expect(f.value.length).toBeLessThanOrEqual(MAX_BODY_CHARS);
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
    const text = `email=jane.doe%40example.com&pad=${'x'.repeat(MAX_BODY_CHARS)}&uid=a8f7e6d5c4b3a291e0`;
    const gz = gzipSync(text);
    const result = await decodeRequest({
      url: 'https://collector.example/c',
      method: 'POST',
      body: { raw: [{ bytes: gz.buffer.slice(gz.byteOffset, gz.byteOffset + gz.byteLength) as ArrayBuffer }] },
    });
    expect(result.truncated).toBe(true);
    expect(result.kinds).toEqual(['email']);
  });

  it('answers at once, without a promise, unless the body is compressed', () => {
    const plain = decodeRequest({ url: 'https://t.example/c?uid=a8f7e6d5c4b3a291e0', method: 'GET' });
    expect(plain).not.toBeInstanceOf(Promise);
  });
});
