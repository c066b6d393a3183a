/**
 * An import in the columnar form (story/columnar/): the events gathered as columns as they come,
 * then the folder's files by the form's one writer (folder-files.ts). The words of each event are
 * the caller's to keep, in the order they came: on disk for the command line (a million events'
 * words are some 700 MB), in memory for the studio's worker, which takes fewer.
 */
import {
	columnarFiles,
	type ColumnarSource,
	type FolderFile
} from '../story/columnar/folder-files';
import { CHUNK_SIZE } from '../story/columnar/layout';
import { EventColumns, chunkJson, eventText } from './event-columns';
import type { ImportedPlace } from './place-table';
import type { ImportedEvent } from './rows-to-events';
import { datasetDateline } from '../story/dataset-origin';
import type { DatasetFile } from '../story/types';
import { datasetArticle, placesCollection } from './story-json';

/** What the story says about itself, known once the file's first row is read. */
export interface ImportHead {
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
	/** The column whose cells are the rows' notes (RowReader.notes). */
	notesColumn?: string;
}

/** The source file the story's metadata names (story/types.ts DatasetFile). */
export const datasetFileOf = (head: ImportHead): DatasetFile => ({
	file: head.file,
	...(head.notesColumn ? { notesColumn: head.notesColumn } : {})
});

export class ColumnarImport {
	readonly #columns = new EventColumns();
	/** The last row an event came from: the file has at least that many. */
	#lastRow = 0;
	#first = '';
	#last = '';

	get length(): number {
		return this.#columns.length;
	}

	/** Takes the event's columns; returns its words as JSON, for the caller to keep in order. */
	add(event: ImportedEvent): string {
		if (!this.#first || event.start < this.#first) this.#first = event.start;
		if (event.end > this.#last) this.#last = event.end;
		this.#columns.add(event);
		this.#lastRow = Math.max(this.#lastRow, event.row);
		return JSON.stringify(eventText(event));
	}

	/**
	 * The story as the form's writer takes it; `text(k)` gives back the words `add` returned for
	 * the k-th event added. Once: the columns are sorted into the table.
	 */
	source(
		head: ImportHead,
		places: readonly ImportedPlace[],
		text: (k: number) => string
	): ColumnarSource {
		const { table, order } = this.#columns.finish();
		return {
			table,
			meta: {
				title: head.title,
				published: head.published,
				origin: datasetDateline(
					head.dataset ?? 'a dataset',
					head.file,
					table.length,
					this.#first,
					this.#last
				),
				datasetFile: datasetFileOf(head),
				rows: head.rows ?? this.#lastRow
			},
			chunk: (n) => {
				const texts: string[] = [];
				const end = Math.min(table.length, (n + 1) * CHUNK_SIZE);
				for (let i = n * CHUNK_SIZE; i < end; i++) texts.push(text(order[i]!));
				return chunkJson(texts);
			},
			places: placesCollection(places),
			article: datasetArticle(head.file, head.what, head.day, table.length)
		};
	}

	/** The folder's files, one at a time (columnarFiles). */
	files(
		head: ImportHead,
		places: readonly ImportedPlace[],
		text: (k: number) => string
	): Generator<FolderFile> {
		return columnarFiles(this.source(head, places, text));
	}
}
