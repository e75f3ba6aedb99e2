import { describe, expect, it } from 'vitest';
import { consentSummaries, consentSummary, pairKey } from '../../../lib/consent/summary.ts';
import { siteCompanyConsent } from '../../../lib/storage/consent.ts';
import { event, freshDb } from '../storage/helpers.ts';

const refusedTcf = {
  cmpId: 7,
  policyVersion: 5,
  vendorId: 755,
  vendorConsent: false,
  vendorLegitimateInterest: false,
  purposesConsent: [],
  purposesLegitimateInterest: [],
  specialFeatures: [],
};

describe('consent summaries', () => {
  it('counts requests by the page’s state, by the string’s answer for this vendor, and with GPC on', () => {
    const summary = consentSummary([
      { consentAt: { state: 'not-answered', since: 1, cmp: 'tcf:7' }, consent: { tcf: refusedTcf } },
      { consentAt: { state: 'refused', since: 2, cmp: 'tcf:7' }, consent: { tcf: refusedTcf, gpc: true } },
      {
        consentAt: { state: 'refused', since: 2, cmp: 'tcf:7' },
        consent: { tcf: { ...refusedTcf, vendorConsent: true } },
      },
      // Older events, and events of a page whose state is not known.
      {},
      { consent: { gpc: true } },
      { consent: { tcf: { ...refusedTcf, vendorId: undefined, vendorConsent: undefined } } },
    ]);
    expect(summary).toEqual({
      requests: 6,
      byState: {
        'no-banner': 0,
        'not-answered': 1,
        accepted: 0,
        refused: 2,
        partial: 0,
        withdrawn: 0,
        unknown: 3,
      },
      vendorConsent: { yes: 1, no: 2, unknown: 3 },
      gpc: 2,
    });
  });

  it('counts a state it does not know (a newer file, a hostile import) as unknown, never as a new key', () => {
    const summary = consentSummary([
      { consentAt: { state: '__proto__' as never } },
      { consentAt: { state: 'x' as never } },
    ]);
    expect(summary.byState.unknown).toBe(2);
    expect(Object.keys(summary.byState)).toHaveLength(7);
  });

  it('keeps one summary per (site, company)', () => {
    const summaries = consentSummaries([
      { site: 'news.example', company: 'google', consent: { gpc: true } },
      { site: 'news.example', company: 'criteo' },
      { site: 'shop.example', company: 'google' },
      { site: 'news.example', company: 'google' },
    ]);
    expect([...summaries].map(([key, s]) => [key, s.requests, s.gpc])).toEqual([
      [pairKey('news.example', 'google'), 2, 1],
      [pairKey('news.example', 'criteo'), 1, 0],
      [pairKey('shop.example', 'google'), 1, 0],
    ]);
  });

  it('reads a pair’s stored events (real Dexie), older events without consent among them', async () => {
    const db = freshDb();
    await db.events.bulkAdd([
      event({ consent: { tcf: refusedTcf }, consentAt: { state: 'refused', since: 5, cmp: 'tcf:7' } }),
      event({ consent: { gpc: true } }),
      event(),
      event({ company: 'criteo', consent: { gpc: true } }),
      event({ site: 'shop.example', consentAt: { state: 'accepted', since: 1 } }),
    ]);
    const summary = await siteCompanyConsent(db, 'news.example', 'google');
    expect(summary.requests).toBe(3);
    expect(summary.byState.refused).toBe(1);
    expect(summary.byState.unknown).toBe(2);
    expect(summary.vendorConsent).toEqual({ yes: 0, no: 1, unknown: 2 });
    expect(summary.gpc).toBe(1);
  });
});
