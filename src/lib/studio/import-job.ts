/**
 * One import in the studio, from the File the user chose to a project, off the page: the worker
 * (import.worker.ts) only wires this to messages. Two steps: `inspectFile` reads the first rows to
 * recognise the dataset or guess its columns; `runImport` reads every row with the user's mapping
 * and accounts for each. DOM-free (a Blob is all it reads), so it runs in Node's tests too.
 */
import { previewRows } from '../import/csv-rows';
import { estimateRows, studioPlan } from '../import/estimate-rows';
import type { Gazetteer } from '../draft/gazetteer/gazetteer';
import type { ReaderChoice } from '../import/choose-reader';
import type { CountryIndex } from '../import/country-index';
import { csvLine } from '../import/csv-safe';
import { sniffEncoding, type Encoding } from '../import/decode';
import { delimiterName, guessDelimiter, type Delimiter } from '../import/delimiter';
import { kindOf, type FileKind } from '../import/file-kind';
import type { Field, IGNORE } from '../import/guess-columns';
import { inspectRows, type Inspection } from '../import/inspect';
import { MAX_WHOLE_BYTES, sizeProblem } from '../import/limits';
import type { DateFormat } from '../import/parse-date';
import type { PlaceWarning } from '../import/place-table';
import { blobChunks, NotUtf8, readDelimited } from '../import/read-delimited';
import { RowLoop, type RejectedRow } from '../import/row-loop';
import type { ImportedEvent } from '../import/rows-to-events';
import { cut } from '../import/rows-to-events';
import { walkRows, wholeRows, type WholeRows } from '../import/whole-rows';
import { toIsoDate } from '../story/dates';
import { findUnsafe } from '../story/text';
import type { Category } from '../story/schema';
import { fromImport, MAX_STUDIO_EVENTS } from './import-project';
import type { StudioProject } from './project';

/**
 * The largest files the studio reads, by kind. A CSV is read a megabyte at a time, but what it
 * yields is held in the page; a workbook or a GeoJSON file is read whole, as by the CLI. Bigger
 * files go through `npm run import`, which streams a CSV to disk.
 */
export const STUDIO_LIMITS = {
	text: 256 * 1024 * 1024,
	...MAX_WHOLE_BYTES
} as const;

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

export interface Progress {
	/** Bytes read of `total`, or rows read of `total` for a workbook or GeoJSON read whole. */
	done: number;
	total: number;
	unit: 'bytes' | 'rows';
	rows: number;
	/** Before the rows: the gazetteer loading, to place rows by name. */
	loading?: 'places';
}

export interface Deps {
	countries: () => Promise<CountryIndex>;
	gazetteer: () => Promise<Gazetteer>;
	/** Today, as a day number: the last day an event may have. */
	latest: number;
	progress?: (progress: Progress) => void;
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
			listed: RejectedRow[];
			/** Every row not imported, neutralised for spreadsheets (csv-safe.ts); null when none. */
			rejectedCsv: Blob | null;
	  }
	| { ok: false; message: string; ambiguousDate?: true };

const HEAD_BYTES = 1 << 20;

async function bytesOf(file: NamedBlob, end?: number): Promise<Uint8Array> {
	return new Uint8Array(await file.slice(0, end).arrayBuffer());
}

/** Why the file is refused before it is read, or null: its size, its first bytes. */
async function refusal(
	file: NamedBlob
): Promise<{ kind: Exclude<FileKind, 'parquet'>; head: Uint8Array } | string> {
	const head = await bytesOf(file, Math.min(file.size, HEAD_BYTES));
	const kind = kindOf(file.name, head);
	if (kind === 'parquet')
		return 'is a Parquet file: the studio does not read Parquet yet; `npm run import -- FILE --out DIR` does.';
	const tooBig = sizeProblem(file.size, STUDIO_LIMITS[kind]);
	if (tooBig)
		return file.size > STUDIO_LIMITS[kind] && file.size > 0
			? `${tooBig} The studio reads up to that much; \`npm run import -- FILE --out DIR\` takes up to 1 GB.`
			: tooBig;
	return { kind, head };
}

interface TextForm {
	encoding: Encoding;
	why: string;
	delimiter: Delimiter;
}

function textForm(head: Uint8Array, size: number): TextForm | string {
	const sniffed = sniffEncoding(head, head.length < size);
	if (!sniffed.ok) return sniffed.reason;
	const text = new TextDecoder(sniffed.encoding).decode(head);
	return {
		encoding: sniffed.encoding,
		why: sniffed.why,
		delimiter: guessDelimiter(text)
	};
}

/** The rows of a workbook or GeoJSON file, read whole. */
async function wholeRowsOf(kind: 'xlsx' | 'geojson', file: NamedBlob): Promise<WholeRows | string> {
	return wholeRows(kind, await file.slice().arrayBuffer());
}

