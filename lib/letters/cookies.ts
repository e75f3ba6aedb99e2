import { secretName } from '../disclose/rules.ts';

/**
 * Which cookies a deletion request may quote as identifiers. A letter identifies the person by what the company
 * itself set to recognise the browser (an advertising id, a visitor id); it must never carry what lets someone act
 * as the person: login, session and security cookies. When in doubt, a cookie is left out.
 */
export interface CookieFacts {
  name: string;
  value: string;
  domain: string;
  httpOnly?: boolean;
  secure?: boolean;
  /** True for a cookie that ends with the browser session (no expiry). */
  session?: boolean;
}

export type CookieVerdict = { usable: true } | { usable: false; reason: 'login-or-session' | 'security' | 'empty' };

/** Names that log in, keep a session or protect one (matched anywhere in the name, case-insensitive). */
const SESSION_WORDS =
  /sess|login|logged|auth|token|jwt|bearer|passw|remember|account|user_?session|csrf|xsrf|nonce|captcha|2fa|mfa|otp|secret|signature|sig$|^sid$|^ssid$|^hsid$|^apisid$|^sapisid$|^lsid$|psid|^xs$|^c_user$|^datr$|^sb$|^li_at$|^jsession|^phpsess|^asp\.net|^connect\.sid$|^laravel|^wordpress_logged|^wp-settings/i;

/**
 * Login and session cookies of widely used services whose names say nothing of it, lower-cased: written for
 * Disclosed from the services' own cookie notices and what their sign-in sets (Google, YouTube, Facebook and
 * Instagram, X, TikTok, Amazon, Yahoo, Microsoft, LinkedIn, GitHub, Reddit, Pinterest, Shopify), in the spirit of
 * the Open Cookie Database's login and security categories (no entry of it is copied).
 */
const LOGIN_COOKIES = new Set([
  // Google accounts: SID, HSID, SSID, APISID, SAPISID and their __Secure- forms are caught above.
  'sidcc',
  'osid',
  'lsolh',
  'smsv',
  'account_chooser',
  'gaps',
  'login_info',
  'ysc',
  // Facebook, Instagram.
  'presence',
  'spin',
  'i_user',
  'usida',
  'ds_user_id',
  'rur',
  'shbid',
  'shbts',
  // X (Twitter).
  'ct0',
  'kdt',
  'twid',
  'att',
  'gt',
  'auth_multi',
  'remember_checked_on',
  // TikTok.
  'sid_tt',
  'sid_guard',
  'sid_ucp_v1',
  'ssid_ucp_v1',
  'uid_tt',
  'uid_tt_ss',
  'cmpl_token',
  'mstoken',
  'tt_chain_token',
  'store-idc',
  // Amazon (the regional at-acbxx, x-acbxx… forms: AMAZON_LOGIN).
  'csm-hit',
  // Yahoo.
  't',
  'y',
  // Microsoft.
  'mspprof',
  'msprequ',
  'mspok',
  'buid',
  'estssc',
  'wlssc',
  'nap',
  'anon',
  '_u',
  // LinkedIn.
  'li_rm',
  'bscookie',
  'liap',
  // GitHub, Reddit, Pinterest, Shopify.
  'dotcom_user',
  '_gh_sess',
  'token_v2',
  'edgebucket',
  '_pinterest_sess',
  '_routing_id',
  'cart_sig',
  'secure_customer_sig',
  'storefront_digest',
  // Server frameworks.
  'cfid',
  'cftoken',
  'ci_session',
  'rack.session',
  'play_session',
  'express:sess',
]);
/** Amazon's sign-in cookies, per marketplace: `at-main`, `x-main`, `sess-at-main`, `sst-main`, `at-acbuk`… */
const AMAZON_LOGIN = /^(?:sess-)?(?:at|x|sst)-(?:main|acb[a-z]{2})$/;

/**
 * Cookies of bot protection, fraud prevention and load balancers (Cloudflare, Akamai, Imperva, HUMAN/PerimeterX,
 * DataDome, DDoS-Guard, reCAPTCHA, Stripe, AWS): they prove a browser passed a check, or route it; a letter needs
 * none of them, and quoting one could let someone pass as the person.
 */
