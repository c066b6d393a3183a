/**
 * One import, from the files a user named to the rows it accounts for: what kind each file is
 * and whether it may be read, how its text is encoded and split, its first rows for a preview,
 * the gazetteer loaded when rows are placed by name, and the one pass that turns every row into
 * an event or a rejected row (row-loop.ts). `npm run import` (scripts/import.ts) and the studio's
 * worker (studio/import-job.ts) are adapters: they say where the bytes come from and where the
 * events go, and nothing else, so that both read, guess and refuse alike. DOM-free and Node-free:
 * a file is anything that can hand over a range of its bytes.
 */
import type { Category } from '../story/schema';
import { findUnsafe } from '../story/text';
import { chooseReader, type ReaderChoice } from './choose-reader';
import type { CountryIndex } from './country-index';
import { previewRows } from './csv-rows';
import { geojsonHead } from './geojson-head';
import { sniffEncoding, type Encoding } from './decode';
import { delimiterName, guessDelimiter, type Delimiter } from './delimiter';
import { estimateRows, type RowEstimate } from './estimate-rows';
import { kindOf, type FileKind } from './file-kind';
import type { GeocodeQuery, Geocoded } from './geocode';
import { countArrowRows } from './arrow-count';
import { readArrow } from './arrow-rows';
import { readParquet } from './parquet-rows';
import type { Mapping } from './guess-columns';
import { sizeProblem } from './limits';
import type { DateFormat } from './parse-date';
import { NotUtf8, readDelimited } from './read-delimited';
import type { RowReader } from './reader';
import { RowLoop, type LoopEnd, type RejectedRow } from './row-loop';
import { cut, type ImportedEvent } from './rows-to-events';
import type { ImportedPlace } from './place-table';
import { walkRows, wholeRows, workbookHead, type WholeRows } from './whole-rows';

export type Geocoder = (query: GeocodeQuery) => Geocoded;

/** A file to import: its name as the user knows it, its size, and any range of its bytes. */
export interface ImportFile {
	readonly name: string;
	readonly size: number;
	/** Bytes `start` to `end` (not included). */
	read(start: number, end: number): Promise<Uint8Array>;
}

/** The largest file of each kind an import takes (the CLI streams more than the studio holds). */
export type SessionLimits = Readonly<Record<FileKind, number>>;

/** How far the reading is, for a progress bar or a terminal line. */
export interface Progress {
	/** Bytes read of `total`, or rows read of `total` for a file read whole or by row groups. */
	done: number;
	total: number;
	unit: 'bytes' | 'rows';
	rows: number;
	/** Before the rows: the gazetteer loading, to place rows by name. */
	loading?: 'places';
}

export interface SessionOptions {
	limits: SessionLimits;
	preset?: ReaderChoice['preset'];
	mapping?: Mapping;
	/** The category of every row, when no column holds one. */
	category?: Category;
	/** The encoding the user named; otherwise it is sniffed, and Windows-1252 tried after UTF-8. */
	encoding?: Encoding;
	dateFormat?: DateFormat;
	/** The map of countries, asked for when the rows are read (a preview needs none). */
	countries: () => CountryIndex | Promise<CountryIndex>;
	/** An update of a story (`import --into`): its places, whose ids the update keeps (place-table.ts). */
	places?: readonly ImportedPlace[];
	/**
	 * Places a row by its name (geocode.ts's cachedGeocoder over a gazetteer): asked for only when
	 * the file's rows are placed by name (a place column, no coordinates), so an adapter may load
	 * the gazetteer, and the studio's worker the resolver's code, only then.
	 */
	geocoder: () => Geocoder | Promise<Geocoder>;
	/** Today, as a day number: the last day an event may have. */
	latest: number;
	progress?: (progress: Progress) => void;
}

/** Why nothing is read: said before a row is, or when the file's rows cannot be read at all. */
export interface Refusal {
	ok: false;
	/** Said after the file's name: "is empty: nothing to import." */
	problem: string;
	/** The file is bigger than the kind's limit. */
	tooBig?: FileKind;
	/** The user asked for something the file cannot do (--encoding on a workbook): usage, not data. */
	usage?: true;
	/** The dates read both ways (03/04/2025): the user must say the order. */
	ambiguousDate?: true;
}

