import { describe, expect, it } from 'vitest';
import {
  MAX_ADDITIONAL_CONSENT_IDS,
  MAX_SIGNAL_CHARS,
  requestConsent,
  SIGNAL_NAMES,
} from '../../../lib/consent/signals.ts';
import type { RequestConsent } from '../../../lib/consent/types.ts';
import { type Disclosure, decodeRequest } from '../../../lib/disclose/decode.ts';
import { consentName } from '../../../lib/disclose/rules.ts';
import { gppString, tcString, VENDORS } from '../../../scripts/consent-strings.ts';

const p = (name: string, value: string) => ({ name, value });
const consentOf = (company: string, ...parameters: { name: string; value: string }[]) =>
  requestConsent({ company, parameters });

const ACCEPTED_ALL = tcString({
  purposesConsent: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
  purposesLegitimateInterest: [2, 7, 8, 9, 10, 11],
  specialFeatures: [1, 2],
  vendorConsents: Object.values(VENDORS),
  vendorLegitimateInterests: Object.values(VENDORS),
});
const REFUSED_ALL = tcString({ cmpId: 7 });
/** Consent to Google for purposes 1–4 only; Criteo by legitimate interest alone. */
const PARTIAL = tcString({
  cmpId: 300,
  purposesConsent: [1, 2, 3, 4],
  purposesLegitimateInterest: [7],
  specialFeatures: [1],
  vendorConsents: [VENDORS.google],
  vendorLegitimateInterests: [VENDORS.criteo],
});

describe('TCF v2 strings, as they concern the receiving company', () => {
  it.each<[string, string, string, RequestConsent['tcf']]>([
    [
      'accepted all: Google',
      ACCEPTED_ALL,
      'google',
      {
        cmpId: 28,
        policyVersion: 5,
        vendorId: 755,
        vendorConsent: true,
        vendorLegitimateInterest: true,
        purposesConsent: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
        purposesLegitimateInterest: [2, 7, 8, 9, 10, 11],
        specialFeatures: [1, 2],
      },
    ],
    [
      'refused all: Criteo',
      REFUSED_ALL,
      'criteo',
      {
        cmpId: 7,
        policyVersion: 5,
        vendorId: 91,
        vendorConsent: false,
        vendorLegitimateInterest: false,
        purposesConsent: [],
        purposesLegitimateInterest: [],
        specialFeatures: [],
      },
    ],
    [
      'partial: Google consented',
      PARTIAL,
      'google',
      {
        cmpId: 300,
        policyVersion: 5,
        vendorId: 755,
        vendorConsent: true,
        vendorLegitimateInterest: false,
        purposesConsent: [1, 2, 3, 4],
        purposesLegitimateInterest: [7],
        specialFeatures: [1],
      },
    ],
    [
      'partial: Criteo by legitimate interest only',
      PARTIAL,
      'criteo',
      {
        cmpId: 300,
        policyVersion: 5,
        vendorId: 91,
        vendorConsent: false,
        vendorLegitimateInterest: true,
        purposesConsent: [1, 2, 3, 4],
        purposesLegitimateInterest: [7],
        specialFeatures: [1],
      },
    ],
    [
      'partial: Index Exchange, in the list, given nothing',
      PARTIAL,
      'index_exchange',
      {
        cmpId: 300,
        policyVersion: 5,
        vendorId: 10,
        vendorConsent: false,
        vendorLegitimateInterest: false,
        purposesConsent: [1, 2, 3, 4],
        purposesLegitimateInterest: [7],
        specialFeatures: [1],
      },
    ],
    [
      'a company with no vendor id keeps the purposes, never a vendor consent',
      ACCEPTED_ALL,
      'facebook',
      {
        cmpId: 28,
        policyVersion: 5,
        purposesConsent: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
        purposesLegitimateInterest: [2, 7, 8, 9, 10, 11],
        specialFeatures: [1, 2],
      },
    ],
  ])('%s', (_, string, company, tcf) => {
    expect(consentOf(company, p('gdpr_consent', string))).toEqual({ tcf });
  });

  it('reads `gdpr` (whether GDPR applies) and Google’s Additional Consent beside the TC string', () => {
    const consent = consentOf(
      'google',
      p('gdpr', '1'),
      p('gdpr_consent', PARTIAL),
      p('addtl_consent', '2~2008.89.1301~dv.9.21'),
    );
    expect(consent?.tcf).toMatchObject({ gdprApplies: true, vendorConsent: true, additionalConsent: [89, 1301, 2008] });
    expect(consentOf('google', p('gdpr', '0'), p('gdpr_consent', PARTIAL))?.tcf?.gdprApplies).toBe(false);
    expect(consentOf('google', p('addtl_consent', '1~'), p('gdpr_consent', PARTIAL))?.tcf?.additionalConsent).toEqual(
      [],
    );
  });

  it('reads the string however the request names it: an OpenRTB body, Prebid’s object, a list element', () => {
    expect(consentOf('criteo', p('user.ext.consent', PARTIAL), p('regs.ext.gdpr', '1'))?.tcf).toMatchObject({
      gdprApplies: true,
      vendorLegitimateInterest: true,
    });
    expect(consentOf('criteo', p('gdprConsent.consentString', REFUSED_ALL))?.tcf?.cmpId).toBe(7);
    // The first value that decodes counts: `consent=true` is not a TC string.
    expect(consentOf('google', p('consent', 'true'), p('gdpr_consent', PARTIAL))?.tcf?.cmpId).toBe(300);
  });

  it('keeps at most a bounded number of Additional Consent ids', () => {
    const ids = Array.from({ length: 500 }, (_, i) => 500 - i);
    const ac = consentOf('google', p('gdpr_consent', PARTIAL), p('addtl_consent', `1~${ids.join('.')}`))?.tcf
      ?.additionalConsent;
    expect(ac).toHaveLength(MAX_ADDITIONAL_CONSENT_IDS);
    expect(ac?.slice(0, 3)).toEqual([1, 2, 3]);
  });

  it('decodes one string once for many companies, each getting its own vendor’s answer', () => {
    const answers = ['google', 'criteo', 'appnexus', 'index_exchange'].map(
      (company) => consentOf(company, p('gdpr_consent', PARTIAL))?.tcf?.vendorConsent,
    );
    expect(answers).toEqual([true, false, false, false]);
  });
});

