import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { complaintAuthorities } from '../../../lib/letters/authorities.ts';
import {
  type CitedIdentifier,
  type ComplaintInput,
  composeComplaint,
  composeLetter,
  composeReminder,
  composeReply,
  type FollowUpRequest,
  type LetterEvidence,
  type LetterOptions,
  longDate,
} from '../../../lib/letters/compose.ts';
import { type ComplaintAnswer, type LawText, REPLY_KINDS } from '../../../lib/letters/language.ts';
import { LETTER_LANGUAGES, letterLanguage } from '../../../lib/letters/languages.ts';
import { LAW_RIGHTS, LAWS, type Law, type LetterRight } from '../../../lib/letters/laws.ts';
import { identifierBeforeAnswer } from './fixtures.ts';

const evidence = (extra: Partial<LetterEvidence> = {}): LetterEvidence => ({
  companyId: 'magnite',
  companyName: 'Magnite',
  domains: ['ads.rubiconproject.com'],
  sites: ['news-site.example'],
  requests: 3,
  firstSeen: Date.UTC(2026, 9, 1, 8, 30),
  lastSeen: Date.UTC(2026, 10, 20, 17, 5),
  categories: ['advertising'],
  kinds: ['identifier'],
  ...extra,
});
/** One request with an identifier, two seconds before the banner was answered. */
const deviceFlow = identifierBeforeAnswer;
const options = (extra: Partial<LetterOptions> = {}): LetterOptions => ({
  jurisdiction: 'gdpr',
  reference: 'DSC-20261123-K7Q2M9',
  date: '2026-11-23',
  extensionVersion: '0.1.0',
  ...extra,
});
const ids: CitedIdentifier[] = [{ source: 'request', name: 'uid', value: 'a91f0c77e2' }];
const write = (code: string, e: Partial<LetterEvidence>, o: Partial<LetterOptions>, cited = ids) =>
  composeLetter(letterLanguage(code), evidence(e), cited, options(o));
const request = (extra: Partial<FollowUpRequest> = {}): FollowUpRequest => ({
  jurisdiction: 'gdpr',
  right: 'erasure',
  reference: 'DSC-20261123-K7Q2M9',
  companyName: 'Magnite',
  recipient: 'privacy@magnite.com',
  sentOn: '2026-10-01',
  due: '2026-11-02',
  ...extra,
});
const complaint = (extra: Partial<ComplaintInput> = {}): ComplaintInput => ({
  authority: 'CNIL',
  complainant: 'Alex Martin\nalex@example.org',
  controller: 'Magnite Ltd\n1 Example Street, London',
  answer: 'none',
  shareIdentity: false,
  ...extra,
});
const withLaw = (law: Law) => LETTER_LANGUAGES.filter((l) => l.laws[law]).map((l) => l.code);

describe('a partitioned cookie', () => {
  const chips: CitedIdentifier = {
    source: 'cookie',
    name: 'uid',
    value: 'crt-chips-42',
    domain: 'gum.criteo.com',
    partitions: ['craft-shop.example', 'news-site.example'],
  };

  it('is cited with the sites it was set under', async () => {
    const { body } = await write('en', {}, {}, [chips]);
    expect(body).toContain(
      '- cookie uid (gum.criteo.com, set while I was on craft-shop.example and news-site.example): crt-chips-42',
    );
  });

  it('names those sites in every letter language, in a phrase of that language', async () => {
    for (const lang of LETTER_LANGUAGES) {
      const jurisdiction = Object.keys(lang.laws)[0] as Law;
      const { body } = await write(lang.code, {}, { jurisdiction }, [chips]);
      const line = body.split('\n').find((l) => l.includes('crt-chips-42')) ?? '';
      expect(line, lang.code).toContain('craft-shop.example');
      expect(line, lang.code).toContain('news-site.example');
      if (lang.code !== 'en') expect(line, lang.code).not.toContain('set while');
    }
  });

  it('an unpartitioned cookie is cited as before, with its domain only', async () => {
    const { body } = await write('en', {}, {}, [{ ...chips, partitions: [] }]);
    expect(body).toContain('- cookie uid (gum.criteo.com): crt-chips-42');
  });
});

describe('withdrawal of consent takes effect at once', () => {
  it.each(
    LETTER_LANGUAGES.flatMap((l) =>
      LAWS.filter((law) => l.laws[law] && LAW_RIGHTS[law].includes('withdrawal')).map((law) => [l.code, law] as const),
    ),
  )('%s %s: no deadline in the letter, and none for its record', async (code, law) => {
    const letter = await write(code, {}, { jurisdiction: law, right: 'withdrawal' });
    expect(letter.deadline).toBe(false);
    expect(letter.rule).toBeUndefined();
    expect(letter.body).not.toMatch(
      /month|Monat|mois|maand|miesi|mês|\bun mese?\b|\b\d+ (calendar )?days|\bdias\b|\bprazo\b|\btermijn\b|\btermin(ie|u)?\b|12\(3\)|12 Abs\. 3|article 12, paragraphe 3|artículo 12, apartado 3|art\. 12, par\. 3|artikel 12, lid 3|art\. 12 ust\. 3|artigo 12\.º, n\.º 3/,
    );
  });

  it('every other request has its deadline', async () => {
    for (const right of ['erasure', 'access', 'objection'] as const) {
      expect((await write('en', {}, { right })).deadline, right).toBe(true);
    }
  });

  it.each([
    ['en', 'gdpr'],
    ['de', 'gdpr'],
    ['fr', 'gdpr'],
    ['es', 'gdpr'],
    ['it', 'gdpr'],
    ['nl', 'gdpr'],
    ['pl', 'gdpr'],
    ['pt', 'gdpr'],
    ['pt-BR', 'lgpd'],
  ] as const)('%s: its reminder says no period ended', (code, jurisdiction) => {
    const { due: _, ...withdrawal } = request({ right: 'withdrawal', jurisdiction });
    const text = composeReminder(letterLanguage(code), withdrawal, '2026-12-01').body;
    expect(text).not.toMatch(/period|Frist|délai|plazo|venció|termine|scadut|\btermijn\b|\btermin(ie|u)?\b|\bprazo\b/);
    expect(text).toContain('DSC-20261123-K7Q2M9');
  });
});

