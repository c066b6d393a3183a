/**
 * The join stage: events drafted sentence by sentence that tell one happening become one event.
 *
 * A later event joins an earlier one when all of these hold:
 * - the same kind, or a follow-up of it: arrests and claims after an attack ("Police arrested
 *   three people in connection with the bombing"), what was said of an arrest, an exchange, a war,
 *   a fire or an accident ("The fire was accidental, he said"), or a happening of no kind the
 *   keywords know;
 * - a place that is the same, or one inside the other (the city of a country's attack);
 * - days that overlap, or a day the text does not give;
 * - near in the text (the same section), or words that refer back to it across sections ("The
 *   latest meeting between Putin and Witkoff…" after the meeting in the lead).
 * What the text dates or places apart stays apart: a follow-up with a day of its own other than
 * the happening's, or a place that does not fit, is its own event.
 *
 * One of a series that its sentence tells, placed and dated within it, is the series' event.
 *
 * A sentence with neither a place nor a day of its own, about the people of an event of its section
 * and placed where they were ("He also renewed calls for air defence"), is more of that event
 * whatever its keywords.
 */
import type { Category, Inferable } from '../../story/schema';
import type { GazetteerPlace } from '../gazetteer/gazetteer';
import type { PlaceMention } from '../toponyms/toponyms';

/** What the join stage reads of a drafted event. */
export interface Happening {
	category: Category;
	startDay: number;
	endDay: number;
	/** What the draft had to infer: an inferred place or day does not set the event apart. */
	inferred: readonly Inferable[];
	planned: boolean;
	main: PlaceMention;
	/** The article's section (between headings) the event starts in. */
	section: number;
	/** Where the sentence it starts in starts. */
	sentence: number;
	persons: readonly string[];
	/** The kind of happening its first words refer back to ("the blast": a strike). */
	refersTo: Category | undefined;
	/** Its first sentence's subject is a pronoun ("He also…"). */
	pronounLed: boolean;
}

/** Whether `inner` lies in `outer` (the gazetteer's hierarchy). */
export type Within = (outer: GazetteerPlace, inner: GazetteerPlace) => boolean;

/** Kinds that follow a happening and are told as part of it unless set apart. */
const FOLLOW_UPS: Partial<Record<Category, readonly Category[]>> = {
	strike: ['detention', 'statement'],
	detention: ['statement'],
	exchange: ['statement', 'detention'],
	war: ['statement'],
	diplomacy: ['statement'],
	fire: ['statement', 'detention'],
	accident: ['statement', 'detention']
};

const followUp = (a: Happening, b: Happening) =>
	FOLLOW_UPS[a.category]?.includes(b.category) ?? false;

/** The same place or one inside the other; a follow-up only at the place or inside it. */
function placeFits(a: Happening, b: Happening, within: Within): boolean {
	const [p, q] = [a.main.place, b.main.place];
	return p === q || within(p, q) || (a.category === b.category && within(q, p));
}

/** `b`, told later, fits `a`'s days. A later sentence with no day of its own says more of what
 * came before; a happening the text dates ("In March, a smaller blaze…") is not one whose day the
 * draft had to guess, unless it falls in the guess. */
function daysFit(a: Happening, b: Happening): boolean {
	if (b.inferred.includes('date')) return true;
	return b.startDay <= a.endDay && b.endDay >= a.startDay;
}

const sharesPerson = (a: Happening, b: Happening) => b.persons.some((p) => a.persons.includes(p));

/** Whether `later` tells more of `earlier`'s happening. */
export function sameHappening(earlier: Happening, later: Happening, within: Within): boolean {
	if (earlier.planned !== later.planned) return false;
	const sameSection = earlier.section === later.section;
	// Told with nothing of its own, about the same people at the same place.
	const bare = later.inferred.includes('place') && later.inferred.includes('date');
	if (
		bare &&
		sameSection &&
		earlier.main.place === later.main.place &&
		(sharesPerson(earlier, later) || (later.pronounLed && earlier.persons.length > 0))
	)
		return true;
	// "meetings throughout the year, including one in Saudi Arabia in February": one of a series
	// the same sentence tells is the series' one happening the text places and dates.
	if (
		earlier.sentence === later.sentence &&
		earlier.category === later.category &&
		!later.inferred.includes('date') &&
		later.startDay >= earlier.startDay &&
		later.endDay <= earlier.endDay
	)
		return true;
	const near = sameSection || later.refersTo === earlier.category;
	// A follow-up the text dates apart ("a farewell on June 28" after a closure "at the end of
	// June") is its own event; one undated, or on the same days, is more of the happening.
	const sameDays = later.startDay === earlier.startDay && later.endDay === earlier.endDay;
	const kind =
		earlier.category === later.category ||
		(followUp(earlier, later) && sameSection && (later.inferred.includes('date') || sameDays));
	return near && kind && placeFits(earlier, later, within) && daysFit(earlier, later);
}

/**
 * Joins each event into the nearest earlier one of the same happening, in reading order, so a
 * chain of sentences about one happening becomes one event. `merge` folds the later event into
 * the earlier (its sources, actors, a narrower day, a better-stated place).
 */
export function joinHappenings<T extends Happening>(
	events: readonly T[],
	within: Within,
	merge: (into: T, from: T) => void
): T[] {
	const kept: T[] = [];
	for (const event of events) {
		// The nearest of its own kind whose days (even the draft's default ones) meet its own,
		// else the nearest of those it follows up.
		const rank = (e: T) =>
			(e.category === event.category ? 2 : 0) +
			(e.startDay <= event.endDay && e.endDay >= event.startDay ? 1 : 0);
		let into: T | undefined;
		for (let i = kept.length - 1; i >= 0; i--) {
			const e = kept[i]!;
			if ((!into || rank(e) > rank(into)) && sameHappening(e, event, within)) into = e;
		}
		if (into) merge(into, event);
		else kept.push(event);
	}
	return kept;
}
