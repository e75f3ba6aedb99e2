import { describe, expect, it } from 'vitest';
import { gppState, reportProblem, tcfState, uspOptedOut } from '../../../lib/consent/page-signals.ts';

const purposes = (...ids: number[]) =>
  Object.fromEntries(Array.from({ length: 11 }, (_, i) => [i + 1, ids.includes(i + 1)]));

describe('what a CMP’s own data says the user answered', () => {
  it.each([
    ['no TC string yet', { purpose: { consents: purposes(1, 2) } }, 'not-answered'],
    [
      'nothing consented ("refuse all" keeps legitimate interest, which is not consent)',
      { tcString: 'CQ', purpose: { consents: purposes() }, vendor: { consents: { 755: false } } },
      'refused',
    ],
    [
      'every purpose 1–10',
      { tcString: 'CQ', purpose: { consents: purposes(1, 2, 3, 4, 5, 6, 7, 8, 9, 10) } },
      'accepted',
    ],
    ['some purposes', { tcString: 'CQ', purpose: { consents: purposes(1, 8) } }, 'partial'],
    [
      'no purpose but a vendor',
      { tcString: 'CQ', purpose: { consents: purposes() }, vendor: { consents: { 755: true } } },
      'partial',
    ],
  ] as const)('TCF: %s', (_, data, state) => {
    expect(tcfState(data)).toBe(state);
  });

  it('GPP: the EU section as TCF, US sections by their opt-outs, nothing from a section that tells none', () => {
    expect(gppState({ tcfeuv2: { PurposeConsent: [], VendorConsent: [] } })).toBe('refused');
    expect(gppState({ usnat: { SaleOptOut: 1, SharingOptOut: 1, TargetedAdvertisingOptOut: 1 } })).toBe('refused');
    expect(gppState({ usnat: { SaleOptOut: 1, SharingOptOut: 2, TargetedAdvertisingOptOut: 2 } })).toBe('partial');
    expect(gppState({ usca: { SaleOptOut: 2, SharingOptOut: 2 } })).toBe('accepted');
    expect(gppState({ usnat: { SaleOptOut: 0 } })).toBeUndefined();
    expect(gppState(undefined)).toBeUndefined();
  });

  it('US Privacy: only a Y in the third place is an opt-out', () => {
    expect(uspOptedOut('1YYN')).toBe(true);
    expect(uspOptedOut('1YNN')).toBe(false);
    expect(uspOptedOut('1---')).toBe(false);
    expect(uspOptedOut(42)).toBe(false);
  });

  it('accepts a page’s report only in its shape', () => {
    expect(
      reportProblem({ origin: 1, signal: { time: 2, state: 'accepted', cmp: 'tcf:28', stored: true } }),
    ).toBeNull();
    expect(reportProblem({ origin: 1, signal: { time: 2, state: 'hasOwnProperty' } })).toBe(
      'signal.state is not a state',
    );
    expect(reportProblem({ origin: -1, signal: { time: 2, state: 'accepted' } })).toBe('origin must be a time');
  });
});
