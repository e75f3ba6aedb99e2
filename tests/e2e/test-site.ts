// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the test pages' scripts are written as strings on purpose.
import type { SiteMap } from '../../scripts/fake-internet.ts';

/**
 * The local test site. Real tracker hostnames (routed to loopback) with what the popup must show for each page.
 * Every host below is served by the fake internet; nothing leaves the machine.
 */
export const NEWS = 'www.news-site.example';
export const META_PAGE = 'www.facebook.com';
export const HEALTH = 'www.health-clinic.example';

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>` +
  `<link rel="icon" href="data:,"></head><body><h1>${title}</h1>${body}</body></html>`;

/** A shop page whose trackers receive each kind of data, the way such scripts send it. */
const DISCLOSING = page(
  'Blue shoes',
  '<script>' +
    'const here = encodeURIComponent(location.href);' +
    // A GA4-style hit: page address and title, client id, screen and language, the event.
    'fetch(`https://region1.google-analytics.com/g/collect?v=2&tid=G-ABC123&cid=1234567890.1700000000&ul=en-us&sr=1920x1080&dl=${here}&dt=${encodeURIComponent(document.title)}&en=page_view`, {method: "POST", mode: "no-cors"});' +
    // A Meta-style pixel, twice: the second carries the cookie the first one set.
    'const px = (n) => { new Image().src = `https://www.facebook.com/tr/?id=998877&ev=AddToCart&dl=${here}&fbp=fb.1.1700000000000.1234567890&n=${n}`; };' +
    'px(1); setTimeout(() => px(2), 300);' +
    // A beacon with JSON to an unlisted analytics host.
    'navigator.sendBeacon("https://collect.example-analytics.com/v1/e", JSON.stringify({event: "purchase", client_id: "a1b2c3d4e5f6a7b8", page: {url: location.href}}));' +
    // A base64 JSON parameter carrying an email address.
    'new Image().src = "https://px.example-ads.com/i?data=" + btoa(JSON.stringify({uid: "7d8e9f0a1b2c3d4e", email: "jane.doe@example.com"}));' +
    // A hashed email address, as ad platforms' "enhanced matching" sends it.
    'new Image().src = "https://px.example-ads.com/sync?em=86e0b9e56c17cc4d12387e1949b85053fbe73bc3ce5a1188713a9d300cc6133d";' +
    // A session-recording batch.
    'fetch("https://rec.unknown-recorder.example/batch", {method: "POST", mode: "no-cors", body: JSON.stringify(Array.from({length: 6}, (_, i) => ({type: "mousemove", x: i * 10, y: i * 5})))});' +
    '</script>',
);

/** Three unrelated sites that each load the same unlisted third party, which gets an id every time. */
export const CROSS_SITE_HOSTS = ['www.recipes-a.example', 'www.travel-b.example', 'www.garden-c.example'];
const crossSitePage = page(
  'Cross-site',
  '<img alt="" src="https://pixel.cross-tracker.example/p.gif?visitor_id=b7e1c9a04f3d2e8a5c6b">',
);

export const TEST_SITES: SiteMap = {
  ...Object.fromEntries(CROSS_SITE_HOSTS.map((host) => [host, { '/index.html': crossSitePage }])),
  'www.shoe-shop.example': {
    '/p/42.html': DISCLOSING,
    // A search page: its query is in its address, and its trackers get the address.
    '/search.html': page(
      'Search',
      '<script>fetch(`https://region1.google-analytics.com/g/collect?v=2&dl=${encodeURIComponent(location.href)}`, {method: "POST", mode: "no-cors"});</script>',
    ),
  },
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
  // A blog with Magnite's and Google's pixels, each carrying its own id: for deletion requests.
  'www.garden-blog.example': {
    '/post.html': page(
      'A post',
      '<img alt="" src="https://pixel.rubiconproject.com/pixel.gif?uid=rp7f3a91c2e8">' +
        '<img alt="" src="https://www.google-analytics.com/collect?v=1&cid=ga55512345.999&t=pageview">',
    ),
  },
  // A health site (GDPR Art. 9) with the same two pixels: a letter leaves it out unless the user ticks it.
  [HEALTH]: {
    '/index.html': page(
      'Find a doctor',
      '<img alt="" src="https://pixel.rubiconproject.com/pixel.gif?uid=rp7f3a91c2e8">' +
        '<img alt="" src="https://www.google-analytics.com/collect?v=1&cid=ga55512345.999&t=pageview">',
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
