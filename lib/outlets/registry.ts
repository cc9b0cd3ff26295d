// The default outlet registry: what a fresh install knows about, before the reader edits it.
// Facts only. `ownership` is who owns the outlet (not how it is funded day to day);
// `stateAffiliated` is true where a government owns or controls it editorially (state agencies,
// state-run broadcasters), false for public broadcasters with statutory independence.
// `lean` appears only where a public rating exists and we are confident of it, with its source.
// `feeds` lists only public RSS/Atom URLs the outlet is widely known to publish; an empty list
// means none we could vouch for (the reader can add one). Feeds change: the options page shows
// each feed's last error, and a dead URL costs one failed request per backoff step.
import type { Outlet } from '../types';

/** AllSides rates the news (not opinion) side of these outlets; see allsides.com/media-bias. */
const ALLSIDES = 'AllSides Media Bias Rating';

export const DEFAULT_OUTLETS: readonly Outlet[] = [
  // ── International wires ──────────────────────────────────────────────────────────────────
  { id: 'reuters', name: 'Reuters', domains: ['reuters.com'], country: 'INT', language: 'en', ownership: 'private', stateAffiliated: false,
    lean: { value: 'center', source: ALLSIDES }, feeds: [] }, // public RSS discontinued in 2020
  { id: 'ap', name: 'Associated Press', domains: ['apnews.com', 'ap.org'], country: 'INT', language: 'en', ownership: 'cooperative', stateAffiliated: false, feeds: [] },
  // AFP is an autonomous public-law entity under French statute, not a state agency.
  { id: 'afp', name: 'Agence France-Presse', domains: ['afp.com'], country: 'INT', language: 'fr', ownership: 'public-broadcaster', stateAffiliated: false, feeds: [] },

  // ── Pakistan ─────────────────────────────────────────────────────────────────────────────
  { id: 'dawn', name: 'Dawn', domains: ['dawn.com'], country: 'PK', language: 'en', ownership: 'private', stateAffiliated: false,
    feeds: ['https://www.dawn.com/feeds/home', 'https://www.dawn.com/feeds/pakistan'] },
  { id: 'express-tribune', name: 'The Express Tribune', domains: ['tribune.com.pk'], country: 'PK', language: 'en', ownership: 'private', stateAffiliated: false,
    feeds: ['https://tribune.com.pk/feed/home', 'https://tribune.com.pk/feed/pakistan'] },
  { id: 'geo-news', name: 'Geo News', domains: ['geo.tv'], country: 'PK', language: 'en', ownership: 'private', stateAffiliated: false,
    feeds: ['https://www.geo.tv/rss/1/1'] },
  { id: 'the-news-pk', name: 'The News International', domains: ['thenews.com.pk'], country: 'PK', language: 'en', ownership: 'private', stateAffiliated: false,
    feeds: ['https://www.thenews.com.pk/rss/1/1'] },
  { id: 'jang', name: 'Daily Jang', domains: ['jang.com.pk'], country: 'PK', language: 'ur', ownership: 'private', stateAffiliated: false, feeds: [] },
  { id: 'app-pk', name: 'Associated Press of Pakistan', domains: ['app.com.pk'], country: 'PK', language: 'en', ownership: 'state-owned', stateAffiliated: true, feeds: [] },
  { id: 'radio-pakistan', name: 'Radio Pakistan', domains: ['radio.gov.pk'], country: 'PK', language: 'en', ownership: 'state-owned', stateAffiliated: true, feeds: [] },

  // ── Afghanistan ──────────────────────────────────────────────────────────────────────────
  { id: 'tolonews', name: 'TOLOnews', domains: ['tolonews.com'], country: 'AF', language: 'en', ownership: 'private', stateAffiliated: false,
    feeds: ['https://tolonews.com/rss.xml'] },
  { id: 'pajhwok', name: 'Pajhwok Afghan News', domains: ['pajhwok.com'], country: 'AF', language: 'en', ownership: 'private', stateAffiliated: false,
    feeds: ['https://pajhwok.com/en/feed/'] },
  { id: 'ariana-news', name: 'Ariana News', domains: ['ariananews.af'], country: 'AF', language: 'en', ownership: 'private', stateAffiliated: false,
    feeds: ['https://www.ariananews.af/feed/'] },
  { id: 'khaama-press', name: 'Khaama Press', domains: ['khaama.com'], country: 'AF', language: 'en', ownership: 'private', stateAffiliated: false,
    feeds: ['https://www.khaama.com/feed/'] },
  // Amu TV reports on Afghanistan from exile; its ownership structure is not public enough to label.
  { id: 'amu-tv', name: 'Amu TV', domains: ['amu.tv'], country: 'AF', language: 'en', ownership: 'unknown', stateAffiliated: false,
    feeds: ['https://amu.tv/feed/'] },

  // ── India ────────────────────────────────────────────────────────────────────────────────
  // PTI is a not-for-profit cooperative owned by Indian newspapers.
  { id: 'pti', name: 'Press Trust of India', domains: ['ptinews.com'], country: 'IN', language: 'en', ownership: 'cooperative', stateAffiliated: false, feeds: [] },
  { id: 'ani', name: 'ANI', domains: ['aninews.in'], country: 'IN', language: 'en', ownership: 'private', stateAffiliated: false, feeds: [] },
  { id: 'the-hindu', name: 'The Hindu', domains: ['thehindu.com'], country: 'IN', language: 'en', ownership: 'private', stateAffiliated: false,
    feeds: ['https://www.thehindu.com/news/international/feeder/default.rss', 'https://www.thehindu.com/news/national/feeder/default.rss'] },
  { id: 'ndtv', name: 'NDTV', domains: ['ndtv.com'], country: 'IN', language: 'en', ownership: 'private', stateAffiliated: false,
    feeds: ['https://feeds.feedburner.com/ndtvnews-world-news', 'https://feeds.feedburner.com/ndtvnews-top-stories'] },
  { id: 'times-of-india', name: 'The Times of India', domains: ['timesofindia.indiatimes.com'], country: 'IN', language: 'en', ownership: 'private', stateAffiliated: false,
    feeds: ['https://timesofindia.indiatimes.com/rssfeedstopstories.cms'] },
  { id: 'indian-express', name: 'The Indian Express', domains: ['indianexpress.com'], country: 'IN', language: 'en', ownership: 'private', stateAffiliated: false,
    feeds: ['https://indianexpress.com/feed/'] },
  { id: 'hindustan-times', name: 'Hindustan Times', domains: ['hindustantimes.com'], country: 'IN', language: 'en', ownership: 'private', stateAffiliated: false,
    feeds: ['https://www.hindustantimes.com/feeds/rss/world-news/rssfeed.xml'] },

  // ── Qatar and the Gulf ───────────────────────────────────────────────────────────────────
  { id: 'al-jazeera', name: 'Al Jazeera English', domains: ['aljazeera.com'], country: 'QA', language: 'en', ownership: 'state-owned', stateAffiliated: true,
    feeds: ['https://www.aljazeera.com/xml/rss/all.xml'] },
  { id: 'al-jazeera-arabic', name: 'Al Jazeera (Arabic)', domains: ['aljazeera.net'], country: 'QA', language: 'ar', ownership: 'state-owned', stateAffiliated: true, feeds: [] },
  { id: 'qna', name: 'Qatar News Agency', domains: ['qna.org.qa'], country: 'QA', language: 'ar', ownership: 'state-owned', stateAffiliated: true, feeds: [] },
  { id: 'the-peninsula', name: 'The Peninsula', domains: ['thepeninsulaqatar.com'], country: 'QA', language: 'en', ownership: 'private', stateAffiliated: false, feeds: [] },
  { id: 'gulf-times', name: 'Gulf Times', domains: ['gulf-times.com'], country: 'QA', language: 'en', ownership: 'private', stateAffiliated: false, feeds: [] },
  { id: 'arab-news', name: 'Arab News', domains: ['arabnews.com'], country: 'SA', language: 'en', ownership: 'private', stateAffiliated: false,
    feeds: ['https://www.arabnews.com/rss.xml'] },
  { id: 'the-national', name: 'The National', domains: ['thenationalnews.com'], country: 'AE', language: 'en', ownership: 'private', stateAffiliated: false, feeds: [] },

  // ── Türkiye ──────────────────────────────────────────────────────────────────────────────
  { id: 'anadolu', name: 'Anadolu Agency', domains: ['aa.com.tr'], country: 'TR', language: 'en', ownership: 'state-owned', stateAffiliated: true,
    feeds: ['https://www.aa.com.tr/en/rss/default?cat=guncel'] },
  { id: 'daily-sabah', name: 'Daily Sabah', domains: ['dailysabah.com'], country: 'TR', language: 'en', ownership: 'private', stateAffiliated: false, feeds: [] },
  // TRT is Türkiye's public broadcaster, funded and overseen by the state.
  { id: 'trt-world', name: 'TRT World', domains: ['trtworld.com'], country: 'TR', language: 'en', ownership: 'public-broadcaster', stateAffiliated: true, feeds: [] },
  { id: 'hurriyet-daily-news', name: 'Hürriyet Daily News', domains: ['hurriyetdailynews.com'], country: 'TR', language: 'en', ownership: 'private', stateAffiliated: false,
    feeds: ['https://www.hurriyetdailynews.com/rss'] },
  { id: 'hurriyet', name: 'Hürriyet', domains: ['hurriyet.com.tr'], country: 'TR', language: 'tr', ownership: 'private', stateAffiliated: false, feeds: [] },
  { id: 'bianet', name: 'Bianet', domains: ['bianet.org'], country: 'TR', language: 'tr', ownership: 'nonprofit', stateAffiliated: false, feeds: [] },

  // ── Middle East, Iran ────────────────────────────────────────────────────────────────────
  { id: 'times-of-israel', name: 'The Times of Israel', domains: ['timesofisrael.com'], country: 'IL', language: 'en', ownership: 'private', stateAffiliated: false,
    feeds: ['https://www.timesofisrael.com/feed/'] },
  { id: 'haaretz', name: 'Haaretz', domains: ['haaretz.com', 'haaretz.co.il'], country: 'IL', language: 'en', ownership: 'private', stateAffiliated: false, feeds: [] },
  { id: 'irna', name: 'IRNA', domains: ['irna.ir'], country: 'IR', language: 'fa', ownership: 'state-owned', stateAffiliated: true, feeds: [] },

  // ── East and South-East Asia, South Asia ─────────────────────────────────────────────────
  { id: 'xinhua', name: 'Xinhua', domains: ['news.cn', 'xinhuanet.com'], country: 'CN', language: 'en', ownership: 'state-owned', stateAffiliated: true, feeds: [] },
  { id: 'china-daily', name: 'China Daily', domains: ['chinadaily.com.cn'], country: 'CN', language: 'en', ownership: 'state-owned', stateAffiliated: true,
    feeds: ['http://www.chinadaily.com.cn/rss/world_rss.xml'] },
  { id: 'cgtn', name: 'CGTN', domains: ['cgtn.com'], country: 'CN', language: 'en', ownership: 'state-owned', stateAffiliated: true, feeds: [] },
  { id: 'scmp', name: 'South China Morning Post', domains: ['scmp.com'], country: 'HK', language: 'en', ownership: 'private', stateAffiliated: false,
    feeds: ['https://www.scmp.com/rss/91/feed'] },
  { id: 'japan-times', name: 'The Japan Times', domains: ['japantimes.co.jp'], country: 'JP', language: 'en', ownership: 'private', stateAffiliated: false,
    feeds: ['https://www.japantimes.co.jp/feed/'] },
  { id: 'nhk', name: 'NHK', domains: ['nhk.or.jp'], country: 'JP', language: 'ja', ownership: 'public-broadcaster', stateAffiliated: false, feeds: [] },
  { id: 'kyodo', name: 'Kyodo News', domains: ['kyodonews.net'], country: 'JP', language: 'en', ownership: 'cooperative', stateAffiliated: false, feeds: [] },
  // Yonhap's largest shareholder is a public foundation set up by statute; not a plain category.
  { id: 'yonhap', name: 'Yonhap News Agency', domains: ['yna.co.kr'], country: 'KR', language: 'en', ownership: 'unknown', stateAffiliated: false,
    feeds: ['https://en.yna.co.kr/RSS/news.xml'] },
  { id: 'korea-herald', name: 'The Korea Herald', domains: ['koreaherald.com'], country: 'KR', language: 'en', ownership: 'private', stateAffiliated: false, feeds: [] },
  // Mediacorp, CNA's owner, is held by Temasek, the Singapore state's investment company.
  { id: 'cna', name: 'CNA', domains: ['channelnewsasia.com'], country: 'SG', language: 'en', ownership: 'state-owned', stateAffiliated: true,
    feeds: ['https://www.channelnewsasia.com/rssfeeds/8395986'] },
  // Since 2021 owned by SPH Media Trust, a company limited by guarantee (not for profit).
  { id: 'straits-times', name: 'The Straits Times', domains: ['straitstimes.com'], country: 'SG', language: 'en', ownership: 'nonprofit', stateAffiliated: false,
    feeds: ['https://www.straitstimes.com/news/world/rss.xml'] },
  { id: 'daily-star-bd', name: 'The Daily Star', domains: ['thedailystar.net'], country: 'BD', language: 'en', ownership: 'private', stateAffiliated: false,
    feeds: ['https://www.thedailystar.net/frontpage/rss.xml'] },
  { id: 'kathmandu-post', name: 'The Kathmandu Post', domains: ['kathmandupost.com'], country: 'NP', language: 'en', ownership: 'private', stateAffiliated: false, feeds: [] },
  { id: 'jakarta-post', name: 'The Jakarta Post', domains: ['thejakartapost.com'], country: 'ID', language: 'en', ownership: 'private', stateAffiliated: false, feeds: [] },
  { id: 'rappler', name: 'Rappler', domains: ['rappler.com'], country: 'PH', language: 'en', ownership: 'private', stateAffiliated: false,
    feeds: ['https://www.rappler.com/feed/'] },

  // ── Europe ───────────────────────────────────────────────────────────────────────────────
  { id: 'bbc', name: 'BBC News', domains: ['bbc.co.uk', 'bbc.com'], country: 'GB', language: 'en', ownership: 'public-broadcaster', stateAffiliated: false,
    lean: { value: 'center', source: ALLSIDES },
    feeds: ['https://feeds.bbci.co.uk/news/world/rss.xml', 'https://feeds.bbci.co.uk/news/world/asia/rss.xml'] },
  // Owned by Guardian Media Group, itself owned by the Scott Trust Limited.
  { id: 'guardian', name: 'The Guardian', domains: ['theguardian.com', 'guardian.co.uk'], country: 'GB', language: 'en', ownership: 'private', stateAffiliated: false,
    feeds: ['https://www.theguardian.com/world/rss'] },
  { id: 'financial-times', name: 'Financial Times', domains: ['ft.com'], country: 'GB', language: 'en', ownership: 'private', stateAffiliated: false,
    feeds: ['https://www.ft.com/world?format=rss'] },
  { id: 'economist', name: 'The Economist', domains: ['economist.com'], country: 'GB', language: 'en', ownership: 'private', stateAffiliated: false,
    feeds: ['https://www.economist.com/international/rss.xml'] },
  { id: 'sky-news', name: 'Sky News', domains: ['news.sky.com', 'skynews.com'], country: 'GB', language: 'en', ownership: 'private', stateAffiliated: false,
    feeds: ['https://feeds.skynews.com/feeds/rss/world.xml'] },
  { id: 'independent', name: 'The Independent', domains: ['independent.co.uk'], country: 'GB', language: 'en', ownership: 'private', stateAffiliated: false,
    feeds: ['https://www.independent.co.uk/news/world/rss'] },
  { id: 'dw', name: 'Deutsche Welle', domains: ['dw.com'], country: 'DE', language: 'en', ownership: 'public-broadcaster', stateAffiliated: false,
    feeds: ['https://rss.dw.com/rdf/rss-en-all'] },
  { id: 'spiegel', name: 'Der Spiegel', domains: ['spiegel.de'], country: 'DE', language: 'de', ownership: 'private', stateAffiliated: false,
    feeds: ['https://www.spiegel.de/schlagzeilen/index.rss', 'https://www.spiegel.de/international/index.rss'] },
  { id: 'tagesschau', name: 'tagesschau (ARD)', domains: ['tagesschau.de'], country: 'DE', language: 'de', ownership: 'public-broadcaster', stateAffiliated: false,
    feeds: ['https://www.tagesschau.de/xml/rss2'] },
  { id: 'faz', name: 'Frankfurter Allgemeine Zeitung', domains: ['faz.net'], country: 'DE', language: 'de', ownership: 'private', stateAffiliated: false,
    feeds: ['https://www.faz.net/rss/aktuell/'] },
  // France Médias Monde is the French state's public international broadcaster.
  { id: 'france24', name: 'France 24', domains: ['france24.com'], country: 'FR', language: 'en', ownership: 'public-broadcaster', stateAffiliated: false,
    feeds: ['https://www.france24.com/en/rss'] },
  { id: 'le-monde', name: 'Le Monde', domains: ['lemonde.fr'], country: 'FR', language: 'fr', ownership: 'private', stateAffiliated: false,
    feeds: ['https://www.lemonde.fr/rss/une.xml'] },
  { id: 'le-figaro', name: 'Le Figaro', domains: ['lefigaro.fr'], country: 'FR', language: 'fr', ownership: 'private', stateAffiliated: false,
    feeds: ['https://www.lefigaro.fr/rss/figaro_actualites.xml'] },
  { id: 'el-pais', name: 'El País', domains: ['elpais.com'], country: 'ES', language: 'es', ownership: 'private', stateAffiliated: false,
    feeds: ['https://feeds.elpais.com/mrss-s/pages/ep/site/elpais.com/portada'] },
  // ANSA is a cooperative owned by Italian newspaper publishers.
  { id: 'ansa', name: 'ANSA', domains: ['ansa.it'], country: 'IT', language: 'it', ownership: 'cooperative', stateAffiliated: false,
    feeds: ['https://www.ansa.it/sito/ansait_rss.xml'] },
  { id: 'nos', name: 'NOS', domains: ['nos.nl'], country: 'NL', language: 'nl', ownership: 'public-broadcaster', stateAffiliated: false,
    feeds: ['https://feeds.nos.nl/nosnieuwsalgemeen'] },
  { id: 'rte', name: 'RTÉ News', domains: ['rte.ie'], country: 'IE', language: 'en', ownership: 'public-broadcaster', stateAffiliated: false,
    feeds: ['https://www.rte.ie/feeds/rss/?index=/news/'] },
  { id: 'swissinfo', name: 'SWI swissinfo.ch', domains: ['swissinfo.ch'], country: 'CH', language: 'en', ownership: 'public-broadcaster', stateAffiliated: false, feeds: [] },
  { id: 'tass', name: 'TASS', domains: ['tass.com', 'tass.ru'], country: 'RU', language: 'en', ownership: 'state-owned', stateAffiliated: true,
    feeds: ['https://tass.com/rss/v2.xml'] },
  { id: 'rt', name: 'RT', domains: ['rt.com'], country: 'RU', language: 'en', ownership: 'state-owned', stateAffiliated: true,
    feeds: ['https://www.rt.com/rss/'] },
  // Meduza is a Russian-language outlet registered and based in Riga, Latvia.
  { id: 'meduza', name: 'Meduza', domains: ['meduza.io'], country: 'LV', language: 'ru', ownership: 'private', stateAffiliated: false,
    feeds: ['https://meduza.io/rss/all'] },
  { id: 'kyiv-independent', name: 'The Kyiv Independent', domains: ['kyivindependent.com'], country: 'UA', language: 'en', ownership: 'private', stateAffiliated: false, feeds: [] },
  { id: 'ukrainska-pravda', name: 'Ukrainska Pravda', domains: ['pravda.com.ua'], country: 'UA', language: 'uk', ownership: 'private', stateAffiliated: false, feeds: [] },

  // ── North America ────────────────────────────────────────────────────────────────────────
  { id: 'nytimes', name: 'The New York Times', domains: ['nytimes.com'], country: 'US', language: 'en', ownership: 'private', stateAffiliated: false,
    lean: { value: 'lean-left', source: ALLSIDES },
    feeds: ['https://rss.nytimes.com/services/xml/rss/nyt/World.xml'] },
  { id: 'washington-post', name: 'The Washington Post', domains: ['washingtonpost.com'], country: 'US', language: 'en', ownership: 'private', stateAffiliated: false,
    lean: { value: 'lean-left', source: ALLSIDES },
    feeds: ['https://feeds.washingtonpost.com/rss/world'] },
  { id: 'wsj', name: 'The Wall Street Journal', domains: ['wsj.com'], country: 'US', language: 'en', ownership: 'private', stateAffiliated: false,
    lean: { value: 'center', source: ALLSIDES },
    feeds: ['https://feeds.a.dj.com/rss/RSSWorldNews.xml'] },
  { id: 'fox-news', name: 'Fox News', domains: ['foxnews.com'], country: 'US', language: 'en', ownership: 'private', stateAffiliated: false,
    lean: { value: 'right', source: ALLSIDES },
    feeds: ['https://moxie.foxnews.com/google-publisher/world.xml'] },
  { id: 'cnn', name: 'CNN', domains: ['cnn.com'], country: 'US', language: 'en', ownership: 'private', stateAffiliated: false,
    feeds: ['http://rss.cnn.com/rss/edition_world.rss'] },
  { id: 'npr', name: 'NPR', domains: ['npr.org'], country: 'US', language: 'en', ownership: 'nonprofit', stateAffiliated: false,
    feeds: ['https://feeds.npr.org/1004/rss.xml'] },
  { id: 'bloomberg', name: 'Bloomberg', domains: ['bloomberg.com'], country: 'US', language: 'en', ownership: 'private', stateAffiliated: false, feeds: [] },
  { id: 'cbc', name: 'CBC News', domains: ['cbc.ca'], country: 'CA', language: 'en', ownership: 'public-broadcaster', stateAffiliated: false,
    feeds: ['https://www.cbc.ca/webfeed/rss/rss-world'] },
  { id: 'globe-and-mail', name: 'The Globe and Mail', domains: ['theglobeandmail.com'], country: 'CA', language: 'en', ownership: 'private', stateAffiliated: false, feeds: [] },
  { id: 'el-universal-mx', name: 'El Universal', domains: ['eluniversal.com.mx'], country: 'MX', language: 'es', ownership: 'private', stateAffiliated: false, feeds: [] },

  // ── South America ────────────────────────────────────────────────────────────────────────
  { id: 'folha', name: 'Folha de S.Paulo', domains: ['folha.uol.com.br'], country: 'BR', language: 'pt', ownership: 'private', stateAffiliated: false,
    feeds: ['https://feeds.folha.uol.com.br/emcimadahora/rss091.xml'] },
  { id: 'g1', name: 'g1 (Globo)', domains: ['g1.globo.com'], country: 'BR', language: 'pt', ownership: 'private', stateAffiliated: false,
    feeds: ['https://g1.globo.com/rss/g1/'] },
  // Agência Brasil belongs to EBC, Brazil's federal public communications company.
  { id: 'agencia-brasil', name: 'Agência Brasil', domains: ['agenciabrasil.ebc.com.br'], country: 'BR', language: 'pt', ownership: 'state-owned', stateAffiliated: true,
    feeds: ['https://agenciabrasil.ebc.com.br/rss/ultimasnoticias/feed.xml'] },
  { id: 'clarin', name: 'Clarín', domains: ['clarin.com'], country: 'AR', language: 'es', ownership: 'private', stateAffiliated: false,
    feeds: ['https://www.clarin.com/rss/lo-ultimo/'] },
  { id: 'la-nacion-ar', name: 'La Nación', domains: ['lanacion.com.ar'], country: 'AR', language: 'es', ownership: 'private', stateAffiliated: false, feeds: [] },
  { id: 'el-tiempo', name: 'El Tiempo', domains: ['eltiempo.com'], country: 'CO', language: 'es', ownership: 'private', stateAffiliated: false, feeds: [] },
  { id: 'telesur', name: 'teleSUR', domains: ['telesurtv.net', 'telesurenglish.net'], country: 'VE', language: 'es', ownership: 'state-owned', stateAffiliated: true, feeds: [] },

  // ── Africa ───────────────────────────────────────────────────────────────────────────────
  { id: 'premium-times', name: 'Premium Times', domains: ['premiumtimesng.com'], country: 'NG', language: 'en', ownership: 'private', stateAffiliated: false,
    feeds: ['https://www.premiumtimesng.com/feed'] },
  { id: 'punch', name: 'Punch', domains: ['punchng.com'], country: 'NG', language: 'en', ownership: 'private', stateAffiliated: false,
    feeds: ['https://punchng.com/feed/'] },
  { id: 'news24', name: 'News24', domains: ['news24.com'], country: 'ZA', language: 'en', ownership: 'private', stateAffiliated: false,
    feeds: ['https://feeds.news24.com/articles/news24/TopStories/rss'] },
  { id: 'daily-maverick', name: 'Daily Maverick', domains: ['dailymaverick.co.za'], country: 'ZA', language: 'en', ownership: 'private', stateAffiliated: false,
    feeds: ['https://www.dailymaverick.co.za/dmrss/'] },
  { id: 'mail-guardian', name: 'Mail & Guardian', domains: ['mg.co.za'], country: 'ZA', language: 'en', ownership: 'private', stateAffiliated: false,
    feeds: ['https://mg.co.za/feed/'] },
  { id: 'sabc', name: 'SABC News', domains: ['sabcnews.com'], country: 'ZA', language: 'en', ownership: 'public-broadcaster', stateAffiliated: false, feeds: [] },
  { id: 'nation-ke', name: 'Nation', domains: ['nation.africa'], country: 'KE', language: 'en', ownership: 'private', stateAffiliated: false, feeds: [] },
  { id: 'standard-ke', name: 'The Standard', domains: ['standardmedia.co.ke'], country: 'KE', language: 'en', ownership: 'private', stateAffiliated: false, feeds: [] },
  { id: 'ahram-online', name: 'Ahram Online', domains: ['ahram.org.eg'], country: 'EG', language: 'en', ownership: 'state-owned', stateAffiliated: true, feeds: [] },
  { id: 'mada-masr', name: 'Mada Masr', domains: ['madamasr.com'], country: 'EG', language: 'en', ownership: 'private', stateAffiliated: false, feeds: [] },
  { id: 'addis-standard', name: 'Addis Standard', domains: ['addisstandard.com'], country: 'ET', language: 'en', ownership: 'private', stateAffiliated: false,
    feeds: ['https://addisstandard.com/feed/'] },
  { id: 'myjoyonline', name: 'MyJoyOnline', domains: ['myjoyonline.com'], country: 'GH', language: 'en', ownership: 'private', stateAffiliated: false,
    feeds: ['https://www.myjoyonline.com/feed/'] },
  // Africanews is Euronews's Africa channel, based in Pointe-Noire, Republic of the Congo.
  { id: 'africanews', name: 'Africanews', domains: ['africanews.com'], country: 'CG', language: 'en', ownership: 'private', stateAffiliated: false, feeds: [] },

  // ── Oceania ──────────────────────────────────────────────────────────────────────────────
  { id: 'abc-au', name: 'ABC News (Australia)', domains: ['abc.net.au'], country: 'AU', language: 'en', ownership: 'public-broadcaster', stateAffiliated: false,
    feeds: ['https://www.abc.net.au/news/feed/51120/rss.xml'] },
  { id: 'sbs', name: 'SBS News', domains: ['sbs.com.au'], country: 'AU', language: 'en', ownership: 'public-broadcaster', stateAffiliated: false,
    feeds: ['https://www.sbs.com.au/news/feed'] },
  { id: 'smh', name: 'The Sydney Morning Herald', domains: ['smh.com.au'], country: 'AU', language: 'en', ownership: 'private', stateAffiliated: false,
    feeds: ['https://www.smh.com.au/rss/feed.xml'] },
  { id: 'rnz', name: 'RNZ', domains: ['rnz.co.nz'], country: 'NZ', language: 'en', ownership: 'public-broadcaster', stateAffiliated: false,
    feeds: ['https://www.rnz.co.nz/rss/world.xml'] },
  { id: 'nz-herald', name: 'The New Zealand Herald', domains: ['nzherald.co.nz'], country: 'NZ', language: 'en', ownership: 'private', stateAffiliated: false, feeds: [] },
];
