/**
 * Reads a database's stores with IndexedDB itself, at whatever version it is, with no upgrade and no schema: the way
 * out when Dexie cannot open it (an upgrade that failed, a database from a newer version of Disclosed).
 */

export interface RawRead {
  /** Each store's rows, in key order; a store the database does not have gives none. */
  tables: Map<string, unknown[]>;
  /** Stores that could not be read to the end (the rows before the failure are in `tables`). */
  unreadable: string[];
  /** The schema version the rows were written under (Dexie's version; IndexedDB holds ten times it). */
  schemaVersion?: number;
}

/** Reads the named stores of database `name`, or reports them all unreadable when it cannot be opened. */
export function readRawTables(name: string, stores: string[], factory: IDBFactory = indexedDB): Promise<RawRead> {
  const result: RawRead = { tables: new Map(stores.map((s) => [s, []])), unreadable: [] };
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      // No version: the database opens as it is; nothing is upgraded.
      request = factory.open(name);
    } catch {
      resolve({ ...result, unreadable: [...stores] });
      return;
    }
    // Only a database that does not exist gets an upgrade here: none is created.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = () => resolve({ ...result, unreadable: request.error?.name === 'AbortError' ? [] : [...stores] });
    request.onsuccess = async () => {
      const db = request.result;
      result.schemaVersion = db.version / 10;
      for (const store of stores) {
        if (!db.objectStoreNames.contains(store)) continue;
        const ok = await readStore(db, store, result.tables.get(store) as unknown[]);
        if (!ok) result.unreadable.push(store);
      }
      db.close();
      resolve(result);
    };
  });
}

/** Appends a store's rows to `into` with a cursor; false when reading stopped on an error. */
function readStore(db: IDBDatabase, store: string, into: unknown[]): Promise<boolean> {
  return new Promise((resolve) => {
    let cursor: IDBRequest<IDBCursorWithValue | null>;
    try {
      cursor = db.transaction(store, 'readonly').objectStore(store).openCursor();
    } catch {
      resolve(false);
      return;
    }
    cursor.onsuccess = () => {
      const at = cursor.result;
      if (!at) return resolve(true);
      into.push(at.value);
      at.continue();
    };
    cursor.onerror = (event) => {
      event.preventDefault();
      resolve(false);
    };
  });
}
