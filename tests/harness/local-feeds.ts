// Three local news feeds for the end-to-end tests, one per format (RSS 2.0, Atom 1.0, JSON Feed
// 1.1), and the full article pages their items link to. Written for these tests in the style of
// the demo story's Istanbul talks event (lib/demo/stories/istanbul-talks.ts): three fictional
// outlets from three countries tell the same happening. The feeds carry summaries only; the
// quotes are in the pages alone, so a comparison can tell which text it was built from. One page
// is in windows-1252, declared only in its markup, as older news sites still serve them.
// Everything is marked as test content; the quotes and the people are invented.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { escapeHtml, jsonForScript, rfc822 } from '../../lib/demo/html';
import type { Outlet } from '../../lib/types';

export type LocalFeedFormat = 'rss' | 'atom' | 'json';

export interface LocalFeedItem {
  /** Last path segment of the page. */
  slug: string;
  headline: string;
  /** The feed's summary: the only text a feed item carries. */
  summary: string;
  /** The page's standfirst. */
  dek: string;
  authors: string[];
  section: string;
  tags: string[];
  /** ISO 8601 with the outlet's offset. */
  published: string;
  /** Body paragraphs of the page, plain text; quotes use curly quotation marks. */
  paragraphs: string[];
  /** A quotation that only the page has (neither the headline nor the summary): the evidence that the full text was read. */
  pageOnlyQuote: string;
  /** Its speaker as the page names them. */
  pageOnlySpeaker: string;
}

export interface LocalFeedOutlet {
  id: string;
  name: string;
  country: string;
  ownership: Outlet['ownership'];
  format: LocalFeedFormat;
  /**
   * How the page is encoded. 'windows-1252': declared only by <meta charset> (the header says
   * text/html without a charset), as older news sites still do; its curly quotes are single bytes.
   */
  pageEncoding?: 'utf-8' | 'windows-1252';
  item: LocalFeedItem;
}

export const LOCAL_FEED_NOTE = 'Test fixture — not a real article. Written for the Threadline end-to-end tests; the people and their quotes are invented.';