export async function inspectFile(file: NamedBlob): Promise<Inspected> {
	const checked = await refusal(file);
	if (typeof checked === 'string') return { ok: false, message: `${file.name} ${checked}` };
	const { kind, head } = checked;
	if (kind !== 'text') {
		const whole = await wholeRowsOf(kind, file);
		if (typeof whole === 'string') return { ok: false, message: `${file.name} ${whole}` };
		return { ok: true, kind, inspection: inspectRows(whole.rows.slice(0, 8)), what: whole.what };
	}
	const form = textForm(head, file.size);
	if (typeof form === 'string') return { ok: false, message: `${file.name} ${form}` };
	const text = new TextDecoder(form.encoding).decode(head);
	const rows = previewRows(text, form.delimiter, 8);
	const plan = studioPlan(
		estimateRows(text, head.length, file.size, form.delimiter),
		file.size,
		MAX_STUDIO_EVENTS
	);
	return {
		ok: true,
		kind,
		inspection: inspectRows(rows),
		what: `${form.why}, ${delimiterName(form.delimiter)}-separated`,
		...(plan ? { plan } : {})
	};
}

/** A title the story format takes: the file's name, or a plain one. */
function titleFor(name: string): string {
	const title = `Imported from ${name}`.replace(/\s+/g, ' ').trim();
	return findUnsafe(title) || /<\/?[a-z!][^>]*>/i.test(title)
		? 'Imported dataset'
		: cut(title, 200);
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
	const checked = await refusal(file);
	if (typeof checked === 'string') return refuse(checked);
	const { kind, head } = checked;
	const countries = await deps.countries();
	const mapping = new Map(settings.mapping ?? []);
	// Rows without coordinates are placed by name only for a spreadsheet with a place column.
	const placeNames = [...mapping.values()].includes('place');
	// The resolver's scoring comes with the draft engine's text tools: loaded only when needed.
	if (placeNames)
		deps.progress?.({ done: 0, total: file.size, unit: 'bytes', rows: 0, loading: 'places' });
	const geocode = placeNames
		? (await import('../import/geocode')).cachedGeocoder(await deps.gazetteer())
		: undefined;
	const choice: ReaderChoice = {
		...(mapping.size ? { mapping } : {}),
		...(settings.category ? { category: settings.category } : {}),
		placeNames
	};

	const pass = async (form?: Omit<TextForm, 'why'> & { why: string }) => {
		const events: ImportedEvent[] = [];
		const lines: string[] = [];
		const listed: RejectedRow[] = [];
		const csvParts: string[] = [];
		let csvPending = '';
		let readerName = '';
		const loop = new RowLoop({
			choice,
			countries,
			latest: deps.latest,
			...(settings.dateFormat ? { dateFormat: settings.dateFormat } : {}),
			...(geocode ? { geocode } : {}),
			onReader(reader) {
				readerName = reader.name;
				csvPending = csvLine(['row', 'column', 'reason', ...reader.columns]);
			},
			onEvent(event, line) {
				if (events.length >= MAX_STUDIO_EVENTS) return;
				events.push(event);
				lines.push(line);
			},
			onRejected(rejected) {
				if (listed.length < MAX_LISTED) listed.push(rejected);
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
		});
		let what: string;
		if (kind === 'text') {
			const total = file.size;
			await readDelimited(blobChunks(file), {
				encoding: form!.encoding,
				delimiter: form!.delimiter,
				onRow: (cells, quoteError) => loop.push(cells, quoteError),
				onChunk: (done) => deps.progress?.({ done, total, unit: 'bytes', rows: loop.row })
			});
			what = `${form!.why}, ${delimiterName(form!.delimiter)}-separated`;
		} else {
			const whole = await wholeRowsOf(kind, file);
			if (typeof whole === 'string') return refuse(whole);
			walkRows(loop, whole, (done, total) =>
				deps.progress?.({ done, total, unit: 'rows', rows: done })
			);
			what = whole.what;
		}
		const end = loop.end();
		if (!end.ok) return refuse(end.problem, end.ambiguousDate);
		if (csvPending) csvParts.push(csvPending);
		const published = toIsoDate(deps.latest);
		const fullWhat = `${readerName}, ${what}`;
		const summary: ImportSummary = {
			file: file.name,
			what: fullWhat,
			guessed: end.guessed,
			rows: end.rows,
			imported: end.imported,
			rejected: end.rejected,
			blank: end.blank,
			placeWarnings: end.placeWarnings.slice(0, 50)
		};
		const fits = end.imported > 0 && end.imported <= MAX_STUDIO_EVENTS;
		return {
			ok: true as const,
			summary,
			project: fits
				? fromImport({
						title: titleFor(file.name),
						published,
						file: file.name,
						what: fullWhat,
						events,
						lines,
						places: end.places
					})
				: null,
			listed,
			rejectedCsv: end.rejected > 0 ? new Blob(csvParts, { type: 'text/csv' }) : null
		};
	};

	if (kind !== 'text') return pass();
	const form = textForm(head, file.size);
	if (typeof form === 'string') return refuse(form);
	try {
		return await pass(form);
	} catch (error) {
		if (!(error instanceof NotUtf8)) throw error;
		// Valid UTF-8 for its first megabyte, not after: a Windows file with accents further down.
		return pass({
			...form,
			encoding: 'windows-1252',
			why: `Windows-1252 (it is ${error.message})`
		});
	}
}
