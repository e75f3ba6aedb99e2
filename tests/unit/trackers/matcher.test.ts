import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTrackerMatcher, isSubdomainOf, type MatchInput } from '../../../lib/trackers/matcher.ts';
import { compileTrackerDb } from '../../../tracker-lists/compile.ts';
import { parseFilter } from '../../../tracker-lists/filters.ts';
import { TRACKERDB_SOURCE } from '../../../tracker-lists/sources.ts';
import { compiledMiniList, realTrackerList, matchInput as request } from '../fixture-lists.ts';

describe('createTrackerMatcher on the fixture list', () => {
  const matcher = createTrackerMatcher([compiledMiniList()]);
  const who = (input: MatchInput) => {
    const m = matcher.match(input);
    return m ? `${m.company.id}/${m.patternId}` : null;
  };

  it.each([
    ['a domain of the list', request('https://acme-ads.example/p.gif'), 'acme_ads/acme_pixel'],
    ['a subdomain of a listed domain', request('https://eu.px.acmecdn.example/x.js'), 'acme_ads/acme_pixel'],
    ['a path filter on a shared host', request('https://px.sharedhost.example/acme/1/p.gif'), 'acme_ads/acme_pixel'],
    [
      'a plain path filter anywhere',
      request('https://cdn.other.example/js/metrico-tag.js'),
      'metrico/metrico_analytics',
    ],
    [
      'a regex filter, type allowed',
      request('https://api.other.example/m/collect/v2/e', { type: 'xmlhttprequest' }),
      'metrico/metrico_analytics',
    ],
    ['a pattern without organization', request('https://orphancdn.example/lib.js'), 'pattern:orphan_cdn/orphan_cdn'],
    ['upper case in the address', request('https://CDN.OTHER.EXAMPLE/JS/METRICO-TAG.JS'), 'metrico/metrico_analytics'],
  ])('matches %s', (_, input, expected) => {
    expect(who(input)).toBe(expected);
  });

  it.each([
    ['an unknown host', request('https://cdn.unknown.example/x.js')],
    ['a host that only ends like a listed one', request('https://notacme-ads.example/p.gif')],
    ['a shared host outside the filtered path', request('https://px.sharedhost.example/other/p.gif')],
    ['a regex filter with the wrong type', request('https://api.other.example/m/collect/v2/e', { type: 'script' })],
    [
      'a regex filter with no version digits',
      request('https://api.other.example/m/collect/vx/e', { type: 'xmlhttprequest' }),
    ],
    ['a word only inside a longer word', request('https://cdn.other.example/js/xmetrico-tagx.jsx')],
  ])('does not match %s', (_, input) => {
    expect(who(input)).toBeNull();
  });

  it('honours $domain exclusions and first-party requests for $3p filters (then falls back to the domain)', () => {
    // Excluded page: the filter does not apply, the domain list still names the owner.
    expect(who(request('https://metrico.example/t', { pageHostname: 'shop.partner.example' }))).toBe(
      'metrico/metrico_analytics',
    );
    expect(who(request('https://social.example/tr?x', { type: 'image' }))).toBe('social_co/social_widgets');
  });

  it('groups several patterns under their organization, and lists every company', () => {
    const ids = matcher
      .companies()
      .map((c) => c.id)
      .sort();
    expect(ids).toEqual(['acme_ads', 'metrico', 'pattern:orphan_cdn', 'social_co']);
    expect(matcher.matchHostname('www.social.example')?.company.name).toBe('<b>Social</b> Co');
  });
});

describe('createTrackerMatcher on the real TrackerDB', () => {
  const matcher = createTrackerMatcher([realTrackerList()]);
  it.each([
    ['https://www.google-analytics.com/g/collect?v=2', 'google', 'site_analytics'],
    ['https://connect.facebook.net/en_US/fbevents.js', 'facebook', 'site_analytics'],
    ['https://static.xx.fbcdn.net/rsrc.php/v3/x.js', 'facebook', 'hosting'],
    ['https://ib.adnxs.com/ut/v3', 'microsoft', 'advertising'],
    ['https://pixel.rubiconproject.com/tap.php', 'magnite', 'advertising'],
    ['https://static.hotjar.com/c/hotjar-1.js', 'hotjar', 'site_analytics'],
  ])('%s → %s (%s)', (url, company, category) => {
    const m = matcher.match(request(url));
    expect(m?.company.id).toBe(company);
    expect(m?.category.id).toBe(category);
  });

  it('names no company for hosts no list knows', () => {
    expect(matcher.match(request('https://cdn.unlisted-widgets.example/w.js'))).toBeUndefined();
  });
});

