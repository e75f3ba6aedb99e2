import { describe, expect, it } from 'vitest';
import type { ConsentStamp } from '../../../lib/consent/types.ts';
import {
  type ComplaintInput,
  composeComplaint,
  composeLetter,
  type FollowUpRequest,
  type LetterOptions,
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
      'on 30 November 2026 at 14:02:05 UTC it sent your server ads.example identifiers of my browser or device from news.example, 2 seconds before I answered the site’s cookie banner',
    );
    expect(l.body).toContain(
      'on 30 November 2026 at 14:02:09 UTC it sent your server ads.example cookies from news.example, 2 seconds after I had refused consent on the site’s cookie banner',
    );
    // A German resident writing in English cites the TDDDG, named with its country; never the Directive.
    expect(l.body).toContain('the rule of my country of residence, § 25 Abs. 1 TDDDG (Germany),');
    expect(l.body).toContain('Article 17(1)(d) GDPR');
    expect(l.body).not.toMatch(/2002\/58/);
    // The volume line still counts every request, the consent ones among them.
    expect(l.body).toContain('2 requests from 1 website.');
  });

  it('a French resident cites article 82 of the loi Informatique et Libertés; a German letter of a German resident cites § 25 bare', async () => {
    const fr = await letter([identifierBefore], { residence: 'FR' }, 'fr');
    expect(fr.body).toContain('article 82 de la loi n° 78-17 du 6 janvier 1978');
    expect(fr.body).toContain('le 30 novembre 2026 à 14:02:05 UTC');
    const de = await letter([identifierBefore], { residence: 'DE' }, 'de');
    expect(de.body).toContain('Vorschrift, § 25 Abs. 1 TDDDG, dürfen');
  });

  // Every country of the table, with the provision its resident's letter must name, written out here so that a changed
  // or mistyped entry fails.
  const CITES: [string, string][] = [
    ['DE', '§ 25 Abs. 1 TDDDG'],
    ['AT', '§ 165 Abs. 3 TKG 2021'],
    ['FR', 'article 82 de la loi n° 78-17 du 6 janvier 1978 relative à l’informatique, aux fichiers et aux libertés'],
    ['GB', 'regulation 6 of the Privacy and Electronic Communications (EC Directive) Regulations 2003'],
    ['IT', 'art. 122 del d.lgs. 30 giugno 2003, n. 196'],
    [
      'ES',
      'artículo 22.2 de la Ley 34/2002, de 11 de julio, de servicios de la sociedad de la información y de comercio electrónico',
    ],
    ['NL', 'artikel 11.7a, eerste lid, van de Telecommunicatiewet'],
    ['PT', 'artigo 5.º da Lei n.º 41/2004, de 18 de agosto'],
    [
      'IE',
      'Regulation 5(3) of the European Communities (Electronic Communications Networks and Services) (Privacy and Electronic Communications) Regulations 2011 (S.I. No. 336 of 2011)',
    ],
    [
      'LU',
      'article 4, paragraphe 3, lettre e), de la loi modifiée du 30 mai 2005 concernant la protection de la vie privée dans le secteur des communications électroniques',
    ],
    ['FI', 'sähköisen viestinnän palveluista annetun lain (917/2014) 205 §:n 1 momentti'],
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
      expect(l.body).toContain(`the rule of my country of residence, ${named},`);
      expect(l.body).not.toMatch(/2002\/58/);
    },
  );

  it('a Polish letter of a Polish resident cites art. 399 PKE bare; a Swedish resident’s Polish letter names Sweden', async () => {
    const pl = await letter([identifierBefore], { residence: 'PL' }, 'pl');
    expect(pl.body).toContain(
      'zamieszkania, art. 399 ustawy z dnia 12 lipca 2024 r. – Prawo komunikacji elektronicznej, ',
    );
    const se = await letter([identifierBefore], { residence: 'SE' }, 'pl');
    expect(se.body).toContain('zamieszkania, 9 kap. 28 § lagen (2022:482) om elektronisk kommunikation (Szwecja), ');
  });

  it('a UK GDPR letter cites PECR regulation 6', async () => {
    const l = await letter([identifierBefore], { jurisdiction: 'uk-gdpr', residence: 'GB' });
    expect(l.body).toContain(
      'regulation 6 of the Privacy and Electronic Communications (EC Directive) Regulations 2003',
    );
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
    expect(l.body.match(/it sent your server/g)).toHaveLength(3);
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
      expect(englishWords(paragraph, folder), lang.code).toEqual([]);
    }
  });

  it('the complaint gives the timeline of banner, requests and answer in time order, in the letter’s language', async () => {
    const g = await gathered([cookieAfter, identifierBefore]);
    const request: FollowUpRequest = {
      jurisdiction: 'gdpr',
      right: 'erasure',
      reference: 'DSC-20261201-AAAAAA',
      companyName: 'Ads Inc.',
      recipient: 'privacy@ads.example',
      sentOn: '2026-12-01',
    };
    const input: ComplaintInput = {
      authority: 'CNIL',
      complainant: 'A. Person',
      controller: 'Ads Inc.',
      answer: 'none',
      shareIdentity: false,
      consent: evidenceFor(g, ['news.example']).consent,
    };
    const body = composeComplaint(letterLanguage('en'), request, input, '2027-01-10').body;
    const at = (s: string) => body.indexOf(s);
    const lines = [
      '30 November 2026 at 14:02:00 UTC: the website news.example showed me its cookie banner.',
      '30 November 2026 at 14:02:05 UTC: my browser sent ads.example identifiers of my browser or device from news.example',
      '30 November 2026 at 14:02:07 UTC: I refused consent on the cookie banner of news.example.',
      '30 November 2026 at 14:02:09 UTC: my browser sent ads.example cookies',
    ];
    for (const l of lines) expect(at(l), l).toBeGreaterThan(-1);
    expect(lines.map(at)).toEqual([...lines.map(at)].sort((a, b) => a - b));
    expect(body).toContain('Cookie banner and requests:');
    // The refusal is the answer: not also "I answered" at the same moment.
    expect(body).not.toContain('I answered the cookie banner');
    for (const lang of LETTER_LANGUAGES.filter((l) => l.code !== 'en' && l.laws.gdpr)) {
      const text = composeComplaint(lang, request, input, '2027-01-10').body.replace(/\u00a0/g, ' ');
      const from = text.indexOf(lang.consent.heading);
      const block = text.slice(from, text.indexOf('\n\n', from));
      expect(block.length, `${lang.code}: ${text}`).toBeGreaterThan(lang.consent.heading.length);
      expect(englishWords(block, lang.code), `${lang.code}: ${block}`).toEqual([]);
    }
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
    expect(l.body).toContain(
      'it carried Global Privacy Control with 3 requests to you, from news.example and shop.example, between 3 November 2026 and 20 November 2026',
    );
    expect(l.body).toContain('tit. 11, § 7025');
    const es = await composeLetter(
      letterLanguage('es'),
      g.evidence,
      [],
      options({ jurisdiction: 'ccpa', right: 'objection' }),
    );
    expect(es.body).toContain('Global Privacy Control en 3 solicitudes dirigidas a ustedes');
  });
});
