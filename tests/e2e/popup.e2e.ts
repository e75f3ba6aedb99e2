import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { storedEvents } from './extension-db.ts';
import { PopupPage, tabIdOf } from './popup-page.ts';
import { useExtensionBrowser } from './setup.ts';
import { ARTICLE_COMPANIES, ARTICLE_UNLISTED, META_PAGE, NEWS, TEST_SITES } from './test-site.ts';

const env = useExtensionBrowser(TEST_SITES);

/** Opens a page and waits until the network is quiet, so the server's log is complete. */
async function visit(url: string) {
  const page = await env.browser.context.newPage();
  await page.goto(url, { waitUntil: 'networkidle' });
  return { page, tabId: await tabIdOf(env.browser.context, env.browser.extensionId, url) };
}

/** Polls until `read` returns a value equal to `expected` or the time is up; returns the last value read. */
async function eventually<T>(read: () => Promise<T>, expected: T, timeoutMs = 3000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (JSON.stringify(last) !== JSON.stringify(expected) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    last = await read();
  }
  return last;
}

describe('popup on a news article', () => {
  it('names each company with the number of requests the server received from the page', async () => {
    const url = `https://${NEWS}/article.html`;
    const { tabId } = await visit(url);
    // The request the server hangs up on is one request, though Chromium may retry it on a reused connection (seen:
    // the server logs it twice, the page made it once).
    const made = (hosts: readonly string[]) => {
      const hits = env.internet.requestsTo([...hosts]);
      const dropped = new Set(hits.filter((r) => r.path.startsWith('/drop/')).map((r) => `${r.host}${r.path}`));
      return hits.filter((r) => !r.path.startsWith('/drop/')).length + dropped.size;
    };
    const expected = Object.fromEntries(Object.entries(ARTICLE_COMPANIES).map(([name, hosts]) => [name, made(hosts)]));
    // Each company was reached at least once: the counts are not trivially equal.
    expect(Object.values(expected).every((n) => n > 0)).toBe(true);
    expect(expected.Google).toBe(3);

    const popup = await PopupPage.open(env.browser.context, env.browser.extensionId, tabId);
    expect(await eventually(() => popup.counts('companies'), expected)).toEqual(expected);
    expect(await popup.text('site')).toContain('news-site.example');
    expect(await popup.domains('Microsoft')).toEqual(['bat.bing.com', 'ib.adnxs.com']);
    // Google got two analytics hits and an advertising redirect: both categories are named, the main one first.
    expect(await popup.page.locator('[data-company="google"] [data-testid="categories"]').textContent()).toBe(
      'Site analytics, Advertising',
    );
    // The country comes with the names the popup draws from (not with the details it never loads).
    expect(await popup.page.locator('[data-company="google"] .country').textContent()).toBe('Country: United States');
    // The request the server hung up on reached it, and is shown as failed.
    expect(env.internet.log.some((r) => r.path.startsWith('/drop/'))).toBe(true);
    const microsoft = popup.page.locator('[data-company="microsoft"]');
    expect(await microsoft.textContent()).toContain('1 blocked, failed or from the cache');
    await popup.close();
  });

  it("attributes requests from the site's own service worker (no tab) to the site", async () => {
    const page = await env.browser.context.newPage();
    await page.goto(`https://${NEWS}/with-worker.html`);
    await page.waitForFunction(() => document.title === 'worker ready', undefined, { timeout: 10_000 });
    const fromWorker = async () =>
      (await storedEvents(env.browser.context, env.browser.extensionId)).filter(
        (e) => e.tabId === -1 && e.company === 'google',
      );
    const deadline = Date.now() + 5000;
    let events = await fromWorker();
    while (!events.length && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      events = await fromWorker();
    }
    expect(env.internet.log.some((r) => r.path === '/collect?from=sw')).toBe(true);
    expect(events.map((e) => [e.site, e.page])).toEqual([['news-site.example', 'site:news-site.example']]);
    await page.close();
  });

  it('lists the unlisted third party on its own, and no first-party host anywhere', async () => {
    const url = `https://${NEWS}/article.html`;
    const tabId = await tabIdOf(env.browser.context, env.browser.extensionId, url);
    const popup = await PopupPage.open(env.browser.context, env.browser.extensionId, tabId);
    const expected = Object.fromEntries(
      Object.entries(ARTICLE_UNLISTED).map(([name, hosts]) => [name, env.internet.requestsTo([...hosts]).length]),
    );
    expect(await eventually(() => popup.counts('unlisted'), expected)).toEqual(expected);
    // No entry is the site itself (its address may appear as a value sent, in an example request).
    const names = await popup.page.locator('[data-testid="company-name"], [data-testid="domains"]').allTextContents();
    expect(names.join(' ')).not.toContain('news-site.example');
    expect(env.internet.requestsTo(['static.news-site.example']).length).toBe(1);
    await popup.close();
  });

  it("treats a site owner's own CDN as first party (fbcdn.net on a Meta page)", async () => {
    const url = `https://${META_PAGE}/disclosed-test.html`;
    const { tabId } = await visit(url);
    expect(env.internet.requestsTo(['static.xx.fbcdn.net']).length).toBe(1);
    const popup = await PopupPage.open(env.browser.context, env.browser.extensionId, tabId);
    expect(await eventually(() => popup.counts('companies'), { Google: 1 })).toEqual({ Google: 1 });
    expect(await popup.page.locator('[data-testid="unlisted"]').count()).toBe(0);
    await popup.close();
  });
});

