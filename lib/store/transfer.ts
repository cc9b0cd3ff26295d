// Export and import of the whole store as JSON lines: a header line, then one record per line.
// Import is all or nothing: every line is parsed and validated first, and one bad line imports
// nothing and names the line; then everything is written in one transaction.
// The `terms` lines (document frequencies, and the article count as DOC_COUNT_KEY) are written
// as schema versions 2–4 wrote them from their `terms` table; since version 5 they are read from
// and written into the posting rows (lib/store/postings.ts), so files of either side import the same.
import * as v from 'valibot';
import type { TermRecord, ThreadlineDB } from './db';
import { EXPORT_TABLES, RECORD_SCHEMAS, type ExportTable } from './record-schemas';
import { bucketStore } from './posting-buckets';
import { DOC_COUNT_KEY, rebuildPostings, type PostingRecord } from './postings';
import { SCHEMA_VERSIONS } from './schema';
import { foldTermLogIn, readTermLog } from './term-log';

/** The exported tables that are tables of the database (`terms` lines live in the posting rows). */
const STORED_TABLES = EXPORT_TABLES.filter((t): t is Exclude<ExportTable, 'terms'> => t !== 'terms');

export const EXPORT_FORMAT = 'threadline-export';
export const EXPORT_FORMAT_VERSION = 1;
/** One record line: an article with its bounded body is well under this. */
const MAX_LINE_CHARS = 1_000_000;

export class ImportError extends Error {
  constructor(readonly line: number, reason: string) {
    super(`line ${line}: ${reason}`);
    this.name = 'ImportError';
  }
}

export async function exportStore(db: ThreadlineDB, now: number): Promise<{ jsonl: string; lines: number }> {
  const header = { format: EXPORT_FORMAT, version: EXPORT_FORMAT_VERSION, schema: SCHEMA_VERSIONS.at(-1)!.version, exportedAt: new Date(now).toISOString() };
  const lines = [JSON.stringify(header)];
  await db.transaction('r', [...STORED_TABLES.map((t) => db.table(t)), db.postingBuckets, db.termLog], async (tx) => {
    // Document frequencies as the term log leaves them (lib/store/term-log.ts).
    const log = await readTermLog(tx.table('termLog'));
    for (const table of EXPORT_TABLES) {
      if (table === 'terms') {
        const df = new Map<string, number>();
        for (const r of await bucketStore(tx.table('postingBuckets')).all()) df.set(r.term, r.df ?? 0);
        for (const [term, value] of log.df) df.set(term, value);
        // Term order, as the `terms` table's primary key ordered them.
        const terms = [...df.keys()].filter((term) => df.get(term)! > 0).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        for (const term of terms) lines.push(JSON.stringify({ table, record: { term, df: df.get(term) } }));
        continue;
      }
      // Primary-key order keeps exports of the same store byte-identical.
      await db.table(table).orderBy(':id').each((record: unknown) => {
        lines.push(JSON.stringify({ table, record }));
      });
    }
  });
  return { jsonl: lines.join('\n') + '\n', lines: lines.length };
}

interface ParsedLine {
  table: ExportTable;
  record: Record<string, unknown>;
}

/** Parses and validates every line; throws ImportError naming the first bad one. */
export function parseImport(jsonl: string): ParsedLine[] {
  const rows = jsonl.split(/\r?\n/);
  while (rows.length > 0 && rows.at(-1)!.trim() === '') rows.pop();
  if (rows.length === 0) throw new ImportError(1, 'the file is empty');
  const header = parseJson(rows[0], 1) as { format?: unknown; version?: unknown; schema?: unknown };
  if (header?.format !== EXPORT_FORMAT) throw new ImportError(1, `not a Threadline export (expected "format":"${EXPORT_FORMAT}")`);
  if (header.version !== EXPORT_FORMAT_VERSION) throw new ImportError(1, `unsupported export version ${String(header.version)}`);
  const latest = SCHEMA_VERSIONS.at(-1)!.version;
  if (typeof header.schema !== 'number' || header.schema > latest) throw new ImportError(1, `written by a newer Threadline (schema ${String(header.schema)}); update the extension first`);
  const parsed: ParsedLine[] = [];
  const seen = new Set<string>();
  for (let i = 1; i < rows.length; i++) {
    const lineNo = i + 1;
    if (rows[i].trim() === '') throw new ImportError(lineNo, 'empty line');
    const entry = parseJson(rows[i], lineNo) as { table?: unknown; record?: unknown };
    if (!entry || typeof entry !== 'object' || !EXPORT_TABLES.includes(entry.table as ExportTable)) {
      throw new ImportError(lineNo, `unknown table ${JSON.stringify((entry as { table?: unknown })?.table ?? null)}`);
    }
    const table = entry.table as ExportTable;
    const result = v.safeParse(RECORD_SCHEMAS[table], entry.record);
    if (!result.success) {
      const issue = result.issues[0];
      const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
      throw new ImportError(lineNo, `${table} record${path ? `.${path}` : ''}: ${issue.message}`);
    }
    const record = result.output as Record<string, unknown>;
    // Each table's primary key: id, or `key` (meta), or `term` (terms).
    const id = String(record.id ?? record.key ?? record.term);
    const key = `${table}\u0000${id}`;
    if (seen.has(key)) throw new ImportError(lineNo, `duplicate ${table} record ${id}`);
    seen.add(key);
    parsed.push({ table, record });
  }
  return parsed;
}

