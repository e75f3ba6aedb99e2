import type { SiteMap } from './fake-internet.ts';

/**
 * The built-in demo site: three made-up sites whose pages call real tracker hostnames the way such pages commonly
 * do. The fake internet routes every one of those hostnames to loopback, so the demo runs with no internet.
 */
export const DEMO_PAGES = [
  { title: 'News article', url: 'https://www.demo-herald.example/world/article.html' },
  { title: 'Shop checkout', url: 'https://www.demo-outfitters.example/checkout.html' },
  { title: 'Health page', url: 'https://www.demo-pharmacy.example/conditions/diabetes.html' },
];

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>` +
  '<link rel="icon" href="data:,"><style>body{font:18px/1.5 Georgia,serif;max-width:40em;margin:2em auto}</style>' +
  `</head><body><h1>${title}</h1>${body}<p><a href="/">Demo sites</a></p></body></html>`;

const img = (src: string) => `<img alt="" width="1" height="1" src="${src}">`;
const script = (src: string) => `<script async src="${src}"></script>`;
const beacon = (url: string, body: string) =>
  `<script>navigator.sendBeacon(${JSON.stringify(url)}, ${JSON.stringify(body)});</script>`;

const index = page(
  'Disclosed demo sites',
  `<ul>${DEMO_PAGES.map((p) => `<li><a href="${p.url}">${p.title}</a></li>`).join('')}</ul>`,
);

export const DEMO_SITES: SiteMap = {
  'www.demo-herald.example': {
    '/': index,
    '/world/article.html': page(
      'Floods close the valley road',
      '<p>A made-up article on a made-up news site.</p>' +
        script('https://www.googletagmanager.com/gtag/js?id=G-DEMO123') +
        img(
          'https://www.google-analytics.com/g/collect?v=2&tid=G-DEMO123&cid=1234567890.1700000000&en=page_view&dl=https%3A%2F%2Fwww.demo-herald.example%2Fworld%2Farticle.html',
        ) +
        script('https://connect.facebook.net/en_US/fbevents.js') +
        img(
          'https://www.facebook.com/tr?id=998877&ev=PageView&dl=https%3A%2F%2Fwww.demo-herald.example%2Fworld%2Farticle.html',
        ) +
        '<iframe title="Advertisement" width="300" height="250" src="https://securepubads.g.doubleclick.net/gampad/ads/frame.html"></iframe>' +
        img('https://pixel.rubiconproject.com/tap.php?v=7751&nid=3644') +
        img('https://ib.adnxs.com/getuid?https%3A%2F%2Fpixel.rubiconproject.com') +
        script('https://static.chartbeat.com/js/chartbeat.js') +
        script('https://cdn.comments-widget.example/embed.js'),
    ),
  },
  'www.demo-outfitters.example': {
    '/': index,
    '/checkout.html': page(
      'Checkout',
      '<p>Two items in your basket. Total: €89.90</p>' +
        script('https://www.googletagmanager.com/gtm.js?id=GTM-DEMO') +
        img('https://www.facebook.com/tr?id=445566&ev=InitiateCheckout&cd[value]=89.90&cd[currency]=EUR') +
        script('https://analytics.tiktok.com/i18n/pixel/events.js?sdkid=DEMO') +
        script('https://static.hotjar.com/c/hotjar-123456.js?sv=6') +
        img('https://bat.bing.com/action/0?ti=5566&evt=begin_checkout') +
        script('https://js.stripe.com/v3/') +
        beacon('https://www.google-analytics.com/g/collect?v=2&tid=G-SHOP&en=begin_checkout', 'items=2&value=89.90'),
    ),
  },
  'www.demo-pharmacy.example': {
    '/': index,
    '/conditions/diabetes.html': page(
      'Living with type 2 diabetes',
      '<p>A made-up health page: what a visit here tells the companies below.</p>' +
        script('https://www.googletagmanager.com/gtag/js?id=G-PHARMA') +
        img(
          'https://www.facebook.com/tr?id=112233&ev=ViewContent&dl=https%3A%2F%2Fwww.demo-pharmacy.example%2Fconditions%2Fdiabetes.html',
        ) +
        script('https://snap.licdn.com/li.lms-analytics/insight.min.js') +
        img('https://px.ads.linkedin.com/collect/?pid=7788&fmt=gif') +
        script('https://cdn.cookielaw.org/scripttemplates/otSDKStub.js'),
    ),
  },
};
