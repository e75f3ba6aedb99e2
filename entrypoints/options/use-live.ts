import { liveQuery } from 'dexie';
import { useLayoutEffect, useState } from 'preact/hooks';

/**
 * The value of a database query, kept current as the data changes (Dexie liveQuery). The query starts as the
 * component renders (a layout effect), not a frame later: the database works while the page paints.
 */
export function useLive<T>(query: () => Promise<T>, deps: unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useLayoutEffect(() => {
    setValue(undefined);
    const subscription = liveQuery(query).subscribe({
      next: setValue,
      error: (e) => console.error('Disclosed:', e),
    });
    return () => subscription.unsubscribe();
  }, deps);
  return value;
}
