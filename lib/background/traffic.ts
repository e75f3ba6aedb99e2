import type { Capture } from '../capture/capture.ts';
import { PendingRequests } from '../capture/pending.ts';
import { normalizeRequest, type Outcome, type RawBody, type RawRequestDetails } from '../classify/request-details.ts';

/** What `onBeforeRedirect` adds to a request's details. */
export interface RedirectDetails extends RawRequestDetails {
  redirectUrl?: string;
  statusLine?: string;
}

/** What `webNavigation.onCommitted` says of a tab's outermost frame that this reads (Chromium's document fields). */
export interface Committed {
  tabId: number;
  frameId: number;
  url: string;
  timeStamp: number;
  documentId?: string;
  documentLifecycle?: string;
}

/** How many prerendered documents, not yet shown, are remembered (a page asks for a few at most). */
const MAX_PRERENDERED = 64;

/** The error recorded for a request redirected away from the web before it was sent. */
export const REDIRECTED_AWAY = 'redirected inside the browser to a non-web address: nothing was sent';

interface Header {
  name: string;
  value?: string;
}

/** What `onResponseStarted` says of a main frame's response that this reads. */
export interface PageResponse {
  requestId?: string;
  tabId: number;
  url: string;
  timeStamp: number;
  incognito?: boolean;
  frameId?: number;
  /** Chromium's: `prerender` for a page being prerendered. */
  documentLifecycle?: string;
}

/**
 * The webRequest events, in the order the browser sends them, turned into the capture's calls. Bodies and headers
 * arrive before a request finishes and are held until it does; nothing is recorded before `ready` (the settings and
 * any running classroom session are known), so no event lands under the wrong settings or in the wrong store.
 */
export class Traffic {
  private readonly pending = new PendingRequests();
  /** Whether the user let the extension into private windows (Chrome); undefined until the browser says. */
  private privateAccess: boolean | undefined;
  private isReady = false;
  /** Finished requests waiting for `ready`: bounded, in case it takes long (a storage area that does not answer). */
  private waiting = 0;
  private readonly maxWaiting: number;
  private readonly onDropped: (requests: number) => void;
  /** Documents prerendered in a tab and not shown yet (document id → tab id), as their commits said. */
  private readonly prerendered = new Map<string, number>();

  constructor(
    private readonly capture: Capture,
    private readonly ready: Promise<unknown>,
    options: { maxWaiting?: number; onDropped?: (requests: number) => void } = {},
  ) {
    this.maxWaiting = options.maxWaiting ?? 5000;
    this.onDropped = options.onDropped ?? (() => undefined);
    // Registered first, so it runs before the events queued on `ready`, which keep their order.
    ready.then(() => {
      this.isReady = true;
    });
  }

  /** onBeforeRequest: the request is sent at `timeStamp`, with this body. */
  body(requestId: string, body: RawBody | undefined, timeStamp?: number): void {
    this.pending.sent(requestId, timeStamp);
    this.pending.body(requestId, body);
  }

  headers(requestId: string, headers: Header[] | undefined): void {
    this.pending.headers(requestId, headers);
  }

  /**
   * A redirect. One the server answered is a hop that reached it, recorded as such. One made inside the browser
   * sent nothing: Chrome reports an HSTS upgrade or another extension's redirect as "307 Internal Redirect" (seen
   * with no server address). To a web address the request goes on, and its next hop is what gets recorded; to
   * anything else (`data:`, an extension's page — another extension's, or Firefox SmartBlock's `moz-extension:`
   * shims) nothing will be sent at all: it is recorded as blocked, never as received.
   */
  redirected(details: RedirectDetails): void {
    const toWeb = /^https?:/i.test(details.redirectUrl ?? '');
    if (!toWeb) {
      this.finished({ ...details, error: REDIRECTED_AWAY, redirectedAway: true }, 'error');
      return;
    }
    if (/internal redirect/i.test(details.statusLine ?? '')) return;
    this.finished(details, 'completed');
  }

  /** A request finished (completed, failed, or a redirect hop that reached its server). */
  finished(details: RawRequestDetails, outcome: Outcome): void {
    const request = normalizeRequest(details, outcome);
    const extras = this.pending.take(request.requestId);
    if (extras) request.extras = extras;
    // Once ready, handed over in the listener's own task: the capture notes the settings and the session then.
    const observe = () => this.capture.observe(request);
    if (this.isReady) {
      observe().catch((error) => console.error('Disclosed:', error));
      return;
    }
    if (this.waiting >= this.maxWaiting) {
      this.onDropped(1);
      return;
    }
    this.waiting++;
    this.ready
      .then(() => {
        this.waiting--;
        return observe();
      })
      .catch((error) => console.error('Disclosed:', error));
  }

  /**
   * Chrome sends private windows' events only if the user allowed the extension there; if not, no tab needs to be
   * asked whether it is private (a round trip that would hold up the first events of every page load).
   */
  privateAccessKnown(allowed: boolean): void {
    this.privateAccess = allowed;
    this.capture.privateAccessKnown(allowed);
  }

  /**
   * A main frame's response started: requests from now on belong to the tab's new page load — unless the browser
   * fetched it ahead of the user (a speculation rule's prefetch or prerender, with the shown page's tab and frame 0,
   * or a prerendered page's own frame): the page shown stays the tab's page. When the user then opens that address,
   * Chromium reports a request of its own for it (answered from what it fetched ahead, nothing sent again), and
   * that one starts the page load. Says whether one was started.
   */
  pageStarted(details: PageResponse): boolean {
    if (this.fetchedAhead(details)) return false;
    this.startPage(details);
    return true;
  }

  /**
   * webNavigation.onCommitted of a tab's outermost frame. A page prerendered in the tab commits in a frame of its
   * own (not frame 0, its lifecycle `prerender`); when the user opens it, Chromium shows it without a request — it
   * commits again in frame 0, as the same document — and only then does it become the tab's page. Says whether a
   * page load was started.
   */
  committed(details: Committed): boolean {
    const { documentId } = details;
    if (documentId === undefined) return false;
    if (details.frameId !== 0 || details.documentLifecycle === 'prerender') {
      if (this.prerendered.size >= MAX_PRERENDERED) {
        const oldest = this.prerendered.keys().next().value;
        if (oldest !== undefined) this.prerendered.delete(oldest);
      }
      this.prerendered.set(documentId, details.tabId);
      return false;
    }
    if (this.prerendered.get(documentId) !== details.tabId) return false;
    this.prerendered.delete(documentId);
    this.startPage(details);
    return true;
  }

  private startPage(details: { tabId: number; url: string; timeStamp: number; incognito?: boolean }): void {
    // Firefox says whether the request is private; Chrome does not.
    const incognito = details.incognito ?? (this.privateAccess === false ? false : undefined);
    this.ready
      .then(() => this.capture.navigated(details.tabId, details.url, incognito, Math.round(details.timeStamp)))
      .catch((error) => console.error('Disclosed:', error));
  }

  /**
   * Whether a main frame's request is one the browser made ahead of the user: `Sec-Purpose: prefetch` (as Chromium
   * sends it with speculation rules), or a frame that is not the tab's top one (a page prerendered in the tab, in Chromium).
   */
  private fetchedAhead(details: PageResponse): boolean {
    if (details.requestId !== undefined && this.pending.isAhead(details.requestId)) return true;
    return (details.frameId !== undefined && details.frameId !== 0) || details.documentLifecycle === 'prerender';
  }
}
