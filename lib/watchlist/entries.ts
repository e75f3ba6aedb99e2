import { md5 } from './md5.ts';

/**
 * The user's own data they asked Disclosed to look for in requests (issue 18): kept in `storage.local` under
 * WATCHLIST_KEY, apart from the settings (which pages send to the worker and the export's header may carry), and read
 * by nothing but the worker's matcher and the settings page.
 *
 * What is kept of a value is its masked label (what the settings page shows: never the value) and its match forms,
 * computed once when it is entered (SHA via WebCrypto, MD5 by md5.ts). The hashes alone would not reveal it, but the
 * plain, URL-encoded and base64 forms are the value itself in other spellings: anyone who can read the browser
 * profile can read them. They stay on this device; the export never reads this key.
 */
export const WATCHLIST_KEY = 'watchlist';

export const WATCHED_KINDS = ['email', 'phone', 'name', 'postcode', 'account'] as const;
export type WatchedKind = (typeof WATCHED_KINDS)[number];

/**
 * The spellings looked for, as the finding names them. `as-typed` covers the value trimmed and lower-cased too, and
 * the spellings a URL or form decodes to it (the decoder hands on decoded values); `url-encoded` is the value as
 * `encodeURIComponent` or form encoding (`+` for a space) writes it, found in the raw address.
 */
export const WATCHED_FORMS = ['as-typed', 'url-encoded', 'base64', 'md5', 'sha1', 'sha256'] as const;
export type WatchedForm = (typeof WATCHED_FORMS)[number];

/** A form is looked for case-insensitively unless its letters carry meaning (base64). */
export interface MatchForm {
  form: WatchedForm;
  text: string;
  caseSensitive?: true;
}

export interface WatchedEntry {
  /** A random id, for removing it. */
  id: string;
  kind: WatchedKind;
  /** What the UI shows of the value: `j…@e….com`, `••• 1234`. */
  label: string;
  forms: MatchForm[];
}

/** The shortest normalised value that is looked for: shorter ones would match by chance. */
export const MIN_VALUE_CHARS = 4;
/** At most this many entries (each adds a few dozen forms to the worker's automaton). */
export const MAX_ENTRIES = 50;

/**
 * The normalised value, as ad platforms hash it for "advanced matching" (Meta's and Google's rules): an email trimmed
 * and lower-cased; a phone number as digits with the country code and no `+` (a leading `00` is the international
 * prefix and dropped; a number entered without its country code is hashed as entered — enter it with one); a name
 * lower-cased with single spaces; a postcode lower-cased without spaces; an account id trimmed and lower-cased.
 * Undefined when nothing usable is left.
 */
export function normalised(kind: WatchedKind, value: string): string | undefined {
  const v = value.trim();
  let out: string;
  switch (kind) {
    case 'email':
      out = v.toLowerCase();
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(out)) return undefined;
      break;
    case 'phone':
      out = v.replace(/\D/g, '');
      if (!v.startsWith('+') && out.startsWith('00')) out = out.slice(2);
      break;
    case 'name':
      out = v.toLowerCase().replace(/\s+/g, ' ');
      break;
    case 'postcode':
      out = v.toLowerCase().replace(/\s+/g, '');
      break;
    default:
      out = v.toLowerCase();
  }
  return out.length >= MIN_VALUE_CHARS ? out : undefined;
}

/** What the settings page shows of a value once entered: enough to tell entries apart, not to read the value. */
export function maskedLabel(kind: WatchedKind, value: string): string {
  const v = value.trim();
  switch (kind) {
    case 'email': {
      const [user = '', domain = ''] = v.toLowerCase().split('@');
      const dot = domain.lastIndexOf('.');
      return `${user.slice(0, 1)}…@${domain.slice(0, 1)}…${dot > 0 ? domain.slice(dot) : ''}`;
    }
    case 'phone':
      return `••• ${v.replace(/\D/g, '').slice(-4)}`;
    case 'name':
      return v
        .split(/\s+/)
        .map((word) => `${[...word][0]?.toUpperCase() ?? ''}.`)
        .join(' ');
    case 'postcode':
      return `${v.slice(0, 1)}•••`;
    default:
      return `•••${v.slice(-3)}`;
  }
}

