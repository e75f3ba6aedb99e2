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

export { tabIdOf } from '../../scripts/browser.ts';
