// Function words that carry no topic, for the languages the default outlets publish in (English
// first; compact lists for French, German and Spanish). Lower-case, NFKC. A term that is a
// stopword in any of these languages is dropped: the lists barely collide on content words.

const ENGLISH = `a about above after again against ago all almost also although always am among an and
another any anyone anything are aren't around as at away back be became because become been before
being below between both but by can can't cannot could couldn't did didn't do does doesn't doing
don't done down during each either else enough even ever every few for from further get gets getting
give given go goes going got had hadn't has hasn't have haven't having he he'd he'll he's her here
here's hers herself him himself his how how's however i i'd i'll i'm i've if in into is isn't it it's
its itself just last least less let let's like likely made make makes many may maybe me might mine
more most mostly much must mustn't my myself near nearly need needs neither never new next no nobody
none nor not nothing now of off often on once one only onto or other others otherwise our ours
ourselves out over own per perhaps put quite rather really said same say saying says see seen several
shall shan't she she'd she'll she's should shouldn't since so some someone something still such than
that that's the their theirs them themselves then there there's these they they'd they'll they're
they've thing things this those though through thus to together too toward towards under until up
upon us use used very via was wasn't way we we'd we'll we're we've well went were weren't what what's
whatever when when's where where's whether which while who who's whom whose why why's will with
within without won't would wouldn't yet you you'd you'll you're you've your yours yourself
yourselves also told tell tells according amid including include includes include just week weeks
day days year years month months time times today yesterday tomorrow monday tuesday wednesday
thursday friday saturday sunday mr mrs ms dr news report reports reported reporting`;

const FRENCH = `au aux avec ce ces cette dans de des du elle elles en est et être eux il ils je la le les
leur leurs lui ma mais me même mes moi mon ne nos notre nous on ont ou où par pas pour qu que qui sa
se ses son sont sur ta te tes toi ton tu un une vos votre vous été était sont aussi comme plus selon
après avant entre sans sous chez lors dont cela ceci ça si tout tous toutes très fait faire a`;

const GERMAN = `aber als am an auch auf aus bei bin bis bist da damit dann das dass dem den denen der des
dich die dir doch dort du durch ein eine einem einen einer eines er es für gegen hat hatte hatten
hier ich ihr ihre ihm ihn im in ist ja jede jedem jeden jeder jedes kann kein keine mich mir mit
nach nicht noch nun nur ob oder ohne sehr sein seine sich sie sind so über um und uns unter vom von
vor war waren warum was weil wenn wer werden wie wieder will wir wird wo zu zum zur zwischen`;

const SPANISH = `al algo como con contra cual cuando de del desde donde el ella ellas ellos en entre era es
esa ese eso esta este esto están fue fueron ha han hasta hay la las le les lo los mas más me mi muy
nada ni no nos o otra otro para pero poco por porque que quien se según ser si sin sobre su sus
también tan te tiene todo todos tu un una uno unos unas y ya yo`;

function toSet(...lists: string[]): ReadonlySet<string> {
  return new Set(lists.flatMap((list) => list.split(/\s+/).filter(Boolean)));
}

export const STOPWORDS: ReadonlySet<string> = toSet(ENGLISH, FRENCH, GERMAN, SPANISH);

/** Whether a lower-cased token is a function word in one of the supported languages. */
export function isStopword(token: string): boolean {
  return STOPWORDS.has(token);
}
