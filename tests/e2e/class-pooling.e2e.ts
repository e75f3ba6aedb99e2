import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import messages from '../../public/_locales/en/messages.json';
import { type ChromeGlobal, inExtensionPage } from '../../scripts/browser.ts';
import { exportLines } from '../export-schema.ts';
import { axeViolations } from './axe.ts';
import { everythingStored } from './extension-db.ts';
import { useExtensionBrowser } from './setup.ts';
import { HEALTH, NEWS, TEST_SITES } from './test-site.ts';

const env = useExtensionBrowser(TEST_SITES);

async function visit(url: string) {
  const page = await env.browser.context.newPage();
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.close();
}

/** The history's export in lines, made by the settings page as a student would: the downloaded file's path. */
async function exportFromSettings(): Promise<string> {
  const settings = await env.browser.context.newPage();
  await settings.goto(`chrome-extension://${env.browser.extensionId}/options.html#/settings`);
  const [download] = await Promise.all([
    settings.waitForEvent('download'),
    settings.getByRole('button', { name: messages.optionsExportJson.message }).click(),
  ]);
  const path = await download.path();
  await settings.close();
  return path;
}

/** The names of the companies an export's flows hold: which companies reached that student. */
const companiesIn = (path: string) =>
  new Set(
    (exportLines(readFileSync(path, 'utf8')) as { flow?: { organization: { name: string } } }[]).flatMap((r) =>
      r.flow ? [r.flow.organization.name] : [],
    ),
  );

const sentences = (page: Page) => page.locator('[data-testid="class-sentence"]').allTextContents();

describe('class pooling', () => {
  it('adds up the exports of a class into "reached N of M of us", apart from the history', async () => {
    const { context, extensionId } = env.browser;
    // Two students' exports, made by the real export: one before the news site, one after.
    await visit('https://www.garden-blog.example/post.html');
    await expect.poll(async () => (await everythingStored(context, extensionId)).includes('garden-blog')).toBe(true);
    const first = await exportFromSettings();
    // Another student's browser: this one's history without the first student's (a later export of the same
    // history is the same browser, and replaces its earlier export, as below).
    await inExtensionPage(
      context,
      extensionId,
      (site) =>
        (globalThis as unknown as ChromeGlobal).chrome.runtime.sendMessage({
          type: 'data/forget-site',
          payload: { site },
        }),
      'garden-blog.example',
    );
    await expect.poll(async () => (await everythingStored(context, extensionId)).includes('garden-blog')).toBe(false);
    await visit(`https://${NEWS}/article.html`);
    await expect
      .poll(async () => (await everythingStored(context, extensionId)).includes('"site":"news-site.example"'))
      .toBe(true);
    const second = await exportFromSettings();
    expect(companiesIn(first).has('Microsoft')).toBe(false);
    expect(companiesIn(second).has('Microsoft')).toBe(true);
    for (const path of [first, second]) expect(companiesIn(path).has('Google')).toBe(true);
    const history = await everythingStored(context, extensionId);

    const page = await context.newPage();
    page.on('dialog', (dialog) => dialog.accept());
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`chrome-extension://${extensionId}/classroom.html`);
    await page.click('[data-testid="class-link"]');
    await page.waitForSelector('[data-testid="class-results"]');
    expect(await page.textContent('[data-testid="class-contributors"]')).toBe('No exports pooled yet.');

    await page.setInputFiles('[data-testid="class-input"]', [first, second]);
    await expect.poll(() => page.textContent('[data-testid="class-contributors"]')).toBe('2 exports pooled');
    const pooled = await sentences(page);
    expect(pooled).toContain('Google reached 2 of 2 of us');
    expect(pooled).toContain('Microsoft reached 1 of 2 of us');
    // The most widespread first.
    expect(pooled.indexOf('Google reached 2 of 2 of us')).toBeLessThan(
      pooled.indexOf('Microsoft reached 1 of 2 of us'),
    );
    expect(await page.locator('[data-testid="class-notes"] p').allTextContents()).toEqual([
      expect.stringMatching(/: pooled \(\d+ companies\)\.$/),
      expect.stringMatching(/: pooled \(\d+ companies\)\.$/),
    ]);

    // The same file again: refused, said so, not counted.
    await page.setInputFiles('[data-testid="class-input"]', [first]);
    await expect
      .poll(() => page.textContent('[data-testid="class-notes"]'))
      .toMatch(/was already pooled, on .+: it is not counted twice\./);
    expect(await page.textContent('[data-testid="class-contributors"]')).toBe('2 exports pooled');
    expect(await sentences(page)).toEqual(pooled);

    // A corrupt file: refused with the reason, the class results as they were.
    const lines = readFileSync(second, 'utf8').trimEnd().split('\n');
    const corrupt = join(mkdtempSync(join(tmpdir(), 'disclosed-pool-')), 'broken.ndjson');
    writeFileSync(corrupt, [...lines.slice(0, -1), '{"flow": {'].join('\n'));
    await page.setInputFiles('[data-testid="class-input"]', [corrupt]);
    await expect
      .poll(() => page.textContent('[data-testid="class-notes"]'))
      .toMatch(/^broken\.ndjson was not pooled: .*line \d+: is not JSON.*The class results are as they were\.$/);
    expect(await page.textContent('[data-testid="class-contributors"]')).toBe('2 exports pooled');
    expect(await sentences(page)).toEqual(pooled);

    // Projector-sized, accessible, and the personal history untouched by any of it.
    expect(await axeViolations(page)).toEqual([]);
    const smallest = await page.evaluate(() =>
      Math.min(
        ...[...document.querySelectorAll('main *')]
          .filter(
            (el) => el.childNodes.length && [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent?.trim()),
          )
          .map((el) => Number.parseFloat(getComputedStyle(el).fontSize)),
      ),
    );
    expect(smallest).toBeGreaterThanOrEqual(20);
    expect(await everythingStored(context, extensionId)).toBe(history);

    // The second student browses on and exports again: the later export replaces the earlier, still 2 of us.
    await visit(`https://${HEALTH}/index.html`);
    await expect.poll(async () => (await everythingStored(context, extensionId)).includes('health-clinic')).toBe(true);
    const later = await exportFromSettings();
    await page.setInputFiles('[data-testid="class-input"]', [later]);
    await expect
      .poll(() => page.textContent('[data-testid="class-notes"]'))
      .toMatch(/replaced the earlier export of the same browser \(pooled on .+\): \d+ companies, counted once\./);
    expect(await page.textContent('[data-testid="class-contributors"]')).toBe('2 exports pooled');
    // Counted once: no company reached more of us than there are.
    const replaced = await sentences(page);
    expect(replaced).toContain('Google reached 2 of 2 of us');
    expect(replaced.filter((line) => / of 3 of us|3 of 2/.test(line))).toEqual([]);

    await page.click('[data-testid="class-clear"]');
    await expect.poll(() => page.textContent('[data-testid="class-contributors"]')).toBe('No exports pooled yet.');
    expect(await sentences(page)).toEqual([]);
    // Cleared, a file pools again.
    await page.setInputFiles('[data-testid="class-input"]', [first]);
    await expect.poll(() => page.textContent('[data-testid="class-contributors"]')).toBe('1 export pooled');
    await page.close();
  });
});
