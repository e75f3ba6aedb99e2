import type { RawBody } from '../classify/request-details.ts';
import { DATA_KINDS, type DataKind } from './kinds.ts';
import { bodyParameters, decode, type Parameter, queryParameters } from './params.ts';
import { classifyParameter, type Finding, searchTermsOf } from './rules.ts';

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
}

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
const RECORDER_BODY =
  /"(?:mousemove|mouse_move|scroll|keydown|keypress|mutation|snapshot|dom_snapshot)"|"type":\s*[23],\s*"data":\s*\{"(?:source|node)"/gi;

/** Decodes what a request carried: its address, Referer, cookie names and body. Never throws. */
export async function decodeRequest(input: DecodeInput): Promise<Disclosure> {
  const page = { url: input.pageUrl, searchTerms: searchTermsOf(input.pageUrl) };
  const parameters = [...queryParameters(input.url), ...(await bodyParameters(input.body))];
  const findings: Finding[] = [];
  for (const p of parameters) findings.push(...classifyParameter(p, page));

  if (input.referer) {
    const referer = refererFinding(input.referer, page.url);
    if (referer) findings.push(referer);
    if (page.searchTerms && decode(input.referer).toLowerCase().includes(page.searchTerms.toLowerCase())) {
      findings.push({ kind: 'search-terms', source: 'referer', name: 'Referer', value: input.referer });
    }
  }
  if (input.cookieNames?.length) {
    findings.push({
      kind: 'cookie',
      source: 'cookie',
      name: 'Cookie',
      value: input.cookieNames.join(', '),
      detail: input.cookieNames.join(', '),
    });
  }
  const recording = sessionRecording(input.url, parameters);
  if (recording) findings.push(recording);

  const present = new Set(findings.map((f) => f.kind));
  return { kinds: DATA_KINDS.filter((k) => present.has(k)), findings, parameters: parameters.slice(0, 60) };
}

function refererFinding(referer: string, pageUrl: string | undefined): Finding | undefined {
  let sent: URL;
  try {
    sent = new URL(referer);
  } catch {
    return undefined;
  }
  // A referer from another page (a frame's own address, say) is not the page the person was on.
  if (pageUrl) {
    try {
      if (new URL(pageUrl).hostname !== sent.hostname) return undefined;
    } catch {
      return undefined;
    }
  }
  const full = sent.pathname !== '/' || sent.search !== '';
  return {
    kind: 'page-address',
    source: 'referer',
    name: 'Referer',
    value: referer,
    detail: full ? 'full' : 'site-only',
  };
}

function sessionRecording(url: string, parameters: Parameter[]): Finding | undefined {
  const hostAndPath = url.replace(/^[a-z]+:\/\//i, '');
  const host = hostAndPath.split(/[/?#]/)[0] ?? '';
  const byEndpoint = RECORDER_ENDPOINTS.some((re) => re.test(hostAndPath) || re.test(host));
  const body = parameters
    .filter((p) => p.source === 'body')
    .map((p) => `"${p.name.split('.').at(-1)}":"${p.value}"`)
    .join(',');
  const raw = parameters.find((p) => p.name === 'body')?.value ?? '';
  const streamed = (raw.match(RECORDER_BODY)?.length ?? 0) >= 3 || (body.match(RECORDER_BODY)?.length ?? 0) >= 3;
  if (!byEndpoint && !streamed && !mouseStream(parameters)) return undefined;
  return {
    kind: 'session-recording',
    source: 'body',
    name: byEndpoint ? host : 'body',
    value: '',
    detail: byEndpoint ? 'known recorder endpoint' : 'interaction stream',
  };
}

/** Many events in one batch with pointer coordinates or key codes: a recording of what the person did. */
function mouseStream(parameters: Parameter[]): boolean {
  let coordinates = 0;
  for (const p of parameters) {
    const leaf = p.name.split('.').at(-1)?.toLowerCase();
    if (p.source === 'body' && (leaf === 'x' || leaf === 'y' || leaf === 'keycode' || leaf === 'scrolly'))
      coordinates++;
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
      name: f.name.slice(0, 80),
      value: displayValue(f),
      ...(f.detail ? { detail: f.detail.slice(0, 120) } : {}),
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
      const [user = '', domain = ''] = v.split('@');
      return `${user.slice(0, 1)}…@${domain}`;
    }
    case 'hashed-email':
    case 'identifier':
      return v.length > 12 ? `${v.slice(0, 8)}…${v.slice(-2)}` : v;
    default:
      return v.length > 80 ? `${v.slice(0, 77)}…` : v;
  }
}
