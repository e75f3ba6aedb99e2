import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  compareBySensitivity,
  pageSummary,
  pageSummaryParts,
  SENSITIVITY,
  type SummaryRecipient,
} from '../../../components/popup/summary.ts';
import { DATA_KINDS, type DataKind } from '../../../lib/disclose/kinds.ts';
import { translatorFromMessages } from '../../../lib/i18n.ts';

const messages = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', '..', 'public', '_locales', 'en', 'messages.json'), 'utf8'),
);
const t = translatorFromMessages(messages);

const got = (name: string, kinds: DataKind[], requests = 1): SummaryRecipient => ({ name, kinds, requests });
/** Every request stopped before it was sent (blocked, no connection): known not to have arrived. */
const tried = (name: string, kinds: DataKind[]): SummaryRecipient => ({
  ...got(name, kinds),
  attemptedOnly: true,
  stoppedOnly: true,
});
/** Not known to have arrived, but one request may have (answered from the cache, cut off after it was sent). */
const unconfirmed = (name: string, kinds: DataKind[]): SummaryRecipient => ({
  ...got(name, kinds),
  attemptedOnly: true,
  stoppedOnly: false,
});
// British English: Intl's list of names has no serial comma there ("A, B and C"); en-US has one.
const summary = (recipients: SummaryRecipient[]) => pageSummary(t, recipients, 'en-GB');

describe('pageSummary', () => {
  it('groups companies by the most revealing kind they received, naming up to three per clause', () => {
    expect(
      summary([
        got('Microsoft', ['site-address'], 5),
        got('Google', ['site-address', 'page-address', 'identifier'], 3),
        got('Meta', ['page-address', 'identifier', 'event'], 2),
        got('Magnite', ['site-address']),
        got('Criteo', ['site-address', 'device']),
      ]),
    ).toBe(
      'Google and Meta got the address of this page and an identifier; Microsoft, Criteo and Magnite got which site you were on.',
    );
  });

  it('names the most revealing data first, whatever the request counts, and counts the rest of a large group', () => {
    expect(
      summary([
        got('Google', ['site-address'], 9),
        got('Meta', ['site-address'], 8),
        got('Microsoft', ['site-address'], 7),
        got('Amazon', ['site-address'], 6),
        got('px.example-ads.com', ['site-address', 'hashed-email', 'identifier'], 1),
      ]),
    ).toBe(
      'px.example-ads.com got a hashed form of your email address and an identifier; Google, Meta and 2 others got which site you were on.',
    );
  });

  it('never says a company got what only its blocked, failed or cached requests carried', () => {
    const text = summary([got('Google', ['site-address']), tried('Meta', ['email', 'identifier'])]);
    expect(text).toBe('Google got which site you were on. 1 other tried, but nothing arrived.');
    expect(text).not.toContain('Meta');
    expect(text).not.toContain('email');
    expect(summary([got('Google', []), tried('Meta', []), tried('Hotjar', [])])).toBe(
      'Google got only what every request carries (your IP address and browser). 2 others tried, but nothing arrived.',
    );
  });

  it('says so when nothing is known to have arrived anywhere, and says nothing when nothing was sent', () => {
    expect(summary([tried('Meta', ['page-address'])])).toBe(
      'No company is known to have received data from this page: 1 tried, but nothing arrived.',
    );
    expect(summary([tried('Meta', []), tried('Google', [])])).toBe(
      'No company is known to have received data from this page: 2 tried, but nothing arrived.',
    );
    expect(summary([])).toBe('');
  });

  it('says only that nothing is known to have arrived when an attempt may have reached the company', () => {
    // Meta's request was answered from the cache (or cut off after it was sent): it may have reached Meta.
    expect(summary([got('Google', ['site-address']), unconfirmed('Meta', ['page-address'])])).toBe(
      'Google got which site you were on. 1 other tried; none of its requests is known to have arrived.',
    );
    // One of the two may have arrived: the weaker wording covers both.
    expect(summary([got('Google', []), tried('Hotjar', []), unconfirmed('Meta', [])])).toBe(
      'Google got only what every request carries (your IP address and browser). 2 others tried; none of their requests is known to have arrived.',
    );
    expect(summary([unconfirmed('Meta', ['identifier'])])).toBe(
      'No company is known to have received data from this page: 1 tried, and none of its requests is known to have arrived.',
    );
    expect(summary([tried('Hotjar', []), unconfirmed('Meta', [])])).toBe(
      'No company is known to have received data from this page: 2 tried, and none of their requests is known to have arrived.',
    );
    // Whose delivery is not said (an older popup's data): not claimed to have arrived nowhere either.
    expect(summary([{ ...got('Meta', []), attemptedOnly: true }])).not.toContain('nothing arrived');
  });

  it('keeps to one sentence of three clauses, the last counting whoever is left', () => {
    expect(
      summary([
        got('A', ['email']),
        got('B', ['full-address']),
        got('C', ['identifier']),
        got('D', ['site-address']),
        got('E', []),
      ]),
    ).toBe('A got your email address; B got the full address of this page; 3 others received requests too.');
  });

  it('names the highest address level only, and an identifier alone as such', () => {
    expect(summary([got('Google', ['site-address', 'page-address', 'full-address'])])).toBe(
      'Google got the full address of this page.',
    );
    expect(summary([got('Google', ['identifier', 'device'])])).toBe('Google got device details and an identifier.');
    expect(summary([got('Google', ['identifier'])])).toBe('Google got an identifier.');
  });

  it("takes its word order and punctuation from the locale's messages, not from the code", () => {
    const reordered = translatorFromMessages({
      ...messages,
      // A form per count of companies, each with its own word order.
      popupSummaryGot: {
        message: '{COUNT, plural, one {$COMPANIES$ got $WHAT$} other {$WHAT$ → $COMPANIES$}}',
        placeholders: messages.popupSummaryGot.placeholders,
      },
      popupSummaryJoin: { message: '$FIRST$ | $NEXT$', placeholders: messages.popupSummaryJoin.placeholders },
    });
    expect(
      pageSummary(reordered, [got('A', ['email']), got('B', ['site-address']), got('C', ['site-address'])], 'en-GB'),
    ).toBe('A got your email address | which site you were on → B and C.');
    // Lists of names follow the locale's conventions.
    expect(pageSummary(t, [got('A', ['site-address']), got('B', ['site-address'])], 'de')).toContain('A und B got');
  });
});

