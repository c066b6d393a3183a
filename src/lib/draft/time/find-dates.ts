/**
 * Dates in an article, read from its publication day. A phrase becomes a single day only when it
 * fixes one ("on Friday", "April 4"); otherwise it becomes the whole range it could mean ("last
 * week" is the previous Monday to Sunday, "in February" the whole month), never a guessed day.
 * chrono-node reads the calendar dates ("April 4", "10 April 2024", "March 3-5"); the relative
 * phrases it would turn into one day ("last week" → a week ago) are read here instead.
 *
 * Weekdays: news is past tense, so "on Friday" is the most recent Friday on or before the
 * publication day. A Friday paper's "on Friday" is that same day (what happened today); "last
 * Friday" is strictly before it. A clause in the future tense ("will meet on Monday") or "next
 * Monday" looks forward instead. Nothing in a past clause runs after the publication day: a range
 * ("in 2016", "this month") is cut there. What looks forward is marked `ahead`.
 */
import * as chrono from 'chrono-node';
import { utcMonday } from 'd3-time';
import { dateToDay, dayToDate, MONTHS, parseIsoDate, toIsoDate } from '../../story/dates';
import { alternatives, wordList } from '../lexicon/words';

export interface DateMention {
	start: number;
	end: number;
	/** The article's own words ("on Friday", "last week"). */
	text: string;
	/** Inclusive UTC day numbers (src/lib/story/dates.ts). */
	startDay: number;
	endDay: number;
	/** A single day the text fixes; false for every range. */
	exact: boolean;
	/**
	 * False for a frame ("since 2022", "until March") that bounds a state of affairs rather than
	 * dating an event.
	 */
	anchoring: boolean;
	/** Still to come at publication: "next Wednesday", "will meet on Monday", "in 2030". */
	ahead: boolean;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** 0 = Sunday, as Date#getUTCDay. Day 0 (1970-01-01) was a Thursday. */
const weekday = (day: number) => (((day + 4) % 7) + 7) % 7;
/** The Monday of the week `day` falls in: news weeks run Monday to Sunday. */
export const mondayOf = (day: number) => dateToDay(utcMonday.floor(dayToDate(day)));
const ymd = (day: number) => {
	const d = dayToDate(day);
	return { y: d.getUTCFullYear(), m: d.getUTCMonth(), d: d.getUTCDate() };
};
const dayOf = (y: number, m: number, d: number) => dateToDay(new Date(Date.UTC(y, m, d)));
const monthRange = (y: number, m: number): [number, number] => [
	dayOf(y, m, 1),
	dayOf(y, m + 1, 1) - 1
];

/** Words that put a clause ahead of the publication day ("will meet", "is due to", "plans to"). */
export const FUTURE =
	/\b(?:will|shall|would(?! have| not have)|is due|are due|is set to|are set to|is expected to|are expected to|is to|are to|plans? to|is scheduled|are scheduled|upcoming)\b/i;

// Where a clause begins: "officials said on Wednesday" is past though the sentence goes on "that
// talks will resume". After a verb of saying, a conjunction or a relative pronoun.
const CLAUSE_START = new RegExp(
	`[,;:—–]|\\b(?:${alternatives([...wordList('speech-verb'), 'that', 'who', 'which', 'after', 'before'])})\\b`,
	'gi'
);

/**
 * The clause up to `at`, without quotations, to tell "met on Monday" from "will meet on Monday"
 * (and not to read a quoted "wouldn't have happened", or another clause's "will", as the future).
 */
export function clauseBefore(text: string, at: number): string {
	const head = text.slice(Math.max(0, at - 300), at).replace(/“[^”]*”|"[^"]*"/g, ' ');
	const cut = Math.max(head.lastIndexOf('. '), head.lastIndexOf('\n'), head.lastIndexOf('? '));
	const sentence = cut >= 0 ? head.slice(cut + 1) : head;
	let from = 0;
	for (const match of sentence.matchAll(CLAUSE_START)) from = match.index + match[0].length;
	return sentence.slice(from);
}

type Rule = {
	pattern: RegExp;
	read: (
		match: RegExpExecArray,
		published: number,
		future: boolean
	) => Omit<DateMention, 'start' | 'end' | 'text' | 'anchoring' | 'ahead'> | null;
};

const range = (startDay: number, endDay: number, exact = false) => ({
	startDay,
	endDay: Math.max(startDay, endDay),
	exact
});

const WEEKDAY_NAMES = WEEKDAYS.join('|');
const MONTH_NAMES = MONTHS.join('|');
const MONTH_WORD = new RegExp(`\\b(?:${MONTH_NAMES})\\b`);

const RULES: Rule[] = [
	{
		// "on Friday", "last Friday", "next Monday", "Friday night", "Friday's"
		pattern: new RegExp(
			`\\b(?:([Oo]n|[Ll]ast|[Nn]ext|[Tt]his past|[Tt]his coming|[Ee]arly|[Ll]ate)\\s+)?(${WEEKDAY_NAMES})(?:\\s+(?:morning|afternoon|evening|night))?\\b`,
			'g'
		),
		read(match, published, future) {
			const modifier = (match[1] ?? '').toLowerCase();
			const target = WEEKDAYS.indexOf(match[2]!);
			const today = weekday(published);
			if (modifier === 'next' || modifier === 'this coming' || (future && modifier !== 'last')) {
				const ahead = (target - today + 7) % 7 || 7;
				return range(published + ahead, published + ahead, true);
			}
			let back = (today - target + 7) % 7;
			if (back === 0 && (modifier === 'last' || modifier === 'this past')) back = 7;
			return range(published - back, published - back, true);
		}
	},
	{
		pattern: /\b(?:[Yy]esterday|[Ll]ast night)\b/g,
		read: (_m, published) => range(published - 1, published - 1, true)
	},
	{
		pattern: /\b(?:[Ee]arlier today|[Tt]oday|[Tt]his morning|[Tt]onight)\b/g,
		read: (_m, published) => range(published, published, true)
	},
	{
		pattern: /\b(?:[Ll]ast|[Tt]he previous|[Tt]he prior) week(?:end)?\b/g,
		read(match, published) {
			const monday = mondayOf(published) - 7;
			if (match[0].toLowerCase().endsWith('weekend')) {
				// The most recent Saturday–Sunday that ended before publication.
				const sunday = published - weekday(published) - (weekday(published) === 0 ? 7 : 0);
				return range(sunday - 1, sunday);
			}
			return range(monday, monday + 6);
		}
	},
	{
		pattern: /\b(?:([Ee]arlier|[Ll]ater) )?this week\b/g,
		read(match, published) {
			const monday = mondayOf(published);
			const which = (match[1] ?? '').toLowerCase();
			if (which === 'earlier') return range(monday, Math.max(monday, published - 1));
			if (which === 'later') return range(Math.min(published + 1, monday + 6), monday + 6);
			return range(monday, published);
		}
	},
	{
		pattern: /\b[Nn]ext week\b/g,
		read: (_m, published) => range(mondayOf(published) + 7, mondayOf(published) + 13)
	},
	{
		pattern: /\b(?:[Ii]n )?(?:[Tt]he )?(?:past|last) (seven|7) days\b|\b[Ii]n recent days\b/g,
		read: (_m, published) => range(published - 7, published)
	},
	{
		pattern: /\b[Ii]n recent weeks\b/g,
		read: (_m, published) => range(published - 28, published)
	},
	{
		pattern: /\b(?:[Ll]ast|[Tt]he previous) month\b/g,
		read(_m, published) {
			const { y, m } = ymd(published);
			return range(...monthRange(y, m - 1));
		}
	},
	{
		pattern: /\b(?:([Ee]arlier|[Ll]ater) )?this month\b/g,
		read(match, published) {
			const { y, m } = ymd(published);
			const [first, last] = monthRange(y, m);
			const which = (match[1] ?? '').toLowerCase();
			if (which === 'earlier') return range(first, Math.max(first, published - 1));
			if (which === 'later') return range(Math.min(published + 1, last), last);
			return range(first, published);
		}
	},
	{
		pattern: /\b[Nn]ext month\b/g,
		read(_m, published) {
			const { y, m } = ymd(published);
			return range(...monthRange(y, m + 1));
		}
	},
	{
		pattern: /\b(?:[Ll]ast|[Tt]he previous) year\b/g,
		read(_m, published) {
			const { y } = ymd(published);
			return range(dayOf(y - 1, 0, 1), dayOf(y, 0, 1) - 1);
		}
	},
	{
		pattern: /\b(?:(?:([Ee]arlier|[Ll]ater|so far) )?this year|throughout the year)\b/g,
		read(match, published) {
			const { y } = ymd(published);
			const first = dayOf(y, 0, 1);
			const which = (match[1] ?? '').toLowerCase();
			if (which === 'earlier') return range(first, Math.max(first, published - 1));
			if (which === 'later') return range(published + 1, dayOf(y + 1, 0, 1) - 1);
			return range(first, published);
		}
	},
	{
		pattern: /\b[Nn]ext year\b/g,
		read(_m, published) {
			const { y } = ymd(published);
			return range(dayOf(y + 1, 0, 1), dayOf(y + 2, 0, 1) - 1);
		}
	},
	{
		// "N days ago": a day; "a week ago", "two weeks ago": that stretch, give or take three days.
		pattern: /\b(a|one|two|three|four|five|six|\d{1,2}) (day|week)s? ago\b/g,
		read(match, published) {
			const words = ['a', 'one', 'two', 'three', 'four', 'five', 'six'];
			const raw = match[1]!;
			const n = /\d/.test(raw) ? Number(raw) : Math.max(1, words.indexOf(raw));
			if (match[2] === 'day') return range(published - n, published - n, true);
			return range(published - 7 * n - 3, published - 7 * n + 3);
		}
	},
	{
		// "comes a week after 44 people were killed": what follows "after" was that long before
		// the news, give or take a day.
		pattern: /\b(a|one|two|three|four|five|six|\d{1,2}) (day|week)s? after\b/g,
		read(match, published) {
			const words = ['a', 'one', 'two', 'three', 'four', 'five', 'six'];
			const raw = match[1]!;
			const n = /\d/.test(raw) ? Number(raw) : Math.max(1, words.indexOf(raw));
			const back = match[2] === 'day' ? n : 7 * n;
			return range(published - back - 1, published - back + 1);
		}
	},
	{
		// "in February", "early March", "mid-February 2022", "February 2022"
		pattern: new RegExp(
			`\\b(?:([Ee]arly|[Mm]id|[Ll]ate)[- ])?(${MONTH_NAMES})(?:,? ((?:19|20)\\d\\d))?\\b(?!\\s*\\d)`,
			'g'
		),
		read(match, published, future) {
			const month = MONTHS.indexOf(match[2]!);
			const { y, m } = ymd(published);
			let year = match[3] ? Number(match[3]) : y;
			if (!match[3]) {
				if (future ? month < m : month > m) year += future ? 1 : -1;
			}
			let [first, last] = monthRange(year, month);
			const part = (match[1] ?? '').toLowerCase();
			if (part === 'early') last = first + 9;
			else if (part === 'mid') [first, last] = [first + 10, first + 19];
			else if (part === 'late') first += 20;
			// Past tense: the part of this month still to come is not a candidate.
			if (!future && !match[3] && first <= published && last > published) last = published;
			return range(first, last);
		}
	},
	{
		// "in 2022", "since 2022", "early 2023"
		pattern: /\b(?:([Ee]arly|[Mm]id|[Ll]ate)[- ])?((?:19|20)\d\d)\b/g,
		read(match) {
			const year = Number(match[2]);
			const first = dayOf(year, 0, 1);
			const last = dayOf(year + 1, 0, 1) - 1;
			const part = (match[1] ?? '').toLowerCase();
			if (part === 'early') return range(first, dayOf(year, 4, 1) - 1);
			if (part === 'mid') return range(dayOf(year, 4, 1), dayOf(year, 8, 1) - 1);
			if (part === 'late') return range(dayOf(year, 8, 1), last);
			return range(first, last);
		}
	}
];

/**
 * A month or a calendar date in a clause of intent or possibility may be ahead too: "voted to close
 * the library at the end of June", "residents can comment on May 19". Not `FUTURE` itself: "voted
 * to close" is a vote that happened, and only the date after it looks forward; not once a finite
 * verb follows ("a program that aims to tidy the city was approved Monday"); and only within half
 * a year ("voted to support the press March 12" in a story of 15 March is the past March 12).
 */
const INTENT =
	/\b(?:(?:voted|agreed|decided|plans?|planned|promised|pledged|vowed|intends?|aims?|ordered|set|due|scheduled|expected)\b[^,;.]{0,40}?\bto \p{L}+|can|may|might)\b(?![^,;.]*\b(?:was|were|is|are|has|have|had)\b)/iu;
const INTENT_REACH = 183;

/** Reads a month or a calendar date as ahead where its clause only intends it and it falls soon. */
function intended<T extends { startDay: number }>(
	clause: string,
	published: number,
	read: (future: boolean) => T | null
): { read: T | null; future: boolean } {
	const past = read(false);
	if (!INTENT.test(clause)) return { read: past, future: false };
	const ahead = read(true);
	if (ahead && ahead.startDay > published && ahead.startDay <= published + INTENT_REACH)
		return { read: ahead, future: true };
	return { read: past, future: false };
}

/** Words that make a bare year a date ("in 2022"), rather than a number ("2022 people"). */
const YEAR_CUES =
	/\b(?:in|since|during|of|from|until|till|by|before|after|throughout|early|mid|late|the|spring|summer|autumn|fall|winter)[\s-]*$/i;
const ADDRESS_AFTER =
	/^\s+(?:[NSEW]\.?\s+)?\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*)?\s+(?:St|Street|Rd|Road|Ave|Avenue|Blvd|Boulevard|Dr|Drive|Lane|Ln|Way|Court|Ct|Place|Pl|Highway|Hwy|Pike|Trail|Circle)\b/u;