/** The three outlets and their one item each (all on the Istanbul talks of 30 October 2025). */
export const LOCAL_FEED_OUTLETS: readonly LocalFeedOutlet[] = [
  {
    id: 'golden-horn-times',
    name: 'Golden Horn Times',
    country: 'TR',
    ownership: 'private',
    format: 'rss',
    item: {
      slug: 'istanbul-talks-end-without-agreement-mediators-keep-door-open',
      headline: 'Istanbul talks between Pakistan and Afghanistan end without agreement as mediators keep the door open',
      summary: 'Four days of talks in Istanbul between Pakistan and the Afghan Taliban, mediated by Türkiye and Qatar, ended on Thursday without a signed agreement on the TTP; the Doha ceasefire holds, officials said.',
      dek: 'Turkish and Qatari mediators carried drafts between the two delegations for four days; the clause on the TTP stayed open to the end.',
      authors: ['Deniz Arslan'],
      section: 'World',
      tags: ['Istanbul talks', 'Pakistan', 'Afghanistan', 'TTP', 'Türkiye', 'Qatar'],
      published: '2025-10-30T20:10:00+03:00',
      pageOnlySpeaker: 'Selin Aydın',
      pageOnlyQuote: 'Both delegations told us they want the ceasefire to hold. That is not nothing, and it is the ground we will build the next round on',
      paragraphs: [
        "ISTANBUL — Talks between Pakistan and Afghanistan's Taliban government ended in Istanbul on Thursday without a signed agreement, after four days in which Turkish and Qatari mediators carried drafts between the two delegations in a hotel on the shore of the Bosphorus, officials said.",
        'The sticking point, according to diplomats who followed the sessions, was the same clause throughout: how Kabul would act against the banned Tehreek-e-Taliban Pakistan (TTP), and how anyone outside the two governments would be able to verify that it had done so.',
        '“Both delegations told us they want the ceasefire to hold. That is not nothing, and it is the ground we will build the next round on,” said Selin Aydın, a Turkish foreign ministry official who attended the sessions.',
        'Aydın said the mediators had proposed a joint mechanism to monitor the ceasefire agreed in Doha on October 19 and to examine complaints from either side. “A mechanism that both capitals can see and trust is the only way to turn promises into something that lasts,” she said.',
        'The Pakistani delegation left the city on Thursday evening. Afghan negotiators were expected to report to their leadership in Kandahar before deciding on a further round, a Qatari official said.',
        'Trade across the border has been halted since the clashes earlier this month, which killed dozens of soldiers and civilians on both sides and closed the Torkham and Chaman crossings. Transport companies in Istanbul that move goods to Central Asia through Pakistan said hundreds of their trucks were waiting.',
        'Türkiye has offered to host the next meeting. No date has been set.',
      ],
    },
  },
  {
    id: 'khyber-mail',
    name: 'Khyber Mail',
    country: 'PK',
    ownership: 'nonprofit',
    format: 'atom',
    pageEncoding: 'windows-1252',
    item: {
      slug: 'no-deal-in-istanbul-pakistan-presses-kabul-for-written-guarantees',
      headline: 'No deal in Istanbul as Pakistan presses Kabul for written guarantees against the TTP',
      summary: "Pakistan's delegation left the Istanbul talks with the Afghan Taliban without the written, verifiable guarantees against the TTP it had sought; Türkiye and Qatar will try another round, officials said.",
      dek: 'Islamabad wanted commitments it could hold up in front of the mediators; Kabul offered assurances it has given before.',
      authors: ['Gul Rahman Afridi'],
      section: 'Pakistan',
      tags: ['Pakistan', 'Afghanistan', 'TTP', 'Istanbul talks', 'Torkham'],
      published: '2025-10-30T21:45:00+05:00',
      pageOnlySpeaker: 'Tariq Mehsud',
      pageOnlyQuote: 'Verbal assurances have been given before, in Doha and earlier. Islamabad now wants something it can hold up in front of the mediators',
      paragraphs: [
        "PESHAWAR — The second round of talks between Pakistan and the Afghan Taliban ended in Istanbul on Thursday without a deal, with Pakistan's demand for written and verifiable guarantees against the Tehreek-e-Taliban Pakistan (TTP) still unmet, officials in Islamabad said.",
        'The talks were mediated by Türkiye and Qatar, which brokered the ceasefire in Doha earlier this month after the worst border clashes between the two neighbours in years.',
        '“Verbal assurances have been given before, in Doha and earlier. Islamabad now wants something it can hold up in front of the mediators,” said Tariq Mehsud, a retired brigadier and security analyst in Peshawar.',
        'Mehsud said the failure in Istanbul did not mean the ceasefire would collapse. “Nobody in this room wants the guns to speak again before winter, least of all the people of the tribal districts,” he said.',
        'In Landi Kotal, near the Torkham crossing, traders said the closure had cost them weeks of business. “We were told to wait for Istanbul. Now we are told to wait for the next city,” said Shah Wali, who exports cement to Jalalabad.',
        'A Foreign Office spokesman said Pakistan had presented a logical and evidence-based case, including a list of militant hideouts across the border, and that the Afghan side had avoided commitments.',
        'Officials said the delegations would remain in contact through the mediators.',
      ],
    },
  },
  {
    id: 'pamir-post',
    name: 'Pamir Post',
    country: 'TJ',
    ownership: 'private',
    format: 'json',
    item: {
      slug: 'afghan-negotiators-say-pakistan-shifted-goalposts-istanbul',
      headline: 'Afghan negotiators say Pakistan shifted the goalposts as Istanbul talks close without accord',
      summary: 'The Afghan Taliban delegation says the Istanbul talks with Pakistan ended without an accord because Islamabad raised new conditions on the TTP; the mediators from Türkiye and Qatar plan another round.',
      dek: 'Members of the Afghan delegation say a text agreed line by line was reopened on the third day of the Istanbul talks.',
      authors: ['Pamir Post correspondents'],
      section: 'Region',
      tags: ['Afghanistan', 'Pakistan', 'Istanbul talks', 'TTP', 'mediation'],
      published: '2025-10-30T19:30:00+05:00',
      pageOnlySpeaker: 'Nasrat Karimi',
      pageOnlyQuote: 'We came to Istanbul with a text we had agreed line by line. On the third morning it was a different text',
      paragraphs: [
        "DUSHANBE — The Afghan Taliban's delegation to the talks with Pakistan in Istanbul said on Thursday that the negotiations had ended without an accord because Islamabad raised new conditions about the Tehreek-e-Taliban Pakistan (TTP) that went beyond the agenda agreed in Doha.",
        '“We came to Istanbul with a text we had agreed line by line. On the third morning it was a different text,” said Nasrat Karimi, a member of the Afghan delegation, speaking by telephone from Istanbul.',
        'Karimi said Afghanistan would not allow its soil to be used against any country, but that it could not be made responsible for security inside Pakistan. “Kabul cannot sign for problems that begin and end on the other side of the border,” he said.',
        'The mediators, Türkiye and Qatar, had proposed a joint mechanism to monitor the ceasefire, which the Afghan side accepted in principle, according to Karimi.',
        'Farida Noori, an analyst of Afghan politics in Dushanbe, said both governments were negotiating with an audience at home in mind. “Neither delegation can be seen to concede first, so the mediators end up carrying more than the text,” she said.',
        'The ceasefire agreed in Doha on October 19 remains in place. Central Asian governments, whose trade routes to Pakistan pass through Afghanistan, have urged both sides to reopen the border crossings.',
        'No date has been set for a further round of talks.',
      ],
    },
  },
];

