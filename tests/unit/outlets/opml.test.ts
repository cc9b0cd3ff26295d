import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { DEFAULT_OUTLETS } from '../../../lib/outlets/registry';
import { outletsFromOpml, outletsToOpml, OPML_MAX_CHARS } from '../../../lib/outlets/opml';

describe('OPML export and import', () => {
  it('round-trips the default registry losslessly', () => {
    const xml = outletsToOpml(DEFAULT_OUTLETS);
    const { outlets, errors } = outletsFromOpml(xml);
    expect(errors).toEqual([]);
    expect(outlets).toEqual(DEFAULT_OUTLETS);
  });

  it('writes one rss outline per feed, readable by any feed reader', () => {
    const xml = outletsToOpml(DEFAULT_OUTLETS.filter((o) => o.id === 'dawn'));
    expect(xml.match(/type="rss"/g)).toHaveLength(2);
    expect(xml).toContain('xmlUrl="https://www.dawn.com/feeds/home"');
    expect(xml).toContain('country="PK"');
  });

  it('escapes names and URLs with markup characters', () => {
    const outlet = { ...DEFAULT_OUTLETS[0], id: 'x', name: 'A "B" <C> & D', domains: ['x.example'], feeds: ['https://x.example/rss?a=1&b=<2>'] };
    const { outlets } = outletsFromOpml(outletsToOpml([outlet]));
    expect(outlets[0].name).toBe('A "B" <C> & D');
    expect(outlets[0].feeds).toEqual([new URL('https://x.example/rss?a=1&b=<2>').href]);
  });

  it('imports a plain feed-reader OPML as provisional outlets, one per site', () => {
    const xml = `<?xml version="1.0"?><opml version="1.0"><head><title>subs</title></head><body>
      <outline text="News"><outline text="Demo Daily" type="rss" xmlUrl="https://demo-daily.example/feed/home" htmlUrl="https://www.demo-daily.example/"/>
      <outline text="Demo Daily Pakistan" type="rss" xmlUrl="https://demo-daily.example/feed/pakistan" htmlUrl="https://demo-daily.example/pakistan"/></outline>
      <outline text="Bad" type="rss" xmlUrl="javascript:alert(1)"/>
      <outline text="Other" type="rss" xmlUrl="https://feeds.other.example/rss"/></body></opml>`;
    const { outlets, errors } = outletsFromOpml(xml);
    expect(outlets.map((o) => [o.id, o.name, o.feeds.length])).toEqual([
      ['site:demo-daily.example', 'Demo Daily', 2],
      ['site:other.example', 'Other', 1],
    ]);
    expect(outlets[0].ownership).toBe('unknown');
    expect(errors.join('\n')).toMatch(/Bad/);
  });

  it('survives hostile OPML: entities, external entities, deep nesting, huge input, garbage', () => {
    const laughs = readFileSync('tests/fixtures/feeds/opml-laughs.opml', 'utf8');
    const result = outletsFromOpml(laughs);
    expect(JSON.stringify(result).length).toBeLessThan(10_000);
    const xxe = `<?xml version="1.0"?><!DOCTYPE o [<!ENTITY x SYSTEM "file:///etc/passwd">]><opml version="2.0"><body><outline text="&x;" xmlUrl="https://a.example/rss"/></body></opml>`;
    expect(JSON.stringify(outletsFromOpml(xxe))).not.toContain('root:');
    const deep = `<opml version="2.0"><body>${'<outline text="a">'.repeat(5000)}${'</outline>'.repeat(5000)}</body></opml>`;
    expect(outletsFromOpml(deep).outlets).toEqual([]);
    expect(outletsFromOpml('x'.repeat(OPML_MAX_CHARS + 1)).errors[0]).toMatch(/larger/);
    expect(outletsFromOpml('not xml at all <<<').outlets).toEqual([]);
    expect(outletsFromOpml('').outlets).toEqual([]);
  });
});
