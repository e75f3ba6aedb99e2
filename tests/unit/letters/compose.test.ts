import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CitedIdentifier,
  chooseGrounds,
  composeLetter,
  hashEmail,
  type LetterEvidence,
  type LetterOptions,
} from '../../../lib/letters/compose.ts';
import type { Jurisdiction } from '../../../lib/letters/deadline.ts';
import { citableCookies, gatherEvidence } from '../../../lib/letters/evidence.ts';
import type { GdprCitations, LetterLanguage } from '../../../lib/letters/language.ts';
import { LETTER_LANGUAGES, letterLanguage } from '../../../lib/letters/languages.ts';
import { openDb } from '../../../lib/storage/db.ts';
import { Recorder } from '../../../lib/storage/recorder.ts';
import { event as storedEvent } from '../storage/helpers.ts';

const evidence = (extra: Partial<LetterEvidence> = {}): LetterEvidence => ({
  companyId: 'magnite',
  companyName: 'Magnite',
  domains: ['ads.rubiconproject.com', 'pixel.rubiconproject.com'],
  sites: ['news-site.example', 'shop.example'],
  requests: 14,
  firstSeen: Date.UTC(2026, 9, 1, 8, 30),
  lastSeen: Date.UTC(2026, 10, 20, 17, 5),
  categories: ['advertising'],
  kinds: ['page-address', 'identifier', 'cookie'],
  beforeConsent: false,
  ...extra,
});
const options = (extra: Partial<LetterOptions> = {}): LetterOptions => ({
  jurisdiction: 'gdpr',
  reference: 'DSC-20261123-K7Q2M9',
  date: '2026-11-23',
  extensionVersion: '0.1.0',
  ...extra,
});
const ids: CitedIdentifier[] = [
  { source: 'cookie', name: 'khaos', value: 'L4X9K2-ABCD', domain: '.rubiconproject.com' },
  { source: 'request', name: 'uid', value: 'a91f0c77e2' },
];

describe('chooseGrounds', () => {
  it.each<[string, Partial<LetterEvidence>, Partial<LetterOptions>, string[]]>([
    ['analytics: consent withdrawal only', { categories: ['site_analytics'] }, {}, ['consent']],
    ['advertising: and the absolute objection to marketing', {}, {}, ['consent', 'marketing']],
    ['social media counts as marketing', { categories: ['social_media'] }, {}, ['consent', 'marketing']],
    [
      'a reason given: and the objection on particular grounds',
      { categories: ['site_analytics'] },
      { reason: 'I am a journalist.' },
      ['consent', 'particular'],
    ],
    ['a blank reason is no reason', { categories: ['site_analytics'] }, { reason: '  ' }, ['consent']],
    ['unlawful only with evidence', { beforeConsent: true, categories: ['hosting'] }, {}, ['consent', 'unlawful']],
    ['CCPA: delete', { categories: ['site_analytics'] }, { jurisdiction: 'ccpa' }, ['ccpa-delete']],
    ['CCPA advertising: delete and opt out of sale', {}, { jurisdiction: 'ccpa' }, ['ccpa-delete', 'ccpa-opt-out']],
  ])('%s', (_, e, o, grounds) => {
    expect(chooseGrounds(evidence(e), options(o))).toEqual(grounds);
  });
});

/** The citations a GDPR-family letter must carry for the grounds it relies on. */
function anchors(c: GdprCitations, grounds: string[]): string[] {
  return [
    c.groundConsent,
    c.consentWithdrawal,
    ...(grounds.includes('marketing') ? [c.objectionMarketing, c.groundObjection] : []),
    ...(grounds.includes('particular') ? [c.objectionParticular, c.groundObjection] : []),
    ...(grounds.includes('unlawful') ? [c.groundUnlawful, c.devicePrivacy] : []),
    c.exceptions,
    c.notifyRecipients,
    c.recipientsList,
    c.deadline,
    c.reasonsIfNotActing,
    c.freeOfCharge,
    c.identification,
  ];
}