describe('representatives', () => {
  it('UK GDPR: the representative in the United Kingdom, never in the Union', async () => {
    const uk = await write('en', {}, { jurisdiction: 'uk-gdpr', representative: true });
    expect(uk.body).toContain('representative in the United Kingdom (Article 27 UK GDPR)');
    expect(uk.body).not.toMatch(/Union/);
    const eu = await write('en', {}, { jurisdiction: 'gdpr', representative: true });
    expect(eu.body).toContain('representative in the Union (Article 27 GDPR)');
    const ch = await write('de', {}, { jurisdiction: 'fadp', representative: true });
    expect(ch.body).toContain('Vertretung des Verantwortlichen in der Schweiz (Art. 14 DSG)');
    const ti = await write('it', {}, { jurisdiction: 'fadp', representative: true });
    expect(ti.body).toContain('rappresentante del titolare del trattamento in Svizzera (art. 14 LPD)');
    expect(ti.body).not.toMatch(/Unione/);
    const es = await write('es', {}, { jurisdiction: 'gdpr', representative: true });
    expect(es.body).toContain('representante del responsable del tratamiento en la Unión (artículo 27 del RGPD)');
  });

  it('the UI label no longer says "EU representative" only', () => {
    const messages = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8'));
    expect(messages.letterRepresentative.message).toMatch(/UK/);
  });
});

describe('CCPA', () => {
  it.each(LAW_RIGHTS.ccpa)('%s: states California residency', async (right) => {
    const letter = await write('en', {}, { jurisdiction: 'ccpa', right });
    expect(letter.body).toContain('I am a California resident');
  });

  it('puts the opt-out under its own 15-business-day rule, not the 45 days', async () => {
    const optOut = await write('en', {}, { jurisdiction: 'ccpa', right: 'objection' });
    expect(optOut.subject).toMatch(/Opt-out of sale and sharing/);
    expect(optOut.body).toContain('15 business days');
    expect(optOut.body).not.toContain('45');
    const erasure = await write('en', {}, { jurisdiction: 'ccpa' });
    const sentence = erasure.body.split('\n\n').find((p) => p.includes('§ 1798.120')) ?? '';
    expect(sentence).toContain('15 business days');
    expect(sentence).not.toContain('45');
  });

  it('cites § 1798.121 exactly when precise location was observed', async () => {
    for (const right of LAW_RIGHTS.ccpa) {
      const located = await write('en', { kinds: ['location'] }, { jurisdiction: 'ccpa', right });
      expect(located.body, right).toContain('§ 1798.121');
      const not = await write('en', {}, { jurisdiction: 'ccpa', right });
      expect(not.body, right).not.toContain('1798.121');
    }
  });

  it('an access request stays an access request', async () => {
    const letter = await write('en', {}, { jurisdiction: 'ccpa', right: 'access' });
    expect(letter.subject).toMatch(/^Request to know/);
    expect(letter.body).toContain('§ 1798.110');
    expect(letter.body).not.toMatch(/\bdelete\b|1798\.105/);
  });

  it('escalates to the CPPA or the Attorney General, never "the supervisory authority"', () => {
    const text = composeReminder(letterLanguage('en'), request({ jurisdiction: 'ccpa' }), '2026-12-01').body;
    expect(text).toContain('California Privacy Protection Agency or the California Attorney General');
    expect(text).not.toMatch(/supervisory authority|GDPR/);
  });

  it('in Spanish: residency, the opt-out in 15 business days, § 1798.121 only with location, access stays access', async () => {
    for (const right of LAW_RIGHTS.ccpa) {
      const letter = await write('es', {}, { jurisdiction: 'ccpa', right });
      expect(letter.body, right).toContain('Resido en California y tengo la condición de consumidor');
      expect(letter.body, right).not.toContain('1798.121');
      const located = await write('es', { kinds: ['location'] }, { jurisdiction: 'ccpa', right });
      expect(located.body, right).toContain('la sección 1798.121 del Código Civil de California');
    }
    const optOut = await write('es', {}, { jurisdiction: 'ccpa', right: 'objection' });
    expect(optOut.subject).toMatch(/^Solicitud de exclusión de la venta y del intercambio/);
    expect(optOut.body).toContain('15 días hábiles');
    expect(optOut.body).not.toContain('45');
    const access = await write('es', {}, { jurisdiction: 'ccpa', right: 'access' });
    expect(access.subject).toMatch(/^Solicitud para conocer/);
    expect(access.body).toContain('sección 1798.110 del Código Civil de California');
    expect(access.body).not.toMatch(/eliminen|eliminación|1798\.105/);
    expect(access.body).toContain('45 días calendario');
  });

  it('in Spanish: escalates to the Agencia de Protección de la Privacidad de California, never a supervisory authority', () => {
    const text = composeReminder(letterLanguage('es'), request({ jurisdiction: 'ccpa' }), '2026-12-01').body;
    expect(text).toContain('la Agencia de Protección de la Privacidad de California o ante el Fiscal General');
    expect(text).not.toMatch(/autoridad de control|RGPD/);
    const queja = composeComplaint(letterLanguage('es'), request({ jurisdiction: 'ccpa' }), complaint(), '2026-12-01');
    expect(queja.subject).toMatch(/^Queja contra Magnite/);
    const complaintText = queja.body;
    expect(complaintText).toContain('presento una queja');
    expect(complaintText).not.toMatch(/reclamación/);
    expect(complaintText).toContain('contra la siguiente empresa');
    expect(complaintText).toContain('sección 1798.199.45 del Código Civil de California');
    expect(complaintText).not.toMatch(/responsable del tratamiento|RGPD/);
  });
});

describe('each law escalates to its own authority', () => {
  it.each<[Law, RegExp]>([
    ['gdpr', /supervisory authority/],
    ['uk-gdpr', /Information Commissioner’s Office/],
    ['fadp', /FDPIC/],
    ['lgpd', /ANPD/],
  ])('%s', (law, authority) => {
    expect(composeReminder(letterLanguage('en'), request({ jurisdiction: law }), '2026-12-01').body).toMatch(authority);
  });
});

