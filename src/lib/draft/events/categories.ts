/**
 * A suggested category from keywords, in a fixed order of precedence: a sentence that reports a
 * strike and a statement about it is a strike. Words inside quotations are the speaker's, not
 * the event's, and the caller leaves them out.
 */
import type { Category } from '../../story/schema';

const RULES: ReadonlyArray<readonly [Category, RegExp]> = [
	[
		'strike',
		/\b(?:strikes?|struck|missiles?|drones?|air ?strikes?|bomb(?:s|ed|ings?|ers?)?|shell(?:ed|ing)|killed|killing|kills|attacks?|attacked|explosions?|exploded|blasts?|shot down|shootings?|gunm[ae]n|ambush(?:ed)?|massacre)\b/
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
	[
		'statement',
		/\b(?:said|says|say|told|wrote|writes|stated|stating|statement|added|confirmed|announced|announcement|claimed|claims|denied|denies|alleged|accused|warned|urged|called on|called for|rejected|insisted|argued|noted|noting|quoted|reported|expressed|saying|posted|post|tweeted|declared|stressed|dismissed|critici[sz]ed|condemned|vowed|promised|threatened|blamed|demanded|played down|comment|comments|remarks|interview)\b/
	],
	['visit', /\b(?:visit(?:ed|ing|s)?|trip|travell?ed|arrived|toured)\b/],
	['war', /\b(?:war|invasion|invaded|offensive|fighting|troops|combat|front ?line)\b/]
];

/** The category the keywords suggest, or null when none does (the caller's default: diplomacy). */
export function keywordCategory(text: string): Category | null {
	const lower = text.toLowerCase();
	for (const [category, pattern] of RULES) if (pattern.test(lower)) return category;
	return null;
}

/** Verbs of saying: what follows them is what someone said, not where they were. */
export const SPEECH_VERB =
	/\b(?:said|says|say|told|tells|wrote|writes|stated|stating|added|adds|confirmed|confirms|announced|announces|claimed|claims|denied|denies|alleged|alleges|accused|accuses|warned|warns|urged|urges|called on|called for|calls on|calls for|rejected|rejects|insisted|argued|noted|noting|described|quoted|reported|expressed|saying|posted|tweeted|declared|stressed|dismissed|criticised|criticized|condemned|vowed|promised|threatened|blamed|blames|demanded|played down|asked|replied|responded|commented)\b/i;
