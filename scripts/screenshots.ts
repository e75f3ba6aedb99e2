/**
 * `npm run screenshots`: every screen of the built extension, in light and dark mode, as PNG files in screenshots/
 * (and the print preview of a letter as a PDF), with the local test site behind it so the screens have data.
 * It builds nothing: run `npx wxt build` first. Nothing leaves the machine (the test site is served on loopback).
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { TEST_SITES } from '../tests/e2e/test-site.ts';
import { EXTENSION_DIR, launchWithExtension } from './browser.ts';
import { startFakeInternet } from './fake-internet.ts';
import { makeHistory, SCREENS } from './screens.ts';

const root = resolve(import.meta.dirname ?? '.', '..');
const outDir = join(root, 'screenshots');

if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
  console.error(`No build at ${relative(root, EXTENSION_DIR)}: run \`npx wxt build\` first.`);
  process.exit(1);
}

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const internet = await startFakeInternet(TEST_SITES);
const browser = await launchWithExtension({ port: internet.port, thirdPartyCookies: true });
const written: string[] = [];
try {
  await makeHistory(browser.context, browser.extensionId);
  for (const scheme of ['light', 'dark'] as const) {
    for (const screen of SCREENS) {
      // On paper there is no dark mode: the printed letter once.
      if (screen.kind === 'print' && scheme === 'dark') continue;
      const page = await screen.open(browser.context, browser.extensionId, scheme);
      const file = join(outDir, screen.kind === 'print' ? `${screen.name}.png` : `${screen.name}-${scheme}.png`);
      // The popup as it opens (its window is at most 600 px tall); every other screen whole.
      await page.screenshot({ path: file, fullPage: screen.kind !== 'popup' });
      written.push(file);
      if (screen.kind === 'print') {
        const pdf = join(outDir, `${screen.name}.pdf`);
        await page.pdf({ path: pdf, format: 'A4' });
        written.push(pdf);
      }
      await page.close();
    }
  }
} finally {
  await browser.close();
  await internet.close();
}
for (const file of written) console.log(relative(root, file));
