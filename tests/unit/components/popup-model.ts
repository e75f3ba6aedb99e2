import type { PopupModel } from '../../../components/popup/popup-view.tsx';

/** A watched page's popup with no recipients and callbacks that do nothing: each test says what differs. */
export const popupModel = (extra: Partial<PopupModel> = {}): PopupModel => ({
  loading: false,
  site: 'news.example',
  observation: 'watched',
  paused: false,
  recipients: [],
  unlistedMore: 0,
  storageError: null,
  dropped: null,
  dismissDropped: () => undefined,
  setPaused: () => undefined,
  allowSite: () => undefined,
  stopExcluding: () => undefined,
  reloadPage: () => undefined,
  openSettings: () => undefined,
  ...extra,
});