describe('complaints', () => {
  it.each<[string, LetterRight, RegExp]>([
    ['en', 'access', /right of access/],
    ['de', 'objection', /Widerspruchsrecht/],
    ['fr', 'access', /droit d’accès/],
    ['es', 'access', /derecho de acceso/],
    ['it', 'objection', /diritto di opposizione/],
    ['nl', 'objection', /recht van bezwaar/],
    ['pl', 'access', /prawa dostępu do danych/],
    ['pt', 'access', /direito de acesso/],
  ])('%s %s: names the right actually exercised', (code, right, name) => {
    const text = composeComplaint(letterLanguage(code), request({ right }), complaint(), '2026-12-01').body;
    expect(text).toMatch(name);
    expect(text).not.toMatch(/erasure|Löschung|effacement|supresión|cancellazione|wissing|usunięci|apagamento/);
  });

  it('answers a reply in the request’s own thread, not as a reminder', () => {
    const lang = letterLanguage('de');
    const subject = 'Antrag auf Löschung personenbezogener Daten – Mein Zeichen: DSC-20261123-K7Q2M9';
    const reply = composeReply(lang, request({ subject }), 'cannotIdentify', '2026-12-01');
    expect(reply.subject).toBe(`Re: ${subject}`);
    expect(reply.subject).not.toBe(composeReminder(lang, request(), '2026-12-01').subject);
  });

  it.each(LETTER_LANGUAGES.map((l) => l.code))(
    '%s: a complaint before the due date says no period ended, one after it does',
    (code) => {
      const lang = letterLanguage(code);
      const law = lang.laws.gdpr ? 'gdpr' : 'lgpd';
      const early = request({ jurisdiction: law, due: '2026-12-20' });
      const before = composeComplaint(lang, early, complaint({ answer: 'refused' }), '2026-12-01').body;
      const after = composeComplaint(lang, early, complaint({ answer: 'refused' }), '2026-12-21').body;
      const dueDate = longDate(lang, '2026-12-20');
      expect(before).not.toContain(dueDate);
      expect(after).toContain(dueDate);
    },
  );

  it.each(withLaw('gdpr'))('%s: complainant, controller, timeline, order, updates and the identity choice', (code) => {
    const lang = letterLanguage(code);
    const c = lang.laws.gdpr?.cite;
    const text = composeComplaint(lang, request(), complaint(), '2026-12-01').body;
    for (const part of [
      'Alex Martin',
      'alex@example.org',
      'Magnite Ltd',
      '1 Example Street, London',
      'privacy@magnite.com',
      'DSC-20261123-K7Q2M9',
      c?.art77,
      c?.art58_2_c,
      // Art. 77(2) and 78(2) in one bracket, the GDPR named once.
      lang.laws.gdpr?.cites?.(['art77_2', 'art78_2']),
    ]) {
      expect(text).toContain(part);
    }
    expect(text).toContain(longDate(lang, '2026-10-01'));
    const shared = composeComplaint(lang, request(), complaint({ shareIdentity: true }), '2026-12-01').body;
    expect(shared).not.toBe(text);
  });

  it('says where the name is missing rather than leaving the complainant out', () => {
    const text = composeComplaint(letterLanguage('en'), request(), complaint({ complainant: '' }), '2026-12-01').body;
    expect(text).toContain('Complainant:\n(name and contact details to be added)');
  });

  it.each([
    ['de', 'gdpr'],
    ['es', 'gdpr'],
    ['fr', 'gdpr'],
    ['it', 'gdpr'],
    ['nl', 'gdpr'],
    ['pl', 'gdpr'],
    ['pt', 'gdpr'],
    ['pt-BR', 'lgpd'],
  ] as const)('%s: no English UI word inside, whatever the answer', (code, jurisdiction) => {
    const messages = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<
      string,
      { message: string }
    >;
    const statuses = Object.entries(messages)
      .filter(([k]) => k.startsWith('letterStatus_'))
      .map(([, v]) => v.message);
    expect(statuses.length).toBeGreaterThan(5);
    for (const answer of ['none', 'refused', 'identification', 'partial'] as ComplaintAnswer[]) {
      const text = composeComplaint(
        letterLanguage(code),
        request({ jurisdiction }),
        complaint({ answer }),
        '2026-12-01',
      ).body;
      for (const word of statuses) expect(text, `${answer}: ${word}`).not.toContain(word);
      expect(text).not.toMatch(/\b(Refused|refused|none received)\b/);
    }
  });

  it('goes only to an authority of its own law', () => {
    expect(complaintAuthorities('gdpr', 'CH')).toEqual([]);
    expect(complaintAuthorities('gdpr', 'US-CA')).toEqual([]);
    expect(complaintAuthorities('gdpr', 'FR').map((a) => a.name)).toEqual([
      'Commission nationale de l’informatique et des libertés (CNIL)',
    ]);
    expect(complaintAuthorities('gdpr', 'FR', 'IE').map((a) => a.country)).toEqual(['FR', 'IE']);
    for (const law of LAWS) {
      for (const a of complaintAuthorities(law, 'DE', 'IE')) expect(a.law, a.name).toBe(law);
    }
    expect(complaintAuthorities('uk-gdpr', 'FR').map((a) => a.country)).toEqual(['GB']);
    expect(complaintAuthorities('fadp', '').map((a) => a.country)).toEqual(['CH']);
    expect(complaintAuthorities('lgpd', '').map((a) => a.country)).toEqual(['BR']);
    expect(complaintAuthorities('ccpa', '').map((a) => a.name)).toEqual([
      'California Privacy Protection Agency',
      'California Attorney General',
    ]);
  });

  it('Germany: the Land authority of the company’s seat, never the BfDI', () => {
    expect(complaintAuthorities('gdpr', 'DE', 'DE-HH')[0]?.name).toBe(
      'Der Hamburgische Beauftragte für Datenschutz und Informationsfreiheit',
    );
    expect(complaintAuthorities('gdpr', 'DE-BY', 'DE-HH')[0]?.country).toBe('DE-HH');
    // A company seated abroad: the user's own Land, or all sixteen to pick from, then the seat's authority.
    expect(complaintAuthorities('gdpr', 'DE-BY', 'IE').map((a) => a.country)).toEqual(['DE-BY', 'IE']);
    const all = complaintAuthorities('gdpr', 'DE', 'IE');
    expect(all.filter((a) => a.country.startsWith('DE-'))).toHaveLength(16);
    for (const a of all) expect(a.name).not.toMatch(/Bundesbeauftragte/);
  });
});

