import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectLinesMatchSchema, exportLines } from '../export-schema.ts';
import { everythingStored, storedEvents } from './extension-db.ts';
import { useExtensionBrowser } from './setup.ts';
import { META_PAGE, NEWS, TEST_SITES } from './test-site.ts';

const env = useExtensionBrowser(TEST_SITES);

async function visit(url: string) {
  const page = await env.browser.context.newPage();
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.close();
}

async function openSettings(): Promise<Page> {
  const page = await env.browser.context.newPage();
  // Destructive steps ask first: accept the confirmation, as a person would.
  page.on('dialog', (dialog) => dialog.accept());
  await page.goto(`chrome-extension://${env.browser.extensionId}/options.html#/settings`);
  await page.waitForSelector('[data-testid="forget-input"]');
  return page;
}

async function eventually(check: () => Promise<boolean>, timeoutMs = 3000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
}

describe('your data', () => {
  it('forgets a site: no trace of it is left in any table, other sites stay', async () => {
    await visit(`https://${NEWS}/article.html`);
    await visit(`https://${META_PAGE}/disclosed-test.html`);
    await eventually(async () =>
      (await everythingStored(env.browser.context, env.browser.extensionId)).includes('news-site.example'),
    );
    expect(await everythingStored(env.browser.context, env.browser.extensionId)).toContain('news-site.example');

    const settings = await openSettings();
    await settings.fill('[data-testid="forget-input"]', `https://${NEWS}/article.html`);
    await settings.click('[data-testid="forget-button"]');
    await settings.waitForSelector('[data-testid="data-message"]:has-text("Forgot news-site.example")');

    expect(await everythingStored(env.browser.context, env.browser.extensionId)).not.toContain('news-site.example');
    const rest = await storedEvents(env.browser.context, env.browser.extensionId);
    expect(rest.length).toBeGreaterThan(0);
    expect(new Set(rest.map((e) => e.site))).toEqual(new Set(['facebook.com']));
    await settings.close();
  });

  it('records nothing on an excluded site', async () => {
    const settings = await openSettings();
    await settings.fill('[data-testid="exclude-input"]', 'www.shoe-shop.example');
    await settings.click('[data-testid="exclude-button"]');
    await settings.waitForSelector('[data-testid="excluded-sites"] li:has-text("shoe-shop.example")');
    await visit('https://www.shoe-shop.example/p/42.html');
    await visit(`https://${META_PAGE}/disclosed-test.html?again`);
    await eventually(async () => (await storedEvents(env.browser.context, env.browser.extensionId)).length >= 2);
    const sites = new Set((await storedEvents(env.browser.context, env.browser.extensionId)).map((e) => e.site));
    expect(sites.has('shoe-shop.example')).toBe(false);
    expect(sites.has('facebook.com')).toBe(true);
    await settings.close();
  });

  it('deletes everything when asked, and says so', async () => {
    const settings = await openSettings();
    await settings.click('[data-testid="clear-button"]');
    await settings.waitForSelector(
      '[data-testid="data-message"]:has-text("Everything Disclosed recorded was deleted")',
    );
    expect(await storedEvents(env.browser.context, env.browser.extensionId)).toEqual([]);
    expect(await settings.locator('[data-testid="storage-used"]').textContent()).toMatch(
      /Disclosed uses .+ on this device/,
    );
    await settings.close();
  });
});

