// A small Global Vendor List written for the tests (the real one is not on npm, and nothing may be fetched): the
// eleven TCF purposes and two vendors, enough for the IAB encoder to write TC strings of known consents.

/** A CMP id of the test CMP (any whole number from 2 encodes). */
export const TEST_CMP_ID = 300;

const vendor = (id: number, name: string) => ({
  id,
  name,
  purposes: [1, 2, 3, 4, 7, 9, 10],
  legIntPurposes: [],
  flexiblePurposes: [],
  specialPurposes: [],
  features: [],
  specialFeatures: [],
  cookieMaxAgeSeconds: 34_190_000,
  usesCookies: true,
  cookieRefresh: false,
  usesNonCookieAccess: false,
  deviceStorageDisclosureUrl: '',
  urls: [],
});

export const VENDOR_LIST = {
  gvlSpecificationVersion: 3,
  vendorListVersion: 1,
  tcfPolicyVersion: 5,
  lastUpdated: '2026-01-01T00:00:00Z',
  purposes: Object.fromEntries(
    [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((id) => [id, { id, name: `Purpose ${id}`, description: '' }]),
  ),
  specialPurposes: {},
  features: {},
  specialFeatures: {},
  stacks: {},
  dataCategories: {},
  vendors: { 755: vendor(755, 'Google Advertising Products'), 793: vendor(793, 'Amazon Advertising') },
};
