// The baseline matcher of `bench match`: no index at all. Every stored article is read and
// scored by the same IDF cosine the engine uses, with document frequencies from the stored
// statistics; the best `k` come back. Shared by the Node and the Chromium halves.
import { cosine, toVector, type DocStats } from '../../lib/match/similarity';
import type { Article } from '../../lib/types';

export interface ScanHit {
  id: string;
  score: number;
}

export async function fullScanTopK(pages: AsyncIterable<readonly Article[]>, probe: Article, stats: DocStats, k = 20): Promise<ScanHit[]> {
  const query = toVector(probe.terms, stats);
  const top: ScanHit[] = [];
  for await (const page of pages) {
    for (const a of page) {
      if (a.id === probe.id) continue;
      const score = cosine(query, toVector(a.terms, stats));
      if (top.length < k || score > top[top.length - 1].score) {
        top.push({ id: a.id, score });
        top.sort((x, y) => y.score - x.score);
        if (top.length > k) top.pop();
      }
    }
  }
  return top;
}
