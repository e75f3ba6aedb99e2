/**
 * `npm run demo`: builds the extension, serves the demo site on loopback and starts Chromium with the extension.
 * With a display, a browser window opens on the demo sites to click around in (Ctrl+C ends it). Without one, it runs
 * headless: visits each demo page, prints which companies received data on each, and saves popup screenshots.
 */
import { execSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchWithExtension, tabIdOf } from './browser.ts';
import { DEMO_PAGES, DEMO_SITES } from './demo-site.ts';
import { startFakeInternet } from './fake-internet.ts';

const headless = process.argv.includes('--headless') || !process.env.DISPLAY;
const outDir = resolve(import.meta.dirname ?? '.', '..', 'demo-output');

if (!process.argv.includes('--no-build')) execSync('npm run build', { stdio: 'inherit' });
const internet = await startFakeInternet(DEMO_SITES);
const browser = await launchWithExtension({ port: internet.port, headless });
console.log(
  `\nDisclosed is loaded (extension id ${browser.extensionId}); demo sites served on 127.0.0.1:${internet.port}.`,
);

if (!headless) {
  // `--classroom`: the classroom page first, for a class (start a session, then browse in the other tab).
  if (process.argv.includes('--classroom')) {
    const classroom = await browser.context.newPage();
    await classroom.goto(`chrome-extension://${browser.extensionId}/classroom.html`);
  }
  const page = await browser.context.newPage();
  await page.goto(DEMO_PAGES[0]?.url.replace(/\/[^/]*\/[^/]*$/, '/') ?? 'about:blank');
  console.log(
    'A browser window is open on the demo sites. Click the Disclosed toolbar button on any page. Ctrl+C ends.',
  );
  process.on('SIGINT', async () => {
    await browser.close();
    await internet.close();
    process.exit(0);
  });
} else {
  mkdirSync(outDir, { recursive: true });
  for (const demo of DEMO_PAGES) {
    const page = await browser.context.newPage();
    await page.goto(demo.url, { waitUntil: 'networkidle' });
    const tabId = await tabIdOf(browser.context, browser.extensionId, demo.url);
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 400, height: 900 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
    await popup.waitForSelector('main[aria-busy="false"]');
    await popup.waitForTimeout(300);
    const rows = await popup.$$eval('[data-testid="recipient"]', (items) =>
      items.map((li) => ({
        name: li.querySelector('[data-testid="company-name"]')?.textContent ?? '',
        requests: li.querySelector('[data-testid="requests"]')?.textContent ?? '',
        domains: li.querySelector('[data-testid="domains"]')?.textContent ?? '',
      })),
    );
    console.log(`\n${demo.title} — ${new URL(demo.url).hostname}`);
    for (const r of rows) console.log(`  ${r.name.padEnd(28)} ${r.requests.padEnd(12)} ${r.domains}`);
    const file = join(outDir, `${new URL(demo.url).hostname}.png`);
    await popup.screenshot({ path: file, fullPage: true });
    console.log(`  popup screenshot: ${file}`);
    await popup.close();
    await page.close();
  }
  await browser.close();
  await internet.close();
}
