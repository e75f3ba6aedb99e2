// The compiled tracker list, bundled as a string so that parsing it is deferred until a request needs it: the
// service worker registers its listeners first. Built by `npm run trackers` into lib/generated/.
import text from '../generated/tracker-list.json?raw';

export const BUNDLED_TRACKER_LIST: string = text;
