import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { languageTag } from '../../lib/i18n.ts';
import { CLASSROOM_SIZE, DASHBOARD_SIZE, makeHistory, POPUP_PAGE, POPUP_SIZE } from '../../scripts/screens.ts';
import { readsAsEnglish } from '../english-text.ts';
import { tabIdOf } from './popup-page.ts';
import { useExtensionBrowser } from './setup.ts';
import { TEST_SITES } from './test-site.ts';

// No English left on a translated screen. For each locale but English, chosen in the settings as a user would
// (`uiLanguage`), every screen is visited with a history behind it — popup states, dashboard views, the composer,
// letters, settings, print previews, the classroom and its class results — and every text a reader meets is read:
// visible text nodes (with the options of selects), the `aria-label`, `title`, `placeholder` and `alt` attributes,
// and the page's title. A text reads as English by the rule of tests/english-text.ts (three words or more, two of
// them English function words that are not words of that locale; its unit test shows the rule on every message).
//
// What is not UI text is left out: text inside an element with a `lang` of its own (TrackerDB's descriptions,
// English data, are shown under `lang="en"`; each language's name in the language list under its own), and the data
// the test pages feed in — company names, hosts, addresses, parameter names and values, the test pages' titles
// ("Article", "Blue shoes") — which holds no English sentence, so no element is excluded by its data-testid.
//
// Cheap on purpose: one browser, three pages (dashboard, popup, classroom), the language switched in the settings and
// the dashboard's views visited by their hash routes in the same page.

const env = useExtensionBrowser(TEST_SITES, { thirdPartyCookies: true });
const LOCALES = ['de', 'fr', 'es', 'it', 'nl', 'pl', 'pt', 'pt_BR'];

/** The dashboard's views, by hash route, with what shows once each has drawn; `print` is also read as printed. */
const ROUTES: { route: string; ready: string; print?: boolean }[] = [
  { route: 'overview', ready: '[data-testid="totals"]' },
  { route: 'companies', ready: 'main table' },
  { route: 'company/google', ready: '[data-testid="company-name"]' },
  { route: 'sites', ready: 'main table' },
  { route: 'site/news-site.example', ready: '[data-testid="site-name"]' },
  { route: 'report/company/google', ready: '[data-testid="report-method"]', print: true },
  { route: 'report/site/news-site.example', ready: '[data-testid="report-method"]' },
  { route: 'log/site/news-site.example', ready: '[data-testid="log-row"]' },
  { route: 'graph', ready: 'main canvas, [data-testid="graph-table"]' },
  { route: 'letters', ready: '[data-testid="letters-table"]' },
  { route: 'letter/magnite', ready: '[data-testid="letter-body"]', print: true },
  { route: 'letter/google', ready: '[data-testid="letter-body"]' },
  { route: 'settings', ready: '[data-testid="attribution"]' },
];

/** The popup's states: a page with companies, one with every kind of data, an excluded site, pages it cannot see. */
const POPUP_TABS = [
  POPUP_PAGE,
  'https://www.shoe-shop.example/p/42.html',
  'https://www.health-clinic.example/index.html',
  'https://www.garden-c.example/index.html',
  'chrome://version/',
];
const EXCLUDED = 'garden-c.example';

let dash: Page;
let popup: Page;
let classroom: Page;
const tabs: number[] = [];

/**
 * Every text a reader meets on the page, as `where: text` (`where` is empty for a text node): the title, visible text
 * nodes, the whole text of each innermost block (a sentence can be split over elements: a name in <b>), and the
 * labels. Text inside an element with a `lang` of its own is left out.
 */
