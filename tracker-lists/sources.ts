import type { TrackerListSource } from '../lib/trackers/format.ts';

/** TrackerDB's attribution, as its licence (CC BY-NC-SA 4.0) requires; `version` is filled in from the package. */
export const TRACKERDB_SOURCE: TrackerListSource = {
  id: 'trackerdb',
  name: 'Ghostery Tracker Database',
  version: '',
  license: 'CC BY-NC-SA 4.0',
  licenseUrl: 'https://creativecommons.org/licenses/by-nc-sa/4.0/',
  // The adaptation's notice ("Adapted … by Disclosed") is a UI message, in the reader's language.
  attribution: 'Copyright 2017 Ghostery GmbH.',
  homepage: 'https://github.com/ghostery/trackerdb',
};
