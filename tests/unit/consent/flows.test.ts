import { describe, expect, it } from 'vitest';
import {
  type ConsentFlowFacts,
  consentFlow,
  consentFlows,
  supportsGround,
  supportsUnlawfulGround,
} from '../../../lib/consent/flows.ts';

const T = Date.UTC(2026, 10, 30, 14, 0, 0);
const base: ConsentFlowFacts = {
  time: T + 400,
  sentAt: T,
  site: 'news.example',
  company: 'google',
  category: 'advertising',
  host: 'ads.example',
  page: '7:1',
  delivery: 'received',
  kinds: ['page-address', 'identifier'],
  findings: [{ kind: 'identifier', name: 'cid' }],
};

describe('consent flows: which requests are evidence', () => {
  it('a request sent 2 s before the answer is "before you answered", with the gap in whole seconds', () => {
    const flow = consentFlow({ ...base, consentAt: { state: 'not-answered', since: T - 5000, answeredAt: T + 2400 } });
    expect(flow).toMatchObject({ moment: 'before-answer', seconds: 2, answeredAt: T + 2400, device: true });
  });

  it('a request while the banner is still open has no gap yet', () => {
    const flow = consentFlow({ ...base, consentAt: { state: 'not-answered', since: T - 5000 } });
    expect(flow?.moment).toBe('before-answer');
    expect(flow?.seconds).toBeUndefined();
  });

  it('after a refusal, the gap runs from the refusal', () => {
    const flow = consentFlow({ ...base, consentAt: { state: 'refused', since: T - 3000, cmp: 'tcf:300' } });
    expect(flow).toMatchObject({ moment: 'after-refusal', seconds: 3, cmp: 'tcf:300' });
  });

  it.each([
    ['not delivered (blocked)', { delivery: 'not-received' as const }],
    ['uncertain (from the cache)', { delivery: 'uncertain' as const }],
    ['older event without a delivery', { delivery: undefined }],
    ['the consent tool itself', { category: 'consent' }],
    ["Google's consent tool (filed under advertising)", { host: 'fundingchoicesmessages.google.com' }],
    ["Quantcast's consent tool", { host: 'cmp.quantcast.com' }],
    ['a CMP on consensu.org', { host: 'vendorlist.consensu.org' }],
    ['Consent Mode says ad storage was granted', { consent: { googleConsentMode: { adStorage: 'granted' as const } } }],
    [
      'Consent Mode says analytics storage was granted',
      { consent: { googleConsentMode: { analyticsStorage: 'granted' as const } } },
    ],
    [
      'its own string gave this vendor consent',
      {
        consent: {
          tcf: {
            cmpId: 1,
            policyVersion: 4,
            vendorId: 755,
            vendorConsent: true,
            purposesConsent: [],
            purposesLegitimateInterest: [],
            specialFeatures: [],
          },
        },
      },
    ],
  ])('%s is no evidence', (_, change) => {
    expect(consentFlow({ ...base, ...change, consentAt: { state: 'refused', since: T - 1000 } })).toBeUndefined();
  });

  it('Consent Mode denied does not hide a request, and a look-alike host is not the consent tool', () => {
    const stamp = { state: 'refused' as const, since: T - 1000 };
    const denied = { googleConsentMode: { adStorage: 'denied' as const, analyticsStorage: 'denied' as const } };
    expect(consentFlow({ ...base, consent: denied, consentAt: stamp })?.moment).toBe('after-refusal');
    expect(consentFlow({ ...base, host: 'notconsensu.org', consentAt: stamp })?.moment).toBe('after-refusal');
    expect(consentFlow({ ...base, host: 'www.google.com', consentAt: stamp })?.moment).toBe('after-refusal');
  });

  it.each(['accepted', 'no-banner', 'unknown'] as const)('a request under "%s" is no evidence', (state) => {
    expect(consentFlow({ ...base, consentAt: { state, since: T - 1000 } })).toBeUndefined();
    expect(consentFlow(base)).toBeUndefined();
  });

  it('after a partial answer, only a request whose own string refused this vendor counts', () => {
    const tcf = (vendorConsent?: boolean) => ({
      tcf: {
        cmpId: 1,
        policyVersion: 4,
        vendorId: 755,
        ...(vendorConsent === undefined ? {} : { vendorConsent }),
        purposesConsent: [1],
        purposesLegitimateInterest: [],
        specialFeatures: [],
      },
    });
    const stamp = { state: 'partial' as const, since: T - 1000 };
    expect(consentFlow({ ...base, consentAt: stamp })).toBeUndefined();
    expect(consentFlow({ ...base, consent: tcf(), consentAt: stamp })).toBeUndefined();
    expect(consentFlow({ ...base, consent: tcf(false), consentAt: stamp })?.moment).toBe('after-partial');
  });

  it('a stamp that puts the send on the wrong side of the answer is not trusted', () => {
    expect(consentFlow({ ...base, consentAt: { state: 'not-answered', answeredAt: T - 10 } })).toBeUndefined();
    expect(consentFlow({ ...base, consentAt: { state: 'refused', since: T + 10 } })).toBeUndefined();
  });

  it('the finishing time stands in for a send time not seen', () => {
    const flow = consentFlow({ ...base, sentAt: undefined, consentAt: { state: 'refused', since: T - 600 } });
    expect(flow?.sentAt).toBe(T + 400);
    expect(flow?.seconds).toBe(1);
  });

  it('the unlawful ground needs a cookie or identifier, not only the page address', () => {
    const stamp = { state: 'refused' as const, since: T - 1000 };
    const addressOnly = consentFlows([{ ...base, kinds: ['page-address'], consentAt: stamp }]);
    expect(addressOnly).toHaveLength(1);
    expect(supportsUnlawfulGround(addressOnly)).toBe(false);
    expect(supportsUnlawfulGround(consentFlows([{ ...base, kinds: ['cookie'], consentAt: stamp }]))).toBe(true);
  });

  it('an id is read from the device only under a name that says so; a value that only looks random is not', () => {
    const stamp = { state: 'refused' as const, since: T - 1000 };
    const named = (name: string) =>
      consentFlow({ ...base, findings: [{ kind: 'identifier', name }], consentAt: stamp });
    expect(named('_fbp')?.device).toBe(true);
    expect(named('user.id')?.device).toBe(true);
    expect(named('rid')?.device).toBe(false);
    expect(named('rid')?.moment).toBe('after-refusal');
  });

  it('the unlawful ground is for tracking companies; analytics can be left out (PECR)', () => {
    const stamp = { state: 'refused' as const, since: T - 1000 };
    const of = (category: string) => consentFlows([{ ...base, category, kinds: ['cookie'], consentAt: stamp }]);
    for (const category of ['advertising', 'site_analytics', 'social_media', 'pornvertising'])
      expect(supportsUnlawfulGround(of(category)), category).toBe(true);
    for (const category of ['cdn', 'hosting', 'audio_video_player', 'customer_interaction', 'misc'])
      expect(supportsUnlawfulGround(of(category)), category).toBe(false);
    expect(supportsUnlawfulGround(of('site_analytics'), { analytics: false })).toBe(false);
    expect(supportsUnlawfulGround(of('advertising'), { analytics: false })).toBe(true);
  });

  it('of a CDN’s cookie and an ad company’s, only the ad company’s flow supports the ground', () => {
    const stamp = { state: 'refused' as const, since: T - 1000 };
    const [cdn, ads, address] = consentFlows([
      { ...base, category: 'cdn', kinds: ['cookie'], consentAt: stamp, sentAt: T },
      { ...base, kinds: ['cookie'], consentAt: stamp, sentAt: T + 1 },
      { ...base, kinds: ['page-address'], consentAt: stamp, sentAt: T + 2 },
    ]);
    expect([cdn, ads, address].map((f) => f && supportsGround(f))).toEqual([false, true, false]);
    const analytics = consentFlow({ ...base, category: 'site_analytics', kinds: ['cookie'], consentAt: stamp });
    expect(analytics && supportsGround(analytics)).toBe(true);
    expect(analytics && supportsGround(analytics, { analytics: false })).toBe(false);
  });

  it('lists flows oldest first', () => {
    const stamp = { state: 'refused' as const, since: T - 10_000 };
    const flows = consentFlows([
      { ...base, sentAt: T + 5000, time: T + 5000, consentAt: stamp },
      { ...base, sentAt: T, consentAt: stamp },
    ]);
    expect(flows.map((f) => f.sentAt)).toEqual([T, T + 5000]);
  });
});
