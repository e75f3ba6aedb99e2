// The compact tracker index, bundled as a string so that parsing is deferred until needed: the service worker
// registers its listeners first. Built by `npm run trackers` into lib/generated/. Pages name companies with the
// catalog (names.ts, lazy.ts), never with this.

import indexText from '../generated/tracker-index.json?raw';

/** For the service worker's matcher (`loadMatcher`): what classification needs and nothing else. */
export const BUNDLED_TRACKER_INDEX: string = indexText;