describe('GPP strings and section ids', () => {
  it.each<[string, string, string | undefined, NonNullable<RequestConsent['gpp']>]>([
    [
      'US national: opted out of sale, not of sharing',
      gppString({ usnat: { SaleOptOut: 1, SharingOptOut: 2, TargetedAdvertisingOptOut: 0 } }),
      '7',
      { sectionIds: [7], sections: [{ id: 7, name: 'usnat', optOuts: { SaleOptOut: true, SharingOptOut: false } }] },
    ],
    [
      'California and the old US Privacy section',
      gppString({ usca: { SaleOptOut: 1, SharingOptOut: 1 }, uspv1: { Notice: 'Y', OptOutSale: 'N' } }),
      '6,8',
      {
        sectionIds: [6, 8],
        sections: [
          { id: 6, name: 'uspv1', optOuts: { OptOutSale: false } },
          { id: 8, name: 'usca', optOuts: { SaleOptOut: true, SharingOptOut: true } },
        ],
      },
    ],
    [
      'no gpp_sid: the sections the string holds',
      gppString({ usva: { TargetedAdvertisingOptOut: 1 } }),
      undefined,
      { sectionIds: [9], sections: [{ id: 9, name: 'usva', optOuts: { TargetedAdvertisingOptOut: true } }] },
    ],
    [
      'gpp_sid -1: no section applies',
      gppString({ usnat: { SaleOptOut: 2 } }),
      '-1',
      { sectionIds: [], sections: [{ id: 7, name: 'usnat', optOuts: { SaleOptOut: false } }] },
    ],
  ])('%s', (_, gpp, sid, expected) => {
    const parameters = [p('gpp', gpp), ...(sid !== undefined ? [p('gpp_sid', sid)] : [])];
    expect(consentOf('google', ...parameters)).toEqual({ gpp: expected });
  });

  it('reads the TC string a GPP string carries as section 2 when the request has none of its own', () => {
    const consent = consentOf('criteo', p('gpp', gppString({}, PARTIAL)), p('gpp_sid', '2'));
    expect(consent?.gpp).toEqual({ sectionIds: [2], sections: [{ id: 2, name: 'tcfeuv2', optOuts: {} }] });
    expect(consent?.tcf).toMatchObject({
      cmpId: 300,
      vendorId: 91,
      vendorConsent: false,
      vendorLegitimateInterest: true,
    });
  });

  it('gives each request its own record: one event changed does not change the next one decoded', () => {
    const gpp = gppString({ usnat: { SaleOptOut: 1 } });
    const first = consentOf('google', p('gpp', gpp), p('gpp_sid', '7'));
    const section = first?.gpp?.sections[0];
    if (section) section.optOuts.SaleOptOut = false;
    first?.gpp?.sectionIds.push(99);
    expect(consentOf('google', p('gpp', gpp), p('gpp_sid', '7'))?.gpp).toEqual({
      sectionIds: [7],
      sections: [{ id: 7, name: 'usnat', optOuts: { SaleOptOut: true } }],
    });
    // The same string with other section ids is another answer.
    expect(consentOf('google', p('gpp', gpp), p('gpp_sid', '2'))?.gpp?.sectionIds).toEqual([2]);
  });

  it('reads gpp_sid as a JSON list (OpenRTB `regs.gpp_sid`)', () => {
    const gpp = gppString({ usnat: { SaleOptOut: 1 } });
    const consent = consentOf('google', p('regs.gpp', gpp), p('regs.gpp_sid[0]', '2'), p('regs.gpp_sid[1]', '7'));
    expect(consent?.gpp?.sectionIds).toEqual([2, 7]);
  });
});

