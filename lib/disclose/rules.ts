import type { AddressKind, DataKind } from './kinds.ts';
import { maskSegment } from './mask.ts';
import { decode, ownCopy, type Parameter } from './params.ts';

/** One thing a request was found to carry, with the parameter that carried it. */
export interface Finding {
  kind: DataKind;
  source: Parameter['source'];
  name: string;
  /** The value as sent (full; only ever shown truncated and redacted, see `displayValue`). */
  value: string;
  /** A short machine-readable precision: a full address's parameter names, `screen 1920×1080`, `page view`, cookie names… */
  detail?: string;
}

/** What the page was, for rules that compare a value with it. */
export interface PageContext {
  /** The tab's top-level address, when known. */
  url?: string;
  /** Only the page's origin, when its address is not known. */
  origin?: string;
  /** What was searched for on the page, from its address (`q=`, `query=`…), when it was a search. */
  searchTerms?: string;
}

const set = (...names: string[]) => new Set(names);
const EMAIL = /^[^\s@<>()[\],;:"]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}$/i;
const HEX_HASH = /^(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64})$/i;
const HASHED_EMAIL_NAMES = set(
  'em',
  'hem',
  'eh',
  'e_h',
  'email_hash',
  'hashed_email',
  'sha256_email',
  'email_sha256',
  'md5_email',
  'sha256',
);
const PAGE_URL_NAMES = set(
  'dl',
  'url',
  'page_url',
  'pageurl',
  'page',
  'location',
  'loc',
  'href',
  'u',
  'purl',
  'page_location',
  'current_url',
);
const TITLE_NAMES = set('dt', 'title', 'page_title', 'pagetitle', 'document_title');
const SEARCH_NAMES = set(
  'q',
  'query',
  'search',
  'search_term',
  'searchterm',
  'search_query',
  'keyword',
  'keywords',
  'kw',
);
const PAGE_SEARCH_NAMES = [
  'q',
  'query',
  'search',
  'search_query',
  's',
  'k',
  'keyword',
  'keywords',
  'p',
  'text',
  'wd',
  'term',
  'searchterm',
];
const LAT_NAMES = set('lat', 'latitude', 'geo_lat');
const LON_NAMES = set('lon', 'lng', 'long', 'longitude', 'geo_lon', 'geo_lng');
const EVENT_NAMES = set('en', 'ev', 'event', 'event_name', 'eventname', 'evt', 'ea', 'event_type', 'action', 'e_n');
const HIT_TYPES = set('pageview', 'event', 'transaction', 'item', 'social', 'timing', 'screenview');
/**
 * Names that hold an event's name in many SDKs' payloads but hold much else too (`name`, `key`, a log `message`,
 * Plausible's and Braze's `n`): an event only when the value is one of the unmistakable ones (STRICT_EVENT).
 */
const LOOSE_EVENT_NAMES = set('name', 'key', 'n', 'message', 'msg', 'event_key', 'eventkey');
const STRICT_EVENT =
  /^(?:\$?page[ _-]?view(?:ed)?|purchase|order[ _-]completed|checkout[ _-]completed|add[ _-]?to[ _-]?cart|begin[ _-]checkout|initiate[ _-]?checkout|sign[ _-]?up|complete[ _-]registration|generate[ _-]lead)$/i;
