/**
 * The cost of decoding consent signals, per request (`npm run bench -- --consent`): what issue 17 adds to the
 * worker's handling of a request. Three requests as ad servers send them — a TC string with Google's Additional
 * Consent, a GPP string with its section ids, US Privacy and Google Consent Mode — decoded as the capture decodes
 * them (the disclosure, then the consent), against the same requests with their consent parameters taken out. A page
 * sends one TC string with request after request, so the decoder keeps the last ones it decoded: the figure is
 * given for a string seen before (the common case) and for a new string every request (the worst).
 */
import { requestConsent } from '../lib/consent/signals.ts';
import { type Disclosure, decodeRequest } from '../lib/disclose/decode.ts';
import { gppString, tcString } from './consent-strings.ts';

/**
 * Microseconds per call of `fn(i)`: the fastest of passes of `n` calls (the machine is shared; the fastest pass is the
 * one least disturbed by others' work).
 */
function perCall(n: number, fn: (i: number) => void, passes = 9): number {
  const times: number[] = [];
  for (let p = 0; p < passes; p++) {
    const t = performance.now();
    for (let i = 0; i < n; i++) fn(i);
    times.push(((performance.now() - t) * 1000) / n);
  }
  return Math.min(...times);
}

export function consentBench() {
  const strings = Array.from({ length: 200 }, (_, i) =>
    tcString({
      cmpId: 2 + i,
      purposesConsent: [1, 2, 3, 4, 7, 9, 10].slice(0, 1 + (i % 7)),
      purposesLegitimateInterest: [2, 7, 8],
      vendorConsents: [755, 91, 32, 10].slice(0, 1 + (i % 4)),
      vendorLegitimateInterests: [91],
    }),
  );
  const ac = `2~${Array.from({ length: 120 }, (_, i) => 1 + i * 7).join('.')}~dv.`;
  const gpp = gppString({ usnat: { SaleOptOut: 1, SharingOptOut: 2 }, uspv1: { Notice: 'Y', OptOutSale: 'N' } });
  const base = 'https://securepubads.g.doubleclick.net/gampad/ads?iu=%2F1234%2Fnews&sz=300x250&correlator=12345';
  const withConsent = (tc: string) =>
    `${base}&gdpr=1&gdpr_consent=${tc}&addtl_consent=${ac}&gpp=${gpp}&gpp_sid=7&us_privacy=1YN-&gcs=G101&npa=1`;
  const page = 'https://www.news.example/article';
  const decode = (url: string) => decodeRequest({ url, method: 'GET', pageUrl: page }) as Disclosure;
  const full = (url: string) => requestConsent({ company: 'google', parameters: decode(url).consent });

  // Warm up the code paths (and the memo with the first string).
  for (let i = 0; i < 500; i++) full(withConsent(strings[i % 4] as string));
  const n = 2000;
  const figures = {
    'address without consent parameters (decode only)': perCall(n, () => decode(base)),
    'address with all the signals, a string seen before (decode + consent)': perCall(n, () =>
      full(withConsent(strings[0] as string)),
    ),
    'address with all the signals, a new TC string every request (decode + consent)': perCall(n, (i) =>
      full(withConsent(strings[i % strings.length] as string)),
    ),
  };
  // The consent step alone, on the parameters the disclosure handed on.
  const seen = decode(withConsent(strings[0] as string)).consent;
  const fresh = strings.map((s) => decode(withConsent(s)).consent);
  const consentOnly = {
    'consent step alone, a string seen before': perCall(n, () =>
      requestConsent({ company: 'google', parameters: seen }),
    ),
    'consent step alone, a new TC string every request': perCall(n, (i) =>
      requestConsent({ company: 'google', parameters: fresh[i % fresh.length] }),
    ),
  };
  const all = { ...figures, ...consentOnly };
  for (const [name, us] of Object.entries(all)) console.log(`${name}: ${us.toFixed(1)} µs per request`);
  const added =
    figures['address with all the signals, a string seen before (decode + consent)'] -
    figures['address without consent parameters (decode only)'];
  console.log(`(the consent signals add about ${added.toFixed(1)} µs to such a request, a string seen before)`);
  return Object.fromEntries(Object.entries(all).map(([k, v]) => [k, { microsecondsPerRequest: Number(v.toFixed(2)) }]));
}
