/**
 * TrackerDB organizations and their IAB TCF vendor id: the id under which a TC string records the company's consent
 * and legitimate interest. Only ids established from public facts: each was checked by name against a published
 * Global Vendor List (GVL v3, vendorListVersion 45 of 2024-03-21, as kept in github.com/MP0501/CookieCrawler,
 * `vendor-list.json`, commit 5cf45d3), and none is marked deleted there. No vendor list is shipped or fetched.
 *
 * Left out on purpose: organizations with no vendor of their own in that list (Meta, X/Twitter, Pinterest, Snap,
 * Reddit, Yandex, MediaMath, Hotjar, most analytics companies), and organizations whose list entries are several
 * vendors with no one of them the company
 * (Adobe: Advertising Cloud 264 and Audience Manager 565; Nielsen 373 and 812; Oracle 385 and 772; smartclip 115 and
 * 531; Verve Group 82 and 512). Their requests keep the string's purposes, never a vendor's consent.
 */
const TCF_VENDORS: Readonly<Record<string, number>> = {
  '33across': 58,
  active_agent: 40,
  adform: 50,
  adnami: 612,
  admixer: 511,
  adtelligent: 410,
  // Amazon's organization in TrackerDB is named `amazon_associates`; Amazon Advertising is its ad business's vendor.
  amazon_associates: 793,
  // AppNexus became Xandr (the same vendor id), now Microsoft's.
  appnexus: 32,
  azerion: 610,
  beeswax: 12,
  bytedance_inc: 986,
  comscore: 77,
  connatix: 143,
  criteo: 91,
  dianomi: 885,
  doubleverify: 126,
  emetriq: 213,
  // Smart AdServer renamed itself Equativ under the same vendor id; TrackerDB still has both organizations.
  equativ: 45,
  smart_adserver: 45,
  exponential_interactive: 1,
  eyeota: 120,
  flashtalking: 78,
  gemius_sa: 328,
  google: 755,
  gumgum: 61,
  hurra_communications: 1050,
  id5_technology_ltd: 131,
  improve_digital: 253,
  index_exchange: 10,
  inmobi: 333,
  innovid: 452,
  insticator: 910,
  integral_ad_science: 278,
  kargo: 972,
  lotame: 95,
  // The Rubicon Project renamed itself Magnite under the same vendor id; TrackerDB has both organizations.
  magnite: 52,
  rubicon_project: 52,
  microsoft: 1126,
  missena: 687,
  nativo: 263,
  nexx360: 965,
  ogury: 31,
  onetag: 241,
  openx: 69,
  outbrain: 164,
  permutive: 361,
  pubmatic: 76,
  quantcast: 11,
  rich_audience: 108,
  rtb_house: 16,
  seedtag: 157,
  seznam: 621,
  sharethrough: 80,
  sonobi: 104,
  sovrn: 13,
  stroer: 136,
  sublime_skinz: 114,
  taboola: 42,
  teads: 132,
  // TrackerDB has The Trade Desk twice; its TCF vendor is The UK Trade Desk Ltd.
  the_trade_desk: 21,
  thetradedesk: 21,
  the_reach_group: 382,
  triplelift: 28,
  weborama: 284,
  yahoo: 25,
  yieldmo: 173,
  zeta: 469,
};

/**
 * Where one TrackerDB organization runs businesses the list names as different vendors, the hosts of the other ones
 * (the organization's own hosts in TrackerDB): Microsoft's holds Xandr's exchange (vendor 32) and LinkedIn's ads
 * (LinkedIn Ireland, 804) beside Microsoft Advertising; Criteo's holds Bidswitch (BIDSWITCH GmbH, 128).
 */
const BY_HOST: Readonly<Record<string, readonly [suffix: string, vendor: number][]>> = {
  microsoft: [
    ['adnxs.com', 32],
    ['adnxs-simple.com', 32],
    ['adnxs.net', 32],
    ['linkedin.com', 804],
    ['licdn.com', 804],
    ['bizo.com', 804],
    ['bizographics.com', 804],
    ['linkedin.oribi.io', 804],
  ],
  criteo: [
    ['bidswitch.net', 128],
    ['exe.bid', 128],
  ],
};

/** The TCF vendor id of a company (an organization id) for a request to `host`, when it has one established. */
export function tcfVendorOf(company: string, host?: string): number | undefined {
  if (!Object.hasOwn(TCF_VENDORS, company)) return undefined;
  if (host && Object.hasOwn(BY_HOST, company)) {
    for (const [suffix, vendor] of BY_HOST[company] ?? [])
      if (host === suffix || host.endsWith(`.${suffix}`)) return vendor;
  }
  return TCF_VENDORS[company];
}

/** Every organization with a vendor id, for tests that check the table against TrackerDB. */
export const TCF_VENDOR_ORGANIZATIONS: readonly string[] = Object.keys(TCF_VENDORS);
