import { describe, expect, it } from 'vitest';
import { feedOrder, summarizeSession } from '../../../lib/classroom/summary.ts';
import { sensitivePageCategory } from '../../../lib/disclose/sensitive.ts';
import type { SharingEvent } from '../../../lib/storage/events.ts';
import { event } from '../storage/helpers.ts';

let clock = Date.UTC(2026, 11, 1, 9);
/** An event a second after the last one. */
const next = (extra: Partial<SharingEvent> = {}) => {
  clock += 1000;
  return event({ time: clock, ...extra });
};
const id = (value: string) => ({ kind: 'identifier' as const, source: 'url' as const, name: 'cid', value });

describe('the classroom’s summary of a session', () => {
  it('ranks each company’s categories by the requests that reached it, as every screen does', () => {
    const ad = { category: 'advertising', host: 'stats.g.doubleclick.net' };
    const blocked = { ...ad, outcome: 'error' as const, error: 'net::ERR_BLOCKED_BY_CLIENT' };
    const summary = summarizeSession([event(ad), event(), event(), event(blocked), event(blocked), event(blocked)]);
    // Three blocked advertising requests reached no one: analytics, with two delivered, is the main category.
    expect(summary.categories.get('google')).toEqual(['site_analytics', 'advertising']);
    expect(summary).toMatchObject({ requests: 3, companies: 1, sites: 1 });
    // Three requests from one site to one company: one card that counts them.
    expect(summary.cards.map((c) => [c.company, c.site, c.requests])).toEqual([['google', 'news.example', 3]]);
  });

  it('keeps one card per company and site, updated in place with its count and every kind so far', () => {
    const summary = summarizeSession([
      next({ kinds: ['site-address'] }),
      next({ company: 'microsoft', host: 'bat.bing.com' }),
      next({ company: 'microsoft', host: 'ib.adnxs.com' }),
      next({ kinds: ['identifier', 'device'], findings: [id('555.666')] }),
      next({ site: 'shop.example' }),
    ]);
    const cards = new Map(summary.cards.map((c) => [c.key, c]));
    expect(summary.cards).toHaveLength(3);
    expect(cards.get('google\nnews.example')).toMatchObject({
      requests: 2,
      kinds: ['site-address', 'identifier', 'device'],
      values: { identifier: '555.666' },
    });
    // Two hosts of one company: still one card.
    expect(cards.get('microsoft\nnews.example')?.requests).toBe(2);
    expect(cards.get('google\nshop.example')?.requests).toBe(1);
  });

  it('explains each kind on the first card that showed it, and only names it on later cards', () => {
    const events = [
      next({ kinds: ['identifier'], findings: [id('1')] }),
      next({ company: 'facebook', kinds: ['identifier', 'event'] }),
      next({ site: 'shop.example', kinds: ['event', 'device'] }),
    ];
    const cards = new Map(summarizeSession(events).cards.map((c) => [c.key, c]));
    expect(cards.get('google\nnews.example')?.explains).toEqual(['identifier']);
    expect(cards.get('facebook\nnews.example')?.explains).toEqual(['event']);
    expect(cards.get('google\nshop.example')?.explains).toEqual(['device']);
    // A card that reaches a kind again keeps its explanation: it showed the kind first.
    const later = new Map(
      summarizeSession([...events, next({ kinds: ['identifier'] })]).cards.map((c) => [c.key, c.explains]),
    );
    expect(later.get('google\nnews.example')).toEqual(['identifier']);
    // A reset empties the session: the first card after it explains again.
    const afterReset = summarizeSession([next({ company: 'facebook', kinds: ['identifier'] })]);
    expect(afterReset.cards[0]?.explains).toEqual(['identifier']);
  });

  it('explains an address level on a card that names it, not on one that names a higher level only', () => {
    const cards = new Map(
      summarizeSession([
        next({ kinds: ['site-address', 'full-address'] }),
        next({ company: 'facebook', kinds: ['site-address'] }),
      ]).cards.map((c) => [c.key, c.explains]),
    );
    // The first card says "the full address"; "which site you were on" is first shown on the second.
    expect(cards.get('google\nnews.example')).toEqual(['full-address']);
    expect(cards.get('facebook\nnews.example')).toEqual(['site-address']);
  });

  it('puts the latest change on top, then the sensitive sites, then the most telling data', () => {
    const events = [
      next({ site: 'health-clinic.example', company: 'magnite', kinds: ['site-address'] }),
      next({ company: 'facebook', kinds: ['email'] }),
      next({ company: 'microsoft', kinds: ['device'] }),
      next({ kinds: ['site-address'] }),
      // The Microsoft card changes last: it comes to the top, and the others keep their order.
      next({ company: 'microsoft' }),
    ];
    const summary = summarizeSession(events);
    expect(summary.cards.map((c) => c.company)).toEqual(['microsoft', 'magnite', 'facebook', 'google']);
    expect(summary.newest).toBe('microsoft\nnews.example');
    expect(summary.cards.find((c) => c.company === 'magnite')?.sensitive).toBe('health');
    expect(summary.cards.find((c) => c.company === 'facebook')?.sensitive).toBeUndefined();
    // A change gives the card a new mark, so the page lights it again.
    const again = summarizeSession([...events, next({ company: 'microsoft' })]);
    expect(again.cards[0]?.key).toBe(summary.cards[0]?.key);
    expect(again.cards[0]?.changed).toBeGreaterThan(summary.cards[0]?.changed ?? Infinity);
  });

  it('highlights a sensitive page of a general site on the cards of the companies that got its address', () => {
    const page = (value: string) => ({ kind: 'page-address' as const, source: 'url' as const, name: 'dl', value });
    const summary = summarizeSession([
      next({ kinds: ['page-address'], findings: [page('https://news.example/living/diabetes-type-2.html')] }),
      // Meta was on the same page but got only which site it was: it cannot tell the page, nor can its card.
      next({ company: 'facebook', kinds: ['site-address'] }),
      // Microsoft got an ordinary page of the same site: a query parameter named like a stem says nothing.
      next({ company: 'microsoft', kinds: ['page-address'], findings: [page('https://news.example/sport?clinic')] }),
    ]);
    const card = (company: string) => summary.cards.find((c) => c.company === company);
    expect(card('google')).toMatchObject({ sensitive: 'health', sensitiveBy: 'page' });
    expect(card('facebook')?.sensitive).toBeUndefined();
    expect(card('microsoft')?.sensitive).toBeUndefined();
    // Sorted as a sensitive site's card is: right after the newest change.
    expect(summary.cards.map((c) => c.company)).toEqual(['microsoft', 'google', 'facebook']);
    // The same stems as a site's name, in any segment, accents and escapes read through; not an address, nothing.
    expect(sensitivePageCategory('https://www.example.fr/sant%C3%A9/diab%C3%A8te')).toBe('health');
    expect(sensitivePageCategory('https://blog.example/2026/my-church-wedding/')).toBe('religion');
    expect(sensitivePageCategory('https://blog.example/2026/essex-trip/')).toBeUndefined();
    expect(sensitivePageCategory('not an address')).toBeUndefined();
  });

  it('does not lift a sensitive card in the anonymised order', () => {
    const summary = summarizeSession([
      next({ site: 'health-clinic.example', company: 'magnite', kinds: ['site-address'] }),
      next({ company: 'facebook', kinds: ['email'] }),
      next({ company: 'microsoft' }),
    ]);
    expect(summary.cards.map((c) => c.company)).toEqual(['microsoft', 'magnite', 'facebook']);
    // Anonymised: the newest change first still, then by what the data tells, not by the site.
    expect(feedOrder(summary.cards, false).map((c) => c.company)).toEqual(['microsoft', 'facebook', 'magnite']);
  });
});
