import type { Law } from './laws.ts';

/**
 * Where the companies users meet most have the establishment that controls the data of people in Europe. TrackerDB's
 * country is the parent's head office (Google and Meta: US, though their European controllers are in Ireland), and it
 * is missing for many organizations. Written for Disclosed from the companies' own privacy notices and public company
 * registers, November 2026; keyed by TrackerDB organization id. `country` is ISO 3166-1 alpha-2, or ISO 3166-2 for a
 * company seated in Germany (its Land's authority supervises it).
 */
export interface Establishment {
  entity: string;
  country: string;
  address?: string;
}

export const ESTABLISHMENTS: Record<string, Establishment> = {
  google: {
    entity: 'Google Ireland Limited',
    country: 'IE',
    address: 'Gordon House, Barrow Street, Dublin 4, Ireland',
  },
  facebook: {
    entity: 'Meta Platforms Ireland Limited',
    country: 'IE',
    address: 'Merrion Road, Dublin 4, D04 X2K5, Ireland',
  },
  microsoft: {
    entity: 'Microsoft Ireland Operations Limited',
    country: 'IE',
    address: 'One Microsoft Place, South County Business Park, Leopardstown, Dublin 18, D18 P521, Ireland',
  },
  amazon_associates: {
    entity: 'Amazon Europe Core S.à r.l.',
    country: 'LU',
    address: '38 avenue John F. Kennedy, L-1855 Luxembourg',
  },
  bytedance_inc: {
    entity: 'TikTok Technology Limited',
    country: 'IE',
    address: '10 Earlsfort Terrace, Dublin 2, D02 T380, Ireland',
  },
  twitter: {
    entity: 'Twitter International Unlimited Company',
    country: 'IE',
    address: 'One Cumberland Place, Fenian Street, Dublin 2, D02 AX07, Ireland',
  },
  yahoo: {
    entity: 'Yahoo EMEA Limited',
    country: 'IE',
    address: '5–7 Point Square, North Wall Quay, Dublin 1, Ireland',
  },
  adobe: {
    entity: 'Adobe Systems Software Ireland Limited',
    country: 'IE',
    address: '4–6 Riverwalk, Citywest Business Campus, Dublin 24, Ireland',
  },
  pinterest: {
    entity: 'Pinterest Europe Limited',
    country: 'IE',
    address: 'Palmerston House, Fenian Street, Dublin 2, Ireland',
  },
  quantcast: {
    entity: 'Quantcast International Limited',
    country: 'IE',
    address: 'Beaux Lane House, Dublin 2, Ireland',
  },
  intercom: { entity: 'Intercom R&D Unlimited Company', country: 'IE' },
  shopify: { entity: 'Shopify International Limited', country: 'IE' },
  stripe: { entity: 'Stripe Payments Europe, Limited', country: 'IE' },
  hubspot: { entity: 'HubSpot Ireland Limited', country: 'IE' },
  criteo: { entity: 'Criteo SA', country: 'FR', address: '32 rue Blanche, 75009 Paris, France' },
  smart_adserver: { entity: 'Smart AdServer SAS (Equativ)', country: 'FR' },
  didomi: { entity: 'Didomi SAS', country: 'FR' },
  hotjar: {
    entity: 'Hotjar Ltd',
    country: 'MT',
    address: 'Dragonara Business Centre, 5th Floor, Dragonara Road, St Julian’s STJ 3141, Malta',
  },
  paypal: { entity: 'PayPal (Europe) S.à r.l. et Cie, S.C.A.', country: 'LU' },
  snap_technologies: { entity: 'Snap B.V.', country: 'NL' },
  adform: { entity: 'Adform A/S', country: 'DK' },
  mouseflow: { entity: 'Mouseflow ApS', country: 'DK' },
  spotify: { entity: 'Spotify AB', country: 'SE' },
  klarna: { entity: 'Klarna Bank AB (publ)', country: 'SE' },
  rtb_house: { entity: 'RTB House S.A.', country: 'PL' },
  seedtag: { entity: 'Seedtag Advertising S.L.', country: 'ES' },
  rubicon_project: { entity: 'The Rubicon Project, Limited (Magnite)', country: 'GB' },
  pubmatic: { entity: 'PubMatic Limited', country: 'GB' },
  id5_technology_ltd: { entity: 'ID5 Technology Ltd', country: 'GB' },
  ebay: { entity: 'eBay GmbH', country: 'DE-BB' },
  ebay_partner_network: { entity: 'eBay GmbH', country: 'DE-BB' },
  emetriq: { entity: 'emetriq GmbH', country: 'DE-HH' },
  etracker_gmbh: { entity: 'etracker GmbH', country: 'DE-HH' },
  yieldlove: { entity: 'Yieldlove GmbH', country: 'DE-HH' },
  usercentrics: { entity: 'Usercentrics GmbH', country: 'DE-BY' },
  adjust: { entity: 'Adjust GmbH', country: 'DE-BE' },
  axel_springer: { entity: 'Axel Springer SE', country: 'DE-BE' },
  webtrekk: { entity: 'Webtrekk GmbH', country: 'DE-BE' },
  united_internet: { entity: 'United Internet AG', country: 'DE-RP' },
};