const FRAME = /\b(?:since|until|till|by|before|after)\s+$/i;
const PREPOSITION = /\b(?:on|in|during|since|until|till|by|before|after|from|throughout)\s+$/i;

/** Every date phrase in the text, left to right, without overlaps (the longest reading wins). */
export function findDates(text: string, published: number): DateMention[] {
	const found: DateMention[] = [];
	for (const rule of RULES) {
		rule.pattern.lastIndex = 0;
		for (let match = rule.pattern.exec(text); match; match = rule.pattern.exec(text)) {
			const start = match.index;
			const lead = text.slice(Math.max(0, start - 24), start);
			// A bare year needs a preposition; "May" needs one too ("Theresa May", "may").
			if (/^(?:19|20)\d\d$/.test(match[0]) && !YEAR_CUES.test(lead)) continue;
			// "of 1935 Orchard St.": a house number, not a year.
			if (/^(?:19|20)\d\d$/.test(match[0]) && ADDRESS_AFTER.test(text.slice(start + 4, start + 40)))
				continue;
			if (match[0] === 'May' && !PREPOSITION.test(lead)) continue;
			const clause = clauseBefore(text, start);
			let future = FUTURE.test(clause);
			let read = rule.read(match, published, future);
			if (!future && MONTH_WORD.test(match[0]))
				({ read, future } = intended(clause, published, (f) => rule.read(match, published, f)));
			if (read)
				found.push(withContext(text, start, start + match[0].length, read, published, future));
		}
	}
	for (const result of chrono.strict.parse(text, {
		instant: dayToDate(published),
		timezone: 0
	})) {
		const known = result.start;
		const day = known.get('day');
		const month = known.get('month');
		if (!known.isCertain('day') || !known.isCertain('month') || !day || !month) continue;
		// A calendar date names its month ("April 4", "4/10/2025"); "within 24 hours" does not.
		if (!new RegExp(`${MONTH_NAMES}|\\d[/.-]\\d`).test(result.text)) continue;
		const clause = clauseBefore(text, result.index);
		let future = FUTURE.test(clause);
		let year = known.isCertain('year')
			? known.get('year')!
			: yearFor(month, day, published, future);
		if (!future && !known.isCertain('year')) {
			const read = intended(clause, published, (f) => {
				const y = yearFor(month, day, published, f);
				return { year: y, startDay: dayOf(y, month - 1, day) };
			});
			if (read.read) ({ year } = read.read);
			future = read.future;
		}
		const first = dayOf(year, month - 1, day);
		let last = first;
		if (result.end?.isCertain('day')) {
			const end = result.end;
			last = dayOf(
				end.isCertain('year') ? end.get('year')! : year,
				(end.get('month') ?? month) - 1,
				end.get('day')!
			);
		}
		found.push(
			withContext(
				text,
				result.index,
				result.index + result.text.length,
				range(first, last, first === last),
				published,
				future
			)
		);
	}
	found.sort((a, b) => a.start - b.start || b.end - a.end);
	const kept: DateMention[] = [];
	for (const mention of found) {
		const last = kept[kept.length - 1];
		if (last && mention.start < last.end) {
			if (mention.end - mention.start > last.end - last.start) kept[kept.length - 1] = mention;
			continue;
		}
		kept.push(mention);
	}
	return kept;
}

