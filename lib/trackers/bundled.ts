// The compiled tracker lists, bundled as strings so that parsing is deferred until needed: the service worker
// registers its listeners first. Built by `npm run trackers` into lib/generated/.

import indexText from '../generated/tracker-index.json?raw';
import fullText from '../generated/tracker-list.json?raw';

/** For the service worker: organizations carry only id and name. */
export const BUNDLED_TRACKER_INDEX: string = indexText;
/** For the extension's pages: every organization's details (country, website, privacy contact…). */
export const BUNDLED_TRACKER_LIST: string = fullText;
