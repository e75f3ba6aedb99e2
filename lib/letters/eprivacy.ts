/**
 * The national rule on storing information on, or reading it from, a person's device without their consent: the
 * provision that implements Article 5(3) of Directive 2002/58/EC in the country where the requester lives. The
 * Directive binds member states, not companies, so a letter never cites it as if it bound the recipient: it cites
 * this rule, for the requester's country of residence, or none at all.
 *
 * Each entry is written in its official form and was checked against the sources named beside it (checked on
 * 2026-12-01 with the project's search tool). A country whose current provision could not be confirmed is left out:
 * a letter from a resident there claims no unlawful storage or reading (see the report of issue 17 for the list).
 */

export interface EprivacyRule {
  /** ISO 3166-1 alpha-2 (GB for the United Kingdom). */
  country: string;
  /** The provision as it is officially cited, in the country's language. */
  cite: string;
}

const RULES: EprivacyRule[] = [
  // ihk.de/koeln ("Cookies im Internet und das TDDDG"), dr-dsgvo.de (§ 25 TTDSG, since 14 May 2024 TDDDG, text).
  { country: 'DE', cite: '§ 25 Abs. 1 TDDDG' },
  // geistwert.at ("§ 96 TKG alt wird zu § 165 TKG 2021", Abs. 3 quoted), Regierungsvorlage TKG 2021.
  { country: 'AT', cite: '§ 165 Abs. 3 TKG 2021' },
  // CNIL guidance as quoted by sictiam.fr and dpo-consulting.fr; efl.fr ("loi 78-17 du 6 janvier 1978 … (art. 82)").
  {
    country: 'FR',
    cite: 'article 82 de la loi n° 78-17 du 6 janvier 1978 relative à l’informatique, aux fichiers et aux libertés',
  },
  // ico.org.uk, Guide to PECR: "The rules on cookies are in regulation 6".
  { country: 'GB', cite: 'regulation 6 of the Privacy and Electronic Communications (EC Directive) Regulations 2003' },
  // Garante, Linee guida cookie e altri strumenti di tracciamento (26 November 2020 consultation text): "art. 122 del d.lgs. 30 giugno 2003, n. 196".
  { country: 'IT', cite: 'art. 122 del d.lgs. 30 giugno 2003, n. 196' },
  // AEPD, Guía sobre el uso de las cookies (2019/2020) and ionos.es: article 22 of Ley 34/2002 (LSSI), paragraph 2.
  {
    country: 'ES',
    cite: 'artículo 22.2 de la Ley 34/2002, de 11 de julio, de servicios de la sociedad de la información y de comercio electrónico',
  },
  // verzekeraars.nl ("Sinds 5 juni 2012 bevat de Telecommunicatiewet … artikel 11.7a"), it-jurist.nl.
  { country: 'NL', cite: 'artikel 11.7a, eerste lid, van de Telecommunicatiewet' },
  // kgsa.pt ("artigo 5.º da Lei 41/2004, de 18 de Agosto"), loja9.pt (as amended by Lei n.º 46/2012).
  { country: 'PT', cite: 'artigo 5.º da Lei n.º 41/2004, de 18 de agosto' },
  // dataprotection.ie (S.I. No. 336 of 2011), activemind.legal ("Regulation 5 (3) of the ePrivacy Regulations").
  {
    country: 'IE',
    cite: 'Regulation 5(3) of the European Communities (Electronic Communications Networks and Services) (Privacy and Electronic Communications) Regulations 2011 (S.I. No. 336 of 2011)',
  },
  // cnpd.public.lu, "Contexte juridique" of its cookie guidance: "l’article 4.3, e) de la loi modifiée du 30 mai 2005".
  {
    country: 'LU',
    cite: 'article 4, paragraphe 3, lettre e), de la loi modifiée du 30 mai 2005 concernant la protection de la vie privée dans le secteur des communications électroniques',
  },
  // Helsinki Administrative Court on Traficom's decisions, 9 October 2024 (sttinfo.fi): "Viestintäpalvelulain 205 §:n 1 momentin mukaan".
  { country: 'FI', cite: 'sähköisen viestinnän palveluista annetun lain (917/2014) 205 §:n 1 momentti' },
];

const BY_COUNTRY = new Map(RULES.map((r) => [r.country, r]));

/** The countries the table has a rule for. */
export const EPRIVACY_COUNTRIES: readonly string[] = RULES.map((r) => r.country);

/**
 * The rule a letter under `law` cites for a requester living in `residence`: a UK GDPR letter cites PECR; an EU GDPR
 * letter the rule of an EEA country of residence that the table has; every other case none.
 */
export function eprivacyRuleFor(law: string, residence: string | undefined): EprivacyRule | undefined {
  if (law === 'uk-gdpr') return BY_COUNTRY.get('GB');
  if (law !== 'gdpr' || !residence || residence === 'GB') return undefined;
  return BY_COUNTRY.get(residence.slice(0, 2).toUpperCase());
}

/**
 * The rule as a letter in `locale` names it: the official citation, followed by the country's name in the letter's
 * language where the letter is written for another country ("§ 25 Abs. 1 TDDDG (Germany)"), so a reader knows whose
 * law it is; a German letter of a German resident cites it bare.
 */
export function eprivacyCitation(rule: EprivacyRule, locale: string): string {
  const region = new Intl.Locale(locale).maximize().region;
  if (region === rule.country) return rule.cite;
  const country = new Intl.DisplayNames([locale], { type: 'region' }).of(rule.country) ?? rule.country;
  return `${rule.cite} (${country})`;
}
