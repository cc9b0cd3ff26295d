// All demo articles, oldest first, and how to find them by id, outlet and URL.
import { demoOrigin } from './outlets';
import { demoSkin } from './skins';
import { borderClashArticles } from './stories/border-clashes';
import { dohaCeasefireArticles } from './stories/doha-ceasefire';
import { istanbulTalksArticles } from './stories/istanbul-talks';
import { unrelatedArticles } from './stories/unrelated';
import type { DemoArticle } from './types';

const byPublished = (a: DemoArticle, b: DemoArticle): number => Date.parse(a.published) - Date.parse(b.published);

/** Every demo article, oldest first. */
export const demoArticles: readonly DemoArticle[] = [
  ...borderClashArticles,
  ...dohaCeasefireArticles,
  ...istanbulTalksArticles,
  ...unrelatedArticles,
].sort(byPublished);

export function demoArticleById(id: string): DemoArticle | undefined {
  return demoArticles.find((a) => a.id === id);
}

/** The outlet's articles, newest first (the order of a home page or a feed). */
export function demoArticlesOf(outletId: string): DemoArticle[] {
  return demoArticles.filter((a) => a.outletId === outletId).reverse();
}

/** The newest demo article of the whole demo. */
export function newestDemoArticle(): DemoArticle {
  return demoArticles[demoArticles.length - 1];
}

/** Path of the article on its outlet's host, e.g. "/news/2025/10/30/istanbul-talks-end-…". */
export function demoArticlePath(article: DemoArticle): string {
  return demoSkin(article.outletId).articlePath(article);
}

/** Absolute URL of the article on the demo server listening on `port`. */
export function demoArticleUrl(article: DemoArticle, port: number): string {
  return demoOrigin(article.outletId, port) + demoArticlePath(article);
}

/** The article that the outlet serves at `path`, if any. */
export function demoArticleAt(outletId: string, path: string): DemoArticle | undefined {
  return demoArticles.find((a) => a.outletId === outletId && demoArticlePath(a) === path);
}