describe('US Privacy, Google Consent Mode, GPC', () => {
  it.each<[string, RequestConsent['usPrivacy']]>([
    ['1YNN', { notice: true, optOut: false, lspa: false }],
    ['1YYY', { notice: true, optOut: true, lspa: true }],
    ['1NY-', { notice: false, optOut: true }],
    ['1---', {}],
    ['1yn-', { notice: true, optOut: false }],
  ])('us_privacy=%s', (value, usPrivacy) => {
    expect(consentOf('google', p('us_privacy', value))).toEqual({ usPrivacy });
  });

  it.each<[string, NonNullable<RequestConsent['googleConsentMode']>]>([
    ['G100', { adStorage: 'denied', analyticsStorage: 'denied' }],
    ['G101', { adStorage: 'denied', analyticsStorage: 'granted' }],
    ['G110', { adStorage: 'granted', analyticsStorage: 'denied' }],
    ['G111', { adStorage: 'granted', analyticsStorage: 'granted' }],
  ])('gcs=%s', (value, googleConsentMode) => {
    expect(consentOf('google', p('gcs', value))).toEqual({ googleConsentMode });
  });

  it('reads npa; leaves gcd undecoded (Google does not publish its format)', () => {
    expect(consentOf('google', p('npa', '1'), p('gcd', '13q3q3q3q5'))).toEqual({
      googleConsentMode: { nonPersonalizedAds: true },
    });
    expect(consentOf('google', p('gcs', 'G111'), p('npa', '0'))?.googleConsentMode).toEqual({
      adStorage: 'granted',
      analyticsStorage: 'granted',
      nonPersonalizedAds: false,
    });
    expect(consentOf('google', p('gcd', '13q3q3q3q5'))).toBeUndefined();
  });

  it('records Sec-GPC on its own and beside the strings', () => {
    expect(requestConsent({ company: 'google', gpc: true })).toEqual({ gpc: true });
    expect(requestConsent({ company: 'google', gpc: true, parameters: [p('us_privacy', '1YYN')] })).toEqual({
      usPrivacy: { notice: true, optOut: true, lspa: false },
      gpc: true,
    });
    expect(requestConsent({ company: 'google', gpc: false })).toBeUndefined();
  });
});

