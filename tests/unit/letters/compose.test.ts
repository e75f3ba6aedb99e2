import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { secretName } from '../../../lib/disclose/rules.ts';
import {
  type CitedIdentifier,
  chooseGrounds,
  composeLetter,
  hashEmail,
  type LetterEvidence,
  type LetterOptions,
} from '../../../lib/letters/compose.ts';
import { citableCookies, gatherEvidence } from '../../../lib/letters/evidence.ts';
import { LETTER_LANGUAGES, letterLanguage } from '../../../lib/letters/languages.ts';
import type { Law } from '../../../lib/letters/laws.ts';
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
    [
      'unlawful only with evidence and a known rule',
      {
        categories: ['hosting'],
        consent: {
          flows: [
            {
              moment: 'after-refusal',
              sentAt: 2_000,
              answeredAt: 1_000,
              seconds: 1,
              device: true,
              category: 'advertising',
              kinds: ['cookie'],
              site: 's.example',
              company: 'magnite',
              host: 'ads.example',
              page: '1:1',
            },
          ],
          total: 1,
          device: 1,
        },
      },
      { residence: 'FR' },
      ['consent', 'unlawful'],
    ],
    ['CCPA: delete', { categories: ['site_analytics'] }, { jurisdiction: 'ccpa' }, ['ccpa-delete']],
    ['CCPA advertising: delete and opt out of sale', {}, { jurisdiction: 'ccpa' }, ['ccpa-delete', 'ccpa-opt-out']],
    [
      'CCPA precise location: and limit the use of sensitive personal information',
      { categories: ['site_analytics'], kinds: ['location'] },
      { jurisdiction: 'ccpa' },
      ['ccpa-delete', 'ccpa-limit'],
    ],
  ])('%s', (_, e, o, grounds) => {
    expect(chooseGrounds(evidence(e), options(o))).toEqual(grounds);
  });
});

describe('composeLetter', () => {
  it('states only what was observed: no kinds sentence without kinds, no unlawful ground without evidence', async () => {
    const letter = await composeLetter(letterLanguage('en'), evidence({ kinds: [] }), [], options());
    expect(letter.body).not.toContain('They carried');
    expect(letter.body).not.toContain('Article 17(1)(d)');
    expect(letter.body).not.toContain('These values were seen');
    expect(letter.body).toContain('14 requests from 2 websites.');
  });

  it.each([
    ['en', '12,345 requests from 1,204 websites.'],
    ['de', '12.345 Anfragen von 1.204 Websites.'],
    ['fr', '12\u202f345 requêtes en provenance de 1\u202f204 sites.'],
  ])('writes large counts in the letter language’s number format (%s)', (code, expected) => {
    expect(letterLanguage(code).evidence.volume(1204, 12345)).toBe(expected);
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
    expect(full.body).not.toContain('die Websites, die ich besucht habe');
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
        // No word a secret's name could be ("aaapwd", "xtoken"): a value sent under one never reaches a letter.
        fc
          .uniqueArray(token, { minLength: 10, maxLength: 10 })
          .filter((ws) => ws.every((w, i) => !secretName(w) && ws.every((v, j) => i === j || !v.includes(w)))),
        fc.constantFrom(...LETTER_LANGUAGES),
        fc.constantFrom<Law>('gdpr', 'uk-gdpr', 'fadp', 'lgpd', 'ccpa'),
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
          if (!lang.laws[jurisdiction]) return;
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

describe('opt-in identifiers', () => {
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