describe('no overclaiming (LETTERS.md 27, 28)', () => {
  it.each(withLaw('gdpr'))(
    '%s: exceptions as a view, identifiers as what they are, the sample no limit',
    async (code) => {
      const body = (await write(code, {}, {})).body;
      const expected = {
        en: [
          'In my view none of the exceptions',
          'where there is no other legal ground',
          'including but not limited to',
        ],
        de: [
          'Nach meiner Auffassung greift keine der Ausnahmen',
          'soweit es an einer anderweitigen Rechtsgrundlage für die Verarbeitung fehlt',
          'insbesondere, aber nicht ausschließlich,',
        ],
        fr: [
          'À mon sens, aucune des exceptions',
          'en l’absence d’autre fondement juridique',
          'notamment, sans que cette énumération soit limitative',
        ],
        es: [
          'A mi juicio, no concurre ninguna de las excepciones',
          'en la medida en que el tratamiento no se base en otro fundamento jurídico',
          'a título enunciativo y no limitativo',
        ],
        it: [
          'A mio avviso non ricorre alcuna delle eccezioni',
          'ove non sussista altro fondamento giuridico per il trattamento',
          'a titolo esemplificativo e non esaustivo',
        ],
        nl: [
          'Naar mijn oordeel is geen van de uitzonderingen',
          'voor zover er voor de verwerking geen andere rechtsgrond bestaat',
          'omvat in elk geval, maar niet uitsluitend,',
        ],
        pl: [
          'Moim zdaniem nie zachodzi żaden z wyjątków',
          'o ile nie istnieje inna podstawa prawna przetwarzania',
          'w tym, lecz nie wyłącznie,',
        ],
        pt: [
          'Em meu entender, não se aplica nenhuma das exceções',
          'não existindo outro fundamento jurídico para o tratamento',
          'incluindo, mas não exclusivamente,',
        ],
      }[code] as string[];
      expect(expected, code).toBeDefined();
      for (const phrase of expected) expect(body).toContain(phrase);
      expect(body).not.toMatch(
        /applies to this data|sufficient|ausreichend|suffisent|nachweislich|as set out below|suficientes|sufficienti|volstaan|toereikend|wystarcz|bastam/,
      );
    },
  );

  // Second legal review, M1: with no identifier quoted, nothing shows the company set cookies in this browser.
  const HEDGED: Record<string, string> = {
    en: 'Any cookies and identifiers you have set in my browser to recognise it are personal data',
    de: 'Etwaige Cookies und Kennungen, die Sie in meinem Browser gesetzt haben, um ihn wiederzuerkennen, sind personenbezogene Daten',
    es: 'Las cookies e identificadores que, en su caso, hayan instalado en mi navegador para reconocerlo son datos personales',
    fr: 'Les cookies et identifiants que vous avez pu déposer dans mon navigateur afin de le reconnaître sont des données à caractère personnel',
    it: 'I cookie e gli altri identificativi che abbiate eventualmente impostato nel mio browser per riconoscerlo sono dati personali',
    nl: 'Cookies en identificatoren die u eventueel in mijn browser hebt geplaatst om die te herkennen, zijn persoonsgegevens',
    pl: 'Pliki cookie i identyfikatory, które Państwo ewentualnie zapisali w mojej przeglądarce w celu jej rozpoznawania, są danymi osobowymi',
    pt: 'Os cookies e outros identificadores que tenham instalado no meu navegador para o reconhecer são dados pessoais',
  };
  it.each(withLaw('gdpr'))(
    '%s: a letter quoting no identifier says only that any cookies set to recognise the browser are personal data',
    async (code) => {
      const body = (await write(code, {}, {}, [])).body;
      expect(body).toContain(HEDGED[code]);
      expect(body).not.toMatch(
        /You recognise my browser by|Sie erkennen meinen Browser an|Vous reconnaissez mon navigateur|Ustedes reconocen mi navegador|U kunt mijn browser herkennen|Rozpoznają Państwo moją przeglądarkę/,
      );
    },
  );

  it('an English letter under the CCPA hedges the same way, in US spelling, and closes "Sincerely,"', async () => {
    const body = (await write('en', {}, { jurisdiction: 'ccpa', residence: 'US-CA' }, [])).body;
    expect(body).toContain(
      'Any cookies and identifiers you have set in my browser to recognize it are personal information (Cal. Civ. Code § 1798.140(v)).',
    );
    expect(body).toMatch(/\nSincerely,\n/);
    expect(body).not.toMatch(/recognis|honour|synchronis|Yours faithfully/);
    // A GDPR letter keeps British spelling and closing.
    expect((await write('en', {}, {}, [])).body).toMatch(/\nYours faithfully,\n/);
  });

  it.each(withLaw('gdpr'))(
    '%s: asks which identifier is needed and how to provide it, with Art. 4(1), 11(2), 12(2), 12(6) and Recital 30',
    async (code) => {
      const lang = letterLanguage(code);
      const c = lang.laws.gdpr?.cite;
      const identify = lang.laws.gdpr?.cites?.(['art11_2', 'art12_2', 'art12_6']);
      for (const cited of [ids, []]) {
        const body = (await write(code, {}, {}, cited)).body;
        for (const anchor of [c?.art4_1, c?.rec30, identify]) expect(body).toContain(anchor);
      }
      const none = (await write(code, {}, {}, [])).body;
      expect(none).toMatch(
        /page that shows the identifier|Seite anbieten, die die in meinem Browser|page affichant l’identifiant|página que muestre el identificador|pagina che mostri l’identificativo|pagina aan die de in mijn browser|stronę, która wyświetla identyfikator|página que mostre o identificador/,
      );
    },
  );
});

describe('prepared answers', () => {
  it.each(LETTER_LANGUAGES.flatMap((l) => LAWS.filter((law) => l.laws[law]).map((law) => [l.code, law] as const)))(
    '%s %s: every answer cites the request, "only a processor" asks for the controller',
    (code, law) => {
      const lang = letterLanguage(code);
      for (const kind of REPLY_KINDS) {
        const text = composeReply(lang, request({ jurisdiction: law }), kind, '2026-12-01').body;
        expect(text, kind).toContain('DSC-20261123-K7Q2M9');
      }
      const processor = composeReply(lang, request({ jurisdiction: law }), 'processor', '2026-12-01').body;
      expect(processor).toMatch(
        law === 'ccpa' && code === 'es'
          ? /cada empresa por cuenta de la cual/
          : /controller|Verantwortlichen|responsable du traitement|responsable del tratamiento|titolare del trattamento|verwerkingsverantwoordelijke|administratora|responsável pelo tratamento|controlador/,
      );
      if (law === 'gdpr') expect(processor).toContain(lang.laws.gdpr?.cite.art28_3_e);
    },
  );
});

