/**
 * The national rule on storing information on, or reading it from, a person's device without their consent: the
 * provision that implements Article 5(3) of Directive 2002/58/EC in the country where the requester lives. The
 * Directive binds member states, not companies, so a letter never cites it as if it bound the recipient: it cites
 * this rule, for the requester's country of residence, or none at all.
 *
 * Each entry is written in its official form and was checked against the sources named beside it (checked on
 * 2026-12-01 with the project's search tool). A country whose current provision could not be confirmed is left out:
 * a letter from a resident there claims no unlawful storage or reading. Left out on 2026-12-01: EE and IS (no source
 * found), LI (the Kommunikationsgesetz, but no article found), LT (one source naming art. 61 without its part), HR and
 * BG (sources naming different articles: čl. 43 st. 4 or čl. 107 ZEK; čl. 4а ЗЕС or the Закон за електронната търговия).
 */

export interface EprivacyRule {
  /** ISO 3166-1 alpha-2 (GB for the United Kingdom). */
  country: string;
  /** The provision as it is officially cited, in the country's language. */
  cite: string;
}

const RULES: EprivacyRule[] = [
  // ihk.de/koeln ("Cookies im Internet und das TDDDG"), dr-dsgvo.de (§ 25 TTDSG, since 14 May 2024 TDDDG, text).
  // Abs. 1 requires consent, Abs. 2 holds the exemption the letter invokes ("unbedingt erforderlich"): both cited.
  { country: 'DE', cite: '§ 25 Abs. 1 und 2 TDDDG' },
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
  // verzekeraars.nl ("Sinds 5 juni 2012 bevat de Telecommunicatiewet … artikel 11.7a"), it-jurist.nl. The first
  // paragraph requires consent, the third holds the exemption the letter invokes: both cited.
  { country: 'NL', cite: 'artikel 11.7a, eerste en derde lid, van de Telecommunicatiewet' },
  // kgsa.pt ("artigo 5.º da Lei 41/2004, de 18 de Agosto"), loja9.pt (as amended by Lei n.º 46/2012): cited with
  // "na sua redação atual", the amended text being the one in force.
  { country: 'PT', cite: 'artigo 5.º da Lei n.º 41/2004, de 18 de agosto, na sua redação atual' },
  // dataprotection.ie (S.I. No. 336 of 2011), activemind.legal ("Regulation 5 (3) of the ePrivacy Regulations"). The
  // S.I. number after a comma: the country's name follows in parentheses, and a letter puts the whole in parentheses.
  {
    country: 'IE',
    cite: 'Regulation 5(3) of the European Communities (Electronic Communications Networks and Services) (Privacy and Electronic Communications) Regulations 2011, S.I. No. 336 of 2011',
  },
  // cnpd.public.lu, "Contexte juridique" of its cookie guidance: "l’article 4.3, e) de la loi modifiée du 30 mai 2005".
  {
    country: 'LU',
    cite: 'article 4, paragraphe 3, lettre e), de la loi modifiée du 30 mai 2005 concernant la protection de la vie privée dans le secteur des communications électroniques',
  },
  // Helsinki Administrative Court on Traficom's decisions, 9 October 2024 (sttinfo.fi): "Viestintäpalvelulain 205 §:n 1 momentin mukaan".
  // In the nominative, as it stands alone in parentheses (the genitive form needs a sentence around it).
  { country: 'FI', cite: '205 § 1 momentti, laki sähköisen viestinnän palveluista (917/2014)' },
  // Several public sites and repositories (2026) citing "art. 399 PKE" for storage in the terminal equipment, with the
  // act as Dz.U. 2024 poz. 1221 (isap.sejm.gov.pl), in force 10 November 2024, replacing art. 173 Prawa telekomunikacyjnego.
  { country: 'PL', cite: 'art. 399 ustawy z dnia 12 lipca 2024 r. – Prawo komunikacji elektronicznej' },
  // Public compliance notes (2026): "Article 10/2 of the Belgian Law of 30 July 2018 … inserted by Article 256 of the
  // Law of 21 December 2021, effective 10 January 2022", which made the APD competent. Cited in French, one of the
  // official languages.
  {
    country: 'BE',
    cite: 'article 10/2 de la loi du 30 juillet 2018 relative à la protection des personnes physiques à l’égard des traitements de données à caractère personnel',
  },
  // rkrattsbaser.gov.se (Lag (2022:482) om elektronisk kommunikation, amended up to SFS 2024:895); public privacy
  // notices and reviews (2026) citing "9 kap. 28 § lagen (2022:482)" as the consent rule for cookies and localStorage.
  { country: 'SE', cite: '9 kap. 28 § lagen (2022:482) om elektronisk kommunikation' },
  // horten.dk (the executive order issued December 2011), ligeret.nu (its title), public notices (2025–2026) citing
  // "cookiebekendtgørelsens § 3" and BEK nr. 1148 af 09/12/2011 as the current rule.
  {
    country: 'DK',
    cite: '§ 3 i bekendtgørelse nr. 1148 af 9. december 2011 om krav til information og samtykke ved lagring af eller adgang til oplysninger i slutbrugeres terminaludstyr',
  },
  // digi.no (the new ekomlov in force 1 January 2025, GDPR-standard consent for cookies), svw.no; public notices
  // (2025–2026) citing "ekomloven § 3-15" (it replaced § 2-7 b of the 2003 act).
  { country: 'NO', cite: '§ 3-15 i lov om elektronisk kommunikasjon (ekomloven)' },
  // dpopro.cz and greats.cz (opt-in since 1 January 2022, amendment 374/2021 Sb.); public notices (2026) citing
  // "§ 89 odst. 3 zákona č. 127/2005 Sb.".
  { country: 'CZ', cite: '§ 89 odst. 3 zákona č. 127/2005 Sb., o elektronických komunikacích' },
  // paulqlaw.com, havelpartners.sk, podnikajte.sk (zákon č. 452/2021 Z. z., in force 1 February 2022, § 109 ods. 8).
  { country: 'SK', cite: '§ 109 ods. 8 zákona č. 452/2021 Z. z. o elektronických komunikáciách' },
  // theweb.hu (the text of Eht. 155. § (4)); public privacy notices (2026) citing "az elektronikus hírközlésről szóló
  // 2003. évi C. törvény 155. § (4) bekezdése".
  { country: 'HU', cite: 'az elektronikus hírközlésről szóló 2003. évi C. törvény 155. § (4) bekezdése' },
  // eu-healthcare.eopyy.gov.gr and zerowastefuture.gr (the text of άρθρο 4 παρ. 5 ν. 3471/2006 as amended by
  // ν. 4070/2012); public notices (2026).
  { country: 'GR', cite: 'άρθρο 4 παρ. 5 του ν. 3471/2006' },
  // netweek.gr quoting the Cypriot Commissioner's announcement (άρθρο 99(5) του Νόμου 112(Ι)/2004), pplegal.com.cy
  // (2021); cylaw.org keeps Directive 2002/58/EC among the acts the 2004 law transposes.
  {
    country: 'CY',
    cite: 'άρθρο 99(5) του περί Ρυθμίσεως Ηλεκτρονικών Επικοινωνιών και Ταχυδρομικών Υπηρεσιών Νόμου του 2004 (Ν. 112(Ι)/2004)',
  },
  // tele2drobeta.ro and avocatura.com (the text of art. 4 alin. (5) of Legea nr. 506/2004), law-partners.ro.
  {
    country: 'RO',
    cite: 'art. 4 alin. (5) din Legea nr. 506/2004 privind prelucrarea datelor cu caracter personal și protecția vieții private în sectorul comunicațiilor electronice',
  },
  // ipri-zavod.si ("225. člen Zekom-2 (Uradni list 130/22)", replacing 157. člen ZEKom-1); public notices (2026).
  { country: 'SI', cite: '225. člen Zakona o elektronskih komunikacijah (ZEKom-2)' },
  // likumi.lv (the law in force, version of 21.06.2024: "7.¹ pants. Informācijas uzglabāšana galiekārtā").
  { country: 'LV', cite: 'Informācijas sabiedrības pakalpojumu likuma 7.¹ pants' },
  // idpc.org.mt, Guidance Note on Cookies Consent Requirements (August 2021): the rule is in regulation 5 of S.L.
  // 586.01; the paragraph could not be confirmed, so the regulation is cited whole.
  {
    country: 'MT',
    cite: 'regulation 5 of the Processing of Personal Data (Electronic Communications Sector) Regulations (Subsidiary Legislation 586.01)',
  },
  // datenschutzstelle.li, "Aktualisierung Cookies und vergleichbare Technologien": "Mit der Revision des
  // Kommunikationsgesetzes (KomG) vom 1. Februar 2025 wurde Art. 61 Abs. 4 neu eingeführt. Die Bestimmung entspricht
  // weitgehend Art. 5 Abs. 3 der ePrivacy-Richtlinie" (checked 2026-12-01).
  { country: 'LI', cite: 'Art. 61 Abs. 4 KomG' },
];

