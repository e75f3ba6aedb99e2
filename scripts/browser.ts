/**
 * Starts Debian's Chromium with the built extension loaded and the fake internet in front of it (the recipe in
 * shared/E2E.md). Used by the end-to-end tests, the demo and the benchmark.
 */
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Worker } from 'playwright-core';
import { BENCH_TIMINGS_MESSAGE, type BenchTimings } from '../lib/background/bench-protocol.ts';
import type { BackgroundStatus } from '../lib/messages.ts';

/** The build users get (`wxt build`): what the end-to-end tests load. */
export const EXTENSION_DIR = resolve(import.meta.dirname ?? '.', '..', '.output', 'chrome-mv3');
/** The bench build (`wxt build --mode bench`): the same extension plus the timing probe (lib/background/bench-probe.ts). */
export const BENCH_EXTENSION_DIR = resolve(import.meta.dirname ?? '.', '..', '.output', 'chrome-mv3-bench');

/** The bit of the `chrome` global an extension page has that the harness calls. */
export interface ChromeGlobal {
  chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
}

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((p) => p && existsSync(p));
  if (!found)
    throw new Error('Chromium not found: install it with `apt-get install -y chromium` (or set CHROMIUM_PATH).');
  return found;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  userDataDir: string;
  close(): Promise<void>;
}

/**
 * Flags for headless Chromium on these machines: no sandbox (root), no GPU, and none of the browser's own network
 * traffic (its background connections are refused here, many at a time, and it has no internet to reach).
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchWithExtension(options: {
  port: number;
  headless?: boolean;
  /** Allow third-party cookies (this Chromium blocks them by default). */
  thirdPartyCookies?: boolean;
  /** A profile to use (and keep); by default a new temporary one. */
  userDataDir?: string;
  /** The unpacked extension to load: by default the shipped build. */
  extensionDir?: string;
  /** Other unpacked extensions to load beside it (a blocker, say). */
  alsoLoad?: string[];
  /** Trust the fake internet's certificate by its key (`FakeInternet.spki`), so that Chromium caches what it fetches. */
  trustSpki?: string;
  /** More Chromium flags (`--disable-webgl`, say). */
  args?: string[];
  /** Keep Chromium's back/forward cache, which Playwright turns off by default (users have it on). */
  backForwardCache?: boolean;
}): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    const command = extensionDir === BENCH_EXTENSION_DIR ? 'npx wxt build --mode bench' : 'npm run build';
    throw new Error(`No build at ${extensionDir}: run \`${command}\` first.`);
  }
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'disclosed-profile-'));
  if (options.thirdPartyCookies) {
    mkdirSync(join(userDataDir, 'Default'), { recursive: true });
    writeFileSync(
      join(userDataDir, 'Default', 'Preferences'),
      JSON.stringify({ profile: { cookie_controls_mode: 0 } }),
    );
  }
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: options.headless ?? true,
    viewport: { width: 1280, height: 800 },
    ignoreHTTPSErrors: true,
    ...(options.backForwardCache ? { ignoreDefaultArgs: ['--disable-back-forward-cache'] } : {}),
    args: [
      ...CHROMIUM_ARGS,
      `--disable-extensions-except=${[extensionDir, ...(options.alsoLoad ?? [])].join(',')}`,
      `--load-extension=${[extensionDir, ...(options.alsoLoad ?? [])].join(',')}`,
      `--host-resolver-rules=MAP * 127.0.0.1:${options.port}, EXCLUDE localhost`,
      '--ignore-certificate-errors',
      ...(options.trustSpki ? [`--ignore-certificate-errors-spki-list=${options.trustSpki}`] : []),
      ...(options.args ?? []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 10_000 }));
  const extensionId = new URL(worker.url()).host;
  // The worker's target exists before its listeners do: wait until it answers a message.
  await waitForBackground(context, extensionId);
  return { context, extensionId, worker, userDataDir, close: () => context.close() };
}

/** Resolves when the background answers a status message (its listeners are registered). */
export async function waitForBackground(context: BrowserContext, extensionId: string, timeoutMs = 10_000) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await page
      .evaluate(() =>
        (globalThis as unknown as ChromeGlobal).chrome.runtime
          .sendMessage({ type: 'background/status', payload: {} })
          .then(
            (s: unknown) => !!s,
            () => false,
          ),
      )
      .catch(() => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error('The extension background did not answer within 10 s.');
    await new Promise((r) => setTimeout(r, 50));
  }
  await page.close();
}

/** Evaluates `fn` in an extension page (where `chrome.*` is available), then closes the page. */
export async function inExtensionPage<T>(
  context: BrowserContext,
  extensionId: string,
  fn: (arg: string) => Promise<T>,
  arg = '',
): Promise<T> {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    return await page.evaluate(fn, arg);
  } finally {
    await page.close();
  }
}

/** The tab id of the tab showing `url` exactly, as the extension sees it. */
export async function tabIdOf(context: BrowserContext, extensionId: string, url: string): Promise<number> {
  const id = await inExtensionPage(
    context,
    extensionId,
    async (u: string) => {
      const { chrome } = globalThis as unknown as {
        chrome: { tabs: { query(q: object): Promise<{ id: number; url: string }[]> } };
      };
      return (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? -1;
    },
    url,
  );
  if (id < 0) throw new Error(`No tab shows ${url}`);
  return id;
}

/** The background's own status report (it wakes the worker if it is stopped). */
export function backgroundStatus(context: BrowserContext, extensionId: string): Promise<BackgroundStatus> {
  return inExtensionPage(
    context,
    extensionId,
    () =>
      (globalThis as unknown as ChromeGlobal).chrome.runtime.sendMessage({
        type: 'background/status',
        payload: {},
      }) as Promise<BackgroundStatus>,
  );
}

/** The bench build's cold-start timings and recent batches (it wakes the worker if it is stopped). */
export function benchTimings(context: BrowserContext, extensionId: string): Promise<BenchTimings> {
  return inExtensionPage(
    context,
    extensionId,
    (type: string) =>
      (globalThis as unknown as ChromeGlobal).chrome.runtime.sendMessage({ type }) as Promise<BenchTimings>,
    BENCH_TIMINGS_MESSAGE,
  );
}
