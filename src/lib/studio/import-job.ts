/**
 * One import in the studio, from the File the user chose to a project, off the page: the worker
 * (import.worker.ts) only wires this to messages. Two steps: `inspectFile` reads the first rows to
 * recognise the dataset or guess its columns; `runImport` reads every row with the user's mapping
 * and accounts for each. Both are the import session `npm run import` runs too
 * (import/import-session.ts); this adapter turns a Blob into its file and its events into a
 * project. DOM-free (a Blob is all it reads), so it runs in Node's tests too.
 */
import { studioPlan } from '../import/estimate-rows';
import type { Gazetteer } from '../draft/gazetteer/gazetteer';
import type { CountryIndex } from '../import/country-index';
import { csvLine } from '../import/csv-safe';
import type { FileKind } from '../import/file-kind';
import type { Field, IGNORE } from '../import/guess-columns';
import {
	importTitle,
	openImport,
	type ImportFile,
	type Progress,
	type SessionLimits,
	type SessionOptions
} from '../import/import-session';
import { inspectRows, type Inspection } from '../import/inspect';
import { MAX_WHOLE_BYTES } from '../import/limits';
import type { DateFormat } from '../import/parse-date';
import type { PlaceWarning } from '../import/place-table';
import type { RejectedRow } from '../import/row-loop';
import type { ImportedEvent } from '../import/rows-to-events';
import { ColumnarImport } from '../import/columnar-story';
import type { FolderFile } from '../story/columnar/folder-files';
import { toIsoDate } from '../story/dates';
import { slugify } from '../story/slug';
import type { Category } from '../story/schema';
import { fromImport, MAX_STUDIO_EVENTS } from './import-project';
import type { StudioProject } from './project';
import type { FolderPreview } from './autosave';
import { zipFiles } from './zip-files';

export type { Progress } from '../import/import-session';

/**
 * The largest files the studio reads, by kind. A CSV, Parquet or Arrow file is read a megabyte
 * or a row group at a time, but what it yields is held in the page; a workbook or a GeoJSON file
 * is read whole, as by the CLI. Bigger files go through `npm run import`, which streams to disk.
 */
export const STUDIO_LIMITS: SessionLimits = {
	text: 256 * 1024 * 1024,
	parquet: 256 * 1024 * 1024,
	arrow: 256 * 1024 * 1024,
	...MAX_WHOLE_BYTES
};

/** Rows not imported listed on screen; rejected.csv has every one. */
export const MAX_LISTED = 1_000;

/** The file as the worker has it: a File is a Blob with a name. */
export type NamedBlob = Blob & { readonly name: string };

export interface ImportSettings {
	/** The user's column choice for a spreadsheet in no known layout: every column, by index. */
	mapping?: [number, Field | typeof IGNORE][];
	dateFormat?: DateFormat;
	/** The category of every row, when no column holds one. */
	category?: Category;
}

export interface Deps {
	countries: () => Promise<CountryIndex>;
	gazetteer: () => Promise<Gazetteer>;
	/** Today, as a day number: the last day an event may have. */
	latest: number;
	progress?: (progress: Progress) => void;
	/**
	 * Keeps a big import's story folder for the atlas's preview (the worker saves it in IndexedDB):
	 * its files stay off the page, whose thread would take a long task to receive hundreds of them.
	 */
	keep?: (folder: FolderPreview) => Promise<void>;
}

export interface ImportSummary {
	file: string;
	/** "an ACLED export (UTF-8, comma-separated)" */
	what: string;
	guessed: string[];
	rows: number;
	imported: number;
	rejected: number;
	blank: number;
	placeWarnings: PlaceWarning[];
}

export type Inspected =
	| {
			ok: true;
			kind: FileKind;
			inspection: Inspection;
			what: string;
			/** Said before any row is read: a file of more rows than the studio edits, and what then. */
			plan?: string;
	  }
	| { ok: false; message: string };

export type ImportOutcome =
	| {
			ok: true;
			summary: ImportSummary;
			/** Null when the import is too big for the studio (`summary.imported` > MAX_STUDIO_EVENTS). */
			project: StudioProject | null;
			/** The first rows not imported, for the page's table: their cells are in rejectedCsv. */
			listed: Omit<RejectedRow, 'cells'>[];
			/** Every row not imported, neutralised for spreadsheets (csv-safe.ts); null when none. */
			rejectedCsv: Blob | null;
			/**
			 * An import too big to edit here, as the story folder `npm run import` writes for it (the
			 * columnar form, one writer for both): its files, for the atlas's preview, and a zip of them.
			 */
			columnar: ColumnarExport | null;
	  }
	| { ok: false; message: string; ambiguousDate?: true };

/** A story folder the studio wrote, as the page offers it. */
export interface ColumnarExport {
	/** The folder's name: the file's, as a slug ("ged-2025"). */
	folder: string;
	zip: Blob;
	/** Whether its files were kept in this browser for the atlas's preview (Deps.keep). */
	kept: boolean;
}

/** A Blob (a File the user chose) as the session reads it: a range of its bytes on request. */
function blobFile(file: NamedBlob): ImportFile {
	return {
		name: file.name,
		size: file.size,
		read: async (start, end) => new Uint8Array(await file.slice(start, end).arrayBuffer())
	};
}

/** The session's options the studio gives every import. */
function studioOptions(settings: ImportSettings, deps?: Deps): SessionOptions {
	return {
		limits: STUDIO_LIMITS,
		...(settings.mapping?.length ? { mapping: new Map(settings.mapping) } : {}),
		...(settings.category ? { category: settings.category } : {}),
		...(settings.dateFormat ? { dateFormat: settings.dateFormat } : {}),
		countries: deps ? () => deps.countries() : notNeeded,
		geocoder: deps
			? async () => {
					// The resolver's scoring comes with the draft engine's text tools: loaded only when needed.
					const { cachedGeocoder } = await import('../import/geocode');
					return cachedGeocoder(await deps.gazetteer());
				}
			: notNeeded,
		latest: deps?.latest ?? 0,
		...(deps?.progress ? { progress: deps.progress } : {})
	};
}

