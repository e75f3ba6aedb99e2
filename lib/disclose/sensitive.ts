/**
 * Sites whose names suggest a special category of data (GDPR Art. 9): health, religion, political opinions, trade
 * union membership, sex life or sexual orientation. A visit to such a site says something of that kind about the
 * person, so a letter leaves the site out unless the person ticks it. A hint from the site's name only, which the
 * person can correct: it never decides what a letter says on its own.
 *
 * How a name is read. A site is a registrable domain, so its name is its first label (`netdoktor` in `netdoktor.de`,
 * `salute` in `salute.gov.it`); accents are dropped (`santé` → `sante`) and the label is cut into words at hyphens
 * and digits. Domains run words together ("zahnarztpraxis", "uniklinik"), so most stems match anywhere inside a word;
 * where that would catch ordinary words, a stem is bound:
 * - `^stem` must start a word: `^gay` finds "gayromeo" and "gay-news", never "essay";
 * - `^stem$` must be the whole word: `^parti$` finds "parti-socialiste" but not "partir" or "particulier",
 *   `^hiv$` finds "hiv.gov" but not "hivemq".
 * Words that contain a stem without its meaning are taken out of the name before it is read (`gaylord`, `stealth`,
 * `syndication`, `churchill`, `essex`): see ORDINARY. Generic words shared with ordinary sites are not stems at all:
 * "party" (party shops), "union" (banks, the European Union), "politic" (news about politics is not a political
 * opinion; a party's own site is), "christ" (Christmas, Christie's), "mental" (fundamentals), "trans" (transport),
 * "pride", "vote". Well-known sites whose names say nothing (aok.de, spd.de, jw.org, nhs.uk) are listed by domain.
 */
export type SensitiveCategory = 'health' | 'religion' | 'politics' | 'union' | 'sexuality';

/** The letter languages (and the others of the EU's largest markets) whose words are read. */
export type StemLanguage = 'en' | 'de' | 'fr' | 'es' | 'it' | 'nl' | 'pl' | 'pt';

