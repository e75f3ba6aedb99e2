import { parseWatchlist, WATCHLIST_KEY } from '../watchlist/entries.ts';
import { WatchlistMatcher } from '../watchlist/match.ts';
import type { SettingsArea } from './settings-store.ts';

/**
 * The worker's matcher of the user's watched values, built once from `storage.local` and again whenever the settings
 * page changes the list. Read synchronously by the capture on every request.
 */
export class WatchlistStore {
  private value: WatchlistMatcher | undefined;
  readonly loaded: Promise<void>;

  constructor(area: Pick<SettingsArea, 'get'>) {
    this.loaded = area.get(WATCHLIST_KEY).then(
      (stored) => this.set(stored[WATCHLIST_KEY]),
      (error) => console.error('Disclosed: could not read the watched values', error),
    );
  }

  get current(): WatchlistMatcher | undefined {
    return this.value;
  }

  storageChanged(changes: Record<string, { newValue?: unknown }>, areaName: string): void {
    if (areaName === 'local' && changes[WATCHLIST_KEY]) this.set(changes[WATCHLIST_KEY].newValue);
  }

  private set(stored: unknown): void {
    const entries = parseWatchlist(stored);
    this.value = entries.length ? new WatchlistMatcher(entries) : undefined;
  }
}