/** Where the events go: a story folder, or a studio project. */
export interface ImportSink {
	/** The first row picked the reader; `what` is "an ACLED export, UTF-8, comma-separated". */
	onReader?(reader: RowReader, what: string): void;
	onEvent(event: ImportedEvent, line: string): void;
	onRejected(rejected: RejectedRow): void;
	/** The pass is abandoned (read again in another encoding): drop what it gave. */
	discard?(): void;
}

export interface SessionEnd {
	ok: true;
	end: Extract<LoopEnd, { ok: true }>;
	/** "an ACLED export, UTF-8, comma-separated" */
	what: string;
	/** How the bytes were read: "UTF-8, comma-separated", "Parquet". */
	form: string;
	/** Places found by name (the rows had no coordinates), each once, and how sure. */
	geocoded: Map<string, { detail: string; confidence: number }>;
}

export interface Preview {
	ok: true;
	/** The first rows as cells, the header (if any) first. */
	rows: string[][];
	form: string;
	/** Rows of data, counted or estimated before the file is read; null when it cannot be told. */
	estimate: RowEstimate | null;
}

const HEAD_BYTES = 1 << 20;
const CHUNK_BYTES = 1 << 20;

const KIND_NAMES: Record<FileKind, string> = {
	text: 'CSV or TSV',
	xlsx: 'xlsx',
	geojson: 'GeoJSON',
	parquet: 'Parquet',
	arrow: 'Arrow IPC'
};

/** Kinds whose files are read by parts and may come as several files of one import. */
const PARTED: readonly FileKind[] = ['text', 'parquet', 'arrow'];

/** Whether two rows are the same cells: a later file's header, which is no row of data. */
const sameRow = (a: readonly string[], b: readonly string[]) =>
	a.length === b.length && a.every((cell, i) => cell === b[i]);

/** A file's bytes a megabyte at a time, as readDelimited takes them. */
async function* chunksOf(file: ImportFile, onBytes?: (bytes: number) => void) {
	for (let at = 0; at < file.size; at += CHUNK_BYTES) {
		yield await file.read(at, Math.min(file.size, at + CHUNK_BYTES));
		onBytes?.(Math.min(file.size, at + CHUNK_BYTES));
	}
}

/** A file as hyparquet's AsyncBuffer: a range of bytes on request. */
function asyncBuffer(file: ImportFile) {
	return {
		byteLength: file.size,
		async slice(start: number, end?: number): Promise<ArrayBuffer> {
			const bytes = await file.read(start, end ?? file.size);
			return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
				? (bytes.buffer as ArrayBuffer)
				: (bytes.slice().buffer as ArrayBuffer);
		}
	};
}

/** A Parquet or Arrow file's rows, by its reader. */
async function readByParts(
	kind: FileKind,
	file: ImportFile,
	options: {
		onRow: (cells: string[]) => boolean;
		onGroup?: (rows: number, total: number | null) => void;
	}
): Promise<{ ok: true; total: number | null } | { ok: false; problem: string }> {
	return kind === 'parquet' ? readParquet(asyncBuffer(file), options) : readArrow(file, options);
}

/** The title an import's story gets: the one asked for, or the file's name; always one the format takes. */
export function importTitle(fileName: string, asked?: string): string {
	const title = (asked ?? `Imported from ${fileName}`).replace(/\s+/g, ' ').trim();
	if (!title || findUnsafe(title) || /<\/?[a-z!][^>]*>/i.test(title)) return 'Imported dataset';
	return cut(title, 200);
}

interface TextForm {
	encoding: Encoding;
	why: string;
	delimiter: Delimiter;
}

const formText = (form: TextForm) => `${form.why}, ${delimiterName(form.delimiter)}-separated`;

/**
 * Opens an import of `parts` (one file, or the files of one export in order): refused, with the
 * reason, before any byte past their heads is read.
 */