export function establishmentOf(companyId: string): Establishment | undefined {
  return Object.hasOwn(ESTABLISHMENTS, companyId) ? ESTABLISHMENTS[companyId] : undefined;
}

/** The EU/EEA member states and the other EEA states, where the GDPR applies. */
export const EEA = 'AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IS IT LI LT LU LV MT NL NO PL PT RO SE SI SK'.split(
  ' ',
);

/** The law of a place (a country, a German Land, US-CA), or undefined where none of the five applies. */
export function lawOf(place: string): Law | undefined {
  const country = place === 'US-CA' ? place : (place.split('-')[0] ?? '');
  if (EEA.includes(country)) return 'gdpr';
  return ({ GB: 'uk-gdpr', CH: 'fadp', BR: 'lgpd', 'US-CA': 'ccpa' } as Record<string, Law>)[country];
}

/**
 * The laws to offer, best first: the law of the user's residence (each of the five applies to companies targeting
 * people there), then the law of the company's establishment, then the rest.
 */
export function lawsFor(residence: string, companyId: string): Law[] {
  const first = [lawOf(residence), lawOf(establishmentOf(companyId)?.country ?? '')];
  const rest: Law[] = ['gdpr', 'uk-gdpr', 'fadp', 'lgpd', 'ccpa'];
  return [...new Set([...first.filter((l): l is Law => !!l), ...rest])];
}

/**
 * The country whose calendar counts the controller's deadline (its public holidays): the establishment's (a German
 * Land as DE-BY), else the user's residence.
 */
export function controllerCountry(companyId: string, residence: string): string {
  return establishmentOf(companyId)?.country ?? residence;
}

/** The usual language of letters to a place, as a letter-language code (may not be shipped yet). */
const LANGUAGE_OF: Record<string, string> = {
  IE: 'en',
  GB: 'en',
  MT: 'en',
  'US-CA': 'en',
  DE: 'de',
  AT: 'de',
  LI: 'de',
  FR: 'fr',
  LU: 'fr',
  BE: 'fr',
  MC: 'fr',
  ES: 'es',
  IT: 'it',
  NL: 'nl',
  PL: 'pl',
  PT: 'pt',
  BR: 'pt-BR',
  CH: 'de',
};

/**
 * The default letter language: the establishment's, else the residence's, among `available` (the languages that
 * write the chosen law); English when neither is.
 */
export function defaultLetterLanguage(companyId: string, residence: string, available: string[]): string {
  const place = (p: string | undefined) => (p ? (LANGUAGE_OF[p] ?? LANGUAGE_OF[p.split('-')[0] ?? '']) : undefined);
  for (const code of [place(establishmentOf(companyId)?.country), place(residence)]) {
    if (code && available.includes(code)) return code;
  }
  return available.includes('en') ? 'en' : (available[0] ?? 'en');
}
