import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/** The value of a database query, kept current as the data changes (Dexie liveQuery). */
export function useLive<T>(query: () => Promise<T>, deps: unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    setValue(undefined);
    const subscription = liveQuery(query).subscribe({ next: setValue, error: (e) => console.error('Disclosed:', e) });
    return () => subscription.unsubscribe();
  }, deps);
  return value;
}