const BY_COUNTRY = new Map(RULES.map((r) => [r.country, r]));

/** The countries the table has a rule for. */
export const EPRIVACY_COUNTRIES: readonly string[] = RULES.map((r) => r.country);

/**
 * The rule a letter under `law` cites for a requester living in `residence`: a UK GDPR letter cites PECR; an EU GDPR
 * letter the rule of an EEA country of residence that the table has; every other case none.
 */
export function eprivacyRuleFor(law: string, residence: string | undefined): EprivacyRule | undefined {
  // PECR is the UK's rule: a UK GDPR letter of someone living elsewhere (offered when the company is in the UK)
  // cannot say it is the rule of their residence, and claims nothing on this ground.
  if (law === 'uk-gdpr') return residence?.toUpperCase().startsWith('GB') ? BY_COUNTRY.get('GB') : undefined;
  if (law !== 'gdpr' || !residence || residence === 'GB') return undefined;
  return BY_COUNTRY.get(residence.slice(0, 2).toUpperCase());
}

/**
 * The rule as a letter in `locale` names it: the official citation, followed by the country's name in the letter's
 * language where the letter is written for another country ("§ 25 Abs. 1 und 2 TDDDG (Germany)"), so a reader knows whose
 * law it is; a German letter of a German resident cites it bare.
 */
export function eprivacyCitation(rule: EprivacyRule, locale: string): string {
  const region = new Intl.Locale(locale).maximize().region;
  if (region === rule.country) return rule.cite;
  const country = new Intl.DisplayNames([locale], { type: 'region' }).of(rule.country) ?? rule.country;
  return `${rule.cite} (${country})`;
}