/** What inspecting a file never asks for: it reads the first rows and no further. */
const notNeeded = (): never => {
	throw new Error('inspecting a file places no rows');
};

/** Why a file is refused before it is read, in the studio's words: the CLI takes bigger ones. */
function refusalMessage(file: NamedBlob, problem: string, tooBig?: FileKind): string {
	return tooBig
		? `${file.name} ${problem} The studio reads up to that much; \`npm run import -- FILE --out DIR\` takes up to 1 GB.`
		: `${file.name} ${problem}`;
}

export async function inspectFile(file: NamedBlob): Promise<Inspected> {
	const session = await openImport([blobFile(file)], studioOptions({}));
	if (!session.ok)
		return { ok: false, message: refusalMessage(file, session.problem, session.tooBig) };
	const preview = await session.preview(8);
	if (!preview.ok) return { ok: false, message: `${file.name} ${preview.problem}` };
	const plan = preview.estimate && studioPlan(preview.estimate, file.size, MAX_STUDIO_EVENTS);
	return {
		ok: true,
		kind: session.kind,
		inspection: inspectRows(preview.rows),
		what: preview.form,
		...(plan ? { plan } : {})
	};
}

export async function runImport(
	file: NamedBlob,
	settings: ImportSettings,
	deps: Deps
): Promise<ImportOutcome> {
	const refuse = (message: string, ambiguousDate?: true): ImportOutcome => ({
		ok: false,
		message: `${file.name} ${message}`,
		...(ambiguousDate ? { ambiguousDate } : {})
	});
	const session = await openImport([blobFile(file)], studioOptions(settings, deps));
	if (!session.ok)
		return { ok: false, message: refusalMessage(file, session.problem, session.tooBig) };
	let events: ImportedEvent[] = [];
	let lines: string[] = [];
	// Every event as columns, and its words in order, in case there are more than the studio edits.
	let columnar = new ColumnarImport();
	let texts: string[] = [];
	let dataset = '';
	let notesColumn: string | undefined;
	let listed: Omit<RejectedRow, 'cells'>[] = [];
	let csvParts: string[] = [];
	let csvPending = '';
	const result = await session.run(() => {
		events = [];
		lines = [];
		columnar = new ColumnarImport();
		texts = [];
		listed = [];
		csvParts = [];
		csvPending = '';
		return {
			onReader(reader) {
				dataset = reader.name;
				notesColumn = reader.notes;
				csvPending = csvLine(['row', 'column', 'reason', ...reader.columns]);
			},
			onEvent(event, line) {
				texts.push(columnar.add(event));
				if (events.length >= MAX_STUDIO_EVENTS) return;
				events.push(event);
				lines.push(line);
			},
			onRejected(rejected) {
				// Without their cells (49 of them in a UCDP row): the page shows the reasons, and a
				// thousand rows' cells would cost the page's thread to receive.
				if (listed.length < MAX_LISTED)
					listed.push({ row: rejected.row, column: rejected.column, reason: rejected.reason });
				csvPending += csvLine([
					String(rejected.row),
					rejected.column,
					rejected.reason,
					...rejected.cells
				]);
				if (csvPending.length > 1 << 20) {
					csvParts.push(csvPending);
					csvPending = '';
				}
			}
		};
	});
	if (!result.ok) return refuse(result.problem, result.ambiguousDate);
	const { end, what } = result;
	if (csvPending) csvParts.push(csvPending);
	const summary: ImportSummary = {
		file: file.name,
		what,
		guessed: end.guessed,
		rows: end.rows,
		imported: end.imported,
		rejected: end.rejected,
		blank: end.blank,
		placeWarnings: end.placeWarnings.slice(0, 50)
	};
	const fits = end.imported > 0 && end.imported <= MAX_STUDIO_EVENTS;
	const title = importTitle(file.name);
	const day = toIsoDate(deps.latest);
	// The story's folder under geodata/stories is named after the file: ged-2025.csv → ged-2025.
	const folder = slugify(file.name.replace(/\.[^.]+$/, ''), 'story');
	// Built here, off the page, while the words are still in memory: then they are let go.
	const files: Record<string, Blob> = {};
	function* kept(made: Iterable<FolderFile>) {
		for (const file of made) {
			files[file.path] = new Blob([file.contents as BlobPart]);
			yield file;
		}
	}
	const zip =
		fits || end.imported === 0
			? null
			: await zipFiles(
					folder,
					kept(
						columnar.files(
							{ title, published: day, file: file.name, what, dataset, day, notesColumn },
							end.places,
							(k) => texts[k]!
						)
					)
				);
	texts = [];
	const keep = async (preview: FolderPreview) => {
		if (!deps.keep) return false;
		try {
			await deps.keep(preview);
			return true;
		} catch {
			// No IndexedDB (a private window may have none): the folder is still there to download.
			return false;
		}
	};
	return {
		ok: true,
		summary,
		project: fits
			? fromImport({
					title,
					published: day,
					file: file.name,
					what,
					...(notesColumn ? { notesColumn } : {}),
					events,
					lines,
					places: end.places
				})
			: null,
		listed,
		rejectedCsv: end.rejected > 0 ? new Blob(csvParts, { type: 'text/csv' }) : null,
		columnar: zip
			? {
					folder,
					zip,
					kept: await keep({
						title,
						published: day,
						events: end.imported,
						places: end.places.length,
						files
					})
				}
			: null
	};
}
