import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { letterHref, logHref } from '../../components/routes.ts';
import { type FakeInternet, type SiteMap, startFakeInternet } from '../../scripts/fake-internet.ts';
import { type DohServer, startDoh } from './doh.ts';
import { type ExtensionFirefox, everythingStored, launchFirefox, type WebExtensionGlobal } from './firefox.ts';

// CNAME uncloaking in real Firefox. The lane's proxy resolves every name itself, hiding DNS from Firefox; this browser
// has no proxy and resolves names through a loopback DNS-over-HTTPS resolver (Trusted Recursive Resolver only,
// `network.trr.mode` 3) that makes a shop's analytics subdomain an alias of a tracker's host, as sites that hide
// Adobe Analytics or Eulerian behind their own subdomain set it up. Every name resolves to 127.0.0.1, where the fake
// internet listens on its own port, which the pages' addresses carry.
//
// What Firefox ESR 153 does (seen here, about:networking#dns): the DNS cache entry a page's request leaves is keyed by
// the page's partition (`^partitionKey=(https,shop.example)`, Total Cookie Protection's network partitioning),
// and `dns.resolve` looks names up under the unpartitioned key. With 'offline' (cache only, the one lookup Disclosed
// makes) it therefore finds none of a page's names: the first test shows that nothing is then claimed and that
// Disclosed sent no DNS query. The second puts the name in the unpartitioned cache first — the test does, through the
// API, as any earlier unpartitioned lookup of the name would — and shows the uncloaking end to end.

/** A shop whose page sends two analytics hits through `tracker` and loads its stylesheet from `own` (no alias). */
function shop(host: string, tracker: string, own: string, path: string): SiteMap {
  const hit = (n: number) =>
    `const img${n} = new Image(); img${n}.alt = ""; img${n}.src = "https://${tracker}:" + location.port + "${path}?hit=${n}&mid=12345678901234567890"; document.documentElement.append(img${n});`;
  return {
    [host]: {
      '/index.html':
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title>' +
        '<link rel="icon" href="data:,"><script>' +
        `document.write('<link rel="stylesheet" href="https://${own}:' + location.port + '/site.css">');` +
        `${hit(1)} ${hit(2)}</script></head><body><h1>Shop</h1></body></html>`,
    },
    [own]: { '/site.css': { type: 'text/css', body: 'h1 { color: teal }' } },
  };
}

// Cold: nothing but the page ever resolved its names.
const COLD = {
  shop: 'www.cname-shop.example',
  tracker: 'metrics.cname-shop.example',
  own: 'static.cname-shop.example',
};
const COLD_CANONICAL = 'cname-shop.example.sc.omtrdc.net';
// Warm: the unpartitioned cache holds the tracker's name.
const WARM = {
  shop: 'www.cloaked-store.example',
  tracker: 'ea.cloaked-store.example',
  own: 'img.cloaked-store.example',
};
const WARM_CANONICAL = 'cloaked-store.eulerian.net';

const SITES: SiteMap = {
  ...shop(COLD.shop, COLD.tracker, COLD.own, '/b/ss/cnameshopprod/1/JS-2.22.0/s1'),
  ...shop(WARM.shop, WARM.tracker, WARM.own, '/col2/-/1700000000'),
};

/** Prefs for Firefox to take names from the loopback resolver only, and to accept its answers (all 127.0.0.1). */
function trrPrefs(uri: string): Record<string, string | number | boolean> {
  return {
    'network.trr.mode': 3,
    'network.trr.uri': uri,
    'network.trr.custom_uri': uri,
    // Its own address is a literal: nothing to bootstrap, but mode 3 wants one (the pref's old and new names).
    'network.trr.bootstrapAddr': '127.0.0.1',
    'network.trr.bootstrapAddress': '127.0.0.1',
    // TRR refuses local addresses in answers unless told otherwise.
    'network.trr.allow-rfc1918': true,
    // No confirmation query, no captive-portal or connectivity probes, no rollout heuristics.
    'network.trr.confirmationNS': 'skip',
    'network.trr.excluded-domains': '',
    'network.trr.wait-for-portal': false,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'doh-rollout.disable-heuristics': true,
    // A queries only: no AAAA, no HTTPS records.
    'network.dns.disableIPv6': true,
    'network.dns.upgrade_with_https_rr': false,
    'network.dns.use_https_rr_as_altsvc': false,
    'network.dns.native_https_query': false,
  };
}

interface Card {
  name: string | null | undefined;
  requests: number;
  domains: string | null | undefined;
  via: (string | null)[];
}

