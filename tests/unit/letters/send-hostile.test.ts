import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emlFile, icsFile, mailtoHref, mailtoLink, parseRecipient } from '../../../lib/letters/send.ts';

// Contacts come from tracker data and from what a user pasted; subjects and names from company names. None of it
// may add a header to a mail, a line to a calendar, or a recipient or parameter to a link.

const HOSTILE_CONTACTS = [
  'a@x.example\r\nBcc: evil@y.example',
  'a@x.example\nBcc: evil@y.example',
  'a@x.example\rBcc: evil@y.example',
  'a@x.example\u2028Bcc: evil@y.example',
  'a@x.example, evil@y.example',
  'a@x.example,evil@y.example',
  'a@x.example?bcc=evil@y.example',
  'a@x.example&bcc=evil@y.example',
  'Name <a@x.example>, evil@y.example',
  '<a@x.example><evil@y.example>',
  'a@x.example>\r\nBcc: <evil@y.example',
  'not an address',
  '',
];

const eml = (to: string, subject = 'Erasure request', reference = 'DSC-20261123-K7Q2M9') =>
  emlFile({ to, subject, body: 'Hello', date: new Date(Date.UTC(2026, 10, 23)), reference });

/** The header names of an .eml, unfolded. */
const headerNames = (file: string) =>
  (file.split('\r\n\r\n')[0] ?? '')
    .replace(/\r\n[ \t]/g, ' ')
    .split('\r\n')
    .map((line) => line.slice(0, line.indexOf(':')));

describe('recipients', () => {
  it.each(HOSTILE_CONTACTS)('refuses %j as a recipient', (contact) => {
    expect(parseRecipient(contact)).toBeUndefined();
    expect(mailtoHref(contact)).toBeUndefined();
  });

  it('takes one address, with or without a name, with the characters a local part may hold', () => {
    expect(parseRecipient(' privacy@example.com ')).toEqual({ address: 'privacy@example.com' });
    expect(parseRecipient('Zoë Müller <zoe@example.de>')).toEqual({ address: 'zoe@example.de', name: 'Zoë Müller' });
    expect(parseRecipient('"Data, Protection" <dpo@example.com>')).toEqual({
      address: 'dpo@example.com',
      name: 'Data, Protection',
    });
    expect(parseRecipient('a?b&c%d=e@example.com')).toEqual({ address: 'a?b&c%d=e@example.com' });
    expect(parseRecipient('jörg@bücher.example')).toEqual({ address: 'jörg@bücher.example' });
  });
});

describe('mailto links with hostile fields (RFC 6068)', () => {
  it('percent-encodes ?, & and % in the address so they stay in it', () => {
    const link = mailtoLink('a?b&c%d@example.com', 'S', 'B');
    expect(link.href.startsWith('mailto:a%3Fb%26c%25d@example.com?subject=S&body=B')).toBe(true);
    expect(new URL(link.href).pathname).toBe('a%3Fb%26c%25d@example.com');
    expect(mailtoHref('jörg@bücher.example')).toBe(
      `mailto:${encodeURIComponent('jörg')}@${encodeURIComponent('bücher.example')}`,
    );
  });

  it.each(HOSTILE_CONTACTS)('opens a message with no recipient for %j, and no header of its own', (contact) => {
    const link = mailtoLink(contact, 'Subject', 'Body');
    expect(link.withRecipient).toBe(false);
    expect(link.href).toBe('mailto:?subject=Subject&body=Body');
  });

  it('keeps the subject on one line and every field encoded', () => {
    const link = mailtoLink('dpo@example.com', 'Erasure\r\nBcc: evil@y.example & more?=%', 'Line 1\rLine 2\nLine 3');
    const url = new URL(link.href);
    expect([...url.searchParams.keys()]).toEqual(['subject', 'body']);
    expect(url.searchParams.get('subject')).toBe('Erasure Bcc: evil@y.example & more?=%');
    expect(url.searchParams.get('body')).toBe('Line 1\r\nLine 2\r\nLine 3');
    expect(link.href).not.toMatch(/[\r\n ]/);
  });

  it('has only its own parameters whatever the fields hold', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (to, subject, body) => {
        const url = new URL(mailtoLink(to, subject, body).href);
        const keys = [...url.searchParams.keys()];
        expect(keys[0]).toBe('subject');
        expect(keys.length <= 2).toBe(true);
        expect(url.pathname).not.toMatch(/[,?&\r\n]/);
      }),
    );
  });
});

