/**
 * The real captures in ../shared/corpus (when present; never copied into the project), for the benchmark and the
 * disclosure evaluation. Generated corpora are in synthetic.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RawBody, RawRequestDetails } from '../lib/classify/request-details.ts';
import type { CorpusRequest } from './synthetic.ts';

export const SHARED_CORPUS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'corpus');

/** The real page loads, or undefined when ../shared is absent (a clone outside this workplace). */
export function loadRealCorpus(): CorpusRequest[] | undefined {
  const file = join(SHARED_CORPUS, 'requests.real.jsonl');
  if (!existsSync(file)) return undefined;
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as CorpusRequest);
}

/** One recorded request as the worker would see it: the address, who made it, its headers and its body. */
export interface CapturedRequest extends CorpusRequest {
  method: string;
  /** Request headers as recorded (HAR captures carry Cookie; DevTools logs of that era do not). */
  headers: { name: string; value: string }[];
  /** The body as sent, as text (HAR `postData`, DevTools `postData`). */
  body?: string;
  /** The body's MIME type, when recorded. */
  bodyType?: string;
}

interface HarFile {
  log: {
    entries: {
      request: {
        url: string;
        method: string;
        headers: { name: string; value: string }[];
        postData?: { mimeType?: string; text?: string; params?: { name: string; value?: string }[] };
      };
    }[];
  };
}

interface DevtoolsEvent {
  method: string;
  params: { request?: { url: string; method: string; headers: Record<string, string>; postData?: string } };
}

type RawRequest = Omit<CapturedRequest, keyof CorpusRequest> & { url: string };

function harRequests(file: string): RawRequest[] {
  const har = JSON.parse(readFileSync(file, 'utf8')) as HarFile;
  return har.log.entries.map(({ request: r }) => {
    const post = r.postData;
    const text =
      post?.text ||
      (post?.params?.length
        ? post.params.map((p) => `${encodeURIComponent(p.name)}=${encodeURIComponent(p.value ?? '')}`).join('&')
        : undefined);
    return {
      url: r.url,
      method: r.method,
      headers: r.headers,
      ...(text ? { body: text, bodyType: post?.mimeType ?? '' } : {}),
    };
  });
}

function devtoolsRequests(file: string): RawRequest[] {
  const events = JSON.parse(readFileSync(file, 'utf8')) as DevtoolsEvent[];
  const out: RawRequest[] = [];
  for (const e of events) {
    const r = e.method === 'Network.requestWillBeSent' ? e.params.request : undefined;
    if (!r) continue;
    const headers = Object.entries(r.headers).map(([name, value]) => ({ name, value }));
    const bodyType = headers.find((h) => h.name.toLowerCase() === 'content-type')?.value ?? '';
    out.push({ url: r.url, method: r.method, headers, ...(r.postData ? { body: r.postData, bodyType } : {}) });
  }
  return out;
}

/**
 * The real page loads with their headers and bodies, read from ../shared/corpus/raw at run time, or undefined when
 * it is absent. Each request of requests.real.jsonl (which knows the resource type and the page) is joined to the
 * recorded request it came from: the next one of its file with the same address.
 */
export function loadCapturedCorpus(): CapturedRequest[] | undefined {
  const listed = loadRealCorpus();
  if (!listed || !existsSync(join(SHARED_CORPUS, 'raw'))) return undefined;
  const byFile = new Map<string, Map<string, RawRequest[]>>();
  const recorded = (src: string) => {
    let byUrl = byFile.get(src);
    if (!byUrl) {
      byUrl = new Map();
      const file = join(SHARED_CORPUS, 'raw', src);
      const requests = !existsSync(file) ? [] : src.endsWith('.har') ? harRequests(file) : devtoolsRequests(file);
      for (const r of requests) {
        const queue = byUrl.get(r.url);
        if (queue) queue.push(r);
        else byUrl.set(r.url, [r]);
      }
      byFile.set(src, byUrl);
    }
    return byUrl;
  };
  return listed.map((r) => {
    const { src } = r as CorpusRequest & { src?: string };
    const raw = src ? recorded(src).get(r.url)?.shift() : undefined;
    return {
      ...r,
      method: raw?.method ?? 'GET',
      headers: raw?.headers ?? [],
      ...(raw?.body ? { body: raw.body } : {}),
      ...(raw?.bodyType !== undefined ? { bodyType: raw.bodyType } : {}),
    };
  });
}

/** A captured request as webRequest hands it to the worker: the details, the headers, the body. */
export interface BrowserShaped {
  details: RawRequestDetails;
  headers: { name: string; value: string }[];
  body?: RawBody;
}

/**
 * Chrome's shapes: `initiator` is the origin of the document that made the request, frame 0 for the page itself;
 * a form-encoded body arrives parsed as `formData`, any other as raw bytes.
 */
export function browserShaped(r: CapturedRequest, index: number, tabId = 1): BrowserShaped {
  let initiator: string | undefined;
  try {
    initiator = new URL(r.sourceUrl).origin;
  } catch {
    initiator = undefined;
  }
  const details: RawRequestDetails = {
    requestId: String(index),
    url: r.url,
    method: r.method,
    type: r.type,
    tabId,
    frameId: r.sourceUrl === r.pageUrl ? 0 : 1,
    timeStamp: 1_700_000_000_000 + index,
    ...(initiator && initiator !== 'null' ? { initiator } : {}),
  };
  const out: BrowserShaped = { details, headers: r.headers };
  if (r.body !== undefined) {
    if (/^application\/x-www-form-urlencoded/i.test(r.bodyType ?? '')) {
      const formData: Record<string, string[]> = {};
      for (const [name, value] of new URLSearchParams(r.body)) formData[name] = [...(formData[name] ?? []), value];
      out.body = { formData };
    } else {
      out.body = { raw: [{ bytes: new TextEncoder().encode(r.body).buffer as ArrayBuffer }] };
    }
  }
  return out;
}
