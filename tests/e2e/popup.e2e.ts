import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from '../../scripts/browser.ts';
import { type FakeInternet, startFakeInternet } from '../../scripts/fake-internet.ts';
import { PopupPage, tabIdOf } from './popup-page.ts';
import { ARTICLE_COMPANIES, ARTICLE_UNLISTED, META_PAGE, NEWS, TEST_SITES } from './test-site.ts';

let internet: FakeInternet;
let browser: ExtensionBrowser;

beforeAll(async () => {
  internet = await startFakeInternet(TEST_SITES);
  browser = await launchWithExtension({ port: internet.port });
});
afterAll(async () => {
  await browser?.close();
  await internet?.close();
});

/** Opens a page and waits until the network is quiet, so the server's log is complete. */
async function visit(url: string) {
  const page = await browser.context.newPage();
  await page.goto(url, { waitUntil: 'networkidle' });
  return { page, tabId: await tabIdOf(browser.context, browser.extensionId, url) };
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
    const expected = Object.fromEntries(
      Object.entries(ARTICLE_COMPANIES).map(([name, hosts]) => [name, internet.requestsTo([...hosts]).length]),
    );
    // Each company was reached at least once: the counts are not trivially equal.
    expect(Object.values(expected).every((n) => n > 0)).toBe(true);
    expect(expected.Google).toBe(3);

    const popup = await PopupPage.open(browser.context, browser.extensionId, tabId);
    expect(await eventually(() => popup.counts('companies'), expected)).toEqual(expected);
    expect(await popup.text('site')).toContain('news-site.example');
    expect(await popup.domains('Microsoft')).toEqual(['bat.bing.com', 'ib.adnxs.com']);
    await popup.close();
  });

  it('lists the unlisted third party on its own, and no first-party host anywhere', async () => {
    const url = `https://${NEWS}/article.html`;
    const tabId = await tabIdOf(browser.context, browser.extensionId, url);
    const popup = await PopupPage.open(browser.context, browser.extensionId, tabId);
    const expected = Object.fromEntries(
      Object.entries(ARTICLE_UNLISTED).map(([name, hosts]) => [name, internet.requestsTo([...hosts]).length]),
    );
    expect(await eventually(() => popup.counts('unlisted'), expected)).toEqual(expected);
    const text = await popup.page.locator('[data-testid="companies"], [data-testid="unlisted"]').allTextContents();
    expect(text.join(' ')).not.toContain('news-site.example');
    expect(internet.requestsTo(['static.news-site.example']).length).toBe(1);
    await popup.close();
  });

  it("treats a site owner's own CDN as first party (fbcdn.net on a Meta page)", async () => {
    const url = `https://${META_PAGE}/disclosed-test.html`;
    const { tabId } = await visit(url);
    expect(internet.requestsTo(['static.xx.fbcdn.net']).length).toBe(1);
    const popup = await PopupPage.open(browser.context, browser.extensionId, tabId);
    expect(await eventually(() => popup.counts('companies'), { Google: 1 })).toEqual({ Google: 1 });
    expect(await popup.page.locator('[data-testid="unlisted"]').count()).toBe(0);
    await popup.close();
  });
});
