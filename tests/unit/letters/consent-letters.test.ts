import { describe, expect, it } from 'vitest';
import type { ConsentStamp } from '../../../lib/consent/types.ts';
import {
  type ComplaintInput,
  composeComplaint,
  composeLetter,
  type FollowUpRequest,
  type LetterOptions,
  reliedOnUnlawful,
} from '../../../lib/letters/compose.ts';
import { EPRIVACY_COUNTRIES } from '../../../lib/letters/eprivacy.ts';
import { evidenceFor, gatherEvidence } from '../../../lib/letters/evidence.ts';
import { LETTER_LANGUAGES, letterLanguage } from '../../../lib/letters/languages.ts';
import { Recorder } from '../../../lib/storage/recorder.ts';
import { englishWords } from '../../english-text.ts';
import { event, freshDb } from '../storage/helpers.ts';

// Letters written from requests stored in real Dexie (fake-indexeddb), stamped with the page's consent state as the
// recorder receives them: the unlawful-processing ground, its paragraph with times and the resident's rule, the
// complaint's timeline and the CCPA opt-out's GPC paragraph. Letters are written in UTC (vitest.config.ts).

const BANNER = Date.UTC(2026, 10, 30, 14, 2, 0);
const ANSWER = Date.UTC(2026, 10, 30, 14, 2, 7);
const notAnswered: ConsentStamp = { state: 'not-answered', since: BANNER, answeredAt: ANSWER, cmp: 'tcf:28' };
const refused: ConsentStamp = { state: 'refused', since: ANSWER, cmp: 'tcf:28' };

type Extra = Parameters<typeof event>[0];

/** Company "ads" on news.example: what each case adds, then the evidence gathered for it. */
async function gathered(events: Extra[]) {
  const db = freshDb();
  const recorder = new Recorder(db);
  for (const e of events)
    recorder.add(event({ site: 'news.example', company: 'ads', host: 'ads.example', category: 'advertising', ...e }));
  await recorder.flush();
  const g = await gatherEvidence(db, { id: 'ads', name: 'Ads Inc.' });
  db.close();
  if (!g) throw new Error('nothing gathered');
  return g;
}

/** A complaint to `authority` about an unanswered erasure request, with the consent evidence of news.example. */
function complaintAbout(g: Awaited<ReturnType<typeof gathered>>, authority: string) {
  const request: FollowUpRequest = {
    jurisdiction: 'gdpr',
    right: 'erasure',
    reference: 'DSC-20261201-AAAAAA',
    companyName: 'Ads Inc.',
    recipient: 'privacy@ads.example',
    sentOn: '2026-12-01',
  };
  const input: ComplaintInput = {
    authority,
    complainant: 'A. Person',
    controller: 'Ads Inc.',
    answer: 'none',
    shareIdentity: false,
    consent: evidenceFor(g, ['news.example']).consent,
  };
  return { request, input };
}

const identifierBefore: Extra = {
  time: ANSWER - 1_500,
  sentAt: ANSWER - 2_000,
  delivery: 'received',
  kinds: ['identifier'],
  findings: [{ kind: 'identifier', source: 'url', name: 'cid', value: '555666777.1700000000' }],
  consentAt: notAnswered,
};
const cookieAfter: Extra = {
  time: ANSWER + 2_500,
  sentAt: ANSWER + 2_000,
  delivery: 'received',
  kinds: ['cookie', 'page-address'],
  consentAt: refused,
};

const options = (extra: Partial<LetterOptions> = {}): LetterOptions => ({
  jurisdiction: 'gdpr',
  reference: 'DSC-20261201-AAAAAA',
  date: '2026-12-01',
  extensionVersion: '0.1.0',
  residence: 'DE',
  ...extra,
});

async function letter(events: Extra[], extra: Partial<LetterOptions> = {}, code = 'en') {
  const g = await gathered(events);
  return composeLetter(letterLanguage(code), g.evidence, [], options(extra));
}

