import { roleOf, type FileRole } from './file-roles';
import { isHistoryFile } from './history';
import { decodeText, MAX_FILE_BYTES, parseJson } from './json-file';
import { ProblemList, type Problem } from './problems';
import { escapeUnsafe } from './text';
import type { StoryFiles } from './validate';

export interface PickedFile {
	name: string;
	contents: Uint8Array;
}

const ROLES: FileRole[] = ['events', 'places', 'article'];

/** A story is three files or one bundle; a few more (a README picked along) are named, not read. */
export const MAX_OPEN_FILES = 20;

const megabytes = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;

/**
 * What is wrong with opening these files, from their names and sizes alone, or [] when they may
 * be read: too many files, or too many bytes for a story.
 */
export function sizeProblems(
	files: readonly { name: string; size: number }[],
	limit = MAX_FILE_BYTES
): Problem[] {
	if (files.length > MAX_OPEN_FILES) {
		return [
			{
				file: '(your files)',
				message: `are ${files.length.toLocaleString('en-GB')} files; a story is three (events, places and the article) or one bundle. Choose those.`
			}
		];
	}
	let total = 0;
	for (const file of files) total += file.size;
	if (total <= limit) return [];
	const limitText = `${Math.round(limit / 1048576)} MB`;
	const largest = files.reduce((a, b) => (b.size > a.size ? b : a));
	if (largest.size > limit || files.length === 1) {
		return [
			{
				file: escapeUnsafe(largest.name),
				message: `is ${megabytes(largest.size)}; a story may be at most ${limitText} (about 250,000 events). Nothing was read.`
			}
		];
	}
	return [
		{
			file: '(your files)',
			message: `are ${megabytes(total)} together; a story may be at most ${limitText} (about 250,000 events). Nothing was read.`
		}
	];
}

/** Where one member's value lies in a JSON text: text.slice(start, end). */
export interface Span {
	start: number;
	end: number;
}

function skipSpace(text: string, i: number): number {
	for (; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
	}
	return i;
}

/** Just past the string whose opening quote is at `i`, or -1 when it never closes. */
function skipString(text: string, i: number): number {
	let from = i + 1;
	for (;;) {
		const quote = text.indexOf('"', from);
		if (quote === -1) return -1;
		let slashes = 0;
		for (let k = quote - 1; k > i && text.charCodeAt(k) === 0x5c; k--) slashes++;
		if (slashes % 2 === 0) return quote + 1;
		from = quote + 1;
	}
}

/**
 * Just past the value that starts at `i`, or -1. A loop with a depth counter, not recursion: a
 * list 100,000 deep is one more number to count.
 */
function skipValue(text: string, i: number): number {
	const first = text.charCodeAt(i);
	if (first === 0x22) return skipString(text, i);
	if (first !== 0x7b && first !== 0x5b) {
		let j = i;
		for (; j < text.length; j++) {
			const c = text.charCodeAt(j);
			if (c === 0x2c || c === 0x7d || c === 0x5d || c <= 0x20) break;
		}
		return j === i ? -1 : j;
	}
	let depth = 0;
	for (let j = i; j < text.length; j++) {
		const c = text.charCodeAt(j);
		if (c === 0x22) {
			const end = skipString(text, j);
			if (end === -1) return -1;
			j = end - 1;
		} else if (c === 0x7b || c === 0x5b) depth++;
		else if (c === 0x7d || c === 0x5d) {
			if (--depth === 0) return j + 1;
		}
	}
	return -1;
}

/** The longest a key can be written and still be "events", "places" or "article" (\u escapes). */
const MAX_KEY = 64;

/**
 * The members of a JSON object's top level and where each value lies, found without parsing the
 * values: a bundle's events and places go to the validator as the text they are, never parsed
 * and written out again (JSON.stringify of a 100,000-deep list overflows the stack, and of 50 MB
 * takes most of a second). Keys longer than any the bundle uses are skipped. Null when the text
 * is not an object, or not one this scan can follow; the caller then parses it for the message.
 * Only the structure is followed: the values are checked when they are parsed.
 */
