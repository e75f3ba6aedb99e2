// The compiled tracker lists, bundled as strings so that parsing is deferred until needed: the service worker
// registers its listeners first. Built by `npm run trackers` into lib/generated/.

import indexText from '../generated/tracker-index.json?raw';
import fullText from '../generated/tracker-list.json?raw';

/** For the service worker: organizations carry only id and name. */
export const BUNDLED_TRACKER_INDEX: string = indexText;
/** For the extension's pages: every organization's details (country, website, privacy contact…). */
export const BUNDLED_TRACKER_LIST: string = fullText;

/** Organization descriptions, for the dashboard's company pages only: a chunk of its own, loaded when first needed. */
export async function loadOrganizationDescriptions(): Promise<Record<string, string>> {
  const { default: text } = await import('../generated/organization-details.json?raw');
  return (JSON.parse(text) as { descriptions: Record<string, string> }).descriptions;
}

/** The full list as a chunk of its own, for pages that draw first and need the details later (the dashboard). */
export async function loadFullTrackerList(): Promise<string> {
  return (await import('../generated/tracker-list.json?raw')).default;
}