describe('prepared answers claim only what the request did (LETTERS.md 7, 23)', () => {
  /** What each language's answers say when the request quoted identifiers: never said of one that quoted none. */
  const citedClaim: Record<string, RegExp> = {
    en: /quotes identifiers|identifiers given|identifiers in my request/,
    de: /nennt Kennungen|genannten Kennungen|Kennungen aus meinem Antrag/,
    fr: /cite des identifiants|identifiants fournis|identifiants cités/,
    es: /contiene identificadores|identificadores facilitados|que figuran en mi solicitud/,
    it: /riporta identificativi|identificativi forniti|identificativi indicati/,
    nl: /vermeldt identificatoren|vermelde identificatoren/,
    pl: /wskazuje identyfikatory|wskazanych identyfikatorów|wskazanymi w nim/,
    pt: /indica identificadores|identificadores fornecidos|identificadores indicados/,
    'pt-BR': /indica identificadores|identificadores fornecidos|identificadores indicados/,
  };
  /** Each language's words for erasure, which an answer to another right must not use. */
  const erasureWords: Record<string, RegExp> = {
    en: /erasure|erase|deletion|delete/i,
    de: /Löschung|löschen/i,
    fr: /effacement|effacer/i,
    es: /supresión|supriman|eliminación|eliminen/i,
    it: /cancellazione|cancellare/i,
    nl: /wissing|wissen/i,
    pl: /usunięci/i,
    pt: /apagamento|apaguem/i,
    'pt-BR': /eliminação|eliminados/i,
  };
  const phrase = (table: Record<string, RegExp>, code: string): RegExp => {
    const found = table[code];
    if (!found) throw new Error(`no phrase for ${code}`);
    return found;
  };
  const pairs = LETTER_LANGUAGES.flatMap((l) => LAWS.filter((law) => l.laws[law]).map((law) => [l.code, law] as const));

  it('every language has its claim and erasure phrases', () => {
    expect(Object.keys(citedClaim).sort()).toEqual(LETTER_LANGUAGES.map((l) => l.code).sort());
    expect(Object.keys(erasureWords).sort()).toEqual(LETTER_LANGUAGES.map((l) => l.code).sort());
  });

  it.each(pairs)(
    '%s %s: "cannot identify you" and "send your ID" say identifiers were cited only when they were',
    (code, law) => {
      const lang = letterLanguage(code);
      for (const kind of ['cannotIdentify', 'idDocument'] as const) {
        const cited = composeReply(lang, request({ jurisdiction: law, citedIdentifiers: 2 }), kind, '2026-12-01').body;
        expect(cited, kind).toMatch(phrase(citedClaim, code));
        for (const citedIdentifiers of [0, undefined]) {
          const none = composeReply(lang, request({ jurisdiction: law, citedIdentifiers }), kind, '2026-12-01').body;
          expect(none, `${kind} ${citedIdentifiers}`).not.toMatch(phrase(citedClaim, code));
          expect(none).not.toBe(cited);
          expect(none).toContain('DSC-20261123-K7Q2M9');
        }
      }
    },
  );

  it.each(pairs)(
    '%s %s: "we suppressed you" names the right exercised, erasure only after an erasure request',
    (code, law) => {
      const lang = letterLanguage(code);
      const text = lang.laws[law] as LawText<string>;
      const roles = text.roles(text.cite);
      const names = lang.rightNames(law);
      const erasure = composeReply(lang, request({ jurisdiction: law }), 'suppressed', '2026-12-01').body;
      expect(erasure).toContain(roles.erasure);
      expect(erasure).toMatch(phrase(erasureWords, code));
      for (const right of (['objection', 'access', 'withdrawal'] as const).filter((r) => LAW_RIGHTS[law].includes(r))) {
        const reply = composeReply(lang, request({ jurisdiction: law, right }), 'suppressed', '2026-12-01').body;
        expect(reply, right).toContain(names[right]);
        expect(reply, right).not.toContain(roles.erasure);
        expect(reply, right).not.toMatch(phrase(erasureWords, code));
      }
    },
  );

  it.each(withLaw('fadp'))('%s: the revFADP fee answer cites Art. 25(6) for access only', (code) => {
    const lang = letterLanguage(code);
    const art25_6 = lang.laws.fadp?.cite.art25_6 ?? '';
    expect(art25_6).not.toBe('');
    const fee = (right: LetterRight) =>
      composeReply(lang, request({ jurisdiction: 'fadp', right }), 'fee', '2026-12-01').body;
    expect(fee('access')).toContain(art25_6);
    expect(fee('erasure')).not.toContain(art25_6);
    expect(fee('objection')).not.toContain(art25_6);
    expect(fee('erasure')).toContain('DSC-20261123-K7Q2M9');
    // Under the GDPR, Art. 12(5) makes every request free: the fee answer keeps citing it.
    const gdpr = lang.laws.gdpr?.cite.art12_5;
    if (gdpr) expect(composeReply(lang, request(), 'fee', '2026-12-01').body).toContain(gdpr);
  });
});

describe('access and objection built for tracking data', () => {
  it.each(withLaw('gdpr'))(
    '%s: Art. 15(1)(a)–(h), 15(2), recipients by name, segments, inferences, sync partners, bid requests, sources',
    async (code) => {
      const body = (await write(code, {}, { right: 'access' })).body;
      const words = {
        en: ['(a)', '(h)', 'by name', 'segments', 'inferences', 'synchronised', 'bid requests', 'websites and apps'],
        de: [
          'a)',
          'h)',
          'namentlich',
          'Segmente',
          'Schlussfolgerungen',
          'abgeglichen',
          'Gebotsanfragen',
          'Websites und Apps',
        ],
        nl: [
          'a)',
          'h)',
          'met naam en toenaam',
          'segmenten',
          'gevolgtrekkingen',
          'gesynchroniseerd',
          'biedverzoeken',
          'websites en apps',
        ],
        pl: [
          'a)',
          'h)',
          'wskazani z nazwy',
          'segmenty',
          'wnioski',
          'synchronizowali',
          'zapytania ofertowe',
          'strony internetowe i aplikacje',
        ],
        pt: [
          'a)',
          'h)',
          'identificados pelo nome',
          'segmentos',
          'inferências',
          'sincronizaram',
          'pedidos de licitação',
          'sítios web e aplicações',
        ],
        fr: [
          'a)',
          'h)',
          'nommément',
          'segments',
          'déductions',
          'synchronisé',
          'demandes d’enchères',
          'sites et applications',
        ],
        es: [
          'a)',
          'h)',
          'por su nombre',
          'segmentos',
          'inferencias',
          'sincronizado',
          'solicitudes de puja',
          'sitios web y aplicaciones',
        ],
        it: [
          'a)',
          'h)',
          'nominativamente',
          'segmenti',
          'inferenze',
          'sincronizzato',
          'richieste di offerta',
          'siti web e le app',
        ],
      }[code] as string[];
      expect(words, code).toBeDefined();
      for (const w of words) expect(body, w).toContain(w);
      expect(body).toContain(letterLanguage(code).laws.gdpr?.cite.art15_2);
    },
  );

  it.each(withLaw('gdpr'))('%s: the objection offers Art. 21(1) with restriction under Art. 18(1)(d)', async (code) => {
    const c = letterLanguage(code).laws.gdpr?.cite;
    const plain = (await write(code, {}, { right: 'objection' })).body;
    const reasoned = (await write(code, {}, { right: 'objection', reason: 'I am a journalist' })).body;
    for (const body of [plain, reasoned]) {
      expect(body).toContain(c?.art21_1);
      expect(body).toContain(c?.art18_1_d);
    }
    expect(reasoned).toContain('I am a journalist.');
  });
});

