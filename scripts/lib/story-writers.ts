/**
 * Where `npm run import` puts its events: a story folder in one of its two forms
 * (geodata/README.md). GeoJSON is streamed out as the rows come; the columnar form gathers the
 * events as columns and their words in a spill file beside the story, then writes them sorted.
 * They write into a new folder of their own (scripts/lib/story-folder.ts renames it into place):
 * they never remove a file they did not write, and a failed import removes what they began.
 */
import {
	closeSync,
	existsSync,
	mkdirSync,
	openSync,
	readSync,
	readdirSync,
	rmdirSync,
	renameSync,
	rmSync,
	writeFileSync,
	writeSync
} from 'node:fs';
import { join } from 'node:path';
import { EventColumns, chunkJson, eventText } from '../../src/lib/import/event-columns';
import type { ImportedPlace } from '../../src/lib/import/place-table';
import type { ImportedEvent } from '../../src/lib/import/rows-to-events';
import {
	EVENTS_TAIL,
	articleHead,
	datasetArticle,
	datasetDateline,
	eventFeature,
	eventsHead,
	placesCollection
} from '../../src/lib/import/story-json';
import { writeEventTable } from '../../src/lib/story/columnar/arrow-table';
import { chunkChecksum } from '../../src/lib/story/checksum';
import {
	CHUNK_SIZE,
	EVENTS_ARROW,
	MAX_GEOJSON_EVENTS,
	TEXT_FOLDER,
	chunkCount
} from '../../src/lib/story/columnar/layout';
import { STORY_FILE_NAMES } from '../../src/lib/story/story-index';
import { Output } from './output';

export const STORY_FORMATS = ['geojson', 'columnar'] as const;
export type StoryFormat = (typeof STORY_FORMATS)[number];

/** What the story says about itself, known once the file's first row is read. */
export interface StoryHead {
	title: string;
	published: string | null;
	/** The file's name, for article.txt. */
	file: string;
	/** "an ACLED export, UTF-8, comma-separated". */
	what: string;
	/** "an ACLED export": what the reader is told the story was imported from. */
	dataset?: string;
	/** The day of the import, YYYY-MM-DD. */
	day: string;
	/** The file's rows, its header included, where the reader counted them all. */
	rows?: number;
}

export interface Written {
	format: StoryFormat;
	events: number;
	/** Text chunks, for the columnar form. */
	chunks: number;
}

export interface StoryWriter {
	/** One imported event and its line (the listing's, in the GeoJSON form). */
	add(event: ImportedEvent, line: string): void;
	/** Writes what is left and moves every file into place. */
	finish(places: readonly ImportedPlace[]): Written;
	/** Nothing to keep: removes what was begun. */
	abort(): void;
}

/** Today's form: events.geojson and the listing article, streamed out row by row. */
export class GeoJsonWriter implements StoryWriter {
	readonly #events: Output;
	readonly #article: Output;
	#count = 0;

	constructor(
		private readonly dir: string,
		head: StoryHead
	) {
		this.#events = new Output(join(dir, STORY_FILE_NAMES.events));
		this.#article = new Output(join(dir, STORY_FILE_NAMES.article));
		this.#events.write(eventsHead(head.title, head.published));
		this.#article.write(articleHead(head.file, head.what, head.day));
	}

	add(event: ImportedEvent, line: string): void {
		this.#events.write(`${this.#count === 0 ? '' : ',\n'}${eventFeature(event)}`);
		this.#article.write(`${line}\n`);
		this.#count++;
	}

	finish(places: readonly ImportedPlace[]): Written {
		this.#events.write(EVENTS_TAIL);
		const placesOut = new Output(join(this.dir, STORY_FILE_NAMES.places));
		placesOut.write(placesCollection(places));
		this.#events.close(true);
		this.#article.close(true);
		placesOut.close(true);
		return { format: 'geojson', events: this.#count, chunks: 0 };
	}

	abort(): void {
		this.#events.close(false);
		this.#article.close(false);
	}
}

/**
 * Each event's words as JSON, one after another in a file, read back in the table's order. A
 * million events' words are some 700 MB: on disk, not in the process's memory.
 */
class SpillFile {
	readonly #fd: number;
	#offsets = new Float64Array(1025);
	#count = 0;
	#pending: string[] = [];
	#pendingBytes = 0;
	#buffer = Buffer.alloc(1 << 16);
	#closed = false;

	constructor(readonly path: string) {
		this.#fd = openSync(path, 'w+');
	}