/** `type` of a call in Segment-style payloads (Segment, RudderStack, Customer.io): a page call is a page view. */
const PAGE_CALL_TYPES = set('page', 'pageview', 'page_view');
/** Objects that describe the person: their `id` or `key` is the person's identifier (`user.id`, `context.key`). */
const PERSON_OBJECTS = set('user', 'usr', 'context', 'visitor', 'person', 'customer', 'profile', 'identity', 'member');
const UA_NAMES = set('ua', 'user_agent', 'useragent', 'user-agent');
/** A whole browser user-agent string, whatever it is called: `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/…`. */
const USER_AGENT = /^Mozilla\/\d\.\d \([^)]{3,}\) \S/;
const ID_NAMES = set(
  'cid',
  'uid',
  'user_id',
  'userid',
  'user',
  '_ga',
  'ga',
  'fbp',
  '_fbp',
  'fbc',
  '_fbc',
  'gclid',
  'fbclid',
  'msclkid',
  'ttclid',
  'dclid',
  'wbraid',
  'gbraid',
  'ifa',
  'idfa',
  'gaid',
  'adid',
  'device_id',
  'deviceid',
  'did',
  'visitor_id',
  'visitorid',
  'vid',
  'session_id',
  'sessionid',
  'sid',
  'anonymous_id',
  'anonymousid',
  'ajs_anonymous_id',
  'ajs_uid',
  'puid',
  '_hjid',
  'hjid',
  'muid',
  'uuid',
  'guid',
  'client_id',
  'clientid',
  'external_id',
  'ext_id',
  'partner_uid',
  'buyeruid',
  'tuid',
  '_pk_id',
  'cookie_id',
  'cookieid',
  'ckid',
  'ruid',
  'xid',
  'mid',
  'pid_user',
  'userkey',
  'distinct_id',
);
/** Compound id names: `partner_device_id`, `ttd_puid`, `customer_user_id`, `anonymous-id`. */
const ID_NAME_PATTERN =
  /(?:^|[_-])(?:user|device|visitor|client|customer|member|profile|anonymous|anon|browser|cookie)[_-]?u?id$|[_-][pbt]?uid$/;

/**
 * Consent signals (TCF, Google's Additional Consent, GPP, US Privacy, Google Consent Mode), as the leaf of their
 * parameter's name in lower case: long and random-looking, but they record choices, not a person. Never findings;
 * lib/consent decodes them (`consentName`).
 */
const CONSENT_NAMES = set(
  'gdpr_consent',
  'gdprconsent',
  'gdpr',
  'gdpr_applies',
  'gdprapplies',
  'us_privacy',
  'usprivacy',
  'usp',
  'gpp',
  'gpp_string',
  'gppstring',
  'gpp_sid',
  'gppsid',
  'consent',
  'consent_string',
  'consentstring',
  'tcf',
  'tc_string',
  'tcstring',
  'addtl_consent',
  'addtlconsent',
  'gcs',
  'gcd',
  'npa',
);

/**
 * The consent signal's name a parameter goes by (its leaf in lower case, an array's index left off:
 * `regs.gpp_sid[0]` → `gpp_sid`), or undefined when it is none.
 */
export function consentName(name: string): string | undefined {
  let end = name.length;
  // `…[0]`, `…[12]`: an element of a list, named by the list.
  while (end > 0 && name.charCodeAt(end - 1) === 93 /* ] */) {
    const open = name.lastIndexOf('[', end - 1);
    if (open < 0 || !/^\d+$/.test(name.slice(open + 1, end - 1))) break;
    end = open;
  }
  const leaf = leafName(end === name.length ? name : name.slice(0, end)).toLowerCase();
  return CONSENT_NAMES.has(leaf) ? leaf : undefined;
}
/** Names of script plumbing (JSONP callbacks, variables) and versions: random-looking, about the code, not a person. */
const CODE_NAMES = set(
  'callback',
  'jsonp',
  'jsoncallback',
  'var',
  'v',
  'ver',
  'version',
  'utv',
  'sdk_version',
  'lib_version',
  'libver',
  'build',
  'hash',
  'checksum',
  'sig',
  'signature',
);
/** Names whose values exist to defeat caches or order requests: random, but about nothing. */
const CACHE_BUSTER_NAMES = set(
  '_',
  'cb',
  'cachebuster',
  'cache_buster',
  'cachebust',
  'bust',
  'rnd',
  'random',
  'rand',
  'r',
  'z',
  't',
  'ts',
  '_t',
  'timestamp',
  'time',
  'nocache',
  'ord',
  'correlator',
  'nonce',
  'seq',
  'n',
  '_s',
);

