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

/** Parameters read of one request, in all (its address, path and body together). */
export const MAX_PARAMETERS = 400;
const MAX_DEPTH = 6;
/** Arrays nest deeper than objects are read, but not without end (a hostile `[[[[…]]]]` would exhaust the stack). */
const MAX_ARRAY_DEPTH = 64;
/** Elements read of one array. */
const MAX_ARRAY_ELEMENTS = 50;
/**
 * Bounds that keep one hostile request cheap (a 2 MB address, a megabyte body, a compression bomb). At most this much
 * text of a request is read, its query, path, Referer, cookie names and body together (a body's bytes count one
 * each); real tracker requests are far smaller, and a request cut short says `truncated`.
 */
export const MAX_REQUEST_CHARS = 128 * 1024;
/**
 * A copy of `text` that keeps nothing else alive. V8 cuts a slice of 13 or more characters as a view into the text it
 * came from, so a parameter name kept in a cache or a queue would hold a whole 2 MB request body in memory.
 */
export function ownCopy(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}

/** Of that, at most this much of the address's query, as much of its path, its Referer, its cookie names. */
export const MAX_QUERY_CHARS = 16 * 1024;
/**
 * Inflating a compressed body never holds more than this: it stops once what the request may still read is there.
 * The compressed bytes are fed INFLATE_SLICE at a time (Chromium inflates all it is given before the first read
 * returns, a 64 KB bomb into 64 MB): deflate makes at most 1,032 bytes of one, so a slice adds at most 528 KB.
 */
export const MAX_INFLATED_BYTES = 1024 * 1024;
const INFLATE_SLICE = 512;
/** A parameter's flattened name is kept to this many characters (names are keys, not data). */
export const MAX_NAME_CHARS = 256;
/** A body of more lines than this is not read as newline-delimited JSON (each line would be parsed). */
const MAX_JSON_LINES = 2000;
/** JSON nested deeper than this is not parsed: parsing it costs more than anything in it is worth. */
const MAX_JSON_NESTING = 64;

/** Parameters read, and whether a bound cut the input short. */
export interface Parameters {
  parameters: Parameter[];
  truncated: boolean;
}

/** One request being read: what was read so far, and what is left of its bounds. */
export interface Reading {
  parameters: Parameter[];
  /** Characters the request may still have read. */
  chars: number;
  /** A bound (or a failure) left part of the request unread. */
  truncated: boolean;
}

export const newReading = (): Reading => ({ parameters: [], chars: MAX_REQUEST_CHARS, truncated: false });

/** Room for one more parameter; when there is none, the request is marked cut short. */
function room(r: Reading): boolean {
  if (r.parameters.length < MAX_PARAMETERS) return true;
  r.truncated = true;
  return false;
}

/**
 * At most `limit` characters of `text` (and no more than the request has left), taken from what it may read; a text
 * cut short marks the request.
 */
export function take(r: Reading, text: string, limit = MAX_QUERY_CHARS): string {
  const n = Math.min(limit, r.chars);
  if (text.length > n) {
    r.truncated = true;
    text = text.slice(0, Math.max(0, n));
  }
  r.chars -= text.length;
  return text;
}

const utf8 = new TextDecoder();
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Query parameters of an address (`+` as space, as forms encode it). */
export function queryParameters(url: string, source: ParameterSource = 'url'): Parameter[] {
  const r = newReading();
  addQueryParameters(r, url, source);
  return r.parameters;
}

/**
 * Reads an address's query parameters, up to MAX_QUERY_CHARS of it. Only that much of the address is searched past
 * the "?" (a 2 MB address costs what a 16 KB one does).
 */
export function addQueryParameters(r: Reading, url: string, source: ParameterSource = 'url'): void {
  const q = url.indexOf('?');
  if (q < 0) return;
  const allowed = Math.max(0, Math.min(MAX_QUERY_CHARS, r.chars));
  // What may be read, and one character more to know whether the query goes on.
  const window = url.slice(q + 1, q + 2 + allowed);
  const hash = window.indexOf('#');
  const length = hash < 0 ? window.length : hash;
  const read = Math.min(length, allowed);
  if (read < length) r.truncated = true;
  r.chars -= read;
  addFormParameters(r, url, source, q + 1, q + 1 + read);
}

/**
 * Reads what an address's path carries as base64 JSON (LaunchDarkly puts the whole user context there:
 * `/sdk/evalx/ENV/contexts/eyJrZXkiOi…`), under the name `path`. Other path segments are left alone: a path
 * names a resource, and its random-looking parts (build hashes, project ids) are not about the person.
 */
