/**
 * Where an imported story came from, said to its reader: the top of a GeoJSON import's article.txt
 * (written by the importer, read back here) and the dateline over any imported story, in both
 * forms ("Imported from a UCDP GED export (ged.csv): 50,000 events, 1 January – 30 November
 * 2025"), which names the dataset and its size, not how its file was encoded.
 */
import { MONTHS, toIsoDate } from './dates';
import type { FieldReader } from './fields';
import { STORY_FIELDS } from './schema';
import type { DatasetFile } from './types';

/**
 * The top of article.txt. A dataset has no article; the story's "article" is the listing of the
 * rows it imported, one line each, so every event's excerpt is verbatim from it and a reader who
 * opens the article sees what each row said.
 */
export function articleHead(file: string, what: string, day: string): string {
	return (
		`Imported from ${file} (${what}) on ${day}. This is not an article: it lists the rows that became ` +
		'events, one line each, as "Row N (id): date, place. What happened. Actors. Source. Notes".\n\n'
	);
}

/** "1 January – 30 November 2025": a period as a reader says it, its year once where it can be. */
export function periodText(first: string, last: string): string {
	const parts = (iso: string) => {
		const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
		return { y, text: `${d} ${MONTHS[m - 1]}` };
	};
	const a = parts(first);
	const b = parts(last);
	if (first === last) return `${a.text} ${a.y}`;
	return a.y === b.y ? `${a.text} – ${b.text} ${b.y}` : `${a.text} ${a.y} – ${b.text} ${b.y}`;
}

/**
 * The line a reader sees over an imported story: the dataset, its size and its period
 * ("Imported from a UCDP GED export (ged.csv): 50,000 events, 1 January – 30 November 2025"),
 * not how its file was encoded, which article.txt keeps.
 */
export function datasetDateline(
	dataset: string,
	file: string,
	events: number,
	first: string,
	last: string
): string {
	const size = `${events.toLocaleString('en-GB')} event${events === 1 ? '' : 's'}`;
	return `Imported from ${dataset} (${file}): ${size}, ${periodText(first, last)}`;
}

/** The file and the dataset an article.txt's head names, as articleHead wrote them. */
const HEAD =
	/^Imported from (.+) \((an? [^,()]+), .*\) on (\d{4}-\d{2}-\d{2})\. This is not an article/;

/**
 * What the head of an imported story's article.txt says, in either form (articleHead, and
 * story-json.ts's datasetArticle): the file, the dataset ("an ACLED export") and the day of the
 * import. `import --into` reads it to update the story from the same dataset. Null for an
 * article's story, or a head rewritten.
 */
export function articleOrigin(
	article: string
): { file: string; dataset: string; day: string } | null {
	const head = HEAD.exec(article);
	return head ? { file: head[1]!, dataset: head[2]!, day: head[3]! } : null;
}

/**
 * The dateline of a GeoJSON story the importer wrote: every event from a row, and its article the
 * listing of them. Null for any other story (an article's, or one whose head was rewritten).
 */
export function importedOrigin(
	article: string,
	events: readonly { start: number; end: number; row?: number }[]
): string | null {
	if (events.length === 0 || !events.every((e) => (e.row ?? 0) > 0)) return null;
	const head = articleOrigin(article);
	if (!head) return null;
	let first = Infinity;
	let last = -Infinity;
	for (const e of events) {
		first = Math.min(first, e.start);
		last = Math.max(last, e.end);
	}
	return datasetDateline(head.dataset, head.file, events.length, toIsoDate(first), toIsoDate(last));
}

/**
 * The story's members that name its source file (events.geojson's top level, events.arrow's
 * metadata): what both forms' writers write, and nothing for a story with no file.
 */
export function datasetMembers(dataset: DatasetFile | undefined): Partial<DatasetFile> {
	if (!dataset) return {};
	return {
		file: dataset.file,
		...(dataset.notesColumn ? { notesColumn: dataset.notesColumn } : {})
	};
}

/** The source file the story's members name, checked as both forms' validators check it. */
export function readDatasetFile(meta: FieldReader): DatasetFile | undefined {
	const { file: fileField, notesColumn: notesField } = STORY_FIELDS;
	const file = meta.text('file', { optional: true, max: fileField.max, plain: true });
	const notesColumn = meta.text('notesColumn', {
		optional: true,
		max: notesField.max,
		plain: true
	});
	if (file === undefined) {
		if (notesColumn !== undefined)
			meta.report('notesColumn', 'names a column of no file: give `file` too.');
		return undefined;
	}
	return { file, ...(notesColumn === undefined ? {} : { notesColumn }) };
}
