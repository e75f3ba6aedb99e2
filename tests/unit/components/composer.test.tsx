import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { Composer } from '../../../components/letters/composer.tsx';
import type { ComposerInput } from '../../../components/letters/composer-model.ts';
import { translatorFromMessages } from '../../../lib/i18n.ts';
import type { GatheredEvidence } from '../../../lib/letters/evidence.ts';
import { unlistedCompany } from '../../../lib/trackers/company.ts';

const messages = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', '..', 'public', '_locales', 'en', 'messages.json'), 'utf8'),
);
const t = translatorFromMessages(messages);

const gathered: GatheredEvidence = {
  evidence: {
    companyId: 'magnite',
    companyName: 'Magnite',
    domains: ['pixel.rubiconproject.com'],
    sites: ['news.example'],
    requests: 3,
    firstSeen: 1,
    lastSeen: 2,
    categories: ['advertising'],
    kinds: ['identifier'],
  },
  perSite: [],
  sensitiveSites: [],
  requestIdentifiers: [
    { source: 'request', name: 'uid', value: 'rp7f3a91c2e8' },
    { source: 'request', name: 'xq_ref', value: 'a91c2e8f7d1e4f60' },
  ],
};

/** The composer as the page first shows it, for Magnite seen on one site. */
function render(residence?: string, input: Partial<ComposerInput> = {}): string {
  return renderToString(
    <Composer
      t={t}
      input={{
        company: { ...unlistedCompany('magnite'), name: 'Magnite' },
        gathered,
        cookies: [
          { source: 'cookie', name: '_ga', value: 'GA1.2.555.777', domain: '.rubiconproject.com' },
          { source: 'cookie', name: 'khaos', value: 'k-4f60a5b3', domain: '.rubiconproject.com' },
        ],
        reference: 'DSC-20261201-ABCDEF',
        today: '2026-12-01',
        extensionVersion: '1.0.0',
        uiLanguage: 'en',
        ...(residence ? { residence } : {}),
        ...input,
      }}
      actions={{ saveContact: async () => {}, download: () => {}, copy: async () => {}, sent: async () => {} }}
    />,
  );
}

/** Each identifier offered, and whether it is ticked. */
function offered(): [string, boolean][] {
  const html = render();
  const list = html.slice(html.indexOf('data-testid="letter-identifiers"'));
  return [...list.matchAll(/<li><label><input type="checkbox"( checked)?[^>]*\/?>(.*?)<\/label><\/li>/g)].map((m) => [
    (m[2] ?? '').replace(/<[^>]+>/g, ''),
    !!m[1],
  ]);
}

describe('the letter composer', () => {
  it('ticks known tracking identifiers only, and offers the others unticked', () => {
    const shown = offered();
    expect(shown.map(([text, ticked]) => [text.split(':')[1]?.trim(), ticked])).toEqual([
      ['GA1.2.555.777', true],
      ['k-4f60a5b3', false],
      ['rp7f3a91c2e8', true],
      ['a91c2e8f7d1e4f60', false],
    ]);
  });

  it('says where a cookie lives: the site a partition was set under, another container', () => {
    const html = render(undefined, {
      cookies: [
        { source: 'cookie', name: 'uid', value: 'crt-1', domain: '.rubiconproject.com', partitions: ['shop.example'] },
        {
          source: 'cookie',
          name: 'uid',
          value: 'crt-2',
          domain: '.rubiconproject.com',
          stores: ['firefox-container-3'],
        },
      ],
    });
    const text = html.replace(/<[^>]+>/g, '');
    expect(text).toContain('cookie uid (.rubiconproject.com), set while you were on shop.example: crt-1');
    expect(text).toContain(
      'cookie uid (.rubiconproject.com), kept in another container or cookie store (firefox-container-3): crt-2',
    );
  });

  it('says when the cookies could not be read, and still drafts the letter', () => {
    const html = render(undefined, { cookies: [], cookiesUnread: true });
    expect(html).toContain('data-testid="cookies-unread"');
    expect(html).toContain('did not let Disclosed read all of this company’s cookies');
    // The identifiers of its requests are still offered, and the letter to Magnite is there.
    expect(html).toContain('rp7f3a91c2e8');
    expect(html.slice(html.indexOf('<article class="paper"'), html.indexOf('</article>'))).toContain('Magnite');
    expect(render()).not.toContain('data-testid="cookies-unread"');
  });

  it('offers the five laws, the place the user lives first', () => {
    const laws = (html: string) => {
      const select = html.slice(html.indexOf('data-testid="letter-jurisdiction"'), html.indexOf('</select>'));
      return [...select.matchAll(/<option([^>]*)>([^<]*)</g)].map((m) => [
        /value="([^"]+)"/.exec(m[1] ?? '')?.[1],
        m[2],
        /\bselected\b/.test(m[1] ?? ''),
      ]);
    };
    expect(laws(render())).toEqual([
      ['gdpr', 'EU GDPR', true],
      ['uk-gdpr', 'UK GDPR', false],
      ['fadp', 'Swiss revFADP', false],
      ['lgpd', 'Brazil LGPD', false],
      ['ccpa', 'California CCPA', false],
    ]);
    const brazil = render('BR');
    expect(laws(brazil).filter(([, , selected]) => selected)).toEqual([['lgpd', 'Brazil LGPD', true]]);
  });

  it('holds the letter on paper, with no form control inside it', () => {
    const html = render();
    const paper = html.slice(html.indexOf('<article class="paper"'), html.indexOf('</article>'));
    expect(paper).toContain('Magnite');
    expect(paper).not.toMatch(/<(input|textarea|select|button|label)\b/);
  });
});