describe('letters that use the consent ledger', () => {
  it('an identifier sent before the answer and a cookie after the refusal: the paragraph with exact times and the resident’s rule', async () => {
    const l = await letter([identifierBefore, cookieAfter], { residence: 'DE' });
    expect(l.grounds).toContain('unlawful');
    expect(l.body).toContain(
      'on 30 November 2026 at 14:02:05 (UTC+00:00) it sent identifiers of my browser or device from news.example to your server ads.example, 2 seconds before I answered the site’s cookie banner',
    );
    expect(l.body).toContain(
      'on 30 November 2026 at 14:02:09 (UTC+00:00) it sent cookies from news.example to your server ads.example, 2 seconds after I had refused consent on the site’s cookie banner',
    );
    // A German resident writing in English cites the TDDDG, named with its country; never the Directive.
    expect(l.body).toContain(
      'Under the rule that applies in my country of residence (§ 25 Abs. 1 und 2 TDDDG (Germany)), storing information on my device, or gaining access to information already stored on it, requires my prior consent unless it is strictly necessary to provide a service I have explicitly requested; sending your cookies or identifiers to your servers is not.',
    );
    // The step a court needs (CJEU C-60/22): no consent, so no lawful basis under Art. 6(1), so unlawful under Art. 5(1)(a).
    expect(l.body).toContain(
      'As recorded above, I had not consented to your company’s cookies or identifiers on that site when these requests were sent. Personal data obtained in this way therefore has no lawful basis under Article 6(1) GDPR, consent (Article 6(1)(a) GDPR) being the only basis available for it; it is processed unlawfully (Article 5(1)(a) GDPR) and must be erased under Article 17(1)(d) GDPR.',
    );
    expect(l.body).not.toMatch(/2002\/58/);
    // The volume line still counts every request, the consent ones among them.
    expect(l.body).toContain('2 requests from one website.');
  });

  it('a French resident cites article 82 of the loi Informatique et Libertés; a German letter of a German resident cites § 25 bare', async () => {
    const fr = await letter([identifierBefore], { residence: 'FR' }, 'fr');
    fr.body = fr.body.replace(/[\u00a0\u202f]/g, ' ');
    expect(fr.body).toContain('article 82 de la loi n° 78-17 du 6 janvier 1978');
    expect(fr.body).toContain('le 30 novembre 2026 à 14:02:05 (UTC+00:00)');
    expect(fr.body).toContain(
      'ne reposent donc sur aucune base légale au titre de l’article 6, paragraphe 1, du RGPD, seul le consentement (article 6, paragraphe 1, point a), du RGPD) pouvant la fournir ; elles font l’objet d’un traitement illicite (article 5, paragraphe 1, point a), du RGPD)',
    );
    const de = await letter([identifierBefore], { residence: 'DE' }, 'de');
    expect(de.body).toContain('Vorschrift (§ 25 Abs. 1 und 2 TDDDG) sind die Speicherung');
    expect(de.body).toContain(
      'Für so erlangte Daten besteht daher keine Rechtsgrundlage nach Art. 6 Abs. 1 DSGVO – in Betracht käme allein eine Einwilligung (Art. 6 Abs. 1 lit. a DSGVO); sie werden unrechtmäßig verarbeitet (Art. 5 Abs. 1 lit. a DSGVO) und sind nach Art. 17 Abs. 1 lit. d DSGVO zu löschen.',
    );
  });

  // Every country of the table, with the provision its resident's letter must name, written out here so that a changed
  // or mistyped entry fails.
  const CITES: [string, string][] = [
    ['DE', '§ 25 Abs. 1 und 2 TDDDG'],
    ['AT', '§ 165 Abs. 3 TKG 2021'],
    ['FR', 'article 82 de la loi n° 78-17 du 6 janvier 1978 relative à l’informatique, aux fichiers et aux libertés'],
    ['GB', 'regulation 6 of the Privacy and Electronic Communications (EC Directive) Regulations 2003'],
    ['IT', 'art. 122 del d.lgs. 30 giugno 2003, n. 196'],
    [
      'ES',
      'artículo 22.2 de la Ley 34/2002, de 11 de julio, de servicios de la sociedad de la información y de comercio electrónico',
    ],
    ['NL', 'artikel 11.7a, eerste en derde lid, van de Telecommunicatiewet'],
    ['PT', 'artigo 5.º da Lei n.º 41/2004, de 18 de agosto, na sua redação atual'],
    [
      'IE',
      'Regulation 5(3) of the European Communities (Electronic Communications Networks and Services) (Privacy and Electronic Communications) Regulations 2011, S.I. No. 336 of 2011',
    ],
    [
      'LU',
      'article 4, paragraphe 3, lettre e), de la loi modifiée du 30 mai 2005 concernant la protection de la vie privée dans le secteur des communications électroniques',
    ],
    ['FI', '205 § 1 momentti, laki sähköisen viestinnän palveluista (917/2014)'],
    ['PL', 'art. 399 ustawy z dnia 12 lipca 2024 r. – Prawo komunikacji elektronicznej'],
    [
      'BE',
      'article 10/2 de la loi du 30 juillet 2018 relative à la protection des personnes physiques à l’égard des traitements de données à caractère personnel',
    ],
    ['SE', '9 kap. 28 § lagen (2022:482) om elektronisk kommunikation'],
    [
      'DK',
      '§ 3 i bekendtgørelse nr. 1148 af 9. december 2011 om krav til information og samtykke ved lagring af eller adgang til oplysninger i slutbrugeres terminaludstyr',
    ],
    ['NO', '§ 3-15 i lov om elektronisk kommunikasjon (ekomloven)'],
    ['CZ', '§ 89 odst. 3 zákona č. 127/2005 Sb., o elektronických komunikacích'],
    ['SK', '§ 109 ods. 8 zákona č. 452/2021 Z. z. o elektronických komunikáciách'],
    ['HU', 'az elektronikus hírközlésről szóló 2003. évi C. törvény 155. § (4) bekezdése'],
    ['GR', 'άρθρο 4 παρ. 5 του ν. 3471/2006'],
    [
      'CY',
      'άρθρο 99(5) του περί Ρυθμίσεως Ηλεκτρονικών Επικοινωνιών και Ταχυδρομικών Υπηρεσιών Νόμου του 2004 (Ν. 112(Ι)/2004)',
    ],
    [
      'RO',
      'art. 4 alin. (5) din Legea nr. 506/2004 privind prelucrarea datelor cu caracter personal și protecția vieții private în sectorul comunicațiilor electronice',
    ],
    ['SI', '225. člen Zakona o elektronskih komunikacijah (ZEKom-2)'],
    ['LV', 'Informācijas sabiedrības pakalpojumu likuma 7.¹ pants'],
    [
      'MT',
      'regulation 5 of the Processing of Personal Data (Electronic Communications Sector) Regulations (Subsidiary Legislation 586.01)',
    ],
    ['LI', 'Art. 61 Abs. 4 KomG'],
  ];

  it('the table has exactly the countries listed here', () => {
    expect([...EPRIVACY_COUNTRIES].sort()).toEqual(CITES.map(([c]) => c).sort());
  });

  it.each(CITES)(
    'a resident of %s gets the unlawful ground citing its rule, named with its country',
    async (country, cite) => {
      const jurisdiction = country === 'GB' ? 'uk-gdpr' : 'gdpr';
      const l = await letter([identifierBefore], { jurisdiction, residence: country });
      expect(l.grounds).toContain('unlawful');
      // A UK GDPR letter is written in British English and names its own law bare.
      const name = new Intl.DisplayNames(['en'], { type: 'region' }).of(country);
      const named = country === 'GB' ? cite : `${cite} (${name})`;
      expect(l.body).toContain(`the rule that applies in my country of residence (${named}),`);
      expect(l.body).not.toMatch(/2002\/58/);
    },
  );

  it('a Polish letter of a Polish resident cites art. 399 PKE bare; a Swedish resident’s Polish letter names Sweden', async () => {
    const pl = await letter([identifierBefore], { residence: 'PL' }, 'pl');
    expect(pl.body).toContain(
      'zamieszkania (art. 399 ustawy z dnia 12 lipca 2024 r. – Prawo komunikacji elektronicznej) przechowywanie',
    );
    const se = await letter([identifierBefore], { residence: 'SE' }, 'pl');
    expect(se.body).toContain(
      'zamieszkania (9 kap. 28 § lagen (2022:482) om elektronisk kommunikation (Szwecja)) przechowywanie',
    );
    // The date and time as Polish writes them: "dnia 30 listopada 2026 r. o godz. 14:02:05"; the browser is the subject.
    expect(pl.body).toContain(
      'Moja przeglądarka odnotowała, że dnia 30 listopada 2026 r. o godz. 14:02:05 (UTC+00:00) wysłała',
    );
  });

  it('a UK GDPR letter cites PECR regulation 6, and does not claim it has no other exception', async () => {
    const l = await letter([identifierBefore], { jurisdiction: 'uk-gdpr', residence: 'GB' });
    expect(l.body).toContain(
      'regulation 6 of the Privacy and Electronic Communications (EC Directive) Regulations 2003',
    );
    expect(l.body).toContain(
      'unless it is strictly necessary to provide a service I have explicitly requested or another exception in regulation 6 applies; none of them applies to sending your cookies or identifiers to your servers.',
    );
    expect(l.body).toContain('no lawful basis under Article 6(1) UK GDPR');
  });

  it('a UK GDPR letter of someone living elsewhere claims no rule of their residence', async () => {
    for (const residence of ['DE', '']) {
      const l = await letter([identifierBefore], { jurisdiction: 'uk-gdpr', residence });
      expect(l.body).not.toContain('Privacy and Electronic Communications');
      expect(l.body).not.toContain('17(1)(d)');
    }
  });

  it.each<[string, Extra[], Partial<LetterOptions>]>([
    ['only the page address was sent', [{ ...identifierBefore, kinds: ['page-address'] }], {}],
    [
      'a value that only looks random (a request id), not a kept id',
      [{ ...identifierBefore, findings: [{ kind: 'identifier', source: 'url', name: 'rid', value: 'a8f3k29dj3' }] }],
      {},
    ],
    ['a CDN’s cookie (it may be strictly necessary)', [{ ...cookieAfter, category: 'cdn' }], {}],
    [
      'an analytics cookie in a UK letter (PECR exempts some analytics)',
      [{ ...cookieAfter, category: 'site_analytics' }],
      { jurisdiction: 'uk-gdpr', residence: 'GB' },
    ],
    ['the consent tool’s own request', [{ ...identifierBefore, category: 'consent' }], {}],
    [
      'a request that did not arrive',
      [
        { ...identifierBefore, delivery: 'not-received' },
        { time: BANNER, delivery: 'received', kinds: ['page-address'] },
      ],
      {},
    ],
    [
      'a request whose own TC string gave this vendor consent',
      [
        {
          ...identifierBefore,
          consent: {
            tcf: {
              cmpId: 28,
              policyVersion: 4,
              vendorConsent: true,
              purposesConsent: [1],
              purposesLegitimateInterest: [],
              specialFeatures: [],
            },
          },
        },
      ],
      {},
    ],
    ['residence unknown', [identifierBefore], { residence: '' }],
    ['a country whose rule is not in the table', [identifierBefore], { residence: 'EE' }],
    ['an LGPD letter', [identifierBefore], { jurisdiction: 'lgpd' }],
  ])('no unlawful ground and no ePrivacy citation: %s', async (_, events, extra) => {
    const code = extra.jurisdiction === 'lgpd' ? 'pt-BR' : 'en';
    const l = await letter(events, extra, code);
    expect(l.grounds).not.toContain('unlawful');
    expect(l.body).not.toMatch(/TDDDG|cookie banner|banner de cookies|17\(1\)\(d\)/);
  });

  it('narrowed to listed sites: a flow on a site left out leaves the letter', async () => {
    const g = await gathered([identifierBefore, { ...identifierBefore, site: 'other.example', time: ANSWER - 900 }]);
    expect(g.evidence.consent?.total).toBe(2);
    const only = evidenceFor(g, ['other.example']);
    expect(only.consent?.flows.map((f) => f.site)).toEqual(['other.example']);
    expect(evidenceFor(g, []).consent).toBeUndefined();
  });

  it('cites three requests with an identifier and counts the rest', async () => {
    const many = Array.from({ length: 5 }, (_, i) => ({
      ...identifierBefore,
      sentAt: BANNER + i * 1000,
      time: BANNER + i * 1000 + 10,
    }));
    const l = await letter(many);
    expect(l.body.match(/to your server ads\.example/g)).toHaveLength(3);
    expect(l.body).toContain('and that it sent you 2 more such requests with a cookie or an identifier');
  });

  it('every GDPR language writes the paragraph in its own words, with the time and the rule', async () => {
    for (const lang of LETTER_LANGUAGES.filter((l) => l.laws.gdpr)) {
      const g = await gathered([identifierBefore, cookieAfter]);
      const l = await composeLetter(lang, g.evidence, [], options({ residence: 'IT' }));
      expect(l.grounds, lang.code).toContain('unlawful');
      expect(l.body, lang.code).toContain('art. 122 del d.lgs. 30 giugno 2003, n. 196');
      expect(l.body, lang.code).toContain('ads.example');
      expect(l.body, lang.code).toMatch(/14[:.]02[:.]05/);
      if (lang.code === 'en') continue;
      const paragraph = l.body.split('\n\n').find((p) => p.includes('ads.example') && p.includes('d.lgs.')) ?? '';
      const folder = lang.code === 'pt-BR' ? 'pt_BR' : lang.code;
      // A provision's letter ("Art. 6 Abs. 1 lit. a DSGVO") is a citation, not the English article.
      const words = paragraph.replace(/\b(?:lit|lett|letra|alínea|point|onder)\.? a\b/g, '');
      expect(englishWords(words, folder), lang.code).toEqual([]);
      // Every language links the missing consent to the GDPR's own lawfulness rules (CJEU C-60/22).
      for (const id of ['art6_1', 'art6_1_a', 'art5_1_a', 'art17_1_d'] as const)
        expect(paragraph, `${lang.code} ${id}`).toContain(lang.laws.gdpr?.cite[id] ?? '?');
    }
  });

  it('the complaint gives the timeline of banner, requests and answer in time order, in the letter’s language', async () => {
    const g = await gathered([cookieAfter, identifierBefore]);
    const { request, input } = complaintAbout(g, 'CNIL');
    const body = composeComplaint(letterLanguage('en'), request, input, '2027-01-10').body;
    const at = (s: string) => body.indexOf(s);
    const lines = [
      '30 November 2026 at 14:02:00 (UTC+00:00): the website news.example showed me its cookie banner.',
      '30 November 2026 at 14:02:05 (UTC+00:00): my browser sent identifiers of my browser or device from news.example to ads.example',
      '30 November 2026 at 14:02:07 (UTC+00:00): I refused consent on the cookie banner of news.example.',
      '30 November 2026 at 14:02:09 (UTC+00:00): my browser sent cookies from news.example to ads.example',
    ];
    for (const l of lines) expect(at(l), l).toBeGreaterThan(-1);
    expect(lines.map(at)).toEqual([...lines.map(at)].sort((a, b) => a - b));
    expect(body).toContain('Cookie banner and requests:');
    // The refusal is the answer: not also "I answered" at the same moment.
    expect(body).not.toContain('I answered the cookie banner');
    // Without the request's text relying on Art. 17(1)(d), no line says it did.
    expect(body).not.toContain('my request also relied on');
    const relied = composeComplaint(letterLanguage('en'), request, { ...input, unlawful: true }, '2027-01-10').body;
    const block = relied.slice(relied.indexOf('Cookie banner and requests:')).split('\n\n')[0] ?? '';
    expect(block.split('\n').at(-1)).toBe(
      '- Because of these transmissions, my erasure request also relied on Article 17(1)(d) GDPR (unlawful processing).',
    );
    const de = composeComplaint(letterLanguage('de'), request, { ...input, unlawful: true }, '2027-01-10').body;
    expect(de).toContain('Wegen dieser Anfragen stützte sich mein Antrag auch auf Art. 17 Abs. 1 lit. d DSGVO');
    // Polish timeline lines: "30 listopada 2026 r., godz. 14:02:00 (UTC+00:00): …".
    const pl = composeComplaint(letterLanguage('pl'), request, input, '2027-01-10').body;
    expect(pl).toContain('- 30 listopada 2026 r., godz. 14:02:00 (UTC+00:00): wyświetlenie banera cookie');
    // A company name ending in a full stop gets no second one.
    for (const code of ['pl', 'es', 'it', 'pt', 'en', 'de', 'fr', 'nl'])
      expect(composeComplaint(letterLanguage(code), request, input, '2027-01-10').body, code).not.toContain('Inc..');
    for (const lang of LETTER_LANGUAGES.filter((l) => l.code !== 'en' && l.laws.gdpr)) {
      const text = composeComplaint(lang, request, input, '2027-01-10').body.replace(/\u00a0/g, ' ');
      const from = text.indexOf(lang.consent.heading);
      const block = text.slice(from, text.indexOf('\n\n', from));
      expect(block.length, `${lang.code}: ${text}`).toBeGreaterThan(lang.consent.heading.length);
      expect(englishWords(block, lang.code), `${lang.code}: ${block}`).toEqual([]);
    }
  });

  it('cites only the requests that support the ground: a CDN’s cookie of the same company is neither cited nor counted', async () => {
    // Four CDN cookies sent first: they must not crowd the ad company's identifier out of the few kept per site.
    const cdn: Extra = { ...identifierBefore, host: 'static.cdn.example', category: 'cdn', kinds: ['cookie'] };
    const many = Array.from({ length: 4 }, (_, i) => ({ ...cdn, sentAt: BANNER + i, time: BANNER + 100 + i }));
    const l = await letter([...many, identifierBefore]);
    expect(l.grounds).toContain('unlawful');
    const paragraph = l.body.split('\n\n').find((p) => p.includes('17(1)(d)')) ?? '';
    expect(paragraph).toContain('ads.example');
    expect(paragraph).not.toContain('static.cdn.example');
    expect(paragraph).not.toContain('more such');
  });

  it('a sent request relied on unlawful processing when its text cites Art. 17(1)(d)', async () => {
    for (const code of ['en', 'de', 'pl']) {
      const yes = await letter([identifierBefore], {}, code);
      const no = await letter([identifierBefore], { residence: '' }, code);
      expect(reliedOnUnlawful(letterLanguage(code), 'gdpr', yes.body), code).toBe(true);
      expect(reliedOnUnlawful(letterLanguage(code), 'gdpr', no.body), code).toBe(false);
    }
  });

  it('with no known answer, the request was sent while the banner was not yet answered, in every language', async () => {
    const open: Extra = { ...identifierBefore, consentAt: { state: 'not-answered', since: BANNER, cmp: 'tcf:28' } };
    const expected: Record<string, string> = {
      en: 'while I had not yet answered the site’s cookie banner',
      de: 'als ich das Cookie-Banner der Website noch nicht beantwortet hatte',
      fr: 'alors que je n’avais pas encore répondu au bandeau cookies du site',
      es: 'cuando yo aún no había respondido al banner de cookies del sitio',
      it: 'quando non avevo ancora risposto al banner dei cookie del sito',
      nl: 'terwijl ik de cookiebanner van de website nog niet had beantwoord',
      pt: 'quando eu ainda não tinha respondido ao banner de cookies do sítio',
      pl: 'w czasie, gdy baner cookie witryny pozostawał jeszcze bez mojej odpowiedzi',
    };
    for (const [code, phrase] of Object.entries(expected)) {
      const l = await letter([open], {}, code);
      expect(l.body.replace(/[\u00a0\u202f]/g, ' '), code).toContain(phrase);
    }
    expect((await letter([open])).body).not.toContain('before I');
  });

  it('German: "sieben Sekunden, bevor …", a comma before the clause, and more requests counted in words', async () => {
    const many = Array.from({ length: 5 }, (_, i) => ({ ...identifierBefore, sentAt: BANNER + i * 1000 }));
    const de = (await letter([...many, cookieAfter], {}, 'de')).body;
    expect(de).toContain('sieben Sekunden, bevor ich das Cookie-Banner der Website beantwortete');
    expect((await letter([cookieAfter], {}, 'de')).body).toContain(
      'zwei Sekunden, nachdem ich im Cookie-Banner der Website die Einwilligung verweigert hatte',
    );
    expect(de).toContain(
      '; außerdem übermittelte er Ihnen drei weitere solche Anfragen mit einem Cookie oder einer Kennung.',
    );
    const nl = (await letter([...many.slice(0, 4), cookieAfter], {}, 'nl')).body;
    expect(nl).toContain('daarnaast stuurde hij u nog twee zulke netwerkverzoeken met een cookie of identificator.');
    // Pluperfect after "nadat".
    expect((await letter([cookieAfter], {}, 'nl')).body).toContain(
      'twee seconden nadat ik in de cookiebanner van de website toestemming had geweigerd',
    );
  });

  it('after a partial answer, the TC string is what recorded no consent for the recipient (not "you")', async () => {
    const partial: Extra = {
      ...cookieAfter,
      consentAt: { state: 'partial', since: ANSWER, cmp: 'tcf:28' },
      consent: {
        tcf: {
          cmpId: 28,
          policyVersion: 4,
          vendorConsent: false,
          purposesConsent: [1],
          purposesLegitimateInterest: [],
          specialFeatures: [],
        },
      },
    };
    const expected: Record<string, string> = {
      en: 'although the consent string (TCF) sent with the request recorded no consent for the recipient',
      de: 'wobei der mit der Anfrage übermittelte Einwilligungs-String (TCF) keine Einwilligung für den Empfänger auswies',
      fr: 'alors que la chaîne de consentement (TCF) transmise avec la requête n’enregistrait aucun consentement en faveur du destinataire',
      es: 'aunque la cadena de consentimiento (TCF) enviada con la petición no registraba consentimiento alguno a favor del destinatario',
      it: 'mentre la stringa di consenso (TCF) trasmessa con la richiesta non registrava alcun consenso a favore del destinatario',
      nl: 'terwijl de met het verzoek meegezonden toestemmingsreeks (TCF) geen toestemming voor de ontvanger vermeldde',
      pl: 'przy czym przesłany wraz z zapytaniem ciąg zgody (TCF) nie odnotowywał zgody na rzecz odbiorcy',
      pt: 'embora a cadeia de consentimento (TCF) enviada com o pedido não registasse qualquer consentimento a favor do destinatário',
    };
    for (const [code, phrase] of Object.entries(expected)) {
      const l = await letter([partial], {}, code);
      expect(l.body.replace(/[\u00a0\u202f]/g, ' '), code).toContain(phrase);
    }
    const nl = (await letter([partial], {}, 'nl')).body;
    expect(nl).toContain('alleen voor enkele doeleinden toestemming had gegeven');
  });

  it('Italian writes "l’8 novembre", not "il 8 novembre"; Dutch "nadat ik mijn toestemming had ingetrokken"', async () => {
    const eighth = Date.UTC(2026, 10, 8, 10, 0, 0);
    const it8: Extra = {
      ...cookieAfter,
      sentAt: eighth + 3000,
      time: eighth + 3500,
      consentAt: { state: 'withdrawn', since: eighth },
    };
    const it = (await letter([it8], {}, 'it')).body;
    expect(it).toContain('che l’8 novembre 2026 alle ore 10:00:03 (UTC+00:00) ha inviato');
    expect(it).not.toMatch(/\bil 8 /);
    expect((await letter([it8], {}, 'nl')).body).toContain('nadat ik mijn toestemming had ingetrokken');
  });

  it('a complaint says an answer of unknown choice is one: "(the record does not show which choice)"', async () => {
    const g = await gathered([identifierBefore]);
    const { request, input } = complaintAbout(g, 'BfDI');
    const expected: Record<string, string> = {
      en: 'I answered the cookie banner of news.example (the record does not show which choice).',
      de: 'Ich beantwortete das Cookie-Banner von news.example (die Aufzeichnung zeigt nicht, welche Wahl ich traf).',
      fr: 'j’ai répondu au bandeau cookies de news.example (l’enregistrement n’indique pas quel choix).',
      es: 'respondí al banner de cookies de news.example (el registro no indica qué opción elegí).',
      it: 'ho risposto al banner dei cookie di news.example (la registrazione non indica quale scelta).',
      nl: 'ik heb de cookiebanner van news.example beantwoord (uit de vastlegging blijkt niet welke keuze ik maakte).',
      pl: 'udzielenie przeze mnie odpowiedzi w banerze cookie witryny news.example (z zapisu nie wynika, jakiego wyboru dokonano).',
      pt: 'respondi ao banner de cookies de news.example (o registo não indica qual a escolha).',
    };
    for (const [code, line] of Object.entries(expected))
      expect(composeComplaint(letterLanguage(code), request, input, '2027-01-10').body, code).toContain(line);
  });

  it('CCPA opt-out: the requests sent with Global Privacy Control, counted, from which sites, first and last day', async () => {
    const gpc = (site: string, day: number): Extra => ({
      site,
      time: Date.UTC(2026, 10, day, 9),
      delivery: 'received',
      consent: { gpc: true },
    });
    const g = await gathered([
      gpc('news.example', 3),
      gpc('shop.example', 9),
      gpc('news.example', 20),
      { ...gpc('news.example', 25), delivery: 'not-received' },
      { site: 'news.example', time: Date.UTC(2026, 10, 26, 9), delivery: 'received' },
    ]);
    const l = await composeLetter(
      letterLanguage('en'),
      g.evidence,
      [],
      options({ jurisdiction: 'ccpa', right: 'objection' }),
    );
    // US dates in a letter under California law, the sections as they are numbered (11 CCR § 7025(c)(1), § 7026(f)).
    expect(l.body).toContain(
      'My browser has already sent you this signal: 3 requests that reached your domains from news.example and shop.example between November 3, 2026 and November 20, 2026 carried Global Privacy Control (the Sec-GPC: 1 header). You must treat that signal as a valid request to opt out of sale and sharing for this browser and any consumer profile associated with it, including pseudonymous profiles (Cal. Code Regs. tit. 11, § 7025(c)(1)). Please apply it from November 3, 2026, and notify the third parties to whom you sold or shared my personal information after that date (Cal. Code Regs. tit. 11, § 7026(f)).',
    );
    expect(l.body).not.toMatch(/\d November 2026/);
    // The opt-out preference signal rests on the regulation (11 CCR § 7025(b)), not on § 1798.135(b).
    expect(l.body).toContain(
      'you must treat it as a valid request to opt out as well (Cal. Code Regs. tit. 11, § 7025(b)).',
    );
    expect(l.body).not.toContain('1798.135');
    // The GPC paragraph already asks for the third parties to be told: the closing line only asks for confirmation.
    expect(l.body).toContain('Please confirm this opt-out to me in writing.');
    expect(l.body.match(/notify the third parties/g)).toHaveLength(1);
    const es = await composeLetter(
      letterLanguage('es'),
      g.evidence,
      [],
      options({ jurisdiction: 'ccpa', right: 'objection' }),
    );
    expect(es.body).toContain(
      'Mi navegador ya les envió esa señal: 3 peticiones que llegaron a sus dominios desde news.example y shop.example entre el 3 de noviembre de 2026 y el 20 de noviembre de 2026 incluían Global Privacy Control (cabecera Sec-GPC: 1).',
    );
    expect(es.body).toContain('incluidos los perfiles seudónimos (sección 7025(c)(1) del título 11');
    expect(es.body).toContain('Les ruego que la apliquen desde el 3 de noviembre de 2026');
    expect(es.body).toContain(
      'una solicitud válida de exclusión (sección 7025(b) del título 11 del Código de Regulaciones de California).',
    );
    expect(es.body).toContain('Les ruego que me confirmen esta exclusión por escrito.');
    expect(es.body).not.toContain('Les ruego que notifiquen esta exclusión');
    const one = await gathered([gpc('news.example', 3)]);
    const single = await composeLetter(
      letterLanguage('en'),
      one.evidence,
      [],
      options({ jurisdiction: 'ccpa', right: 'objection' }),
    );
    expect(single.body).toContain(
      'one request that reached your domains from news.example on November 3, 2026 carried',
    );
    // Without the signal, the closing line still asks for the third parties to be told.
    const none = await composeLetter(
      letterLanguage('en'),
      (await gathered([{ site: 'news.example', time: Date.UTC(2026, 10, 3, 9), delivery: 'received' }])).evidence,
      [],
      options({ jurisdiction: 'ccpa', right: 'objection' }),
    );
    expect(none.body).toContain(
      'Please notify the third parties to whom you sold or shared my personal information of this opt-out, and confirm it to me in writing.',
    );
  });
});
