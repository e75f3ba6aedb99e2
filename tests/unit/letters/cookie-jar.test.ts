import { describe, expect, it } from 'vitest';
import { type BrowserCookie, type CookieReader, mergeCookies, readCookieJar } from '../../../lib/letters/cookie-jar.ts';
import { citableCookies } from '../../../lib/letters/evidence.ts';

// The jar's own logic: merging what several reads return, and the ways of asking a browser that refuses one. That
// the real Chromium API gives partitioned cookies this way is shown by tests/e2e/cookies.e2e.ts.

const cookie = (name: string, value: string, extra: Partial<BrowserCookie> = {}): BrowserCookie => ({
  name,
  value,
  domain: '.criteo.com',
  path: '/',
  secure: true,
  session: false,
  storeId: '0',
  ...extra,
});
const partitioned = (site: string) => ({ partitionKey: { topLevelSite: `https://${site}` } });

/**
 * A browser's cookies, read the way a browser answers `getAll`: the store asked for (or the main one), only
 * unpartitioned cookies unless `partitionKey: {}` is passed, and the domain and its subdomains. `refuses` throws
 * for a query the browser rejects, as Chromium rejects `firstPartyDomain` and Firefox with first-party isolation
 * rejects a query without it.
 */
function browserWith(
  cookies: BrowserCookie[],
  refuses: (details: Record<string, unknown>) => boolean,
  stores: { id: string; incognito?: boolean }[] = [{ id: '0' }],
): CookieReader & { asked: Record<string, unknown>[] } {
  const asked: Record<string, unknown>[] = [];
  return {
    asked,
    getAllCookieStores: async () => stores,
    getAll: async (details) => {
      asked.push(details);
      if (refuses(details)) throw new Error('Invalid details');
      const domain = String(details.domain);
      return cookies.filter(
        (c) =>
          (c.storeId ?? '0') === (details.storeId ?? stores[0]?.id) &&
          (details.partitionKey !== undefined || !c.partitionKey) &&
          (c.domain.replace(/^\./, '') === domain || c.domain.endsWith(`.${domain}`)),
      );
    },
  };
}

const chromium = (cookies: BrowserCookie[], stores?: { id: string; incognito?: boolean }[]) =>
  browserWith(cookies, (d) => 'firstPartyDomain' in d, stores);

describe('mergeCookies', () => {
  it('lists a cookie returned by two overlapping reads once', () => {
    const uid = cookie('uid', 'crt-1');
    expect(mergeCookies([uid, { ...uid }])).toHaveLength(1);
  });

  it('names each site a partitioned copy with the same value was set under, and keeps other values apart', () => {
    const merged = mergeCookies([
      cookie('uid', 'crt-1', partitioned('shop.example')),
      cookie('uid', 'crt-1', partitioned('news.example')),
      cookie('uid', 'crt-2', partitioned('blog.example')),
      cookie('uid', 'crt-3'),
    ]);
    expect(merged.map((c) => [c.value, c.partitions])).toEqual([
      ['crt-1', ['news.example', 'shop.example']],
      ['crt-2', ['blog.example']],
      ['crt-3', []],
    ]);
  });

  it('says nothing of a partition of the company’s own site, and names the site, not its address', () => {
    const [own] = mergeCookies([cookie('uid', 'crt-1', partitioned('criteo.com'))]);
    expect(own?.partitions).toEqual([]);
    const [other] = mergeCookies([
      cookie('uid', 'crt-1', { partitionKey: { topLevelSite: 'https://shop.example:8443' } }),
    ]);
    expect(other?.partitions).toEqual(['shop.example']);
  });

  it('names the first party a cookie is kept for under Firefox’s first-party isolation', () => {
    const [isolated] = mergeCookies([cookie('uid', 'crt-1', { firstPartyDomain: 'shop.example' })]);
    expect(isolated?.partitions).toEqual(['shop.example']);
    const [plain] = mergeCookies([cookie('uid', 'crt-1', { firstPartyDomain: '' })]);
    expect(plain?.partitions).toEqual([]);
  });

  it('names a store other than the main one, in Chromium and Firefox alike', () => {
    const merged = mergeCookies([
      cookie('a', '1', { storeId: '0' }),
      cookie('b', '2', { storeId: 'firefox-default' }),
      cookie('c', '3', { storeId: 'firefox-container-2' }),
      cookie('c', '3', { storeId: 'firefox-container-4' }),
    ]);
    expect(merged.map((c) => [c.name, c.stores])).toEqual([
      ['a', []],
      ['b', []],
      ['c', ['firefox-container-2', 'firefox-container-4']],
    ]);
  });
});

