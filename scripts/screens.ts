/**
 * Every screen of the extension, opened in Chromium with some history behind it: for `npm run screenshots` and for
 * the end-to-end style and accessibility checks (tests/e2e/design.e2e.ts), which must look at the same screens.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { tabIdOf } from './browser.ts';

/** The pages of the local test site (tests/e2e/test-site.ts) visited first, so every screen has data to show. */
export const VISITS = [
  'https://www.news-site.example/article.html',
  'https://www.shoe-shop.example/p/42.html',
  'https://www.garden-blog.example/post.html',
  'https://www.health-clinic.example/index.html',
  'https://www.recipes-a.example/index.html',
  'https://www.travel-b.example/index.html',
];
/** The page whose popup is shown. */
export const POPUP_PAGE = VISITS[0] as string;

export type Scheme = 'light' | 'dark';

export type Kind = 'popup' | 'dashboard' | 'classroom' | 'print';

export interface Screen {
  name: string;
  kind: Kind;
  /** Opens the screen in a new page of `context` in a colour scheme, ready to look at. */
  open(context: BrowserContext, extensionId: string, scheme?: Scheme): Promise<Page>;
}

/** A popup's real size: Chromium draws it at most 800 × 600 and the popup's own CSS keeps it about 400 px wide. */
export const POPUP_SIZE = { width: 400, height: 600 };
export const DASHBOARD_SIZE = { width: 1280, height: 800 };
/** The classroom is made for a projector. */
export const CLASSROOM_SIZE = { width: 1280, height: 720 };

/** Visits the test site and records one letter as sent, so that the lists, graph and letters are not empty. */
export async function makeHistory(context: BrowserContext, extensionId: string): Promise<void> {
  for (const url of VISITS) {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'networkidle' });
    if (url !== POPUP_PAGE) await page.close();
  }
  const composer = await dashboard('letter/google')(context, extensionId);
  await composer.waitForSelector('[data-testid="letter-sent"]');
  await composer.click('[data-testid="letter-sent"]');
  await composer.waitForSelector('[data-testid="letters-table"] tr[data-reference]');
  await composer.close();
}

/** A new page in the colour scheme (set before anything draws: canvases read their colours once). */
async function newPage(context: BrowserContext, size: { width: number; height: number }, scheme: Scheme = 'light') {
  const page = await context.newPage();
  await page.setViewportSize(size);
  await page.emulateMedia({ colorScheme: scheme });
  return page;
}

/** Opens a dashboard route (`#/…`) and waits until its view has drawn. */
function dashboard(route: string, ready = 'main h2') {
  return async (context: BrowserContext, extensionId: string, scheme?: Scheme) => {
    const page = await newPage(context, DASHBOARD_SIZE, scheme);
    await page.goto(`chrome-extension://${extensionId}/options.html#/${route}`);
    await page.waitForSelector(ready);
    // Lazy chunks, live queries and the graph's layout settle in a few frames.
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(400);
    return page;
  };
}

export const SCREENS: Screen[] = [
  {
    name: 'popup',
    kind: 'popup',
    async open(context, extensionId, scheme) {
      const tabId = await tabIdOf(context, extensionId, POPUP_PAGE);
      const page = await newPage(context, POPUP_SIZE, scheme);
      await page.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
      await page.waitForSelector('main[aria-busy="false"] [data-testid="recipient"]');
      await page.waitForTimeout(200);
      return page;
    },
  },
  { name: 'overview', kind: 'dashboard', open: dashboard('overview', '[data-testid="totals"]') },
  { name: 'companies', kind: 'dashboard', open: dashboard('companies', 'main table') },
  { name: 'company', kind: 'dashboard', open: dashboard('company/google', '[data-testid="company-name"]') },
  { name: 'sites', kind: 'dashboard', open: dashboard('sites', 'main table') },
  { name: 'site', kind: 'dashboard', open: dashboard('site/news-site.example', '[data-testid="site-name"]') },
  {
    name: 'report-company',
    kind: 'dashboard',
    open: dashboard('report/company/google', '[data-testid="report-method"]'),
  },
  {
    name: 'report-site',
    kind: 'dashboard',
    open: dashboard('report/site/news-site.example', '[data-testid="report-method"]'),
  },
  { name: 'log', kind: 'dashboard', open: dashboard('log/site/news-site.example', '[data-testid="log-row"]') },
  { name: 'graph', kind: 'dashboard', open: dashboard('graph', 'main canvas, [data-testid="graph-table"]') },
  { name: 'letters', kind: 'dashboard', open: dashboard('letters', '[data-testid="letters-table"]') },
  { name: 'composer', kind: 'dashboard', open: dashboard('letter/magnite', '[data-testid="letter-body"]') },
  { name: 'settings', kind: 'dashboard', open: dashboard('settings', '[data-testid="attribution"]') },
  {
    name: 'classroom',
    kind: 'classroom',
    async open(context, extensionId, scheme) {
      const page = await newPage(context, CLASSROOM_SIZE, scheme);
      await page.goto(`chrome-extension://${extensionId}/classroom.html`);
      // A session already under way (the screen opened before) is shown as it is.
      // Located anew for the click: the page may draw its start screen again as its stored state arrives.
      const start = page.locator('[data-testid="classroom-start"]');
      await start.or(page.locator('[data-testid="classroom-feed"]')).first().waitFor();
      if (await start.count()) await start.click();
      // A page visited during the session fills the feed and the graph.
      const visit = await context.newPage();
      await visit.goto(POPUP_PAGE, { waitUntil: 'networkidle' });
      await visit.close();
      await page.bringToFront();
      await page.waitForSelector('[data-testid="classroom-feed"] li');
      await page.waitForTimeout(800);
      return page;
    },
  },
  {
    name: 'report-print',
    kind: 'print',
    async open(context, extensionId) {
      const page = await dashboard('report/company/google', '[data-testid="report-method"]')(
        context,
        extensionId,
        'light',
      );
      await page.emulateMedia({ media: 'print' });
      return page;
    },
  },
  {
    name: 'letter-print',
    kind: 'print',
    async open(context, extensionId) {
      // Paper has no dark mode.
      const page = await dashboard('letter/magnite', '[data-testid="letter-body"]')(context, extensionId, 'light');
      await page.emulateMedia({ media: 'print' });
      return page;
    },
  },
];
