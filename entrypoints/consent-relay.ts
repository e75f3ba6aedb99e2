import browser from 'webextension-polyfill';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { CHANNEL_ASK, CHANNEL_HELLO, DETECTED_FLAG, REPORTS_PER_PAGE } from '../lib/consent/channel.ts';
import { request } from '../lib/messages.ts';

// The isolated half of the consent reader: it hands the reader a channel no page script knows, and forwards what
// comes on it to the worker, which checks it. Registered by file at run time, off the sites the user excluded
// (background.ts), at document_start beside the reader: an unlisted script, so no WXT wrapper posts anything to
// the page.
export default defineUnlistedScript({
  globalName: false,
  main() {
    const channel = crypto.randomUUID();
    /** Says the channel's name; true when the reader took it (it cancels the event). */
    const hello = () => !document.dispatchEvent(new CustomEvent(CHANNEL_HELLO, { detail: channel, cancelable: true }));
    // One handshake: said once as the relay starts (the reader, if it ran first, takes it), else once when the
    // reader asks, which it does as it starts. Nothing of the page has run before either: no later ask is answered.
    // The ask is waited for until the document is parsed at most: by then the reader, which runs before any of the
    // page's scripts, has asked if it runs at all, and a page's script that asks later is never answered.
    if (!hello()) {
      const stop = () => {
        document.removeEventListener(CHANNEL_ASK, asked);
        document.removeEventListener('DOMContentLoaded', stop);
      };
      const asked = () => {
        stop();
        hello();
      };
      document.addEventListener(CHANNEL_ASK, asked);
      document.addEventListener('DOMContentLoaded', stop);
    }
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
      if (!report || typeof report !== 'object') return;
      // This world's clock, which the page cannot set: when the report arrived, however late the worker wakes.
      (report as Record<string, unknown>).relayedAt = Date.now();
      request(browser.runtime.sendMessage, 'consent/page-state', report as never).catch(() => undefined);
    });
  },
});
