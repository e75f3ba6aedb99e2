/**
 * Supervisory authorities a person can complain to (GDPR Art. 77: in the member state of their habitual residence),
 * with their official websites. Written for Disclosed from the authorities' own sites and the European Data
 * Protection Board's list of its members (edpb.europa.eu); checked November 2026. Complaints are lodged through the
 * authority's site: Disclosed links there and prepares the text, it contacts no one.
 */
export interface Authority {
  /** ISO 3166-1 alpha-2 code of the country (US-CA for California). */
  country: string;
  name: string;
  website: string;
  /** The law a complaint there relies on. */
  law: 'gdpr' | 'uk-gdpr' | 'ccpa' | 'fadp';
  note?: string;
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
  {
    country: 'DE',
    name: 'Der Bundesbeauftragte für den Datenschutz und die Informationsfreiheit',
    website: 'https://www.bfdi.bund.de',
    law: 'gdpr',
    note: 'Complaints about companies are handled by the data protection authority of your federal state (Land); the federal commissioner forwards them.',
  },
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
  { country: 'US-CA', name: 'California Privacy Protection Agency', website: 'https://cppa.ca.gov', law: 'ccpa' },
];

export function authorityFor(country: string): Authority | undefined {
  return AUTHORITIES.find((a) => a.country === country);
}
