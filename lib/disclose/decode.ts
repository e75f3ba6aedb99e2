import type { RawBody } from '../classify/request-details.ts';
import { DATA_KINDS, type DataKind } from './kinds.ts';
import { maskAddress, maskPath } from './mask.ts';
import {
  addBodyParameters,
  addPathParameters,
  addQueryParameters,
  decode,
  MAX_QUERY_CHARS,
  MAX_REQUEST_CHARS,
  newReading,
  ownCopy,
  type Parameter,
  type Reading,
  take,
} from './params.ts';
import {
  addParameterFindings,
  addressFinding,
  consentName,
  type Finding,
  levelOnPage,
  type PageContext,
  searchTermsOf,
  sendsPassword,
} from './rules.ts';

/** One thing a request carried, as stored: the value already truncated and redacted for display. */
export interface StoredFinding {
  kind: DataKind;
  source: 'url' | 'referer' | 'body' | 'cookie';
  name: string;
  value: string;
  detail?: string;
}

export interface DecodeInput {
  url: string;
  method: string;
  /** The tab's top-level address, when known. */
  pageUrl?: string;
  /** Only the page's origin, when its address is not known (a request that outlived its page, in Chrome). */
  pageOrigin?: string;
  /** The Referer header the request carried. */
  referer?: string;
  /** Names of the cookies the request carried (all of the request host's own domain: browsers send no others). */
  cookieNames?: string[];
  body?: RawBody;
}

/** What one request carried. */
export interface Disclosure {
  /** The kinds found, in vocabulary order. */
  kinds: DataKind[];
  findings: Finding[];
  /** Every parameter read (for the "one example request" table), at most 60. */
  parameters: Parameter[];
  /** Set when the request was larger than is read (a huge address or body, a compression bomb). */
  truncated?: true;
  /**
   * The parameters that carried a consent signal (`gdpr_consent`, `gpp`, `gcs`…, see `consentName`), at most
   * MAX_CONSENT_PARAMETERS, in the order read: for lib/consent to decode, never findings.
   */
  consent?: Parameter[];
}

/** Consent parameters handed on from one request: a real one carries a handful. */
export const MAX_CONSENT_PARAMETERS = 16;

/**
 * Known session-recording endpoints: they receive streams of mouse, scroll, keystroke or DOM-snapshot events.
 * Matched on host and path; a body that looks like such a stream is recognised wherever it goes.
 */