describe('export and import', () => {
  /** The stored totals, without the browser-local parts, in a stable order: what the views are built from. */
  async function totals(): Promise<string> {
    const all = JSON.parse(await everythingStored(env.browser.context, env.browser.extensionId)) as Record<
      string,
      unknown[]
    >;
    const sort = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).sort();
    return JSON.stringify({ flows: sort(all.siteCompanies ?? []), days: sort(all.dayCompanies ?? []) });
  }

  it('exports JSON, and after deleting everything, importing it brings the same totals back', async () => {
    await visit(`https://${NEWS}/article.html?export`);
    await visit(`https://${META_PAGE}/disclosed-test.html?export`);
    await eventually(async () => (await totals()).includes('news-site.example'));
    const before = await totals();
    // What the recorder kept whole for deletion requests: none of it may be in the file.
    const stored = JSON.parse(await everythingStored(env.browser.context, env.browser.extensionId)) as {
      identifiers?: { value: string }[];
    };
    const identifierValues = (stored.identifiers ?? []).map((i) => i.value).filter((v) => v.length >= 4);

    const settings = await openSettings();
    const [download] = await Promise.all([
      settings.waitForEvent('download'),
      settings.getByRole('button', { name: 'Export JSON' }).click(),
    ]);
    const path = await download.path();
    expect(download.suggestedFilename()).toMatch(/^disclosed-\d{4}-\d{2}-\d{2}\.ndjson$/);
    // In lines: a header, then one flow, attempt, day or event a line, each valid by the schema.
    const text = readFileSync(path, 'utf8');
    expectLinesMatchSchema(text);
    const [header, ...records] = exportLines(text) as Record<string, unknown>[];
    expect(header).toMatchObject({ format: 'disclosed-export', version: 4 });
    for (const value of identifierValues) expect(text).not.toContain(value);
    const flows = records.flatMap((r) => (r.flow ? [r.flow as { site: string; organization: { name: string } }] : []));
    expect(flows.some((f) => f.site === 'news-site.example' && f.organization.name === 'Google')).toBe(true);

    await settings.click('[data-testid="clear-button"]');
    await settings.waitForSelector('[data-testid="data-message"]:has-text("was deleted")');
    expect(await totals()).toBe(JSON.stringify({ flows: [], days: [] }));

    await settings.setInputFiles('[data-testid="import-input"]', path);
    await settings.waitForSelector('[data-testid="data-message"]:has-text("Imported:")');
    expect(await totals()).toBe(before);

    // A tampered file is refused whole, with the reason, and nothing changes: its last line is bad, every line before
    // it good, so nothing may be written before the whole file is checked.
    const lines = text.trimEnd().split('\n');
    const badFlow = { flow: { ...flows[0], site: '<script>alert(1)</script>' } };
    const tampered = join(mkdtempSync(join(tmpdir(), 'disclosed-import-')), 'bad.ndjson');
    writeFileSync(
      tampered,
      `${[header, ...records].map((r) => JSON.stringify(r)).join('\n')}\n${JSON.stringify(badFlow)}\n`,
    );
    await settings.click('[data-testid="clear-button"]');
    await settings.waitForSelector('[data-testid="data-message"]:has-text("was deleted")');
    await settings.setInputFiles('[data-testid="import-input"]', tampered);
    await settings.waitForSelector('[data-testid="data-message"]:has-text("nothing was changed")');
    expect(await settings.locator('[data-testid="data-message"]').textContent()).toContain(
      `line ${lines.length + 1}.flow.site`,
    );
    expect(await totals()).toBe(JSON.stringify({ flows: [], days: [] }));
    await settings.close();
  });

  it('includes the letters only when asked, and importing that file into an emptied browser brings them back', async () => {
    const settings = await openSettings();
    const cited = 'GA1.1.918273645.1700000000';
    const name = 'Jane Q. Doe';
    // As the letters page records one: through the background.
    await settings.evaluate(
      async ({ cited, name }) => {
        const { chrome } = globalThis as unknown as {
          chrome: { runtime: { sendMessage(m: object): Promise<unknown> } };
        };
        await chrome.runtime.sendMessage({ type: 'settings/update', payload: { residence: 'DE' } });
        await chrome.runtime.sendMessage({
          type: 'letters/record-sent',
          payload: {
            reference: 'DSC-20261102-E2EE2E',
            company: 'google',
            companyName: 'Google',
            jurisdiction: 'gdpr',
            language: 'en',
            right: 'erasure',
            channel: 'email',
            recipient: 'privacy@google.example',
            subject: 'Erasure request',
            body: `Please erase ${cited}.\n\n${name}`,
            sentOn: '2026-11-02',
            name,
            evidence: {
              domains: ['www.google-analytics.com'],
              sites: ['news-site.example'],
              requests: 1,
              firstSeen: 1,
              lastSeen: 1,
              categories: ['site_analytics'],
              kinds: ['identifier'],
              identifiers: [{ source: 'cookie', name: '_ga', value: cited }],
            },
          },
        });
      },
      { cited, name },
    );
    const exportJson = async () => {
      const [download] = await Promise.all([
        settings.waitForEvent('download'),
        settings.getByRole('button', { name: 'Export JSON' }).click(),
      ]);
      return { path: await download.path(), text: readFileSync(await download.path(), 'utf8') };
    };

    // Off by default: no letter, no name, no cited value.
    const plain = await exportJson();
    expect(plain.text).not.toContain(cited);
    expect(plain.text).not.toContain(name);
    expect(plain.text).not.toContain('"letter"');

    await settings.getByLabel('Include my letters and contacts', { exact: false }).check();
    const withLetters = await exportJson();
    expectLinesMatchSchema(withLetters.text);
    const [header, ...records] = exportLines(withLetters.text) as Record<string, unknown>[];
    expect(header).toMatchObject({ settings: { residence: 'DE' } });
    expect(records.filter((r) => r.letter)).toMatchObject([{ letter: { reference: 'DSC-20261102-E2EE2E', name } }]);

    // A new browser, as far as letters go: the table emptied.
    await settings.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('disclosed');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('letters', 'readwrite');
            tx.objectStore('letters').clear();
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
          };
        }),
    );
    const letters = async () =>
      (JSON.parse(await everythingStored(env.browser.context, env.browser.extensionId)) as { letters?: unknown[] })
        .letters ?? [];
    expect(await letters()).toEqual([]);
    await settings.setInputFiles('[data-testid="import-input"]', withLetters.path);
    await settings.waitForSelector('[data-testid="data-message"]:has-text("Imported:")');
    expect(await letters()).toMatchObject([
      {
        reference: 'DSC-20261102-E2EE2E',
        status: 'sent',
        sentOn: '2026-11-02',
        evidence: { identifiers: [{ value: cited }] },
      },
    ]);
    await settings.close();
  });
});