describe('filters with wildcards', () => {
  // The address that hung a test run, shrunk: a query of percent-escapes, thousands of them "%EA" (the word "ea"
  // to a case-insensitive filter), and TrackerDB's `ea*/ea.js^`. Tested whole, the filter ran from every "ea" to the
  // end of the address and back, once for each "ea" in it: hours for the 2.4 million characters the test made.
  const matcher = createTrackerMatcher([realTrackerList()]);
  const escapes = '%F1%BC%A1%91%EA%A4%B3'.repeat(60_000);
  it.each([
    ['with no "/ea.js" in it', '', undefined],
    ['ending in "/ea.js"', '/ea.js', 'eulerian'],
    ['ending in "/ea.jsx" (no separator after the name)', '/ea.jsx', undefined],
    ['ending in "/ea.js?v=1"', '/ea.js?v=1', 'eulerian'],
  ])('an address of 1.3 million characters and 60,000 "ea" %s', (_, tail, company) => {
    const url = `https://cdn.shop.example/?q=${escapes}${tail}`;
    expect(matcher.match(request(url))?.company.id).toBe(company);
  });

  // Each filter alone in a list, so that a match is that filter's: the matcher must answer as its regex does.
  const FILTERS = [
    'ea*/ea.js^',
    'a^*^b',
    '|https://*.example/*^q',
    '||ads*.tiktokcdn.com^',
    '||api.mypurecloud.*/*/ping^',
    '||cdn.example/t/*/bm.js',
    '/\\/analytics\\?.+visitor_id=.+pi_opt_in=/',
    '/x.+?y.*?z/',
    '/facebook\\.com\\/(v2\\.0\\/)?(plugins|widgets)\\/.*\\.php/',
    '/metrics\\..*\\.(com|net|org)\\/b\\/(s|ss)\\//',
  ];
  const single = FILTERS.map((filter) => {
    const compiled = compileTrackerDb(
      {
        categories: { misc: { name: 'Misc' } },
        organizations: {},
        patterns: { p: { name: 'P', category: 'misc', domains: [], filters: [filter] } },
      },
      { ...TRACKERDB_SOURCE, version: 'test' },
    );
    expect(compiled.skipped).toEqual([]);
    const parsed = parseFilter(filter, 0);
    if ('error' in parsed || !parsed.re) throw new Error(`${filter}: no regex`);
    return { filter, matcher: createTrackerMatcher([compiled.list]), host: parsed.host, re: parsed.re };
  });
  /** The filter's regex run whole: anywhere in the address, or for a host filter from the end of its host. */
  const byRegex = (f: (typeof single)[number], url: string, hostname: string) => {
    if (!f.host) return new RegExp(f.re, 'i').test(url);
    if (!isSubdomainOf(hostname, f.host)) return false;
    const sticky = new RegExp(f.re.slice(1), 'iy');
    sticky.lastIndex = url.indexOf(hostname) + hostname.length;
    return sticky.test(url);
  };
  const PIECES = ['ea', '/ea.js', '/EA.JS', '%EA', '/', '.', '-', 'x', 'y', 'z', 'a', 'b', 'q', '?', '&', '\n'];
  const MORE = ['\u2028', 'ads', '.tiktokcdn.com', 'visitor_id=', 'pi_opt_in=', '/analytics?', 'ping', '/t/'];
  const WORDS = ['bm.js', 'facebook.com/', 'plugins/', 'v2.0/', '.php', 'metrics.', '.com/b/s/', '.net/b/ss/'];
  const address = fc.tuple(
    fc.constantFrom(
      'https://cdn.example',
      'https://ads-1.tiktokcdn.com',
      'https://api.mypurecloud.de',
      'https://x.example',
    ),
    fc.array(fc.constantFrom(...PIECES, ...MORE, ...WORDS), { maxLength: 30 }).map((p) => p.join('')),
  );

  it('answer as their regex does, run whole (property)', () => {
    fc.assert(
      fc.property(address, ([origin, rest]) => {
        const url = `${origin}/${rest}`;
        const hostname = new URL(origin).hostname;
        for (const f of single) {
          const matched = f.matcher.match(request(origin, { url, hostname })) !== undefined;
          expect([f.filter, matched]).toEqual([f.filter, byRegex(f, url, hostname)]);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('hostnames at the edges of the hostname table', () => {
  const matcher = createTrackerMatcher([compiledMiniList()]);
  const deep = `${Array.from({ length: 200 }, (_, i) => `l${i}`).join('.')}.acme-ads.example`;
  it.each([
    ['a listed domain itself', 'acme-ads.example', 'acme_ads'],
    ['a subdomain several labels deep', 'a.b.c.d.acmecdn.example', 'acme_ads'],
    ['more labels than a hostname may have', deep, 'acme_ads'],
    ['a trailing dot (no listed name ends in one)', 'acme-ads.example.', null],
    ['a listed name inside a label', 'acme-ads.example.evil', null],
    ['a top-level domain alone', 'example', null],
    ['an empty hostname', '', null],
    ['a lone dot', '.', null],
    ['a prototype member name', '__proto__', null],
    ['a prototype member name under a listed domain', 'constructor.acme-ads.example', 'acme_ads'],
  ])('%s: %s → %s', (_, hostname, expected) => {
    expect(matcher.matchHostname(hostname)?.company.id ?? null).toBe(expected);
    const url = `https://${hostname}/x`;
    expect(matcher.match({ ...request('https://a.example/'), url, hostname })?.company.id ?? null).toBe(expected);
  });
});

describe('isSubdomainOf', () => {
  it.each([
    ['a.example', 'a.example', true],
    ['x.a.example', 'a.example', true],
    ['xa.example', 'a.example', false],
    ['a.example.org', 'a.example', false],
  ])('%s under %s: %s', (host, site, expected) => {
    expect(isSubdomainOf(host, site)).toBe(expected);
  });
});
