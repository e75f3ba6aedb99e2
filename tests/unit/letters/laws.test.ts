import { describe, expect, it } from 'vitest';
import { composeLetter, type LetterEvidence, type LetterOptions } from '../../../lib/letters/compose.ts';
import type { LawText } from '../../../lib/letters/language.ts';
import { LETTER_LANGUAGES, letterLanguage } from '../../../lib/letters/languages.ts';
import {
  deadlineRule,
  LAW_ANCHORS,
  LAW_RIGHTS,
  LAWS,
  type Law,
  type LetterRight,
  REQUIRED_ANCHORS,
} from '../../../lib/letters/laws.ts';
import { identifierBeforeAnswer } from './fixtures.ts';

const evidence: LetterEvidence = {
  companyId: 'magnite',
  companyName: 'Magnite',
  domains: ['ads.rubiconproject.com'],
  sites: ['news-site.example', 'shop.example'],
  requests: 14,
  firstSeen: Date.UTC(2026, 9, 1, 8, 30),
  lastSeen: Date.UTC(2026, 10, 20, 17, 5),
  categories: ['advertising'],
  kinds: ['page-address', 'identifier', 'cookie'],
  consent: identifierBeforeAnswer,
};
const options = (jurisdiction: Law, right: LetterRight): LetterOptions => ({
  jurisdiction,
  right,
  reference: 'DSC-20261123-K7Q2M9',
  date: '2026-11-23',
  reason: 'I am a journalist and my browsing reveals my sources.',
  // A UK GDPR letter is one of someone living in the UK: its ePrivacy rule (PECR) is cited only for them.
  residence: jurisdiction === 'uk-gdpr' ? 'GB' : 'DE',
  extensionVersion: '0.1.0',
});
const ids = [{ source: 'cookie' as const, name: 'khaos', value: 'L4X9K2-ABCD', domain: '.rubiconproject.com' }];

/** The laws each shipped language writes, reviewed for it; more come with their reviews. */
const WRITTEN: Record<string, Law[]> = {
  en: ['gdpr', 'uk-gdpr', 'fadp', 'lgpd', 'ccpa'],
  de: ['gdpr', 'fadp'],
  es: ['gdpr', 'ccpa'],
  fr: ['gdpr', 'fadp'],
  it: ['gdpr', 'fadp'],
  nl: ['gdpr'],
  pl: ['gdpr'],
  pt: ['gdpr'],
  'pt-BR': ['lgpd'],
};
/** How each language names each law in a citation. */
const NAMES: Record<string, Partial<Record<Law, RegExp>>> = {
  en: { gdpr: /\bGDPR\b/, 'uk-gdpr': /UK GDPR|Data Protection Act 2018/, fadp: /FADP/, lgpd: /LGPD/, ccpa: /^Cal\. / },
  de: { gdpr: /DSGVO/, fadp: /\bDSG\b/ },
  es: { gdpr: /RGPD/, ccpa: /del (título 11 del Código de Regulaciones|Código Civil) de California$/ },
  fr: { gdpr: /RGPD/, fadp: /\bLPD\b/ },
  it: { gdpr: /GDPR/, fadp: /\bLPD$/ },
  nl: { gdpr: /\bAVG$/ },
  pl: { gdpr: /\bRODO$/ },
  pt: { gdpr: /\bdo RGPD$/ },
  'pt-BR': { lgpd: /\bda LGPD$/ },
};
/** Words that betray another law's citations. */
const FOREIGN: Record<Law, RegExp> = {
  gdpr: /1798\.|\bDSG\b|\bLPD\b|FADP|LGPD|UK GDPR|Data Protection Act/,
  'uk-gdpr': /1798\.|FADP|LGPD|2002\/58|(?<!UK )GDPR|supervisory authority|Union/,
  fadp: /GDPR|DSGVO|RGPD|1798\.|LGPD/,
  lgpd: /GDPR|DSGVO|RGPD|1798\.|FADP/,
  ccpa: /GDPR|DSGVO|RGPD|FADP|LGPD|Art(icle|\.)\s*17/,
};

