// Property tests at the boundaries the extension owns: runtime messages and import files.
// Whatever arrives, the listener never throws synchronously, answers only with a Promise or
// undefined, rejects with a clear error, and handlers only ever see valid, bounded input.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { createMessageListener, type Handlers } from '../../../lib/background/dispatch';
import { LIMITS } from '../../../lib/limits';
import { articleInputSchema, MESSAGE_SCHEMAS } from '../../../lib/messages';
import { parseImport } from '../../../lib/store/transfer';
import { parseFeedText } from '../../../lib/feeds/parse';
import * as v from 'valibot';

const OWN = 'own-id';
const ORIGIN = 'chrome-extension://own-id/';
const RUNS = 300;

function spyHandlers(): { handlers: Handlers; seen: unknown[] } {
  const seen: unknown[] = [];
  const handlers = Object.fromEntries(
    Object.keys(MESSAGE_SCHEMAS).map((name) => [name, vi.fn(async (data: unknown) => { seen.push([name, data]); return {}; })]),
  ) as unknown as Handlers;
  return { handlers, seen };
}

const anyValue = fc.anything({ maxDepth: 4, withBigInt: false });
const messageName = fc.constantFrom(...Object.keys(MESSAGE_SCHEMAS), 'eval', '__proto__', 'constructor', '');
const sender = fc.oneof(
  fc.constant({ id: OWN, url: `${ORIGIN}popup.html` }),
  fc.record({ id: fc.constant(OWN), tab: fc.record({ id: fc.nat() }), url: fc.webUrl() }),
  fc.record({ id: fc.string(), url: fc.string() }),
  fc.constant({}),
);

describe('runtime messages, whatever they hold', () => {
  it('never throw synchronously; answer with a Promise or undefined; handlers see only valid data', async () => {
    await fc.assert(
      fc.asyncProperty(fc.record({ type: messageName, data: anyValue }, { requiredKeys: [] }), sender, async (message, from) => {
        const { handlers, seen } = spyHandlers();
        const listen = createMessageListener(handlers, OWN, ORIGIN);
        const reply = listen(message, from);
        if (reply === undefined) return;
        expect(reply).toBeInstanceOf(Promise);
        await reply.then(
          () => {
            const [name, data] = seen[0] as [keyof typeof MESSAGE_SCHEMAS, unknown];
            expect(v.safeParse(MESSAGE_SCHEMAS[name], data).success).toBe(true);
          },
          (error: unknown) => {
            expect(error).toBeInstanceOf(Error);
            expect((error as Error).message.length).toBeLessThan(500);
          },
        );
      }),
      { numRuns: RUNS },
    );
  });

  it('article reports that pass validation are bounded and carry only http(s) URLs', () => {
    fc.assert(
      fc.property(
        fc.record({
          url: fc.oneof(fc.webUrl(), fc.constantFrom('javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'ftp://x/')),
          title: fc.string({ maxLength: 700 }),
          bylines: fc.array(fc.string({ maxLength: 300 }), { maxLength: 12 }),
          tags: fc.array(fc.string(), { maxLength: 40 }),
          paragraphs: fc.array(fc.string({ maxLength: 50 }), { maxLength: 10 }),
          quotes: fc.constant([]),
          entities: fc.constant({ people: [], places: [], organisations: [] }),
          wordCount: fc.integer(),
          source: fc.constantFrom('visit', 'feed', 'import', 'evil'),
        }),
        (input) => {
          const result = v.safeParse(articleInputSchema, input);
          if (!result.success) return;
          const a = result.output;
          expect(a.url).toMatch(/^https?:\/\//);
          expect(a.title.length).toBeLessThanOrEqual(LIMITS.title);
          expect(a.bylines.length).toBeLessThanOrEqual(LIMITS.bylines);
          expect(a.tags.length).toBeLessThanOrEqual(LIMITS.tags);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('import files, whatever they hold', () => {
  const header = JSON.stringify({ format: 'threadline-export', version: 1, schema: 1 });
  it('either parse into valid records or fail with an error naming a line', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.json(), anyValue.map((x) => JSON.stringify({ table: 'articles', record: x }) ?? '')), { maxLength: 8 }), (lines) => {
        try {
          const parsed = parseImport([header, ...lines].join('\n'));
          for (const row of parsed) expect(['outlets', 'articles', 'events', 'stories', 'meta']).toContain(row.table);
        } catch (error) {
          expect((error as Error).message).toMatch(/^line \d+: /);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('feeds, whatever they hold', () => {
  const rssItem = fc
    .record({ title: fc.string(), link: fc.oneof(fc.webUrl(), fc.constantFrom('javascript:alert(1)', 'data:,x', ''), fc.string()), description: fc.string(), pubDate: fc.string() })
    .map((i) => `<item><title>${i.title}</title><link>${i.link}</link><description>${i.description}</description><pubDate>${i.pubDate}</pubDate></item>`);
  const feed = fc.oneof(
    fc.string(),
    fc.array(rssItem, { maxLength: 6 }).map((items) => `<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>${items.join('')}</channel></rss>`),
    fc.json(),
  );
  it('parse without throwing into bounded items with http(s) links only', () => {
    fc.assert(
      fc.property(feed, (text) => {
        const parsed = parseFeedText(text, { now: Date.UTC(2025, 9, 30) });
        for (const { article } of parsed.items) {
          expect(article.url).toMatch(/^https?:\/\//);
          expect(article.title.length).toBeLessThanOrEqual(LIMITS.title);
          expect(article.paragraphs.length).toBeLessThanOrEqual(LIMITS.paragraphs);
          expect(article.title).not.toMatch(/<script/i);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