describe('pageSummaryParts', () => {
  it('gives each name apart from the words around it, whatever the name holds', () => {
    const odd = '\uE0000\uE001 <b>$1</b>';
    expect(
      pageSummaryParts(t, [got('Google', ['email'], 2), got(odd, ['email']), got('Meta', ['page-title'])], 'en-GB'),
    ).toEqual([
      { name: 'Google' },
      ' and ',
      { name: odd },
      ' got your email address; ',
      { name: 'Meta' },
      " got the page's title.",
    ]);
  });
});

describe('compareBySensitivity', () => {
  it('ranks every kind of data exactly once', () => {
    expect([...SENSITIVITY].sort()).toEqual([...DATA_KINDS].sort());
  });

  it('orders cards by the most revealing data received, then by requests, then by name', () => {
    const cards = [
      got('example-analytics.com', ['page-address', 'identifier'], 1),
      got('Google', ['site-address', 'identifier'], 3),
      got('Microsoft', ['site-address'], 3),
      got('unknown-recorder.example', ['site-address', 'session-recording'], 1),
      got('Magnite', [], 4),
      got('example-ads.com', ['site-address', 'identifier', 'email'], 2),
      got('Meta', ['site-address'], 2),
      got('Bing', ['site-address'], 3),
    ];
    expect(cards.sort(compareBySensitivity).map((c) => c.name)).toEqual([
      'example-ads.com',
      'unknown-recorder.example',
      'example-analytics.com',
      'Google',
      'Bing',
      'Microsoft',
      'Meta',
      'Magnite',
    ]);
  });
});
