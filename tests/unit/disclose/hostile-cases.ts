/**
 * Single requests built to make the decoder slow or to break it: what each must still come to. Shared by
 * hostile.test.ts (the output is bounded and right) and `npm run bench` (the time of the slowest, target ≤ 2 ms).
 */
import { gzipSync } from 'node:zlib';
import type { RawBody } from '../../../lib/classify/request-details.ts';
import type { DecodeInput } from '../../../lib/disclose/decode.ts';
import type { DataKind } from '../../../lib/disclose/kinds.ts';

export interface HostileCase {
  name: string;
  input: DecodeInput;
  /** The kinds it must come to. */
  kinds: DataKind[];
  /** Whether a bound cut it short (and the result says so). */
  truncated: boolean;
}

const bytes = (data: string | Uint8Array): RawBody => {
  const b = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  return { raw: [{ bytes: b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer }] };
};

const post = (body: RawBody, url = 'https://collector.example/c'): DecodeInput => ({ url, method: 'POST', body });

/** Built once per call: the cases hold megabytes, callers keep them only as long as they need them. */
export function hostileRequests(): HostileCase[] {
  const page = 'https://news.example/world/article?q=weather+berlin';
  return [
    {
      name: 'arrays nested 30,000 deep',
      input: post(bytes(`${'['.repeat(30_000)}1${']'.repeat(30_000)}`)),
      kinds: [],
      truncated: true,
    },
    {
      name: 'objects nested 10,000 deep around an email',
      input: post(bytes(`${'{"a":'.repeat(10_000)}{"email":"jane.doe@example.com"}${'}'.repeat(10_000)}`)),
      kinds: [],
      truncated: true,
    },
    {
      name: 'a 2 MB address of 500,000 pairs',
      input: { url: `https://collector.example/c?${'a=1&'.repeat(500_000)}`, method: 'GET', pageUrl: page },
      kinds: [],
      truncated: true,
    },
    {
      name: 'a 1 MB address value with the search terms at its end',
      input: {
        url: `https://collector.example/c?x=${'%41'.repeat(300_000)}weather+berlin`,
        method: 'GET',
        pageUrl: page,
      },
      kinds: [],
      truncated: true,
    },
    {
      name: 'pairs without "=", each a rescan of the rest',
      input: { url: `https://collector.example/c?${'a&'.repeat(8000)}`, method: 'GET' },
      kinds: [],
      truncated: false,
    },
    {
      name: 'a near-miss form body (exponential backtracking in the old form test)',
      input: post(bytes(`${'a=1&'.repeat(40)} x`)),
      kinds: [],
      truncated: false,
    },
    {
      name: '20,000 lines of JSON',
      input: post(bytes('{"e":"pageview"}\n'.repeat(20_000).slice(0, 60_000))),
      kinds: [],
      truncated: false,
    },
    {
      name: 'a gzip bomb (16 MB of JSON in a few kilobytes)',
      input: post(bytes(gzipSync(`{"email":"jane.doe@example.com","pad":"${'a'.repeat(16 * 1024 * 1024)}"}`))),
      kinds: [],
      truncated: true,
    },
    {
      name: '100,000 form fields',
      input: post({ formData: Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`f${i}`, ['1']])) }),
      kinds: [],
      truncated: true,
    },
    {
      name: 'an email-shaped value of 8,000 dot-separated labels',
      input: { url: `https://collector.example/c?v=a@${'a.'.repeat(8000)}!`, method: 'GET' },
      kinds: [],
      truncated: false,
    },
    {
      name: 'base64 JSON inside base64 JSON, twelve levels',
      input: {
        url: `https://collector.example/c?d=${Array.from({ length: 12 }).reduce<string>(
          (inner) => btoa(JSON.stringify({ d: inner })),
          'jane.doe@example.com',
        )}`,
        method: 'GET',
      },
      kinds: [],
      truncated: false,
    },
    {
      name: 'a 60 KB JSON body, the email first (under every bound: read in full)',
      input: post(bytes(JSON.stringify({ email: 'jane.doe@example.com', pad: 'a '.repeat(30_000) }))),
      kinds: ['email'],
      truncated: false,
    },
  ];
}
