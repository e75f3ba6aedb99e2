import { describe, expect, it } from 'vitest';
import { BROWSER_SITE, classifyRequest, firstPartySite } from '../../../lib/classify/classify.ts';
import { isOnSite, parseAddress, parseWebUrl, siteFromInput, siteOf } from '../../../lib/classify/domain.ts';
import { createTrackerMatcher } from '../../../lib/trackers/matcher.ts';
import { realTrackerList } from '../fixture-lists.ts';
import { observed } from '../requests.ts';

const matcher = createTrackerMatcher([realTrackerList()]);

const req = observed;

describe('siteOf and parseWebUrl', () => {
  it.each([
    ['www.bbc.co.uk', 'bbc.co.uk'],
    ['a.b.example.com', 'example.com'],
    ['alice.github.io', 'alice.github.io'],
    ['127.0.0.1', '127.0.0.1'],
    ['localhost', 'localhost'],
    ['WWW.Example.COM.', 'example.com'],
  ])('%s → %s', (host, site) => {
    expect(siteOf(host)).toBe(site);
  });

  it.each([
    'about:blank',
    'data:text/html,hi',
    'chrome://settings',
    'chrome-extension://abc/popup.html',
    'not a url',
    '',
    'http://',
  ])('%j is not a web address', (url) => {
    expect(parseWebUrl(url)).toBeUndefined();
  });
});

describe('parseAddress', () => {
  it.each([
    ['https://www.example.com/a/b?q=1#f', 'www.example.com', '/a/b'],
    ['https://www.example.com', 'www.example.com', '/'],
    ['https://www.example.com:8443/x', 'www.example.com', '/x'],
    ['http://example.com./x', 'example.com', '/x'],
    ['https://example.com?x=/y', 'example.com', '/'],
    ['wss://live.example.com/socket', 'live.example.com', '/socket'],
    // Not canonical: through the URL parser.
    ['https://WWW.Example.COM/Path', 'www.example.com', '/Path'],
    ['https://user:pw@tracker.example/p', 'tracker.example', '/p'],
    ['https://[::1]:8080/x', '::1', '/x'],
    ['https://bücher.example/x', 'xn--bcher-kva.example', '/x'],
  ])('%s → %s %s', (url, hostname, path) => {
    expect(parseAddress(url)).toEqual({ hostname, path });
  });

  it.each(['https://', 'https://./x', 'https://a..b/x', 'https://exa mple.com/'])('%j is rejected', (url) => {
    expect(parseAddress(url)).toBeUndefined();
  });
});

describe('siteFromInput', () => {
  it.each([
    ['https://www.News.example/a?b', 'news.example'],
    ['news.example', 'news.example'],
    ['  www.bbc.co.uk/news ', 'bbc.co.uk'],
    ['http://127.0.0.1:8080/', '127.0.0.1'],
    ['', undefined],
    ['not a site', undefined],
    ['localhost', undefined],
  ])('%j → %s', (input, site) => {
    expect(siteFromInput(input)).toBe(site);
  });
});

describe('isOnSite', () => {
  it.each([
    ['news.example.com', 'example.com', true],
    ['example.com', 'example.com', true],
    ['badexample.com', 'example.com', false],
    ['example.com.evil.net', 'example.com', false],
    ['static.bbc.co.uk', 'bbc.co.uk', true],
    // blogspot.com is a (private) public suffix: each blog is a site of its own.
    ['alice.blogspot.com', 'blogspot.com', false],
  ])('%s on %s: %s', (host, site, expected) => {
    expect(isOnSite(host, site)).toBe(expected);
  });
});

describe('firstPartySite', () => {
  it.each([
    [
      'the top-level URL the browser gave',
      req('https://t.example/', { topLevelUrl: 'https://www.news.example/a' }),
      'https://other.example/',
      'news.example',
    ],
    [
      'the tab, for a request in an iframe',
      req('https://t.example/', { frameId: 4, initiator: 'https://ib.adnxs.com' }),
      'https://www.news.example/a',
      'news.example',
    ],
    [
      'the tab, for an about:blank frame',
      req('https://t.example/', { frameId: 4 }),
      'https://www.news.example/',
      'news.example',
    ],
    [
      'the initiator, with no tab',
      req('https://t.example/', { tabId: -1, initiator: 'https://shop.example' }),
      undefined,
      'shop.example',
    ],
    ['"browser" with no tab and no initiator', req('https://t.example/', { tabId: -1 }), undefined, BROWSER_SITE],
    [
      'the initiator, when the tab is unknown',
      req('https://t.example/', { initiator: 'https://x.example' }),
      undefined,
      'x.example',
    ],
  ])('comes from %s', (_, request, tabUrl, expected) => {
    expect(firstPartySite(request, tabUrl)).toBe(expected);
  });
});

describe('classifyRequest', () => {
  it.each([
    // page site, request URL, expected kind, expected company
    ['news.example', 'https://www.google-analytics.com/collect?v=1', 'tracker', 'google'],
    ['news.example', 'https://connect.facebook.net/en_US/fbevents.js', 'tracker', 'facebook'],
    ['news.example', 'https://cdn.unlisted-widgets.example/w.js', 'unlisted', 'site:unlisted-widgets.example'],
    ['news.example', 'https://static.news.example/style.css', 'first-party', undefined],
    ['news.example', 'https://news.example/api', 'first-party', undefined],
    // Same owner: Meta's CDN on a Meta site, Google's analytics on a Google site.
    ['facebook.com', 'https://static.xx.fbcdn.net/rsrc.php/x.js', 'first-party', undefined],
    ['youtube.com', 'https://www.google-analytics.com/collect', 'first-party', undefined],
    ['facebook.com', 'https://www.google-analytics.com/collect', 'tracker', 'google'],
    [BROWSER_SITE, 'https://www.google-analytics.com/collect', 'tracker', 'google'],
  ])('on %s, %s is %s', (site, url, kind, company) => {
    const result = classifyRequest(req(url), site, matcher);
    expect(result.kind).toBe(kind);
    if (company) expect('company' in result ? result.company.id : undefined).toBe(company);
  });

  it.each([
    ['a navigation', req('https://www.news.example/', { type: 'main_frame' }), 'navigation'],
    ['a data: URL', req('data:image/png;base64,AAAA'), 'not-web'],
    ['an extension resource', req('chrome-extension://abc/x.js'), 'not-web'],
    ['a malformed URL', req('https://exa mple.com/%%%'), 'not-web'],
  ])('ignores %s', (_, request, reason) => {
    expect(classifyRequest(request, 'news.example', matcher)).toEqual({ kind: 'ignored', reason });
  });

  it('keeps only the path (no query) of a request, capped in length', () => {
    const result = classifyRequest(
      req(`https://www.google-analytics.com/${'a'.repeat(500)}?cid=1`),
      'news.example',
      matcher,
    );
    expect(result.kind).toBe('tracker');
    if (result.kind === 'tracker') {
      expect(result.path).not.toContain('cid');
      expect(result.path.length).toBe(200);
    }
  });
});
