import { describe, expect, it } from 'vitest';
import type { RequestConsent } from '../../lib/consent/types.ts';
import { everythingStored } from './firefox.ts';
import { useFirefox } from './setup.ts';

// Global Privacy Control, which Chromium has no setting for: Firefox with GPC turned on sends `Sec-GPC: 1` with every
// request, and each request's event says so (issue 17). The published build, MV2.

const SITE = 'www.gpc-news.example';
const URL = `https://${SITE}/index.html`;
const env = useFirefox(
  {
    [SITE]: {
      '/index.html':
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Home</title><link rel="icon" href="data:,"></head>' +
        '<body><h1>Home</h1><img alt="" src="https://www.google-analytics.com/collect?v=1&t=pageview&cid=555.666&gcs=G100"></body></html>',
    },
  },
  { prefs: { 'privacy.globalprivacycontrol.enabled': true } },
);

describe('Global Privacy Control in Firefox', () => {
  it('is recorded on each request that carried Sec-GPC: 1', async () => {
    const page = await env.firefox.browser.newPage();
    await page.goto(URL);
    await env.internet.settled();
    // The server got the header (the test is not vacuous)…
    const sent = env.internet.requestsTo(['www.google-analytics.com']);
    expect(sent.map((r) => r.headers['sec-gpc'])).toEqual(['1']);
    // …and the event says so, beside what the request's own Consent Mode parameter said.
    let consent: RequestConsent | undefined;
    const deadline = Date.now() + 10_000;
    while (!consent && Date.now() < deadline) {
      const { events = [] } = JSON.parse(await everythingStored(env.firefox)) as {
        events?: { host: string; consent?: RequestConsent }[];
      };
      consent = events.find((e) => e.host === 'www.google-analytics.com')?.consent;
      if (!consent) await new Promise((r) => setTimeout(r, 200));
    }
    expect(consent).toEqual({ googleConsentMode: { adStorage: 'denied', analyticsStorage: 'denied' }, gpc: true });
    await page.close();
  });
});
