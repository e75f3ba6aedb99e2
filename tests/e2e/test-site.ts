import type { SiteMap } from '../../scripts/fake-internet.ts';

/**
 * The local test site. Real tracker hostnames (routed to loopback) with what the popup must show for each page.
 * Every host below is served by the fake internet; nothing leaves the machine.
 */
export const NEWS = 'www.news-site.example';
export const META_PAGE = 'www.facebook.com';

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>` +
  `<link rel="icon" href="data:,"></head><body><h1>${title}</h1>${body}</body></html>`;

export const TEST_SITES: SiteMap = {
  [NEWS]: {
    '/article.html': page(
      'Article',
      // A first-party subdomain: never listed.
      '<link rel="stylesheet" href="https://static.news-site.example/style.css">' +
        // Google Analytics, and a Google redirect chain: each hop reached a Google server.
        '<img alt="" src="https://www.google-analytics.com/collect?v=1&tid=UA-1&cid=555.666&t=pageview">' +
        '<img alt="" src="https://www.google-analytics.com/redirect?to=https%3A%2F%2Fstats.g.doubleclick.net%2Fpixel.gif">' +
        // Meta's pixel: a script and an image.
        '<script src="https://connect.facebook.net/en_US/fbevents.js"></script>' +
        '<img alt="" src="https://www.facebook.com/tr?id=123&ev=PageView">' +
        // A third party no list knows.
        '<script src="https://cdn.unlisted-widgets.example/widget.js"></script>' +
        // An ad iframe with a nested pixel: the pixel's first party is still the news site.
        '<iframe title="ad" src="https://ib.adnxs.com/frame.html"></iframe>' +
        // A request that reaches the server but gets no answer: recorded as failed.
        '<img alt="" src="https://bat.bing.com/drop/action.gif">' +
        // An about:blank frame that loads a tracker: attributed to the tab's site too.
        '<iframe title="blank" id="blank"></iframe>' +
        '<script>document.getElementById("blank").contentDocument.body.innerHTML=' +
        '\'<img alt="" src="https://bat.bing.com/action/0?ti=1">\';</script>',
    ),
    '/empty.html': page('Nothing shared', '<p>No third parties here.</p>'),
    // The site's own service worker calls a tracker: a request with no tab, attributed to the site.
    '/with-worker.html': page(
      'Worker',
      '<script>navigator.serviceWorker.register("/sw.js").then(() => navigator.serviceWorker.ready)' +
        '.then(() => { document.title = "worker ready"; });</script>',
    ),
    '/sw.js': {
      type: 'text/javascript',
      body:
        'self.addEventListener("install", (e) => { self.skipWaiting(); });' +
        'self.addEventListener("activate", (e) => { e.waitUntil(fetch("https://www.google-analytics.com/collect?from=sw", { mode: "no-cors" })); });',
    },
    // Known accessibility faults, to show the axe check can fail.
    '/inaccessible.html': page('Faulty', '<img src="/x.gif"><button></button>'),
    // A burst of tracker requests, `n` of them at `rate` a second: for stopping the service worker mid-burst.
    '/burst.html': page(
      'Burst',
      '<script>const q=new URLSearchParams(location.search);const n=+q.get("n"),rate=+q.get("rate");' +
        'let i=0;const t0=performance.now();(function tick(){const due=Math.min(n,Math.ceil((performance.now()-t0)*rate/1000)+1);' +
        'for(;i<due;i++){fetch("https://ssl.google-analytics.com/collect/"+i,{mode:"no-cors",keepalive:false});}' +
        'if(i<n)setTimeout(tick,5);else document.title="sent";})();</script>',
    ),
  },
  'static.news-site.example': { '/style.css': { type: 'text/css', body: 'body { font-family: serif; }' } },
  'ib.adnxs.com': { '/frame.html': page('Ad', '<img alt="" src="https://pixel.rubiconproject.com/tap.php?v=1">') },
  [META_PAGE]: {
    '/disclosed-test.html': page(
      'A Meta page',
      // Meta's own CDN on a Meta site: same owner, first party.
      '<script src="https://static.xx.fbcdn.net/rsrc.php/v3/x.js"></script>' +
        '<img alt="" src="https://www.google-analytics.com/collect?v=1&tid=UA-2&cid=1.2&t=pageview">',
    ),
  },
};

/** What the popup must list on the article, with the hosts whose server-side log gives each request count. */
export const ARTICLE_COMPANIES = {
  Google: ['www.google-analytics.com', 'stats.g.doubleclick.net'],
  Meta: ['connect.facebook.net', 'www.facebook.com'],
  Microsoft: ['ib.adnxs.com', 'bat.bing.com'],
  Magnite: ['pixel.rubiconproject.com'],
} as const;
export const ARTICLE_UNLISTED = { 'unlisted-widgets.example': ['cdn.unlisted-widgets.example'] } as const;