	put(text: string): void {
		if (this.#count + 1 === this.#offsets.length) {
			const bigger = new Float64Array(this.#offsets.length * 2);
			bigger.set(this.#offsets);
			this.#offsets = bigger;
		}
		const bytes = Buffer.byteLength(text);
		this.#offsets[this.#count + 1] = this.#offsets[this.#count]! + bytes;
		this.#count++;
		this.#pending.push(text);
		this.#pendingBytes += bytes;
		if (this.#pendingBytes > 1 << 22) this.#flush();
	}

	#flush(): void {
		if (this.#pending.length) writeSync(this.#fd, this.#pending.join(''));
		this.#pending = [];
		this.#pendingBytes = 0;
	}

	get(i: number): string {
		this.#flush();
		const from = this.#offsets[i]!;
		const length = this.#offsets[i + 1]! - from;
		if (length > this.#buffer.length) this.#buffer = Buffer.alloc(length);
		readSync(this.#fd, this.#buffer, 0, length, from);
		return this.#buffer.toString('utf8', 0, length);
	}

	/** Once only, as Output.close: an abort after finish closes it again. */
	close(): void {
		if (this.#closed) return;
		this.#closed = true;
		closeSync(this.#fd);
		rmSync(this.path, { force: true });
	}
}

/** The columnar form: events.arrow, text/<n>.json, places.geojson and an article on the origin. */
export class ColumnarWriter implements StoryWriter {
	readonly #columns = new EventColumns();
	readonly #spill: SpillFile;
	/** The last row an event came from: the file has at least that many. */
	#lastRow = 0;
	#first = '';
	#last = '';

	constructor(
		private readonly dir: string,
		private readonly head: StoryHead
	) {
		this.#spill = new SpillFile(join(dir, 'text.spill.partial'));
	}

	add(event: ImportedEvent): void {
		if (!this.#first || event.start < this.#first) this.#first = event.start;
		if (event.end > this.#last) this.#last = event.end;
		this.#columns.add(event);
		this.#lastRow = Math.max(this.#lastRow, event.row);
		this.#spill.put(JSON.stringify(eventText(event)));
	}

	finish(places: readonly ImportedPlace[]): Written {
		const { dir, head } = this;
		const { table, order } = this.#columns.finish();
		const partial = (name: string) => join(dir, `${name}.partial`);
		const textDir = partial(TEXT_FOLDER);
		mkdirSync(textDir);
		const chunks = chunkCount(table.length);
		const checksums: string[] = [];
		for (let chunk = 0; chunk < chunks; chunk++) {
			const texts: string[] = [];
			const end = Math.min(table.length, (chunk + 1) * CHUNK_SIZE);
			for (let i = chunk * CHUNK_SIZE; i < end; i++) texts.push(this.#spill.get(order[i]!));
			const json = chunkJson(texts);
			checksums.push(chunkChecksum(json));
			writeFileSync(join(textDir, `${chunk}.json`), json);
		}
		writeFileSync(
			partial(EVENTS_ARROW),
			writeEventTable(table, {
				title: head.title,
				published: head.published,
				origin: datasetDateline(
					head.dataset ?? 'a dataset',
					head.file,
					table.length,
					this.#first,
					this.#last
				),
				rows: head.rows ?? this.#lastRow,
				chunks: checksums
			})
		);
		this.#spill.close();
		writeFileSync(partial(STORY_FILE_NAMES.places), placesCollection(places));
		writeFileSync(
			partial(STORY_FILE_NAMES.article),
			datasetArticle(head.file, head.what, head.day, table.length)
		);
		renameSync(partial(EVENTS_ARROW), join(dir, EVENTS_ARROW));
		renameSync(textDir, join(dir, TEXT_FOLDER));
		renameSync(partial(STORY_FILE_NAMES.places), join(dir, STORY_FILE_NAMES.places));
		renameSync(partial(STORY_FILE_NAMES.article), join(dir, STORY_FILE_NAMES.article));
		return { format: 'columnar', events: table.length, chunks };
	}

	abort(): void {
		this.#spill.close();
		for (const name of [EVENTS_ARROW, STORY_FILE_NAMES.places, STORY_FILE_NAMES.article])
			rmSync(join(this.dir, `${name}.partial`), { force: true });
		const textDir = join(this.dir, `${TEXT_FOLDER}.partial`);
		if (!existsSync(textDir)) return;
		// Only the chunks this writer wrote, then the folder (which rmdir keeps if anything else is in it).
		for (const name of readdirSync(textDir))
			if (/^\d+\.json$/.test(name)) rmSync(join(textDir, name), { force: true });
		rmdirSync(textDir);
	}
}

/**
 * GeoJSON for a story of up to MAX_GEOJSON_EVENTS events, columnar past that. The first events
 * wait in memory until there are more than that, or the file ends.
 */
export class AutoWriter implements StoryWriter {
	#waiting: [ImportedEvent, string][] = [];
	#writer: StoryWriter | null = null;

	constructor(
		private readonly dir: string,
		private readonly head: StoryHead,
		private readonly threshold = MAX_GEOJSON_EVENTS
	) {}

	add(event: ImportedEvent, line: string): void {
		if (this.#writer) return this.#writer.add(event, line);
		this.#waiting.push([event, line]);
		if (this.#waiting.length > this.threshold) this.#hand(new ColumnarWriter(this.dir, this.head));
	}

	#hand(writer: StoryWriter): StoryWriter {
		this.#writer = writer;
		for (const [event, line] of this.#waiting) writer.add(event, line);
		this.#waiting = [];
		return writer;
	}

	finish(places: readonly ImportedPlace[]): Written {
		return (this.#writer ?? this.#hand(new GeoJsonWriter(this.dir, this.head))).finish(places);
	}

	abort(): void {
		this.#writer?.abort();
	}
}

export function storyWriter(dir: string, head: StoryHead, format?: StoryFormat): StoryWriter {
	if (format === 'geojson') return new GeoJsonWriter(dir, head);
	if (format === 'columnar') return new ColumnarWriter(dir, head);
	return new AutoWriter(dir, head);
}