/** The year of "April 4": the most recent one not after publication (the next one if future). */
function yearFor(month: number, day: number, published: number, future: boolean): number {
	const { y } = ymd(published);
	const thisYear = dayOf(y, month - 1, day);
	if (future) return thisYear >= published ? y : y + 1;
	return thisYear <= published ? y : y - 1;
}

/**
 * Widens the span to a preposition just before it, reads "since" and "until" as frames, and cuts
 * a range at the publication day: "in 2016" in a story of 17 December 2016 ends that day, unless
 * the clause looks ahead. A date that starts after publication is ahead whatever the tense.
 */
function withContext(
	text: string,
	start: number,
	end: number,
	read: { startDay: number; endDay: number; exact: boolean },
	published: number,
	future: boolean
): DateMention {
	const lead = text.slice(Math.max(0, start - 12), start);
	const preposition = PREPOSITION.exec(lead);
	const from = preposition ? start - preposition[0].length : start;
	const frame = FRAME.test(lead);
	const { startDay } = read;
	// "since 2022" runs from its date to publication.
	let endDay = /\bsince\s+$/i.test(lead) ? Math.max(read.endDay, published) : read.endDay;
	const ahead = startDay > published;
	if (!ahead && !future && endDay > published) endDay = published;
	return {
		start: from,
		end,
		text: text.slice(from, end),
		startDay,
		endDay,
		exact: read.exact && !frame && startDay === endDay,
		anchoring: !frame,
		ahead: ahead || (future && endDay > published)
	};
}

/** One phrase read from a publication day, as ISO dates: the table tests' view of findDates. */
export function resolveDate(
	phrase: string,
	published: string
): { start: string; end: string; when: string; exact: boolean; ahead: boolean } | null {
	const day = parseIsoDate(published);
	if (day === null) return null;
	const mention = findDates(phrase, day)[0];
	if (!mention) return null;
	return {
		start: toIsoDate(mention.startDay),
		end: toIsoDate(mention.endDay),
		when: mention.text,
		exact: mention.exact,
		ahead: mention.ahead
	};
}
