/**
 * What the extension's own database holds, read from inside the extension (Chromium's
 * service worker, or an extension page in Firefox): shared by both browsers' tests.
 */

/** A saved highlight, as far as the browser tests look at it. */
export interface StoredHighlight {
  id: string;
  quote: string;
  orphaned: boolean;
  color: string;
}

/**
 * The highlights stored for a page address. Runs in the extension (it is sent as source
 * text, so it sees only its argument and the extension's globals).
 */
export async function readStoredHighlights(pageUrl: string): Promise<StoredHighlight[]> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('qinglang-lens');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const all = await new Promise<Array<{ id: string; url: string; quote: string; orphaned?: boolean; color: string }>>(
    (resolve, reject) => {
      const request = db.transaction('highlights').objectStore('highlights').getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    },
  );
  db.close();
  return all
    .filter((h) => h.url === pageUrl)
    .map((h) => ({ id: h.id, quote: h.quote, orphaned: h.orphaned ?? false, color: h.color }));
}
