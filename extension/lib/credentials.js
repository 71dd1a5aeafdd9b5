// @ts-check
// The API token lives in the extension origin's IndexedDB, with the backend origin it was saved for.
// Only the service worker and extension pages (options, popup) run in that origin; content scripts run
// in the helpdesk page's origin and cannot open it. It survives browser restarts and extension updates
// (IndexedDB is cleared only on uninstall). chrome.storage.local, which content scripts can read and
// write, holds no secret: only `credentialsUpdatedAt`, a timestamp that tells open tabs to ask again.

const DB_NAME = "tandem";
const STORE = "secrets";
const CREDENTIALS = "credentials"; // {token, origin, savedAt}
const MIGRATED = "legacy-token-migrated"; // set once the chrome.storage.local token of 0.1.x was moved

/** @returns {Promise<IDBDatabase>} */
function openDb() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error("Tandem's credential store is busy; try again."));
  });
}

/** Run one request against the store and close the database (so it never blocks a deletion). */
async function withStore(mode, use) {
  const db = await openDb();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = use(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

/** The IndexedDB-backed store; tests substitute an object with the same three methods. */
export const idbStore = {
  /** @param {string} key */
  get: (key) => withStore("readonly", (store) => store.get(key)),
  /** @param {string} key @param {any} value */
  put: (key, value) => withStore("readwrite", (store) => store.put(value, key)),
  /** @param {string} key */
  delete: (key) => withStore("readwrite", (store) => store.delete(key)),
};

/** @returns {Promise<{token: string, origin: string, savedAt?: string} | null>} */
export async function loadCredentials(store = idbStore) {
  const value = await store.get(CREDENTIALS);
  return value && typeof value.token === "string" ? value : null;
}

/**
 * Save the connection: the token, bound to `backendUrl` (a normalised origin), goes to the store;
 * `backendUrl` and a change stamp go to chrome.storage.local in one write, so open tabs ask again once.
 */
export async function saveConnection({ backendUrl, token }, store = idbStore, local = chrome.storage.local) {
  if (token) await store.put(CREDENTIALS, { token, origin: backendUrl, savedAt: new Date().toISOString() });
  else await store.delete(CREDENTIALS);
  await local.set({ backendUrl, credentialsUpdatedAt: Date.now() });
}

/**
 * Move a token that version 0.1.x kept in chrome.storage.local into the store, once, then delete it
 * there. A token already in the store is never overwritten, and a token written to storage.local
 * later (content scripts can write it) is deleted, never used. Returns true when a token was moved.
 * @param {(url: string) => string} normalize backend URL -> origin
 */
export async function migrateLegacyToken(normalize, defaultUrl, store = idbStore, local = chrome.storage.local) {
  const { token, backendUrl } = await local.get(["token", "backendUrl"]);
  let moved = false;
  if (!(await store.get(MIGRATED))) {
    if (typeof token === "string" && token.trim() && !(await loadCredentials(store))) {
      let origin;
      try {
        origin = normalize(backendUrl || defaultUrl);
      } catch {
        origin = normalize(defaultUrl);
      }
      await store.put(CREDENTIALS, { token: token.trim(), origin, savedAt: new Date().toISOString() });
      moved = true;
    }
    await store.put(MIGRATED, true);
  }
  if (token !== undefined) await local.remove("token");
  if (moved) await local.set({ credentialsUpdatedAt: Date.now() });
  return moved;
}
