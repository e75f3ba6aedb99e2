import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TCF_VENDOR_ORGANIZATIONS, tcfVendorOf } from '../../../lib/consent/tcf-vendors.ts';

const names = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', '..', 'lib', 'generated', 'company-names.json'), 'utf8'),
) as { ids: string };
const organizations = new Set(names.ids.split('\n'));

describe('TCF vendor ids of TrackerDB organizations', () => {
  it('names only organizations TrackerDB has (a renamed id would silently lose its vendor)', () => {
    expect(TCF_VENDOR_ORGANIZATIONS.filter((id) => !organizations.has(id))).toEqual([]);
  });

  it.each([
    ['google', 755],
    ['criteo', 91],
    ['appnexus', 32],
    ['the_trade_desk', 21],
    ['rubicon_project', 52],
    ['magnite', 52],
    ['index_exchange', 10],
    ['pubmatic', 76],
    ['microsoft', 1126],
  ])('%s is vendor %i of the published list', (organization, vendor) => {
    expect(tcfVendorOf(organization)).toBe(vendor);
  });

  it('reads a host whose business the list names apart as that vendor: Xandr, LinkedIn, Bidswitch', () => {
    expect(tcfVendorOf('microsoft', 'ib.adnxs.com')).toBe(32);
    expect(tcfVendorOf('microsoft', 'adnxs.com')).toBe(32);
    expect(tcfVendorOf('microsoft', 'bat.bing.com')).toBe(1126);
    expect(tcfVendorOf('microsoft', 'notadnxs.com')).toBe(1126);
    expect(tcfVendorOf('microsoft', 'px.ads.linkedin.com')).toBe(804);
    expect(tcfVendorOf('criteo', 'x.bidswitch.net')).toBe(128);
    expect(tcfVendorOf('criteo', 'bidder.criteo.com')).toBe(91);
  });

  it('gives none to companies the list has no vendor of, or several', () => {
    for (const organization of ['facebook', 'twitter', 'adobe', 'oracle', 'nielsen', 'site:tracker.example'])
      expect(tcfVendorOf(organization)).toBeUndefined();
  });
});
