import browser from 'webextension-polyfill';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { CHANNEL_ASK, CHANNEL_HELLO, DETECTED_FLAG, REPORTS_PER_PAGE } from '../lib/consent/channel.ts';
import { request } from '../lib/messages.ts';

// The isolated half of the consent reader: it hands the reader a channel no page script knows, and forwards what
// comes on it to the worker, which checks it. Registered at run time, off the sites the user excluded (background.ts).
export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_start',
  allFrames: false,
  registration: 'runtime',
  exclude: ['firefox'],
  globalName: false,
  main() {
    const channel = crypto.randomUUID();
    const hello = () => document.dispatchEvent(new CustomEvent(CHANNEL_HELLO, { detail: channel }));
    document.addEventListener(CHANNEL_ASK, hello);
    hello();
    // By then both scripts have run: later askers are the page's own.
    document.addEventListener('DOMContentLoaded', () => document.removeEventListener(CHANNEL_ASK, hello), {
      once: true,
    });
    let forwarded = 0;
    document.addEventListener(channel, (event) => {
      const detail = (event as CustomEvent).detail;
      if (typeof detail !== 'string' || detail.length > 10_000 || forwarded >= REPORTS_PER_PAGE) return;
      forwarded++;
      let report: unknown;
      try {
        report = JSON.parse(detail);
      } catch {
        return;
      }
      // The reader cannot see a CMP without an IAB API; the detector, in this world, may have found one.
      const noBanner = (report as { signal?: { state?: unknown } } | null)?.signal?.state === 'no-banner';
      if (noBanner && (globalThis as Record<string, unknown>)[DETECTED_FLAG]) return;
      request(browser.runtime.sendMessage, 'consent/page-state', report as never).catch(() => undefined);
    });
  },
});
