// Event (d): a story about the same two countries that has nothing to do with the talks: a junior
// cricket match in Sharjah. Matching must keep it out of the talks' trail. Written for the demo.
import type { DemoArticle } from '../types';

const base = { event: 'unrelated', story: 'junior-cricket' } as const;

export const unrelatedArticles: DemoArticle[] = [
  {
    ...base,
    id: 'pakistan-under-19-beat-afghanistan-sharjah-opener',
    outletId: 'indus-ledger',
    section: 'Sport',
    headline: "Pakistan Under-19s beat Afghanistan by 34 runs in Sharjah tri-series opener",
    dek: "Left-arm spinner Hasan Mirza takes four wickets after a century by opener Zain Abbas sets up a total of 271.",
    summary: "Pakistan's Under-19 side beat Afghanistan Under-19 by 34 runs in the opening match of a junior tri-series in Sharjah, with a century from Zain Abbas and four wickets for Hasan Mirza.",
    authors: ['Faraz Hussain'],
    published: '2025-10-22T23:10:00+05:00',
    tags: ['Cricket', 'Under-19', 'Sharjah', 'tri-series'],
    paragraphs: [
      "SHARJAH: A composed century from opener Zain Abbas and four wickets from left-arm spinner Hasan Mirza gave Pakistan Under-19s a 34-run win over Afghanistan Under-19s in the opening match of the junior tri-series at Sharjah Cricket Stadium on Wednesday.",
      "Put in to bat on a dry surface, Pakistan recovered from 48 for three in the 12th over. Abbas, 18, added 117 for the fourth wicket with captain Rehan Akhtar (52) before falling for 108 off 121 balls, with nine fours and three sixes.",
      "“The ball was gripping and the outfield was slow, so we decided to bat deep and take the spinners on only late,” Abbas said after receiving the player-of-the-match award.",
      "Afghanistan's chase was built around Noorullah Safi, who made a fluent 77, but Mirza removed him with an arm ball in the 36th over and then ran through the lower order to finish with four for 41. Afghanistan were bowled out for 237 in the 48th over.",
      "Afghanistan's fast bowler Samiullah Zadran was the pick of their attack with three for 45, including the wicket of Abbas.",
      "“We were in the game until the 40th over. Our young players will learn more from this defeat than from an easy win,” Afghanistan Under-19 coach Rahmat Shinwari said.",
      "Pakistan meet the hosts, the United Arab Emirates Under-19s, on Friday, with Afghanistan playing the UAE on Sunday. The tri-series is part of the teams' preparation for the Under-19 World Cup early next year.",
    ],
  },
  {
    ...base,
    id: 'afghanistan-under-19-fall-short-against-pakistan',
    outletId: 'lapis-tv',
    section: 'Sports',
    headline: "Afghanistan Under-19 fall short against Pakistan despite Safi's 77",
    dek: "The young Afghan side lose by 34 runs in Sharjah after a late collapse against spin.",
    summary: "Afghanistan's Under-19 team lost to Pakistan by 34 runs in the first match of the Sharjah tri-series; Noorullah Safi top-scored with 77.",
    authors: ['Lapis Valley Television sports desk'],
    published: '2025-10-22T22:40:00+04:30',
    tags: ['Cricket', 'Afghanistan Under-19', 'Sharjah'],
    paragraphs: [
      "Afghanistan's Under-19 cricket team lost by 34 runs to Pakistan in the opening match of the tri-series in Sharjah on Wednesday, as a late collapse against left-arm spin undid a fine innings by Noorullah Safi.",
      "Chasing 272, Afghanistan were 189 for four in the 36th over when Safi, who hit eight fours and two sixes in his 77, was bowled by Hasan Mirza. The last six wickets fell for 48 runs.",
      "“Noorullah batted beautifully. If one more batter had stayed with him we would have won,” coach Rahmat Shinwari told Lapis Valley Television after the match.",
      "Samiullah Zadran took three wickets for Afghanistan and dismissed Pakistan's centurion Zain Abbas with a sharp bouncer in the 44th over.",
      "Earlier, Afghanistan's bowlers had kept Pakistan quiet in the first powerplay. Medium-pacer Wafiullah Tarakhil conceded only 19 runs in his first six overs, and the fielders saved several boundaries on a slow outfield, before Abbas and Akhtar rebuilt the innings.",
      "Afghan fans in Sharjah, many of them workers in the United Arab Emirates, filled one stand of the stadium and cheered every boundary.",
      "Afghanistan play the hosts, the UAE Under-19s, on Sunday. The series is part of the preparation for the Under-19 World Cup.",
    ],
  },
];