/** Device details: a name, the shape its value must have, and how to say it. */
const DEVICE: { names: Set<string>; value: RegExp; say: (v: string) => string }[] = [
  {
    names: set('sr', 'screen', 'screen_resolution', 'res', 'resolution', 'sres', 'ss'),
    value: /^\d{3,5}[x*×]\d{3,5}$/i,
    say: (v) => `screen ${v.replace(/[x*]/i, '×')}`,
  },
  {
    names: set('sw', 'sh', 'screen_width', 'screen_height', 'screenwidth', 'screenheight'),
    value: /^\d{3,5}$/,
    say: (v) => `screen size ${v}`,
  },
  {
    names: set('vp', 'viewport', 'bs', 'browser_size'),
    value: /^\d{2,5}[x*×]\d{2,5}$/i,
    say: (v) => `viewport ${v.replace(/[x*]/i, '×')}`,
  },
  {
    names: set('ul', 'lang', 'language', 'locale', 'hl', 'lng', 'browser_language', 'user_language', 'accept_language'),
    value: /^[a-z]{2,3}(?:[-_][a-z0-9]{2,4})?$/i,
    say: (v) => `language ${v}`,
  },
  {
    names: set('tz', 'timezone', 'time_zone', 'tzo', 'tz_offset', 'timezone_offset'),
    value: /^(?:[A-Za-z]+\/[A-Za-z_]+|[+-]?\d{1,4})$/,
    say: (v) => `time zone ${v}`,
  },
  {
    names: set('sd', 'cd', 'color_depth', 'colordepth'),
    value: /^(?:8|15|16|24|30|32|48)(?:-bit)?$/,
    say: (v) => `colour depth ${v}`,
  },
  { names: set('dpr', 'pixel_ratio', 'devicepixelratio'), value: /^\d(?:\.\d+)?$/, say: (v) => `pixel ratio ${v}` },
  {
    names: set('platform', 'os', 'os_name', 'device_type', 'devicetype'),
    value: /^[a-z][\w .-]{1,30}$/i,
    say: (v) => `platform ${v}`,
  },
  { names: set('cores', 'hardware_concurrency', 'hc'), value: /^\d{1,3}$/, say: (v) => `${v} processor cores` },
  { names: set('mem', 'device_memory', 'dm'), value: /^\d{1,3}(?:\.\d+)?$/, say: (v) => `memory ${v} GB` },
];

const EVENT_WORDS: [RegExp, string][] = [
  [/^(\$?page[ _-]?view(ed)?|\$?mp_web_page_view|page|view_page)$/i, 'page view'],
  [/^(add_?to_?cart|addtocart|add_to_basket)$/i, 'add to cart'],
  [/^(purchase|order|transaction|checkout_completed|complete_?payment|order[ _]completed)$/i, 'purchase'],
  [/^(begin_?checkout|initiate_?checkout|checkout)$/i, 'checkout'],
  [
    /^(form_?submit|submit|lead|generate_lead|complete_?registration|sign_?up|submit_?application|contact)$/i,
    'form submit',
  ],
  [/^(click|link_?click|outbound_?click)$/i, 'click'],
  [/^(view_?content|view_?item|product_?view)$/i, 'view content'],
  [/^(search)$/i, 'search'],
  [/^(scroll)$/i, 'scroll'],
];

/** Device rules by parameter name, in DEVICE's order (a name may have more than one). */
const DEVICE_BY_NAME = new Map<string, (typeof DEVICE)[number][]>();
for (const d of DEVICE) for (const name of d.names) DEVICE_BY_NAME.set(name, [...(DEVICE_BY_NAME.get(name) ?? []), d]);
const COORDINATE_PAIR_NAMES = set('geo', 'coords', 'latlng', 'latlon', 'll');

/** A separator of flattened names: `.`, `[` or `]`. */
const isSeparator = (c: number) => c === 46 || c === 91 || c === 93;

