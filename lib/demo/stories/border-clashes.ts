// Event (a): border clashes between Pakistan and Afghanistan, Oct 9–15, 2025. Written for the
// demo; figures and quotes are invented approximations, not reports.
import type { DemoArticle } from '../types';

const base = { event: 'border-clashes', story: 'pak-afghan-talks' } as const;

export const borderClashArticles: DemoArticle[] = [
  {
    ...base,
    id: 'pakistan-afghanistan-forces-clash-along-border',
    outletId: 'meridian-wire',
    section: 'Asia Pacific',
    headline: "Pakistan and Afghan forces clash along border in heaviest fighting in years",
    dek: "Both sides report casualties after overnight exchanges of fire at several border posts; Kabul accuses Islamabad of air strikes earlier in the week.",
    summary: "Pakistani and Afghan Taliban forces exchanged heavy fire at several points along their border overnight, each side reporting casualties, days after Kabul accused Pakistan of air strikes.",
    authors: ['Meera Raman'],
    published: '2025-10-12T08:05:00+00:00',
    tags: ['Pakistan', 'Afghanistan', 'Border', 'Taliban'],
    paragraphs: [
      "ISLAMABAD/KABUL, Oct 12 (Meridian Wire) - Pakistani and Afghan Taliban forces exchanged heavy fire at several points along their shared border overnight, officials on both sides said on Sunday, in the most serious fighting between the neighbours in years.",
      "The Taliban government said its forces had launched what it called retaliatory operations against Pakistani posts after explosions in Kabul and in the eastern province of Paktika earlier in the week, which it blamed on Pakistani air strikes. Islamabad has not confirmed carrying out any strikes.",
      "Pakistan's military said more than 20 of its soldiers were killed and that its forces had destroyed several Afghan posts and killed many fighters. The figures could not be independently verified.",
      "“The attacks were unprovoked, and they were answered,” a Pakistani security official said, speaking on condition of anonymity.",
      "A spokesman for the Taliban administration said the operations had ended at midnight at the request of Qatar and Saudi Arabia. “If the other side violates our territory again, our forces are ready to defend it,” he said in a statement.",
      "Fighting was reported near the Torkham and Chaman crossings, the main trade routes between the two countries, as well as in the Kurram and Bajaur areas. Both crossings were closed on Sunday, traders said.",
      "Pakistan says the Tehreek-e-Taliban Pakistan (TTP), a militant group allied with but separate from the Afghan Taliban, uses Afghan territory to plan attacks inside Pakistan. Kabul denies the charge.",
      "Diplomats in the region said Qatar, Saudi Arabia and Turkey had been in contact with both governments to prevent further escalation.",
    ],
  },
  {
    ...base,
    id: 'army-repulses-afghan-attacks-border-posts',
    outletId: 'indus-ledger',
    section: 'Pakistan',
    headline: "Army repulses 'unprovoked' Afghan attacks on border posts",
    dek: "Security forces respond along several sectors after Afghan Taliban fighters open fire; officials say posts used by militants were destroyed.",
    summary: "Security forces responded to attacks by Afghan Taliban fighters on border posts along several sectors overnight, officials said; crossings at Torkham and Chaman are closed.",
    authors: ['Imran Baloch'],
    published: '2025-10-12T18:00:00+05:00',
    tags: ['Pakistan Army', 'Afghanistan', 'border', 'TTP'],
    paragraphs: [
      "PESHAWAR: Security forces repulsed what officials called unprovoked attacks by Afghan Taliban fighters on border posts in several sectors overnight, destroying positions that were used by militants to infiltrate into Pakistan, according to the military's media wing.",
      "The military said the attacks began late on Saturday at multiple points along the border in Khyber Pakhtunkhwa and Balochistan, and that Pakistani troops responded with artillery and small arms. More than 20 soldiers were martyred in the exchanges, it said.",
      "“Pakistan will not tolerate the use of Afghan soil for terrorism against its people. Every post from which our soldiers were fired on has been answered,” Defence Minister Khawaja Asif said in a statement.",
      "Officials said the fighting was concentrated near Angoor Adda, Bajaur, Kurram, Dir and Chaman. Residents of border villages in Kurram said shells had landed near homes, and several families had moved to relatives further from the border.",
      "The Torkham and Chaman crossings were closed on Sunday, leaving long lines of trucks on the Pakistani side.",
      "Islamabad has for months asked Kabul to act against the banned Tehreek-e-Taliban Pakistan, which it says carries out attacks from sanctuaries in Afghanistan. The Afghan Taliban deny sheltering the group.",
      "Foreign Office officials said Pakistan had been in touch with friendly countries, including Qatar and Saudi Arabia, which had urged restraint.",
    ],
  },
  {
    ...base,
    id: 'fresh-clashes-spin-boldak-48-hour-truce',
    outletId: 'oxus-dispatch',
    section: 'Security',
    headline: "Fresh clashes in Spin Boldak before 48-hour truce is announced",
    dek: "Residents report civilian casualties in the border district; the Islamic Emirate and Pakistan agree to a temporary ceasefire at Pakistan's request, Kabul says.",
    summary: "Fighting resumed in Spin Boldak district of Kandahar, with civilian casualties reported, before a 48-hour ceasefire between Afghanistan and Pakistan was announced on Wednesday.",
    authors: ['Oxus Dispatch staff'],
    published: '2025-10-15T21:30:00+04:30',
    tags: ['Spin Boldak', 'Kandahar', 'Pakistan', 'ceasefire'],
    paragraphs: [
      "KANDAHAR (Oxus Dispatch) — Fresh clashes broke out between Afghan and Pakistani forces in Spin Boldak district of Kandahar province early on Wednesday, local officials said, before the two sides announced a 48-hour ceasefire in the evening.",
      "Residents of Spin Boldak said mortar shells hit houses near the main bazaar. A local health official told Oxus Dispatch that at least a dozen civilians had been killed and dozens more wounded and brought to the district hospital.",
      "“We were at home when the shelling started. Children were crying, and we ran towards the hills,” said Hajji Abdul Wahid, a shopkeeper in Spin Boldak.",
      "The spokesman of the Islamic Emirate said in a statement that the ceasefire had been agreed “at the request and insistence of the Pakistani side” and that Afghan forces would respect it as long as it was not violated.",
      "Pakistan said the temporary truce had been agreed at the request of the Afghan Taliban, according to a statement from its foreign office.",
      "The Spin Boldak–Chaman crossing, one of the busiest between the two countries, has remained closed since the weekend, and traders said goods worth millions of afghanis were stuck on both sides.",
      "The clashes were the latest since Saturday night, when fighting broke out at several points along the Durand Line after explosions in Kabul and Paktika that the Islamic Emirate blamed on Pakistan.",
    ],
  },
];
