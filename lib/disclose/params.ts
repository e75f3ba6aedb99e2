/**
 * Turns what a request carried — its address, its Referer, its body — into a flat list of named values. Bodies may
 * be form data, JSON, `text/plain` beacons (often JSON or form-encoded), newline-delimited JSON, or gzip/deflate
 * streams of any of these; values may themselves be base64-encoded JSON. Never throws: what cannot be read is left
 * out.
 */

import type { RawBody } from '../classify/request-details.ts';

export type ParameterSource = 'url' | 'referer' | 'body' | 'cookie';

export interface Parameter {
  source: ParameterSource;
  /** Flattened name: `ud.em`, `events[0].name`, `data.cid` for a base64 JSON `data` parameter. */
  name: string;
  value: string;
  /** The value was encoded JSON, read into the parameters that follow it: judge those, not the wrapper. */
  container?: true;
}

const MAX_PARAMETERS = 400;
const MAX_DEPTH = 6;
/** Arrays nest deeper than objects are read, but not without end (a hostile `[[[[…]]]]` would exhaust the stack). */
const MAX_ARRAY_DEPTH = 64;
/**
 * Bounds that keep one hostile request cheap (a 2 MB address, a megabyte body, a compression bomb): only this much
 * of a query string or a body is read. Real tracker requests are far smaller; a request cut short says `truncated`.
 */
export const MAX_QUERY_CHARS = 16 * 1024;
export const MAX_BODY_CHARS = 64 * 1024;
/** A body of more lines than this is not read as newline-delimited JSON (each line would be parsed). */
const MAX_JSON_LINES = 2000;
/** JSON nested deeper than this is not parsed: parsing it costs more than anything in it is worth. */
const MAX_JSON_NESTING = 64;

/** Parameters read, and whether a bound cut the input short. */
export interface Parameters {
  parameters: Parameter[];
  truncated: boolean;
}

const utf8 = new TextDecoder();
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Query parameters of an address (`+` as space, as forms encode it). */
export function queryParameters(url: string, source: ParameterSource = 'url'): Parameter[] {
  const out: Parameter[] = [];
  addQueryParameters(out, url, source);
  return out;
}

/** Appends an address's query parameters to `out`; true when the query was longer than is read. */
export function addQueryParameters(out: Parameter[], url: string, source: ParameterSource = 'url'): boolean {
  const q = url.indexOf('?');
  if (q < 0) return false;
  const hash = url.indexOf('#', q);
  const end = hash < 0 ? url.length : hash;
  const cut = end - q - 1 > MAX_QUERY_CHARS;
  addFormParameters(out, url, source, q + 1, cut ? q + 1 + MAX_QUERY_CHARS : end);
  return cut;
}

/**
 * Appends what an address's path carries as base64 JSON (LaunchDarkly puts the whole user context there:
 * `/sdk/evalx/ENV/contexts/eyJrZXkiOi…`), read under the name `path`. Other path segments are left alone: a path
 * names a resource, and its random-looking parts (build hashes, project ids) are not about the person.
 */
export function addPathParameters(out: Parameter[], url: string): void {
  const scheme = url.indexOf('://');
  const pathStart = scheme < 0 ? -1 : url.indexOf('/', scheme + 3);
  if (pathStart < 0) return;
  let end = url.length;
  for (const c of ['?', '#']) {
    const at = url.indexOf(c, pathStart);
    if (at >= 0 && at < end) end = at;
  }
  // Only a segment of some length that starts as base64 of "{" does: most paths have none, and cost one search.
  if (!url.includes('/ey', pathStart) && !url.includes('/W', pathStart)) return;
  for (const segment of url.slice(pathStart + 1, end).split('/', 32)) {
    if (segment.length < 16 || segment.length > MAX_QUERY_CHARS) continue;
    const inner = base64Json(decode(segment));
    if (inner === undefined) continue;
    out.push({ source: 'url', name: 'path', value: segment, container: true });
    flatten(out, 'url', 'path', inner, 1);
  }
}

/** `a=1&b=2` pairs; a value that is base64 JSON is expanded under its name. */
export function formParameters(text: string, source: ParameterSource): Parameter[] {
  const out: Parameter[] = [];
  addFormParameters(out, text, source, 0, text.length);
  return out;
}

/** The pairs of `text` from `start` to `end`, scanned in place (a split would copy every pair, however many). */
function addFormParameters(out: Parameter[], text: string, source: ParameterSource, start: number, end: number) {
  const limit = out.length + MAX_PARAMETERS;
  // The next "=" from here on, found again only once passed (pairs without one would each rescan the rest).
  let eq = -2;
  for (let at = start; at < end; ) {
    let next = text.indexOf('&', at);
    if (next < 0 || next > end) next = end;
    if (next > at) {
      if (eq !== -1 && eq < at) eq = text.indexOf('=', at);
      const name = decode(eq < 0 || eq >= next ? text.slice(at, next) : text.slice(at, eq));
      const value = eq < 0 || eq >= next ? '' : decode(text.slice(eq + 1, next));
      addValue(out, source, name, value, 0);
      if (out.length >= limit) break;
    }
    at = next + 1;
  }
}

