// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the test pages' scripts are written as strings on purpose.
import { join } from 'node:path';
import { build } from 'esbuild';
import type { SiteMap } from '../../scripts/fake-internet.ts';

// The consent test site (tests/e2e/consent.e2e.ts, and the consent section of the bench): pages with a real IAB CMP
// (consent-cmp/banner.ts) and without one, served the same on every host given.

const page = (title: string, head: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>` +
  `<link rel="icon" href="data:,">${head}</head><body><h1>${title}</h1>${body}</body></html>`;

/**
 * A page with a CMP: a tracker request as it starts, another while the banner waits for an answer, the rest after
 * the answer. The page's own scripts use its CMP as sites do, and note what they see.
 */
export const WITH_CMP = page(
  'An article',
  '<script src="/cmp.js"></script>' +
    '<script>' +
    'window.pageSaw = [];' +
    '__tcfapi("addEventListener", 2, (d, ok) => pageSaw.push({ ok, eventStatus: d.eventStatus, cmpId: d.cmpId,' +
    ' gdprApplies: d.gdprApplies, listenerId: d.listenerId, hasString: !!d.tcString,' +
    ' purposes: JSON.stringify(d.purpose.consents), vendors: JSON.stringify(d.vendor.consents) }));' +
    '__tcfapi("ping", 2, (p) => pageSaw.push({ ping: JSON.stringify(p) }));' +
    'const hit = (name) => { new Image().src = `https://www.google-analytics.com/${name}.gif?t=${Date.now()}`; };' +
    'window.onAnswered = () => setTimeout(() => { hit("after-1"); hit("after-2"); document.title = "answered"; }, 300);' +
    'window.addEventListener("load", () => setTimeout(() => { window.waitingSentAt = Date.now(); hit("waiting");' +
    ' document.title = "waiting"; }, 800));' +
    '</script>',
  '<img alt="" src="https://www.google-analytics.com/first.gif"><p>Some news.</p>',
);

/** A page with no CMP at all. */
export const NO_CMP = page(
  'No banner',
  '',
  '<img alt="" src="https://www.google-analytics.com/plain.gif"><p>Nothing to answer.</p>',
);

/**
 * A banner with no IAB API, made the way the Cookie-Script CMP makes its own (the element autoconsent's
 * `cookie-script` rule looks for): the page removes it when the user answers. A tracker request while it is shown,
 * another after the answer.
 */
export const NON_IAB_BANNER = page(
  'A shop',
  '<script>' +
    'const hit = (name) => { new Image().src = `https://www.google-analytics.com/${name}.gif?t=${Date.now()}`; };' +
    'const answered = () => { document.getElementById("cookiescript_injected").remove(); window.answeredAt = Date.now();' +
    ' setTimeout(() => { hit("cs-after"); document.title = "answered"; }, 2000); };' +
    'window.addEventListener("load", () => setTimeout(() => { hit("cs-waiting"); document.title = "waiting"; }, 2000));' +
    '</script>',
  '<div id="cookiescript_injected" role="dialog" aria-label="Cookies"><p>We use cookies.</p>' +
    '<button id="cookiescript_accept" onclick="answered()">Accept all</button>' +
    '<button id="cookiescript_reject" onclick="answered()">Reject all</button></div>',
);

/** The CMP bundled for the browser, and the pages on each of `hosts`. */
export async function consentSites(hosts: string[]): Promise<SiteMap> {
  const bundle = await build({
    entryPoints: [join(import.meta.dirname, 'consent-cmp', 'banner.ts')],
    bundle: true,
    format: 'iife',
    write: false,
    target: 'chrome120',
  });
  const pages = {
    '/cmp.js': { type: 'text/javascript', body: bundle.outputFiles[0]?.text ?? '' },
    '/article.html': WITH_CMP,
    '/plain.html': NO_CMP,
    '/cookie-script.html': NON_IAB_BANNER,
  };
  return Object.fromEntries(hosts.map((host) => [host, pages]));
}
