// Gold labels for quote extraction on the demo articles: every quotation, the paragraph it opens
// in, its first words and whom the text attributes it to (a name in full, or the description the
// text gives: "an unnamed source"). Checked against the article text in tests/unit/demo.

export interface ExpectedQuote {
  paragraph: number;
  /** The first words of the quoted text, verbatim. */
  starts: string;
  speaker: string;
  /** The second paragraph of a multi-paragraph quote (opens without a closing mark before it). */
  continues?: boolean;
}

export const expectedQuotes: Record<string, ExpectedQuote[]> = {
  'pakistan-afghanistan-forces-clash-along-border': [
    { paragraph: 3, speaker: 'a Pakistani security official', starts: 'The attacks were unprovoked, and' },
    { paragraph: 4, speaker: 'A spokesman for the Taliban administration', starts: 'If the other side violates' },
  ],
  'army-repulses-afghan-attacks-border-posts': [{ paragraph: 2, speaker: 'Khawaja Asif', starts: 'Pakistan will not tolerate the' }],
  'fresh-clashes-spin-boldak-48-hour-truce': [
    { paragraph: 2, speaker: 'Hajji Abdul Wahid', starts: 'We were at home when' },
    { paragraph: 3, speaker: 'The spokesman of the Islamic Emirate', starts: 'at the request and insistence' },
  ],
  'tehran-urges-restraint-pakistan-afghanistan-border-clashes': [
    { paragraph: 2, speaker: 'Hossein Karimzadeh', starts: 'The Islamic Republic is concerned' },
    { paragraph: 5, speaker: 'Abdolmajid Rigi', starts: 'Drivers who used to go' },
  ],
  'pakistan-afghanistan-delegations-meet-doha': [
    { paragraph: 3, speaker: 'Majed bin Saad Al-Harthy', starts: 'Our priority is that the' },
    { paragraph: 5, speaker: 'Amina Farooqui', starts: 'The talks will not be' },
  ],
  'pakistan-afghanistan-agree-ceasefire-doha': [{ paragraph: 5, speaker: 'Harriet Lowe', starts: 'A ceasefire signed in Doha' }],
  'islamic-emirate-pakistan-agree-ceasefire-doha': [
    { paragraph: 2, speaker: 'the spokesman of the Islamic Emirate', starts: 'The Islamic Emirate has always' },
    { paragraph: 3, speaker: 'Mohammad Nabi', starts: 'We buried our neighbours yesterday.' },
    { paragraph: 4, speaker: 'Zarmina Hotak', starts: 'Kabul has said clearly that' },
  ],
  'afghanistan-pakistan-ceasefire-doha-istanbul-next': [
    { paragraph: 2, speaker: 'the spokesman of the Islamic Emirate', starts: 'Both countries will not carry' },
    { paragraph: 4, speaker: 'Gul Agha', starts: 'We only want peace so' },
  ],
  'doha-ceasefire-truce-hinges-on-ttp': [
    { paragraph: 1, speaker: 'Khawaja Asif', starts: 'The terrorism coming from Afghan' },
    { paragraph: 3, speaker: 'A senior security official', starts: 'We have given them names' },
  ],
  'iran-welcomes-pakistan-afghanistan-ceasefire-doha': [
    { paragraph: 2, speaker: 'Hossein Karimzadeh', starts: 'We welcome any step that' },
    { paragraph: 5, speaker: 'Mahmoud Shahbakhsh', starts: 'If the Pakistani border opens' },
    { paragraph: 6, speaker: 'Leila Sadeghi', starts: 'A ceasefire between two governments' },
  ],
  'pakistan-under-19-beat-afghanistan-sharjah-opener': [
    { paragraph: 2, speaker: 'Zain Abbas', starts: 'The ball was gripping and' },
    { paragraph: 5, speaker: 'Rahmat Shinwari', starts: 'We were in the game' },
  ],
  'afghanistan-under-19-fall-short-against-pakistan': [{ paragraph: 2, speaker: 'Rahmat Shinwari', starts: 'Noorullah batted beautifully. If one' }],
  'pakistan-afghanistan-talks-istanbul-no-agreement': [
    { paragraph: 3, speaker: "Pakistan's information ministry", starts: 'The Afghan side kept deviating' },
    { paragraph: 3, speaker: "Pakistan's information ministry", starts: 'accepted by the hosts.' },
    { paragraph: 4, speaker: 'a member of the Afghan delegation', starts: 'We came with goodwill and' },
    { paragraph: 5, speaker: "Qatar's Ministry of Foreign Affairs", starts: 'appreciates the constructive engagement of' },
    { paragraph: 6, speaker: 'Amina Farooqui', starts: 'Nobody walked out and nobody' },
  ],
  'pakistani-delegation-lacked-coordination-source': [
    { paragraph: 1, speaker: 'an unnamed source', starts: 'The Pakistani delegation was not' },
    { paragraph: 3, speaker: 'an unnamed source', starts: 'The Afghan side agreed to' },
    { paragraph: 4, speaker: "Pakistan's Foreign Office", starts: 'logical and evidence-based' },
    { paragraph: 6, speaker: 'Fahim Rahmani', starts: 'Neither side can be seen' },
    { paragraph: 7, speaker: 'A spokesman', starts: 'continue to act with patience' },
  ],
  'pakistan-afghanistan-istanbul-talks-end-without-deal': [
    { paragraph: 3, speaker: 'a Pakistani security official', starts: 'There is no agreement. The' },
    { paragraph: 4, speaker: 'A spokesman for the Taliban administration', starts: 'We want good relations with' },
  ],
  'istanbul-talks-stall-pakistan-new-demands': [
    { paragraph: 2, speaker: 'Abdul Basir Sadiqi', starts: 'Even the mediators were taken' },
    { paragraph: 3, speaker: 'Abdul Basir Sadiqi', starts: "Pakistan's security problems are inside" },
    { paragraph: 5, speaker: 'Naqibullah', starts: 'Every day the gate stays' },
  ],
  'turkiye-qatar-keep-channels-open-istanbul': [
    { paragraph: 2, speaker: 'Selin Aydoğdu', starts: "Türkiye's mediation, together with our" },
    { paragraph: 5, speaker: 'a Turkish diplomat', starts: 'No one should read the' },
  ],
  'pak-afghan-talks-collapse-regional-security': [
    { paragraph: 2, speaker: 'Rohan Mehta', starts: 'The collapse of the Istanbul' },
    { paragraph: 5, speaker: 'an official', starts: 'India has always stood for' },
  ],
  'istanbul-talks-end-without-deal-ttp-guarantees': [
    { paragraph: 2, speaker: 'Khawaja Asif', starts: 'We did not travel to' },
    { paragraph: 3, speaker: 'Khawaja Asif', starts: 'Our position has not changed' },
    { paragraph: 4, speaker: 'Khawaja Asif', starts: 'We are not asking Kabul', continues: true },
    { paragraph: 6, speaker: 'Hamidullah Rasuli', starts: 'demands that belong to Pakistan' },
  ],
};
