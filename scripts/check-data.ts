/**
 * npm run check:data [-- --stories DIR] [-- STORY_DIR] [-- FILE…]
 * With no files, checks every story under geodata/stories (or DIR), one line per story. With one
 * story folder, checks its three files, or, for a story in the columnar form (events.arrow), its
 * table, text chunks, places and article. With files, checks one story: the files given, and the
 * default story's for the rest.
 * Exits 1 and lists every problem when anything is wrong.
 */
import { today } from '../src/lib/story/dates';
import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import type { StoryCountryLookup } from '../src/lib/geo/countries';
import { EVENTS_ARROW } from '../src/lib/story/columnar/layout';
import { eventId } from '../src/lib/story/event-table';
import { latestVersion, type HistoryEvents, type StoryHistory } from '../src/lib/story/history';
import { eventFieldsOf, unrecordedChanges, type EventFields } from '../src/lib/story/version-check';
import { validateColumnarStory } from '../src/lib/story/columnar/validate-columnar';
import { countProblems, formatProblem, type Problem } from '../src/lib/story/problems';
import { escapeUnsafe, truncate } from '../src/lib/story/text';
import { validateStory } from '../src/lib/story/validate';
import { columnarEventFields, isColumnarFolder, readColumnarFolder } from './lib/columnar-files';
import { hasHistory, readFolderHistory, withdrawnIn } from './lib/history-file';
import { shippedCountryLookup } from './lib/natural-earth';
import {
	STORIES_ROOT,
	listStories,
	readStoryFiles,
	storyFilePaths,
	storyFolderFiles,
	type Role
} from './lib/story-files';

const USAGE = 'usage: npm run check:data [-- --stories DIR | STORY_DIR [--previous DIR] | FILE…]';

const isFolder = (path: string) => {
	try {
		return statSync(path).isDirectory();
	} catch {
		return false;
	}
};

/**
 * Every line goes through here. File names, ids and messages come from files anyone can write: a
 * terminal escape in an id could clear the screen and print a fake "✓" line, and OSC 52 could
 * write the clipboard. Escaped, they are shown instead of obeyed.
 */
const say = (line: string) => console.log(escapeUnsafe(line));
const warn = (line: string) => console.error(escapeUnsafe(line));

/** Paths as a person at this prompt would type them. */
const shown = (path: string) => relative(process.cwd(), path) || path;

const count = (n: number, noun: string) =>
	`${n.toLocaleString('en-GB')} ${noun}${n === 1 ? '' : 's'}`;

/**
 * Checks one story's files and prints its summary line and problems; true when it passes. `slug`
 * names the story in a run over all of them; null is a run over files given, which prints as it
 * always has, since other tools read that line.
 */
function checkStory(
	slug: string | null,
	paths: Record<Role, string>,
	lookup: StoryCountryLookup
): boolean {
	const label = slug === null ? '' : `${slug}: `;
	const indent = slug === null ? '' : '  ';
	const files = readStoryFiles({
		events: shown(paths.events),
		places: shown(paths.places),
		article: shown(paths.article)
	});
	if ('unreadable' in files) {
		if (slug !== null) warn(`✗ ${label}files missing`);
		for (const line of files.unreadable) warn(`${indent}${line}`);
		return false;
	}
	const dir = dirname(paths.events);
	const result = validateStory(files, lookup, withdrawnIn(dir));
	if (!result.ok) return reportProblems(slug, result.problems);
	const { events, places, eventById } = result.story;
	const history = checkHistory(dir, {
		has: (id) => eventById.has(id),
		notes: (id) => eventById.get(id)?.notes.length
	});
	if (Array.isArray(history)) return reportProblems(slug, history);
	if (history) {
		const problems = previousProblems(dir, history, files.events.name, () =>
			eventFieldsOf(JSON.parse(new TextDecoder().decode(toBytes(files.events.contents))))
		);
		if (problems.length) return reportProblems(slug, problems);
	}
	say(
		`✓ ${label}${count(events.length, 'event')} and ${count(places.length, 'place')} check out (${files.events.name}, ${files.places.name}, ${files.article.name}).`
	);
	if (history) sayHistory(indent, history);
	return true;
}

