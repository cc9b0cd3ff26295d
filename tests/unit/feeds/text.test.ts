import { describe, expect, it } from 'vitest';
import { countWords, decodeEntities, htmlToParagraphs, htmlToText } from '../../../lib/feeds/text';

describe('htmlToText', () => {
  it.each([
    ['<b>Bold</b> talks', 'Bold talks'],
    ['<script>alert(1)</script>Safe', 'Safe'],
    ['<style>p { color: red }</style><p>Styled</p>', 'Styled'],
    ['Before <script src="x">', 'Before'],
    ['&lt;i&gt;twice&lt;/i&gt; escaped', 'twice escaped'],
    ['Tom &amp; Jerry &#8211; &#x2014; &hellip; &unknown;', 'Tom & Jerry – — … &unknown;'],
    ['Bad code point &#0; &#xD800; &#1114112; end', 'Bad code point end'],
    ['a < b and c > d', 'a < b and c > d'],
    ['<!-- hidden -->Shown', 'Shown'],
    ['  lots \n\t of   space\u00a0here ', 'lots of space here'],
  ])('%j → %j', (html, text) => {
    expect(htmlToText(html)).toBe(text);
  });
});

describe('htmlToParagraphs', () => {
  it('splits at block tags, <br> and blank lines', () => {
    expect(htmlToParagraphs('<p>One</p><p>Two<br>Three</p>Four\n\nFive')).toEqual(['One', 'Two', 'Three', 'Four', 'Five']);
  });
  it('returns nothing for empty or script-only input', () => {
    expect(htmlToParagraphs('')).toEqual([]);
    expect(htmlToParagraphs('<script>x()</script>')).toEqual([]);
  });
});

describe('decodeEntities and countWords', () => {
  it('decodes once', () => {
    expect(decodeEntities('&amp;amp;')).toBe('&amp;');
  });
  it('counts Unicode words', () => {
    expect(countWords(['Türkiye and Qatar', 'mediated — in Doha, 2025', 'پاکستان افغانستان'])).toBe(9);
  });
});
