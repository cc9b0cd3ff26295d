// Quotation spans: text between double quotation marks, curly (“…”), straight ("…") or guillemets
// («…»). Single marks are never delimiters (apostrophes look the same) but stay verbatim inside a
// span, which is how nested quotes (“he said ‘no’”) are kept. A quote left open at the end of a
// paragraph continues when the next paragraph opens with a mark, the English convention for a
// quote spanning paragraphs; an open quote not continued that way is dropped as unbalanced.

export interface Span {
  /** Text between the marks; parts of a multi-paragraph quote joined by a blank line. */
  text: string;
  paragraph: number;
  /** Offset of the first character after the opening mark. */
  offset: number;
  /** Paragraph of the closing mark, and the offset just after it. */
  endParagraph: number;
  endOffset: number;
}

/** Quotes shorter than this are scare quotes or names ("so-called “experts”"), not speech. */
export const MIN_QUOTE_WORDS = 2;

const OPEN = new Set(['“', '«', '"', '„']);
const CLOSE_FOR: Record<string, string> = { '“': '”', '«': '»', '"': '"', '„': '“' };

interface Open {
  mark: string;
  paragraph: number;
  offset: number;
  parts: string[];
}

/** Index of the closing mark for an opening `mark` at `from`, honouring nested curly pairs. */
function findClose(text: string, from: number, mark: string): number {
  const close = CLOSE_FOR[mark];
  let depth = 0;
  for (let i = from; i < text.length; i += 1) {
    const c = text[i];
    if (mark !== '"' && c === mark && mark !== close) depth += 1;
    else if (c === close || (mark === '“' && c === '"')) {
      if (depth === 0) return i;
      depth -= 1;
    }
  }
  return -1;
}

function wordCount(text: string): number {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}

/** Whether a span is a title or name in quotes rather than speech: every word capitalised. */
function looksLikeTitle(text: string): boolean {
  const ws = text.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  // A trailing period or comma is the sentence's (US style puts it inside): “The Closer.” is a title.
  return ws.length > 0 && ws.length <= 6 && ws.every((w) => /^\p{Lu}/u.test(w) || ['of', 'the', 'and', 'for', 'in', 'on', 'a'].includes(w)) && !/[!?]$/u.test(text.trim());
}

function accept(spans: Span[], span: Span): void {
  const trimmed = span.text.trim();
  if (wordCount(trimmed) < MIN_QUOTE_WORDS || looksLikeTitle(trimmed)) return;
  const lead = span.text.length - span.text.trimStart().length;
  spans.push({ ...span, text: trimmed, offset: span.offset + lead });
}

/** Finds every quotation span in order of appearance. */
export function findSpans(paragraphs: string[]): Span[] {
  const spans: Span[] = [];
  let open: Open | undefined;
  paragraphs.forEach((para, p) => {
    let i = 0;
    if (open) {
      // A continued quote must reopen at the very start of the next paragraph.
      const lead = para.match(/^\s*/u)?.[0].length ?? 0;
      if (OPEN.has(para[lead])) i = lead;
      else open = undefined;
    }
    while (i < para.length) {
      const c = para[i];
      if (open && i === (para.match(/^\s*/u)?.[0].length ?? 0) && OPEN.has(c)) {
        // Nothing but blanks so far: the quote really starts here.
        if (open.parts.every((part) => part.trim() === '')) open = { ...open, paragraph: p, offset: i + 1, parts: [] };
        const close = findClose(para, i + 1, open.mark);
        if (close < 0) {
          open.parts.push(para.slice(i + 1));
          break;
        }
        open.parts.push(para.slice(i + 1, close));
        accept(spans, { text: open.parts.join('\n\n'), paragraph: open.paragraph, offset: open.offset, endParagraph: p, endOffset: close + 1 });
        open = undefined;
        i = close + 1;
        continue;
      }
      if (OPEN.has(c)) {
        const close = findClose(para, i + 1, c);
        if (close < 0) {
          open = { mark: c, paragraph: p, offset: i + 1, parts: [para.slice(i + 1)] };
          break;
        }
        accept(spans, { text: para.slice(i + 1, close), paragraph: p, offset: i + 1, endParagraph: p, endOffset: close + 1 });
        i = close + 1;
        continue;
      }
      i += 1;
    }
  });
  return spans;
}
