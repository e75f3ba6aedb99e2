import { describe, expect, it } from 'vitest';
import { type ComplaintFacts, composeComplaint, composeLetter, signOff } from '../../../lib/letters/compose.ts';
import { LETTER_LANGUAGES, letterLanguage } from '../../../lib/letters/languages.ts';
import { signaturePlace } from '../../../lib/letters/send.ts';

const evidence = {
  companyId: 'magnite',
  companyName: 'Magnite',
  domains: ['pixel.rubiconproject.com'],
  sites: ['garden-blog.example'],
  requests: 3,
  firstSeen: Date.UTC(2026, 10, 1),
  lastSeen: Date.UTC(2026, 10, 2),
  categories: ['advertising'],
  kinds: [],
  beforeConsent: false,
};
const options = {
  jurisdiction: 'gdpr' as const,
  reference: 'DSC-20261201-ABCDEF',
  date: '2026-12-01',
  extensionVersion: '1',
};

describe('the sign-off', () => {
  it.each(LETTER_LANGUAGES.map((l) => [l.code, l] as const))(
    '%s: the name given replaces “the user of the browser”',
    async (_, lang) => {
      const signed = await composeLetter(lang, evidence, [], { ...options, name: '  Erika \n Mustermann ' });
      expect(signed.body).toContain(`\n\n${lang.closing}\nErika Mustermann\n`);
      expect(signed.body).not.toContain(lang.signature);
      const unsigned = await composeLetter(lang, evidence, [], { ...options, name: ' ' });
      expect(unsigned.body).toContain(`${lang.closing}\n${lang.signature}\n`);
      // Either way the letter ends with its date and reference, so a reply can be matched.
      expect(signed.body).toMatch(/ · DSC-20261201-ABCDEF$/);
    },
  );

  it('puts contact lines between the name and the date', () => {
    const en = letterLanguage('en');
    expect(signOff(en, 'Erika', '1 December 2026', 'DSC-1', ['Musterweg 1', '12345 Berlin'])).toBe(
      `${en.closing}\nErika\nMusterweg 1\n12345 Berlin\n1 December 2026 · DSC-1`,
    );
  });
});

describe('composeComplaint', () => {
  const facts: ComplaintFacts = {
    company: 'Magnite',
    reference: 'DSC-20261201-ABCDEF',
    date: '1. Dezember 2026',
    authority: 'Berliner Beauftragte für Datenschutz',
    sentOn: '2026-12-01',
    due: '2027-01-04',
    recipient: 'privacy@magnite.com',
    answer: 'keine erhalten.',
  };
  const de = letterLanguage('de');

  it('carries the complainant’s name and contact details, and their choice on sharing their identity', () => {
    const shared = composeComplaint(
      de,
      de.citations.gdpr,
      facts,
      { name: 'Erika Mustermann', contact: ' Musterweg 1 \n\n12345 Berlin\n', shareIdentity: true },
      '2027-01-10',
    );
    expect(shared.subject).toBe(de.complaint.subject(facts));
    expect(shared.body).toContain(de.complaint.identity(true));
    expect(shared.body).not.toContain(de.complaint.identity(false));
    expect(shared.body).toMatch(/Erika Mustermann\nMusterweg 1\n12345 Berlin\n10\. Januar 2027 · DSC-20261201-ABCDEF$/);
    const withheld = composeComplaint(
      de,
      de.citations.gdpr,
      facts,
      { name: '', contact: '', shareIdentity: false },
      '2027-01-10',
    );
    expect(withheld.body).toContain(de.complaint.identity(false));
    expect(withheld.body).toContain(`${de.closing}\n${de.signature}\n10. Januar 2027`);
  });

  it.each(LETTER_LANGUAGES.map((l) => [l.code, l] as const))(
    '%s: the choice reads differently either way',
    (_, lang) => {
      expect(lang.complaint.identity(true)).not.toBe(lang.complaint.identity(false));
      expect(lang.complaint.refused).not.toBe(lang.complaint.noAnswer);
    },
  );
});

describe('signaturePlace', () => {
  const body = 'Dear DPO,\n\nPlease erase.\n\nKind regards\nErika\n1 December 2026 · DSC-1';

  it('splits after the closing, before the name', () => {
    expect(signaturePlace(body, 'Kind regards')).toEqual({
      before: 'Dear DPO,\n\nPlease erase.\n\nKind regards',
      after: 'Erika\n1 December 2026 · DSC-1',
    });
  });

  it('takes the last closing, so a closing quoted earlier in the letter does not move the signature', () => {
    const quoted = `Kind regards\nwas all you wrote.\n\n${body}`;
    expect(signaturePlace(quoted, 'Kind regards').after).toBe('Erika\n1 December 2026 · DSC-1');
  });

  it('keeps a letter whose closing was edited away whole, with the signature at its end', () => {
    expect(signaturePlace('Please erase.\nErika\n', 'Kind regards')).toEqual({
      before: 'Please erase.\nErika',
      after: '',
    });
  });
});
