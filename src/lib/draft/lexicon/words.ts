/**
 * The engine's word lists, kept as data in geodata/lexicon/words.csv (one `list,word` row each) so
 * that a journalist can read and extend them without touching code.
 */
import csv from '../../../../geodata/lexicon/words.csv?raw';

export type WordList =
	| 'locative'
	| 'opener'
	| 'particle'
	| 'person-title'
	| 'role'
	| 'demonym-blocker'
	| 'direction'
	| 'place-noun'
	| 'speech-verb'
	| 'statement-noun';

/** The rows of a two-column CSV with a header line, as [first, second] pairs. */
export function csvPairs(text: string): Array<[string, string]> {
	return text
		.split(/\r?\n/)
		.slice(1)
		.filter((line) => line.trim() !== '')
		.map((line) => {
			const comma = line.indexOf(',');
			return [line.slice(0, comma).trim(), line.slice(comma + 1).trim()];
		});
}

/** Words as regular-expression alternatives ("said|told|called on"), each matched literally. */
export function alternatives(words: Iterable<string>): string {
	return [...words].map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
}

const lists = new Map<string, Set<string>>();
for (const [list, word] of csvPairs(csv)) {
	let set = lists.get(list);
	if (!set) lists.set(list, (set = new Set()));
	set.add(word);
}

export function wordList(name: WordList): ReadonlySet<string> {
	const set = lists.get(name);
	if (!set) throw new Error(`geodata/lexicon/words.csv has no list "${name}"`);
	return set;
}

/** Words that put what follows in a place: "in Kyiv", "near Paris". */
export const LOCATIVES = wordList('locative');
/** Words that open a sentence before a place ("In Kyiv", "Meanwhile Moscow…"), not part of a name. */
export const OPENERS = wordList('opener');
/** Lower-case words inside a place name ("Bosnia and Herzegovina", "Rio de Janeiro"). */
export const PARTICLES = wordList('particle');
/** Words before a person's name: "Mr. Jackson", "Gov. Beshear". */
export const PERSON_TITLES = wordList('person-title');
/** Capitalised words after which a demonym names another people ("Latin American"). */
export const DEMONYM_BLOCKERS = wordList('demonym-blocker');
/** Words that point within a place and leave it named: "North Texas", "East Oxford". */
export const DIRECTIONS = wordList('direction');
/** Lower-case words after a town that make it one: "Charleston police", "an Ohio man". */
export const PLACE_NOUNS = wordList('place-noun');