/** Stems per language and category, in the ASCII form domains use (no accents: "sante", "kosciol", "saude"). */
export const SENSITIVE_STEMS: Record<StemLanguage, Partial<Record<SensitiveCategory, string[]>>> = {
  en: {
    health: [
      'health',
      'clinic',
      'hospital',
      'doctor',
      '^medic',
      'pharmacy',
      'therap',
      'cancer',
      'oncolog',
      '^hiv$',
      'diabet',
      'pregnan',
      'fertilit',
      '^ivf$',
      'abortion',
      'psychiatr',
      'psycholog',
      'depression',
      'dental',
      'dentist',
      'rehab',
      'disease',
      'symptom',
    ],
    religion: [
      'church',
      'mosque',
      'synagog',
      'bible',
      'quran',
      'islam',
      'muslim',
      'jewish',
      'judaism',
      'catholi',
      'christianity',
      'evangel',
      'protestant',
      'episcopal',
      'diocese',
      'parish',
      'buddhis',
      'hindu',
      '^sikh',
      'jehovah',
      'mormon',
      'torah',
    ],
    politics: ['democrats', 'republicans', 'conservatives', 'libdems'],
    union: ['tradeunion', 'laborunion', 'labourunion', 'teamsters'],
    sexuality: [
      '^gay',
      'lgbt',
      'queer',
      'lesbi',
      'homosex',
      'bisexu',
      'transgender',
      'transsex',
      'intersex',
      '^dating',
      '^porn',
      '^sex',
    ],
  },
  de: {
    health: [
      'gesund',
      'arzt',
      'aerzt',
      'doktor',
      'klinik',
      'krank',
      'apotheke',
      'krebshilfe',
      'krebsgesellschaft',
      'schwanger',
      'abtreibung',
      'psychisch',
      'aidshilfe',
    ],
    religion: [
      'kirche',
      'moschee',
      'synagoge',
      'bibel',
      'koran',
      'katholi',
      'evangelisch',
      'christlich',
      'bistum',
      'pfarr',
    ],
    politics: ['partei'],
    union: ['gewerkschaft'],
    sexuality: ['schwul', 'lesben'],
  },
  fr: {
    health: [
      'sante',
      'medecin',
      'docteur',
      'cliniq',
      'hopital',
      'pharmacie',
      'maladie',
      'mutuelle',
      'grossesse',
      'avortement',
      'dentaire',
      'cancer',
    ],
    religion: ['eglise', 'mosquee', 'synagogue', 'paroisse', 'catholique', 'diocese', 'juif', 'juive'],
    politics: ['^parti$', 'insoumise', 'republicains'],
    union: ['syndicat', 'syndical'],
    sexuality: ['lesbienne', 'homosexuel'],
  },
  es: {
    health: ['salud', 'medico', 'clinica', 'hospital', 'farmac', 'enfermedad', 'embarazo', 'aborto'],
    religion: ['iglesia', 'mezquita', 'sinagoga', 'parroquia', 'catolic', 'diocesis', 'episcopal'],
    politics: ['partido'],
    union: ['sindicat'],
    sexuality: ['lesbiana', 'homosexual'],
  },
  it: {
    health: ['salute', 'medico', 'clinica', 'ospedal', 'farmac', 'malattia', 'gravidanza', 'aborto'],
    religion: ['chiesa', 'moschea', 'sinagoga', 'parrocchia', 'cattolic', 'diocesi'],
    politics: ['partito'],
    union: ['sindacat'],
    sexuality: ['lesbica', 'omosessual'],
  },
  nl: {
    health: ['gezond', 'huisarts', 'tandarts', 'ziekenhuis', 'ziekte', 'kliniek', 'apotheek', 'zwanger', 'abortus'],
    religion: ['kerk', 'moskee', 'synagoge', 'parochie', 'katholiek', 'bisdom'],
    politics: ['partij'],
    union: ['vakbond', 'vakcentrale'],
    sexuality: ['homoseksu', 'lesbisch'],
  },
  pl: {
    health: ['zdrow', 'lekarz', 'szpital', 'klinika', 'apteka', 'choroba', 'ciaza', 'aborcja'],
    religion: ['kosciol', 'parafia', 'meczet', 'synagoga', 'katolick', 'diecezja', 'episkopat'],
    politics: ['^partia$'],
    union: ['^zwiazek$', 'zwiazekzawodowy', 'zwiazkizawodowe', 'solidarnosc'],
    sexuality: ['lesbijk', 'homoseksu'],
  },
  pt: {
    health: ['saude', 'medico', 'clinica', 'hospital', 'farmac', 'doenca', 'gravidez', 'aborto'],
    religion: ['igreja', 'mesquita', 'sinagoga', 'paroquia', 'catolic', 'diocese'],
    politics: ['partido'],
    union: ['sindicat'],
    sexuality: ['lesbica', 'homossexual'],
  },
};

/** Well-known sites whose names carry no telling word: matched as the site itself or a site under it. */
export const SENSITIVE_DOMAINS: Record<SensitiveCategory, string[]> = {
  health: [
    'nhs.uk',
    'webmd.com',
    'mayoclinic.org',
    'drugs.com',
    'betterhelp.com',
    'aok.de',
    'tk.de',
    'barmer.de',
    'dak.de',
    'jameda.de',
    'onmeda.de',
    'docmorris.de',
    'ameli.fr',
    'doctolib.fr',
    'doctolib.de',
    'doctolib.it',
    'doctissimo.fr',
    'vidal.fr',
    'sns24.gov.pt',
    'sns.gov.pt',
  ],
  religion: ['jw.org', 'ekd.de', 'vatican.va', 'chabad.org', 'churchofjesuschrist.org', 'lds.org'],
  politics: [
    'spd.de',
    'cdu.de',
    'csu.de',
    'gruene.de',
    'fdp.de',
    'afd.de',
    'die-linke.de',
    'bsw-vg.de',
    'labour.org.uk',
    'conservatives.com',
    'libdems.org.uk',
    'snp.org',
    'democrats.org',
    'gop.com',
    'rassemblementnational.fr',
    'parti-renaissance.fr',
    'psoe.es',
    'pp.es',
    'voxespana.es',
    'podemos.info',
    'pvda.nl',
    'vvd.nl',
    'd66.nl',
    'pis.org.pl',
    'platforma.org',
    'pt.org.br',
  ],
  union: [
    'verdi.de',
    'dgb.de',
    'igmetall.de',
    'cgt.fr',
    'cfdt.fr',
    'force-ouvriere.fr',
    'ccoo.es',
    'ugt.es',
    'cgil.it',
    'cisl.it',
    'uil.it',
    'fnv.nl',
    'cnv.nl',
    'unison.org.uk',
    'unitetheunion.org',
    'tuc.org.uk',
    'aflcio.org',
    'cut.org.br',
  ],
  sexuality: ['planetromeo.com', 'grindr.com', 'scruff.com', 'lsvd.de', 'stonewall.org.uk', 'glaad.org'],
};

