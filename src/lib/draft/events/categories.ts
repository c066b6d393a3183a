/**
 * A suggested category from keywords, in a fixed order of precedence: a sentence that reports a
 * strike and a statement about it is a strike. One that reports a crash or a fire is an accident
 * or a fire, unless weapons are told with it ("a drone crashed into", "opened fire"); a fire is a
 * fire whatever set it, and a crash that burns is a fire. Words inside quotations are the
 * speaker's, not the event's, and the caller leaves them out.
 */
import type { Category } from '../../story/schema';
import { alternatives, wordList } from '../lexicon/words';

/** Verbs of saying (geodata/lexicon/words.csv, `speech-verb`): what follows them is what someone
 * said, not where they were. */
export const SPEECH_VERB = new RegExp(`\\b(?:${alternatives(wordList('speech-verb'))})\\b`, 'i');

/** A statement: a verb of saying, or a noun for what was said ("statement", "remarks"). */
const STATEMENT = new RegExp(
	`\\b(?:${alternatives([...wordList('speech-verb'), ...wordList('statement-noun')])})\\b`
);

/** Weapons, attacks and fire: a crash told with them is a strike or a fire. An arrest over a
 * crash or a fire is an arrest. */
const WEAPONS =
	/\b(?:arrest(?:ed|s)?|detained|custody|missiles?|rockets?|drones?|air ?strikes?|bomb(?:s|ed|ings?|ers?)?|shell(?:ed|ing)|attack(?:s|ed|ers?)?|gunm[ae]n|gunfire|shootings?|shot|(?<![-])fires?|blazes?)\b/;

const RULES: ReadonlyArray<readonly [Category, RegExp, RegExp?]> = [
	[
		'accident',
		/\b(?:accidents?|crash(?:ed|es|ing)?|collisions?|collided|derail(?:ed|ment|s)?|overturned|capsized|sank|pile-?up|wreck(?:ed|age)?|(?:struck|hit|run over) by an? (?:\S+ )?(?:car|vehicle|truck|lorry|bus|train|van|motorist|driver))\b/,
		WEAPONS
	],
	[
		'fire',
		/\b(?:(?<![-])fires?|blazes?|wildfires?|bushfires?|flames|burn(?:ed|t|ing) (?:down|out)|caught fire|smoke inhalation)\b/,
		/\b(?:arrest(?:ed|s)?|detained|custody|missiles?|rockets?|drones?|air ?strikes?|bomb(?:s|ed|ings?)?|shell(?:ed|ing)|gunm[ae]n|gunfire|opened fire|(?:open|returned|exchanged|under|cease) fire|fired)\b/
	],
	[
		'strike',
		/\b(?:strikes?|struck|missiles?|drones?|air ?strikes?|bomb(?:s|ed|ings?|ers?)?|shell(?:ed|ing)|killed|killing|kills|attacks?|attacked|explosions?|exploded|blasts?|shot down|shootings?|gunm[ae]n|ambush(?:ed)?|massacre|opened fire)\b/
	],
	[
		'meeting',
		/\b(?:met|meets|meeting|meetings|talks|summit|discussions|negotiations|conference|(?:heated|angry|tense|testy|verbal|frank) exchange)\b/
	],
	[
		'exchange',
		/\b(?:prisoner exchange|(?<!in )exchange[ds]?|swap(?:ped|s)?|(?:prisoners?|hostages?|detainees?|captives?)\b.{0,40}\b(?:released|freed)|(?:released|freed)\b.{0,20}\b(?:prisoners?|hostages?)|handed over)\b/
	],
	[
		'detention',
		/\b(?:arrest(?:ed|s)?|detain(?:ed|s)?|detention|jailed|imprisoned|sentenced|captured|abducted|kidnapped|custody)\b/
	],
	[
		'aid',
		/\b(?:aid|pledged?|pledges|military support|assistance|package|donated|funding|weapons|air defence systems?)\b/
	],
	['statement', STATEMENT],
	['visit', /\b(?:visit(?:ed|ing|s)?|trip|travell?ed|arrived|toured)\b/],
	['war', /\b(?:war|invasion|invaded|offensive|fighting|troops|combat|front ?line)\b/]
];

/** The category the keywords suggest, or null when none does (the caller's default: diplomacy). */
export function keywordCategory(text: string): Category | null {
	const lower = text.toLowerCase();
	for (const [category, pattern, unless] of RULES)
		if (pattern.test(lower) && !unless?.test(lower)) return category;
	return null;
}
