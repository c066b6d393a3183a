/**
 * The writer of the columnar form (layout.ts): a story's table, words, places and article in, the
 * folder's files out, one at a time, each with its path in the folder. Pure: the command line
 * writes them to disk (scripts/lib/story-writers.ts), the studio's worker zips them, and the
 * benchmark's synthetic stories go the same way. GeoJSON's writer is story-json.ts beside the
 * importer; both stand beside the one event table (event-table.ts) and its readers.
 */
import { chunkChecksum } from '../checksum';
import type { EventTable } from '../event-table';
import { STORY_FILE_NAMES } from '../story-index';
import { writeEventTable } from './arrow-table';
import { EVENTS_ARROW, chunkCount, chunkFile, type TableMeta } from './layout';

export interface ColumnarSource {
	/** The events, in story order (table-builder.ts sorts them). */
	table: EventTable;
	/** The story-wide facts but the chunks' checksums, which the writer takes from the chunks. */
	meta: Omit<TableMeta, 'chunks'>;
	/** The JSON of text chunk `n`: the words of its events in the table's order (chunkJson). */
	chunk(n: number): string;
	/** places.geojson */
	places: string;
	/** article.txt: where the rows came from. */
	article: string;
}

export interface FolderFile {
	/** Its path in the story's folder: "events.arrow", "text/0.json". */
	path: string;
	contents: Uint8Array | string;
}

/**
 * The folder's files in the order they can be made: the text chunks first, since events.arrow
 * holds their checksums, then events.arrow, places.geojson and article.txt. A chunk is made when
 * it is asked for, so a caller that writes each before asking for the next holds one at a time.
 */
export function* columnarFiles(source: ColumnarSource): Generator<FolderFile> {
	const checksums: string[] = [];
	for (let n = 0; n < chunkCount(source.table.length); n++) {
		const json = source.chunk(n);
		checksums.push(chunkChecksum(json));
		yield { path: chunkFile(n), contents: json };
	}
	yield {
		path: EVENTS_ARROW,
		contents: writeEventTable(source.table, { ...source.meta, chunks: checksums })
	};
	yield { path: STORY_FILE_NAMES.places, contents: source.places };
	yield { path: STORY_FILE_NAMES.article, contents: source.article };
}
