import { describe, expect, it } from 'vitest';
import { composeLetter } from '../../../lib/letters/compose.ts';
import { letterLanguage } from '../../../lib/letters/languages.ts';
import { emlFile, encodeWord, icsFile, MAILTO_LIMIT, mailtoLink, newReference } from '../../../lib/letters/send.ts';

/** Splits an .eml into headers and decodes its base64 text part. */
function readEml(eml: string) {
  const [head = '', ...rest] = eml.split('\r\n\r\n');
  const headers = Object.fromEntries(
    head
      .replace(/\r\n /g, ' ')
      .split('\r\n')
      .map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 2)]),
  );
  return { headers, rest: rest.join('\r\n\r\n') };
}
const decode = (b64: string) =>
  new TextDecoder().decode(Uint8Array.from(atob(b64.replace(/\s/g, '')), (c) => c.charCodeAt(0)));

describe('mailtoLink', () => {
  it('carries a short letter whole, percent-encoded', () => {
    const m = mailtoLink('privacy@example.com', 'Erasure — ref 1', 'Hello,\nplease erase.');
    expect(m.withBody).toBe(true);
    expect(m.href).toBe(
      'mailto:privacy@example.com?subject=Erasure%20%E2%80%94%20ref%201&body=Hello%2C%0D%0Aplease%20erase.',
    );
  });

  it('drops the body, never cuts it, when the encoded link would pass the limit: a long non-Latin letter', () => {
    // 700 characters of Greek: short as text, but each letter is 2 bytes, 6 characters once percent-encoded.
    const body = 'Παρακαλώ διαγράψτε τα δεδομένα μου. '.repeat(20).slice(0, 700);
    expect(body.length).toBeLessThan(MAILTO_LIMIT);
    const m = mailtoLink('dpo@example.gr', 'Αίτημα διαγραφής', body);
    expect(m.withBody).toBe(false);
    expect(m.href).not.toContain('body=');
    expect(m.href).toBe(`mailto:dpo@example.gr?subject=${encodeURIComponent('Αίτημα διαγραφής')}`);
  });

  it('keeps a letter exactly at the limit and drops one a character over', () => {
    const prefix = mailtoLink('a@b.c', 's', '').href.length;
    const fits = 'x'.repeat(MAILTO_LIMIT - prefix);
    expect(mailtoLink('a@b.c', 's', fits)).toMatchObject({ withBody: true });
    expect(mailtoLink('a@b.c', 's', `${fits}x`)).toMatchObject({ withBody: false });
  });
});

describe('emlFile', () => {
  it('is a draft with the recipient, an encoded subject and the letter as UTF-8', () => {
    const eml = emlFile({
      to: 'privacy@rubiconproject.com',
      subject: 'Antrag auf Löschung – Zeichen DSC-1',
      body: 'Sehr geehrte Damen und Herren,\n\nbitte löschen Sie …',
      date: new Date(Date.UTC(2026, 10, 23, 9, 30)),
      reference: 'DSC-1',
    });
    const { headers, rest } = readEml(eml);
    expect(headers.To).toBe('privacy@rubiconproject.com');
    expect(headers['X-Unsent']).toBe('1');
    expect(headers.Date).toBe('Mon, 23 Nov 2026 09:30:00 +0000');
    expect(headers['Content-Type']).toBe('text/plain; charset=UTF-8');
    const subject = (headers.Subject as string)
      .split(' ')
      .map((w) => decode(w.replace(/^=\?UTF-8\?B\?|\?=$/g, '')))
      .join('');
    expect(subject).toBe('Antrag auf Löschung – Zeichen DSC-1');
    expect(decode(rest)).toBe('Sehr geehrte Damen und Herren,\r\n\r\nbitte löschen Sie …');
    expect(eml.split('\r\n').every((line) => line.length <= 998)).toBe(true);
  });

  it('attaches the evidence file when the letter has one', async () => {
    const sites = Array.from({ length: 30 }, (_, i) => `site${i}.example`);
    const letter = await composeLetter(
      letterLanguage('en'),
      {
        companyId: 'x',
        companyName: 'X',
        domains: ['x.com'],
        sites,
        requests: 40,
        firstSeen: 0,
        lastSeen: 1,
        categories: ['advertising'],
        kinds: [],
      },
      [],
      { jurisdiction: 'gdpr', reference: 'DSC-2', date: '2026-11-23', extensionVersion: '0.1.0' },
    );
    const eml = emlFile({
      to: 'a@x.com',
      subject: letter.subject,
      body: letter.body,
      date: new Date(0),
      reference: 'DSC-2',
      ...(letter.attachment ? { attachment: letter.attachment } : {}),
    });
    expect(eml).toContain('Content-Type: multipart/mixed; boundary="disclosed-DSC-2"');
    expect(eml).toContain('Content-Disposition: attachment; filename="evidence-DSC-2.json"');
    const part = eml.split('--disclosed-DSC-2')[2] ?? '';
    expect(JSON.parse(decode(part.split('\r\n\r\n')[1] ?? '')).sites).toEqual(sites);
  });

  it('keeps encoded subject words within 75 characters', () => {
    for (const word of encodeWord('Demande d’effacement de données personnelles – référence DSC-20261123-K7Q2M9').split(
      '\r\n ',
    )) {
      expect(word.length).toBeLessThanOrEqual(75);
    }
  });
});

describe('icsFile', () => {
  it('is an all-day event on the deadline with alarms a week and a day before', () => {
    const ics = icsFile({
      reference: 'DSC-3',
      due: '2026-12-31',
      summary: 'Deadline: erasure request to Magnite, Inc.; ref DSC-3',
      description: 'Sent 2026-11-30.\nDue 2026-12-31.',
      now: new Date(Date.UTC(2026, 10, 30, 10, 0, 0)),
    });
    const lines = ics.split('\r\n');
    expect(lines).toContain('DTSTART;VALUE=DATE:20261231');
    expect(lines).toContain('DTEND;VALUE=DATE:20270101');
    expect(lines).toContain('DTSTAMP:20261130T100000Z');
    expect(lines).toContain('SUMMARY:Deadline: erasure request to Magnite\\, Inc.\\; ref DSC-3');
    expect(lines).toContain('DESCRIPTION:Sent 2026-11-30.\\nDue 2026-12-31.');
    expect(lines.filter((l) => l.startsWith('TRIGGER:'))).toEqual(['TRIGGER:-P7D', 'TRIGGER:-P1D']);
    expect(lines.every((l) => new TextEncoder().encode(l).length <= 75)).toBe(true);
  });
});

describe('newReference', () => {
  it('is DSC-date-six characters, without look-alike letters, and differs between letters', () => {
    const a = newReference('2026-11-23');
    expect(a).toMatch(/^DSC-20261123-[0-9A-HJKMNP-TV-Z]{6}$/);
    expect(new Set(Array.from({ length: 200 }, () => newReference('2026-11-23'))).size).toBe(200);
  });
});
