import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from '../../scripts/browser.ts';
import { PopupPage, tabIdOf } from './popup-page.ts';
import { useExtensionBrowser } from './setup.ts';
import { NEWS, TEST_SITES } from './test-site.ts';

const generated = (name: string) =>
  readFileSync(join(import.meta.dirname, '..', '..', 'lib', 'generated', name), 'utf8');

/**
 * Text only the matcher's index, the full list or the catalog's details hold, as JSON writes it. A bundle embeds
 * those files as string literals, so quotes are unescaped before looking.
 */
const markers = {
  'the matcher index': '"hostFiltersEnd":[',
  'the full tracker list': '"filters":[{"pattern"',
  "the catalog's details": '"privacyPolicy":"',
} as const;
const shipped = (file: string) => readFileSync(join(EXTENSION_DIR, file), 'utf8').replaceAll('\\"', '"');
const shippedScripts = readdirSync(join(EXTENSION_DIR, 'chunks'))
  .filter((f) => f.endsWith('.js'))
  .map((f) => `chunks/${f}`)
  .concat('background.js');

describe('the markers', () => {
  it('are where the data is: the index in the worker, the details in a chunk of their own, the full list nowhere', () => {
    expect(generated('tracker-index.json')).toContain(markers['the matcher index']);
    expect(generated('tracker-list.json')).toContain(markers['the full tracker list']);
    expect(generated('company-details.json')).toContain(markers["the catalog's details"]);
    expect(shipped('background.js')).toContain(markers['the matcher index']);
    const withDetails = shippedScripts.filter((f) => shipped(f).includes(markers["the catalog's details"]));
    expect(withDetails).toEqual([expect.stringMatching(/^chunks\/company-details-/)]);
    expect(shippedScripts.filter((f) => shipped(f).includes(markers['the full tracker list']))).toEqual([]);
  });
});

describe('what the popup loads', () => {
  const html = readFileSync(join(EXTENSION_DIR, 'popup.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(chunks\/[^"]+\.js)"/g)].map((m) => m[1] as string);

  it.each(Object.entries(markers))('its scripts hold nothing of %s', (_, marker) => {
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(shipped(file), file).not.toContain(marker);
  });

  it('its scripts are small: names and code, not the tracker data', () => {
    const bytes = files.reduce((sum, f) => sum + statSync(join(EXTENSION_DIR, f)).size, 0);
    // Today ≈ 400 KB: preact, Dexie, tldts and the names file (≈ 120 KB). The full list alone was 1.2 MB.
    expect(bytes).toBeLessThan(600_000);
  });
});

describe('the popup in Chromium', () => {
  const env = useExtensionBrowser(TEST_SITES);

  it('names the companies without fetching any tracker data chunk', async () => {
    const url = `https://${NEWS}/article.html`;
    const page = await env.browser.context.newPage();
    await page.goto(url, { waitUntil: 'networkidle' });
    const tabId = await tabIdOf(env.browser.context, env.browser.extensionId, url);
    const requested: string[] = [];
    const listener = (r: { url(): string }) => requested.push(r.url());
    env.browser.context.on('request', listener);
    const popup = await PopupPage.open(env.browser.context, env.browser.extensionId, tabId);
    await popup.page.waitForFunction(() => document.querySelectorAll('[data-testid="recipient"]').length >= 4);
    env.browser.context.off('request', listener);
    const scripts = requested.filter((u) => u.startsWith(`chrome-extension://${env.browser.extensionId}/`));
    expect(scripts.some((u) => u.includes('/chunks/popup-'))).toBe(true);
    for (const u of scripts) {
      const file = shipped(new URL(u).pathname.slice(1));
      for (const marker of Object.values(markers)) expect(file, u).not.toContain(marker);
    }
    expect(await popup.page.locator('[data-company="google"] [data-testid="company-name"]').textContent()).toBe(
      'Google',
    );
    await popup.close();
    await page.close();
  });
});
