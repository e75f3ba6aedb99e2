import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { LogModel } from '../../components/dashboard/log-view.tsx';
import type { DisclosedDb } from '../../lib/storage/db.ts';
import type { SharingEvent } from '../../lib/storage/events.ts';
import {
  type EvidenceScope,
  type LogCursor,
  type LogFilter,
  loadLogPage,
  scopePath,
  storedCount,
  totalCount,
} from '../../lib/storage/log.ts';
import { useLive } from './use-live.ts';

/**
 * The request log's one place that reads the database: its counts (live), and its pages of requests, read with a
 * cursor — the first when the filters change, the next on "Show more". Pages already shown stay as they are while
 * new requests are recorded (the counts say there are more).
 */
export function useLogModel(db: DisclosedDb, scope: EvidenceScope): LogModel {
  const key = scopePath(scope);
  const [filter, setFilter] = useState<LogFilter>({});
  const [events, setEvents] = useState<SharingEvent[] | undefined>(undefined);
  const [read, setRead] = useState(0);
  const [next, setNext] = useState<LogCursor | undefined>(undefined);
  const [loading, setLoading] = useState(false);
  // Only the newest read's answer is kept: typing in the text filter starts a read per key.
  const generation = useRef(0);
  const counts = useLive(() => Promise.all([storedCount(db, scope), totalCount(db, scope)]), [key]);

  const load = useCallback(
    (after: LogCursor | undefined, shown: SharingEvent[], readSoFar: number) => {
      const mine = ++generation.current;
      setLoading(true);
      loadLogPage(db, scope, filter, after ? { after } : {}).then(
        (page) => {
          if (mine !== generation.current) return;
          setEvents([...shown, ...page.events]);
          setRead(readSoFar + page.read);
          setNext(page.next);
          setLoading(false);
        },
        (error) => {
          console.error('Disclosed: request log', error);
          if (mine === generation.current) setLoading(false);
        },
      );
    },
    [db, key, filter],
  );

  // The filters changed (or the page opened): the first page again. The rows shown stay until it arrives.
  useEffect(() => {
    load(undefined, [], 0);
  }, [load]);

  return {
    filter,
    onFilter: setFilter,
    events,
    read,
    more: next !== undefined,
    onMore: () => {
      if (next && events) load(next, events, read);
    },
    loading,
    stored: counts?.[0],
    total: counts?.[1],
  };
}