/** Ordinary words that contain a stem: taken out of a site's name before it is read. */
export const ORDINARY = [
  'gaylord',
  'stealth',
  'syndication',
  'churchill',
  'evangelion',
  'essex',
  'sussex',
  'wessex',
  'middlesex',
  'sextant',
  'kerkrade',
  'doctorwho',
  'hinduja',
  'hindustan',
  'islamabad',
  'accidental',
  'incidental',
  'christiandior',
];

interface Stem {
  text: string;
  start: boolean;
  whole: boolean;
  category: SensitiveCategory;
}

const STEMS: Stem[] = Object.values(SENSITIVE_STEMS).flatMap((byCategory) =>
  Object.entries(byCategory).flatMap(([category, stems]) =>
    (stems ?? []).map((s) => ({
      text: s.replace(/^\^/, '').replace(/\$$/, ''),
      start: s.startsWith('^'),
      whole: s.startsWith('^') && s.endsWith('$'),
      category: category as SensitiveCategory,
    })),
  ),
);

const DOMAINS = new Map(
  Object.entries(SENSITIVE_DOMAINS).flatMap(([category, domains]) =>
    domains.map((d) => [d, category as SensitiveCategory] as const),
  ),
);

/** The special category a site's name suggests, or undefined. */
export function sensitiveCategory(site: string): SensitiveCategory | undefined {
  const host = site
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .toLowerCase()
    .replace(/\.$/, '');
  for (let d = host; d.includes('.'); d = d.slice(d.indexOf('.') + 1)) {
    const listed = DOMAINS.get(d);
    if (listed) return listed;
  }
  // A registrable domain is one label in front of its public suffix: that label is the site's name.
  return nameCategory(host.split('.')[0] ?? '');
}

/** The special category a name's words suggest (a name as `sensitiveCategory` reads it: ASCII, lower case). */
function nameCategory(ascii: string): SensitiveCategory | undefined {
  let name = ascii;
  for (const word of ORDINARY) name = name.replaceAll(word, '-');
  const words = name.split(/[^a-z]+/).filter(Boolean);
  for (const stem of STEMS) {
    const found = words.some((w) =>
      stem.whole ? w === stem.text : stem.start ? w.startsWith(stem.text) : w.includes(stem.text),
    );
    if (found) return stem.category;
  }
  return undefined;
}

/**
 * The special category the path of a page's address suggests, its segments read with the same stems as a site's
 * name (`/health/diabetes-type-2` on a news site); the site itself is `sensitiveCategory`'s. The query and fragment
 * are not read: an address as kept holds parameter names there, not what the page is about. Undefined for what is
 * not an address.
 */
export function sensitivePageCategory(address: string): SensitiveCategory | undefined {
  let url: URL;
  try {
    url = new URL(address.replace(/…$/, ''));
  } catch {
    return undefined;
  }
  for (const segment of url.pathname.split('/')) {
    let text = segment;
    try {
      text = decodeURIComponent(segment);
    } catch {}
    const ascii = text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/ł/g, 'l')
      .toLowerCase();
    const found = nameCategory(ascii);
    if (found) return found;
  }
  return undefined;
}

export function isSensitiveSite(site: string): boolean {
  return sensitiveCategory(site) !== undefined;
}
