import type { ObservedRequest } from '../../lib/classify/request-details.ts';

/** A finished request as `normalizeRequest` would give it: a top-frame image on tab 1, unless told otherwise. */
export function observed(url: string, extra: Partial<ObservedRequest> = {}): ObservedRequest {
  return {
    requestId: '1',
    url,
    method: 'GET',
    type: 'image',
    tabId: 1,
    frameId: 0,
    time: 5_000,
    outcome: 'completed',
    ...extra,
  };
}
