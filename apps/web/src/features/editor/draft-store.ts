import { openDB, type IDBPDatabase } from 'idb';

/**
 * Unsaved work kept in the browser (IndexedDB), one record per key, so that a reload, a crash or
 * a lost connection loses nothing. Values are structured clones: Maps and plain objects as they are.
 */
export interface TDraftStore<T> {
  get(key: string): Promise<T | undefined>;
  put(key: string, value: T): Promise<void>;
  remove(key: string): Promise<void>;
}

const DATABASE = 'budgetflow-drafts';
const STORE = 'drafts';

let database: Promise<IDBPDatabase> | null = null;
function open(): Promise<IDBPDatabase> {
  database ??= openDB(DATABASE, 1, {
    upgrade(db) {
      db.createObjectStore(STORE);
    },
  });
  return database;
}

/** The browser's draft store, or null where IndexedDB is not available (a private window of an old browser). */
export function browserDraftStore<T>(): TDraftStore<T> | null {
  if (typeof indexedDB === 'undefined') return null;
  return {
    get: async (key) => (await (await open()).get(STORE, key)) as T | undefined,
    put: async (key, value) => {
      await (await open()).put(STORE, value, key);
    },
    remove: async (key) => {
      await (await open()).delete(STORE, key);
    },
  };
}