export interface LocalFeedServer {
  port: number;
  /** http://127.0.0.1:PORT */
  origin: string;
  /** The feed of an outlet: http://127.0.0.1:PORT/feeds/<id>.<xml|atom|json> */
  feedUrl(outletId: string): string;
  /** The page an outlet's item links to (on the page host the server was started with). */
  pageUrl(outletId: string): string;
  /** The outlets, with their feed on this server and their page host as the domain. */
  outlets: Outlet[];
  /** Requests served so far ("GET 127.0.0.1:PORT /feeds/khyber-mail.atom 200"). */
  log: string[];
  close(): Promise<void>;
}

export interface LocalFeedServerOptions {
  /**
   * Origin of an outlet's pages. Default: http://<id>.localhost:PORT, served here (browsers
   * resolve every *.localhost name to loopback). A host this server does not answer for makes
   * the links point somewhere the test expects never to be asked.
   */
  pageOrigin?: (outletId: string, port: number) => string;
  /** Delay before each article page is answered (a slow site), in ms. */
  pageDelayMs?: number;
}

const FEED_EXT: Record<LocalFeedFormat, string> = { rss: 'xml', atom: 'atom', json: 'json' };
const FEED_TYPE: Record<LocalFeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

const defaultPageOrigin = (outletId: string, port: number): string => `http://${outletId}.localhost:${port}`;

function pagePath(item: LocalFeedItem): string {
  const day = item.published.slice(0, 10).replace(/-/g, '/');
  return `/news/${day}/${item.slug}`;
}

function rssFeed(outlet: LocalFeedOutlet, site: string, self: string, link: string): string {
  const i = outlet.item;
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${escapeHtml(outlet.name)}</title>
<link>${escapeHtml(site)}/</link>
<atom:link href="${escapeHtml(self)}" rel="self" type="application/rss+xml"/>
<description>${escapeHtml(`Latest news from ${outlet.name}. ${LOCAL_FEED_NOTE}`)}</description>
<language>en</language>
<item>
<title>${escapeHtml(i.headline)}</title>
<link>${escapeHtml(link)}</link>
<guid isPermaLink="true">${escapeHtml(link)}</guid>
<pubDate>${rfc822(i.published)}</pubDate>
${i.authors.map((a) => `<dc:creator>${escapeHtml(a)}</dc:creator>`).join('\n')}
${i.tags.map((t) => `<category>${escapeHtml(t)}</category>`).join('\n')}
<description>${escapeHtml(i.summary)}</description>
</item>
</channel>
</rss>
`;
}

function atomFeed(outlet: LocalFeedOutlet, site: string, self: string, link: string): string {
  const i = outlet.item;
  const updated = new Date(Date.parse(i.published)).toISOString();
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
<title>${escapeHtml(outlet.name)}</title>
<subtitle>${escapeHtml(LOCAL_FEED_NOTE)}</subtitle>
<id>${escapeHtml(site)}/</id>
<link rel="alternate" type="text/html" href="${escapeHtml(site)}/"/>
<link rel="self" type="application/atom+xml" href="${escapeHtml(self)}"/>
<updated>${updated}</updated>
<entry>
<title type="text">${escapeHtml(i.headline)}</title>
<id>tag:${escapeHtml(outlet.id)},2025:${escapeHtml(i.slug)}</id>
<link rel="alternate" type="text/html" href="${escapeHtml(link)}"/>
<published>${i.published}</published>
<updated>${i.published}</updated>
${i.authors.map((a) => `<author><name>${escapeHtml(a)}</name></author>`).join('\n')}
${i.tags.map((t) => `<category term="${escapeHtml(t)}"/>`).join('\n')}
<summary type="text">${escapeHtml(i.summary)}</summary>
</entry>
</feed>
`;
}

