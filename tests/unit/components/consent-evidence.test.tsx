import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { ConsentEvidence } from '../../../components/letters/consent-evidence.tsx';
import { translatorFromMessages } from '../../../lib/i18n.ts';
import type { LetterEvidence } from '../../../lib/letters/compose.ts';
import type { Law } from '../../../lib/letters/laws.ts';

const messages = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', '..', 'public', '_locales', 'en', 'messages.json'), 'utf8'),
);
const t = translatorFromMessages(messages);

const ANSWER = Date.UTC(2026, 10, 30, 14, 2, 7);
const flow = (device: boolean, sentAt: number) => ({
  moment: 'before-answer' as const,
  sentAt,
  answeredAt: ANSWER,
  seconds: Math.floor((ANSWER - sentAt) / 1000),
  device,
  kinds: device ? (['identifier'] as const) : (['page-address'] as const),
  site: 'news.example',
  company: 'ads',
  category: 'advertising',
  host: 'ads.example',
  page: '1:1',
});
const evidence = (device: boolean, n = 1): LetterEvidence => ({
  companyId: 'ads',
  companyName: 'Ads Inc.',
  domains: ['ads.example'],
  sites: ['news.example'],
  requests: 9,
  firstSeen: 1,
  lastSeen: 2,
  categories: ['advertising'],
  kinds: ['identifier'],
  consent: {
    flows: Array.from({ length: n }, (_, i) => ({
      ...flow(device, ANSWER - 2000 - i * 1000),
      kinds: [...flow(device, 0).kinds],
    })),
    total: n + 2,
    device: device ? n + 2 : 0,
  },
});
/** The same requests with an identifier, but to a CDN. */
const cdn = (): LetterEvidence => {
  const e = evidence(true);
  return {
    ...e,
    categories: ['cdn'],
    ...(e.consent ? { consent: { ...e.consent, flows: e.consent.flows.map((f) => ({ ...f, category: 'cdn' })) } } : {}),
  };
};
const html = (e: LetterEvidence, jurisdiction: Law, residence?: string) =>
  renderToString(
    <ConsentEvidence t={t} evidence={e} jurisdiction={jurisdiction} residence={residence} locale="en-GB" />,
  )
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

describe('the composer’s cookie-banner evidence', () => {
  it('lists the requests with their times and counts the rest, and says the letter cites the resident’s rule', () => {
    const text = html(evidence(true), 'gdpr', 'DE');
    // The zone as an offset, as the letter writes it (not "UTC", "CET" or "MEZ", which differ by language).
    expect(text).toContain('30 Nov 2026, 14:02:05 GMT+00:00: ads.example, from news.example, before you answered');
    expect(text).toContain('and 2 more such requests');
    expect(text).toContain('citing the rule of your country: § 25 Abs. 1 und 2 TDDDG (Germany).');
  });

  it.each<[string, LetterEvidence, Law, string | undefined, string]>([
    [
      'only the page address',
      evidence(false),
      'gdpr',
      'DE',
      'None of these requests carried a cookie or an id of a tracking company',
    ],
    [
      'a CDN’s cookie (it may be strictly necessary)',
      cdn(),
      'gdpr',
      'DE',
      'None of these requests carried a cookie or an id of a tracking company',
    ],
    ['residence unknown', evidence(true), 'gdpr', undefined, 'Choose your country of residence in the settings'],
    ['a country not in the table', evidence(true), 'gdpr', 'EE', 'does not yet know the rule of your country'],
    ['the LGPD', evidence(true), 'lgpd', 'BR', 'has no rule on storing data on your device without consent'],
  ])('says why the ground is not in the letter: %s', (_, e, law, residence, why) => {
    const text = html(e, law, residence);
    expect(text).toContain(why);
    expect(text).not.toContain('citing the rule');
  });

  it('shows nothing without such requests', () => {
    const { consent: _, ...none } = evidence(true);
    expect(
      renderToString(<ConsentEvidence t={t} evidence={none} jurisdiction="gdpr" residence="DE" locale="en-GB" />),
    ).toBe('');
  });
});