function parseJson(line: string, lineNo: number): unknown {
  if (line.length > MAX_LINE_CHARS) throw new ImportError(lineNo, `line longer than ${MAX_LINE_CHARS} characters`);
  try {
    return JSON.parse(line);
  } catch (error) {
    throw new ImportError(lineNo, `not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}

/**
 * Validates everything, then writes everything in one transaction. Records replace same ids,
 * and imported document frequencies the stored ones. The posting lists are not exported (they
 * follow from the articles): they are counted again.
 */
export async function importStore(db: ThreadlineDB, jsonl: string): Promise<{ imported: number }> {
  const parsed = parseImport(jsonl);
  await db.transaction('rw', [...STORED_TABLES.map((t) => db.table(t)), db.postingBuckets, db.termLog], async (tx) => {
    const postings = bucketStore(tx.table('postingBuckets'));
    // Imported document frequencies replace the stored ones: the log must not override them afterwards.
    await foldTermLogIn({ postings, termLog: tx.table('termLog') });
    for (const table of STORED_TABLES) {
      const records = parsed.filter((p) => p.table === table).map((p) => p.record);
      if (records.length > 0) await db.table(table).bulkPut(records);
    }
    const imported = parsed.filter((p) => p.table === 'terms').map((p) => p.record as unknown as TermRecord);
    if (parsed.some((p) => p.table === 'articles')) {
      const df = new Map<string, number>();
      for (const r of await postings.all()) df.set(r.term, r.df ?? 0);
      for (const { term, df: value } of imported) df.set(term, value);
      await rebuildPostings(db.articles, postings, df);
    } else if (imported.length > 0) {
      const stored = await postings.read(imported.map((r) => r.term));
      // Rows left saying nothing are deleted by the write.
      await postings.write(imported.map(({ term, df }, i): PostingRecord => ({ term, ids: stored[i]?.ids ?? [], df })));
    }
  });
  return { imported: parsed.length };
}

/**
 * What the reader's "clear" removes: articles and everything derived from them (events, stories,
 * term statistics). Sources stay; their feeds are marked due with no validators, so the next
 * refresh fills the store again instead of answering 304.
 */
export async function clearStoredArticles(db: ThreadlineDB, now: number): Promise<void> {
  await db.transaction('rw', [db.articles, db.events, db.stories, db.postingBuckets, db.termLog, db.meta], async () => {
    await Promise.all([db.articles.clear(), db.events.clear(), db.stories.clear(), db.postingBuckets.clear(), db.termLog.clear()]);
    await db.meta.delete(DOC_COUNT_KEY);
    await db.meta
      .where('key')
      .startsWith('feed:')
      .modify((row) => {
        const feed = row.value as { state: { etag?: string; lastModified?: string; nextFetchAt: number } };
        feed.state = { ...feed.state, etag: undefined, lastModified: undefined, nextFetchAt: now };
      });
  });
}

/** Empties every table (the round-trip tests' "clear"). */
export async function clearStore(db: ThreadlineDB): Promise<void> {
  await db.transaction('rw', [...STORED_TABLES.map((t) => db.table(t)), db.postingBuckets, db.termLog], async () => {
    for (const table of STORED_TABLES) await db.table(table).clear();
    await db.postingBuckets.clear();
    await db.termLog.clear();
  });
}
