import { GppModel } from '@iabgpp/cmpapi';
import { GVL, TCModel, TCString } from '@iabtechlabtcf/core';

// Real consent strings for the tests and the bench, made with the IAB Tech Lab's own encoders against a small vendor list written
// here (a GVL built from a JSON object downloads nothing).

const purposes = Object.fromEntries(
  [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((id) => [id, { id, name: `Purpose ${id}`, description: '' }]),
);
const vendor = (id: number, name: string) => ({
  id,
  name,
  purposes: [1, 2, 3, 4],
  legIntPurposes: [7, 9, 10],
  flexiblePurposes: [],
  specialPurposes: [],
  features: [],
  specialFeatures: [],
  cookieMaxAgeSeconds: null,
  usesCookies: true,
  usesNonCookieAccess: false,
  urls: [],
});

/** Four vendors, with the ids the published list gives them. */
export const VENDORS = { google: 755, criteo: 91, xandr: 32, indexExchange: 10 } as const;

function smallVendorList(): GVL {
  return new GVL({
    gvlSpecificationVersion: 3,
    vendorListVersion: 7,
    tcfPolicyVersion: 5,
    lastUpdated: '2026-11-01T00:00:00Z',
    purposes,
    specialPurposes: {},
    features: {},
    specialFeatures: {
      1: { id: 1, name: 'Precise geolocation', description: '' },
      2: { id: 2, name: 'Device scanning', description: '' },
    },
    dataCategories: {},
    stacks: {},
    vendors: {
      [VENDORS.google]: vendor(VENDORS.google, 'Google Advertising Products'),
      [VENDORS.criteo]: vendor(VENDORS.criteo, 'Criteo SA'),
      [VENDORS.xandr]: vendor(VENDORS.xandr, 'Xandr, Inc.'),
      [VENDORS.indexExchange]: vendor(VENDORS.indexExchange, 'Index Exchange Inc.'),
    },
  } as unknown as ConstructorParameters<typeof GVL>[0]);
}

export interface Choice {
  cmpId?: number;
  purposesConsent?: number[];
  purposesLegitimateInterest?: number[];
  specialFeatures?: number[];
  vendorConsents?: number[];
  vendorLegitimateInterests?: number[];
}

/** A TC string (core segment, and the segments the encoder adds) recording these choices. */
export function tcString(choice: Choice): string {
  const model = new TCModel(smallVendorList());
  model.cmpId = choice.cmpId ?? 28;
  model.cmpVersion = 3;
  model.consentScreen = 1;
  model.purposeConsents.set(choice.purposesConsent ?? []);
  model.purposeLegitimateInterests.set(choice.purposesLegitimateInterest ?? []);
  model.specialFeatureOptins.set(choice.specialFeatures ?? []);
  model.vendorConsents.set(choice.vendorConsents ?? []);
  model.vendorLegitimateInterests.set(choice.vendorLegitimateInterests ?? []);
  return TCString.encode(model);
}

/** A GPP string with these sections' fields set (`{ usnat: { SaleOptOut: 1 } }`), and a TC string as section 2. */
export function gppString(fields: Record<string, Record<string, unknown>>, tcf?: string): string {
  const model = new GppModel();
  for (const [section, values] of Object.entries(fields))
    for (const [field, value] of Object.entries(values)) model.setFieldValue(section, field, value);
  if (tcf) model.decodeSection('tcfeuv2', tcf);
  return model.encode();
}
