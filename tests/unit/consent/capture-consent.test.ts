import { describe, expect, it } from 'vitest';
import { Capture } from '../../../lib/capture/capture.ts';
import { PendingRequests } from '../../../lib/capture/pending.ts';
import { DEFAULT_SETTINGS } from '../../../lib/settings.ts';
import { Recorder } from '../../../lib/storage/recorder.ts';
import { createTrackerMatcher } from '../../../lib/trackers/matcher.ts';
import { tcString, VENDORS } from '../../../scripts/consent-strings.ts';
import { realTrackerList } from '../fixture-lists.ts';
import { observed } from '../requests.ts';
import { freshDb } from '../storage/helpers.ts';

const matcher = createTrackerMatcher([realTrackerList()]);

function setup() {
  const db = freshDb();
  const recorder = new Recorder(db);
  const capture = new Capture({
    db,
    recorder,
    matcher: () => matcher,
    settings: () => ({ ...DEFAULT_SETTINGS }),
    getTab: async () => ({ url: 'https://www.news.example/', incognito: false }),
    privateAccess: false,
  });
  capture.navigated(1, 'https://www.news.example/', false, 1000);
  return { db, recorder, capture };
}

const consented = tcString({ purposesConsent: [1, 2], vendorConsents: [VENDORS.google] });

describe('the capture stores each request’s consent signals, decoded for its company', () => {
  it('keeps the decoded state on the event, never the raw string, and no identifier of it', async () => {
    const s = setup();
    const top = { topLevelUrl: 'https://www.news.example/', initiator: 'https://www.news.example' };
    await s.capture.observe(
      observed(`https://securepubads.g.doubleclick.net/gampad/ads?gdpr=1&gdpr_consent=${consented}&gcs=G100`, top),
    );
    await s.capture.observe(observed(`https://ib.adnxs.com/getuid?gdpr=1&gdpr_consent=${consented}`, top));
    await s.capture.observe(observed('https://www.google-analytics.com/collect?v=1&t=pageview', top));
    await s.recorder.flush();
    const events = await s.db.events.toArray();
    expect(events.map((e) => [e.company, e.consent?.tcf?.vendorId, e.consent?.tcf?.vendorConsent])).toEqual([
      ['google', 755, true],
      // TrackerDB places Xandr's exchange under Microsoft; the string is read for Xandr's own vendor id.
      ['microsoft', 32, false],
      ['google', undefined, undefined],
    ]);
    expect(events[0]?.consent?.googleConsentMode).toEqual({ adStorage: 'denied', analyticsStorage: 'denied' });
    expect(events[2]?.consent).toBeUndefined();
    expect(JSON.stringify(events)).not.toContain(consented.slice(0, 20));
    expect(events.flatMap((e) => e.findings).filter((f) => f.kind === 'identifier')).toEqual([]);
  });

  it('records Sec-GPC from the request’s headers', async () => {
    const s = setup();
    const pending = new PendingRequests();
    pending.headers('7', [
      { name: 'Sec-GPC', value: '1' },
      { name: 'Referer', value: 'https://www.news.example/' },
    ]);
    pending.headers('8', [{ name: 'Sec-GPC', value: '0' }]);
    const top = { topLevelUrl: 'https://www.news.example/' };
    for (const id of ['7', '8']) {
      const extras = pending.take(id);
      await s.capture.observe(
        observed('https://www.google-analytics.com/collect?v=1', {
          ...top,
          requestId: id,
          ...(extras ? { extras } : {}),
        }),
      );
    }
    await s.recorder.flush();
    expect((await s.db.events.toArray()).map((e) => e.consent)).toEqual([{ gpc: true }, undefined]);
  });
});