/** Everything in a body, decompressed and decoded as far as it can be. */
export async function bodyParameters(body: RawBody | undefined): Promise<Parameter[]> {
  return (await readBody(body)).parameters;
}

/**
 * A body's parameters: at once for the common case, a promise only when the body is compressed (inflating it is
 * asynchronous in browsers).
 */
export function readBody(body: RawBody | undefined): Parameters | Promise<Parameters> {
  if (!body) return { parameters: [], truncated: false };
  const chunks = body.raw?.length ? rawChunks(body.raw) : [];
  const bytes = chunks.length ? concat(chunks) : undefined;
  const format = bytes && compression(bytes);
  if (bytes && format) return inflate(bytes, format).then((inflated) => bodyOf(body, inflated.bytes, inflated.cut));
  return bodyOf(body, bytes, false);
}

function rawChunks(raw: NonNullable<RawBody['raw']>): ArrayBuffer[] {
  const chunks: ArrayBuffer[] = [];
  for (const r of raw) if (r.bytes instanceof ArrayBuffer) chunks.push(r.bytes);
  return chunks;
}

function bodyOf(body: RawBody, bytes: Uint8Array | undefined, cut: boolean): Parameters {
  const out: Parameter[] = [];
  let truncated = cut;
  if (body.formData) {
    let chars = 0;
    // for…in stops where the bounds say; Object.entries would first copy every field of a huge form.
    const form = body.formData;
    read: for (const name in form) {
      if (!Object.hasOwn(form, name)) continue;
      const values: unknown = form[name];
      for (const value of Array.isArray(values) ? values : [values]) {
        const text = String(value);
        chars += name.length + text.length;
        if (chars > MAX_BODY_CHARS || out.length >= MAX_PARAMETERS) {
          truncated = true;
          break read;
        }
        addValue(out, 'body', name, text, 0);
      }
    }
  }
  if (bytes && out.length < MAX_PARAMETERS) {
    if (bytes.length > MAX_BODY_CHARS) truncated = true;
    const text = utf8.decode(bytes.length > MAX_BODY_CHARS ? bytes.subarray(0, MAX_BODY_CHARS) : bytes);
    if (addTextParameters(out, text)) truncated = true;
  }
  if (out.length > MAX_PARAMETERS) out.length = MAX_PARAMETERS;
  return { parameters: out, truncated };
}

/** A text body: JSON, newline-delimited JSON, form-encoded, or else one opaque value named `body`. */
export function textParameters(text: string): Parameter[] {
  const out: Parameter[] = [];
  addTextParameters(out, text);
  return out;
}

/** Appends a text body's parameters; true when it was JSON nested too deep to read (then one opaque value). */
function addTextParameters(out: Parameter[], text: string): boolean {
  const trimmed = text.trim();
  if (!trimmed) return false;
  if (isJsonStart(trimmed.charCodeAt(0)) && trimmed.length > 512 && !nestsWithin(trimmed, MAX_JSON_NESTING)) {
    out.push({ source: 'body', name: 'body', value: trimmed.slice(0, 4000) });
    return true;
  }
  const json = parseJson(trimmed, false);
  if (json !== undefined) {
    flatten(out, 'body', '', json, 0);
    return false;
  }
  if (trimmed.includes('\n')) {
    const lines = trimmed.split('\n', MAX_JSON_LINES + 1);
    const parsed: unknown[] = [];
    if (lines.length <= MAX_JSON_LINES) {
      for (const line of lines) {
        const l = line.trim();
        const value = l ? parseJson(l) : null;
        if (value === undefined) break;
        parsed.push(value);
      }
    }
    if (parsed.length === lines.length) {
      for (const [i, value] of parsed.entries()) if (value !== null) flatten(out, 'body', `[${i}]`, value, 0);
      return false;
    }
  }
  // Pairs with no white space: a name, "=", then anything (the value may hold "&" and "=" itself). The same test
  // as /^[^\s=&]+=[^\s]*(&[^\s=&]+=[^\s]*)*$/, without its exponential backtracking on a near miss.
  if (/^[^\s=&]+=\S*$/.test(trimmed)) {
    addFormParameters(out, trimmed, 'body', 0, trimmed.length);
    return false;
  }
  // Base64 JSON written backwards (Statsig's `se=1` bodies): `…Jye` is `eyJ…` reversed.
  const last = trimmed.charCodeAt(trimmed.length - 1);
  if ((last === 101 /* e */ || last === 87) /* W */ && trimmed.length <= MAX_BODY_CHARS) {
    const reversed = base64Json(trimmed.split('').reverse().join(''));
    if (reversed !== undefined) {
      out.push({ source: 'body', name: 'body', value: trimmed.slice(0, 4000), container: true });
      flatten(out, 'body', '', reversed, 0);
      return false;
    }
  }
  out.push({ source: 'body', name: 'body', value: trimmed.slice(0, 4000) });
  return false;
}