describe('register (LETTERS.md 38)', () => {
  it('German: the phrases a German lawyer writes, none of the reviewed bad ones', async () => {
    const letters = await Promise.all(
      LAW_RIGHTS.gdpr.map((right) => write('de', {}, { right, reason: 'Ich bin Journalist' })),
    );
    const all = letters.map((l) => `${l.subject}\n${l.body}`).join('\n');
    expect(all).toContain('Sollte ich eine Einwilligung erteilt haben, widerrufe ich sie hiermit');
    expect(all).toContain('Mein Zeichen:');
    expect(all).not.toMatch(/erteilt haben mag|unbedingt|nach DSGVO|nachweislich/);
  });

  it('French: the phrases a French lawyer writes, salutation and closing that match', async () => {
    const letters = await Promise.all(LAW_RIGHTS.gdpr.map((right) => write('fr', {}, { right })));
    const all = letters.map((l) => l.body).join('\n');
    expect(all).toContain('données à caractère personnel');
    expect(all).toContain('Je vous prie de bien vouloir');
    expect(all).not.toContain('Merci de');
    for (const l of letters) {
      expect(l.body.startsWith('Madame, Monsieur,')).toBe(true);
      expect(l.body).toContain('Je vous prie d’agréer, Madame, Monsieur, l’expression de mes salutations distinguées.');
    }
    const text = composeComplaint(letterLanguage('fr'), request(), complaint(), '2026-12-01').body;
    expect(text).toContain('J’introduis une réclamation');
    expect(text).not.toContain('Je dépose une plainte');
    // French typography: no breakable space before « ; : ? ! », so a line never starts with one.
    for (const l of [...letters.map((x) => x.body), text]) expect(l).not.toMatch(/ [;:?!]/);
    expect(all).toContain('données à caractère personnel (article 4, point 1), du RGPD\u00a0; considérant 30 du RGPD)');
  });

  it('Spanish: the register of a Spanish lawyer, salutation with a colon and the closing that matches', async () => {
    const letters = await Promise.all(LAW_RIGHTS.gdpr.map((right) => write('es', {}, { right })));
    for (const l of letters) {
      expect(l.body.startsWith('Estimados señores:\n\n')).toBe(true);
      expect(l.body).toMatch(/\n\nAtentamente,\n23 de noviembre de 2026 · Ref\.: DSC-20261123-K7Q2M9$/);
      expect(l.body).toContain('datos personales');
      expect(l.body).not.toMatch(/\bvosotros\b|\bos (ruego|solicito|pido)\b|datos de carácter personal|\bborr/);
    }
    const text = composeComplaint(letterLanguage('es'), request(), complaint(), '2026-12-01').body;
    expect(text).toContain('presento una reclamación, al amparo del artículo 77 del RGPD');
    expect(composeReminder(letterLanguage('es'), request(), '2026-12-01').body).toContain(
      'Mediante escrito de fecha 1 de octubre de 2026 (ref. DSC-20261123-K7Q2M9), ejercité mi derecho de supresión en virtud del RGPD.',
    );
  });

  it('Spanish: the second review’s legal wording (LSSI in full, what was not seen in the subjunctive, CCPA terms)', async () => {
    const unlawful = (await write('es', { consent: deviceFlow }, { residence: 'ES' })).body;
    expect(unlawful).toContain('Ley 34/2002, de 11 de julio, de servicios de la sociedad de la información');
    expect(unlawful).toContain('antes de que yo respondiera al banner de cookies del sitio');
    const access = (await write('es', {}, { right: 'access' })).body;
    expect(access).toContain('en las que se hayan transmitido mis datos');
    expect((await write('es', {}, { right: 'objection' })).body).not.toMatch(/han cesado/);
    const know = (await write('es', {}, { jurisdiction: 'ccpa', right: 'access' })).body;
    expect(know).toContain('para un fin empresarial');
    expect(know).not.toMatch(/con fines comerciales|coste/);
    // The CCPA regulations let a business designate its methods of submission: no claim of a free choice of channel.
    const form = composeReply(letterLanguage('es'), request({ jurisdiction: 'ccpa' }), 'webForm', '2026-12-01').body;
    expect(form).not.toContain('no exige ningún canal');
    const id = composeReply(letterLanguage('es'), request({ jurisdiction: 'ccpa' }), 'idDocument', '2026-12-01').body;
    expect(id).toContain('sección 7060 del título 11');
  });

  it('Spanish: «y» becomes «e» before the sound i', () => {
    const { list } = letterLanguage('es');
    expect(list(['cookies', 'identificadores'])).toBe('cookies e identificadores');
    expect(list(['a', 'b', 'c'])).toBe('a, b y c');
    expect(list(['cookies', 'hielo'])).toBe('cookies y hielo');
  });

  it('Italian: «Vi» to the company, «codesta Autorità» to the authority, the first of the month as «1°»', async () => {
    const letters = await Promise.all(LAW_RIGHTS.gdpr.map((right) => write('it', {}, { right })));
    for (const l of letters) {
      expect(l.body.startsWith('Spettabile Società,\n\n')).toBe(true);
      expect(l.body).toMatch(/\n\nDistinti saluti\n23 novembre 2026 · Rif\. DSC-20261123-K7Q2M9$/);
      expect(l.body).toMatch(/\bVi (chiedo|prego)\b/);
      expect(l.body).not.toMatch(/\bLei\b|\bvoi\b/);
    }
    expect(longDate(letterLanguage('it'), '2026-10-01')).toBe('1° ottobre 2026');
    const text = composeComplaint(letterLanguage('it'), request(), complaint(), '2026-12-01');
    expect(
      text.body.startsWith('Spettabile Autorità,\n\nCon la presente propongo reclamo, ai sensi dell’art. 77 del GDPR'),
    ).toBe(true);
    expect(text.body).toContain('Chiedo a codesta Autorità di esaminare il reclamo');
    expect(composeReminder(letterLanguage('it'), request(), '2026-12-01').body).toContain(
      'Con lettera del 1° ottobre 2026 (rif. DSC-20261123-K7Q2M9) ho esercitato il mio diritto alla cancellazione ai sensi del GDPR.',
    );
    // Elision before a vowel sound: «dell’8 ottobre», «l’11 novembre».
    const eighth = composeReminder(
      letterLanguage('it'),
      request({ sentOn: '2026-10-08', due: '2026-11-11' }),
      '2026-12-01',
    ).body;
    expect(eighth).toContain('Con lettera dell’8 ottobre 2026');
    expect(eighth).toContain('è scaduto l’11 novembre 2026');
  });

  it('Italian, as a lawyer signs it: nothing claimed that was not observed, the LPD as it reads', async () => {
    // With no identifier quoted, the letter does not assert that the company recognises the browser.
    const none = await write('it', {}, {}, []);
    expect(none.body).not.toContain('Riconoscete il mio browser');
    expect(none.body).toContain('che abbiate eventualmente impostato nel mio browser');
    // A partial answer or a refusal is not «no follow-up»: the complaint says the request was not satisfied.
    const partial = composeComplaint(letterLanguage('it'), request(), complaint({ answer: 'partial' }), '2026-12-01');
    expect(partial.body).toContain('che non ha soddisfatto la richiesta con cui ho esercitato il mio diritto');
    expect(partial.body).not.toContain('non ha dato seguito');
    // Art. 25 cpv. 6 LPD: free of charge as the rule; «di norma» belongs to the 30 days of cpv. 7.
    const access = await write('it', {}, { jurisdiction: 'fadp', right: 'access' });
    expect(access.body).toContain(
      'gratuitamente (art. 25 cpv. 6 LPD) e, di norma, entro 30 giorni (art. 25 cpv. 7 LPD)',
    );
    // Art. 32 cpv. 2 lett. c LPD is what a court can be asked for; the LPD's own «volontà esplicita».
    const erasure = await write('it', {}, { jurisdiction: 'fadp' });
    expect(erasure.body).toContain(
      'mi riservo di chiederne in giudizio la cancellazione o la distruzione (art. 32 cpv. 2 lett. c LPD)',
    );
    expect(erasure.body).toContain('contro la mia volontà esplicita');
    // The LPD's procedure is an «inchiesta», not the Garante's «istruttoria».
    const report = composeComplaint(letterLanguage('it'), request({ jurisdiction: 'fadp' }), complaint(), '2026-12-01');
    expect(report.body).toContain('nella misura in cui l’inchiesta lo richieda');
    expect(report.body).not.toContain('istruttoria');
  });

  it.each<[string, Law, string, string, string, RegExp]>([
    [
      'nl',
      'gdpr',
      'Geachte heer, mevrouw,',
      'Met vriendelijke groet,',
      'Kenmerk:',
      /Hierbij dien ik op grond van artikel 77 AVG een klacht in/,
    ],
    ['pl', 'gdpr', 'Szanowni Państwo,', 'Z poważaniem', 'Znak sprawy:', /Na podstawie art\. 77 RODO wnoszę skargę/],
    [
      'pt',
      'gdpr',
      'Exmos. Senhores,',
      'Com os melhores cumprimentos,',
      'Ref.ª',
      /Venho, ao abrigo do artigo 77\.º do RGPD, apresentar reclamação/,
    ],
    [
      'pt-BR',
      'lgpd',
      'Prezados Senhores,',
      'Atenciosamente,',
      'Ref.:',
      /Com fundamento no art\. 18, § 1º, da LGPD, apresento petição/,
    ],
  ])(
    '%s: salutation, closing and reference of the country, and its complaint wording',
    async (code, law, hello, bye, ref, lodge) => {
      for (const right of LAW_RIGHTS[law]) {
        const l = await write(code, {}, { jurisdiction: law, right });
        expect(l.body.startsWith(`${hello}\n\n`), right).toBe(true);
        expect(l.body, right).toContain(`\n\n${bye}\n`);
        expect(l.body, right).toContain(ref);
      }
      const text = composeComplaint(
        letterLanguage(code),
        request({ jurisdiction: law }),
        complaint(),
        '2026-12-01',
      ).body;
      expect(text).toMatch(lodge);
    },
  );

  it('Brazilian LGPD letters: every service as controller, the evidence a sample, no art. 16 hypothesis presumed', async () => {
    for (const right of ['erasure', 'access'] as const) {
      const body = (await write('pt-BR', {}, { jurisdiction: 'lgpd', right })).body;
      expect(body, right).toContain('em relação a todos os serviços dos quais essa empresa seja controladora');
      expect(body, right).toContain('incluindo, mas não se limitando a, os dados indicados abaixo');
    }
    const erasure = (await write('pt-BR', {}, { jurisdiction: 'lgpd', right: 'erasure' })).body;
    expect(erasure).toContain('A meu ver, nenhuma das hipóteses de conservação previstas no art. 16 da LGPD se aplica');
    // Art. 12, § 2º says such data "poderão" be personal data, of an identified person: the letter does not say more.
    const access = (await write('pt-BR', {}, { jurisdiction: 'lgpd', right: 'access' })).body;
    expect(access).toContain('se identificada, podem igualmente ser considerados dados pessoais');
  });

  it('Polish and Portuguese: no first-person form that presumes the requester’s gender', async () => {
    for (const [code, law] of [
      ['pl', 'gdpr'],
      ['pt', 'gdpr'],
      ['pt-BR', 'lgpd'],
    ] as const) {
      const lang = letterLanguage(code);
      const texts = [
        ...(await Promise.all(
          LAW_RIGHTS[law].map(async (right) => (await write(code, {}, { jurisdiction: law, right })).body),
        )),
        ...REPLY_KINDS.map((k) => composeReply(lang, request({ jurisdiction: law }), k, '2026-12-01').body),
        composeReminder(lang, request({ jurisdiction: law }), '2026-12-01').body,
        ...[true, false].map(
          (shareIdentity) =>
            composeComplaint(lang, request({ jurisdiction: law }), complaint({ shareIdentity }), '2026-12-01').body,
        ),
      ].join('\n');
      expect(texts, code).not.toMatch(
        /\b(wyraziłe[mś]|wyraziłam|udzieliłe[mś]|udzieliłam|wysłałe[mś]|wysłałam|otrzymałe[mś]|otrzymałam|wdzięczn[ya]|obrigad[oa]|grat[oa]|(ser|sou|estou|fico|ficaria) (informad|avisad|notificad)[oa])\b/,
      );
    }
  });

  it('Polish: the evidence agrees with a single request, the complaint says each answer once, the fee reply names the exception', async () => {
    const one = (await write('pl', { requests: 1 }, {})).body;
    expect(one).toContain('1 zapytanie z jednej witryny.');
    expect(one).toContain('Przesłane dane obejmowały identyfikatory');
    expect(one).not.toContain('Zawierały one');
    const lang = letterLanguage('pl');
    const partial = composeComplaint(lang, request(), complaint({ answer: 'partial' }), '2026-12-01').body;
    expect(partial).toContain('- Odpowiedź: niepełna.');
    expect(partial).not.toMatch(/Odpowiedź: odpowiedź/);
    const fee = composeReply(lang, request(), 'fee', '2026-12-01').body;
    expect(fee).toContain('ewidentnie nieuzasadnione lub nadmierne');
    expect(fee).toContain('(art. 12 ust. 5 RODO)');
  });

  it('Swiss German: no ß in a letter under the FADP', async () => {
    const letter = await write('de', {}, { jurisdiction: 'fadp' });
    expect(letter.body).not.toContain('ß');
    expect(letter.body).toContain('Grüssen');
  });

  it('Dutch: the AVG’s own terms, follow-ups that fit any channel, a partial answer called partial', async () => {
    const nl = letterLanguage('nl');
    const erasure = (await write('nl', {}, {})).body;
    // Art. 12(3) AVG: "onverwijld en in ieder geval binnen een maand"; the cookie rule is art. 11.7a, eerste en derde lid, Tw.
    expect(erasure).toContain('onverwijld, en in ieder geval binnen een maand');
    expect((await write('nl', { consent: deviceFlow }, { residence: 'NL' })).body).toContain(
      'artikel 11.7a, eerste en derde lid, van de Telecommunicatiewet',
    );
    // A request sent by e-mail or web form was no "brief".
    const reminder = composeReminder(nl, request(), '2026-12-01').body;
    expect(reminder).toContain('Bij mijn bericht van 1 oktober 2026');
    expect(reminder).not.toContain('Bij brief van');
    // Art. 12(5): a fee only for manifestly unfounded or excessive requests.
    expect(composeReply(nl, request(), 'fee', '2026-12-01').body).toContain('kennelijk ongegronde of buitensporige');
    const partial = composeComplaint(nl, request(), complaint({ answer: 'partial' }), '2026-12-01').body;
    expect(partial).toContain('niet volledig heeft gerespecteerd');
    expect(composeComplaint(nl, request(), complaint(), '2026-12-01').body).not.toContain('niet volledig');
  });

  it('Brazilian Portuguese: the first of the month is « 1º »; Polish dates end in « r. » without a doubled full stop', () => {
    expect(longDate(letterLanguage('pt-BR'), '2026-10-01')).toBe('1º de outubro de 2026');
    expect(longDate(letterLanguage('pt'), '2026-10-01')).toBe('1 de outubro de 2026');
    expect(longDate(letterLanguage('pl'), '2026-10-01')).toBe('1 października 2026 r.');
    const pl = composeReminder(letterLanguage('pl'), request(), '2026-12-01').body;
    expect(pl).toContain('w dniu 2 listopada 2026 r. upłynął termin');
    expect(pl).not.toContain('r..');
  });

  it('French: the first of the month is « 1er »', () => {
    expect(longDate(letterLanguage('fr'), '2026-10-01')).toBe('1er octobre 2026');
    expect(composeReminder(letterLanguage('fr'), request(), '2026-12-01').body).toContain(
      'Par courrier du 1er octobre 2026 (réf. DSC-20261123-K7Q2M9), j’ai exercé mon droit à l’effacement en vertu du RGPD.',
    );
  });

  it('revFADP: a report to the FDPIC, in Swiss terms, not a complaint with party status', () => {
    const de = composeComplaint(letterLanguage('de'), request({ jurisdiction: 'fadp' }), complaint(), '2026-12-01');
    expect(de.body).toContain('Hiermit zeige ich gestützt auf Art. 49 DSG den folgenden Verantwortlichen an');
    expect(de.subject).toBe('Magnite: Anzeige (Mein Zeichen: DSC-20261123-K7Q2M9)');
    expect(de.body).toContain('zu verfügen, dass der Verantwortliche meinem Begehren entspricht (Art. 51 DSG)');
    const frComplaint = composeComplaint(
      letterLanguage('fr'),
      request({ jurisdiction: 'fadp' }),
      complaint(),
      '2026-12-01',
    );
    expect(frComplaint.subject).toMatch(/^Dénonciation visant Magnite/);
    expect(frComplaint.body).toContain('Je vous dénonce, sur le fondement de l’art. 49 LPD');
    const frReminder = composeReminder(letterLanguage('fr'), request({ jurisdiction: 'fadp' }), '2026-12-01').body;
    expect(frReminder).toContain('À défaut, je dénoncerai les faits au Préposé fédéral');
    expect(frReminder).not.toMatch(/j’[bcdfghjklmnpqrstvwxz]/);
    expect(de.body).not.toMatch(/ß|personenbezogene/);
    const fr = composeReply(letterLanguage('fr'), request({ jurisdiction: 'fadp' }), 'cannotIdentify', '2026-12-01');
    expect(fr.body).toContain('données personnelles (art. 5, let. a, LPD)');
    const it = composeComplaint(letterLanguage('it'), request({ jurisdiction: 'fadp' }), complaint(), '2026-12-01');
    expect(it.subject).toMatch(/^Denuncia nei confronti di Magnite/);
    expect(it.body).toContain('ai sensi dell’art. 49 LPD, presento denuncia nei confronti del seguente titolare');
    expect(it.body).toContain('Denunciante:\nAlex Martin');
    expect(it.body).toContain('(art. 49 cpv. 4 LPD)');
    expect(it.body).not.toMatch(/GDPR|reclamo|Reclamante/);
    const reminder = composeReminder(letterLanguage('it'), request({ jurisdiction: 'fadp' }), '2026-12-01').body;
    expect(reminder).toContain('ai sensi della LPD');
    expect(reminder).toContain(
      'presenterò denuncia all’Incaricato federale della protezione dei dati e della trasparenza (IFPDT)',
    );
    const en = composeComplaint(letterLanguage('en'), request({ jurisdiction: 'ccpa' }), complaint(), '2026-12-01');
    expect(en.body).toContain('against the following business');
    expect(en.body).not.toContain('controller');
  });

  it.each([
    ['en', '23 November 2026'],
    ['de', '23. November 2026'],
    ['fr', '23 novembre 2026'],
    ['es', '23 de noviembre de 2026'],
    ['it', '23 novembre 2026'],
    ['nl', '23 november 2026'],
    ['pl', '23 listopada 2026 r.'],
    ['pt', '23 de novembro de 2026'],
    ['pt-BR', '23 de novembro de 2026'],
  ])('%s: dates in the language’s own format', async (code, date) => {
    const lang = letterLanguage(code);
    const jurisdiction = lang.laws.gdpr ? 'gdpr' : 'lgpd';
    expect((await write(code, {}, { jurisdiction })).body).toContain(date);
  });

  it('signs with the name given, and with nobody’s name by default', async () => {
    const named = await write('en', {}, { signer: 'Alex Martin' });
    expect(named.body).toMatch(/Yours faithfully,\nAlex Martin\n23 November 2026/);
    const unnamed = await write('en', {}, {});
    expect(unnamed.body).not.toContain('The user of the browser');
  });
});