describe('popup answers first', () => {
  it('sums up who got what, as the server saw it, before any card, and orders the cards the same way', async () => {
    const url = `https://${NEWS}/article.html?summary`;
    const { tabId } = await visit(url);
    const popup = await PopupPage.open(env.browser.context, env.browser.extensionId, tabId);
    const reached = Object.entries({ ...ARTICLE_COMPANIES, ...ARTICLE_UNLISTED }).filter(
      ([, hosts]) => env.internet.requestsTo([...hosts]).length > 0,
    );
    const summaryNames = () => popup.page.locator('[data-testid="summary"] strong').allTextContents();
    const names = await eventually(async () => (await summaryNames()).length, reached.length);
    expect(names).toBe(reached.length);
    // Every company the server heard from is named (five: no clause has to count any), and no other.
    expect((await summaryNames()).toSorted()).toEqual(reached.map(([name]) => name).toSorted());
    const summary = (await popup.text('summary')) ?? '';
    // The list of names follows Chromium's locale (en-US: a serial comma).
    expect(summary).toMatch(
      /^Google got which site you were on and an identifier; Microsoft, Meta,? and unlisted-widgets\.example got which site you were on; Magnite got only what every request carries \(your IP address and browser\)\.$/,
    );
    // What the server received backs each clause: Google's hit carried its client id (cid); the others were sent
    // the news site's origin as Referer, and nothing more the page put in their addresses; Magnite's pixel was
    // requested from the ad frame, so it never learned the news site.
    const sent = (name: keyof typeof ARTICLE_COMPANIES | keyof typeof ARTICLE_UNLISTED) =>
      env.internet.requestsTo([...{ ...ARTICLE_COMPANIES, ...ARTICLE_UNLISTED }[name]]);
    expect(sent('Google').some((r) => /[?&]cid=/.test(r.path))).toBe(true);
    for (const name of ['Google', 'Microsoft', 'Meta', 'unlisted-widgets.example'] as const) {
      expect(sent(name).some((r) => r.referer === `https://${NEWS}/`)).toBe(true);
    }
    expect(sent('Magnite').every((r) => !r.referer.includes('news-site') && !r.path.includes('news-site'))).toBe(true);

    // The summary is the first thing under the site's name, and the cards follow its order.
    const order = await popup.page.$$eval('main > *', (els) =>
      els.map((e) => e.getAttribute('data-testid') ?? e.tagName),
    );
    expect(order.indexOf('summary')).toBeLessThan(order.indexOf('SECTION'));
    const cards = await popup.page.locator('[data-testid="companies"] [data-testid="company-name"]').allTextContents();
    expect(cards).toEqual(['Google', 'Microsoft', 'Meta', 'Magnite']);
    await popup.close();
  });

  it('puts the email address first, though it took fewer requests, and says which request carried it', async () => {
    const url = 'https://www.shoe-shop.example/p/42.html';
    const { tabId } = await visit(url);
    const popup = await PopupPage.open(env.browser.context, env.browser.extensionId, tabId);
    await eventually(() => popup.counts('unlisted').then((c) => Object.keys(c).length), 3);
    // The server got the email address (base64 JSON in `data`) at px.example-ads.com only.
    const withEmail = env.internet.log.filter((r) => {
      const data = new URL(r.path, 'https://x.example').searchParams.get('data');
      return data !== null && Buffer.from(data, 'base64').toString().includes('jane.doe@example.com');
    });
    expect(withEmail.map((r) => r.host)).toEqual(['px.example-ads.com']);
    expect(await popup.text('summary')).toMatch(/^example-ads\.com got your email address and an identifier; /);
    // Most requests first would put the recorder last (one request each, and "example-" sorts first); the
    // recording of the mouse and keys is more revealing than the page's address.
    const unlisted = await popup.page
      .locator('[data-testid="unlisted"] [data-testid="company-name"]')
      .allTextContents();
    expect(unlisted).toEqual(['example-ads.com', 'unknown-recorder.example', 'example-analytics.com']);
    await popup.close();
  });

  it("makes each company's name the largest line of its card, and breaks no example table header", async () => {
    const url = 'https://www.shoe-shop.example/p/42.html';
    const tabId = await tabIdOf(env.browser.context, env.browser.extensionId, url).catch(
      async () => (await visit(url)).tabId,
    );
    const popup = await PopupPage.open(env.browser.context, env.browser.extensionId, tabId);
    // The popup's real size.
    await popup.page.setViewportSize({ width: 400, height: 600 });
    await popup.page.waitForSelector('[data-testid="example"]', { state: 'attached' });
    await popup.page.$$eval('details.example', (all) => {
      for (const d of all) (d as HTMLDetailsElement).open = true;
    });
    const cards = await popup.page.$$eval('[data-testid="recipient"]', (items) =>
      items.map((li) => {
        const name = li.querySelector('[data-testid="company-name"]') as HTMLElement;
        const size = (e: Element) => Number.parseFloat(getComputedStyle(e).fontSize);
        const texts = [...li.querySelectorAll('*')].filter((e) =>
          [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim()),
        );
        return {
          name: name.textContent,
          size: size(name),
          weight: Number(getComputedStyle(name).fontWeight),
          largestOther: Math.max(...texts.filter((e) => e !== name).map(size)),
          smallest: Math.min(...texts.map(size)),
        };
      }),
    );
    expect(cards.length).toBe(5);
    for (const card of cards) {
      expect(card.size, card.name ?? '').toBeGreaterThanOrEqual(16);
      expect(card.weight, card.name ?? '').toBeGreaterThanOrEqual(700);
      expect(card.largestOther, card.name ?? '').toBeLessThan(card.size);
      expect(card.smallest, card.name ?? '').toBeGreaterThanOrEqual(14);
    }
    const headers = await popup.page.$$eval('[data-testid="example"] th', (ths) =>
      ths.map((th) => {
        const range = document.createRange();
        range.selectNodeContents(th);
        // One line box: every rectangle of the text on the first one's line.
        const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        return { text: th.textContent, lines: tops.size, fits: th.scrollWidth <= th.clientWidth };
      }),
    );
    expect(headers.length).toBe(5 * 3);
    expect(headers.filter((h) => h.lines !== 1 || !h.fits)).toEqual([]);
    await popup.close();
  });
});

