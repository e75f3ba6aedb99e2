import type { Law } from './laws.ts';

/**
 * Authorities a person can complain to, with their official websites: the supervisory authorities of the EEA (GDPR
 * Art. 77: in the member state of habitual residence; in Germany the authority of the Land, DE-BY…, which for a
 * company is the one of its seat), the ICO, the FDPIC, the ANPD, and in California both the CPPA and the Attorney
 * General. Written for Disclosed from the authorities' own sites and the European Data Protection Board's list of its
 * members (edpb.europa.eu); checked November 2026. Disclosed links there and prepares the text, it contacts no one.
 */
export interface Authority {
  /** ISO 3166-1 alpha-2 code of the country, or ISO 3166-2 for a German Land (DE-BY) and California (US-CA). */
  country: string;
  name: string;
  website: string;
  /** The law a complaint there relies on. */
  law: Law;
}

export const AUTHORITIES: Authority[] = [
  { country: 'AT', name: 'Österreichische Datenschutzbehörde', website: 'https://www.dsb.gv.at', law: 'gdpr' },
  {
    country: 'BE',
    name: 'Autorité de protection des données / Gegevensbeschermingsautoriteit',
    website: 'https://www.dataprotectionauthority.be',
    law: 'gdpr',
  },
  { country: 'BG', name: 'Commission for Personal Data Protection', website: 'https://www.cpdp.bg', law: 'gdpr' },
  {
    country: 'CY',
    name: 'Commissioner for Personal Data Protection',
    website: 'https://www.dataprotection.gov.cy',
    law: 'gdpr',
  },
  { country: 'CZ', name: 'Úřad pro ochranu osobních údajů', website: 'https://www.uoou.cz', law: 'gdpr' },
  ...(
    [
      [
        'DE-BW',
        'Der Landesbeauftragte für den Datenschutz und die Informationsfreiheit Baden-Württemberg',
        'https://www.baden-wuerttemberg.datenschutz.de',
      ],
      ['DE-BY', 'Bayerisches Landesamt für Datenschutzaufsicht', 'https://www.lda.bayern.de'],
      ['DE-BE', 'Berliner Beauftragte für Datenschutz und Informationsfreiheit', 'https://www.datenschutz-berlin.de'],
      [
        'DE-BB',
        'Die Landesbeauftragte für den Datenschutz und für das Recht auf Akteneinsicht Brandenburg',
        'https://www.lda.brandenburg.de',
      ],
      [
        'DE-HB',
        'Die Landesbeauftragte für Datenschutz und Informationsfreiheit der Freien Hansestadt Bremen',
        'https://www.datenschutz.bremen.de',
      ],
      [
        'DE-HH',
        'Der Hamburgische Beauftragte für Datenschutz und Informationsfreiheit',
        'https://datenschutz-hamburg.de',
      ],
      ['DE-HE', 'Der Hessische Beauftragte für Datenschutz und Informationsfreiheit', 'https://datenschutz.hessen.de'],
      [
        'DE-MV',
        'Der Landesbeauftragte für Datenschutz und Informationsfreiheit Mecklenburg-Vorpommern',
        'https://www.datenschutz-mv.de',
      ],
      ['DE-NI', 'Der Landesbeauftragte für den Datenschutz Niedersachsen', 'https://www.lfd.niedersachsen.de'],
      [
        'DE-NW',
        'Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen',
        'https://www.ldi.nrw.de',
      ],
      [
        'DE-RP',
        'Der Landesbeauftragte für den Datenschutz und die Informationsfreiheit Rheinland-Pfalz',
        'https://www.datenschutz.rlp.de',
      ],
      ['DE-SL', 'Unabhängiges Datenschutzzentrum Saarland', 'https://www.datenschutz.saarland.de'],
      ['DE-SN', 'Sächsischer Datenschutz- und Transparenzbeauftragter', 'https://www.datenschutz.sachsen.de'],
      ['DE-ST', 'Landesbeauftragter für den Datenschutz Sachsen-Anhalt', 'https://datenschutz.sachsen-anhalt.de'],
      ['DE-SH', 'Unabhängiges Landeszentrum für Datenschutz Schleswig-Holstein', 'https://www.datenschutzzentrum.de'],
      [
        'DE-TH',
        'Thüringer Landesbeauftragter für den Datenschutz und die Informationsfreiheit',
        'https://www.tlfdi.de',
      ],
    ] as const
  ).map(([country, name, website]): Authority => ({ country, name, website, law: 'gdpr' })),
  { country: 'DK', name: 'Datatilsynet', website: 'https://www.datatilsynet.dk', law: 'gdpr' },
  { country: 'EE', name: 'Andmekaitse Inspektsioon', website: 'https://www.aki.ee', law: 'gdpr' },
  { country: 'ES', name: 'Agencia Española de Protección de Datos', website: 'https://www.aepd.es', law: 'gdpr' },
  { country: 'FI', name: 'Tietosuojavaltuutetun toimisto', website: 'https://tietosuoja.fi', law: 'gdpr' },
  {
    country: 'FR',
    name: 'Commission nationale de l’informatique et des libertés (CNIL)',
    website: 'https://www.cnil.fr',
    law: 'gdpr',
  },
  { country: 'GR', name: 'Hellenic Data Protection Authority', website: 'https://www.dpa.gr', law: 'gdpr' },
  { country: 'HR', name: 'Agencija za zaštitu osobnih podataka', website: 'https://azop.hr', law: 'gdpr' },
  {
    country: 'HU',
    name: 'Nemzeti Adatvédelmi és Információszabadság Hatóság',
    website: 'https://naih.hu',
    law: 'gdpr',
  },
  { country: 'IE', name: 'Data Protection Commission', website: 'https://www.dataprotection.ie', law: 'gdpr' },
  { country: 'IS', name: 'Persónuvernd', website: 'https://www.personuvernd.is', law: 'gdpr' },
  {
    country: 'IT',
    name: 'Garante per la protezione dei dati personali',
    website: 'https://www.garanteprivacy.it',
    law: 'gdpr',
  },
  { country: 'LI', name: 'Datenschutzstelle Liechtenstein', website: 'https://www.datenschutzstelle.li', law: 'gdpr' },
  { country: 'LT', name: 'Valstybinė duomenų apsaugos inspekcija', website: 'https://vdai.lrv.lt', law: 'gdpr' },
  {
    country: 'LU',
    name: 'Commission nationale pour la protection des données',
    website: 'https://cnpd.public.lu',
    law: 'gdpr',
  },
  { country: 'LV', name: 'Datu valsts inspekcija', website: 'https://www.dvi.gov.lv', law: 'gdpr' },
  { country: 'MT', name: 'Information and Data Protection Commissioner', website: 'https://idpc.org.mt', law: 'gdpr' },
  {
    country: 'NL',
    name: 'Autoriteit Persoonsgegevens',
    website: 'https://www.autoriteitpersoonsgegevens.nl',
    law: 'gdpr',
  },
  { country: 'NO', name: 'Datatilsynet', website: 'https://www.datatilsynet.no', law: 'gdpr' },
  { country: 'PL', name: 'Urząd Ochrony Danych Osobowych', website: 'https://uodo.gov.pl', law: 'gdpr' },
  { country: 'PT', name: 'Comissão Nacional de Proteção de Dados', website: 'https://www.cnpd.pt', law: 'gdpr' },
  {
    country: 'RO',
    name: 'Autoritatea Națională de Supraveghere a Prelucrării Datelor cu Caracter Personal',
    website: 'https://www.dataprotection.ro',
    law: 'gdpr',
  },
  { country: 'SE', name: 'Integritetsskyddsmyndigheten', website: 'https://www.imy.se', law: 'gdpr' },
  { country: 'SI', name: 'Informacijski pooblaščenec', website: 'https://www.ip-rs.si', law: 'gdpr' },
  {
    country: 'SK',
    name: 'Úrad na ochranu osobných údajov Slovenskej republiky',
    website: 'https://dataprotection.gov.sk',
    law: 'gdpr',
  },
  { country: 'GB', name: 'Information Commissioner’s Office', website: 'https://ico.org.uk', law: 'uk-gdpr' },
  {
    country: 'CH',
    name: 'Eidgenössischer Datenschutz- und Öffentlichkeitsbeauftragter',
    website: 'https://www.edoeb.admin.ch',
    law: 'fadp',
  },
  {
    country: 'BR',
    name: 'Autoridade Nacional de Proteção de Dados (ANPD)',
    website: 'https://www.gov.br/anpd',
    law: 'lgpd',
  },
  { country: 'US-CA', name: 'California Privacy Protection Agency', website: 'https://cppa.ca.gov', law: 'ccpa' },
  { country: 'US-CA', name: 'California Attorney General', website: 'https://oag.ca.gov', law: 'ccpa' },
];

