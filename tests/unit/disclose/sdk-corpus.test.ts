/**
 * The SDK corpus as a threshold: requests real browser SDKs sent (tests/fixtures/sdk-corpus, recorded by
 * scripts/record-sdk-corpus.ts) with the kinds established by hand. The decoder must keep finding at least this share
 * of them and must claim nothing a request did not carry (an email or a hashed email least of all). `npm run evaluate:disclosures` prints
 * the full score, with every miss.
 */
import { describe, expect, it } from 'vitest';
import { loadSdkCorpus, recall, scoreSdkCorpus, sdkReport } from '../../../scripts/sdk-corpus.ts';

/** What the decoder reaches on the corpus today: a regression below it fails. */
const MIN_RECALL = 0.96;
const MIN_SDKS = 15;

describe('SDK corpus', async () => {
  const fixtures = loadSdkCorpus();
  const score = await scoreSdkCorpus(fixtures);
  const report = sdkReport(score, fixtures).join('\n');

  it(`holds at least ${MIN_SDKS} SDKs, every request labelled by hand`, () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(MIN_SDKS);
    for (const f of fixtures) {
      expect(f.requests.length, f.sdk).toBeGreaterThan(0);
      for (const r of f.requests) for (const why of Object.values(r.expected)) expect(why, r.url).toBeTruthy();
    }
  });

  it(`finds at least ${MIN_RECALL * 100}% of the hand-established kinds`, () => {
    expect(recall(score), report).toBeGreaterThanOrEqual(MIN_RECALL);
  });

  it('claims no email or hashed email a request did not carry', () => {
    const wrong = score.falseClaims.filter((c) => c.kind === 'email' || c.kind === 'hashed-email');
    expect(wrong, report).toEqual([]);
  });

  it('claims no kind at all that a request did not carry', () => {
    expect(score.falseClaims, report).toEqual([]);
  });
});
