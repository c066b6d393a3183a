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
import {
	ColumnarImport,
	datasetFileOf,
	type ImportHead
} from '../../src/lib/import/columnar-story';
import type { ImportedPlace } from '../../src/lib/import/place-table';
import type { ImportedEvent } from '../../src/lib/import/rows-to-events';
import {
	EVENTS_TAIL,
	eventFeature,
	eventsHead,
	placesCollection
} from '../../src/lib/import/story-json';
import {
	EVENTS_ARROW,
	MAX_GEOJSON_EVENTS,
	TEXT_FOLDER,
	chunkCount
} from '../../src/lib/story/columnar/layout';
import { articleHead } from '../../src/lib/story/dataset-origin';
import { STORY_FILE_NAMES } from '../../src/lib/story/story-index';
import { Output } from './output';

export const STORY_FORMATS = ['geojson', 'columnar'] as const;
export type StoryFormat = (typeof STORY_FORMATS)[number];

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
		head: ImportHead
	) {
		this.#events = new Output(join(dir, STORY_FILE_NAMES.events));
		this.#article = new Output(join(dir, STORY_FILE_NAMES.article));
		this.#events.write(eventsHead(head.title, head.published, datasetFileOf(head)));
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

/**
 * The columnar form: events.arrow, text/<n>.json, places.geojson and an article on the origin, as
 * the form's one writer makes them (import/columnar-story.ts), each written beside its place
 * under a `.partial` name and renamed into place once all are written.
 */
export class ColumnarWriter implements StoryWriter {
	readonly #story = new ColumnarImport();
	readonly #spill: SpillFile;

	constructor(
		private readonly dir: string,
		private readonly head: ImportHead
	) {
		this.#spill = new SpillFile(join(dir, 'text.spill.partial'));
	}

	add(event: ImportedEvent): void {
		this.#spill.put(this.#story.add(event));
	}

	finish(places: readonly ImportedPlace[]): Written {
		const { dir } = this;
		const partial = (name: string) => join(dir, `${name}.partial`);
		const textDir = partial(TEXT_FOLDER);
		mkdirSync(textDir);
		const events = this.#story.length;
		for (const file of this.#story.files(this.head, places, (k) => this.#spill.get(k))) {
			const [folder, name] = file.path.split('/');
			writeFileSync(name ? join(textDir, name) : partial(folder!), file.contents);
			// The words are all in the chunks once events.arrow, which follows them, is made.
			if (file.path === EVENTS_ARROW) this.#spill.close();
		}
		for (const name of [EVENTS_ARROW, STORY_FILE_NAMES.places, STORY_FILE_NAMES.article])
			renameSync(partial(name), join(dir, name));
		renameSync(textDir, join(dir, TEXT_FOLDER));
		return { format: 'columnar', events, chunks: chunkCount(events) };
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
		private readonly head: ImportHead,
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

export function storyWriter(dir: string, head: ImportHead, format?: StoryFormat): StoryWriter {
	if (format === 'geojson') return new GeoJsonWriter(dir, head);
	if (format === 'columnar') return new ColumnarWriter(dir, head);
	return new AutoWriter(dir, head);
}
