/**
 * Single requests built to make the decoder slow or to break it: what each must still come to. Shared by
 * hostile.test.ts (the output is bounded and right) and `npm run bench` (the slowest one's time and the median,
 * target ≤ 10 ms).
 */
import { deflateSync, gzipSync } from 'node:zlib';
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

/** `[[[…]]]`, `depth` deep. */
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

/** A gzip body cut off in the middle of its data: an email in the first part, a long pad after it. */
function brokenGzip(): Uint8Array {
  let seed = 7;
  const noise = Array.from({ length: 20_000 }, () => {
    seed = (seed * 48271) % 2147483647;
    return String.fromCharCode(97 + (seed % 26));
  }).join('');
  const whole = gzipSync(`email=jane.doe%40example.com&pad=${noise}`);
  return whole.subarray(0, Math.floor(whole.length / 2));
}

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
      // 8,000 parameters: more than one request's are read.
      truncated: true,
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
      name: 'an email address with a 3,000-character domain (stored no longer than it is shown)',
      input: { url: `https://collector.example/c?e=jane@${'a'.repeat(3000)}.example`, method: 'GET' },
      kinds: ['email'],
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
      // Twelve levels: deeper than is read.
      truncated: true,
    },
    {
      name: "the issue's backtracking beacon: 25 ordinary pairs and one unencoded space",
      input: post(bytes(`${Array.from({ length: 25 }, (_, i) => `k${i}=v${i}`).join('&')}&dt=Hello world`)),
      kinds: [],
      truncated: false,
    },
    {
      name: 'arrays nested 6,000 deep in a query value',
      input: { url: `https://collector.example/c?uid=a8f7e6d5c4b3a291e0&z=${nested(6000)}`, method: 'GET' },
      kinds: ['identifier'],
      truncated: false,
    },
    {
      name: 'arrays nested 6,000 deep as a base64 query value',
      input: { url: `https://collector.example/c?z=${btoa(nested(6000))}`, method: 'GET' },
      kinds: [],
      truncated: false,
    },
    {
      name: 'arrays nested 6,000 deep on each line of a newline-delimited JSON body',
      input: post(bytes(`${nested(6000)}\n${nested(6000)}\n{"email":"jane.doe@example.com"}`)),
      kinds: ['email'],
      truncated: true,
    },
    {
      name: 'arrays nested 6,000 deep in a form field',
      input: post({ formData: { email: ['jane.doe@example.com'], z: [nested(6000)] } }),
      kinds: ['email'],
      truncated: false,
    },
    {
      name: 'arrays nested 70 deep in JSON (within the nesting JSON is parsed to, beyond what is read)',
      input: post(bytes(`{"email":"jane.doe@example.com","z":${nested(62)}}`)),
      kinds: ['email'],
      truncated: false,
    },
    {
      name: 'a deflate bomb (16 MB of form data in a few kilobytes)',
      input: post(bytes(deflateSync(`email=jane.doe%40example.com&pad=${'a'.repeat(16 * 1024 * 1024)}`))),
      kinds: ['email'],
      truncated: true,
    },
    {
      name: 'a gzip stream broken off: what inflated before the break is read',
      input: post(bytes(brokenGzip())),
      kinds: ['email'],
      truncated: true,
    },
    {
      name: 'bytes that begin like a zlib header but are text',
      input: post(bytes('x?email=jane.doe@example.com')),
      kinds: ['email'],
      truncated: false,
    },
    {
      name: "the page's own address with 12,000 distinct parameter names, in a body",
      input: {
        ...post(
          bytes(
            JSON.stringify({
              url: `https://news.example/world/article?${Array.from({ length: 12_000 }, (_, i) => `n${i.toString(36)}=1`).join('&')}`,
            }),
          ),
        ),
        pageUrl: 'https://news.example/world/article',
      },
      kinds: ['full-address'],
      truncated: false,
    },
    {
      name: 'interaction event names 10,000 times in one field',
      input: post({ formData: { events: ['"scroll",'.repeat(10_000)] } }),
      kinds: ['session-recording'],
      truncated: false,
    },
    {
      name: '100,000 cookie names',
      input: {
        url: 'https://collector.example/c',
        method: 'GET',
        cookieNames: Array.from({ length: 100_000 }, (_, i) => `c${i}`),
      },
      kinds: ['cookie'],
      truncated: true,
    },
    {
      name: 'a 1 MB Referer',
      input: {
        url: 'https://collector.example/c',
        method: 'GET',
        pageUrl: page,
        referer: `https://news.example/world/article?q=${'a'.repeat(1024 * 1024)}`,
      },
      kinds: ['full-address'],
      truncated: true,
    },
    {
      name: 'a 1 MB path of segments that begin as base64 JSON',
      input: {
        url: `https://collector.example/${Array.from({ length: 64 }, () => `eyJ${'A'.repeat(16_000)}`).join('/')}`,
        method: 'GET',
      },
      kinds: [],
      truncated: true,
    },
    {
      name: 'a run of 100,000 digits under an unknown name',
      input: post(bytes(`v=${'1'.repeat(100_000)}`)),
      kinds: [],
      truncated: false,
    },
    {
      name: 'a 128 KB body of base64 letters ending in "e"',
      input: post(bytes(`${'A'.repeat(128 * 1024 - 1)}e`)),
      kinds: [],
      truncated: false,
    },
    {
      name: 'JSON keys of 20,000 characters around arrays',
      input: post(
        bytes(
          JSON.stringify(
            Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`${'k'.repeat(20_000)}${i}`, [1, 2, 3, 4, 5, 6]])),
          ),
        ),
      ),
      kinds: [],
      truncated: false,
    },
    {
      name: '1,999 lines of JSON, each parsed',
      input: post(bytes('{"event":"pageview","n":1}\n'.repeat(1999))),
      kinds: ['event'],
      truncated: true,
    },
    {
      name: 'broken percent, UTF-8 and base64 encodings',
      input: post(
        bytes(
          new Uint8Array([
            ...new TextEncoder().encode(`a=%E0%A4%A&b=%&c=eyJ${'%FF'.repeat(100)}&d=W10=&e=`),
            0xff,
            0xfe,
            0xc0,
            0x80,
          ]),
        ),
      ),
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
