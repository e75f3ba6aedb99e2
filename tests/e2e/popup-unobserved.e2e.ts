import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type ChromeGlobal, inExtensionPage } from '../../scripts/browser.ts';
import type { SiteMap } from '../../scripts/fake-internet.ts';
import { axeViolations } from './axe.ts';
import { PopupPage, tabIdOf } from './popup-page.ts';
import { useExtensionBrowser } from './setup.ts';
import { NEWS, TEST_SITES } from './test-site.ts';

// The popup where Disclosed cannot see (all of) what the page sends: it says so and why, offers what mends it, and
// never says that no third party received a request.
const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>` +
  `<link rel="icon" href="data:,"></head><body><h1>${title}</h1>${body}</body></html>`;

// With the back/forward cache on, as users have it: a page shown again from it fires no request.
const BF_PAGE = '/cached/back-forward.html';
const DOWNLOADS = '/cached/downloads.html';
const SITES: SiteMap = {
  ...TEST_SITES,
  [NEWS]: {
    ...TEST_SITES[NEWS],
    // Cacheable (a page sent with no-store is never kept in the back/forward cache); says when it came back from it.
    [BF_PAGE]: page(
      'Back and forward',
      '<img alt="" src="https://www.google-analytics.com/collect?v=1&tid=UA-1&cid=777.888&t=pageview">' +
        '<script>addEventListener("pageshow", (e) => { if (e.persisted) document.title = "restored"; });</script>',
    ),
    [DOWNLOADS]: page(
      'Downloads',
      '<img alt="" src="https://www.google-analytics.com/collect?v=1&tid=UA-1&cid=999.111&t=pageview">' +
        '<a id="same-site" href="/files/report.zip">Report</a> <a id="other-site" href="https://files.example-cdn.example/setup.zip">Setup</a>',
    ),
    '/files/report.zip': { type: 'application/zip', body: 'PK' },
  },
  'files.example-cdn.example': { '/setup.zip': { type: 'application/zip', body: 'PK' } },
};
const env = useExtensionBrowser(SITES, { cache: true, backForwardCache: true });

async function visit(url: string) {
  const page = await env.browser.context.newPage();
  await page.goto(url, { waitUntil: 'networkidle' });
  return { page, tabId: await tabIdOf(env.browser.context, env.browser.extensionId, url) };
}

const openPopup = (tabId: number) => PopupPage.open(env.browser.context, env.browser.extensionId, tabId);

/** The state the popup shows, its sentence and its action, and whether it claims nothing was sent. */
async function stateOf(popup: PopupPage) {
  const state = popup.page.locator('[data-testid="unobserved"]');
  const count = await state.count();
  return {
    reason: count ? await state.getAttribute('data-reason') : null,
    text: count ? await state.textContent() : null,
    claimsNothing: (await popup.page.locator('[data-testid="nothing-shared"]').count()) > 0,
  };
}

/** Waits until the popup shows the given state (or, with null, none). */
async function waitForReason(popup: PopupPage, reason: string | null, timeout = 5000) {
  if (reason) await popup.page.waitForSelector(`[data-testid="unobserved"][data-reason="${reason}"]`, { timeout });
  else await popup.page.waitForSelector('[data-testid="unobserved"]', { state: 'detached', timeout });
}

/** Changes Disclosed's site access the way chrome://extensions does ("On click", "On all sites"). */
async function setSiteAccess(hostAccess: 'ON_CLICK' | 'ON_ALL_SITES') {
  const page = await env.browser.context.newPage();
  await page.goto('chrome://extensions/');
  await page.evaluate(
    ([extensionId, access]) =>
      (
        globalThis as unknown as {
          chrome: { developerPrivate: { updateExtensionConfiguration(c: object): Promise<void> } };
        }
      ).chrome.developerPrivate.updateExtensionConfiguration({ extensionId, hostAccess: access }),
    [env.browser.extensionId, hostAccess] as const,
  );
  await page.close();
}

const updateSettings = (patch: object) =>
  inExtensionPage(
    env.browser.context,
    env.browser.extensionId,
    (p) =>
      (globalThis as unknown as ChromeGlobal).chrome.runtime.sendMessage({
        type: 'settings/update',
        payload: JSON.parse(p),
      }),
    JSON.stringify(patch),
  );

const companyCount = (popup: PopupPage) =>
  popup.page.locator('[data-testid="companies"] [data-testid="recipient"]').count();

async function reloadFromPopup(popup: PopupPage, page: Page) {
  const reloaded = page.waitForEvent('load');
  await popup.page.click('[data-testid="observe-action"]');
  await reloaded;
}

describe('popup, when Disclosed cannot see the page', () => {
  it('a restricted page (chrome://version): says the browser keeps it out of sight', async () => {
    const page = await env.browser.context.newPage();
    await page.goto('chrome://version');
    const tabId = await tabIdOf(env.browser.context, env.browser.extensionId, 'chrome://version/');
    const popup = await openPopup(tabId);
    expect(await stateOf(popup)).toEqual({
      reason: 'browser-page',
      text: expect.stringContaining('This is a browser page'),
      claimsNothing: false,
    });
    await popup.close();
    await page.close();
  });

  it("another page of Disclosed's own: says so", async () => {
    const url = `chrome-extension://${env.browser.extensionId}/options.html`;
    const page = await env.browser.context.newPage();
    await page.goto(url);
    const popup = await openPopup(await tabIdOf(env.browser.context, env.browser.extensionId, url));
    expect((await stateOf(popup)).reason).toBe('own-page');
    await popup.close();
    await page.close();
  });

  it('a page loaded while paused: says so, resumes, then asks for a reload, after which it shows the companies', async () => {
    await updateSettings({ paused: true });
    const { page, tabId } = await visit(`https://${NEWS}/article.html?while-paused`);
    const popup = await openPopup(tabId);
    const paused = await stateOf(popup);
    expect(paused).toEqual({
      reason: 'paused',
      text: expect.stringContaining('Recording is paused, so nothing this page sends is recorded.'),
      claimsNothing: false,
    });
    expect(await popup.text('observe-action')).toBe('Resume recording');
    expect(await axeViolations(popup.page)).toEqual([]);
    // The notice is where to resume: the footer does not offer it a second time.
    expect(await popup.page.getByText('Resume recording').count()).toBe(1);
    await popup.page.click('[data-testid="observe-action"]');
    // Recording again, but the page loaded while it was not: a reload makes it whole.
    await waitForReason(popup, 'not-watched');
    expect(await stateOf(popup)).toMatchObject({ claimsNothing: false });
    expect(await popup.text('observe-action')).toBe('Reload the page to start seeing it');
    await reloadFromPopup(popup, page);
    await waitForReason(popup, null);
    await popup.page.waitForSelector('[data-testid="companies"]');
    expect(await companyCount(popup)).toBeGreaterThan(0);
    await popup.close();
    await page.close();
  });

  it('an excluded site: says so, and "Stop excluding this site" takes it off the list', async () => {
    await updateSettings({ excludedSites: ['news-site.example'] });
    const { page, tabId } = await visit(`https://${NEWS}/article.html?excluded`);
    const popup = await openPopup(tabId);
    expect(await stateOf(popup)).toEqual({
      reason: 'excluded',
      text: expect.stringContaining('You excluded this site in the settings'),
      claimsNothing: false,
    });
    expect(await popup.page.locator('[data-testid="recipient"]').count()).toBe(0);
    await popup.page.click('[data-testid="observe-action"]');
    await waitForReason(popup, 'not-watched');
    const settings = await inExtensionPage(env.browser.context, env.browser.extensionId, async () =>
      JSON.stringify(
        await (
          globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<object> } } } }
        ).chrome.storage.local.get('settings'),
      ),
    );
    expect(JSON.parse(settings).settings.excludedSites).toEqual([]);
    await reloadFromPopup(popup, page);
    await popup.page.waitForSelector('[data-testid="companies"]');
    expect((await stateOf(popup)).reason).toBeNull();
    await popup.close();
    await page.close();
  });

  it('site access withheld ("On click"): says Disclosed is not allowed there and offers to allow it', async () => {
    await setSiteAccess('ON_CLICK');
    try {
      const { page, tabId } = await visit(`https://${NEWS}/article.html?withheld`);
      const popup = await openPopup(tabId);
      expect(await stateOf(popup)).toEqual({
        reason: 'no-access',
        text: expect.stringContaining('Disclosed is not allowed on this site'),
        claimsNothing: false,
      });
      expect(await popup.text('observe-action')).toBe('Allow Disclosed on this site');
      // The user gives access back (in the browser's extension settings): the popup follows, and asks for a reload.
      await setSiteAccess('ON_ALL_SITES');
      await waitForReason(popup, 'not-watched');
      await reloadFromPopup(popup, page);
      await popup.page.waitForSelector('[data-testid="companies"]');
      expect((await stateOf(popup)).reason).toBeNull();
      await popup.close();
      await page.close();
    } finally {
      await setSiteAccess('ON_ALL_SITES');
    }
  });

  it('a page that was watched stays watched when the browser stops the worker', async () => {
    const { page, tabId } = await visit(`https://${NEWS}/empty.html?worker-stop`);
    const cdp = await env.browser.context.newCDPSession(page);
    let stopped = false;
    cdp.on('ServiceWorker.workerVersionUpdated', (e: { versions: { runningStatus: string; scriptURL: string }[] }) => {
      for (const v of e.versions)
        if (v.scriptURL.startsWith('chrome-extension://') && v.runningStatus === 'stopped') stopped = true;
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    const deadline = Date.now() + 5000;
    while (!stopped && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(stopped).toBe(true);
    const popup = await openPopup(tabId);
    expect(await stateOf(popup)).toEqual({ reason: null, text: null, claimsNothing: true });
    await popup.close();
    await page.close();
  });

  it('a tab opened before Disclosed was listening (turned on after it): says so, and a reload mends it', async () => {
    const { page, tabId } = await visit(`https://${NEWS}/article.html?before-install`);
    // Turned off and on again in chrome://extensions, as an install or an update does, the extension starts anew with
    // the tab already loaded. (chrome.runtime.reload() leaves an extension loaded from the command line disabled.)
    const extensions = await env.browser.context.newPage();
    await extensions.goto('chrome://extensions/');
    await extensions.evaluate(async (id) => {
      const { management } = (
        globalThis as unknown as { chrome: { management: { setEnabled(id: string, on: boolean): Promise<void> } } }
      ).chrome;
      await management.setEnabled(id, false);
      await management.setEnabled(id, true);
    }, env.browser.extensionId);
    await extensions.close();
    let popup: PopupPage | undefined;
    const deadline = Date.now() + 10_000;
    while (!popup && Date.now() < deadline) {
      popup = await openPopup(tabId).catch(() => undefined);
      if (!popup) await new Promise((r) => setTimeout(r, 200));
    }
    if (!popup) throw new Error('The popup did not open after the extension reloaded.');
    await waitForReason(popup, 'not-watched');
    const state = await stateOf(popup);
    // What the worker had stored before it was turned off may be shown, with the notice: never "nothing".
    expect(state.claimsNothing).toBe(false);
    expect(await axeViolations(popup.page)).toEqual([]);
    expect(state.text).toMatch(/^Disclosed was not watching this page the whole time since it loaded[:,]/);
    await reloadFromPopup(popup, page);
    await waitForReason(popup, null);
    await popup.page.waitForSelector('[data-testid="companies"]');
    expect(await companyCount(popup)).toBeGreaterThan(0);
    await popup.close();
    await page.close();
  });
  it('a page shown again by Back from the back/forward cache shows its own companies, and is watched', async () => {
    const { page: tab, tabId } = await visit(`https://${NEWS}${BF_PAGE}`);
    await tab.goto('https://www.garden-blog.example/post.html', { waitUntil: 'networkidle' });
    // A page restored from the cache fires no load event: wait for it to commit, then for its pageshow.
    await tab.goBack({ waitUntil: 'commit' });
    // Restored from the cache, not loaded again: no request at all, the case this is about.
    await tab.waitForFunction(() => document.title === 'restored');
    const popup = await openPopup(tabId);
    await popup.page.waitForSelector('[data-testid="companies"]');
    expect(await stateOf(popup)).toEqual({ reason: null, text: null, claimsNothing: false });
    const names = await popup.page.locator('[data-testid="companies"] [data-testid="recipient"]').allTextContents();
    expect(names.join(' ')).toContain('Google');
    // Not the blog's companies (Magnite was on the page left).
    expect(names.join(' ')).not.toContain('Magnite');
    await popup.close();
    await tab.close();
  });

  it('a download from a watched page (same site or another) leaves the popup on the page, watched', async () => {
    const { page: tab, tabId } = await visit(`https://${NEWS}${DOWNLOADS}`);
    for (const link of ['#same-site', '#other-site']) {
      const download = tab.waitForEvent('download');
      await tab.click(link);
      await (await download).cancel();
    }
    expect(tab.url()).toBe(`https://${NEWS}${DOWNLOADS}`);
    const popup = await openPopup(tabId);
    await popup.page.waitForSelector('[data-testid="companies"]');
    expect(await stateOf(popup)).toEqual({ reason: null, text: null, claimsNothing: false });
    expect(await companyCount(popup)).toBeGreaterThan(0);
    await popup.close();
    await tab.close();
  });
});
