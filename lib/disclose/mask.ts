/**
 * How a page address is kept wherever it is stored or exported: origin and path with identifier-like segments masked,
 * the query reduced to its parameter names (query values can carry tokens). Pure functions, no state.
 * docs/export-format.md states the rules in prose; tests/unit/disclose/mask.test.ts holds the table of what is masked
 * and what is not.
 */

/** What a masked path segment, parameter name or word becomes. */
export const MASK = ':id';

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
/** A file extension kept after a masked name: `:id.png`. */
const EXTENSION = /^(.+?)(\.[a-z][a-z0-9]{0,4})$/i;

/**
 * Whether a piece of text looks like an identifier rather than a word: a UUID, an email-like `@`, five or more digits
 * in a row, eight or more hex characters with a digit and a letter among them, or a token of letters and digits
 * (base64 and the like) whose characters keep changing class — capital, small letter, digit — as random ones do and
 * words do not: sixteen or more with 3 changes in 10, or ten or more letters and digits of every class with more than
 * 5 in 10. Words, slugs, short numbers (`2026`, `page-2`), camel case (`iPhone15Pro`) and language codes are not.
 */
export function looksLikeIdentifier(text: string): boolean {
  if (UUID.test(text) || text.includes('@')) return true;
  if (/\d{5}/.test(text)) return true;
  // The whole and its pieces between separators: a token cut by `-` or `_` is judged whole, as well as in parts.
  const runs = [text, ...text.split(/[-_.~:,+=/ ]+/)];
  return runs.some((piece) => {
    if (!/\d/.test(piece) || !/[A-Za-z]/.test(piece)) return false;
    if (piece.length >= 8 && /^[0-9a-f]+$/i.test(piece)) return true;
    if (piece.length >= 16 && /^[A-Za-z0-9+/=_-]+$/.test(piece) && classChanges(piece) >= 0.3) return true;
    return piece.length >= 10 && /^[A-Za-z0-9]+$/.test(piece) && /[A-Z]/.test(piece) && /[a-z]/.test(piece)
      ? classChanges(piece) > 0.5
      : false;
  });
}

/**
 * How often neighbouring characters change class (capital, small letter, digit), separators left out, from 0 to 1:
 * `dQw4w9WgXcQ` 1, `iPhone15Pro` 0.5, `size-42-running-shoes` about 0.1.
 */
function classChanges(piece: string): number {
  const chars = piece.replace(/[^A-Za-z0-9]/g, '');
  const kind = (c: string) => (c >= '0' && c <= '9' ? 0 : c >= 'A' && c <= 'Z' ? 1 : 2);
  let changes = 0;
  for (let i = 1; i < chars.length; i++) if (kind(chars[i - 1] ?? '') !== kind(chars[i] ?? '')) changes++;
  return chars.length > 1 ? changes / (chars.length - 1) : 0;
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** One path segment or parameter name, masked if it looks like an identifier (its file extension kept). */
export function maskSegment(segment: string): string {
  if (!segment) return segment;
  const plain = decoded(segment);
  if (plain.includes('@')) return MASK;
  const [, base = plain, extension = ''] = plain.match(EXTENSION) ?? [];
  if (looksLikeIdentifier(base)) return `${MASK}${extension}`;
  return looksLikeIdentifier(plain) ? MASK : segment;
}

/**
 * A path with its identifier-like segments masked: `/u/3f2a9c8e/orders/20261130` → `/u/:id/orders/:id`. A segment cut
 * short by the display shortening (ending in `…`) cannot be judged, so it becomes `…`.
 */
export function maskPath(path: string): string {
  return path
    .split('/')
    .map((segment) => (segment.endsWith('…') ? '…' : maskSegment(segment)))
    .join('/');
}

/**
 * A page address as an export may hold it: origin and masked path, the query reduced to its parameter names (masked
 * too, each once), no fragment, no user name or password. `undefined` for what is not an http(s) address.
 */
export function maskAddress(address: string): string | undefined {
  const cut = address.endsWith('…');
  let url: URL;
  try {
    url = new URL(cut ? address.slice(0, -1) : address);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  // Where a shortened address was cut: in its fragment (dropped anyway), its query, its path, or its host name.
  const cutIn = !cut ? undefined : url.hash ? 'fragment' : url.search ? 'query' : 'path';
  if (cutIn === 'path' && url.pathname === '/' && !address.endsWith('/…')) return undefined;
  // A set: an address of thousands of distinct names would make a list's lookups quadratic.
  const names = new Set<string>();
  const raw = url.search.slice(1);
  const pairs = raw ? raw.split('&') : [];
  for (const [i, pair] of pairs.entries()) {
    const name = pair.split('=', 1)[0] ?? '';
    const last = i === pairs.length - 1;
    // The last name of a shortened address may be cut: it cannot be judged.
    const kept = cutIn === 'query' && last && !pair.includes('=') ? '…' : maskSegment(name);
    if (kept) names.add(kept);
  }
  const path = maskPath(cutIn === 'path' ? `${url.pathname}…` : url.pathname);
  return `${url.origin}${path}${names.size ? `?${[...names].join('&')}` : ''}`;
}
