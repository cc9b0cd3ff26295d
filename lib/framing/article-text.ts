// An article's text read once for framing. Claims read its sentences (title first, datelines
// removed), cues the same sentences, distinctive wording its title, dek and body without datelines;
// each once split and tokenized the same text on its own, which was most of the cost of framing
// full-length articles. Every getter returns exactly what the separate reading gave, and falls back
// to that reading where the shared one cannot be shown equal (text not NFKC, a sentence cut short).
import { DATELINE, MAX_SENTENCE_CHARS, sentenceSpans, stripDatelines, type SentenceSpan } from './sentences';
import { tokenizeWords, tokenSpans, tokensIn, type Token, type TokenSpans } from './tokens';

export interface ArticleText {
  title: string;
  dek: string;
  body: string;
}

export class PreparedText {
  /** The sentences of the dek and body: bodySentences(article). */
  readonly sentences: string[];
  private readonly spans: SentenceSpan[];
  /** `${dek}\n${body}`, and its tokens with their offsets (undefined when they cannot be used). */
  private readonly text: string;
  private readonly words: TokenSpans | undefined;
  private titleWords: Token[] | undefined;

  constructor(private readonly article: ArticleText) {
    this.text = `${article.dek}\n${article.body}`;
    this.spans = sentenceSpans(this.text);
    this.sentences = this.spans.map((s) => s.text);
    this.words = tokenSpans(this.text);
  }

  /** tokenizeWords(title.replace(DATELINE, '')): the title as a claim. */
  titleTokens(): Token[] {
    this.titleWords ??= tokenizeWords(this.article.title.replace(DATELINE, ''));
    return this.titleWords;
  }

  /** tokenizeWords(sentences[i].replace(DATELINE, '')): sentence i as a claim. */
  sentenceTokens(i: number): Token[] {
    const { text, start } = this.spans[i];
    const rest = text.replace(DATELINE, '');
    // A sentence cut to MAX_SENTENCE_CHARS (or one short of it, not to split a surrogate pair) can
    // end inside a word. Otherwise it starts and ends beside white space (or the text's ends), and
    // so does the rest after a dateline: no word of the whole text runs across its ends.
    const shared = this.words && text.length < MAX_SENTENCE_CHARS - 1 ? tokensIn(this.words, this.text, start + text.length - rest.length, start + text.length) : undefined;
    return shared ?? tokenizeWords(rest);
  }

  /** tokenizeWords(stripDatelines(x)) of the title, the dek and the body: the texts of distinctive wording. */
  termTokens(): Token[][] {
    const { title, dek, body } = this.article;
    // A title without a line break reads the same as a claim and as distinctive text.
    const titleTokens = stripDatelines(title) === title.replace(DATELINE, '') ? this.titleTokens() : tokenizeWords(stripDatelines(title));
    return [titleTokens, this.partTokens(dek, 0), this.partTokens(body, dek.length + 1)];
  }

  /** tokenizeWords(stripDatelines(part)), `part` standing at `offset` in `${dek}\n${body}`. */
  private partTokens(part: string, offset: number): Token[] {
    const stripped = stripDatelines(part);
    const apart = this.words?.at ? this.linesNormalizeApart(stripped) : stripped.normalize('NFKC') === stripped;
    if (!this.words || !apart) return tokenizeWords(stripped);
    // Line by line without its dateline, which ends in white space: no word runs across the cut.
    const out: Token[] = [];
    let lineStart = offset;
    for (const line of part.split('\n')) {
      const dateline = DATELINE.exec(line);
      const tokens = tokensIn(this.words, this.text, lineStart + (dateline ? dateline[0].length : 0), lineStart + line.length);
      if (!tokens) return tokenizeWords(stripped);
      for (const token of tokens) out.push(token);
      lineStart += line.length + 1;
    }
    return out;
  }

  /** Whether the NFKC form of the lines joined is their NFKC forms joined (read line by line). */
  private linesNormalizeApart(stripped: string): boolean {
    return stripped.normalize('NFKC') === stripped.split('\n').map((line) => line.normalize('NFKC')).join('\n');
  }
}