function textsOn(page: Page): Promise<{ where: string; text: string }[]> {
  return page.evaluate(() => {
    const out: { where: string; text: string }[] = [{ where: 'title', text: document.title }];
    const foreign = (el: Element) => el.closest('[lang]') !== document.documentElement;
    const visible = (el: Element) =>
      el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden' && !el.closest('[hidden]');
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      const text = node.textContent?.trim() ?? '';
      if (!el || !text || el.closest('script, style, noscript') || foreign(el)) continue;
      // A select's options show when it is opened: they count when the select shows.
      if (el.closest('option') ? visible(el.closest('select') ?? el) : visible(el)) out.push({ where: '', text });
    }
    const BLOCKS = 'p, li, dd, dt, td, th, h1, h2, h3, label, button, legend, summary, caption, div, table, ul, ol';
    for (const el of document.body.querySelectorAll(BLOCKS)) {
      if (el.querySelector(BLOCKS) || el.querySelector('[lang]') || foreign(el) || !visible(el)) continue;
      // biome-ignore lint/performance/useDomNodeTextContent: the text as shown, without what is hidden inside.
      const text = (el as HTMLElement).innerText?.trim() ?? '';
      out.push({ where: el.tagName.toLowerCase(), text });
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
      if (foreign(el)) continue;
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = el.getAttribute(name);
        if (value) out.push({ where: name, text: value });
      }
    }
    return out;
  });
}

/** The texts of the page that read as English in the locale `folder`, each once. */
async function englishOn(page: Page, folder: string): Promise<string[]> {
  const found = (await textsOn(page)).filter(({ text }) => readsAsEnglish(text, folder));
  const nodes = new Set(found.filter((f) => !f.where).map((f) => f.text));
  // A block whose text is one text node found already is not found twice.
  return [
    ...new Set(
      found.filter((f) => !f.where || !nodes.has(f.text)).map((f) => (f.where ? `${f.where}: ${f.text}` : f.text)),
    ),
  ];
}

/** Opens every `<details>`, so that what a click shows is read too. */
const openDetails = (page: Page) =>
  page.evaluate(() => {
    for (const d of document.querySelectorAll('details')) d.open = true;
  });

/** Saves settings as the settings page does: the stored object, changed (the pages and the background follow it). */
function saveSettings(page: Page, change: Record<string, unknown>) {
  return page.evaluate(async (c) => {
    const { chrome } = globalThis as unknown as {
      chrome: {
        storage: { local: { get(k: string): Promise<Record<string, object>>; set(v: object): Promise<void> } };
      };
    };
    const { settings = {} } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...settings, ...c } });
  }, change);
}

/** Waits until the page is in the locale (its `<html lang>`) and the selector shows. */
async function ready(page: Page, folder: string, selector: string) {
  await page.waitForFunction((tag) => document.documentElement.lang === tag, languageTag(folder));
  await page.waitForSelector(selector);
}

/**
 * Chooses the locale in the settings and waits until the open dashboard is made anew in it. The next screen is
 * asked for at once: a page made anew reads its address again once its route listener is attached.
 */
async function chooseLocale(folder: string) {
  await saveSettings(dash, { uiLanguage: folder });
  await dash.waitForFunction((tag) => document.documentElement.lang === tag, languageTag(folder));
}

beforeAll(async () => {
  const { context, extensionId } = env.browser;
  await makeHistory(context, extensionId);
  dash = await context.newPage();
  await dash.setViewportSize(DASHBOARD_SIZE);
  await dash.goto(`chrome-extension://${extensionId}/options.html#/settings`);
  await dash.waitForSelector('[data-testid="attribution"]');
  await saveSettings(dash, { excludedSites: [EXCLUDED] });
  for (const url of POPUP_TABS.slice(1)) {
    const tab = await context.newPage();
    await tab.goto(url, { waitUntil: url.startsWith('http') ? 'networkidle' : 'load' });
  }
  for (const url of POPUP_TABS) tabs.push(await tabIdOf(context, extensionId, url));
  popup = await context.newPage();
  await popup.setViewportSize(POPUP_SIZE);
  classroom = await context.newPage();
  await classroom.setViewportSize(CLASSROOM_SIZE);
  // The class results hold one export of this history, pooled as a teacher would.
  const [download] = await Promise.all([dash.waitForEvent('download'), dash.click('[data-testid="export-json"]')]);
  await classroom.goto(`chrome-extension://${extensionId}/classroom.html#class`);
  await classroom.setInputFiles('[data-testid="class-input"]', [await download.path()]);
  await classroom.waitForSelector('[data-testid="class-company"]');
}, 120_000);