/** The last segment of a flattened name, as sent: `ud.em` → `em`, `events[0].name` → `name`, `cd[value]` → `value`. */
export function leafName(name: string): string {
  let end = name.length;
  while (end > 0 && isSeparator(name.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > 0 && !isSeparator(name.charCodeAt(start - 1))) start--;
  return start === 0 && end === name.length ? name : name.slice(start, end);
}

/**
 * Small memo of the answers that depend only on a string (a parsed address, whether a name is an identifier's):
 * the same page address, Referer and parameter names come with request after request. Emptied when full.
 */
function memo<T>(limit: number, compute: (key: string) => T): (key: string) => T {
  const map = new Map<string, T>();
  return (key) => {
    // A long key is rarely seen twice, and would make the memo's size a page's choice: computed, not kept.
    if (key.length > MEMO_KEY_CHARS) return compute(key);
    let value = map.get(key);
    if (value === undefined && !map.has(key)) {
      value = compute(key);
      if (map.size >= limit) map.clear();
      map.set(ownCopy(key), value);
    }
    return value as T;
  };
}

const MEMO_KEY_CHARS = 2048;

/** The parts of an address the rules compare, parsed by the WHATWG URL parser; undefined when it is none. */
export interface ParsedAddress {
  hostname: string;
  pathname: string;
  search: string;
}

/** `new URL(url)`, remembered for the addresses seen again and again (a tab's page, its Referer). Never throws. */
export const parsedAddress = memo(256, (url: string): ParsedAddress | undefined => {
  try {
    const { hostname, pathname, search } = new URL(url);
    return { hostname, pathname, search };
  } catch {
    return undefined;
  }
});

const isIdName = memo(2048, (leaf: string) => ID_NAMES.has(leaf) || ID_NAME_PATTERN.test(leaf));

/** What was searched for on a page, from its address; undefined when it was no search. */
export const searchTermsOf = (pageUrl: string | undefined): string | undefined =>
  pageUrl ? pageSearchTerms(pageUrl) : undefined;

const pageSearchTerms = memo(64, (pageUrl: string): string | undefined => {
  try {
    const params = new URL(pageUrl).searchParams;
    for (const name of PAGE_SEARCH_NAMES) {
      const value = params.get(name)?.trim();
      if (value && value.length >= 2 && /\p{L}/u.test(value)) return value;
    }
  } catch {
    // Not an address: no search terms.
  }
  return undefined;
});

/**
 * Secrets. A value sent under a name that says it logs someone in or proves who they are is recorded as "a secret
 * was sent" (kind `secret`) with no value: it never reaches the identifiers table, a letter or an export. The rule
 * reads names (the worker sees names, never input types), each segment of a flattened name (`user[password]`,
 * `auth.user.id`), lower-cased, without `$`, `_`, `-` or spaces:
 *
 * - Password names: containing `password`, `passwd`, `passwort`, `passphrase` (and `motdepasse`, `contrasena`,
 *   `senha`, `wachtwoord`, `kennwort`, `haslo`), ending in `pwd`, or `pass`, `newpass`, `pass2`… A request whose
 *   address or body holds a value under such a name is a login or sign-up form: every value of its address and
 *   body is then a secret (the user name, the e-mail, the session id that came with it).
 * - Credential names: ending in `token` (`access_token`, `id_token`, `refresh_token`, `authenticity_token`), but
 *   not a page cursor (`next_page_token`); containing `secret`, `csrf` or `xsrf`; ending in `privatekey`,
 *   `secretkey`, `accesskey`, `authkey`, `sessionkey`; `auth`, `authorization`, `bearer`, `jwt`, `credentials`,
 *   `otp`, `pin`, `cvv`, `cvc`, `code_verifier`, `oauth_verifier`, and framework session cookies sent as values
 *   (`phpsessid`, `jsessionid`, `sessid`, `laravel_session`).
 * - Not secrets, unless a password came with them: a bare `token` and `api_key` (`apiKey`, `dd-api-key`), under
 *   which SDKs send the site's public project key (Mixpanel, PostHog, Amplitude, Braze, Bugsnag, Datadog in
 *   tests/fixtures/sdk-corpus): it is in every copy of the page and says nothing about the person. `sid`,
 *   `session_id`, `sessionid`, `session`, under which analytics send their session numbers (Google Analytics'
 *   `sid`, Amplitude's `session_id`): tracking identifiers a letter cites. Nor `key`, `code`, `sig`, `nonce`: a
 *   person's id (LaunchDarkly's `key`), a campaign or country code, a request's own signature.
 *
 * A value that holds nothing (`true`, `0`, `[Filtered]`, `****`) is no secret, and does not make a login form.
 */
const PASSWORD_SEGMENT =
  /pass(?:wor[dt]|wd|phrase)|motdepasse|contrase(?:n|ñ)a|senha|wachtwoord|kennwort|has(?:l|ł)o|pwd\d?$|^(?:new|old|current|confirm|repeat|user|login|my)?pass\d?$/;
const CREDENTIAL_SEGMENT =
  /secret|csrf|xsrf|(?:private|secret|access|auth|session|signing)key$|^(?:auth|authorization|authcode|bearer|jwt|credentials?|otp|totp|hotp|otpcode|mfacode|2fa|2facode|twofactorcode|pin|cvv2?|cvc|codeverifier|oauthverifier|phpsessid|jsessionid|aspnetsessionid|sessid|laravelsession)$/;
const TOKEN_SEGMENT = /.token$/;
const CURSOR_TOKEN = /(?:page|next|continuation|cursor|sync)token$/;
/** Values that say nothing: a flag, or a value the sender already redacted. */
const EMPTY_SECRET = /^(?:true|false|null|undefined|none|0|1|on|off|yes|no|\[?filtered\]?|\[?redacted\]?|[*•·x]+)$/i;

/** Whether a flattened name holds a password (`password`), another credential (`access_token`), or neither. */
export const secretName = memo(2048, (name: string): 'password' | 'credential' | undefined => {
  let kind: 'password' | 'credential' | undefined;
  let previous = '';
  for (const part of name.toLowerCase().split(/[.[\]]+/)) {
    const segment = part.replace(/[$_\-\s]+/g, '');
    if (!segment) continue;
    if (PASSWORD_SEGMENT.test(segment)) return 'password';
    if (CREDENTIAL_SEGMENT.test(segment) || (TOKEN_SEGMENT.test(segment) && !CURSOR_TOKEN.test(segment)))
      kind = 'credential';
    // `session.token`, `auth.token`: a bare token of a login's object is its credential, not a project key.
    if (segment === 'token' && TOKEN_OWNERS.test(previous)) kind = 'credential';
    previous = segment;
  }
  return kind;
});

const TOKEN_OWNERS = /^(?:session|login|auth|user|account|access|refresh|id|oauth|sso|signin|credentials?)$/;

/**
 * Names of session and key values (`sid`, `session_id`, a bare `token`, `api_key`): kept as what was sent, but their
 * values are never kept for a letter to cite (LETTERS.md 35: a session's or a token's value is not the person's to
 * hand over, and citing it could let its reader act in the session).
 */
const SESSION_SEGMENT = /^(?:sid|sessionid|session|sessid|ssid|token|apikey)$/;

/** Whether a value under this name may be kept in full and offered in a letter: no secret, no session or key. */
export function citableName(name: string): boolean {
  if (secretName(name)) return false;
  const leaf =
    name
      .toLowerCase()
      .split(/[.[\]]+/)
      .filter(Boolean)
      .at(-1)
      ?.replace(/[$_\-\s]+/g, '') ?? '';
  return !SESSION_SEGMENT.test(leaf);
}

/**
 * Whether a parameter's name says it holds a person's or a browser's id (`cid`, `_fbp`, `user.id`, `device_id`), not
 * a value that only looks random (a request id or a nonce may): a named id is one a script keeps and reads back.
 */
export function namedIdentifier(name: string): boolean {
  const named = leafName(name).toLowerCase();
  const leaf = named.charCodeAt(0) === 36 /* $ */ ? named.slice(1) : named;
  return isIdName(leaf) || ((leaf === 'id' || leaf === 'key' || leaf === 'value') && personObject(name));
}

/** Whether a value under a secret's name actually carries one. */
const holdsSecret = (value: string) => {
  const v = value.trim();
  return v.length > 0 && !EMPTY_SECRET.test(v);
};

/** A value kept as "a secret was sent": its name and where it went, never the value. */
const secretFinding = (p: Parameter): Finding => ({ kind: 'secret', source: p.source, name: p.name, value: '' });

/** Whether the request is a login or sign-up form: its address or body holds a value under a password's name. */
export function sendsPassword(parameters: readonly Parameter[]): boolean {
  for (const p of parameters) {
    if (p.container || (p.source !== 'url' && p.source !== 'body')) continue;
    if (secretName(p.name) === 'password' && holdsSecret(p.value)) return true;
  }
  return false;
}

/**
 * One parameter's findings (`addFindings`), but in a login form's request (`sendsPassword`) each value of its address
 * and body is a secret, whatever its name.
 */
export function addParameterFindings(out: Finding[], p: Parameter, page: PageContext, loginForm: boolean): void {
  if (!loginForm || (p.source !== 'url' && p.source !== 'body')) addFindings(out, p, page);
  else if (!p.container && p.value.trim()) out.push(secretFinding(p));
}

/**
 * What one parameter carries: usually one kind, none when it is nothing personal (a version, a width, a cache-
 * buster), two when a page address also holds what was searched for.
 */
export function classifyParameter(p: Parameter, page: PageContext): Finding[] {
  const out: Finding[] = [];
  addFindings(out, p, page);
  return out;
}

/** `classifyParameter`, appending to `out` (the decoder's per-parameter path allocates no list of its own). */
export function addFindings(out: Finding[], p: Parameter, page: PageContext): void {
  const first = classifyOne(p, page);
  if (!first) return;
  out.push(first);
  // An address that holds what was searched for sent the search too: its finding keeps the terms, not the address.
  if (first.kind === 'full-address' && page.searchTerms && includesTerms(first.value, page.searchTerms)) {
    out.push({ kind: 'search-terms', source: first.source, name: first.name, value: page.searchTerms });
  }
}

function found(p: Parameter, value: string, kind: DataKind, detail?: string): Finding {
  const finding: Finding = { kind, source: p.source, name: p.name, value };
  if (detail) finding.detail = detail;
  return finding;
}

/**
 * The rules in order, the first that holds decides. Cheap necessary conditions (an "@" for an email, a hash's
 * length, a known name) come before each regular expression, so most values meet few of them.
 */
function classifyOne(p: Parameter, page: PageContext): Finding | undefined {
  if (p.container) return undefined;
  const value = p.value.trim();
  if (!value) return undefined;
  if (secretName(p.name)) return holdsSecret(value) ? secretFinding(p) : undefined;
  // Mixpanel and PostHog mark their own properties with "$": `$screen_width` says what `screen_width` says.
  const named = leafName(p.name).toLowerCase();
  const leaf = named.charCodeAt(0) === 36 /* $ */ ? named.slice(1) : named;
  const length = value.length;

  if (value.includes('@') && EMAIL.test(value)) return found(p, value, 'email');
  if (
    (length === 32 || length === 40 || length === 64) &&
    HEX_HASH.test(value) &&
    (HASHED_EMAIL_NAMES.has(leaf) || /e?mail/.test(leaf))
  )
    return found(p, value, 'hashed-email');

  const web = startsWithWebScheme(value);
  if (web) {
    const level =
      page.url || page.origin ? levelOnPage(value, page) : PAGE_URL_NAMES.has(leaf) ? levelOf(value) : undefined;
    if (level) return addressFinding(p.source, p.name, value, level);
  }
  if (length > 1 && value.charCodeAt(0) === 47 /* / */ && page.url && samePath(value, page.url))
    return addressFinding(p.source, p.name, value, levelOf(`https://x${value}`) ?? 'page-address');

  if (TITLE_NAMES.has(leaf) && /\p{L}/u.test(value) && !/^https?:/i.test(value)) return found(p, value, 'page-title');

  // The terms, not the value that holds them (it may be another address, with its own query's values).
  if (page.searchTerms && includesTerms(value, page.searchTerms)) return found(p, page.searchTerms, 'search-terms');
  // `search: "?order=…"` is an address's query string (location.search), not something searched for.
  if (SEARCH_NAMES.has(leaf) && length >= 2 && value.charCodeAt(0) !== 63 /* ? */ && /\p{L}/u.test(value))
    return found(p, value, 'search-terms');

  const lat = LAT_NAMES.has(leaf);
  if ((lat || LON_NAMES.has(leaf)) && isPreciseCoordinate(value, lat ? 90 : 180)) {
    return found(p, value, 'location', `${leaf} ${value}`);
  }
  if (COORDINATE_PAIR_NAMES.has(leaf)) {
    const [a, b] = value.split(/[,;| ]+/);
    if (a && b && isPreciseCoordinate(a, 90) && isPreciseCoordinate(b, 180)) return found(p, value, 'location', value);
  }

  const devices = DEVICE_BY_NAME.get(leaf);
  if (devices) for (const d of devices) if (d.value.test(value)) return found(p, value, 'device', d.say(value));
  if (
    value.charCodeAt(0) === 77 /* M */ &&
    ((UA_NAMES.has(leaf) && /Mozilla\/\d/.test(value)) || USER_AGENT.test(value))
  ) {
    return found(p, value, 'device', 'browser user agent');
  }

  if (EVENT_NAMES.has(leaf) || (leaf === 't' && HIT_TYPES.has(value.toLowerCase()))) {
    // PostHog and Mixpanel mark their own events with "$": `$identify`, `$pageview`.
    if (/^\$?[\p{L}\d _.:/-]{3,60}$/u.test(value) && /\p{L}{3}/u.test(value))
      return found(p, value, 'event', eventName(value));
  }
  if (
    (LOOSE_EVENT_NAMES.has(leaf) && STRICT_EVENT.test(value)) ||
    (leaf === 'type' && PAGE_CALL_TYPES.has(value.toLowerCase()))
  )
    return found(p, value, 'event', eventName(value));

  if ((leaf === 'id' || leaf === 'key' || leaf === 'value') && personObject(p.name) && looksLikeId(value))
    return found(p, value, 'identifier', p.name);

  if (isIdName(leaf) && looksLikeId(value)) return found(p, value, 'identifier', p.name);
  if (CACHE_BUSTER_NAMES.has(leaf) || CONSENT_NAMES.has(leaf) || CODE_NAMES.has(leaf)) return undefined;
  if (looksRandom(value)) return found(p, value, 'identifier', p.name);
  return undefined;
}

/**
 * Whether a flattened name's value is a person's id: `user.id`, `context.key`, or an attribute written as
 * `user.id.value` (Sentry's span attributes). The object is the segment before the leaf (before `id.value`).
 */
function personObject(name: string): boolean {
  const parts = name.split(/[.[\]]+/).filter(Boolean);
  let end = parts.length - 1;
  if (parts[end]?.toLowerCase() === 'value') end--;
  const leaf = parts[end]?.toLowerCase();
  if (leaf !== 'id' && leaf !== 'key') return false;
  const owner = parts[end - 1]?.toLowerCase();
  return owner !== undefined && PERSON_OBJECTS.has(owner);
}

/** `/^https?:\/\//i.test(value)`, without the regular expression. */
function startsWithWebScheme(value: string): boolean {
  // `| 0x20` lower-cases a letter (and maps no other character onto one).
  if ((value.charCodeAt(0) | 0x20) !== 104 /* h */ || (value.charCodeAt(1) | 0x20) !== 116 /* t */) return false;
  if ((value.charCodeAt(2) | 0x20) !== 116 || (value.charCodeAt(3) | 0x20) !== 112 /* p */) return false;
  const colon = (value.charCodeAt(4) | 0x20) === 115 /* s */ ? 5 : 4;
  return value.charCodeAt(colon) === 58 && value.charCodeAt(colon + 1) === 47 && value.charCodeAt(colon + 2) === 47;
}

/**
 * How much of this page's address a value gives away, or undefined when it is no address of this page's host:
 * `full-address` when it has a query, `page-address` for a path (or the home page itself), `site-address` for the
 * bare origin of a page deeper in. Any path of the site counts as the page (a single-page app changes its path
 * without a page load).
 */
export function addressLevel(value: string, pageUrl: string): AddressKind | undefined {
  const sent = parsedAddress(value);
  const page = sent && parsedAddress(pageUrl);
  if (!sent || !page || sent.hostname !== page.hostname) return undefined;
  // A script, style sheet, image or font of the site (a stack trace's file) names the site, not a page.
  if (sent.pathname !== page.pathname && RESOURCE_FILE.test(sent.pathname)) return 'site-address';
  if (sent.search.length > 1) return 'full-address';
  if (sent.pathname !== '/') return 'page-address';
  return page.pathname === '/' ? 'page-address' : 'site-address';
}

const RESOURCE_FILE = /\.(?:m?js|css|map|png|jpe?g|gif|svg|webp|avif|ico|woff2?|ttf|otf|wasm)$/i;

/**
 * `addressLevel` against what is known of the page: its address, or only its origin — then an address of its host is
 * judged by its own shape (a bare origin names the site, not a page the person may not have been on).
 */
export function levelOnPage(value: string, page: PageContext): AddressKind | undefined {
  if (page.url) return addressLevel(value, page.url);
  if (!page.origin) return levelOf(value);
  const sent = parsedAddress(value);
  return sent && sent.hostname === parsedAddress(page.origin)?.hostname ? levelOf(value) : undefined;
}

/** The level of an address judged on its own, when the page it came from is not known. */
export function levelOf(value: string): AddressKind | undefined {
  const sent = parsedAddress(value);
  if (!sent) return undefined;
  return sent.search.length > 1 ? 'full-address' : sent.pathname !== '/' ? 'page-address' : 'site-address';
}

/** An address finding: a full address's detail names its query's parameters (their values are not kept). */
export function addressFinding(source: Finding['source'], name: string, value: string, level: AddressKind): Finding {
  const finding: Finding = { kind: level, source, name, value };
  if (level === 'full-address') {
    const names = queryNames(value);
    if (names) finding.detail = names;
  }
  return finding;
}

/**
 * A query's parameter names, identifier-like ones masked, each once, comma-separated (`q, utm_source`); at most 12,
 * and 120 characters.
 */
function queryNames(address: string): string | undefined {
  const start = address.indexOf('?');
  if (start === -1) return undefined;
  const end = address.indexOf('#', start);
  const names: string[] = [];
  for (const pair of address.slice(start + 1, end === -1 ? undefined : end).split('&', 40)) {
    const name = maskSegment(decode(pair.split('=', 1)[0] ?? '').trim());
    if (name && !names.includes(name)) names.push(name);
    if (names.length === 12) break;
  }
  return names.length ? names.join(', ').slice(0, 120) : undefined;
}

/** A bare path (`dp=/world/article`) that is the page's own. */
function samePath(value: string, pageUrl: string): boolean {
  const page = parsedAddress(pageUrl);
  if (!page || page.pathname === '/') return false;
  const path = value.split(/[?#]/)[0];
  return path === page.pathname;
}

const normaliseTerms = (s: string) =>
  s
    .toLowerCase()
    .replace(/[+\s]+/g, ' ')
    .trim();
const normalisedTerms = memo(64, normaliseTerms);

function includesTerms(value: string, terms: string): boolean {
  return normaliseTerms(value).includes(normalisedTerms(terms));
}

function isPreciseCoordinate(value: string, max: number): boolean {
  if (!/^-?\d{1,3}\.\d{2,}$/.test(value)) return false;
  return Math.abs(Number(value)) <= max;
}

function eventName(value: string): string {
  for (const [pattern, name] of EVENT_WORDS) if (pattern.test(value.trim())) return name;
  return value.trim().slice(0, 40);
}

/** A value under an identifier's name that is an actual id: not empty, a flag, a tiny number or a timestamp. */
function looksLikeId(value: string): boolean {
  if (value.length < 4 || value.length > 300) return false;
  if (/^(true|false|null|undefined|none|0|1|-1)$/i.test(value)) return false;
  if (/^1\d{9}(\d{3})?$/.test(value)) return false; // a Unix timestamp in s or ms
  if (/^(%[A-Z_]+%|\$\{.*\}|\{\{.*\}\}|\[[A-Z_]+\])$/i.test(value)) return false; // an unfilled macro: %DID%, ${UID}
  return /[a-z0-9]/i.test(value);
}

/**
 * A long random token: the shape of ids, whatever the parameter is called (`_ga`-style `GA1.2.123.456`, UUIDs,
 * base64 blobs of 16+ characters with letters and digits and high character variety).
 */
export function looksRandom(value: string): boolean {
  if (/^\d{6,}\.\d{6,}$/.test(value) || /^GA\d\.\d\.\d+\.\d+$/.test(value)) return true;
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) return true;
  if (value.length < 16 || value.length > 200) return false;
  if (!/^[A-Za-z0-9._~+/=-]+$/.test(value)) return false;
  if (!/[A-Za-z]/.test(value) || !/\d/.test(value)) return false;
  if (/^\d+(\.\d+)+$/.test(value)) return false; // a version number
  // A library name with its version ("pbjs_lite_v4.2.0"), or a path of words ("acme/main/201804191753").
  if (/\d\.\d+\.\d/.test(value) && /[a-z]{3}/i.test(value)) return false;
  if (/^[a-z]{3,}(?:\/[\w.-]+)+$/i.test(value)) return false;
  // Shannon entropy of the characters (all ASCII here), summed in order of first appearance as a Map would be.
  const counts = new Uint8Array(128);
  const order: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (counts[c] === 0) order.push(c);
    counts[c] = (counts[c] as number) + 1;
  }
  let entropy = 0;
  for (const c of order) {
    const n = counts[c] as number;
    entropy -= (n / value.length) * Math.log2(n / value.length);
  }
  return entropy >= 3.3;
}