export async function openImport(
	parts: readonly ImportFile[],
	options: SessionOptions
): Promise<ImportSession | Refusal> {
	const first = parts[0];
	if (!first) return { ok: false, problem: 'names no file: nothing to import.' };
	const head = await first.read(0, Math.min(first.size, HEAD_BYTES));
	const kind = kindOf(first.name, head);
	if (parts.length > 1) {
		if (!PARTED.includes(kind))
			return {
				ok: false,
				problem: `is ${kind === 'xlsx' ? 'a workbook' : 'GeoJSON'}: one at a time; a folder or a list of files is for CSV, TSV, Parquet or Arrow.`
			};
		for (const part of parts.slice(1)) {
			const other = kindOf(part.name, await part.read(0, Math.min(part.size, 8)));
			if (other !== kind)
				return {
					ok: false,
					problem: `and ${part.name} are not read alike (${kind} and ${other}): the files of one import are all CSV or TSV, all Parquet or all Arrow.`
				};
		}
	}
	if (kind !== 'text' && options.encoding)
		return {
			ok: false,
			usage: true,
			problem: `--encoding is for CSV and TSV files; ${first.name} is read as ${kind === 'xlsx' ? 'xlsx' : KIND_NAMES[kind]}.`
		};
	const limit = options.limits[kind];
	for (const part of parts) {
		const tooBig = sizeProblem(part.size, limit);
		if (tooBig)
			return {
				ok: false,
				problem: parts.length > 1 && part !== first ? `${part.name} ${tooBig}` : tooBig,
				...(part.size > limit ? { tooBig: kind } : {})
			};
	}
	if (kind !== 'text') return new ImportSession(parts, kind, head, null, options);
	let form: TextForm;
	// Not fatal: only the delimiter and line break are read from the head, and a character may be cut.
	const delimiterOf = (encoding: Encoding) =>
		options.preset === 'gdelt' ? '\t' : guessDelimiter(new TextDecoder(encoding).decode(head));
	if (options.encoding)
		form = {
			encoding: options.encoding,
			why: `${options.encoding}, as asked`,
			delimiter: delimiterOf(options.encoding)
		};
	else {
		const sniffed = sniffEncoding(head, head.length < first.size);
		if (!sniffed.ok) return { ok: false, problem: sniffed.reason };
		form = { ...sniffed, delimiter: delimiterOf(sniffed.encoding) };
	}
	return new ImportSession(parts, kind, head, form, options);
}

export class ImportSession {
	readonly ok = true;
	#whole: WholeRows | null = null;

	constructor(
		readonly parts: readonly ImportFile[],
		readonly kind: FileKind,
		private readonly head: Uint8Array,
		private readonly text: TextForm | null,
		private readonly options: SessionOptions
	) {}

