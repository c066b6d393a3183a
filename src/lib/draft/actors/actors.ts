/**
 * Who is involved: people and organisations, read from the Doc. A name is a run of capitalised
 * words (hyphens inside: "Jean-Pierre Raffarin", "Anne-Marie") that is not a place, a title, a
 * date or a sentence's first word, unless the tagger (compromise, through the Doc) reads it as a
 * person. Never a bare title ("Deputy"), a demonym ("Kurdish"), or a byline or credit ("By Jane
 * Doe", "Reporting by …; Editing by …"). A surname alone ("Zelensky") is written out as the
 * fullest form the article uses ("Volodymyr Zelensky"), so one person is one actor.
 */
import { covers, type Doc, type Span } from '../doc/doc';
import { PERSON_TITLES } from '../lexicon/words';
import { isCapitalized, type Token } from '../text';

/** Capitalised words that are titles or adjectives, never a name on their own. */
const NOT_NAMES = new Set([
	...PERSON_TITLES,
	...`president prime minister ministers foreign defence defense secretary chancellor envoy special spokesperson spokesman spokeswoman ambassador general gen king queen prince sir mr mrs ms dr former chief senator sen governor gov rep representative pope deputy vice acting interim premier mayor lt col sgt capt
	western eastern northern southern european african asian arab latin
	the a an in on at of and or but for to from by with as when while after before during despite although though meanwhile elsewhere according adding writing only this that these those there here it its he she they we i you his her their our my
	monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december
	europe asia africa oceania antarctica arctic sic warning update updated editing reporting photo credit
	national international federal provincial central royal regional municipal fire rescue emergency
	one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred dozens hundreds thousands`.split(
		/\s+/
	)
]);

/** "Kurdish", "Japanese": a people's adjective, never an actor alone. */
const DEMONYM = /^\p{Lu}\p{Ll}+(?:ish|ese)$/u;

/** What no event's actor is, as a whole: a placeholder, or a bare role ("Police", "Officials"). */
const NOT_ACTORS =
	/^(?:not named|unnamed|unidentified|anonymous|police|officials?|officers?|authorities|department|office|agency|government|ministry|council|court|committee|board|city|county|state|x|twitter|facebook|instagram|tiktok|youtube|telegram|whatsapp|truth social|bluesky|threads)$/i;

/** "Twenty-two", "Forty-one": a count that opens a sentence, not a name. */
const NUMBER_WORDS =
	/^(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?:one|two|three|four|five|six|seven|eight|nine)$/i;

/** A building, a road, a site or water ("Town Hall", "Main Street", "River Aire"): where, not who. */
const FACILITY =
	/(?:^|\s)(?:Hall|Street|St|Road|Rd|Avenue|Ave|Boulevard|Blvd|Lane|Drive|Estate|Hotel|Bridge|Station|Airport|Square|Park|Stadium|Arena|Building|Tower|Motorway|Highway|River|Lake)$|^(?:River|Lake|Mount)\s/;

/** A byline or a credit: "By Jane Doe", "(Reporting by Jane Doe; Editing by John Roe)". */
const CREDITS =
	/(?:^|(?<=[.\n(;]\s*))By(?:[ \t]+\p{Lu}[\p{L}'’.-]*){1,4}|\b(?:(?:Additional )?[Rr]eporting|[Ee]dited|[Ee]diting|[Ww]riting|[Ww]ritten|[Cc]ompiled|[Pp]hotos?|[Ii]mages?)[ \t]+by(?:[ \t]+(?:\p{Lu}[\p{L}'’.-]*|and|in))+|\b(?:Credit|Photo|Source|Contact):[^\n;)]*/gu;

const ORG_WORDS =
	'Department|Office|Council|Committee|Party|Agency|Ministry|Association|Union|Relations|Bank|Company|Corporation|Inc|University|College|School|Hospital|Police|Court|Commission|Authority|Board|Institute|Foundation|Society|Organi[sz]ation|Group|Services?|Forces?|Army|Guard|Church|Front|Movement|Network|Center|Centre|Administration|Bureau|Assembly|Parliament|Senate|Congress';
/** The last word of an organisation's name ("… Police Department", "… Workers' Party"). */
const ORG_END = new RegExp(`(?:${ORG_WORDS})$`);
/** An organisation's name: capitalised words, "of", "on", "for", "and" between, ending in what it is. */
const ORG_NAME = new RegExp(
	`(?<![\\p{L}'’-])(?:\\p{Lu}[\\p{L}'’-]*[ \\t](?:(?:of|on|for|and|the)[ \\t])?){1,6}(?:${ORG_WORDS})(?![\\p{L}])`,
	'gu'
);