describe('a translated screen has no English sentence', () => {
  it.each(LOCALES)('%s: every screen, chosen in the settings', async (folder) => {
    const { context, extensionId } = env.browser;
    const found = new Set<string>();
    const read = async (screen: string, page: Page) => {
      await openDetails(page);
      for (const text of await englishOn(page, folder)) found.add(`${screen}: ${text}`);
    };
    await chooseLocale(folder);

    let heading = '';
    for (const { route, ready: selector, print } of ROUTES) {
      await dash.evaluate((r) => {
        location.hash = `#/${r}`;
      }, route);
      await ready(dash, folder, selector);
      // The view of this route, not the last one's: its heading changed, and its data has settled.
      await dash.waitForFunction((h) => document.querySelector('main h2')?.textContent !== h, heading);
      await dash.waitForLoadState('networkidle');
      await dash.waitForTimeout(250);
      heading = (await dash.textContent('main h2')) ?? '';
      await read(route, dash);
      if (print) {
        await dash.emulateMedia({ media: 'print' });
        await read(`${route} (printed)`, dash);
        await dash.emulateMedia({ media: 'screen' });
      }
    }

    for (const [i, tabId] of tabs.entries()) {
      await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
      await ready(popup, folder, 'main[aria-busy="false"]');
      await popup.waitForTimeout(150);
      await read(`popup of ${POPUP_TABS[i]}`, popup);
    }

    // Class results, then the start screen, then a session with a page visited; ending it leaves none for the next.
    await classroom.goto(`chrome-extension://${extensionId}/classroom.html#class`);
    await ready(classroom, folder, '[data-testid="class-company"]');
    await read('class results', classroom);
    await classroom.goto(`chrome-extension://${extensionId}/classroom.html`);
    await ready(classroom, folder, '[data-testid="classroom-start"]');
    await read('classroom start', classroom);
    await classroom.click('[data-testid="classroom-start"]');
    await classroom.waitForSelector('[data-testid="classroom-empty"]');
    await read('classroom waiting', classroom);
    const visit = await context.newPage();
    await visit.goto(POPUP_PAGE, { waitUntil: 'networkidle' });
    await visit.close();
    await classroom.waitForSelector('[data-testid="classroom-feed"] li');
    await classroom.waitForTimeout(300);
    await read('classroom session', classroom);
    await classroom.click('[data-testid="classroom-end"]');
    await classroom.waitForSelector('[data-testid="classroom-start"]');

    expect([...found]).toEqual([]);
  });

  it('the check finds English on a screen, in text and labels, and leaves text marked as another language', async () => {
    await chooseLocale('de');
    await dash.evaluate(() => {
      location.hash = '#/settings';
    });
    await ready(dash, 'de', '[data-testid="attribution"]');
    await dash.evaluate(() => {
      const main = document.querySelector('main') as HTMLElement;
      const english = document.createElement('p');
      english.textContent = 'Nothing was recorded on this site.';
      const split = document.createElement('p');
      split.innerHTML = 'It has <b>your</b> address';
      const marked = document.createElement('p');
      marked.lang = 'en';
      marked.textContent = 'Google is a company that sells ads.';
      const button = document.createElement('button');
      button.setAttribute('aria-label', 'Close the panel for now');
      button.textContent = '×';
      main.append(english, split, marked, button);
    });
    expect(await englishOn(dash, 'de')).toEqual([
      'Nothing was recorded on this site.',
      'p: It has your address',
      'aria-label: Close the panel for now',
    ]);
  });

  it("shows TrackerDB's English descriptions marked as English", async () => {
    // A page of its own: nothing left from the check above.
    await dash.goto(`chrome-extension://${env.browser.extensionId}/options.html#/company/google`);
    await dash.reload();
    await dash.waitForSelector('[data-testid="company-name"]');
    // The descriptions come with the detailed company data, loaded after the page's own.
    const description = dash.locator('main p[lang="en"]');
    await description.waitFor();
    expect(await description.count()).toBe(1);
    expect(((await description.textContent()) ?? '').split(' ').length).toBeGreaterThan(3);
  });
});
