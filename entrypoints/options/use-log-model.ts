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

/** No filter: what a log opens with. One object, so that an unfiltered log keeps its read. */
const NO_FILTER: LogFilter = {};

/** The rows shown, and the scope they belong to. */
interface Shown {
  key: string;
  events: SharingEvent[];
  read: number;
  next: LogCursor | undefined;
}

/**
 * The request log's one place that reads the database: its counts (live), and its pages of requests, read with a
 * cursor — the first when the filters change, the next on "Show more". Pages already shown stay as they are while
 * new requests are recorded (the counts say there are more). The rows and the filter belong to one scope: moving to
 * another company's or site's log (the page stays, the hash changes) starts over with no rows and no filter, so
 * nothing of the previous log shows under the new one's heading.
 */
export function useLogModel(db: DisclosedDb, scope: EvidenceScope): LogModel {
  const key = scopePath(scope);
  const [filtered, setFiltered] = useState<{ key: string; filter: LogFilter }>({ key, filter: NO_FILTER });
  const filter = filtered.key === key ? filtered.filter : NO_FILTER;
  const [shown, setShown] = useState<Shown | undefined>(undefined);
  const page = shown?.key === key ? shown : undefined;
  const [loading, setLoading] = useState(false);
  // Only the newest read's answer is kept: typing in the text filter starts a read per key.
  const generation = useRef(0);
  const counts = useLive(() => Promise.all([storedCount(db, scope), totalCount(db, scope)]), [key]);

  const load = useCallback(
    (after: LogCursor | undefined, before: SharingEvent[], readSoFar: number) => {
      const mine = ++generation.current;
      setLoading(true);
      loadLogPage(db, scope, filter, after ? { after } : {}).then(
        (answer) => {
          if (mine !== generation.current) return;
          setShown({ key, events: [...before, ...answer.events], read: readSoFar + answer.read, next: answer.next });
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

  // The filters changed (or the page opened, or the scope): the first page again. Within a scope, the rows shown
  // stay until it arrives; another scope's are never shown.
  useEffect(() => {
    load(undefined, [], 0);
  }, [load]);

  return {
    filter,
    onFilter: (next) => setFiltered({ key, filter: next }),
    events: page?.events,
    read: page?.read ?? 0,
    more: page?.next !== undefined,
    onMore: () => {
      if (page?.next) load(page.next, page.events, page.read);
    },
    loading,
    stored: counts?.[0],
    total: counts?.[1],
  };
}
