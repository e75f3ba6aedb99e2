import type { BrowserContext, Page } from 'playwright-core';

/** The popup, opened as a page for a given tab (`popup.html?tabId=N`), read through its data-testids. */
export class PopupPage {
  private constructor(readonly page: Page) {}

  static async open(context: BrowserContext, extensionId: string, tabId: number): Promise<PopupPage> {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
    await page.waitForSelector('main[aria-busy="false"]');
    return new PopupPage(page);
  }

  /** Company name → request count, for the known companies or the unlisted section. */
  async counts(section: 'companies' | 'unlisted'): Promise<Record<string, number>> {
    return this.page.$$eval(`[data-testid="${section}"] [data-testid="recipient"]`, (items) =>
      Object.fromEntries(
        items.map((li) => [
          li.querySelector('[data-testid="company-name"]')?.textContent ?? '',
          Number(li.querySelector('[data-testid="requests"]')?.getAttribute('data-count')),
        ]),
      ),
    );
  }

  async domains(company: string): Promise<string[]> {
    const item = this.page.locator('[data-testid="recipient"]', {
      has: this.page.locator('[data-testid="company-name"]', { hasText: company }),
    });
    return (await item.locator('[data-testid="domains"]').textContent())?.split(', ') ?? [];
  }

  text(testId: string): Promise<string | null> {
    return this.page.locator(`[data-testid="${testId}"]`).textContent();
  }

  async close() {
    await this.page.close();
  }
}

/** The tab id of a page, as the extension sees it. */
export async function tabIdOf(context: BrowserContext, extensionId: string, url: string): Promise<number> {
  const helper = await context.newPage();
  await helper.goto(`chrome-extension://${extensionId}/options.html`);
  const id = await helper.evaluate(async (u) => {
    const { chrome } = globalThis as unknown as {
      chrome: { tabs: { query(q: object): Promise<{ id: number; url: string }[]> } };
    };
    const tabs = await chrome.tabs.query({});
    return tabs.find((t) => t.url === u)?.id ?? -1;
  }, url);
  await helper.close();
  if (id < 0) throw new Error(`No tab shows ${url}`);
  return id;
}
