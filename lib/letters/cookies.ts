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

export function judgeCookie(cookie: CookieFacts): CookieVerdict {
  if (!cookie.value.trim()) return { usable: false, reason: 'empty' };
  // Browser-enforced prefixes mark cookies a site chose to protect: sessions and security tokens.
  if (/^__(host|secure)-/i.test(cookie.name)) return { usable: false, reason: 'security' };
  if (SESSION_WORDS.test(cookie.name)) return { usable: false, reason: 'login-or-session' };
  // A cookie hidden from scripts that dies with the browser is how sessions are kept, whatever its name.
  if (cookie.httpOnly && cookie.session) return { usable: false, reason: 'login-or-session' };
  return { usable: true };
}