describe('.eml files with hostile fields', () => {
  it.each(HOSTILE_CONTACTS)('writes no To: and no extra header for %j', (contact) => {
    const file = eml(contact);
    expect(headerNames(file)).toEqual([
      'Subject',
      'Date',
      'Message-ID',
      'X-Unsent',
      'MIME-Version',
      'Content-Type',
      'Content-Transfer-Encoding',
    ]);
    expect(file).not.toContain('evil@');
  });

  it('names the recipient with an encoded word, and keeps the subject on its header', () => {
    const file = eml('Zoë "the DPO" Müller <zoe@example.de>', 'Löschung\r\nBcc: evil@y.example');
    const names = headerNames(file);
    expect(names.filter((n) => n === 'Bcc')).toEqual([]);
    expect(names[0]).toBe('To');
    const to = (file.split('\r\n').find((l) => l.startsWith('To: ')) ?? '').slice(4);
    expect(to).toMatch(/^=\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=/);
    expect(file).toContain('<zoe@example.de>');
    expect(file).not.toContain('Bcc: evil');
    expect(eml('"Quoted \\\\ name" <a@example.com>')).toContain('To: "Quoted \\\\\\\\ name" <a@example.com>');
  });

  it('keeps every line a header or its continuation, whatever the subject and recipient hold', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (to, subject) => {
        const names = headerNames(eml(to, subject));
        expect(
          names.filter(
            (n) =>
              ![
                'To',
                'Subject',
                'Date',
                'Message-ID',
                'X-Unsent',
                'MIME-Version',
                'Content-Type',
                'Content-Transfer-Encoding',
              ].includes(n),
          ),
        ).toEqual([]);
        expect(new Set(names).size).toBe(names.length);
      }),
    );
  });

  it('refuses a reference that is not one', () => {
    expect(() => eml('a@example.com', 'S', 'DSC-1>\r\nBcc: evil@y.example')).toThrow(/Not a letter reference/);
  });
});

describe('.ics files with hostile fields (RFC 5545)', () => {
  const ics = (summary: string, description: string, reference = 'DSC-3') =>
    icsFile({ reference, due: '2026-12-31', summary, description, now: new Date(Date.UTC(2026, 10, 30)) });

  it('escapes every line break, a lone CR included, and drops other controls', () => {
    const file = ics('Evil\rEND:VEVENT', 'a\r\nb\rc\nd\u2028e\u0000f\u001bg\th, i; j\\k');
    expect(file).not.toMatch(/\r(?!\n)|(?<!\r)\n/);
    const lines = file.split('\r\n');
    expect(lines.filter((l) => l === 'END:VEVENT')).toHaveLength(1);
    expect(lines).toContain('SUMMARY:Evil\\nEND:VEVENT');
    const description = lines.find((l) => l.startsWith('DESCRIPTION:a'));
    expect(description).toBe('DESCRIPTION:a\\nb\\nc\\nd\\nefg\th\\, i\\; j\\\\k');
  });

  it('folds long lines at 75 octets without splitting a character, and unfolds to what was given', () => {
    const summary = `Löschantrag an ${'Ünternehmen 🏢 '.repeat(20)}`;
    const file = ics(summary, 'd');
    const lines = file.split('\r\n');
    expect(lines.every((l) => new TextEncoder().encode(l).length <= 75)).toBe(true);
    expect(file).not.toContain('\uFFFD');
    const unfolded = file.replace(/\r\n /g, '').split('\r\n');
    expect(unfolded).toContain(`SUMMARY:${summary}`);
  });

  it('has only its own lines whatever the text holds', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string(), (summary, description) => {
        const file = ics(summary, description);
        expect(file).not.toMatch(/\r(?!\n)|(?<!\r)\n/);
        const names = file
          .replace(/\r\n /g, '')
          .split('\r\n')
          .filter(Boolean)
          .map((l) => /^[A-Z-]+/.exec(l)?.[0]);
        expect(names.filter((n) => n === 'BEGIN').length).toBe(4);
        expect(names.filter((n) => n === 'SUMMARY').length).toBe(1);
      }),
    );
  });

  it('refuses a reference that is not one', () => {
    expect(() => ics('s', 'd', 'DSC-3\r\nATTENDEE:evil')).toThrow(/Not a letter reference/);
  });
});
