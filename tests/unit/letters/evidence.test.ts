import { describe, expect, it } from 'vitest';
import { composeLetter } from '../../../lib/letters/compose.ts';
import { evidenceFor, gatherEvidence } from '../../../lib/letters/evidence.ts';
import { letterLanguage } from '../../../lib/letters/languages.ts';
import { Recorder } from '../../../lib/storage/recorder.ts';
import { event, freshDb } from '../storage/helpers.ts';

const DAY = 86_400_000;
const T = Date.UTC(2026, 10, 2, 12);

/** Company "a" on a news site (3 requests), a pharmacy (2, sensitive) and a shop (1); company "b" elsewhere. */
async function gathered() {
  const db = freshDb();
  const recorder = new Recorder(db);
  const add = (site: string, n: number, time: number, extra: Parameters<typeof event>[0] = {}) => {
    for (let i = 0; i < n; i++) recorder.add(event({ site, company: 'a', time: time + i, ...extra }));
  };
  add('news.example', 3, T, { host: 'px.a-ads.com', kinds: ['page-address'] });
  add('online-pharmacy.example', 2, T - 30 * DAY, { host: 'health.a-ads.com', kinds: ['identifier', 'event'] });
  add('shop.example', 1, T + DAY, { host: 'px.a-ads.com', kinds: ['page-address'] });
  recorder.add(event({ site: 'other.example', company: 'b', time: T - 60 * DAY }));
  await recorder.flush();
  const g = await gatherEvidence(db, { id: 'a', name: 'Company A' });
  db.close();
  if (!g) throw new Error('nothing gathered');
  return g;
}

describe('the evidence a letter cites', () => {
  it('marks the sensitive site, and counts every site until the letter narrows them', async () => {
    const g = await gathered();
    expect(g.sensitiveSites).toEqual(['online-pharmacy.example']);
    expect(g.evidence).toMatchObject({
      requests: 6,
      sites: ['news.example', 'online-pharmacy.example', 'shop.example'],
    });
  });

  it.each<[string, string[], object]>([
    [
      'the sensitive site left out: its requests, dates, host and kinds go with it',
      ['news.example', 'shop.example'],
      {
        sites: ['news.example', 'shop.example'],
        requests: 4,
        firstSeen: T,
        lastSeen: T + DAY,
        domains: ['px.a-ads.com'],
        kinds: ['page-address'],
      },
    ],
    [
      'one site',
      ['shop.example'],
      { sites: ['shop.example'], requests: 1, firstSeen: T + DAY, lastSeen: T + DAY, kinds: ['page-address'] },
    ],
    [
      'every site, as gathered',
      ['news.example', 'online-pharmacy.example', 'shop.example'],
      { requests: 6, firstSeen: T - 30 * DAY, lastSeen: T + DAY, domains: ['health.a-ads.com', 'px.a-ads.com'] },
    ],
    [
      "another company's site is never counted in",
      ['news.example', 'other.example'],
      { sites: ['news.example'], requests: 3 },
    ],
  ])('%s', async (_, sites, expected) => {
    expect(evidenceFor(await gathered(), sites)).toMatchObject(expected);
  });

  it('writes "N requests from M websites" with the counts of the sites it lists', async () => {
    const g = await gathered();
    const letter = await composeLetter(letterLanguage('en'), evidenceFor(g, ['news.example', 'shop.example']), [], {
      jurisdiction: 'gdpr',
      reference: 'DSC-20261102-ABCDEF',
      date: '2026-11-03',
      extensionVersion: '0.1.0',
    });
    expect(letter.body).toContain('4 requests from 2 websites.');
    expect(letter.body).not.toContain('pharmacy');
    expect(letter.body).not.toContain('health.a-ads.com');
  });
});

describe('identifiers a letter may offer', () => {
  it('never offers a value stored under a credential name, nor lets one reach the identifiers table', async () => {
    const db = freshDb();
    // A row an earlier version stored from a login form's address, before secrets were kept apart.
    await db.identifiers.put({
      company: 'a',
      name: 'session_token',
      value: 'st-8f3c2a9b7d1e4f60a5b3',
      firstSeen: T,
      lastSeen: T,
      requests: 1,
      sites: ['news.example'],
    });
    const recorder = new Recorder(db);
    recorder.add(
      event({
        site: 'news.example',
        company: 'a',
        time: T,
        identifiers: [
          { name: 'cid', value: '1234567890.1700000000' },
          { name: 'password', value: 'Hunter2-correct-horse' },
          { name: 'data.access_token', value: 'at-5b3c7d9e1f2a4b6' },
        ],
      }),
    );
    await recorder.flush();
    expect((await db.identifiers.toArray()).map((i) => i.name).sort()).toEqual(['cid', 'session_token']);
    const g = await gatherEvidence(db, { id: 'a', name: 'Company A' });
    db.close();
    expect(g?.requestIdentifiers.map((i) => i.name)).toEqual(['cid']);
  });
});