export function topLevelMembers(text: string): Map<string, Span> | null {
	let i = skipSpace(text, 0);
	if (text.charCodeAt(i) !== 0x7b) return null;
	const members = new Map<string, Span>();
	i = skipSpace(text, i + 1);
	if (text.charCodeAt(i) === 0x7d) return skipSpace(text, i + 1) === text.length ? members : null;
	for (;;) {
		if (text.charCodeAt(i) !== 0x22) return null;
		const keyEnd = skipString(text, i);
		if (keyEnd === -1) return null;
		let key: unknown = null;
		if (keyEnd - i <= MAX_KEY) {
			try {
				key = JSON.parse(text.slice(i, keyEnd));
			} catch {
				return null;
			}
		}
		i = skipSpace(text, keyEnd);
		if (text.charCodeAt(i) !== 0x3a) return null;
		i = skipSpace(text, i + 1);
		const end = skipValue(text, i);
		if (end === -1) return null;
		// A repeated key: the last one counts, as for JSON.parse.
		if (typeof key === 'string') members.set(key, { start: i, end });
		i = skipSpace(text, end);
		const c = text.charCodeAt(i);
		if (c === 0x7d) return skipSpace(text, i + 1) === text.length ? members : null;
		if (c !== 0x2c) return null;
		i = skipSpace(text, i + 1);
	}
}

type Split = { ok: true; files: StoryFiles } | { ok: false; problems: Problem[] } | null;

/**
 * A bundle's three parts, or its problems, or null when the file is valid JSON but no bundle.
 * The events and places stay text, cut from the bundle; the rest of the bundle (the article and
 * any other members) is parsed with those two left out, so every byte is still checked as JSON.
 */
function splitBundle(bundle: PickedFile): Split {
	const problems = new ProblemList(bundle.name);
	const text = decodeText(bundle.contents, problems);
	if (text === null) return { ok: false, problems: problems.items };
	const members = topLevelMembers(text);
	const events = members?.get('events');
	const places = members?.get('places');
	if (events && places && members?.has('article')) {
		const [first, second] = events.start < places.start ? [events, places] : [places, events];
		const rest =
			text.slice(0, first.start) +
			'0' +
			text.slice(first.end, second.start) +
			'0' +
			text.slice(second.end);
		let parsed: unknown;
		try {
			parsed = JSON.parse(rest);
		} catch {
			parsed = undefined;
		}
		if (parsed !== undefined) {
			const article = (parsed as { article: unknown }).article;
			if (typeof article !== 'string') {
				problems.add('"article" must be the article text, as one string.', undefined, 'article');
				return { ok: false, problems: problems.items };
			}
			return {
				ok: true,
				files: {
					events: {
						name: `${bundle.name} › events`,
						contents: text.slice(events.start, events.end)
					},
					places: {
						name: `${bundle.name} › places`,
						contents: text.slice(places.start, places.end)
					},
					article: { name: `${bundle.name} › article`, contents: article }
				}
			};
		}
	}
	// Not a bundle, or not JSON: the parser's own message says where it breaks.
	parseJson(text, problems);
	return problems.items.length > 0 ? { ok: false, problems: problems.items } : null;
}

/**
 * A story from files a reader picked or dropped: either its three files (named as for
 * check:data) or one bundle, a JSON object with `events`, `places` and `article`.
 */
export function storyFilesFrom(
	picked: readonly PickedFile[]
): { ok: true; files: StoryFiles; history?: PickedFile } | { ok: false; problems: Problem[] } {
	if (
		picked.length === 1 &&
		/\.json$/i.test(picked[0]!.name) &&
		roleOf(picked[0]!.name) === 'events'
	) {
		const split = splitBundle(picked[0]!);
		if (split) return split;
	}
	const byRole = new Map<FileRole, PickedFile>();
	const problems: Problem[] = [];
	let history: PickedFile | undefined;
	for (const file of picked) {
		// A story folder's history is no part of the story: the checker reads which events it
		// withdraws, and the studio the rest (studio/publish.ts).
		if (isHistoryFile(file.name)) {
			history = file;
			continue;
		}
		const role = roleOf(file.name);
		if (byRole.has(role))
			problems.push({
				file: escapeUnsafe(file.name),
				message: `is a second ${role} file; choose one.`
			});
		else byRole.set(role, file);
	}
	for (const role of ROLES) {
		if (!byRole.has(role)) {
			problems.push({
				file: `(${role})`,
				message:
					role === 'article'
						? 'no article: add the article as a .txt file.'
						: `no ${role} file: add a GeoJSON file whose name ends in "${role}" (like ${role}.geojson), or one bundle .json with events, places and article.`
			});
		}
	}
	if (problems.length > 0) return { ok: false, problems };
	const [events, places, article] = ROLES.map((r) => byRole.get(r)!);
	return {
		ok: true,
		files: { events: events!, places: places!, article: article! },
		...(history ? { history } : {})
	};
}