function addValue(out: Parameter[], source: ParameterSource, name: string, value: string, depth: number) {
  const parameter: Parameter = { source, name, value };
  out.push(parameter);
  if (depth >= MAX_DEPTH) return;
  // A parameter whose value is JSON, or base64-encoded JSON (`data=eyJ1aWQiOi…`): read what is inside too.
  const first = value.charCodeAt(0);
  const inner =
    first === 123 /* { */ || first === 91 /* [ */
      ? parseJson(value)
      : first === 101 /* e */ || first === 87 /* W */
        ? base64Json(value)
        : undefined;
  if (inner !== undefined) {
    parameter.container = true;
    flatten(out, source, name, inner, depth + 1);
  }
}

function flatten(out: Parameter[], source: ParameterSource, prefix: string, value: unknown, depth: number) {
  if (out.length >= MAX_PARAMETERS) return;
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    if (depth > MAX_ARRAY_DEPTH) return;
    const n = Math.min(value.length, 50);
    for (let i = 0; i < n; i++) flatten(out, source, `${prefix}[${i}]`, value[i], depth + 1);
  } else if (typeof value === 'object') {
    if (depth > MAX_DEPTH) return;
    for (const k in value as Record<string, unknown>) {
      if (!Object.hasOwn(value, k)) continue;
      flatten(out, source, prefix ? `${prefix}.${k}` : k, (value as Record<string, unknown>)[k], depth + 1);
    }
  } else {
    addValue(out, source, prefix || 'value', String(value), depth);
  }
}

const isJsonStart = (c: number) => c === 123 /* { */ || c === 91; /* [ */

/** An object or array, or undefined. `checkNesting` false: the caller has checked how deep it nests. */
function parseJson(text: string, checkNesting = true): unknown {
  if (!isJsonStart(text.charCodeAt(0))) return undefined;
  // A short text cannot nest deep enough to matter; a long one is scanned first (a hostile `[[[[…` of a few
  // kilobytes costs JSON.parse milliseconds).
  if (checkNesting && text.length > 512 && !nestsWithin(text, MAX_JSON_NESTING)) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Whether JSON text nests no deeper than `limit` (brackets inside strings do not count). */
function nestsWithin(text: string, limit: number): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 92 /* \ */) i++;
        else if (d === 34) break;
      }
    } else if (c === 123 || c === 91) {
      if (++depth > limit) return false;
    } else if (c === 125 /* } */ || c === 93 /* ] */) depth--;
  }
  return true;
}

/** The JSON inside a base64 (or base64url) string, if that is what it is. */
function base64Json(value: string): unknown {
  // JSON objects and arrays start with "{" or "[", which base64 encodes as "e" or "W".
  if (value[0] !== 'e' && value[0] !== 'W') return undefined;
  if (value.length < 8 || value.length % 4 === 1 || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) return undefined;
  try {
    const text = strictUtf8.decode(
      Uint8Array.from(atob(value.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)),
    );
    return parseJson(text.trim());
  } catch {
    return undefined;
  }
}

/** A URI component decoded (`+` as space, as forms encode it); the text as it is if it is not valid encoding. */
export function decode(s: string): string {
  // Most names and values hold neither: nothing to decode.
  if (!s.includes('%')) return s.includes('+') ? s.replace(/\+/g, ' ') : s;
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

function concat(chunks: (ArrayBuffer | Uint8Array)[]): Uint8Array<ArrayBuffer> {
  if (chunks.length === 1 && chunks[0] instanceof ArrayBuffer) return new Uint8Array(chunks[0]);
  let total = 0;
  for (const c of chunks) total += c.byteLength;
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c instanceof Uint8Array ? c : new Uint8Array(c), at);
    at += c.byteLength;
  }
  return out;
}

/** gzip (1f 8b) and zlib/deflate (78 xx) bodies, when the platform can inflate them (DecompressionStream). */
function compression(bytes: Uint8Array): CompressionFormat | undefined {
  const format =
    bytes[0] === 0x1f && bytes[1] === 0x8b
      ? 'gzip'
      : bytes[0] === 0x78 && ((bytes[0] << 8) | (bytes[1] ?? 0)) % 31 === 0
        ? 'deflate'
        : undefined;
  return format && typeof DecompressionStream !== 'undefined' ? format : undefined;
}

/**
 * Inflates a body, reading no more than is decoded (a compression bomb of a few kilobytes can stand for gigabytes):
 * the stream is cancelled past MAX_BODY_CHARS bytes. The bytes as they are if they do not inflate.
 */
async function inflate(bytes: Uint8Array<ArrayBuffer>, format: CompressionFormat) {
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream(format)).getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
      total += value.byteLength;
      if (total > MAX_BODY_CHARS) {
        reader.cancel().catch(() => undefined);
        return { bytes: concat(parts), cut: true };
      }
    }
  } catch {
    return { bytes, cut: false };
  }
  return { bytes: concat(parts), cut: false };
}
