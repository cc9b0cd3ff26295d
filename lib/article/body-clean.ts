// Leftovers Readability keeps inside an article body: share prompts, ad labels, photo credits,
// "Read more" and related-link lines, newsletter prompts. A paragraph goes only when all of it is
// such a leftover; body sentences that merely mention these words stay.

/** Paragraphs longer than this are prose, whatever words they contain. */
const MAX_LEFTOVER_CHARS = 160;

const LEFTOVER = [
  /^(advertisement|advertising|ad|sponsored( content)?|story continues below( advertisement)?|continue reading( below)?|scroll to continue.*)$/i,
  /^(share|share this( article| story| page)?|share on \w+|tweet|email|print|comments?|\d+ comments?|save|copy link|link copied)$/i,
  /^(read more|see more|show more|more:?|related( articles| stories| content| coverage| links)?:?|recommended( for you)?|trending( now)?|most popular|you may also like.*|more (from|on|in) .{0,60})$/i,
  /^(sign up|subscribe|get (our|the) .{0,40}newsletter|follow us|join us|click here|download (our|the) app).{0,120}$/i,
  /^\(?((photo|image|picture|video|graphic|illustration)s?( credit)?|credit|source|foto|bild)\s*:.{0,120}$/i,
  /^(image|photo) (source|copyright|caption).{0,120}$/i,
  /^(getty images|ap photo|reuters|afp|epa|shutterstock)([/ ].{0,80})?$/i,
  /^(©|\(c\)|copyright\b).{0,120}$/i,
  /^(by\s+[^.]{2,60}\s*[-–—|,]\s*)?(updated|posted|published|last updated|first published|modified)\b.{0,100}$/i,
  /^(citation|this (document|article|story|material) (is subject to|may not be)|have a (news )?tip|get the latest|all rights reserved).{0,300}$/i,
  /^\d{1,3}$/,
];

export function isLeftover(paragraph: string): boolean {
  if (paragraph.length > MAX_LEFTOVER_CHARS) return false;
  const text = paragraph.replace(/^[\s\-–—•|:>»]+|[\s\-–—•|:>»]+$/g, '');
  if (text.length === 0) return true;
  return LEFTOVER.some((pattern) => pattern.test(text));
}

export function cleanParagraphs(paragraphs: string[]): string[] {
  return paragraphs.filter((p) => !isLeftover(p));
}
