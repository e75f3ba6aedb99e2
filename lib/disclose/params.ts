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

/** Query parameters of an address (`+` as space, as forms encode it). */
export function queryParameters(url: string, source: ParameterSource = 'url'): Parameter[] {
  const q = url.indexOf('?');
  if (q < 0) return [];
  const hash = url.indexOf('#', q);
  return formParameters(url.slice(q + 1, hash < 0 ? undefined : hash), source);
}

/** `a=1&b=2` pairs; a value that is base64 JSON is expanded under its name. */
export function formParameters(text: string, source: ParameterSource): Parameter[] {
  const out: Parameter[] = [];
  for (const pair of text.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const name = decode(eq < 0 ? pair : pair.slice(0, eq));
    const value = eq < 0 ? '' : decode(pair.slice(eq + 1));
    addValue(out, source, name, value, 0);
    if (out.length >= MAX_PARAMETERS) break;
  }
  return out;
}

/** Everything in a body, decompressed and decoded as far as it can be. */
export async function bodyParameters(body: RawBody | undefined): Promise<Parameter[]> {
  if (!body) return [];
  const out: Parameter[] = [];
  if (body.formData) {
    for (const [name, values] of Object.entries(body.formData)) {
      for (const value of [values].flat()) addValue(out, 'body', name, String(value), 0);
    }
  }
  const chunks = (body.raw ?? []).map((r) => r.bytes).filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
  if (chunks.length) {
    const bytes = await decompress(concat(chunks));
    out.push(...textParameters(new TextDecoder().decode(bytes)));
  }
  return out.slice(0, MAX_PARAMETERS);
}

/** A text body: JSON, newline-delimited JSON, form-encoded, or else one opaque value named `body`. */
export function textParameters(text: string): Parameter[] {
  const trimmed = text.trim();
  if (!trimmed) return [];
  const out: Parameter[] = [];
  const json = parseJson(trimmed);
  if (json !== undefined) {
    flatten(out, 'body', '', json, 0);
    return out;
  }
  const lines = trimmed.split('\n');
  if (lines.length > 1 && lines.every((l) => parseJson(l.trim()) !== undefined || !l.trim())) {
    lines.forEach((line, i) => {
      if (line.trim()) flatten(out, 'body', `[${i}]`, parseJson(line.trim()), 0);
    });
    return out;
  }
  if (/^[^\s=&]+=[^\s]*(&[^\s=&]+=[^\s]*)*$/.test(trimmed)) return formParameters(trimmed, 'body');
  return [{ source: 'body', name: 'body', value: trimmed.slice(0, 4000) }];
}

function addValue(out: Parameter[], source: ParameterSource, name: string, value: string, depth: number) {
  const parameter: Parameter = { source, name, value };
  out.push(parameter);
  if (depth >= MAX_DEPTH) return;
  // A parameter whose value is JSON, or base64-encoded JSON (`data=eyJ1aWQiOi…`): read what is inside too.
  const inner = value.startsWith('{') || value.startsWith('[') ? parseJson(value) : base64Json(value);
  if (inner !== undefined) {
    parameter.container = true;
    flatten(out, source, name, inner, depth + 1);
  }
}

function flatten(out: Parameter[], source: ParameterSource, prefix: string, value: unknown, depth: number) {
  if (out.length >= MAX_PARAMETERS) return;
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    for (const [i, v] of value.slice(0, 50).entries()) flatten(out, source, `${prefix}[${i}]`, v, depth + 1);
  } else if (typeof value === 'object') {
    if (depth > MAX_DEPTH) return;
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      flatten(out, source, prefix ? `${prefix}.${k}` : k, v, depth + 1);
    }
  } else {
    addValue(out, source, prefix || 'value', String(value), depth);
  }
}

function parseJson(text: string): unknown {
  const first = text[0];
  if (first !== '{' && first !== '[') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The JSON inside a base64 (or base64url) string, if that is what it is. */
function base64Json(value: string): unknown {
  if (value.length < 8 || value.length % 4 === 1 || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) return undefined;
  // JSON objects and arrays start with "{" or "[", which base64 encodes as "e" or "W".
  if (value[0] !== 'e' && value[0] !== 'W') return undefined;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(
      Uint8Array.from(atob(value.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)),
    );
    return parseJson(text.trim());
  } catch {
    return undefined;
  }
}

/** A URI component decoded (`+` as space, as forms encode it); the text as it is if it is not valid encoding. */
export function decode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

function concat(chunks: ArrayBuffer[]): Uint8Array<ArrayBuffer> {
  const total = chunks.reduce((n, c) => n + c.byteLength, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(new Uint8Array(c), at);
    at += c.byteLength;
  }
  return out;
}

/** gzip (1f 8b) and zlib/deflate (78 xx) bodies, inflated with the platform's DecompressionStream. */
async function decompress(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const format =
    bytes[0] === 0x1f && bytes[1] === 0x8b
      ? 'gzip'
      : bytes[0] === 0x78 && ((bytes[0] << 8) | (bytes[1] ?? 0)) % 31 === 0
        ? 'deflate'
        : undefined;
  if (!format || typeof DecompressionStream === 'undefined') return bytes;
  try {
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream(format));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch {
    return bytes;
  }
}