function jsonFeed(outlet: LocalFeedOutlet, site: string, self: string, link: string): string {
  const i = outlet.item;
  return JSON.stringify(
    {
      version: 'https://jsonfeed.org/version/1.1',
      title: outlet.name,
      home_page_url: `${site}/`,
      feed_url: self,
      description: LOCAL_FEED_NOTE,
      language: 'en',
      items: [
        {
          id: `${outlet.id}:${i.slug}`,
          url: link,
          title: i.headline,
          summary: i.summary,
          content_text: i.summary,
          date_published: i.published,
          authors: i.authors.map((name) => ({ name })),
          tags: i.tags,
        },
      ],
    },
    null,
    2,
  );
}

/** windows-1252's 0x80–0x9F block, by code point (the rest of the range is Latin-1). */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Encodes text as windows-1252 (characters outside it become "?"). */
export function encodeWindows1252(text: string): Buffer {
  return Buffer.from(
    Array.from(text, (ch) => {
      const code = ch.codePointAt(0) ?? 0x3f;
      const high = WINDOWS_1252_HIGH.indexOf(ch);
      if (high >= 0 && !(code >= 0x80 && code <= 0x9f)) return 0x80 + high;
      return code < 0x80 || (code >= 0xa0 && code <= 0xff) ? code : 0x3f;
    }),
  );
}

/** A plain news article page: OpenGraph and JSON-LD metadata, masthead, article, footer. */
export function renderLocalArticlePage(outlet: LocalFeedOutlet, url: string): string {
  const i = outlet.item;
  const site = new URL(url).origin;
  const ld = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: i.headline,
    description: i.dek,
    datePublished: i.published,
    dateModified: i.published,
    author: i.authors.map((name) => ({ '@type': /correspondents|staff|desk/i.test(name) ? 'Organization' : 'Person', name })),
    publisher: { '@type': 'Organization', name: outlet.name },
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    articleSection: i.section,
    keywords: i.tags.join(', '),
    inLanguage: 'en',
  };
  const meta = (attr: 'name' | 'property', key: string, value: string): string => `<meta ${attr}="${key}" content="${escapeHtml(value)}">`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="${outlet.pageEncoding ?? 'utf-8'}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(i.headline)} | ${escapeHtml(outlet.name)}</title>