const RECORDER_ENDPOINTS: RegExp[] = [
  // Hotjar's script comes from static.hotjar.com; the recording goes to in., vc. and ws. hosts.
  /^(in|vc|ws\d*)\.hotjar\.(com|io)$/,
  /^rs\.fullstory\.com\/rec\//,
  /(^|\.)clarity\.ms\/collect/,
  /(^|\.)mouseflow\.com\/(events|rec)/,
  /(^|\.)smartlook\.(cloud|com)\/rec/,
  /^r\.lr-(ingest|in)\.(io|com)\/i/,
  /(^|\.)quantummetric\.com\/horizon/,
  /(^|\.)contentsquare\.net\/(pvt|recording)/,
  /^mc\.yandex\.(ru|com)\/webvisor/,
];
/** How much of an address, after its scheme, the endpoints are matched against. */
const RECORDER_PREFIX_CHARS = 2048;
const RECORDER_BODY =
  /"(?:mousemove|mouse_move|scroll|keydown|keypress|mutation|snapshot|dom_snapshot)"|"type":\s*[23],\s*"data":\s*\{"(?:source|node)"/gi;

/**
 * Decodes what a request carried: its address, Referer, cookie names and body. Synchronous, except for a compressed
 * body (inflating is asynchronous in browsers): then a promise. Never throws, and the promise never rejects: each
 * stage that fails (none should) leaves what was found before it, and the result says `truncated`.
 */
export function decodeRequest(input: DecodeInput): Disclosure | Promise<Disclosure> {
  const r = newReading();
  const stage = (step: () => void) => {
    try {
      step();
    } catch {
      r.truncated = true;
    }
  };
  stage(() => addQueryParameters(r, input.url));
  stage(() => addPathParameters(r, input.url));
  // The Referer and the cookie names take their share of what the request may have read before the body does.
  let referer: string | undefined;
  let cookieNames: string[] = [];
  stage(() => {
    if (input.referer) referer = take(r, input.referer);
  });
  stage(() => {
    if (input.cookieNames?.length) cookieNames = takeNames(r, input.cookieNames);
  });
  let body: Promise<void> | undefined;
  stage(() => {
    body = addBodyParameters(r, input.body);
  });
  const finish = () => disclose(input, r, referer, cookieNames);
  const failed = () => {
    r.truncated = true;
    return finish();
  };
  return body ? (body as Promise<void>).then(finish, failed) : finish();
}

/** Cookie names, as many as fit in MAX_QUERY_CHARS of what the request may read (each counts with its separator). */
function takeNames(r: Reading, names: string[]): string[] {
  const kept: string[] = [];
  const limit = Math.min(MAX_QUERY_CHARS, r.chars);
  let chars = 0;
  for (const name of names) {
    const text = String(name);
    if (chars + text.length + 2 > limit) {
      r.truncated = true;
      break;
    }
    chars += text.length + 2;
    kept.push(text);
  }
  r.chars -= chars;
  return kept;
}

/** Each kind's bit, in vocabulary order (thirteen kinds: they fit one number). */
const KIND_BIT = new Map<DataKind, number>(DATA_KINDS.map((k, i) => [k, 1 << i]));

/** The findings of what was read: a parameter, the Referer or the cookies that fail to be judged are left out. */
function disclose(input: DecodeInput, r: Reading, referer: string | undefined, cookieNames: string[]): Disclosure {
  const { parameters } = r;
  const findings: Finding[] = [];
  const stage = (step: () => void) => {
    try {
      step();
    } catch {
      r.truncated = true;
    }
  };
  const known = {
    ...(input.pageUrl ? { url: input.pageUrl } : {}),
    ...(input.pageOrigin ? { origin: input.pageOrigin } : {}),
  };
  let page: PageContext = known;
  stage(() => {
    page = { ...known, searchTerms: searchTermsOf(input.pageUrl) };
  });
  // A request that sends a password is a login form: every value of its address and body is a secret.
  let loginForm = false;
  stage(() => {
    loginForm = sendsPassword(parameters);
  });
  for (const p of parameters) stage(() => addParameterFindings(findings, p, page, loginForm));

  if (referer) {
    stage(() => {
      const found = refererFinding(referer as string, page);
      if (found) findings.push(found);
    });
    stage(() => {
      if (
        page.searchTerms &&
        decode(referer as string)
          .toLowerCase()
          .includes(page.searchTerms.toLowerCase())
      ) {
        findings.push({ kind: 'search-terms', source: 'referer', name: 'Referer', value: page.searchTerms });
      }
    });
  }
  if (cookieNames.length) {
    const names = cookieNames.join(', ');
    findings.push({ kind: 'cookie', source: 'cookie', name: 'Cookie', value: names, detail: names });
  }
  stage(() => {
    const recording = sessionRecording(input.url, parameters);
    if (recording) findings.push(recording);
  });

  let present = 0;
  for (const f of findings) present |= KIND_BIT.get(f.kind) ?? 0;
  const kinds: DataKind[] = [];
  if (present) for (const [i, k] of DATA_KINDS.entries()) if (present & (1 << i)) kinds.push(k);
  const disclosure: Disclosure = {
    kinds,
    findings,
    parameters: parameters.length > 60 ? parameters.slice(0, 60) : parameters,
  };
  if (r.truncated) disclosure.truncated = true;
  stage(() => {
    const consent: Parameter[] = [];
    for (const p of parameters) {
      if (p.container || consentName(p.name) === undefined) continue;
      consent.push(p);
      if (consent.length === MAX_CONSENT_PARAMETERS) break;
    }
    if (consent.length < MAX_CONSENT_PARAMETERS) pathConsentParameters(input.url, consent);
    if (consent.length) disclosure.consent = consent;
  });
  return disclosure;
}

/**
 * Consent parameters written into the path, `;name=value` after a segment, as Google's Floodlight and ad servers
 * write theirs (`/activity/src=1;type=x;gcs=G100;gcd=…;ord=1?`): only those (the path's other pairs are no parameters
 * the decoder reads), from at most MAX_QUERY_CHARS of the path.
 */
function pathConsentParameters(url: string, into: Parameter[]): void {
  const scheme = url.slice(0, 64).indexOf('://');
  const slash = scheme < 0 ? -1 : url.indexOf('/', scheme + 3);
  if (slash < 0) return;
  const end = Math.min(url.length, slash + MAX_QUERY_CHARS);
  let stop = end;
  for (const c of ['?', '#']) {
    const at = url.indexOf(c, slash);
    if (at >= 0 && at < stop) stop = at;
  }
  const path = url.slice(slash, stop);
  if (!path.includes(';')) return;
  for (const pair of path.split(';', 64).slice(1)) {
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    const name = pair.slice(0, eq);
    if (consentName(name) === undefined) continue;
    const value = pair.slice(eq + 1).split('/', 1)[0] ?? '';
    into.push({ source: 'url', name: ownCopy(name), value: ownCopy(decode(value)) });
    if (into.length === MAX_CONSENT_PARAMETERS) return;
  }
}

function refererFinding(referer: string, page: PageContext): Finding | undefined {
  // A referer from another page (a frame's own address, say) is not the page the person was on.
  const level = levelOnPage(referer, page);
  return level ? addressFinding('referer', 'Referer', referer, level) : undefined;
}

/**
 * Text every RECORDER_ENDPOINTS pattern needs (a host, or host and path, without one cannot match any): most
 * requests are ruled out by a few substring searches instead of eighteen regular expressions.
 */
const RECORDER_HINTS = [
  'hotjar.',
  'fullstory.com/rec/',
  'clarity.ms/collect',
  'mouseflow.com/',
  'smartlook.',
  'r.lr-',
  'quantummetric.com/horizon',
  'contentsquare.net/',
  'mc.yandex.',
];

/** An ASCII letter, either case (`| 0x20` lower-cases one and maps no other character onto one). */
const isLetter = (c: number) => (c | 0x20) >= 97 && (c | 0x20) <= 122;

function sessionRecording(url: string, parameters: Parameter[]): Finding | undefined {
  // The address without its scheme (what /^[a-z]+:\/\//i would strip).
  let start = 0;
  while (start < 32 && isLetter(url.charCodeAt(start))) start++;
  start = start > 0 && url.startsWith('://', start) ? start + 3 : 0;
  // Every endpoint is a host and the start of a path: the rest of a long address is not searched.
  const hostAndPath = url.slice(start, start + RECORDER_PREFIX_CHARS);
  let byEndpoint = false;
  let host = '';
  for (const hint of RECORDER_HINTS) {
    if (!hostAndPath.includes(hint)) continue;
    let hostEnd = 0;
    while (hostEnd < hostAndPath.length) {
      const c = hostAndPath.charCodeAt(hostEnd);
      if (c === 47 /* / */ || c === 63 /* ? */ || c === 35 /* # */) break;
      hostEnd++;
    }
    host = hostAndPath.slice(0, hostEnd);
    for (const re of RECORDER_ENDPOINTS) if (re.test(hostAndPath) || re.test(host)) byEndpoint = true;
    break;
  }
  let bodyParameters = 0;
  let raw: string | undefined;
  for (const p of parameters) {
    if (p.source === 'body') bodyParameters++;
    if (raw === undefined && p.name === 'body') raw = p.value;
  }
  let streamed = !!raw && recorderEvents(raw);
  if (!streamed && bodyParameters) {
    // The body's names and values as JSON-like text, no longer than a request may have read.
    const pieces: string[] = [];
    let chars = 0;
    for (const p of parameters) {
      if (p.source !== 'body') continue;
      const piece = `"${p.name.slice(p.name.lastIndexOf('.') + 1)}":"${p.value}"`;
      pieces.push(piece);
      chars += piece.length + 1;
      if (chars > MAX_REQUEST_CHARS) break;
    }
    streamed = recorderEvents(pieces.join(','));
  }
  if (!streamed && bodyParameters >= 3) streamed = domEventStream(parameters);
  if (!byEndpoint && !streamed && !(bodyParameters >= 10 && mouseStream(parameters))) return undefined;
  return {
    kind: 'session-recording',
    source: 'body',
    name: byEndpoint ? host : 'body',
    value: '',
    detail: byEndpoint ? 'known recorder endpoint' : 'interaction stream',
  };
}

/** Whether text holds three interaction events (stops at the third: a long body may hold thousands). */
function recorderEvents(text: string): boolean {
  RECORDER_BODY.lastIndex = 0;
  let n = 0;
  while (RECORDER_BODY.exec(text)) if (++n >= 3) break;
  RECORDER_BODY.lastIndex = 0;
  return n >= 3;
}

/**
 * Events in the shape of rrweb's (the recorder under PostHog's, Sentry's and many vendors' replays, or sent by a
 * site's own code): a full snapshot of the page's DOM (`data.node`), or incremental snapshots that each name their
 * source (mutation, mouse, scroll, input…) as `data.source`. Read on the flattened names, wherever it is sent.
 */
function domEventStream(parameters: Parameter[]): boolean {
  let incremental = 0;
  for (const p of parameters) {
    if (p.source !== 'body') continue;
    if (p.name.endsWith('].data.node.type')) return true;
    if (p.name.endsWith('].data.source') && ++incremental >= 3) return true;
  }
  return false;
}

/** Many events in one batch with pointer coordinates or key codes: a recording of what the person did. */
function mouseStream(parameters: Parameter[]): boolean {
  let coordinates = 0;
  for (const p of parameters) {
    if (p.source !== 'body') continue;
    const leaf = p.name.slice(p.name.lastIndexOf('.') + 1).toLowerCase();
    if (leaf === 'x' || leaf === 'y' || leaf === 'keycode' || leaf === 'scrolly') coordinates++;
  }
  return coordinates >= 10;
}

/** Findings as an event stores them: one per kind and parameter, values display-safe, at most 12. */
export function storedFindings(findings: Finding[]): StoredFinding[] {
  const seen = new Set<string>();
  const out: StoredFinding[] = [];
  for (const f of findings) {
    const key = `${f.kind}\n${f.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      kind: f.kind,
      source: f.source,
      // Copies: what is stored or queued must not keep the request's whole text alive (see `ownCopy`).
      name: ownCopy(f.name.slice(0, 80)),
      value: ownCopy(displayValue(f)),
      ...(f.detail ? { detail: ownCopy(f.detail.slice(0, 120)) } : {}),
    });
    if (out.length >= 12) break;
  }
  return out;
}

/**
 * A value as the UI may show it: truncated, and redacted where it is itself personal (an address's user part, an
 * identifier's middle). The full value stays in memory and on this device only.
 */
export function displayValue(finding: Pick<Finding, 'kind' | 'value'>): string {
  const v = finding.value;
  switch (finding.kind) {
    case 'email': {
      const at = v.indexOf('@');
      const user = at < 0 ? v : v.slice(0, at);
      // The domain as sent, but no longer than any value is shown (a page may send one of thousands of characters).
      const domain = at < 0 ? '' : v.slice(at + 1, at + 81);
      return shortened(`${user.slice(0, 1)}…@${domain}`);
    }
    case 'hashed-email':
    case 'identifier':
      return v.length > 12 ? `${v.slice(0, 8)}…${v.slice(-2)}` : v;
    case 'site-address':
    case 'page-address':
    case 'full-address':
      return shortened(keptAddress(v));
    default:
      return shortened(v);
  }
}

/** The most of an address that keptAddress reads. */
const MAX_KEPT_CHARS = 2048;

const shortened = (v: string) => (v.length > 80 ? `${v.slice(0, 77)}…` : v);

/**
 * An address as it is kept: origin, masked path and the query's parameter names, never their values (they can carry
 * tokens). A bare path (`dp=/world/article?id=…`) keeps its masked path and names.
 */
export function keptAddress(address: string): string {
  // Only the start of a long address is kept (what is shown is shorter still): cut, it ends in "…" as a shortened
  // address does, and its last piece is not judged.
  const value = address.length > MAX_KEPT_CHARS ? `${address.slice(0, MAX_KEPT_CHARS)}…` : address;
  const masked = maskAddress(value);
  if (masked) return masked;
  if (value.charCodeAt(0) === 47 /* / */) {
    const path = maskAddress(`https://x.invalid${value}`);
    if (path) return path.slice('https://x.invalid'.length);
    return maskPath(value.split(/[?#]/, 1)[0] ?? '');
  }
  return '';
}
