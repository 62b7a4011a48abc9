// The canary scan: every place a browser keeps data for a page, searched for secret test
// strings in UTF-8, UTF-16 and base64. Reads IndexedDB raw (every database, store and
// value, walking objects and typed arrays), localStorage, sessionStorage, every Cache
// Storage response body, cookies, the URL, the title and the history length's entries we
// can see (the current URL). Any hit fails the test that calls it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

interface Dump {
  where: string;
  base64: string;
}

/** Runs in the page: returns every stored value as bytes. */
async function dumpInPage(): Promise<Dump[]> {
  const out: Dump[] = [];
  const enc = new TextEncoder();
  const b64 = (bytes: Uint8Array) => {
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000) {
      s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    }
    return btoa(s);
  };
  const utf16 = (text: string) => {
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      bytes[i * 2] = text.charCodeAt(i) & 0xff;
      bytes[i * 2 + 1] = text.charCodeAt(i) >> 8;
    }
    return bytes;
  };
  const pushText = (where: string, text: string) => {
    out.push({ where, base64: b64(enc.encode(text)) });
    out.push({ where: `${where} (as UTF-16)`, base64: b64(utf16(text)) });
  };
  const walk = (where: string, value: unknown, depth = 0): void => {
    if (depth > 20 || value === null || value === undefined) return;
    if (typeof value === 'string') {
      pushText(where, value);
      return;
    }
    if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
      pushText(where, String(value));
      return;
    }
    if (value instanceof ArrayBuffer) {
      walk(where, new Uint8Array(value), depth);
      return;
    }
    if (ArrayBuffer.isView(value)) {
      out.push({
        where,
        base64: b64(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)),
      });
      return;
    }
    if (value instanceof Blob) return; // handled by the caller if ever stored
    if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) walk(`${where}[${i}]`, v, depth + 1);
      return;
    }
    if (typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        pushText(`${where}.<key>`, k);
        walk(`${where}.${k}`, v, depth + 1);
      }
    }
  };

  for (const info of await indexedDB.databases()) {
    if (!info.name) continue;
    pushText('indexedDB name', info.name);
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(info.name as string);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    for (const storeName of Array.from(db.objectStoreNames)) {
      const { keys, values } = await new Promise<{ keys: IDBValidKey[]; values: unknown[] }>(
        (resolve, reject) => {
          const tx = db.transaction(storeName, 'readonly');
          const store = tx.objectStore(storeName);
          const k = store.getAllKeys();
          const v = store.getAll();
          tx.oncomplete = () => resolve({ keys: k.result, values: v.result });
          tx.onerror = () => reject(tx.error);
        },
      );
      for (const [i, key] of keys.entries()) walk(`idb ${info.name}/${storeName} key[${i}]`, key);
      for (const [i, value] of values.entries()) {
        if (value instanceof Blob) {
          out.push({
            where: `idb ${info.name}/${storeName}[${i}] blob`,
            base64: b64(new Uint8Array(await value.arrayBuffer())),
          });
        } else walk(`idb ${info.name}/${storeName}[${i}]`, value);
      }
    }
    db.close();
  }
  for (const [name, storage] of [
    ['localStorage', localStorage],
    ['sessionStorage', sessionStorage],
  ] as const) {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i) ?? '';
      pushText(`${name} key`, key);
      pushText(`${name}[${key}]`, storage.getItem(key) ?? '');
    }
  }
  for (const cacheName of await caches.keys()) {
    const cache = await caches.open(cacheName);
    for (const request of await cache.keys()) {
      pushText(`cache ${cacheName} url`, request.url);
      const response = await cache.match(request);
      if (response) {
        out.push({
          where: `cache ${cacheName} ${request.url}`,
          base64: b64(new Uint8Array(await response.arrayBuffer())),
        });
      }
    }
  }
  pushText('document.cookie', document.cookie);
  pushText('location.href', location.href);
  pushText('document.title', document.title);
  return out;
}

export function encodings(canary: string): Buffer[] {
  return [
    Buffer.from(canary, 'utf8'),
    Buffer.from(canary, 'utf16le'),
    Buffer.from(Buffer.from(canary, 'utf8').toString('base64').replace(/=+$/, ''), 'utf8'),
    Buffer.from(Buffer.from(canary, 'utf8').toString('base64url').replace(/=+$/, ''), 'utf8'),
  ];
}

export interface Hit {
  where: string;
  canary: string;
}

export async function scanBrowserStorage(page: Page, canaries: string[]): Promise<Hit[]> {
  const dumps = await page.evaluate(dumpInPage);
  const cookies = await page.context().cookies();
  dumps.push({ where: 'cookies', base64: Buffer.from(JSON.stringify(cookies)).toString('base64') });
  const hits: Hit[] = [];
  for (const dump of dumps) {
    const bytes = Buffer.from(dump.base64, 'base64');
    for (const canary of canaries) {
      if (encodings(canary).some((needle) => bytes.includes(needle))) {
        hits.push({ where: dump.where, canary });
      }
    }
  }
  return hits;
}

/** How many stored values the scan read: a scan of nothing would pass vacuously. */
export async function countStoredValues(page: Page): Promise<number> {
  return (await page.evaluate(dumpInPage)).length;
}

/** Every file in a directory tree (e.g. the Chromium profile's IndexedDB folder). */
export function scanFiles(dir: string, canaries: string[]): Hit[] {
  const hits: Hit[] = [];
  const visit = (path: string) => {
    for (const entry of readdirSync(path)) {
      const full = join(path, entry);
      const stat = statSync(full, { throwIfNoEntry: false });
      if (!stat) continue;
      if (stat.isDirectory()) visit(full);
      else if (stat.size < 64 * 1024 * 1024) {
        const bytes = readFileSync(full);
        for (const canary of canaries) {
          if (encodings(canary).some((needle) => bytes.includes(needle))) {
            hits.push({ where: full, canary });
          }
        }
      }
    }
  };
  visit(dir);
  return hits;
}
