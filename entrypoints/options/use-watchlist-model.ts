import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { WatchedItem } from '../../components/options/watchlist-view.tsx';
import {
  MAX_ENTRIES,
  parseWatchlist,
  WATCHLIST_KEY,
  type WatchedKind,
  watchedEntry,
} from '../../lib/watchlist/entries.ts';

/**
 * The watch list in `storage.local`: read for its masked labels, written with the forms computed here (WebCrypto's
 * SHA, md5.ts) the moment a value is added. The worker follows the change through `storage.onChanged`.
 */
export function useWatchlistModel() {
  const [items, setItems] = useState<WatchedItem[]>([]);
  const read = async () => parseWatchlist((await browser.storage.local.get(WATCHLIST_KEY))[WATCHLIST_KEY]);
  const refresh = () => read().then((entries) => setItems(entries.map(({ id, kind, label }) => ({ id, kind, label }))));
  useEffect(() => {
    refresh();
  }, []);
  return {
    items,
    add: async (kind: WatchedKind, value: string): Promise<boolean> => {
      const entry = await watchedEntry(kind, value);
      const entries = await read();
      if (!entry || entries.length >= MAX_ENTRIES) return false;
      await browser.storage.local.set({ [WATCHLIST_KEY]: [...entries, entry] });
      await refresh();
      return true;
    },
    remove: async (id: string) => {
      const entries = await read();
      await browser.storage.local.set({ [WATCHLIST_KEY]: entries.filter((e) => e.id !== id) });
      await refresh();
    },
  };
}