/**
 * With --previous, what changed since the version in that folder with no record in the latest
 * version of the history (version-check.ts); nothing without it. Either form, each read as its
 * events' fields by id.
 */
function previousProblems(
	dir: string,
	history: StoryHistory,
	file: string,
	current: () => Map<string, EventFields> | string | null = () => columnarEventFields(dir)
): Problem[] {
	if (previousDir === null) return [];
	if (isColumnarFolder(previousDir) !== isColumnarFolder(dir))
		return [
			{
				file: shown(previousDir),
				message: `is a story in the ${isColumnarFolder(previousDir) ? 'columnar' : 'GeoJSON'} form, and ${shown(dir)} in the ${isColumnarFolder(dir) ? 'columnar' : 'GeoJSON'} form: --previous compares two versions of one story, in one form.`
			}
		];
	const previous = readPreviousEvents(previousDir);
	if (typeof previous === 'string') return [{ file: shown(previousDir), message: previous }];
	const now = current();
	if (typeof now === 'string') return [{ file: shown(dir), message: now }];
	return unrecordedChanges(previous, now ?? new Map(), history, file);
}

/** The folder given with --previous: the story as last published, to compare the new version with. */
let previousDir: string | null = null;

const toBytes = (contents: string | Uint8Array) =>
	typeof contents === 'string' ? new TextEncoder().encode(contents) : contents;

/** The folder's history, checked against its events: null where it keeps none, its problems where it is wrong. */
function checkHistory(dir: string, events: HistoryEvents): StoryHistory | Problem[] | null {
	if (!hasHistory(dir)) return null;
	const result = readFolderHistory(dir, events, shown);
	return result.ok ? result.history : result.problems;
}

function sayHistory(indent: string, history: StoryHistory): void {
	const latest = latestVersion(history);
	say(
		`${indent}  history.json: ${count(history.versions.length, 'version')}, the latest "${latest.id}" of ${latest.time}.`
	);
}

/** The previous version's events, by id, from its folder (either form); or why not. */
function readPreviousEvents(dir: string) {
	if (isColumnarFolder(dir)) return columnarEventFields(dir);
	let json: unknown;
	try {
		json = JSON.parse(readFileSync(resolve(dir, 'events.geojson'), 'utf8'));
	} catch (error) {
		return `its events.geojson cannot be read as the previous version (${error instanceof Error ? error.message : String(error)}).`;
	}
	return eventFieldsOf(json) ?? 'its events.geojson is not a FeatureCollection of events.';
}

/** The problems of a story that fails, under its summary line; false, for the caller. */
function reportProblems(slug: string | null, problems: Problem[]): false {
	const label = slug === null ? '' : `${slug}: `;
	// The list stops at the first few hundred per file; the count says how many there are.
	const total = count(countProblems(problems), 'problem');
	warn(slug === null ? `✗ ${total} in the story:` : `✗ ${label}${total}:`);
	for (const problem of problems) warn(`  ${formatProblem(problem)}`);
	return false;
}

/** Checks a story in the columnar form, in `dir`, as checkStory does a GeoJSON one. */
function checkColumnar(slug: string | null, dir: string, lookup: StoryCountryLookup): boolean {
	const label = slug === null ? '' : `${slug}: `;
	const indent = slug === null ? '' : '  ';
	const files = readColumnarFolder(dir, shown);
	if ('unreadable' in files) {
		if (slug !== null) warn(`✗ ${label}files missing`);
		for (const line of files.unreadable) warn(`${indent}${line}`);
		return false;
	}
	// Today, as the importer counts it: an event may not end after it when no day of publication is given.
	const result = validateColumnarStory(files, {
		today: today(),
		countries: lookup,
		withdrawn: withdrawnIn(dir)
	});
	if (!result.ok) return reportProblems(slug, result.problems);
	let history: StoryHistory | Problem[] | null = null;
	if (hasHistory(dir)) {
		// A million ids as strings: made once, for this check only.
		const ids = new Set<string>();
		for (let i = 0; i < result.table.length; i++) ids.add(eventId(result.table, i));
		history = checkHistory(dir, { has: (id) => ids.has(id) });
		if (Array.isArray(history)) return reportProblems(slug, history);
		const problems = history ? previousProblems(dir, history, files.events.name) : [];
		if (problems.length) return reportProblems(slug, problems);
	}
	say(
		`✓ ${label}${count(result.table.length, 'event')} and ${count(result.places.length, 'place')} check out (${files.events.name}, ${files.text.folder}/ with ${count(result.chunks, 'text chunk')}, ${files.places.name}, ${files.article.name}).`
	);
	if (history) sayHistory(indent, history);
	return true;
}

