import { describe, expect, it } from 'vitest';
import type { RequestConsent } from '../../lib/consent/types.ts';
import { gppString, tcString } from '../../scripts/consent-strings.ts';
import { everythingStored } from './extension-db.ts';
import { useExtensionBrowser } from './setup.ts';

// Issue 17, point 1, in real Chromium: a page's ad requests carry the consent strings its consent tool wrote (here
// made with the IAB's own encoders: Google consented, Xandr refused, for purposes 1 and 3), and the extension stores,
// on each request, what the strings told that company — never the strings.

const TC = tcString({ cmpId: 300, purposesConsent: [1, 3], vendorConsents: [755] });
const GPP = gppString({ usnat: { SaleOptOut: 1, SharingOptOut: 2 } });
const SITE = 'www.consent-news.example';
const URL = `https://${SITE}/index.html`;

const body =
  `<img alt="" src="https://securepubads.g.doubleclick.net/gampad/ads?iu=%2F1%2Fhome&gdpr=1&gdpr_consent=${TC}&gcs=G100&npa=1">` +
  `<img alt="" src="https://ib.adnxs.com/getuid?gdpr=1&gdpr_consent=${TC}&us_privacy=1YN-">` +
  // A bid request's JSON body (OpenRTB): the string in user.ext.consent, GPP in regs.
  '<script>fetch("https://prebid.adnxs.com/pbs/v1/openrtb2/auction", {method: "POST", mode: "no-cors", ' +
  `body: JSON.stringify({id: "1", regs: {ext: {gdpr: 1}, gpp: "${GPP}", gpp_sid: [7]}, user: {ext: {consent: "${TC}"}}})` +
  '}).finally(() => { document.title = "sent"; });</script>';

const env = useExtensionBrowser({
  [SITE]: {
    '/index.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Home</title><link rel="icon" href="data:,"></head><body><h1>Home</h1>${body}</body></html>`,
  },
});

type Stored = { host: string; path: string; company: string; consent?: RequestConsent };

describe('consent signals in real requests', () => {
  it('are decoded for the company each request went to, and the strings are stored nowhere', async () => {
    const { context, extensionId } = env.browser;
    const tab = await context.newPage();
    await tab.goto(URL, { waitUntil: 'load' });
    await tab.waitForFunction(() => document.title === 'sent');
    await env.internet.settled();
    let events: Stored[] = [];
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      events = (JSON.parse(await everythingStored(context, extensionId)) as { events?: Stored[] }).events ?? [];
      if (events.length >= 3) break;
      await tab.waitForTimeout(200);
    }
    const on = (host: string) => events.find((e) => e.host === host)?.consent;

    expect(on('securepubads.g.doubleclick.net')).toEqual({
      tcf: {
        gdprApplies: true,
        cmpId: 300,
        policyVersion: 5,
        vendorId: 755,
        vendorConsent: true,
        vendorLegitimateInterest: false,
        purposesConsent: [1, 3],
        purposesLegitimateInterest: [],
        specialFeatures: [],
      },
      googleConsentMode: { adStorage: 'denied', analyticsStorage: 'denied', nonPersonalizedAds: true },
    });
    // TrackerDB names Xandr's exchange Microsoft: the string is read for Xandr's own vendor id, which it refused.
    expect(on('ib.adnxs.com')).toEqual({
      tcf: expect.objectContaining({ gdprApplies: true, vendorId: 32, vendorConsent: false }),
      usPrivacy: { notice: true, optOut: false },
    });
    expect(on('prebid.adnxs.com')).toEqual({
      tcf: expect.objectContaining({ gdprApplies: true, vendorId: 32, vendorConsent: false, purposesConsent: [1, 3] }),
      gpp: {
        sectionIds: [7],
        sections: [{ id: 7, name: 'usnat', optOuts: { SaleOptOut: true, SharingOptOut: false } }],
      },
    });
    // Chromium has no Global Privacy Control: no request says it.
    expect(events.filter((e) => e.consent?.gpc)).toEqual([]);

    const stored = await everythingStored(context, extensionId);
    expect(stored.includes(TC.split('.')[0] as string)).toBe(false);
    expect(stored.includes(GPP.split('~')[1] as string)).toBe(false);
    await tab.close();
  });
});
