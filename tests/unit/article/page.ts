// Builds test pages the project writes itself: a head and a body in, a parsed document out.
import { parseWithLinkedom } from '../../eval/support/page';

export interface PageParts {
  head?: string;
  body?: string;
  lang?: string;
}

export function page({ head = '', body = '', lang = 'en' }: PageParts): Document {
  return parseWithLinkedom(`<!doctype html><html lang="${lang}"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`);
}

/** A few paragraphs of plain prose, enough for Readability and the structure test. */
export function prose(paragraphs = 6): string {
  const sentences = [
    'The talks in the capital resumed on Monday after a week of delays, officials from both delegations said.',
    'Negotiators spent most of the morning on the wording of a joint statement about the border crossings.',
    'A mediator described the mood in the room as serious but constructive, and said more meetings were planned.',
    'Residents of the border towns have waited months for the crossings to reopen to trade and to families.',
    'Analysts said the outcome would depend on whether both sides could agree on how to monitor the ceasefire.',
    'The delegations are expected to meet again later this week, according to a schedule shared with reporters.',
  ];
  return Array.from({ length: paragraphs }, (_, i) => `<p>${sentences[i % sentences.length]} ${sentences[(i + 1) % sentences.length]}</p>`).join('\n');
}

export function articleBody(title = 'Border talks resume after a week of delays'): string {
  return `<article><h1>${title}</h1><div class="story-body">${prose()}</div></article>`;
}

export function jsonLd(value: unknown): string {
  return `<script type="application/ld+json">${typeof value === 'string' ? value : JSON.stringify(value)}</script>`;
}