const LEADING =
	/^(?:The|A|An|In|On|At|Of|And|Or|But|For|To|From|By|With|As|When|While|After|Before|During|Despite|Meanwhile|According|President|Mayor|Gov\.?|Sen\.?|Rep\.?|Deputy|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)$/;

/** "Board of Education", "Department of Justice", "Chamber of Commerce": a body of something. */
const ORG_OF_WORDS =
	'Board|Department|Ministry|Council|Committee|Bureau|Office|House|Chamber|Court|Bank|University|College|Secretary|Division|Federation|League|Association';
const ORG_OF = new RegExp(
	`(?<![\\p{L}'’-])(?:\\p{Lu}[\\p{L}'’-]*[ ](?:\\d+[ ])?){0,4}(?:${ORG_OF_WORDS})[ ]of(?:[ ]the)?(?:[ ]\\p{Lu}[\\p{L}'’-]*){1,3}`,
	'gu'
);

/** Organisations, whole, with the places inside them ("Mansfield Police Department", "Council on
 * American-Islamic Relations"): the tagger's, and names that end in what they are. */
function organizations(
	doc: Doc,
	blocked: readonly Span[]
): Array<{ start: number; end: number; words: string[] }> {
	const candidates: Span[] = [
		...doc.organizations,
		...[...doc.text.matchAll(ORG_NAME), ...doc.text.matchAll(ORG_OF)].map(
			(m) => [m.index, m.index + m[0].length] as const
		)
	].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
	const found: Array<{ start: number; end: number; words: string[] }> = [];
	for (const [start, end] of candidates) {
		if (covers(blocked, start, end)) continue;
		const last = found.at(-1);
		if (last && start < last.end) continue;
		const raw = doc.text.slice(start, end).replace(/[\s.,;:)’'"]+$/u, '');
		const words = raw.split(/\s+/).filter(Boolean);
		let from = start;
		// "In", "The", "President" before the name are not part of it.
		while (words.length > 2 && LEADING.test(words[0]!)) {
			from = doc.text.indexOf(words[1]!, from + words.shift()!.length);
		}
		if (words[0] === 'the') from += words.shift()!.length + 1;
		const body = ORG_END.test(words.at(-1)!) || new RegExp(`(?:${ORG_OF_WORDS}) of\\b`).test(raw);
		if (words.length < 2 || !body || !isCapitalized(words[0]!)) continue;
		found.push({ start: from, end: start + raw.length, words });
	}
	return found;
}

export interface ActorIndex {
	/** Person-like names found in [start, end), written in full, outside quotes and places. */
	actorsIn(start: number, end: number): string[];
}

/** Bylines and credits in the text, where no name is an actor. */
export function creditSpans(text: string): Span[] {
	return [...text.matchAll(CREDITS)].map((m) => [m.index, m.index + m[0].length] as const);
}

/**
 * Reads the Doc once: names seen mid-sentence or tagged as people are names; a capitalised word
 * that only ever starts sentences ("Relations", "Meanwhile") is not.
 */
export function actorIndex(doc: Doc, excluded: readonly Span[]): ActorIndex {
	const { text, tokens } = doc;
	const credits = creditSpans(text);
	const orgs = organizations(
		doc,
		[...doc.quotes, ...credits].sort((a, b) => a[0] - b[0])
	);
	const spans = [
		...doc.quotes,
		...excluded,
		...credits,
		...orgs.map((o) => [o.start, o.end] as const)
	].sort((a, b) => a[0] - b[0]);
	// Tokens come in order, so one cursor walks the spans once.
	let cursor = 0;
	const blocked = (t: Token) => {
		while (cursor < spans.length && spans[cursor]![1] <= t.start) cursor++;
		for (let i = cursor; i < spans.length && spans[i]![0] <= t.start; i++) {
			if (t.start < spans[i]![1]) return true;
		}
		return false;
	};
	const runs: Array<{ start: number; end: number; words: string[]; initial: boolean }> = [];
	let run: Token[] = [];
	const close = () => {
		if (run.length) {
			const first = run[0]!;
			const initial = sentenceInitial(text, first.start);
			// Words as written, a hyphenated name whole: "Jean-Pierre Raffarin".
			let words = text
				.slice(first.start, run[run.length - 1]!.end)
				.split(/\s+/)
				.filter(Boolean);
			// "The Times" is a name mid-sentence; a sentence's opening "The" is not.
			if (words[0] === 'The' && (initial || words.length === 1)) words = words.slice(1);
			if (words.length)
				runs.push({ start: first.start, end: run[run.length - 1]!.end, words, initial });
		}
		run = [];
	};
	for (let i = 0; i < tokens.length; i++) {
		const token = tokens[i]!;
		const prev = run[run.length - 1];
		const gap = prev ? text.slice(prev.end, token.start) : '';
		const joined = prev !== undefined && (/^ $/.test(gap) || /^[-‐]$/.test(gap));
		if (!isCapitalized(token.text) || blocked(token) || /^\d/.test(token.text)) {
			// "Anne-marie" is rare; a lower-case part after a hyphen goes with the name.
			if (prev && /^[-‐]$/.test(gap) && /^\p{Ll}/u.test(token.text) && !blocked(token)) {
				run.push(token);
				continue;
			}
			close();
			continue;
		}
		if (prev && !joined) close();
		// A title word ends a name ("Putin President"), and starts none ("President Putin" → Putin).
		if (NOT_NAMES.has(token.norm) && token.text !== 'The') {
			close();
			continue;
		}
		run.push(token);
	}
	close();
	for (const o of orgs) runs.push({ ...o, initial: false });
	runs.sort((a, b) => a.start - b.start);
	const midSentence = new Set(runs.filter((r) => !r.initial).flatMap((r) => r.words));
	const names = runs.filter((r) => {
		const name = r.words.join(' ');
		if (NOT_ACTORS.test(name) || FACILITY.test(name) || NUMBER_WORDS.test(name)) return false;
		// "M1", "A-10": a road or a model; "22:00 BST": a time zone.
		if (
			(r.words.length === 1 && /\d/.test(name)) ||
			/\d[:.]\d\d\s*$/.test(text.slice(Math.max(0, r.start - 8), r.start))
		)
			return false;
		if (r.words.length === 1 && (DEMONYM.test(name) || covers(doc.demonyms, r.start, r.end)))
			return false;
		return (
			r.words.length > 1 ||
			!r.initial ||
			midSentence.has(r.words[0]!) ||
			covers(doc.people, r.start, r.end)
		);
	});
	// The fullest form of each surname: "Zelensky" → "Volodymyr Zelensky".
	const full = new Map<string, string>();
	for (const r of names) {
		const name = r.words.join(' ');
		const last = r.words[r.words.length - 1]!;
		const known = full.get(last);
		if (r.words.length > 3) continue;
		if (!known || known.split(' ').length < r.words.length) full.set(last, name);
	}
	return {
		actorsIn(start, end) {
			const found: string[] = [];
			for (const r of names) {
				if (r.start < start || r.end > end) continue;
				const name = r.words.join(' ');
				const canonical = r.words.length === 1 ? (full.get(name) ?? name) : name;
				if (!found.includes(canonical)) found.push(canonical);
			}
			return found;
		}
	};
}

function sentenceInitial(text: string, at: number): boolean {
	let i = at - 1;
	while (i >= 0 && /[ \t“"‘(]/.test(text[i]!)) i--;
	return i < 0 || /[.!?:\n]/.test(text[i]!);
}

/** A sentence whose subject is a pronoun ("He also renewed calls…", "“…,” he said"). */
export function pronounLed(text: string): boolean {
	const unquoted = text.replace(/[“"][^”"]*[”"]/g, ' ');
	return /^\W*(?:he|she|they)\b/i.test(unquoted);
}

/** People and bodies named by what they are ("police", "officials"): who acted, with no name. */
const GROUPS =
	/\b(?:police|officials|authorities|military|army|government|protesters|demonstrators|militants|troops|forces|prosecutors|residents|firefighters|investigators|ministers|lawmakers|legislators|activists|rebels|witnesses|students|workers|voters|doctors|rescuers|emergency services|soldiers|officers|deputies|sheriff's office|council|court|judge|jury|company|union)\b/i;

/** Who acted when no one is named: the group the words name ("Police"), else "". */
export function groupActor(plain: string): string {
	const match = GROUPS.exec(plain);
	if (!match) return '';
	const word = match[0].toLowerCase();
	return word[0]!.toUpperCase() + word.slice(1);
}
