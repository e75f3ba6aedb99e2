import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useExtensionBrowser } from './setup.ts';
import { TEST_SITES } from './test-site.ts';

const env = useExtensionBrowser(TEST_SITES);

/** The dashboard's company page, addressed by any string an address bar can hold. */
async function companyPage(id: string) {
  const page = await env.browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`chrome-extension://${env.browser.extensionId}/options.html#/company/${encodeURIComponent(id)}`);
  return { page, errors };
}

describe('the company catalog in the dashboard', () => {
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
    'names %j by itself, with no details, and does not break',
    async (id) => {
      const { page, errors } = await companyPage(id);
      await page.waitForSelector(`[data-testid="company-name"]:text-is("${id}")`);
      // The contact row is drawn once the details are in: only then may the page say none is known.
      await page.waitForSelector('[data-testid="privacy-contact"]');
      // Nothing is claimed for this id: no country, website or policy, and "no contact known".
      const none = JSON.parse(
        readFileSync(join(import.meta.dirname, '..', '..', 'public', '_locales', 'en', 'messages.json'), 'utf8'),
      ).dashContactNone.message;
      expect(await page.locator('.facts dd').allTextContents()).toEqual([none]);
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  it('shows a known company its details once they load, from the chunk of its own', async () => {
    const { page, errors } = await companyPage('magnite');
    await page.waitForSelector('[data-testid="company-name"]:text-is("Magnite")');
    await page.waitForSelector('[data-testid="privacy-contact"]');
    expect(await page.locator('[data-testid="privacy-contact"]').textContent()).toBe('privacy@magnite.com');
    expect(errors).toEqual([]);
    await page.close();
  });
});