describe('Firefox (firefox-mv2), DNS through a loopback resolver: a tracker behind a subdomain of the site', () => {
  let internet: FakeInternet;
  let doh: DohServer;
  let firefox: ExtensionFirefox;

  beforeAll(async () => {
    internet = await startFakeInternet(SITES);
    doh = await startDoh({ [COLD.tracker]: COLD_CANONICAL, [WARM.tracker]: WARM_CANONICAL });
    // The certificate of the resolver is accepted as the fake internet's is (acceptInsecureCerts covers TRR too).
    firefox = await launchFirefox({ port: internet.port, proxy: false, prefs: trrPrefs(doh.uri) });
  });
  afterAll(async () => {
    await firefox?.close();
    await doh?.close();
    await internet?.close();
  });

  const asked = (host: string) => doh.questions.filter((q) => q.name === host).length;

  async function visit(host: string): Promise<number> {
    const url = `https://${host}:${internet.port}/index.html`;
    const page = await firefox.browser.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await internet.settled();
    return firefox.tabIdOf(url);
  }

  async function popupCards(tabId: number, screenshot?: string): Promise<Card[]> {
    const view: Page = await firefox.open(`popup.html?tabId=${tabId}`);
    await view.setViewport({ width: 400, height: 800 });
    await view.waitForSelector('main[aria-busy="false"]');
    const cards = await view.$$eval('[data-testid="recipient"]', (items) =>
      items.map((li) => ({
        name: li.querySelector('[data-testid="company-name"]')?.textContent,
        requests: Number(li.querySelector('[data-testid="requests"]')?.getAttribute('data-count')),
        domains: li.querySelector('[data-testid="domains"]')?.textContent,
        via: [...li.querySelectorAll('[data-testid="via"]')].map((p) => p.textContent),
      })),
    );
    const dir = process.env.E2E_SCREENSHOTS;
    if (dir && screenshot) await view.screenshot({ path: `${dir}/${screenshot}.png`, fullPage: true });
    await view.close();
    return cards;
  }

  function badge(tabId: number): Promise<string> {
    return firefox.inExtension((id: number) => {
      const { browser } = globalThis as unknown as WebExtensionGlobal;
      const button = browser.action ?? browser.browserAction;
      if (!button) throw new Error('no toolbar button API');
      return button.getBadgeText({ tabId: id });
    }, tabId);
  }

  type Stored = { host: string; site: string; company: string; cname?: string };
  async function storedEvents(): Promise<Stored[]> {
    return (JSON.parse(await everythingStored(firefox)) as { events: Stored[] }).events;
  }

  /** A dashboard page at 1280×800, once `selector` shows; saved when `E2E_SCREENSHOTS` names a directory. */
  async function dashboard(hash: string, selector: string, screenshot: string): Promise<Page> {
    const page = await firefox.open(`options.html${hash}`);
    await page.setViewport({ width: 1280, height: 800 });
    await page.waitForSelector(selector, { timeout: 15_000 });
    const dir = process.env.E2E_SCREENSHOTS;
    if (dir) await page.screenshot({ path: `${dir}/${screenshot}.png`, fullPage: true });
    return page;
  }

  it('claims nothing, and sends no DNS query, when only the page’s partition of the cache holds the name', async () => {
    const tabId = await visit(COLD.shop);
    expect(internet.requestsTo([COLD.tracker]).length).toBe(2);
    expect(await popupCards(tabId)).toEqual([]);
    expect(await badge(tabId)).toBe('');
    expect((await storedEvents()).filter((e) => e.site === 'cname-shop.example')).toEqual([]);
    // Asked once, by the page: Disclosed's cache-only lookup missed and went nowhere.
    expect(asked(COLD.tracker)).toBe(1);
  });

  it('names the tracker, reached via the subdomain, once the name is in the cache it may read', async () => {
    // An unpartitioned lookup of the name (made here by the test, through the same API): the resolver's one question.
    const canonical = await firefox.inExtension(
      async (host: string) =>
        (
          await (
            globalThis as unknown as {
              browser: { dns: { resolve(h: string, f: string[]): Promise<{ canonicalName?: string }> } };
            }
          ).browser.dns.resolve(host, ['canonical_name'])
        ).canonicalName,
      WARM.tracker,
    );
    expect(canonical).toBe(WARM_CANONICAL);
    expect(asked(WARM.tracker)).toBe(1);

    const tabId = await visit(WARM.shop);
    const hits = internet.requestsTo([WARM.tracker]).length;
    expect(hits).toBe(2);
    expect(internet.requestsTo([WARM.own]).length).toBe(1);
    expect(await popupCards(tabId, 'firefox-cname-popup')).toEqual([
      {
        name: 'Eulerian Technologies',
        requests: hits,
        domains: WARM.tracker,
        via: [`Via ${WARM.tracker}, a subdomain of cloaked-store.example whose DNS entry points to ${WARM_CANONICAL}`],
      },
    ]);
    expect(await badge(tabId)).toBe('1');
    const events = (await storedEvents()).filter((e) => e.site === 'cloaked-store.example');
    expect(events.map((e) => [e.host, e.cname])).toEqual([
      [WARM.tracker, WARM_CANONICAL],
      [WARM.tracker, WARM_CANONICAL],
    ]);
    // The page's own (partitioned) lookup is the only other question: Disclosed asked the network nothing.
    expect(asked(WARM.tracker)).toBe(2);

    // The site's request log says it on each row; the letter's evidence names the subdomain and the alias.
    const via = `Via ${WARM.tracker}, a subdomain of cloaked-store.example whose DNS entry points to ${WARM_CANONICAL}`;
    const log = await dashboard(
      logHref({ site: 'cloaked-store.example' }),
      '[data-testid="log-via"]',
      'firefox-cname-log',
    );
    expect(await log.$$eval('[data-testid="log-via"]', (rows) => rows.map((r) => r.textContent))).toEqual([via, via]);
    await log.close();
    const company = events[0]?.company ?? '';
    const letter = await dashboard(letterHref(company), '[data-testid="letter-body"]', 'firefox-cname-letter');
    const body = await letter.$eval('[data-testid="letter-body"]', (t) => (t as HTMLTextAreaElement).value);
    expect(body).toContain(
      `Among them are requests to ${WARM.tracker}, a subdomain of the website cloaked-store.example, which my browser counted as yours because its DNS entry was an alias (CNAME) of ${WARM_CANONICAL}, one of your domains.`,
    );
    // The subdomain is not called one of the company's domains.
    expect(body).not.toContain(`Your domains that received data: ${WARM.tracker}`);
    await letter.close();
  });
});
