import type { SiteMap } from '../../scripts/fake-internet.ts';

/**
 * A shop whose tracker iframe (Criteo) sets a CHIPS cookie: `Partitioned`, so Chromium keeps it in the shop's
 * partition even with third-party cookies blocked, and Firefox's Total Cookie Protection partitions it anyway. For
 * the letter composer's cookie tests in Chromium and Firefox.
 */
export const COOKIE_SHOP = 'https://www.craft-shop.example/index.html';
/** The cookie's value, as the composer and the letter must show it. */
export const CHIPS_VALUE = 'crt-chips-42';
export const COOKIE_SITES: SiteMap = {
  'www.craft-shop.example': {
    '/index.html':
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Craft shop</title>' +
      '<link rel="icon" href="data:,"></head><body><h1>Yarn</h1>' +
      '<iframe title="ad" src="https://gum.criteo.com/chips.html"></iframe></body></html>',
  },
  'gum.criteo.com': {
    '/chips.html': {
      type: 'text/html',
      body: '<!doctype html><title>ad</title>',
      headers: { 'set-cookie': `uid=${CHIPS_VALUE}; Path=/; Max-Age=3600; Secure; SameSite=None; Partitioned` },
    },
  },
};
