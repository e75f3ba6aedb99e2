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

/**
 * The consent ledger's page (tests/e2e/consent-ledger.e2e.ts): while its real IAB CMP's banner waits, Google Analytics
 * gets the page with a client id; after the answer, Meta's pixel gets it with its browser id. Each company's requests
 * fall on one side of the answer only, so each card has one moment to say.
 */
export const LEDGER = page(
  'A ledger article',
  '<script src="/cmp.js"></script>' +
    '<script>' +
    'const ga = (n) => { new Image().src = `https://www.google-analytics.com/g/collect?v=2&cid=555666777.1700000000' +
    '&dl=${encodeURIComponent(location.href)}&en=page_view&n=${n}`; };' +
    'const px = (n) => { new Image().src = `https://www.facebook.com/tr/?id=998877&ev=PageView' +
    '&dl=${encodeURIComponent(location.href)}&fbp=fb.1.1700000000000.1234567890&n=${n}`; };' +
    'window.onAnswered = () => setTimeout(() => { px(1); px(2); setTimeout(() => { document.title = "answered"; },' +
    ' 500); }, 300);' +
    'window.addEventListener("load", () => setTimeout(() => { ga(1); ga(2); document.title = "waiting"; }, 800));' +
    '</script>',
  '<p>Some news, and a banner to answer.</p>',
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

/**
 * A page that tries everything a page's scripts can against the reader, from the first script of its head: it
 * listens for every message and error, listens in on the handshake's events, asks for the channel (now and after
 * DOMContentLoaded), spies on what Object.prototype, Function.prototype.call and dispatchEvent see, and, if it
 * learns a channel, sends a forged, backdated "accepted" on it. Its CMPs: a US Privacy API whose string throws when
 * read, in a callback of its own timer, and a TCF API whose getter, function and data note every call stack they
 * see (`stacks`).
 */
export const HOSTILE = page(
  'A hostile page',
  '<script>' +
    'window.heard = []; window.errors = []; window.learnt = [];' +
    'addEventListener("message", (e) => heard.push(JSON.stringify(e.data)));' +
    'addEventListener("error", (e) => errors.push(String(e.message)));' +
    'addEventListener("unhandledrejection", (e) => errors.push(String(e.reason)));' +
    // A channel's name is a random UUID: anything that looks like one is tried as one, once.
    'const tried = new Set();' +
    'const maybe = (v) => { if (typeof v !== "string" || !/^[0-9a-f-]{36}$/.test(v) || tried.has(v)) return;' +
    ' tried.add(v); learnt.push(v); const t = Date.now();' +
    ' for (const origin of [Math.round(performance.timeOrigin), Math.round(performance.timeOrigin) - 60000])' +
    '  document.dispatchEvent(new CustomEvent(v, { detail: JSON.stringify({ origin, signal: { time: t - 3000,' +
    '   state: "accepted", cmp: "tcf:1", stored: true } }) })); };' +
    'for (const type of ["disclosed:consent-hello", "disclosed:consent-ask"]) {' +
    ' addEventListener(type, (e) => maybe(e.detail), true);' +
    ' document.addEventListener(type, (e) => maybe(e.detail), true); }' +
    'for (const key of ["detail", "bubbles", "cancelable", "composed", "once", "toJSON", "origin", "signal"])' +
    ' Object.defineProperty(Object.prototype, key, { configurable: true, get() {' +
    '  const own = Object.getOwnPropertyDescriptor(this, "detail"); if (own) maybe(own.value); return undefined; } });' +
    'const realFire = EventTarget.prototype.dispatchEvent;' +
    'EventTarget.prototype.dispatchEvent = function (e) { maybe(e.type); return Reflect.apply(realFire, this, [e]); };' +
    'Function.prototype.call = function (self, ...args) { for (const a of [self, ...args]) if (a instanceof Event)' +
    ' maybe(a.type); return Reflect.apply(this, self, args); };' +
    'const ask = () => document.dispatchEvent(new CustomEvent("disclosed:consent-ask"));' +
    'ask(); document.addEventListener("DOMContentLoaded", ask);' +
    // A TCF API behind a getter, a CMP and its data (a Proxy) that each note the call stack they run under: the
    // reader's frames must not name the extension. Its data tells no state the reader takes.
    'window.stacks = [];' +
    // Each stack twice: as text, and (Chromium) as the file of each frame, which V8 hands a page's
    // Error.prepareStackTrace whatever a script's sourceURL says.
    'const files = (e, sites) => sites.map((f) => String(f.getFileName())).join("\\n");' +
    'const note = () => { stacks.push(String(new Error("where").stack)); const saved = Error.prepareStackTrace;' +
    ' Error.prepareStackTrace = files; stacks.push(String(new Error("where").stack)); Error.prepareStackTrace = saved; };' +
    'const tcData = new Proxy({ eventStatus: "listening", cmpId: 1 }, {' +
    ' get(t, k) { note(); return t[k]; }, ownKeys(t) { note(); return Reflect.ownKeys(t); } });' +
    'const cmp = (command, version, callback) => { note(); callback(tcData, true); };' +
    'Object.defineProperty(window, "__tcfapi", { configurable: true, get() { note(); return cmp; } });' +
    'window.__uspapi = (command, version, callback) => setTimeout(() =>' +
    ' callback({ get uspString() { throw new Error("the page’s string") } }, true), 10);' +
    'const hit = (name) => { new Image().src = `https://www.google-analytics.com/${name}.gif?t=${Date.now()}`; };' +
    'window.addEventListener("load", () => { hit("hostile"); setTimeout(() => { document.title = "waited"; }, 4500); });' +
    '</script>',
  '<p>Nothing to see.</p>',
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
    '/hostile.html': HOSTILE,
    '/ledger.html': LEDGER,
  };
  return Object.fromEntries(hosts.map((host) => [host, pages]));
}
