import { describe, expect, it } from 'vitest';
import {
  composeComplaint,
  composeLetter,
  composeReminder,
  composeReply,
  longDate,
} from '../../../lib/letters/compose.ts';
import { LETTER_LANGUAGES, letterLanguage } from '../../../lib/letters/languages.ts';
import { signaturePlace } from '../../../lib/letters/send.ts';
import { magniteEvidence } from './fixtures.ts';

const evidence = magniteEvidence;
const options = {
  jurisdiction: 'gdpr' as const,
  reference: 'DSC-20261201-ABCDEF',
  date: '2026-12-01',
  extensionVersion: '1',
};
const request = {
  jurisdiction: 'gdpr' as const,
  right: 'erasure' as const,
  reference: 'DSC-20261201-ABCDEF',
  companyName: 'Magnite',
  recipient: 'privacy@magnite.com',
  sentOn: '2026-12-01',
  due: '2027-01-04',
};
const gdprLanguages = LETTER_LANGUAGES.filter((l) => l.laws.gdpr).map((l) => [l.code, l] as const);

describe('the name field', () => {
  it.each(gdprLanguages)(
    '%s: signs the letter on one line under the closing, and nobody by default',
    async (_, lang) => {
      const signed = await composeLetter(lang, evidence, [], { ...options, signer: '  Erika \n Mustermann ' });
      expect(signed.body).toContain(`\n\n${lang.closing}\nErika Mustermann\n`);
      const unsigned = await composeLetter(lang, evidence, [], { ...options, signer: ' ' });
      const referenceLine = lang.reference({
        company: 'Magnite',
        reference: options.reference,
        date: longDate(lang, options.date),
      });
      expect(unsigned.body).toContain(`${lang.closing}\n${referenceLine}`);
      expect(unsigned.body).not.toContain('Erika');
      // Either way the letter ends with its reference, so a reply can be matched.
      expect(signed.body.trimEnd().endsWith(options.reference)).toBe(true);
    },
  );

  it.each(gdprLanguages)('%s: signs the reminder and the prepared answers the same way', (_, lang) => {
    const reminder = composeReminder(lang, request, '2027-01-10', 'Erika Mustermann');
    expect(reminder.body).toContain(`${lang.closing}\nErika Mustermann\n`);
    expect(composeReply(lang, request, 'webForm', '2027-01-10', 'Erika Mustermann').body).toContain(
      `${lang.closing}\nErika Mustermann\n`,
    );
  });
});

describe('a complaint from the follow-up form', () => {
  const de = letterLanguage('de');
  const input = {
    authority: 'Berliner Beauftragte für Datenschutz und Informationsfreiheit',
    complainant: 'Erika Mustermann\nMusterweg 1\n12345 Berlin',
    controller: '',
    answer: 'none' as const,
    shareIdentity: false,
  };

  it('lists the contact details, and is signed with the name field, not an address line', () => {
    const named = composeComplaint(de, request, { ...input, signer: 'Erika Mustermann' }, '2027-01-10');
    expect(named.body).toContain('Erika Mustermann\nMusterweg 1\n12345 Berlin');
    expect(named.body).toContain(`${de.closing}\nErika Mustermann\n`);
    const unnamed = composeComplaint(
      de,
      request,
      { ...input, complainant: 'Musterweg 1\n12345 Berlin', signer: '' },
      '2027-01-10',
    );
    expect(unnamed.body).toContain('Musterweg 1\n12345 Berlin');
    expect(unnamed.body).not.toContain(`${de.closing}\nMusterweg 1`);
  });

  it.each(gdprLanguages)('%s: the choice on sharing the identity reads differently either way', (_, lang) => {
    const withheld = composeComplaint(lang, request, input, '2027-01-10').body;
    const shared = composeComplaint(lang, request, { ...input, shareIdentity: true }, '2027-01-10').body;
    expect(shared).not.toBe(withheld);
  });
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