<meta name="description" content="${escapeHtml(i.dek)}">
<link rel="canonical" href="${escapeHtml(url)}">
${meta('name', 'author', i.authors.join(', '))}
${meta('property', 'og:type', 'article')}
${meta('property', 'og:title', i.headline)}
${meta('property', 'og:description', i.dek)}
${meta('property', 'og:site_name', outlet.name)}
${meta('property', 'og:url', url)}
${meta('property', 'article:published_time', i.published)}
${meta('property', 'article:section', i.section)}
${i.tags.map((t) => meta('property', 'article:tag', t)).join('\n')}
<script type="application/ld+json">${jsonForScript(ld)}</script>
<style>body{font-family:Georgia,serif;max-width:46rem;margin:0 auto;padding:1rem}.note{background:#fff3bf;padding:.5rem}</style>
</head>
<body>
<p class="note" role="note">${escapeHtml(LOCAL_FEED_NOTE)}</p>
<header class="masthead"><a href="${escapeHtml(site)}/">${escapeHtml(outlet.name)}</a>
<nav aria-label="Sections"><ul><li><a href="${escapeHtml(site)}/world">World</a></li><li><a href="${escapeHtml(site)}/region">Region</a></li><li><a href="${escapeHtml(site)}/business">Business</a></li></ul></nav></header>
<main id="main">
<article class="story">
<h1 class="headline">${escapeHtml(i.headline)}</h1>
<p class="standfirst">${escapeHtml(i.dek)}</p>
<p class="byline">By <span class="author">${escapeHtml(i.authors.join(' and '))}</span> · <time datetime="${escapeHtml(i.published)}">${escapeHtml(i.published.slice(0, 10))}</time></p>
<div class="story-body">
${i.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
</div>
</article>
<aside class="related"><h2>More from ${escapeHtml(outlet.name)}</h2><ul><li><a href="${escapeHtml(site)}/world">Regional news</a></li></ul></aside>
</main>
<footer><p>© ${escapeHtml(outlet.name)} (fictional). ${escapeHtml(LOCAL_FEED_NOTE)}</p></footer>
</body>
</html>
`;
}

/** Starts the feed server on 127.0.0.1 (an ephemeral port). */
export async function startLocalFeedServer(options: LocalFeedServerOptions = {}): Promise<LocalFeedServer> {
  const pageOrigin = options.pageOrigin ?? defaultPageOrigin;
  const log: string[] = [];
  let port = 0;
  const feedUrl = (outletId: string): string => {
    const outlet = LOCAL_FEED_OUTLETS.find((o) => o.id === outletId);
    if (!outlet) throw new Error(`Unknown local feed outlet: ${outletId}`);
    return `http://127.0.0.1:${port}/feeds/${outlet.id}.${FEED_EXT[outlet.format]}`;
  };
  const pageUrl = (outletId: string): string => {
    const outlet = LOCAL_FEED_OUTLETS.find((o) => o.id === outletId);
    if (!outlet) throw new Error(`Unknown local feed outlet: ${outletId}`);
    return pageOrigin(outlet.id, port) + pagePath(outlet.item);
  };
  const handle = (req: IncomingMessage, res: ServerResponse): number => {
    const send = (status: number, type: string, body: string | Buffer): number => {
      const buf = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
      res.writeHead(status, { 'Content-Type': type, 'Content-Length': String(buf.length), 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
      res.end(req.method === 'HEAD' ? undefined : buf);
      return status;
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'text/plain; charset=utf-8', 'Method not allowed');
    const host = (req.headers.host ?? '').toLowerCase();
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    for (const outlet of LOCAL_FEED_OUTLETS) {
      if (host === `127.0.0.1:${port}` && path === new URL(feedUrl(outlet.id)).pathname) {
        const site = pageOrigin(outlet.id, port);
        const link = pageUrl(outlet.id);
        const body = outlet.format === 'rss' ? rssFeed(outlet, site, feedUrl(outlet.id), link) : outlet.format === 'atom' ? atomFeed(outlet, site, feedUrl(outlet.id), link) : jsonFeed(outlet, site, feedUrl(outlet.id), link);
        return send(200, FEED_TYPE[outlet.format], body);
      }
      const page = new URL(pageUrl(outlet.id));
      if (host === page.host && path === page.pathname) {
        const html = renderLocalArticlePage(outlet, page.href);
        // A legacy page says its charset in the markup only.
        const [type, body] = outlet.pageEncoding === 'windows-1252' ? ['text/html', encodeWindows1252(html)] : ['text/html; charset=utf-8', html];
        if (!options.pageDelayMs) return send(200, type, body);
        setTimeout(() => send(200, type, body), options.pageDelayMs);
        return 200;
      }
    }
    return send(404, 'text/html; charset=utf-8', '<!doctype html><title>Not found</title><h1>Not found</h1>');
  };
  const server = createServer((req, res) => {
    let status = 500;
    try {
      status = handle(req, res);
    } catch (error) {
      if (!res.headersSent) res.writeHead(500).end();
      console.error('local feed server:', error);
    }
    log.push(`${req.method} ${req.headers.host ?? ''} ${req.url ?? ''} ${status}`);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const outlets: Outlet[] = LOCAL_FEED_OUTLETS.map((o) => ({
    id: o.id,
    name: o.name,
    domains: [new URL(pageOrigin(o.id, port)).hostname],
    country: o.country,
    language: 'en',
    ownership: o.ownership,
    stateAffiliated: false,
    feeds: [feedUrl(o.id)],
  }));
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    feedUrl,
    pageUrl,
    outlets,
    log,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