export function addPathParameters(r: Reading, url: string): void {
  // Where the path starts, looked for near the start only: a scheme, a host, then the path.
  const scheme = url.slice(0, 64).indexOf('://');
  const slash = scheme < 0 ? -1 : url.slice(scheme + 3, scheme + 3 + MAX_QUERY_CHARS).indexOf('/');
  if (slash < 0) return;
  const pathStart = scheme + 3 + slash;
  // The path as far as it may be read, and one character more to know whether it goes on.
  let path = url.slice(pathStart + 1, pathStart + 2 + MAX_QUERY_CHARS);
  for (const c of ['?', '#']) {
    const at = path.indexOf(c);
    if (at >= 0) path = path.slice(0, at);
  }
  // Only a segment of some length that starts as base64 of "{" does: most paths have none, and cost one search.
  const maybe = path.startsWith('ey') || path.startsWith('W') || path.includes('/ey') || path.includes('/W');
  if (!maybe) return;
  for (const segment of take(r, path).split('/', 32)) {
    if (segment.length < 16) continue;
    const inner = base64Json(decode(segment));
    if (inner === undefined || !room(r)) continue;
    r.parameters.push({ source: 'url', name: 'path', value: segment, container: true });
    flatten(r, 'url', 'path', inner, 1);
  }
}

/** `a=1&b=2` pairs; a value that is base64 JSON is expanded under its name. */
export function formParameters(text: string, source: ParameterSource): Parameter[] {
  const r = newReading();
  addFormParameters(r, text, source, 0, text.length);
  return r.parameters;
}