describe('hostile and malformed signals: not decodable, never a throw', () => {
  const big = (n: number) => `C${'A'.repeat(n - 1)}`;
  it.each<[string, { name: string; value: string }[]]>([
    ['a 1 MB gdpr_consent', [p('gdpr_consent', big(1024 * 1024))]],
    ['a TC string just over the bound', [p('gdpr_consent', `${PARTIAL}.${'A'.repeat(MAX_SIGNAL_CHARS.tcf)}`)]],
    ['a TC string cut in half', [p('gdpr_consent', PARTIAL.slice(0, 12))]],
    [
      'a TC string with a character out of its alphabet',
      [p('gdpr_consent', `${PARTIAL.slice(0, 20)}!${PARTIAL.slice(21)}`)],
    ],
    ['a TCF v1 string', [p('gdpr_consent', 'BOEFEAyOEFEAyAHABDENAI4AAAB9vABAASA')]],
    ['an unfilled macro', [p('gdpr_consent', '%%GDPR_CONSENT_755%%'), p('gdpr_consent', '[GDPR_CONSENT]')]],
    ['an empty string (as an ad server sends when it has none)', [p('gdpr', ''), p('gdpr_consent', '')]],
    ['a `gdpr` with no string to go with it', [p('gdpr', '1')]],
    ['Additional Consent without a TC string', [p('addtl_consent', '1~1.2.3')]],
    ['a 1 MB GPP string', [p('gpp', `DBABM~${'A'.repeat(1024 * 1024)}`)]],
    ['a GPP header that does not decode', [p('gpp', 'DBAB~zzz')]],
    [
      'a GPP header naming more sections than follow',
      [p('gpp', gppString({ usnat: { SaleOptOut: 1 } }).split('~')[0] ?? '')],
    ],
    ['GPP garbage', [p('gpp', 'not a gpp string'), p('gpp_sid', '7')]],
    ['us_privacy of the wrong version or letters', [p('us_privacy', '2YNN'), p('us_privacy', '1YNX'), p('usp', '1YN')]],
    ['gcs of the wrong shape', [p('gcs', 'G1x0'), p('gcs', 'G1000'), p('gcs', 'G200')]],
    ['npa other than 0 or 1', [p('npa', 'yes')]],
    ['a name that merely contains a signal’s', [p('my_gdpr_consent_flag', PARTIAL), p('gcs_version', 'G111')]],
  ])('%s', (_, parameters) => {
    const started = performance.now();
    expect(consentOf('google', ...parameters)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(250);
  });

  it('keeps the decodable signals beside malformed ones', () => {
    const consent = consentOf(
      'google',
      p('gdpr_consent', PARTIAL),
      p('addtl_consent', '1~1..2'),
      p('gpp', 'DBAB~zzz'),
      p('us_privacy', '1YN-'),
    );
    expect(consent).toEqual({
      tcf: expect.objectContaining({ cmpId: 300, vendorConsent: true }),
      usPrivacy: { notice: true, optOut: false },
    });
    expect(consent?.tcf?.additionalConsent).toBeUndefined();
  });

  it.each([
    ['1~abc'],
    ['3~1.2'],
    ['2~1.2'],
    ['2~1.2~xx.3'],
    ['1~0.5'],
    ['1~1.2~dv.3'],
    [`1~${'1.'.repeat(MAX_SIGNAL_CHARS.additionalConsent)}1`],
  ])('Additional Consent %s is not decodable (the TC string still is)', (ac) => {
    const tcf = consentOf('google', p('gdpr_consent', PARTIAL), p('addtl_consent', ac))?.tcf;
    expect(tcf?.cmpId).toBe(300);
    expect(tcf?.additionalConsent).toBeUndefined();
  });

  it('gives no vendor id to a company named like an object’s own property', () => {
    for (const company of ['__proto__', 'constructor', 'toString', 'hasOwnProperty'])
      expect(consentOf(company, p('gdpr_consent', PARTIAL))?.tcf?.vendorId).toBeUndefined();
  });
});

describe('the disclosure hands consent parameters on, and never as findings', () => {
  it('knows every name the consent decoder reads', () => {
    expect(SIGNAL_NAMES.filter((name) => consentName(name) === undefined)).toEqual([]);
    expect(consentName('regs.ext.gdpr')).toBe('gdpr');
    expect(consentName('regs.gpp_sid[3]')).toBe('gpp_sid');
    expect(consentName('GDPR_CONSENT')).toBe('gdpr_consent');
    expect(consentName('gdpr_consent_flag')).toBeUndefined();
  });

  it('decodes an ad request’s address: the strings are no identifiers, and the consent is read', async () => {
    const url =
      `https://securepubads.g.doubleclick.net/gampad/ads?iu=%2F123%2Fhome&gdpr=1&gdpr_consent=${PARTIAL}` +
      `&addtl_consent=2~89~dv.&us_privacy=1YN-&gcs=G100&gcd=13q3q3q3q5&npa=1&cid=ab12cd34ef56gh78ij90`;
    const disclosure = (await decodeRequest({
      url,
      method: 'GET',
      pageUrl: 'https://www.news.example/',
    })) as Disclosure;
    const identifiers = disclosure.findings.filter((f) => f.kind === 'identifier').map((f) => f.name);
    expect(identifiers).toEqual(['cid']);
    expect(requestConsent({ company: 'google', parameters: disclosure.consent })).toEqual({
      tcf: expect.objectContaining({ gdprApplies: true, vendorId: 755, vendorConsent: true, additionalConsent: [89] }),
      usPrivacy: { notice: true, optOut: false },
      googleConsentMode: { adStorage: 'denied', analyticsStorage: 'denied', nonPersonalizedAds: true },
    });
  });

  it('reads the consent pairs an ad server writes into the path (`;gcs=G100;`)', async () => {
    const url = 'https://ad.doubleclick.net/activity/src=123;type=sales;gcs=G110;npa=0;ord=987?';
    const disclosure = (await decodeRequest({ url, method: 'GET' })) as Disclosure;
    expect(requestConsent({ company: 'google', parameters: disclosure.consent })).toEqual({
      googleConsentMode: { adStorage: 'granted', analyticsStorage: 'denied', nonPersonalizedAds: false },
    });
  });

  it('decodes an OpenRTB bid request’s JSON body', async () => {
    const body = JSON.stringify({
      id: 'r1',
      imp: Array.from({ length: 80 }, (_, i) => ({ id: String(i), banner: { w: 300, h: 250 } })),
      regs: { ext: { gdpr: 1 }, gpp: gppString({ usnat: { SaleOptOut: 1 } }), gpp_sid: [7] },
      user: { ext: { consent: PARTIAL } },
    });
    const disclosure = await decodeRequest({
      url: 'https://prebid.adnxs.com/pbs/v1/openrtb2/auction',
      method: 'POST',
      pageUrl: 'https://www.news.example/',
      body: { raw: [{ bytes: new TextEncoder().encode(body).buffer as ArrayBuffer }] },
    });
    // Read from every parameter, not only the sixty the example table keeps: the consent comes after 80 impressions.
    expect(disclosure.parameters.length).toBeLessThanOrEqual(60);
    expect(requestConsent({ company: 'appnexus', parameters: disclosure.consent })).toEqual({
      tcf: expect.objectContaining({ gdprApplies: true, vendorId: 32, vendorConsent: false }),
      gpp: { sectionIds: [7], sections: [{ id: 7, name: 'usnat', optOuts: { SaleOptOut: true } }] },
    });
  });

  it('stays bounded on a megabyte of consent parameters', async () => {
    const url = `https://ib.adnxs.com/ut?${Array.from({ length: 200 }, () => `gdpr_consent=${big()}`).join('&')}`;
    function big() {
      return `C${'Q'.repeat(5000)}`;
    }
    const started = performance.now();
    const disclosure = (await decodeRequest({ url, method: 'GET' })) as Disclosure;
    expect(disclosure.consent?.length ?? 0).toBeLessThanOrEqual(16);
    expect(requestConsent({ company: 'appnexus', parameters: disclosure.consent })).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('the IAB libraries, as used here', () => {
  it('fetch nothing: no vendor list, no request of any kind while decoding', () => {
    const calls: string[] = [];
    const saved = { fetch: globalThis.fetch, xhr: (globalThis as { XMLHttpRequest?: unknown }).XMLHttpRequest };
    globalThis.fetch = ((input: unknown) => {
      calls.push(`fetch ${String(input)}`);
      return Promise.reject(new Error('no network'));
    }) as typeof fetch;
    (globalThis as { XMLHttpRequest?: unknown }).XMLHttpRequest = class {
      open(_: string, url: string) {
        calls.push(`XMLHttpRequest ${url}`);
      }
      send() {}
    };
    try {
      const fresh = tcString({ cmpId: 999, purposesConsent: [2], vendorConsents: [VENDORS.criteo] });
      const gpp = gppString({ usca: { SaleOptOut: 1 } }, fresh);
      expect(consentOf('criteo', p('gdpr_consent', fresh), p('gpp', gpp))?.tcf?.vendorConsent).toBe(true);
    } finally {
      globalThis.fetch = saved.fetch;
      (globalThis as { XMLHttpRequest?: unknown }).XMLHttpRequest = saved.xhr;
    }
    expect(calls).toEqual([]);
  });
});
