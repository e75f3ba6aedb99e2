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
    await popup.page.waitForSelector('[data-testid="paused"]');
    await page.evaluate(() => {
      new Image().src = 'https://static.hotjar.com/c/hotjar-1.js?paused';
    });
    await new Promise((r) => setTimeout(r, 700));
    expect(await popup.page.locator('[data-testid="recipient"]').count()).toBe(0);
    await popup.page.click('[data-testid="pause"]');
    await popup.page.waitForSelector('[data-testid="paused"]', { state: 'detached' });
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
    expect(await popup.text('browser-page')).toContain('browser page');
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