/** The pairs of `text` from `start` to `end`, scanned in place (a split would copy every pair, however many). */
function addFormParameters(r: Reading, text: string, source: ParameterSource, start: number, end: number) {
  // The next "=" from here on, found again only once passed (pairs without one would each rescan the rest).
  let eq = -2;
  for (let at = start; at < end; ) {
    let next = text.indexOf('&', at);
    if (next < 0 || next > end) next = end;
    if (next > at) {
      if (!room(r)) return;
      if (eq !== -1 && eq < at) eq = text.indexOf('=', at);
      const name = decode(eq < 0 || eq >= next ? text.slice(at, next) : text.slice(at, eq));
      const value = eq < 0 || eq >= next ? '' : decode(text.slice(eq + 1, next));
      addValue(r, source, name, value, 0);
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
 * asynchronous in browsers). Never throws, and the promise never rejects.
 */
export function readBody(body: RawBody | undefined): Parameters | Promise<Parameters> {
  const r = newReading();
  const done = () => ({ parameters: r.parameters, truncated: r.truncated });
  const reading = addBodyParameters(r, body);
  return reading ? reading.then(done) : done();
}

/**
 * Reads a body into `r`, with what the request has left to read; a promise (that never rejects) when it is
 * compressed. What cannot be read is left out, and marks the request cut short.
 */
export function addBodyParameters(r: Reading, body: RawBody | undefined): Promise<void> | undefined {
  if (!body) return undefined;
  try {
    if (body.formData) addFormData(r, body.formData);
    const raw = body.raw?.length ? rawBytes(body.raw, INFLATE_SLICE) : undefined;
    if (!raw?.bytes.length || !room(r)) return undefined;
    const format = compression(raw.bytes);
    if (!format) {
      addBytes(r, rawBytes(body.raw ?? [], r.chars + 1).bytes);
      return undefined;
    }
    const compressed = rawBytes(body.raw ?? [], MAX_INFLATED_BYTES);
    if (compressed.more) r.truncated = true;
    return inflate(compressed.bytes, format, Math.min(r.chars + 1, MAX_INFLATED_BYTES)).then(
      (inflated) => {
        if (inflated.cut) r.truncated = true;
        try {
          addBytes(r, inflated.bytes);
        } catch {
          r.truncated = true;
        }
      },
      () => {
        r.truncated = true;
      },
    );
  } catch {
    r.truncated = true;
    return undefined;
  }
}

function addFormData(r: Reading, form: Record<string, unknown>) {
  // for…in stops where the bounds say; Object.entries would first copy every field of a huge form.
  for (const name in form) {
    if (!Object.hasOwn(form, name)) continue;
    const values: unknown = form[name];
    for (const value of Array.isArray(values) ? values : [values]) {
      const text = String(value);
      if (name.length + text.length > r.chars) {
        r.truncated = true;
        return;
      }
      if (!room(r)) return;
      r.chars -= name.length + text.length;
      addValue(r, 'body', name, text, 0);
    }
  }
}

/** A body's bytes as text, as much of them as the request may still read. */
function addBytes(r: Reading, bytes: Uint8Array) {
  if (!bytes.length) return;
  const n = Math.max(0, r.chars);
  if (bytes.length > n) r.truncated = true;
  const read = bytes.length > n ? bytes.subarray(0, n) : bytes;
  r.chars -= read.length;
  addTextParameters(r, utf8.decode(read));
}

/** The first `limit` bytes of a raw body (its parts joined), and whether it holds more. */
function rawBytes(raw: NonNullable<RawBody['raw']>, limit: number): { bytes: Uint8Array<ArrayBuffer>; more: boolean } {
  const parts: Uint8Array[] = [];
  let total = 0;
  for (const r of raw) {
    if (!(r.bytes instanceof ArrayBuffer) || !r.bytes.byteLength) continue;
    if (total >= limit) return { bytes: concat(parts), more: true };
    const part = new Uint8Array(r.bytes, 0, Math.min(r.bytes.byteLength, limit - total));
    parts.push(part);
    total += part.byteLength;
    if (part.byteLength < r.bytes.byteLength) return { bytes: concat(parts), more: true };
  }
  return { bytes: concat(parts), more: false };
}

/** A text body: JSON, newline-delimited JSON, form-encoded, or else one opaque value named `body`. */
export function textParameters(text: string): Parameter[] {
  const r = newReading();
  addTextParameters(r, text);
  return r.parameters;
}

/** A text body's parameters (JSON nested too deep to read is kept as one opaque value, and marks the request). */
function addTextParameters(r: Reading, text: string): void {
  const trimmed = text.trim();
  if (!trimmed || !room(r)) return;
  const deep = tooDeep(trimmed);
  const json = deep ? undefined : parseJson(trimmed, false);
  if (json !== undefined) {
    flatten(r, 'body', '', json, 0);
    return;
  }
  if (trimmed.includes('\n')) {
    const lines = trimmed.split('\n', MAX_JSON_LINES + 1);
    const parsed: unknown[] = [];
    if (lines.length <= MAX_JSON_LINES) {
      for (const line of lines) {
        const l = line.trim();
        // A line nested too deep is left unread, as a whole body would be; the other lines are still read.
        const value = !l ? null : tooDeep(l) ? TOO_DEEP : parseJson(l, false);
        if (value === undefined) break;
        parsed.push(value);
      }
    }
    if (parsed.length === lines.length) {
      for (const [i, value] of parsed.entries()) {
        if (value === TOO_DEEP) r.truncated = true;
        else if (value !== null) flatten(r, 'body', `[${i}]`, value, 0);
      }
      return;
    }
  }
  if (deep) {
    r.parameters.push({ source: 'body', name: 'body', value: trimmed.slice(0, 4000) });
    r.truncated = true;
    return;
  }
  // Pairs with no white space: a name, "=", then anything (the value may hold "&" and "=" itself). The same test
  // as /^[^\s=&]+=[^\s]*(&[^\s=&]+=[^\s]*)*$/, without its exponential backtracking on a near miss; linear, as
  // the first run can only end at the one "=" that must follow it.
  if (/^[^\s=&]+=\S*$/.test(trimmed)) {
    addFormParameters(r, trimmed, 'body', 0, trimmed.length);
    return;
  }
  // Base64 JSON written backwards (Statsig's `se=1` bodies): `…Jye` is `eyJ…` reversed. Only text of base64's
  // characters (padding first, as it is reversed) is turned around.
  const last = trimmed.charCodeAt(trimmed.length - 1);
  if ((last === 101 /* e */ || last === 87) /* W */ && /^={0,2}[A-Za-z0-9+/_-]+$/.test(trimmed)) {
    const reversed = base64Json(reverse(trimmed));
    if (reversed !== undefined) {
      r.parameters.push({ source: 'body', name: 'body', value: trimmed.slice(0, 4000), container: true });
      flatten(r, 'body', '', reversed, 0);
      return;
    }
  }
  r.parameters.push({ source: 'body', name: 'body', value: trimmed.slice(0, 4000) });
}

/** ASCII text backwards (base64 has no surrogate pairs to keep together). */
function reverse(text: string): string {
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) codes[text.length - 1 - i] = text.charCodeAt(i);
  return utf16.decode(codes);
}
const utf16 = new TextDecoder('utf-16le');

/** A name kept to MAX_NAME_CHARS (a hostile key of 100 KB would be copied into every name under it). */
const named = (name: string) => (name.length > MAX_NAME_CHARS ? name.slice(0, MAX_NAME_CHARS) : name);

function addValue(r: Reading, source: ParameterSource, name: string, value: string, depth: number) {
  if (!room(r)) return;
  const parameter: Parameter = { source, name: named(name), value };
  r.parameters.push(parameter);
  // A parameter whose value is JSON, or base64-encoded JSON (`data=eyJ1aWQiOi…`): read what is inside too.
  const first = value.charCodeAt(0);
  const encoded = first === 123 /* { */ || first === 91 /* [ */ || first === 101 /* e */ || first === 87; /* W */
  if (!encoded) return;
  if (depth >= MAX_DEPTH) {
    r.truncated = true;
    return;
  }
  const inner = first === 123 || first === 91 ? parseJson(value) : base64Json(value);
  if (inner !== undefined) {
    parameter.container = true;
    flatten(r, source, parameter.name, inner, depth + 1);
  }
}

function flatten(r: Reading, source: ParameterSource, prefix: string, value: unknown, depth: number) {
  if (value === null || value === undefined) return;
  if (!room(r)) return;
  if (Array.isArray(value)) {
    if (depth > MAX_ARRAY_DEPTH) {
      r.truncated = true;
      return;
    }
    if (value.length > MAX_ARRAY_ELEMENTS) r.truncated = true;
    const n = Math.min(value.length, MAX_ARRAY_ELEMENTS);
    for (let i = 0; i < n && room(r); i++) flatten(r, source, named(`${prefix}[${i}]`), value[i], depth + 1);
  } else if (typeof value === 'object') {
    if (depth > MAX_DEPTH) {
      r.truncated = true;
      return;
    }
    for (const k in value as Record<string, unknown>) {
      if (!Object.hasOwn(value, k)) continue;
      if (!room(r)) return;
      const key = named(k);
      flatten(r, source, named(prefix ? `${prefix}.${key}` : key), (value as Record<string, unknown>)[k], depth + 1);
    }
  } else {
    addValue(r, source, prefix || 'value', String(value), depth);
  }
}

const isJsonStart = (c: number) => c === 123 /* { */ || c === 91; /* [ */

/** JSON text (or what starts as it) nested deeper than is parsed; a short text cannot nest deep enough to matter. */
const tooDeep = (text: string) =>
  isJsonStart(text.charCodeAt(0)) && text.length > 512 && !nestsWithin(text, MAX_JSON_NESTING);
const TOO_DEEP = Symbol('too deep');

/** An object or array, or undefined. `checkNesting` false: the caller has checked how deep it nests. */
function parseJson(text: string, checkNesting = true): unknown {
  if (!isJsonStart(text.charCodeAt(0))) return undefined;
  // A short text cannot nest deep enough to matter; a long one is scanned first (a hostile `[[[[…` of a few
  // kilobytes costs JSON.parse milliseconds).
  if (checkNesting && tooDeep(text)) return undefined;
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
    const binary = atob(value.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return parseJson(strictUtf8.decode(bytes).trim());
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

function concat(chunks: Uint8Array[]): Uint8Array<ArrayBuffer> {
  let total = 0;
  for (const c of chunks) total += c.byteLength;
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
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
 * Inflates a body chunk by chunk, stopping (and cancelling the stream) once `limit` bytes are out: a compression
 * bomb of a few kilobytes can stand for gigabytes. A stream that breaks off keeps what it gave; bytes that do not
 * inflate at all are kept as they are (a text body can begin like a zlib header). Never rejects.
 */
async function inflate(bytes: Uint8Array<ArrayBuffer>, format: CompressionFormat, limit: number) {
  let fed = 0;
  const input = new ReadableStream<Uint8Array<ArrayBuffer>>(
    {
      pull(controller) {
        if (fed >= bytes.length) {
          controller.close();
          return;
        }
        controller.enqueue(bytes.slice(fed, fed + INFLATE_SLICE));
        fed += INFLATE_SLICE;
      },
    },
    { highWaterMark: 0 },
  );
  const parts: Uint8Array[] = [];
  let total = 0;
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  try {
    reader = input.pipeThrough(new DecompressionStream(format)).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { bytes: concat(parts), cut: false };
      parts.push(value);
      total += value.byteLength;
      if (total >= limit) {
        reader.cancel().catch(() => undefined);
        return { bytes: concat(parts).subarray(0, limit), cut: true };
      }
    }
  } catch {
    reader?.cancel().catch(() => undefined);
    return parts.length ? { bytes: concat(parts), cut: true } : { bytes, cut: false };
  }
}