	get #choice(): ReaderChoice {
		const { preset, mapping, category } = this.options;
		return {
			...(preset ? { preset } : {}),
			...(mapping?.size ? { mapping } : {}),
			...(category ? { category } : {}),
			placeNames: true
		};
	}

	async #wholeRows(): Promise<{ ok: true; whole: WholeRows } | Refusal> {
		if (this.#whole) return { ok: true, whole: this.#whole };
		const file = this.parts[0]!;
		const whole = await wholeRows(
			this.kind as 'xlsx' | 'geojson',
			(await file.read(0, file.size)).slice().buffer as ArrayBuffer
		);
		if (typeof whole === 'string') return { ok: false, problem: whole };
		this.#whole = whole;
		return { ok: true, whole };
	}

	/** The first `count` rows (the header first), read from the head or the first rows of the file. */
	async preview(count: number): Promise<Preview | Refusal> {
		const file = this.parts[0]!;
		if (this.text) {
			const headText = new TextDecoder(this.text.encoding).decode(this.head);
			return {
				ok: true,
				rows: previewRows(headText, this.text.delimiter, count),
				form: formText(this.text),
				estimate: estimateRows(headText, this.head.length, file.size, this.text.delimiter)
			};
		}
		if (this.kind === 'xlsx' && !this.#whole) {
			// A workbook's first rows, not all of it: a big sheet's size is said before it is read.
			const head = await workbookHead(
				(await file.read(0, file.size)).slice().buffer as ArrayBuffer,
				count
			);
			if (typeof head === 'string') return { ok: false, problem: head };
			return { ok: true, rows: head.rows, form: head.what, estimate: head.estimate };
		}
		if (this.kind === 'geojson' && !this.#whole && file.size > this.head.length) {
			// A big file's first features and its size in rows, from its head: not parsed whole.
			const head = geojsonHead(
				new TextDecoder().decode(this.head),
				this.head.length,
				file.size,
				count
			);
			if (head && !head.rows.ok) return { ok: false, problem: head.rows.problem };
			if (head?.rows.ok)
				return { ok: true, rows: head.rows.rows, form: 'GeoJSON', estimate: head.estimate };
		}
		if (this.kind === 'xlsx' || this.kind === 'geojson') {
			const read = await this.#wholeRows();
			if (!read.ok) return read;
			return {
				ok: true,
				rows: read.whole.rows.slice(0, count),
				form: read.whole.what,
				estimate: { rows: Math.max(0, read.whole.rows.length - 1), exact: true }
			};
		}
		const rows: string[][] = [];
		const onRow = (cells: string[]) => (rows.push(cells), rows.length < count);
		const read = await readByParts(this.kind, file, { onRow });
		if (!read.ok) return { ok: false, problem: read.problem };
		return {
			ok: true,
			rows,
			form: KIND_NAMES[this.kind],
			// Parquet's footer counts its rows; an Arrow file's batches say theirs as they open.
			estimate:
				read.total !== null
					? { rows: read.total, exact: true }
					: this.kind === 'arrow'
						? await countArrowRows(file)
						: null
		};
	}

	/** The geocoder, when the file's first row asks for places by name; loaded once. */
	async #geocoder(): Promise<Geocoder | undefined> {
		const preview = await this.preview(1);
		const chosen =
			preview.ok && preview.rows[0] ? chooseReader(preview.rows[0], this.#choice) : null;
		if (chosen && !(chosen.ok && chosen.byName)) return undefined;
		this.options.progress?.({
			done: 0,
			total: this.parts[0]!.size,
			unit: 'bytes',
			rows: 0,
			loading: 'places'
		});
		return this.options.geocoder();
	}

	/**
	 * Reads every row of every part into `sink()`'s sink. A file that is not the UTF-8 its head
	 * promised is read again as Windows-1252 (unless the user named the encoding), into a new sink.
	 */
	async run(sink: () => ImportSink): Promise<SessionEnd | Refusal> {
		const countries = await this.options.countries();
		const geocode = await this.#geocoder();
		const states = geocode ? await this.#states(countries, geocode) : undefined;
		const look = states ? { states } : {};
		if (!this.text) return this.#pass(sink(), countries, geocode, null, look);
		const current = sink();
		try {
			return await this.#pass(current, countries, geocode, this.text, look);
		} catch (error) {
			if (!(error instanceof NotUtf8) || this.options.encoding) throw error;
			current.discard?.();
			// Valid UTF-8 for its first megabyte, not after: a Windows file with accents further down.
			return this.#pass(sink(), countries, geocode, {
				...this.text,
				encoding: 'windows-1252',
				why: `Windows-1252 (it is ${error.message})`
			});
		}
	}

	/**
	 * The states the file's rows name, or were surely placed in, over every row: a first look at a
	 * file placed by name, so that its first row has the same context as its last (a sheet of
	 * Kentucky towns that opens with "Paris" keeps it in Kentucky). Nothing is kept of it but them;
	 * a file that cannot be read so (not the UTF-8 it began as) is read with the context so far.
	 */
	async #states(
		countries: CountryIndex,
		geocode: (query: GeocodeQuery) => Geocoded
	): Promise<ReadonlyMap<string, number> | undefined> {
		let states: ReadonlyMap<string, number> | undefined;
		const ignored: ImportSink = { onEvent: () => {}, onRejected: () => {} };
		try {
			await this.#pass(ignored, countries, geocode, this.text, {
				quiet: true,
				seen: (found) => (states = found)
			});
		} catch (error) {
			if (!(error instanceof NotUtf8)) throw error;
		}
		return states?.size ? states : undefined;
	}

	async #pass(
		sink: ImportSink,
		countries: CountryIndex,
		geocode: ((query: GeocodeQuery) => Geocoded) | undefined,
		text: TextForm | null,
		look: {
			/** The whole file's states, from a first look (#states). */
			states?: ReadonlyMap<string, number>;
			/** The first look: no progress said. */
			quiet?: boolean;
			/** Hears the states the rows gave, once every row is read. */
			seen?: (states: ReadonlyMap<string, number>) => void;
		} = {}
	): Promise<SessionEnd | Refusal> {
		const { options, parts } = this;
		const progress = look.quiet ? undefined : options.progress;
		let form = text ? formText(text) : KIND_NAMES[this.kind];
		const geocoded = new Map<string, { detail: string; confidence: number }>();
		const loop = new RowLoop({
			choice: this.#choice,
			countries,
			...(options.places ? { places: options.places } : {}),
			latest: options.latest,
			...(options.dateFormat ? { dateFormat: options.dateFormat } : {}),
			...(geocode ? { geocode } : {}),
			...(look.states ? { states: look.states } : {}),
			onReader: (reader) => sink.onReader?.(reader, `${reader.name}, ${form}`),
			onEvent(event, line) {
				if (event.geocoded && !geocoded.has(event.place)) geocoded.set(event.place, event.geocoded);
				sink.onEvent(event, line);
			},
			onRejected: (rejected) => sink.onRejected(rejected)
		});
		// The first file's first row; a later file that opens with the same row repeats its header.
		let header: string[] | null = null;
		const opens = (cells: string[], part: number): 'header' | 'row' | 'other' => {
			if (part === 0) {
				header ??= cells;
				return 'row';
			}
			return header !== null && sameRow(cells, header) ? 'header' : text ? 'row' : 'other';
		};
		const total = parts.reduce((sum, part) => sum + part.size, 0);
		let before = 0;
		if (text)
			for (const [part, file] of parts.entries()) {
				let opening = true;
				const going = await readDelimited(
					chunksOf(file, (bytes) =>
						progress?.({ done: before + bytes, total, unit: 'bytes', rows: loop.row })
					),
					{
						encoding: text.encoding,
						delimiter: text.delimiter,
						onRow(cells, quoteError) {
							if (opening) {
								opening = false;
								if (opens(cells, part) === 'header') return true;
							}
							return loop.push(cells, quoteError);
						}
					}
				);
				before += file.size;
				if (!going) break;
			}
		else if (this.kind === 'parquet' || this.kind === 'arrow')
			for (const [part, file] of parts.entries()) {
				let opening = true;
				let other = false;
				const onRow = (cells: string[]) => {
					if (!opening) return loop.push(cells);
					opening = false;
					const opened = opens(cells, part);
					if (opened === 'header') return true;
					if (opened === 'other') return !(other = true);
					return loop.push(cells);
				};
				// Arrow tells its rows only by its batches' messages: counted first, for the bar.
				const told =
					this.kind === 'arrow' && progress ? ((await countArrowRows(file))?.rows ?? null) : null;
				const onGroup = (rows: number, of: number | null) =>
					progress?.({
						done: rows,
						total: Math.max(rows, of ?? told ?? rows),
						unit: 'rows',
						rows: loop.row
					});
				const read = await readByParts(this.kind, file, { onRow, onGroup });
				if (other)
					return {
						ok: false,
						problem: `${file.name} has other columns than ${parts[0]!.name}: the files of one import share their columns.`
					};
				if (!read.ok)
					return {
						ok: false,
						problem: parts.length > 1 ? `${file.name} ${read.problem}` : read.problem
					};
			}
		else {
			const read = await this.#wholeRows();
			if (!read.ok) return read;
			form = read.whole.what;
			walkRows(loop, read.whole, (done, of) =>
				progress?.({ done, total: of, unit: 'rows', rows: done })
			);
		}
		const end = loop.end();
		look.seen?.(loop.states);
		if (!end.ok)
			return {
				ok: false,
				problem: end.problem,
				...(end.ambiguousDate ? { ambiguousDate: true } : {})
			};
		return { ok: true, end, what: `${end.reader.name}, ${form}`, form, geocoded };
	}
}
