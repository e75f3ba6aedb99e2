import type { RawBody, RequestExtras } from '../classify/request-details.ts';

interface Header {
  name: string;
  value?: string;
}

/**
 * Holds each in-flight request's body (from onBeforeRequest) and headers (from onSendHeaders) until its
 * onCompleted / onErrorOccurred. Bounded: a request that never finishes is dropped with the oldest.
 * Memory only — after a worker restart, a request that started before it is decoded from its address alone.
 */
export class PendingRequests {
  private readonly map = new Map<string, RequestExtras>();
  /**
   * Requests the browser sent ahead of the user, for a page it expects them to open (speculation rules' prefetch
   * and prerender say so in `Sec-Purpose`): a main frame's response among them is not the tab's new page.
   */
  private readonly ahead = new Set<string>();

  constructor(private readonly limit = 2000) {}

  body(requestId: string, body: RawBody | undefined): void {
    if (!body || (!body.formData && !body.raw?.length)) return;
    this.entry(requestId).body = body;
  }

  /**
   * onBeforeRequest's time: when the request was sent. A hop recorded as its own event (a redirect the server made)
   * hands its extras over as it finishes, so the next hop starts afresh; a hop that is not (the browser's internal
   * redirect) keeps the chain's first time: the moment the page sent it.
   */
  sent(requestId: string, time: number | undefined): void {
    if (!Number.isFinite(time)) return;
    const extras = this.entry(requestId);
    extras.sentAt ??= Math.round(time as number);
  }

  headers(requestId: string, headers: Header[] | undefined): void {
    if (!headers) return;
    const extras = this.entry(requestId);
    for (const h of headers) {
      // Only a name of the right length is lower-cased and compared: a request has a dozen headers.
      const length = h.name.length;
      if (length === 11 && h.name.toLowerCase() === 'sec-purpose') {
        if (h.value && isPrefetch(h.value)) this.fetchedAhead(requestId);
        continue;
      }
      if (length !== 7 && length !== 6) continue;
      const name = h.name.toLowerCase();
      if (name === 'referer' && h.value) extras.referer = h.value;
      else if (name === 'cookie' && h.value) extras.cookieNames = cookieNames(h.value);
      // Global Privacy Control: the browser asks every site not to sell or share the person's data.
      else if (name === 'sec-gpc' && h.value?.trim() === '1') extras.gpc = true;
    }
  }

  /** Whether the request was sent ahead of the user, as a prefetch or a prerender (known until it is taken). */
  isAhead(requestId: string): boolean {
    return this.ahead.has(requestId);
  }

  /** The extras of a finished request, forgotten as they are handed over. */
  take(requestId: string): RequestExtras | undefined {
    const extras = this.map.get(requestId);
    this.map.delete(requestId);
    this.ahead.delete(requestId);
    return extras;
  }

  private fetchedAhead(requestId: string): void {
    if (this.ahead.size >= this.limit) {
      const oldest = this.ahead.values().next().value;
      if (oldest !== undefined) this.ahead.delete(oldest);
    }
    this.ahead.add(requestId);
  }

  get size(): number {
    return this.map.size;
  }

  private entry(requestId: string): RequestExtras {
    let extras = this.map.get(requestId);
    if (!extras) {
      if (this.map.size >= this.limit) {
        const oldest = this.map.keys().next().value;
        if (oldest !== undefined) this.map.delete(oldest);
      }
      extras = {};
      this.map.set(requestId, extras);
    }
    return extras;
  }
}

/**
 * Whether a `Sec-Purpose` value says the request is a prefetch: `prefetch`, or `prefetch;prerender` for a page being
 * prerendered (a list whose items may carry parameters, per the Fetch standard's structured header).
 */
export function isPrefetch(value: string): boolean {
  return value.split(',').some((item) => item.split(';')[0]?.trim().toLowerCase() === 'prefetch');
}

/** Cookie names from a Cookie header (`a=1; b=2`): the values are not kept. */
export function cookieNames(header: string): string[] {
  // The first 30 distinct names, in order, found in one pass (a header can hold hundreds of pairs).
  const names: string[] = [];
  let eq = -2; // the next "=", searched again only once passed
  for (let at = 0; at <= header.length && names.length < 30; ) {
    let end = header.indexOf(';', at);
    if (end < 0) end = header.length;
    if (eq !== -1 && eq < at) eq = header.indexOf('=', at);
    const name = header.slice(at, eq >= 0 && eq < end ? eq : end).trim();
    if (name && !names.includes(name)) names.push(name);
    at = end + 1;
  }
  return names;
}