describe('popup, live', () => {
  it('shows a request made while it is open within a second', async () => {
    const url = `https://${NEWS}/empty.html`;
    const { page, tabId } = await visit(url);
    const popup = await PopupPage.open(env.browser.context, env.browser.extensionId, tabId);
    expect(await popup.text('nothing-shared')).toContain('No third party');
    const sent = Date.now();
    await page.evaluate(() => {
      new Image().src = 'https://analytics.tiktok.com/api/v2/pixel?event=Pageview';
    });
    await popup.page.waitForSelector('[data-testid="companies"] [data-company="bytedance_inc"]', { timeout: 1000 });
    expect(Date.now() - sent).toBeLessThan(1000);
    expect(await popup.counts('companies')).toEqual({ 'ByteDance Inc': 1 });
    await popup.close();
    await page.close();
  });

  it('sets the toolbar badge to the number of companies that received data on the tab', async () => {
    const url = `https://${NEWS}/article.html?badge`;
    const { page, tabId } = await visit(url);
    const helper = await env.browser.context.newPage();
    await helper.goto(`chrome-extension://${env.browser.extensionId}/options.html`);
    const readBadge = () =>
      helper.evaluate(
        (id) =>
          (
            globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }
          ).chrome.action.getBadgeText({ tabId: id }),
        tabId,
      );
    // Four named companies and one unlisted third party received data.
    expect(await eventually(readBadge, '5')).toBe('5');
    await helper.close();
    await page.close();
  });

  it('records nothing while paused from the popup, and again once resumed', async () => {
    const url = `https://${NEWS}/empty.html?paused`;
    const { page, tabId } = await visit(url);
    const popup = await PopupPage.open(env.browser.context, env.browser.extensionId, tabId);
    await popup.page.click('[data-testid="pause"]');
    await popup.page.waitForSelector('[data-testid="unobserved"][data-reason="paused"]');
    await page.evaluate(() => {
      new Image().src = 'https://static.hotjar.com/c/hotjar-1.js?paused';
    });
    await new Promise((r) => setTimeout(r, 700));
    expect(await popup.page.locator('[data-testid="recipient"]').count()).toBe(0);
    // The paused notice is where to resume.
    await popup.page.click('[data-testid="observe-action"]');
    await popup.page.waitForSelector('[data-reason="paused"]', { state: 'detached' });
    await page.evaluate(() => {
      new Image().src = 'https://static.hotjar.com/c/hotjar-1.js?resumed';
    });
    expect(await eventually(() => popup.counts('companies'), { Hotjar: 1 })).toEqual({ Hotjar: 1 });
    await popup.close();
    await page.close();
  });

  it('says when the tab shows a browser page', async () => {
    const page = await env.browser.context.newPage();
    await page.goto('about:blank');
    const helper = await env.browser.context.newPage();
    await helper.goto(`chrome-extension://${env.browser.extensionId}/options.html`);
    const tabId = await helper.evaluate(async () => {
      const { chrome } = globalThis as unknown as {
        chrome: { tabs: { query(q: object): Promise<{ id: number; url: string }[]> } };
      };
      return (await chrome.tabs.query({ url: undefined })).find((t) => t.url === 'about:blank')?.id ?? -1;
    });
    await helper.close();
    const popup = await PopupPage.open(env.browser.context, env.browser.extensionId, tabId);
    expect(await popup.text('unobserved')).toContain('browser page');
    await popup.close();
    await page.close();
  });
});

