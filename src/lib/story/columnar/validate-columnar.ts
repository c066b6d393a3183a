/**
 * A columnar story folder checked as a whole: events.arrow, places.geojson, article.txt and the
 * text chunks. The same result for `npm run check:data` and for anything else that reads a
 * folder; the files come in through callbacks, so the chunks are read one at a time.
 */
import type { CountryLookup } from '../country-lookup';
import type { FileContents } from '../json-file';
import { MAX_PROBLEMS_PER_FILE, ProblemList, type Problem } from '../problems';
import type { Place } from '../types';
import { readArticleAndPlaces } from '../validate';
import { readEventTable } from './arrow-table';
import type { EventTable } from '../event-table';
import { CHUNK_SIZE, MAX_EVENTS_ARROW_BYTES, chunkCount, type TableMeta } from './layout';
import { checkTextChunk } from './text-chunks';
import { validateTable } from './validate-table';

export interface ColumnarFiles {
	events: { name: string; contents: Uint8Array };
	places: { name: string; contents: FileContents };
	article: { name: string; contents: FileContents };
	text: {
		/** How problems name the folder (`…/text`). */
		folder: string;
		/** The names of the files in it, or null when there is no such folder. */
		names: readonly string[] | null;
		/** A file of it by name: its contents, or why it cannot be read. */
		read(name: string): FileContents | { unreadable: string };
	};
}

export type ColumnarResult =
	| { ok: true; table: EventTable; meta: TableMeta; places: Place[]; chunks: number }
	| { ok: false; problems: Problem[] };

const mb = (bytes: number) =>
	`${(bytes / 1048576).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB`;

/** The message for an events.arrow over MAX_EVENTS_ARROW_BYTES, asked before it is read. */
export function eventsTooBig(bytes: number): string | null {
	return bytes > MAX_EVENTS_ARROW_BYTES
		? `is ${mb(bytes)}; the limit is ${mb(MAX_EVENTS_ARROW_BYTES)}.`
		: null;
}

/**
 * Checks a columnar story. `today` (a day number) bounds the events' days when the table gives
 * no publication day; `countries` checks each place lies in its country, as for every story.
 */
export function validateColumnarStory(
	files: ColumnarFiles,
	{
		today,
		countries,
		withdrawn
	}: { today: number; countries?: CountryLookup; withdrawn?: ReadonlySet<string> }
): ColumnarResult {
	const all: Problem[] = [];
	let count = 0;
	const collect = (list: ProblemList) => {
		for (const problem of list.list()) all.push(problem);
		count += list.count;
	};

	const { article, places, knownPlaceIds, problems } = readArticleAndPlaces(
		files,
		"is empty: a dataset's article.txt says where its rows came from.",
		countries
	);
	problems.forEach(collect);

	const eventProblems = new ProblemList(files.events.name);
	const tooBig = eventsTooBig(files.events.contents.byteLength);
	const read = tooBig
		? { ok: false as const, message: tooBig }
		: readEventTable(files.events.contents);
	if (!read.ok) {
		eventProblems.add(read.message);
		collect(eventProblems);
		return { ok: false, problems: all };
	}
	const { table, meta } = read;
	// Events the places file does not know are named in events.arrow, not again in each chunk.
	validateTable(table, meta, places, eventProblems, {
		today,
		...(withdrawn ? { withdrawn } : {}),
		...(knownPlaceIds ? { knownPlaceIds } : {})
	});
	collect(eventProblems);

	const chunks = chunkCount(table.length);
	if (meta.chunks.length !== chunks) {
		const listed = new ProblemList(files.events.name);
		listed.add(
			`keeps ${meta.chunks.length.toLocaleString('en-GB')} checksums of text chunks in its metadata for the ${chunks.toLocaleString('en-GB')} chunks of its events.`
		);
		collect(listed);
	}
	checkChunks(
		table,
		meta.chunks,
		chunks,
		files.text,
		(list) => collect(list),
		(problem) => {
			all.push(problem);
			count += problem.more ?? 1;
		}
	);

	if (count > 0 || article === null) return { ok: false, problems: all };
	return { ok: true, table, meta, places, chunks };
}

/**
 * Every chunk the table needs, present and right, and no other file in the folder. The listing
 * stops after MAX_PROBLEMS_PER_FILE problems over all chunks, with one line for the rest: a
 * thousand chunks of another schema must not list a million lines.
 */
function checkChunks(
	table: EventTable,
	checksums: readonly string[],
	chunks: number,
	text: ColumnarFiles['text'],
	collect: (list: ProblemList) => void,
	push: (problem: Problem) => void
): void {
	const names = new Set(text.names ?? []);
	if (text.names === null && chunks > 0) {
		push({
			file: new ProblemList(text.folder).file,
			message: `is missing: the ${table.length.toLocaleString('en-GB')} events' words are in ${chunks.toLocaleString('en-GB')} files there, 0.json to ${chunks - 1}.json.`
		});
		return;
	}
	let listed = 0;
	let more = 0;
	const take = (list: ProblemList) => {
		const room = MAX_PROBLEMS_PER_FILE - listed;
		if (list.count <= room) {
			collect(list);
			listed += list.count;
			return;
		}
		for (const problem of list.items.slice(0, room)) push(problem);
		listed += room;
		more += list.count - room;
	};
	for (let n = 0; n < chunks; n++) {
		const name = `${n}.json`;
		const problems = new ProblemList(`${text.folder}/${name}`);
		if (!names.has(name)) {
			problems.add(
				`is missing: it holds the words of events ${(n * CHUNK_SIZE + 1).toLocaleString('en-GB')} onwards.`
			);
		} else {
			const contents = text.read(name);
			if (typeof contents === 'object' && 'unreadable' in contents)
				problems.add(contents.unreadable);
			else checkTextChunk(table, n, contents, checksums[n], problems);
		}
		names.delete(name);
		take(problems);
	}
	for (const name of [...names].sort()) {
		const problems = new ProblemList(`${text.folder}/${name}`);
		problems.add(
			chunks
				? `is not a chunk of this table: its ${table.length.toLocaleString('en-GB')} events take 0.json to ${chunks - 1}.json.`
				: 'is not a chunk of this table: it has no events.'
		);
		take(problems);
	}
	if (more)
		push({
			file: new ProblemList(text.folder).file,
			message: `and ${more.toLocaleString('en-GB')} more ${more === 1 ? 'problem' : 'problems'} in its chunks.`,
			more
		});
}
