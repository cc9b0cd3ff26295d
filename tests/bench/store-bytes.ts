// Bytes on disk of what the match bench stored in the extension's IndexedDB (Chromium keeps one
// LevelDB per origin under the profile's IndexedDB folder).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { LoadedExtension } from '../harness/extension';
import type { StoreSchema } from './match-browser';

/** The browser profile's directory (chrome://version names it). */
export async function profileDir(ext: LoadedExtension): Promise<string> {
  const page = await ext.context.newPage();
  try {
    await page.goto('chrome://version');
    const path = /Profile Path\s+(\S+)/.exec(await page.evaluate(() => document.body.innerText))?.[1];
    if (!path) throw new Error('chrome://version names no profile path');
    return path;
  } finally {
    await page.close();
  }
}

function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? folderBytes(path) : statSync(path, { throwIfNoEntry: false })?.size ?? 0;
  }
  return total;
}

/** Bytes on disk of an origin's IndexedDB (LevelDB files and blobs), once it stops changing. */
export async function settledIndexedDbBytes(profile: string, originPrefix: string): Promise<number> {
  const root = join(profile, 'IndexedDB');
  const size = () => (existsSync(root) ? readdirSync(root) : []).filter((e) => e.startsWith(originPrefix)).reduce((sum, e) => sum + folderBytes(join(root, e)), 0);
  // LevelDB compacts in the background after the writes: wait until three readings agree.
  let last = -1;
  let same = 0;
  for (let i = 0; i < 60 && same < 2; i++) {
    await new Promise((done) => setTimeout(done, 1000));
    const now = size();
    same = now === last ? same + 1 : 0;
    last = now;
  }
  return last;
}

export interface TableSource {
  schema(): Promise<StoreSchema[]>;
  /** Up to `limit` records as stored, after primary key `after` (null: from the start). */
  page(table: string, after: string | null, limit: number): Promise<Record<string, unknown>[]>;
}

/**
 * The live size of each table: its records, as stored, copied into an empty table of the same
 * shape in a page of another origin (one per table: each its own LevelDB), and the size of that
 * origin's IndexedDB files once LevelDB has settled. The store's own files also hold old
 * versions of rewritten records until LevelDB compacts them away; a copy written once has none.
 */
export async function liveBytes(ext: LoadedExtension, source: TableSource, profile: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of await source.schema()) {
    const server = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>copy</title>'));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const page = await ext.context.newPage();
    const port = (server.address() as AddressInfo).port;
    try {
      await page.goto(`http://127.0.0.1:${port}/`);
      await page.evaluate(
        (spec) =>
          new Promise<void>((done, fail) => {
            const open = indexedDB.open('copy', 1);
            open.onupgradeneeded = () => {
              const store = open.result.createObjectStore(spec.name, { keyPath: spec.keyPath });
              for (const ix of spec.indexes) store.createIndex(ix.name, ix.keyPath, { multiEntry: ix.multiEntry, unique: ix.unique });
            };
            open.onsuccess = () => {
              open.result.close();
              done();
            };
            open.onerror = () => fail(open.error);
          }),
        t,
      );
      for (let after: string | null = null; ; ) {
        const rows = await source.page(t.name, after, 2000);
        if (rows.length === 0) break;
        await page.evaluate(
          ([name, records]) =>
            new Promise<void>((done, fail) => {
              const open = indexedDB.open('copy');
              open.onsuccess = () => {
                const tx = open.result.transaction(name, 'readwrite');
                for (const r of records) tx.objectStore(name).add(r);
                tx.oncomplete = () => {
                  open.result.close();
                  done();
                };
                tx.onerror = () => fail(tx.error);
              };
              open.onerror = () => fail(open.error);
            }),
          [t.name, rows] as const,
        );
        after = String(rows[rows.length - 1][t.keyPath]);
      }
      out[t.name] = await settledIndexedDbBytes(profile, `http_127.0.0.1_${port}.`);
    } finally {
      await page.close();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    }
  }
  return out;
}