/** Every key path of a language object, functions as leaves. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keyPaths(v, prefix ? `${prefix}.${k}` : k));
}

describe('letter languages', () => {
  it('ships English, German and French', () => {
    expect(LETTER_LANGUAGES.map((l) => l.code)).toEqual(['en', 'de', 'fr']);
  });

  it.each(LETTER_LANGUAGES.map((l) => [l.code, l] as const))('%s has every key English has', (_, lang) => {
    const en = letterLanguage('en');
    expect(keyPaths(lang).sort()).toEqual(keyPaths(en).sort());
    for (const path of keyPaths(lang)) {
      const leaf = path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], lang);
      expect(typeof leaf === 'function' || (typeof leaf === 'string' && leaf.trim().length > 0), path).toBe(true);
    }
  });

  const cases = LETTER_LANGUAGES.flatMap((lang) =>
    (['gdpr', 'uk-gdpr'] as const).map((j) => [lang.code, j, lang] as [string, Jurisdiction, LetterLanguage]),
  );
  it.each(cases)(
    '%s %s: every legal anchor for the grounds, and nothing of the CCPA',
    async (_, jurisdiction, lang) => {
      const o = options({ jurisdiction, reason: 'I am a journalist and my browsing reveals my sources.' });
      const letter = await composeLetter(lang, evidence({ beforeConsent: true }), ids, o);
      expect(letter.grounds).toEqual(['consent', 'marketing', 'particular', 'unlawful']);
      const c = lang.citations[jurisdiction as 'gdpr' | 'uk-gdpr'];
      for (const anchor of anchors(c, letter.grounds)) expect(letter.body, anchor).toContain(anchor);
      expect(letter.body).not.toMatch(/CCPA|1798\./);
      if (jurisdiction === 'uk-gdpr') expect(letter.body).not.toMatch(/2002\/58|(?<!UK )\b(GDPR|DSGVO|RGPD)\b/);
    },
  );

  it.each(LETTER_LANGUAGES.map((l) => [l.code, l] as const))(
    '%s CCPA: its own citations, never the GDPR',
    async (_, lang) => {
      const letter = await composeLetter(lang, evidence(), ids, options({ jurisdiction: 'ccpa' }));
      const c = lang.citations.ccpa;
      for (const anchor of [c.delete, c.optOut, c.notifyOthers, c.deadline]) expect(letter.body).toContain(anchor);
      expect(letter.body).not.toMatch(/GDPR|DSGVO|RGPD|Art(icle|\.)\s*17|2002\/58/i);
    },
  );

  it.each(LETTER_LANGUAGES.map((l) => [l.code, l] as const))('%s letter, as written', async (code, lang) => {
    const letter = await composeLetter(lang, evidence(), ids, options());
    await expect(`${letter.subject}\n\n${letter.body}`).toMatchFileSnapshot(`./__snapshots__/erasure.${code}.txt`);
  });
});

describe('other requests', () => {
  it.each(
    LETTER_LANGUAGES.flatMap((l) =>
      (['access', 'objection', 'withdrawal'] as const).map((r) => [l.code, r, l] as const),
    ),
  )('%s %s: its own subject and articles, the same evidence, no erasure grounds', async (_, right, lang) => {
    const letter = await composeLetter(lang, evidence(), ids, options({ right }));
    const c = lang.citations.gdpr;
    const anchors = {
      access: [c.access, c.accessCopy, c.deadline],
      objection: [c.objectionMarketing, c.marketingStop],
      withdrawal: [c.consentWithdrawal, c.deadline],
    }[right];
    for (const anchor of anchors) expect(letter.body).toContain(anchor);
    expect(letter.subject).toBe(
      lang.rights[right].subject({ company: 'Magnite', reference: 'DSC-20261123-K7Q2M9', date: '' }),
    );
    expect(letter.grounds).toEqual([]);
    expect(letter.body).not.toContain(c.groundConsent);
    expect(letter.body).toContain('a91f0c77e2');
    expect(letter.body).toContain('ads.rubiconproject.com');
  });

  it('a CCPA letter is an erasure request whatever right was asked', async () => {
    const letter = await composeLetter(
      letterLanguage('en'),
      evidence(),
      ids,
      options({ jurisdiction: 'ccpa', right: 'access' }),
    );
    expect(letter.body).toContain('Cal. Civ. Code § 1798.105');
  });

  it('carries the opt-in hashed email and IP address with their own labels', async () => {
    const hash = await hashEmail('  Test@Example.com ');
    expect(hash).toBe('973dfe463ec85785f5f95af5ba3906eedb2d931c24e69824a89ea65dba4e813b');
    const letter = await composeLetter(
      letterLanguage('en'),
      evidence(),
      [...ids, { source: 'hashed-email', name: '', value: hash }, { source: 'ip', name: '', value: '203.0.113.7' }],
      options(),
    );
    expect(letter.body).toContain(`- SHA-256 of my email address (lower case): ${hash}`);
    expect(letter.body).toContain('- my IP address: 203.0.113.7');
    expect(letter.body).not.toContain('test@example.com');
  });
});

describe('follow-ups', () => {
  const facts = { company: 'Magnite', reference: 'DSC-20261123-K7Q2M9', date: '23 November 2026' };
  it.each(LETTER_LANGUAGES.flatMap((l) => (['gdpr', 'uk-gdpr'] as const).map((j) => [l.code, j, l] as const)))(
    '%s %s: each prepared answer and the complaint cite their articles and the request',
    (_, jurisdiction, lang) => {
      const c = lang.citations[jurisdiction];
      const r = lang.replies;
      const cases: [string, string[]][] = [
        [r.cannotIdentify(c, facts), [c.identification]],
        [r.idDocument(c, facts), [c.identification]],
        [r.webForm(c, facts), [c.deadline]],
        [r.suppressed(c, facts), [c.groundConsent, c.exceptions]],
        [r.fee(c, facts), [c.freeOfCharge]],
        [
          lang.complaint.body(c, {
            ...facts,
            authority: 'CNIL',
            sentOn: '2026-10-01',
            due: '2026-11-02',
            recipient: 'privacy@magnite.com',
            answer: lang.complaint.noAnswer,
          }),
          [c.complaint, c.deadline, '2026-10-01', '2026-11-02', 'privacy@magnite.com'],
        ],
      ];
      for (const [text, anchors] of cases) {
        expect(text).toContain(facts.reference);
        for (const anchor of anchors) expect(text, anchor).toContain(anchor);
      }
    },
  );
});

describe('composeLetter', () => {
  it('states only what was observed: no kinds sentence without kinds, no unlawful ground without evidence', async () => {
    const letter = await composeLetter(letterLanguage('en'), evidence({ kinds: [] }), [], options());
    expect(letter.body).not.toContain('They carried');
    expect(letter.body).not.toContain('Article 17(1)(d)');
    expect(letter.body).not.toContain('Identifiers');
    expect(letter.body).toContain('14 requests from 2 websites.');
  });

  it('says how much of the page addresses was sent: the site only is not "the addresses of pages"', async () => {
    const only = await composeLetter(letterLanguage('en'), evidence({ kinds: ['site-address'] }), [], options());
    expect(only.body).toContain('which websites I was on');
    expect(only.body).not.toContain('addresses of pages');
    const full = await composeLetter(
      letterLanguage('de'),
      evidence({ kinds: ['site-address', 'full-address', 'identifier'] }),
      [],
      options(),
    );
    // The highest level says the lower ones: listed once.
    expect(full.body).toContain('die vollständigen Adressen der Seiten, die ich besucht habe');
    expect(full.body).not.toContain('auf welchen Websites ich war');
  });

  it('moves a long site list to an attachment whose SHA-256 the body cites', async () => {
    const sites = Array.from({ length: 25 }, (_, i) => `site${i}.example`);
    const letter = await composeLetter(letterLanguage('en'), evidence({ sites }), ids, options());
    const attachment = letter.attachment;
    if (!attachment) throw new Error('no attachment');
    expect(attachment.filename).toBe('evidence-DSC-20261123-K7Q2M9.json');
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(attachment.text));
    const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
    expect(attachment.sha256).toBe(hex);
    expect(letter.body).toContain(`SHA-256 ${hex}`);
    expect(letter.body).not.toContain('site24.example');
    expect(JSON.parse(attachment.text).sites).toEqual(sites);
  });

  it('writes first and last seen as ISO 8601 with an offset, and sites as registrable domains only', async () => {
    const letter = await composeLetter(letterLanguage('en'), evidence(), ids, options());
    expect(letter.body).toMatch(
      /First seen 2026-10-01T\d\d:30:00[+-]\d\d:\d\d; last seen 2026-11-20T\d\d:05:00[+-]\d\d:\d\d\./,
    );
    expect(letter.body).toContain('Websites: news-site.example, shop.example.');
  });

  it('never carries another company’s identifiers, cookies, domains or sites (property over mixed history)', async () => {
    const token = fc.stringMatching(/^[a-z][a-z0-9]{5,12}$/);
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        // No word inside another ("dargument" inside "xdargument"): one company's host would hold the other's site.
        fc
          .uniqueArray(token, { minLength: 10, maxLength: 10 })
          .filter((ws) => ws.every((w, i) => ws.every((v, j) => i === j || !v.includes(w)))),
        fc.constantFrom(...LETTER_LANGUAGES),
        fc.constantFrom<Jurisdiction>('gdpr', 'uk-gdpr', 'ccpa'),
        fc.integer({ min: 1, max: 6 }),
        async (words, lang, jurisdiction, shared) => {
          const [aHost, aId, aCookie, aSite, bHost, bId, bCookie, bSite, bParam, aParam] = words as [
            string,
            string,
            string,
            string,
            string,
            string,
            string,
            string,
            string,
            string,
          ];
          // One browser, two companies, some sites in common: A on its own site and the shared ones, B likewise.
          const db = openDb(`letters-${process.pid}-${run++}`);
          const recorder = new Recorder(db);
          const sharedSites = Array.from({ length: shared }, (_, i) => `shared${i}.example`);
          for (const site of [`${aSite}.example`, ...sharedSites]) {
            recorder.add(
              storedEvent({ site, company: 'a', host: `px.${aHost}.com`, identifiers: [{ name: aParam, value: aId }] }),
            );
          }
          for (const site of [`${bSite}.example`, ...sharedSites]) {
            recorder.add(
              storedEvent({ site, company: 'b', host: `px.${bHost}.com`, identifiers: [{ name: bParam, value: bId }] }),
            );
          }
          await recorder.flush();
          const gathered = await gatherEvidence(db, { id: 'a', name: 'Company A' });
          if (!gathered) throw new Error('nothing gathered');
          const jar = [
            { name: 'uid', value: aCookie, domain: `.${aHost}.com` },
            { name: 'uid', value: bCookie, domain: `.${bHost}.com` },
            { name: 'visit', value: 'site-own-cookie', domain: `.${aSite}.example` },
          ];
          const cited = [...citableCookies(gathered.evidence.domains, jar), ...gathered.requestIdentifiers];
          const letter = await composeLetter(lang, gathered.evidence, cited, options({ jurisdiction }));
          const text = `${letter.subject}\n${letter.body}\n${letter.attachment?.text ?? ''}`;
          db.close();
          for (const mine of [aId, aCookie, `px.${aHost}.com`, `${aSite}.example`]) expect(text).toContain(mine);
          for (const theirs of [bId, bCookie, bHost, bSite, bParam, 'site-own-cookie']) {
            expect(text).not.toContain(theirs);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
