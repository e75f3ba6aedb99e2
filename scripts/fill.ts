/**
 * Fills the extension's database with realistic history: sharing events from page loads over the past months,
 * classified by the real tracker data and written through the recorder's own transaction inside the extension
 * (see scripts/synthetic.ts for what the history looks like).
 *
 *   npm run fill -- --events 1000000 --profile /tmp/disclosed-profile
 *
 * then `chromium --user-data-dir=/tmp/disclosed-profile --load-extension=.output/chrome-mv3` shows the dashboard
 * at that scale. `npm run bench` calls `fillDatabase` to time the dashboard's views at a million events.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import type { BrowserContext } from 'playwright-core';
import { launchWithExtension } from './browser.ts';
import type { HistoryOptions } from './synthetic.ts';

const root = resolve(import.meta.dirname ?? '.', '..');

export interface FillOptions extends HistoryOptions {
  onProgress?: (written: number) => void;
}

interface PageFill {
  start(indexText: string, options: HistoryOptions): void;
  next(): Promise<number>;
}

/** The page-side writer, bundled for injection into an extension page. */
async function pageScript(): Promise<string> {
  const out = await build({
    entryPoints: [resolve(root, 'scripts', 'fill-page.ts')],
    bundle: true,
    format: 'iife',
    write: false,
    target: 'chrome120',
    logLevel: 'silent',
  });
  return out.outputFiles[0]?.text ?? '';
}

/** Writes the history into the extension's IndexedDB from one of its pages. Resolves to the events written. */
export async function fillDatabase(
  context: BrowserContext,
  extensionId: string,
  options: FillOptions,
): Promise<number> {
  const indexText = readFileSync(resolve(root, 'lib', 'generated', 'tracker-list.json'), 'utf8');
  const { onProgress, ...history } = options;
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/options.html#/settings`);
    await page.evaluate(await pageScript());
    await page.evaluate(
      ([text, o]) => (globalThis as unknown as { disclosedFill: PageFill }).disclosedFill.start(text, o),
      [indexText, history] as const,
    );
    const next = () => page.evaluate(() => (globalThis as unknown as { disclosedFill: PageFill }).disclosedFill.next());
    let written = 0;
    for (let n = await next(); n > 0; n = await next()) {
      written += n;
      onProgress?.(written);
    }
    return written;
  } finally {
    await page.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(root, 'scripts', 'fill.ts')) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const events = Number(arg('events') ?? 1_000_000);
  const profile = arg('profile');
  if (profile) mkdirSync(profile, { recursive: true });
  const browser = await launchWithExtension({ port: 9, ...(profile ? { userDataDir: profile } : {}) });
  const started = performance.now();
  const total = await fillDatabase(browser.context, browser.extensionId, {
    events,
    onProgress: (n) => process.stdout.write(`\r${n.toLocaleString('en')} events`),
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`\nWrote ${total.toLocaleString('en')} events in ${seconds} s${profile ? ` to ${profile}` : ''}.`);
  await browser.close();
}