const cases = LETTER_LANGUAGES.flatMap((lang) =>
  LAWS.filter((law) => lang.laws[law]).flatMap((law) =>
    LAW_RIGHTS[law].map((right) => [lang.code, law, right] as const),
  ),
);

/** Provisions the GDPR letters cite in one bracket, the law named once (`LawText.cites`). */
const TOGETHER = [
  ['art11_2', 'art12_2', 'art12_6'],
  ['art11_2', 'art12_6'],
  ['art77_2', 'art78_2'],
];

describe('letter languages × laws × rights', () => {
  it.each(LETTER_LANGUAGES.filter((l) => l.laws.gdpr).map((l) => l.code))(
    '%s: provisions cited together name the GDPR once, each with its own numbers in order',
    (code) => {
      const text = letterLanguage(code).laws.gdpr as LawText<string>;
      for (const group of TOGETHER) {
        const cite = text.cites?.(group) ?? '';
        // art12_2, art12_6: 12, 2, 6 (the article once, then each paragraph), in order.
        const numbers = group.flatMap((id, i) => {
          const [art, ...rest] = id.replace(/^art/, '').split('_');
          return group[i - 1]?.startsWith(`art${art}_`) ? rest : [art, ...rest];
        });
        expect(cite, group.join()).toMatch(new RegExp(numbers.map((n) => `\\b${n}\\b`).join('.*')));
        expect(
          cite.match(new RegExp((NAMES[code]?.gdpr?.source ?? '$^').replace(/^\^|\$$/g, ''), 'g')),
          `${code} ${group}: ${cite}`,
        ).toHaveLength(1);
      }
    },
  );

  it('ships English, German, Spanish, French, Italian, Dutch, Polish and Portuguese (pt-PT, pt-BR), each with the laws reviewed for it', () => {
    expect(LETTER_LANGUAGES.map((l) => l.code)).toEqual(['en', 'de', 'es', 'fr', 'it', 'nl', 'pl', 'pt', 'pt-BR']);
    for (const lang of LETTER_LANGUAGES)
      expect(
        LAWS.filter((l) => lang.laws[l]),
        lang.code,
      ).toEqual(WRITTEN[lang.code]);
  });

  it.each(LETTER_LANGUAGES.flatMap((lang) => LAWS.filter((l) => lang.laws[l]).map((l) => [lang.code, l] as const)))(
    '%s %s: writes every legal anchor, with the provision’s own numbers, and every right the law grants',
    (code, law) => {
      const text = letterLanguage(code).laws[law] as LawText<string>;
      for (const anchor of LAW_ANCHORS[law]) {
        const cite = text.cite[anchor];
        expect(cite, anchor).toBeTruthy();
        // art17_1_b: 17, then 1, then b, in that order (Article 17(1)(b), Art. 17 Abs. 1 lit. b, article 17, paragraphe 1, point b)).
        const parts = anchor.replace(/^(art|rec|s|r|dpa_s)/, '').split('_');
        const inOrder = new RegExp(parts.map((p) => `\\b${p.replace('.', '\\.')}\\b`).join('.*'), 'i');
        expect(cite, anchor).toMatch(inOrder);
        expect(cite, anchor).toMatch(NAMES[code]?.[law] ?? /$^/);
      }
      expect(Object.keys(text.rights).sort()).toEqual([...LAW_RIGHTS[law]].sort());
    },
  );

  it.each(cases)(
    '%s %s %s: cites every anchor the request needs, and nothing of another law',
    async (code, law, right) => {
      const lang = letterLanguage(code);
      const text = lang.laws[law] as LawText<string>;
      const letter = await composeLetter(lang, evidence, ids, options(law, right));
      const required = (REQUIRED_ANCHORS[law] as Partial<Record<LetterRight, string[]>>)[right] ?? [];
      expect(required.length).toBeGreaterThan(0);
      for (const anchor of required)
        expect(
          [text.cite[anchor], ...TOGETHER.filter((g) => g.includes(anchor)).map((g) => text.cites?.(g))].some(
            (cite) => cite && letter.body.includes(cite),
          ),
          anchor,
        ).toBe(true);
      expect(letter.body).not.toMatch(FOREIGN[law]);
      expect(letter.subject).toContain('DSC-20261123-K7Q2M9');
    },
  );

  it.each(cases)('%s %s %s: as written', async (code, law, right) => {
    const letter = await composeLetter(letterLanguage(code), evidence, ids, options(law, right));
    await expect(`${letter.subject}\n\n${letter.body}`).toMatchFileSnapshot(
      `./__snapshots__/${law}.${right}.${code}.txt`,
    );
  });

  it('refuses a right the law does not grant, and a law the language does not write', async () => {
    await expect(composeLetter(letterLanguage('en'), evidence, ids, options('ccpa', 'withdrawal'))).rejects.toThrow();
    await expect(composeLetter(letterLanguage('de'), evidence, ids, options('ccpa', 'erasure'))).rejects.toThrow();
    await expect(composeLetter(letterLanguage('es'), evidence, ids, options('fadp', 'erasure'))).rejects.toThrow();
    await expect(composeLetter(letterLanguage('it'), evidence, ids, options('ccpa', 'access'))).rejects.toThrow();
  });

  it('writes citations as lawyers of each language do', async () => {
    const body = async (code: string, law: Law, right: LetterRight) =>
      (await composeLetter(letterLanguage(code), evidence, ids, options(law, right))).body;
    expect(await body('en', 'gdpr', 'erasure')).toContain('Article 17(1)(b) GDPR');
    expect(await body('de', 'gdpr', 'erasure')).toContain('Art. 17 Abs. 1 lit. b DSGVO');
    expect(await body('de', 'gdpr', 'erasure')).toContain('Art. 4 Nr. 1 DSGVO');
    expect(await body('fr', 'gdpr', 'erasure')).toContain('article 17, paragraphe 1, point b), du RGPD');
    expect(await body('nl', 'gdpr', 'erasure')).toContain('artikel 17, lid 1, onder b, AVG');
    expect(await body('nl', 'gdpr', 'erasure')).toContain('artikel 4, punt 1, AVG');
    expect(await body('pl', 'gdpr', 'erasure')).toContain('art. 17 ust. 1 lit. b RODO');
    expect(await body('pl', 'gdpr', 'erasure')).toContain('art. 4 pkt 1 RODO');
    expect(await body('pt', 'gdpr', 'erasure')).toContain('artigo 17.º, n.º 1, alínea b), do RGPD');
    expect(await body('pt', 'gdpr', 'erasure')).toContain('artigo 4.º, ponto 1, do RGPD');
    expect(await body('pt-BR', 'lgpd', 'erasure')).toContain('art. 18, inciso VI, da LGPD');
    expect(await body('pt-BR', 'lgpd', 'erasure')).toContain('art. 18, § 6º, da LGPD');
    expect(await body('pt-BR', 'lgpd', 'erasure')).toContain('art. 5º, inciso I, da LGPD');
    expect(await body('pt-BR', 'lgpd', 'access')).toContain('art. 19, inciso II, da LGPD');
    expect(await body('de', 'fadp', 'access')).toContain('Art. 25 Abs. 7 DSG');
    expect(await body('fr', 'fadp', 'erasure')).toContain('art. 30, al. 2, let. b, LPD');
    expect(await body('en', 'fadp', 'erasure')).toContain('Article 32(2)(c) FADP');
    expect(await body('en', 'lgpd', 'erasure')).toContain('Article 18, item IV, LGPD');
    expect(await body('en', 'lgpd', 'erasure')).toContain('Article 18, § 6, LGPD');
    expect(await body('en', 'ccpa', 'erasure')).toContain('Cal. Civ. Code § 1798.105(c)');
    expect(await body('en', 'ccpa', 'erasure')).toContain('Cal. Civ. Code § 1798.130(a)(2)');
    expect(await body('en', 'ccpa', 'objection')).toContain('Cal. Code Regs. tit. 11, § 7026(f)');
    expect(letterLanguage('en').laws.ccpa?.cite.s1798_199_45).toBe('Cal. Civ. Code § 1798.199.45');
    expect(await body('es', 'gdpr', 'erasure')).toContain('conforme al artículo 17, apartado 1, letra b), del RGPD');
    expect(await body('es', 'gdpr', 'erasure')).toContain('(artículo 4, punto 1, del RGPD; considerando 30 del RGPD)');
    expect(await body('es', 'ccpa', 'erasure')).toContain('(sección 1798.105 del Código Civil de California)');
    expect(await body('es', 'ccpa', 'erasure')).toContain('(sección 1798.130(a)(2) del Código Civil de California;');
    expect(await body('es', 'ccpa', 'objection')).toContain(
      'sección 7026(f) del título 11 del Código de Regulaciones de California',
    );
    expect(letterLanguage('es').laws.ccpa?.cite.s1798_199_45).toBe(
      'sección 1798.199.45 del Código Civil de California',
    );
    expect(await body('it', 'gdpr', 'erasure')).toContain('ai sensi dell’art. 17, par. 1, lett. b), del GDPR');
    expect(await body('it', 'gdpr', 'erasure')).toContain('(art. 4, n. 1, del GDPR; considerando 30 del GDPR)');
    expect(await body('it', 'fadp', 'erasure')).toContain('(art. 30 cpv. 2 lett. b LPD)');
    expect(await body('it', 'fadp', 'access')).toContain('(art. 25 cpv. 7 LPD)');
    expect(await body('it', 'fadp', 'access')).toContain('(art. 5 lett. a LPD)');
  });
});