/** The authorities of a country or Land, or for DE every Land authority (the user picks theirs). */
export function authoritiesIn(country: string): Authority[] {
  return AUTHORITIES.filter((a) => a.country === country || (country === 'DE' && a.country.startsWith('DE-')));
}

export function authorityFor(country: string): Authority | undefined {
  return authoritiesIn(country)[0];
}

/** Where each law's complaints go when the residence gives none (GDPR: none without a residence in the EEA). */
const HOME: Record<Law, string | undefined> = {
  gdpr: undefined,
  'uk-gdpr': 'GB',
  fadp: 'CH',
  lgpd: 'BR',
  ccpa: 'US-CA',
};

/**
 * The authorities a complaint under `law` can go to, best first; never one of another law (no FDPIC or CPPA for a
 * GDPR complaint). GDPR: the authority of the user's residence (Art. 77(1)), and the one of the controller's
 * establishment; in Germany, for a company seated there, the authority of its Land comes first (it supervises it).
 */
export function complaintAuthorities(law: Law, residence: string, seat?: string): Authority[] {
  const ofLaw = (country: string | undefined) => (country ? authoritiesIn(country).filter((a) => a.law === law) : []);
  if (law !== 'gdpr') return ofLaw(HOME[law]);
  const seatLand = seat?.startsWith('DE-') ? ofLaw(seat) : [];
  const residenceCountry = residence.split('-')[0] ?? '';
  const own =
    residenceCountry === 'DE' && seatLand.length
      ? seatLand
      : ofLaw(residence.startsWith('DE-') ? residence : residenceCountry);
  const seatCountry = seat?.split('-')[0];
  const all = [...own, ...seatLand, ...(seatCountry && seatCountry !== 'DE' ? ofLaw(seatCountry) : [])];
  return all.filter((a, i) => all.indexOf(a) === i);
}
