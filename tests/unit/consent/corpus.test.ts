import { describe, expect, it } from 'vitest';
import { requestConsent } from '../../../lib/consent/signals.ts';
import { decodeRequest } from '../../../lib/disclose/decode.ts';
import { loadCapturedCorpus } from '../../../scripts/corpus.ts';

// Consent signals in requests captured from real pages (../shared/corpus, when present: not ours to copy into the
// project). Each request that names a signal is decoded as the capture decodes it, and compared with what its own
// address says, read here by a regular expression that knows nothing of the decoder.

const corpus = loadCapturedCorpus();
const SIGNAL = /[?&;](gdpr_consent|gdpr|gpp|gpp_sid|us_privacy|gcs|gcd|npa|addtl_consent)=/;
const withSignals = (corpus ?? []).filter((r) => SIGNAL.test(r.url) && r.type !== 'main_frame');
const param = (url: string, name: string) => new RegExp(`[?&;]${name}=([^&;#]*)`).exec(url)?.[1];

describe.skipIf(!corpus)('consent signals in real captured requests', () => {
  it('has such requests to check (Google Consent Mode and empty TCF parameters)', () => {
    expect(withSignals.filter((r) => param(r.url, 'gcs')).length).toBeGreaterThan(5);
    expect(withSignals.filter((r) => param(r.url, 'gdpr_consent') !== undefined).length).toBeGreaterThan(0);
  });

  it.each(withSignals.map((r) => [r.url.slice(0, 90), r] as const))('%s…', async (_, r) => {
    const disclosure = await decodeRequest({ url: r.url, method: r.method, pageUrl: r.pageUrl });
    const consent = requestConsent({ company: 'google', parameters: disclosure.consent });
    const gcs = param(r.url, 'gcs');
    const npa = param(r.url, 'npa');
    const gcm = consent?.googleConsentMode;
    if (gcs && /^G1[01]{2}$/.test(gcs)) {
      expect(gcm?.adStorage).toBe(gcs[2] === '1' ? 'granted' : 'denied');
      expect(gcm?.analyticsStorage).toBe(gcs[3] === '1' ? 'granted' : 'denied');
    } else expect(gcm?.adStorage).toBeUndefined();
    expect(gcm?.nonPersonalizedAds).toBe(npa === '1' ? true : npa === '0' ? false : undefined);
    // The corpus's TCF parameters are empty (`gdpr=&gdpr_consent=`): an ad server that had no string to pass on.
    if (!param(r.url, 'gdpr_consent')) expect(consent?.tcf).toBeUndefined();
    // No identifier is found in a consent parameter.
    const consentNames = new Set(['gdpr_consent', 'gdpr', 'gpp', 'us_privacy', 'gcs', 'gcd', 'npa', 'addtl_consent']);
    expect(disclosure.findings.filter((f) => f.kind === 'identifier' && consentNames.has(f.name))).toEqual([]);
  });
});
