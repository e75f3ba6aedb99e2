/**
 * The SDK corpus (tests/fixtures/sdk-corpus, recorded by scripts/record-sdk-corpus.ts): what real browser SDKs sent,
 * with the kinds established by hand for each request. Runs the decoder over it and scores it: recall (the share of
 * hand-established kinds the decoder found) and false claims (kinds it found that the request did not carry).
 * Used by `npm run evaluate:disclosures` and by the unit test that holds the threshold.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cookieNames } from '../lib/capture/pending.ts';
import { decodeRequest } from '../lib/disclose/decode.ts';
import { DATA_KINDS, type DataKind } from '../lib/disclose/kinds.ts';
import type { SdkFixture } from './sdk-corpus-labels.ts';

export const SDK_CORPUS = resolve(import.meta.dirname ?? '.', '..', 'tests', 'fixtures', 'sdk-corpus');

export function loadSdkCorpus(dir = SDK_CORPUS): SdkFixture[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as SdkFixture);
}

export interface Miss {
  sdk: string;
  url: string;
  kind: DataKind;
  why: string;
}

export interface SdkScore {
  requests: number;
  /** Hand-established kinds, over all requests (one per kind and request). */
  expected: number;
  found: number;
  perKind: Map<DataKind, { expected: number; found: number; falseClaims: number }>;
  missed: Miss[];
  /** Kinds the decoder claimed that the request did not carry. */
  falseClaims: { sdk: string; url: string; kind: DataKind; by: string }[];
}

export async function scoreSdkCorpus(fixtures: SdkFixture[]): Promise<SdkScore> {
  const score: SdkScore = {
    requests: 0,
    expected: 0,
    found: 0,
    perKind: new Map(DATA_KINDS.map((k) => [k, { expected: 0, found: 0, falseClaims: 0 }])),
    missed: [],
    falseClaims: [],
  };
  for (const fixture of fixtures) {
    for (const r of fixture.requests) {
      score.requests++;
      const bytes = Buffer.from(r.body, 'base64');
      const disclosure = await decodeRequest({
        url: r.url,
        method: r.method,
        pageUrl: fixture.pageUrl,
        ...(r.headers.referer ? { referer: r.headers.referer } : {}),
        ...(r.headers.cookie ? { cookieNames: cookieNames(r.headers.cookie) } : {}),
        ...(bytes.length
          ? { body: { raw: [{ bytes: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) }] } }
          : {}),
      });
      const claimed = new Set(disclosure.kinds);
      for (const [kind, why] of Object.entries(r.expected) as [DataKind, string][]) {
        const row = score.perKind.get(kind)!;
        row.expected++;
        score.expected++;
        if (claimed.has(kind)) {
          row.found++;
          score.found++;
        } else score.missed.push({ sdk: fixture.sdk, url: r.url, kind, why });
      }
      for (const kind of claimed) {
        if (r.expected[kind]) continue;
        score.perKind.get(kind)!.falseClaims++;
        const by = disclosure.findings.find((f) => f.kind === kind);
        score.falseClaims.push({
          sdk: fixture.sdk,
          url: r.url,
          kind,
          by: by ? `${by.name}=${by.value.slice(0, 60)}` : '?',
        });
      }
    }
  }
  return score;
}

export const recall = (s: SdkScore) => (s.expected ? s.found / s.expected : 1);

/** The score as lines of text: overall, per kind, then each miss and each false claim. */
export function sdkReport(s: SdkScore, fixtures: SdkFixture[]): string[] {
  const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : '—');
  const falseEmail = s.falseClaims.filter((c) => c.kind === 'email').length;
  const falseHashed = s.falseClaims.filter((c) => c.kind === 'hashed-email').length;
  const lines = [
    `SDK corpus: ${fixtures.length} SDKs, ${s.requests} recorded requests (tests/fixtures/sdk-corpus)`,
    `recall: ${s.found}/${s.expected} hand-established kinds found = ${pct(s.found, s.expected)}`,
    `false claims: ${s.falseClaims.length} (email ${falseEmail}, hashed email ${falseHashed})`,
    '',
    '| kind | established | found | recall | false claims |',
    '|---|---|---|---|---|',
  ];
  for (const [kind, row] of s.perKind) {
    if (!row.expected && !row.falseClaims) continue;
    lines.push(`| ${kind} | ${row.expected} | ${row.found} | ${pct(row.found, row.expected)} | ${row.falseClaims} |`);
  }
  if (s.missed.length) {
    lines.push('', 'Missed:');
    for (const m of s.missed) lines.push(`- ${m.sdk} ${m.kind}: ${m.why} (${m.url.slice(0, 90)})`);
  }
  if (s.falseClaims.length) {
    lines.push('', 'Claimed but not carried:');
    for (const c of s.falseClaims) lines.push(`- ${c.sdk} ${c.kind}: ${c.by} (${c.url.slice(0, 90)})`);
  }
  return lines;
}