describe('deadline rules', () => {
  it('one month under the GDPR, extendable by two only when announced in time; the UK stops the clock', () => {
    expect(deadlineRule('gdpr', 'erasure')).toEqual({
      unit: 'months',
      count: 1,
      statutory: true,
      extension: { unit: 'months', count: 2, announcedWithinPeriod: true },
    });
    expect(deadlineRule('uk-gdpr', 'access')?.stopsWhileIdentifying).toBe(true);
    expect(deadlineRule('gdpr', 'access')?.stopsWhileIdentifying).toBeUndefined();
  });

  it('no deadline for a withdrawal of consent, under any law', () => {
    for (const law of LAWS) expect(deadlineRule(law, 'withdrawal'), law).toBeUndefined();
  });

  it('CCPA: 45 days (+45 with notice) to know and delete; 15 business days to opt out', () => {
    expect(deadlineRule('ccpa', 'erasure')).toMatchObject({
      unit: 'calendar-days',
      count: 45,
      extension: { count: 45 },
    });
    expect(deadlineRule('ccpa', 'access')).toMatchObject({ unit: 'calendar-days', count: 45 });
    expect(deadlineRule('ccpa', 'objection')).toEqual({ unit: 'business-days', count: 15, statutory: true });
  });

  it('revFADP access 30 days and LGPD access 15 days are the law; other periods are only asked for', () => {
    expect(deadlineRule('fadp', 'access')).toEqual({ unit: 'calendar-days', count: 30, statutory: true });
    expect(deadlineRule('fadp', 'erasure')?.statutory).toBe(false);
    expect(deadlineRule('lgpd', 'access')).toEqual({ unit: 'calendar-days', count: 15, statutory: true });
    expect(deadlineRule('lgpd', 'objection')?.statutory).toBe(false);
  });
});
