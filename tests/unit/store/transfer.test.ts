import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type TermRecord, type ThreadlineDB } from '../../../lib/store/db';
import { clearStore, exportStore, importStore, parseImport } from '../../../lib/store/transfer';
import { RECORDS_BY_VERSION } from '../../fixtures/store-versions';
import { postingRow, putPostingRows } from '../../fixtures/posting-rows';
import type { PostingRecord } from '../../../lib/store/postings';

const NOW = Date.UTC(2026, 10, 26);
let db: ThreadlineDB;

async function filledStore(name: string, version = 1): Promise<ThreadlineDB> {
  await Dexie.delete(name);
  const fresh = openDatabase(name);
  for (const [table, rows] of Object.entries(RECORDS_BY_VERSION[version])) {
    // Document frequencies live in the posting rows since schema version 5 (ids counted at import).
    if (table === 'terms') await putPostingRows(fresh, (rows as TermRecord[]).map(({ term, df }) => ({ term, ids: [], df })));
    // Posting rows are kept in buckets since schema version 7.
    else if (table === 'postings') await putPostingRows(fresh, rows as PostingRecord[]);
    else await fresh.table(table).bulkPut(rows);
  }
  return fresh;
}

afterEach(async () => {
  db?.close();
  await Dexie.delete(db.name);
});

describe('export and import', () => {
  it.each([1, 2, 5])('export → clear → import restores an identical store (records of version %i)', async (version) => {
    db = await filledStore(`transfer-roundtrip-${version}`, version);
    const before = await exportStore(db, NOW);
    expect(before.lines).toBe(1 + Object.values(RECORDS_BY_VERSION[version]).flat().length);
    await clearStore(db);
    expect(await db.articles.count()).toBe(0);
    const { imported } = await importStore(db, before.jsonl);
    expect(imported).toBe(before.lines - 1);
    const after = await exportStore(db, NOW);
    expect(after.jsonl).toBe(before.jsonl);
    // The posting lists are not exported: the import counts them from the articles.
    expect((await postingRow(db, 'talks'))?.ids.sort()).toEqual(['a1', 'a22']);
  });

  it('an import with one bad line imports nothing and names the line', async () => {
    db = await filledStore('transfer-bad-line');
    const { jsonl } = await exportStore(db, NOW);
    await clearStore(db);
    const lines = jsonl.trimEnd().split('\n');
    const bad = JSON.parse(lines[3]) as { record: Record<string, unknown> };
    bad.record.url = 'javascript:alert(1)';
    lines[3] = JSON.stringify(bad);
    await expect(importStore(db, lines.join('\n'))).rejects.toThrow(/^line 4: .*url/);
    for (const table of ['outlets', 'articles', 'events', 'stories', 'meta']) expect(await db.table(table).count()).toBe(0);
  });

  it.each([
    ['', /line 1: the file is empty/],
    ['{"format":"something-else"}', /line 1: not a Threadline export/],
    ['{"format":"threadline-export","version":1,"schema":999}', /newer Threadline/],
    ['{"format":"threadline-export","version":1,"schema":1}\nnot json', /line 2: not JSON/],
    ['{"format":"threadline-export","version":1,"schema":1}\n{"table":"passwords","record":{}}', /line 2: unknown table/],
    ['{"format":"threadline-export","version":1,"schema":1}\n{"table":"outlets","record":{"id":"x"}}', /line 2: outlets record/],
    [`{"format":"threadline-export","version":1,"schema":1}\n${'x'.repeat(1_000_001)}`, /line 2: line longer/],
  ])('rejects %#: a clear error, never a crash', (jsonl, error) => {
    db = openDatabase('transfer-unused');
    expect(() => parseImport(jsonl)).toThrow(error);
  });

  it('refuses duplicate records in one file', async () => {
    db = await filledStore('transfer-dup');
    const { jsonl } = await exportStore(db, NOW);
    const lines = jsonl.trimEnd().split('\n');
    expect(() => parseImport([...lines, lines[1]].join('\n'))).toThrow(new RegExp(`line ${lines.length + 1}: duplicate`));
  });
});