describe('accessibility', () => {
  it('the axe check reports faults where there are some', async () => {
    const { page } = await visit(`https://${NEWS}/inaccessible.html`);
    const ids = (await axeViolations(page)).map((v) => v.id);
    expect(ids).toEqual(expect.arrayContaining(['image-alt', 'button-name']));
    await page.close();
  });

  it('axe-core finds no violations in the popup with companies listed', async () => {
    const url = `https://${NEWS}/article.html`;
    const tabId = await tabIdOf(env.browser.context, env.browser.extensionId, url).catch(
      async () => (await visit(url)).tabId,
    );
    const popup = await PopupPage.open(env.browser.context, env.browser.extensionId, tabId);
    await popup.page.waitForSelector('[data-testid="recipient"]');
    expect(await axeViolations(popup.page)).toEqual([]);
    await popup.close();
  });

  it('axe-core finds no violations in the empty popup and the settings page', async () => {
    const { page, tabId } = await visit(`https://${NEWS}/empty.html?axe`);
    const popup = await PopupPage.open(env.browser.context, env.browser.extensionId, tabId);
    expect(await axeViolations(popup.page)).toEqual([]);
    await popup.close();
    const options = await env.browser.context.newPage();
    await options.goto(`chrome-extension://${env.browser.extensionId}/options.html#/settings`);
    await options.waitForSelector('[data-testid="attribution"]');
    expect(await options.locator('[data-testid="attribution"]').textContent()).toContain('CC BY-NC-SA 4.0');
    expect(await axeViolations(options)).toEqual([]);
    await options.close();
    await page.close();
  });
});