describe('readCookieJar', () => {
  it('finds partitioned cookies beside unpartitioned ones, which a plain getAll({ domain }) misses', async () => {
    const browser = chromium([cookie('uid', 'crt-chips', partitioned('shop.example')), cookie('cto_bundle', 'b-1')]);
    expect(await browser.getAll({ domain: 'criteo.com' })).toHaveLength(1);
    const jar = await readCookieJar(browser, ['criteo.com']);
    expect(jar.unread).toBe(false);
    expect(jar.cookies.map((c) => [c.name, c.partitions])).toEqual([
      ['cto_bundle', []],
      ['uid', ['shop.example']],
    ]);
  });

  it('reads every store but private windows’, and says which store a cookie is in', async () => {
    const browser = browserWith(
      [
        cookie('uid', 'main', { storeId: 'firefox-default' }),
        cookie('uid', 'work', { storeId: 'firefox-container-1' }),
        cookie('uid', 'private', { storeId: 'firefox-private' }),
      ],
      () => false,
      [{ id: 'firefox-default' }, { id: 'firefox-private', incognito: true }, { id: 'firefox-container-1' }],
    );
    const jar = await readCookieJar(browser, ['criteo.com']);
    expect(jar.cookies.map((c) => [c.value, c.stores])).toEqual([
      ['main', []],
      ['work', ['firefox-container-1']],
    ]);
    expect(browser.asked.map((d) => d.storeId)).not.toContain('firefox-private');
  });

  it('retries with firstPartyDomain: null when first-party isolation makes the browser refuse the query', async () => {
    const browser = browserWith(
      [cookie('uid', 'crt-1', partitioned('shop.example'))],
      (d) => !('firstPartyDomain' in d),
    );
    const jar = await readCookieJar(browser, ['criteo.com', 'criteo.net']);
    expect(jar).toEqual({
      unread: false,
      cookies: [expect.objectContaining({ name: 'uid', partitions: ['shop.example'] })],
    });
    // Once a way of asking works, the other reads use it.
    expect(browser.asked.filter((d) => !('firstPartyDomain' in d)).length).toBeLessThanOrEqual(2);
  });

  it('never sends firstPartyDomain to a browser that accepts the first query', async () => {
    const browser = chromium([cookie('uid', 'crt-1')]);
    await readCookieJar(browser, ['criteo.com']);
    expect(browser.asked).toEqual([{ domain: 'criteo.com', storeId: '0', partitionKey: {} }]);
  });

  it('falls back to unpartitioned cookies in a browser that does not know partitionKey', async () => {
    const browser = browserWith([cookie('uid', 'crt-1')], (d) => 'partitionKey' in d || 'firstPartyDomain' in d);
    const jar = await readCookieJar(browser, ['criteo.com']);
    expect(jar.unread).toBe(false);
    expect(jar.cookies.map((c) => c.value)).toEqual(['crt-1']);
  });

  it('reads the page’s own store when the list of stores cannot be had', async () => {
    const browser = chromium([cookie('uid', 'crt-1')]);
    browser.getAllCookieStores = async () => {
      throw new Error('no stores');
    };
    const jar = await readCookieJar(browser, ['criteo.com']);
    expect(jar.cookies.map((c) => c.value)).toEqual(['crt-1']);
    expect(browser.asked[0]).toEqual({ domain: 'criteo.com', partitionKey: {} });
  });

  it('says the cookies were not read, rather than throwing, when the browser refuses every query or has no API', async () => {
    const refusing = browserWith([cookie('uid', 'crt-1')], () => true);
    expect(await readCookieJar(refusing, ['criteo.com'])).toEqual({ cookies: [], unread: true });
    expect(await readCookieJar(undefined, ['criteo.com'])).toEqual({ cookies: [], unread: true });
  });

  it('keeps what one store gave when another refuses', async () => {
    const browser = browserWith(
      [cookie('uid', 'crt-1', { storeId: 'firefox-default' })],
      (d) => d.storeId === 'firefox-container-1',
      [{ id: 'firefox-default' }, { id: 'firefox-container-1' }],
    );
    const jar = await readCookieJar(browser, ['criteo.com']);
    expect(jar.unread).toBe(true);
    expect(jar.cookies.map((c) => c.value)).toEqual(['crt-1']);
  });
});

describe('citableCookies', () => {
  it('keeps where a cookie lives for the composer and the letter, and still leaves out a login cookie', () => {
    const jar = mergeCookies([
      cookie('uid', 'crt-1', partitioned('shop.example')),
      cookie('uid', 'crt-2', { storeId: 'firefox-container-1' }),
      cookie('session_token', 's-1', partitioned('shop.example')),
    ]);
    expect(citableCookies(['gum.criteo.com'], jar)).toEqual([
      { source: 'cookie', name: 'uid', value: 'crt-1', domain: '.criteo.com', partitions: ['shop.example'] },
      { source: 'cookie', name: 'uid', value: 'crt-2', domain: '.criteo.com', stores: ['firefox-container-1'] },
    ]);
  });
});
