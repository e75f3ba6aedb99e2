import type { SiteMap } from '../../scripts/fake-internet.ts';
import { TEST_SITES } from '../e2e/test-site.ts';

/**
 * The Chromium tests' site, plus one page whose trackers Firefox stops before they send anything: Enhanced Tracking
 * Protection blocks Criteo's pixel (a test entry, since its lists cannot be downloaded here) and a SmartBlock-style
 * extension (./shim-extension: it needs host permission for the tracker and for this page, as Firefox asks of any
 * extension that intercepts a page's requests) swaps comScore's script for a local shim. Hotjar's pixel gets through:
 * the page's one recipient.
 */
export const PROTECTED = 'www.protected-news.example';
export const ETP_BLOCKED = 'static.criteo.net';
export const SHIMMED = 'b.scorecardresearch.com';
export const LET_THROUGH = 'static.hotjar.com';

/** A page on one of Firefox's restricted domains, where no add-on may see what a page sends. */
export const RESTRICTED = 'https://addons.mozilla.org/en-US/firefox/';

export const FIREFOX_SITES: SiteMap = {
  ...TEST_SITES,
  'addons.mozilla.org': {
    '/en-US/firefox/':
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Add-ons</title>' +
      '<link rel="icon" href="data:,"></head><body><h1>Add-ons</h1>' +
      '<img alt="" src="https://www.google-analytics.com/collect?v=1&tid=UA-9&cid=1.2">' +
      '</body></html>',
  },
  [PROTECTED]: {
    '/index.html':
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Protected</title>' +
      '<link rel="icon" href="data:,"></head><body><h1>Protected</h1>' +
      `<img alt="" src="https://${ETP_BLOCKED}/pixel.gif?uid=c9d8e7f6a5b4">` +
      `<script src="https://${SHIMMED}/beacon.js?c1=2&c2=123456"></script>` +
      `<img alt="" src="https://${LET_THROUGH}/c/pixel.gif?hjid=4455">` +
      '</body></html>',
  },
};
