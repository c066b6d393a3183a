/**
 * npm run story:diff -- DIR [--from V] [--to V] [--json]
 * What changed in a story between two of its versions (history.json), event by event: by default
 * the latest version against the one before it. With --from and no --to, everything since V,
 * combined per event, as a returning reader is told it. --json prints one object instead.
 * Exits 1 with a sentence when the folder, its history or a version id is wrong.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { changeLine } from '../src/lib/story/change-lines';
import { EVENTS_ARROW } from '../src/lib/story/columnar/layout';
import { readEventTable } from '../src/lib/story/columnar/arrow-table';
import { eventId } from '../src/lib/story/event-table';
import {
	changesBetween,
	describeCounts,
	formatTime,
	versionIndex,
	type HistoryEvents
} from '../src/lib/story/history';
import { formatProblem } from '../src/lib/story/problems';
import type { Note } from '../src/lib/story/schema';
import { escapeUnsafe, truncate } from '../src/lib/story/text';
import { eventFieldsOf } from '../src/lib/story/version-check';
import { hasHistory, readFolderHistory } from './lib/history-file';

const USAGE = 'usage: npm run story:diff -- DIR [--from VERSION] [--to VERSION] [--json]';
const say = (line: string) => console.log(escapeUnsafe(line));
const warn = (line: string) => console.error(escapeUnsafe(line));

interface Args {
	dir: string;
	from: string | null;
	to: string | null;
	json: boolean;
}

function parseArgs(argv: string[]): Args | string {
	let dir: string | null = null;
	let from: string | null = null;
	let to: string | null = null;
	let json = false;
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i]!;
		if (arg === '--json') json = true;
		else if (arg === '--from' || arg === '--to') {
			const value = argv[++i];
			if (value === undefined) return `${arg} needs a version id`;
			if (arg === '--from') from = value;
			else to = value;
		} else if (arg.startsWith('--')) return `unknown option ${arg}`;
		else if (dir === null) dir = arg;
		else return `one story folder, not several (${arg})`;
	}
	return dir === null ? 'give the story folder' : { dir, from, to, json };
}

/** The story's events as the history is checked against them, with their notes where at hand. */
function storyEvents(
	dir: string
): { events: HistoryEvents; notes: (id: string) => Note[] } | string {
	if (existsSync(join(dir, EVENTS_ARROW))) {
		const read = readEventTable(readFileSync(join(dir, EVENTS_ARROW)));
		if (!read.ok) return `${EVENTS_ARROW} ${read.message}`;
		const ids = new Set<string>();
		for (let i = 0; i < read.table.length; i++) ids.add(eventId(read.table, i));
		return { events: { has: (id) => ids.has(id) }, notes: () => [] };
	}
	let fields;
	try {
		fields = eventFieldsOf(JSON.parse(readFileSync(join(dir, 'events.geojson'), 'utf8')));
	} catch (error) {
		return `events.geojson cannot be read (${truncate((error as Error).message, 120)}).`;
	}
	if (!fields) return 'events.geojson is not a FeatureCollection of events.';
	const notesOf = (id: string) => (fields.get(id)?.notes as Note[] | undefined) ?? [];
	return {
		events: { has: (id) => fields.has(id), notes: (id) => notesOf(id).length },
		notes: notesOf
	};
}

function main(argv: string[]): number {
	const args = parseArgs(argv);
	if (typeof args === 'string') {
		warn(`story:diff: ${args}`);
		warn(USAGE);
		return 2;
	}
	const dir = resolve(args.dir);
	const shown = relative(process.cwd(), dir) || dir;
	if (!existsSync(dir) || !statSync(dir).isDirectory()) {
		warn(`✗ ${shown}: is not a folder; give a story's folder.`);
		return 1;
	}
	if (!hasHistory(dir)) {
		warn(`✗ ${shown}: keeps no history.json, so it has had one version and nothing to compare.`);
		return 1;
	}
	const story = storyEvents(dir);
	if (typeof story === 'string') {
		warn(`✗ ${shown}: ${story}`);
		return 1;
	}
	const read = readFolderHistory(dir, story.events, (path) => relative(process.cwd(), path));
	if (!read.ok) {
		warn(`✗ ${shown}: the history has problems (npm run check:data -- ${shown} lists them all):`);
		for (const problem of read.problems.slice(0, 20)) warn(`  ${formatProblem(problem)}`);
		return 1;
	}
	const { history } = read;
	const ids = history.versions.map((v) => v.id).join(', ');
	const to = args.to ?? history.versions.at(-1)!.id;
	const toAt = versionIndex(history, to);
	if (toAt < 0) {
		warn(`✗ --to ${to}: no such version; the versions are ${ids}.`);
		return 1;
	}
	const from = args.from ?? (toAt === 0 ? null : history.versions[toAt - 1]!.id);
	if (from !== null && versionIndex(history, from) < 0) {
		warn(`✗ --from ${from}: no such version; the versions are ${ids}.`);
		return 1;
	}
	if (from !== null && versionIndex(history, from) > toAt) {
		warn(`✗ --from ${from} comes after --to ${to}; give the older version first.`);
		return 1;
	}
	const set = changesBetween(history, from, to)!;
	const events = [...set.events].map(([event, list]) => ({
		event,
		status: set.status.get(event)!,
		changes: list.map((entry) => ({
			version: entry.version,
			time: entry.time,
			...entry.change,
			text: changeLine(entry, story.notes(event), (id) => id).text
		}))
	}));
	if (args.json) {
		say(JSON.stringify({ story: shown, from, to, counts: set.counts, events }));
		return 0;
	}
	const version = (id: string | null) => {
		if (id === null) return 'the start';
		const v = history.versions[versionIndex(history, id)]!;
		return `version ${v.id} (${formatTime(v.at)})`;
	};
	say(`${shown}: from ${version(from)} to ${version(to)}: ${describeCounts(set.counts)}.`);
	for (const { event, status, changes } of events) {
		say(`  ${status.padEnd(9)} ${event}`);
		for (const change of changes)
			say(`    ${change.kind} in version ${change.version}: ${change.text || '(no reason given)'}`);
	}
	return 0;
}

try {
	process.exitCode = main(process.argv.slice(2));
} catch (error) {
	warn(
		`story:diff failed unexpectedly: ${truncate(error instanceof Error ? error.message : String(error), 300)}`
	);
	process.exitCode = 2;
}