/** A story folder in whichever form it is. */
function checkFolder(slug: string | null, dir: string, lookup: StoryCountryLookup): boolean {
	return isColumnarFolder(dir)
		? checkColumnar(slug, dir, lookup)
		: checkStory(slug, storyFolderFiles(dir), lookup);
}

function parseArgs(
	argv: string[]
): { stories: string | null; files: string[]; previous: string | null } | string {
	const files: string[] = [];
	let stories: string | null = null;
	let previous: string | null = null;
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i]!;
		if (arg === '--stories') {
			const dir = argv[++i];
			if (dir === undefined) return '--stories needs a folder';
			stories = dir;
		} else if (arg === '--previous') {
			const dir = argv[++i];
			if (dir === undefined) return '--previous needs the folder of the version published before';
			previous = dir;
		} else if (arg.startsWith('--')) {
			return `unknown option ${arg}`;
		} else {
			files.push(arg);
		}
	}
	// Files replace the default story's; which story's would they replace in another folder?
	if (stories !== null && files.length) return 'give either --stories or files, not both';
	if (previous !== null && (files.length !== 1 || !isFolder(files[0]!)))
		return '--previous compares one story folder with the version before it: give that folder';
	return { stories, files, previous };
}

function main(argv: string[]): number {
	const args = parseArgs(argv);
	if (typeof args === 'string') {
		warn(`check:data: ${args}`);
		warn(USAGE);
		return 2;
	}
	previousDir = args.previous === null ? null : resolve(args.previous);
	// The atlas's own basemap and slack: what passes here opens there.
	const lookup = shippedCountryLookup();
	// One folder given: a story folder (as `npm run draft -- --out DIR` writes).
	const [only] = args.files;
	if (args.files.length === 1 && only !== undefined && isFolder(only))
		return checkFolder(null, resolve(only), lookup) ? 0 : 1;
	// events.arrow given alone: the story is its folder, chunks and all.
	if (args.files.length === 1 && only !== undefined && basename(only) === EVENTS_ARROW)
		return checkColumnar(null, dirname(resolve(only)), lookup) ? 0 : 1;
	if (args.files.length) return checkStory(null, storyFilePaths(args.files), lookup) ? 0 : 1;

	const root = args.stories === null ? STORIES_ROOT : resolve(args.stories);
	let listed: ReturnType<typeof listStories>;
	try {
		listed = listStories(root);
	} catch {
		warn(`✗ ${shown(root)}: cannot be read as a folder of stories.`);
		return 1;
	}
	const { slugs, misnamed } = listed;
	let ok = slugs.length > 0;
	if (!slugs.length) warn(`✗ ${shown(root)}: no stories (one folder per story).`);
	for (const name of misnamed) {
		warn(
			`✗ ${name}: a story's folder name is its URL: lower-case letters and digits joined by hyphens.`
		);
		ok = false;
	}
	for (const slug of slugs) {
		// Every story, not the first failure: one run lists all there is to fix.
		ok = checkFolder(slug, resolve(root, slug), lookup) && ok;
	}
	return ok ? 0 : 1;
}

try {
	process.exitCode = main(process.argv.slice(2));
} catch (error) {
	// A bug of ours, not the journalist's file: say so plainly, without a stack trace.
	const message = error instanceof Error ? error.message : String(error);
	warn(`check:data failed unexpectedly: ${truncate(message, 300)}`);
	process.exitCode = 2;
}
