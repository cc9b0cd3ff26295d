// Which demo articles the SPA test page switches between: two dots of the same story by one
// outlet (the wire's Doha ceasefire and Istanbul reports).
import { demoArticleById, demoArticlesOf } from './articles';
import type { DemoArticle } from './types';

export const SPA_OUTLET_ID = 'meridian-wire';

export const SPA_ARTICLE_IDS = ['pakistan-afghanistan-agree-ceasefire-doha', 'pakistan-afghanistan-istanbul-talks-end-without-deal'];

/** The SPA's articles; falls back to the wire's newest two while content is incomplete. */
export function spaArticles(): DemoArticle[] {
  const found = SPA_ARTICLE_IDS.map((id) => demoArticleById(id)).filter((a): a is DemoArticle => a !== undefined);
  return found.length === SPA_ARTICLE_IDS.length ? found : demoArticlesOf(SPA_OUTLET_ID).slice(0, 2).reverse();
}