const SECURITY_COOKIES = new Set([
  'cf_clearance',
  '__cf_bm',
  '__cflb',
  '__cfruid',
  '__cfwaitingroom',
  'cf_ob_info',
  'cf_use_ob',
  'aec',
  'search_samesite',
  '_abck',
  'ak_bmsc',
  'reese84',
  '___utmvc',
  'pxcts',
  'datadome',
  '_grecaptcha',
  'rc::a',
  'rc::b',
  'rc::c',
  'hc_accessibility',
]);
const SECURITY_PATTERN = /^(?:__cfseq|cf_chl_|bm_|incap_ses_|visid_incap_|nlbi_|_px|__ddg|__stripe_|awse?lb)/;

export function judgeCookie(cookie: CookieFacts): CookieVerdict {
  if (!cookie.value.trim()) return { usable: false, reason: 'empty' };
  const name = cookie.name.toLowerCase();
  // Browser-enforced prefixes mark cookies a site chose to protect: sessions and security tokens.
  if (/^__(host|secure)-/.test(name)) return { usable: false, reason: 'security' };
  if (SECURITY_COOKIES.has(name) || SECURITY_PATTERN.test(name)) return { usable: false, reason: 'security' };
  if (SESSION_WORDS.test(name) || LOGIN_COOKIES.has(name) || AMAZON_LOGIN.test(name) || secretName(name))
    return { usable: false, reason: 'login-or-session' };
  // A cookie hidden from scripts that dies with the browser is how sessions are kept, whatever its name.
  if (cookie.httpOnly && cookie.session) return { usable: false, reason: 'login-or-session' };
  return { usable: true };
}

/**
 * Identifiers known to be set or collected to recognise a browser for tracking (analytics client ids, advertising
 * and click ids, the SDKs' anonymous ids), lower-cased: only these are ticked in a letter when it is drafted. Any
 * other identifier is offered unticked: the person decides whether a value they cannot recognise goes in a letter.
 */
const TRACKING_IDS = new Set([
  // Google: Analytics, Ads, DoubleClick.
  '_ga',
  'ga',
  'cid',
  '_gid',
  '_gcl_au',
  'gclid',
  'dclid',
  'wbraid',
  'gbraid',
  'ide',
  'anid',
  // Meta, Microsoft, TikTok, Pinterest, Snap, Reddit, X, LinkedIn.
  '_fbp',
  'fbp',
  '_fbc',
  'fbc',
  'fbclid',
  'fr',
  'muid',
  '_uetvid',
  'msclkid',
  '_ttp',
  'ttp',
  'ttclid',
  '_pin_unauth',
  '_scid',
  '_rdt_uuid',
  'personalization_id',
  'guest_id',
  'li_sugr',
  // Ad exchanges and data brokers.
  'tuuid',
  'uuid2',
  'uuid',
  'tuid',
  'puid',
  'buyeruid',
  'partner_uid',
  'demdex',
  's_vi',
  's_ecid',
  // Analytics and product SDKs.
  'uid',
  'user_id',
  'userid',
  'vid',
  'visitor_id',
  'visitorid',
  'device_id',
  'deviceid',
  'client_id',
  'clientid',
  'anonymous_id',
  'anonymousid',
  'ajs_anonymous_id',
  'ajs_user_id',
  'distinct_id',
  '_hjid',
  'hjid',
  '_pk_id',
  '_clck',
  '_parsely_visitor',
]);
/** Families of tracking cookies named per property: `_ga_ABC123`, `_hjSessionUser_123`, `_pk_id.1.1fff`, `AMCV_…`. */
const TRACKING_ID_PATTERN = /^(?:_ga_[a-z0-9]+|_hjsessionuser_\d+|_pk_id\.[\w.]+|amcv_[\w%@]+|_sp_id\.[\w]+)$/;

/**
 * Whether an identifier (a request parameter's name, flattened as `data.cid`, or a cookie's) is a known tracking
 * identifier, to be ticked in a new letter.
 */
export function isKnownTrackingId(name: string): boolean {
  const whole = name.toLowerCase();
  if (TRACKING_IDS.has(whole) || TRACKING_ID_PATTERN.test(whole)) return true;
  const cut = Math.max(whole.lastIndexOf('.'), whole.lastIndexOf(']'));
  return cut >= 0 && TRACKING_IDS.has(whole.slice(cut + 1));
}