/** Standard base64 of a text's UTF-8 bytes, with its padding. */
function base64(text: string): string {
  let binary = '';
  for (const b of new TextEncoder().encode(text)) binary += String.fromCharCode(b);
  return btoa(binary);
}

const hex = (buffer: ArrayBuffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');

/** Computes SHA digests; WebCrypto's in pages and the worker, passed in so tests run it in Node too. */
export type Digest = (algorithm: 'SHA-1' | 'SHA-256', data: Uint8Array) => Promise<ArrayBuffer>;
const webDigest: Digest = (algorithm, data) => crypto.subtle.digest(algorithm, data as BufferSource);

/**
 * The forms a value is looked for in: the value as typed and normalised; URL-encoded (`encodeURIComponent`, and form
 * encoding's `+`); base64 of both (standard and URL-safe alphabets, without padding: a padded one contains it); and the
 * MD5, SHA-1 and SHA-256 hex of the normalised value (for a name, of each word too: Meta hashes first and last name
 * apart). Spellings shorter than MIN_VALUE_CHARS are left out, and each spelling is listed once.
 */
export async function matchForms(kind: WatchedKind, value: string, digest: Digest = webDigest): Promise<MatchForm[]> {
  const norm = normalised(kind, value);
  if (!norm) return [];
  const typed = value.trim();
  const plain = new Set([typed, norm]);
  if (kind === 'phone') plain.add(`+${norm}`);
  const forms: MatchForm[] = [];
  const seen = new Set<string>();
  const add = (form: WatchedForm, text: string, caseSensitive = false) => {
    const key = caseSensitive ? text : text.toLowerCase();
    if (text.length < MIN_VALUE_CHARS || seen.has(key)) return;
    seen.add(key);
    forms.push(caseSensitive ? { form, text, caseSensitive: true } : { form, text });
  };
  for (const p of plain) add('as-typed', p);
  for (const p of plain) {
    add('url-encoded', encodeURIComponent(p));
    add('url-encoded', encodeURIComponent(p).replace(/%20/g, '+'));
  }
  for (const p of plain) {
    const b64 = base64(p).replace(/=+$/, '');
    add('base64', b64, true);
    add('base64', b64.replace(/\+/g, '-').replace(/\//g, '_'), true);
  }
  const hashed = kind === 'name' ? [norm, ...norm.split(' ').filter((w) => w.length >= 2)] : [norm];
  for (const h of new Set(hashed)) {
    const bytes = new TextEncoder().encode(h);
    add('md5', md5(h));
    add('sha1', hex(await digest('SHA-1', bytes)));
    add('sha256', hex(await digest('SHA-256', bytes)));
  }
  return forms;
}

/** A new entry for a value the user typed, or undefined when it is too short or not of its kind. */
export async function watchedEntry(
  kind: WatchedKind,
  value: string,
  digest: Digest = webDigest,
): Promise<WatchedEntry | undefined> {
  const forms = await matchForms(kind, value, digest);
  if (!forms.length) return undefined;
  return { id: crypto.randomUUID(), kind, label: maskedLabel(kind, value), forms };
}

/** Entries from whatever was stored, each checked (stored data is a trust boundary). */
export function parseWatchlist(stored: unknown): WatchedEntry[] {
  if (!Array.isArray(stored)) return [];
  const out: WatchedEntry[] = [];
  for (const e of stored.slice(0, MAX_ENTRIES)) {
    if (!e || typeof e !== 'object') continue;
    const { id, kind, label, forms } = e as Record<string, unknown>;
    if (typeof id !== 'string' || typeof label !== 'string' || !(WATCHED_KINDS as readonly unknown[]).includes(kind))
      continue;
    if (!Array.isArray(forms)) continue;
    const kept = forms.filter(
      (f): f is MatchForm =>
        !!f &&
        typeof f === 'object' &&
        (WATCHED_FORMS as readonly unknown[]).includes(f.form) &&
        typeof f.text === 'string' &&
        f.text.length >= MIN_VALUE_CHARS &&
        f.text.length <= 512,
    );
    if (kept.length) out.push({ id, kind: kind as WatchedKind, label: label.slice(0, 40), forms: kept });
  }
  return out;
}
