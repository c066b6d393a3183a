/**
 * npm run import -- FILE|FOLDER … [--preset acled|gdelt|ucdp] [--map COLUMN=FIELD …] [--date-format dmy|mdy]
 *   [--category C] [--encoding E] [--published YYYY-MM-DD] [--title T] [--format F] --out DIR
 * Turns a CSV or TSV of events (an ACLED export, a GDELT 2.0 event file, or any spreadsheet with a
 * date and coordinates), an .xlsx workbook's first sheet or a GeoJSON FeatureCollection of points
 * into a story folder that `npm run check:data -- DIR` accepts, and writes
 * the rows it did not take, with the reason, to DIR/rejected.csv. Up to MAX_GEOJSON_EVENTS
 * events the folder is GeoJSON; past that, or with --format columnar, it is the columnar form
 * (events.arrow and text chunks; geodata/README.md). The logic is src/lib/import;
 * this is the glue: arguments, files, streams.
 */
import {
	closeSync,
	createReadStream,
	readdirSync,
	openSync,
	readFileSync,
	readSync,
	statSync
} from 'node:fs';
import { basename, join, relative } from 'node:path';
import { countryIndex } from '../src/lib/import/countries';
import { cachedGeocoder, type GeocodeQuery, type Geocoded } from '../src/lib/import/geocode';
import { csvLine } from '../src/lib/import/csv-safe';
import { isEncoding, sniffEncoding, type Encoding } from '../src/lib/import/decode';
import { delimiterName, guessDelimiter, type Delimiter } from '../src/lib/import/delimiter';
import { asyncBufferFromFile } from 'hyparquet';
import { kindOf } from '../src/lib/import/file-kind';
import { readParquet } from '../src/lib/import/parquet-rows';
import { parseMapping, type Mapping } from '../src/lib/import/guess-columns';
import { MAX_IMPORT_BYTES, MAX_WHOLE_BYTES, sizeProblem } from '../src/lib/import/limits';
import { DATE_FORMATS, type DateFormat } from '../src/lib/import/parse-date';
import { PRESETS, type Preset } from '../src/lib/import/presets';
import { NotUtf8, readDelimited } from '../src/lib/import/read-delimited';
import { RowLoop, type LoopEnd } from '../src/lib/import/row-loop';
import { cut } from '../src/lib/import/rows-to-events';
import { walkRows, wholeRows, type WholeRows } from '../src/lib/import/whole-rows';
import { parseIsoDate, toIsoDate } from '../src/lib/story/dates';
import { escapeUnsafe, findUnsafe } from '../src/lib/story/text';
import { CATEGORIES, type Category } from '../src/lib/story/schema';
import { MAX_GEOJSON_EVENTS } from '../src/lib/story/columnar/layout';
import { UNSURE_BELOW } from '../src/lib/studio/project';
import { loadGazetteerForNode } from './lib/gazetteer-file';
import { shippedBasemap } from './lib/natural-earth';
import { Output } from './lib/output';
import { outFolderProblem, StoryStage } from './lib/story-folder';
import {
	STORY_FORMATS,
	storyWriter,
	type StoryFormat,
	type StoryWriter,
	type Written
} from './lib/story-writers';

const USAGE = [
	'usage: npm run import -- FILE|FOLDER … [--preset acled|gdelt|ucdp] [--map COLUMN=FIELD …] [--date-format dmy|mdy] [--category C] [--encoding utf-8|utf-16le|utf-16be|windows-1252] [--published YYYY-MM-DD] [--title T] [--format geojson|columnar] --out DIR',
	`  FILE: a CSV or TSV (streamed, up to ${MAX_IMPORT_BYTES / 1024 ** 3} GB), an .xlsx workbook (its first sheet, read whole, up to ${MAX_WHOLE_BYTES.xlsx / 1024 ** 2} MB) or a .geojson/.json FeatureCollection of points (read whole, up to ${MAX_WHOLE_BYTES.geojson / 1024 ** 2} MB).`,
	'  --map COLUMN=FIELD: COLUMN is a header name, or a column number counted from 1 (--map 3=date) for a name two columns share.'
].join('\n');

class UsageError extends Error {}
/** A file the importer will not take: said plainly, exit 1. */
class Refused extends Error {}
/** A folder the importer will not write into: said with its name, exit 1. */
class OutRefused extends Refused {}

interface Args {
	/** The first file: its head says how every file is read. */
	file: string;
	/** Every file of the import, in order: the files named, or a folder's files by name. */
	parts: string[];
	out: string;
	preset?: Preset;
	map: string[];
	mapping: Mapping;
	dateFormat?: DateFormat;
	category?: Category;
	encoding?: Encoding;
	published?: string;
	title?: string;
	format?: StoryFormat;
}

/** Today in UTC, as a day number (dateToDay rounds, which is tomorrow after noon). */
const today = () => Math.floor(Date.now() / 86_400_000);

/** The folder being written beside --out, removed if the import is stopped (Ctrl-C). */
let activeStage: StoryStage | null = null;
for (const signal of ['SIGINT', 'SIGTERM'] as const)
	process.on(signal, () => {
		const left = activeStage?.discard();
		if (left) warn(`import: ${left}`);
		process.exit(130);
	});

/** The file as given, for messages. */
let fileArg = 'the file';

const say = (line: string) => console.log(escapeUnsafe(line));
const warn = (line: string) => console.error(escapeUnsafe(line));
const count = (n: number) => n.toLocaleString('en-GB');
const shown = (path: string) => relative(process.cwd(), path) || path;

function parseArgs(argv: string[]): Args {
	const args: Partial<Args> & { map: string[] } = { map: [] };
	const positional: string[] = [];
	const value = (i: number, name: string) => {
		const v = argv[i];
		if (v === undefined || v.startsWith('--')) throw new UsageError(`${name} needs a value`);
		return v;
	};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i]!;
		if (arg === '--') continue;
		if (arg === '--map') {
			args.map.push(value(++i, arg));
			// `--map a=lat b=lon`: the values run on while they look like COLUMN=FIELD.
			while (
				argv[i + 1] !== undefined &&
				!argv[i + 1]!.startsWith('--') &&
				argv[i + 1]!.includes('=')
			)
				args.map.push(argv[++i]!);
		} else if (arg === '--preset') {
			const v = value(++i, arg);
			if (!(PRESETS as readonly string[]).includes(v))
				throw new UsageError(`--preset is one of ${PRESETS.join(', ')}, not "${v}"`);
			args.preset = v as Preset;
		} else if (arg === '--date-format') {
			const v = value(++i, arg);
			if (!(DATE_FORMATS as readonly string[]).includes(v))
				throw new UsageError(
					`--date-format is dmy (03/04/2025 is 3 April) or mdy (March 4), not "${v}"`
				);
			args.dateFormat = v as DateFormat;
		} else if (arg === '--category') {
			const v = value(++i, arg);
			if (!(CATEGORIES as readonly string[]).includes(v))
				throw new UsageError(`--category is one of ${CATEGORIES.join(', ')}, not "${v}"`);
			args.category = v as Category;
		} else if (arg === '--encoding') {
			const v = value(++i, arg).toLowerCase();
			if (!isEncoding(v))
				throw new UsageError(`--encoding is utf-8, utf-16le, utf-16be or windows-1252, not "${v}"`);
			args.encoding = v;
		} else if (arg === '--published') {
			const v = value(++i, arg);
			if (parseIsoDate(v) === null)
				throw new UsageError(`--published "${v}" is not a date (YYYY-MM-DD)`);
			args.published = v;
		} else if (arg === '--format') {
			const v = value(++i, arg);
			if (!(STORY_FORMATS as readonly string[]).includes(v))
				throw new UsageError(
					`--format is geojson or columnar (the default: columnar past ${MAX_GEOJSON_EVENTS.toLocaleString('en-GB')} events), not "${v}"`
				);
			args.format = v as StoryFormat;
		} else if (arg === '--title') args.title = value(++i, arg);
		else if (arg === '--out') args.out = value(++i, arg);
		else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
		else positional.push(arg);
	}
	if (!positional.length || args.out === undefined) throw new UsageError(USAGE);
	args.parts = positional.flatMap(folderFiles);
	if (!args.parts.length)
		throw new UsageError(`${positional.join(', ')}: no CSV, TSV or Parquet file in it`);
	args.file = args.parts[0]!;
	const parsed = parseMapping(args.map);
	if (!parsed.ok) throw new UsageError(parsed.problem);
	fileArg = positional.length === 1 ? positional[0]! : args.file;
	return { ...args, mapping: parsed.map } as Args;
}

/**
 * A folder stands for its files, in name order (a day of GDELT's 15-minute files, the parts of a
 * BigQuery export): those a CSV, TSV or Parquet file's name ends in. A file stands for itself.
 */
function folderFiles(path: string): string[] {
	let folder = false;
	try {
		folder = statSync(path).isDirectory();
	} catch {
		// Said where the file is read.
	}
	if (!folder) return [path];
	return readdirSync(path)
		.filter((name) => !name.startsWith('.') && /\.(csv|tsv|txt|parquet)$/i.test(name))
		.sort()
		.map((name) => join(path, name));
}

/** Whether two rows are the same cells: a later file's header, which is no row of data. */
const sameRow = (a: readonly string[], b: readonly string[]) =>
	a.length === b.length && a.every((cell, i) => cell === b[i]);

function readHead(file: string, bytes: number): Uint8Array {
	const fd = openSync(file, 'r');
	try {
		const buffer = new Uint8Array(bytes);
		const n = readSync(fd, buffer, 0, bytes, 0);
		return buffer.subarray(0, n);
	} finally {
		closeSync(fd);
	}
}

/** How the rows come: a CSV or TSV streamed, or a workbook's or GeoJSON file's rows read whole. */
type Source =
	| { kind: 'text'; encoding: Encoding; delimiter: Delimiter; what: string }
	| { kind: 'parquet'; what: string }
	| { kind: 'whole'; whole: WholeRows; what: string };

interface Totals {
	end: Extract<LoopEnd, { ok: true }>;
	/** How the file was read: "UTF-8, comma-separated", "GeoJSON". */
	what: string;
	/** Places found by a row's place name (no coordinates in it), each named once, and how sure. */
	geocoded: Map<string, { detail: string; confidence: number }>;
	written: Written | null;
}

/** One pass over the file: every row becomes an event or a line of rejected.csv (row-loop.ts). */
async function importPass(args: Args, source: Source): Promise<Totals> {
	// Written beside --out, renamed into place when whole (story-folder.ts).
	const stage = new StoryStage(args.out);
	activeStage = stage;
	const dir = stage.path;
	const latest = args.published ? parseIsoDate(args.published)! : today();
	const countries = countryIndex(shippedBasemap());
	const fileName = escapeUnsafe(
		args.parts.length > 1
			? `${basename(args.file)} and ${args.parts.length - 1} more file${args.parts.length === 2 ? '' : 's'}`
			: basename(args.file)
	).replace(/\\u[0-9A-F{}]+/g, '?');
	let title = (args.title ?? `Imported from ${fileName}`).replace(/\s+/g, ' ').trim();
	if (!title || findUnsafe(title) || /<\/?[a-z!][^>]*>/i.test(title)) title = 'Imported dataset';
	title = cut(title, 200);

	const rejected = new Output(join(dir, 'rejected.csv'));
	// Set by the loop's callback; typed here so the checker does not take it for null for good.
	let writer = null as StoryWriter | null;
	let geocoder: ((query: GeocodeQuery) => Geocoded) | null = null;
	const geocoded = new Map<string, { detail: string; confidence: number }>();
	const loop = new RowLoop({
		choice: {
			...(args.preset ? { preset: args.preset } : {}),
			...(args.category ? { category: args.category } : {}),
			mapping: args.mapping,
			placeNames: true
		},
		countries,
		latest,
		// The gazetteer is read only if a row needs it: most datasets carry coordinates.
		geocode: (query) => (geocoder ??= cachedGeocoder(loadGazetteerForNode()))(query),
		...(args.dateFormat ? { dateFormat: args.dateFormat } : {}),
		onReader(reader) {
			writer = storyWriter(
				dir,
				{
					title,
					published: args.published ?? null,
					file: fileName,
					what: `${reader.name}, ${source.what}`,
					dataset: reader.name,
					day: toIsoDate(today())
				},
				args.format
			);
			rejected.write(csvLine(['row', 'column', 'reason', ...reader.columns]));
		},
		onEvent(event, line) {
			if (event.geocoded && !geocoded.has(event.place)) geocoded.set(event.place, event.geocoded);
			writer!.add(event, line);
		},
		onRejected({ row, column, reason, cells }) {
			rejected.write(csvLine([String(row), column, reason, ...cells]));
		}
	});
	// A million rows take half a minute: show a terminal they are moving (never a pipe).
	const tty = process.stderr.isTTY;
	try {
		// The first file's first row; a later file that opens with the same row repeats its header.
		let header: string[] | null = null;
		const first = (cells: string[], part: number): boolean => {
			if (part === 0) header ??= cells;
			return part > 0 && header !== null && sameRow(cells, header);
		};
		if (source.kind === 'text')
			for (const [part, file] of args.parts.entries()) {
				let opening = true;
				const going = await readDelimited(fileChunks(file), {
					encoding: source.encoding,
					delimiter: source.delimiter,
					onRow(cells, quoteError) {
						if (opening) {
							opening = false;
							if (first(cells, part)) return true;
						}
						const going = loop.push(cells, quoteError);
						if (tty && loop.row % 100_000 === 0)
							process.stderr.write(`\r  ${count(loop.row)} rows read…`);
						return going;
					}
				});
				if (!going) break;
			}
		else if (source.kind === 'parquet')
			for (const [part, file] of args.parts.entries()) {
				let opening = true;
				const read = await readParquet(await asyncBufferFromFile(file), {
					onRow(cells) {
						if (!opening) return loop.push(cells);
						opening = false;
						if (first(cells, part)) return true;
						if (part > 0)
							throw new Refused(
								`${file} has other columns than ${args.parts[0]}: the files of one import share their columns.`
							);
						return loop.push(cells);
					},
					onGroup() {
						if (tty) process.stderr.write(`\r  ${count(loop.row)} rows read…`);
					}
				});
				if (!read.ok)
					throw new Refused(args.parts.length > 1 ? `${file} ${read.problem}` : read.problem);
			}
		else walkRows(loop, source.whole);
		if (tty && loop.row >= 100_000) process.stderr.write('\r\x1b[K');
		const end = loop.end();
		if (!end.ok) throw new Refused(end.problem);
		let written: Written | null = null;
		// Nothing imported: no story to check, but rejected.csv says why.
		if (end.imported > 0) {
			if (tty && end.imported > MAX_GEOJSON_EVENTS)
				process.stderr.write(`  writing ${count(end.imported)} events…`);
			written = writer!.finish(end.places);
			if (tty && end.imported > MAX_GEOJSON_EVENTS) process.stderr.write('\r\x1b[K');
		} else writer!.abort();
		rejected.close(true);
		stage.commit();
		activeStage = null;
		return { end, what: source.what, geocoded, written };
	} catch (error) {
		writer?.abort();
		rejected.close(false);
		const left = stage.discard();
		activeStage = null;
		if (left) warn(`import: ${left}`);
		throw error;
	}
}

/** The file a megabyte at a time, as readDelimited takes it. */
async function* fileChunks(file: string): AsyncGenerator<Uint8Array> {
	yield* createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>;
}

async function main(argv: string[]): Promise<number> {
	if (argv.includes('--help') || argv.includes('-h')) {
		for (const line of USAGE.split('\n')) say(line);
		return 0;
	}
	const args = parseArgs(argv);
	const started = performance.now();
	const outProblem = outFolderProblem(args.out);
	if (outProblem) throw new OutRefused(`--out ${args.out} ${outProblem}`);
	let size: number;
	try {
		const stat = statSync(args.file);
		if (stat.isDirectory()) throw new Refused('is a folder, not a file.');
		size = stat.size;
	} catch (error) {
		if (error instanceof Refused) throw error;
		const code = (error as NodeJS.ErrnoException).code;
		throw new Refused(
			`cannot be read (${code === 'ENOENT' ? 'no such file' : (code ?? 'unknown error')}).`
		);
	}
	const head = readHead(args.file, 1 << 20);
	const kind = kindOf(args.file, head);
	if (args.parts.length > 1) {
		if (kind === 'xlsx' || kind === 'geojson')
			throw new Refused(
				`is ${kind === 'xlsx' ? 'a workbook' : 'GeoJSON'}: one at a time; a folder or a list of files is for CSV, TSV or Parquet.`
			);
		for (const part of args.parts.slice(1)) {
			const other = kindOf(part, readHead(part, 8));
			if (other !== kind)
				throw new Refused(
					`and ${part} are not read alike (${kind} and ${other}): the files of one import are all CSV or TSV, or all Parquet.`
				);
		}
	}
	if (kind === 'parquet') {
		if (args.encoding)
			throw new UsageError(`--encoding is for CSV and TSV files; ${args.file} is read as Parquet.`);
		const tooBig = sizeProblem(size);
		if (tooBig) throw new Refused(tooBig);
		return report(args, started, await importPass(args, { kind: 'parquet', what: 'Parquet' }));
	}
	if (kind !== 'text') {
		if (args.encoding)
			throw new UsageError(`--encoding is for CSV and TSV files; ${args.file} is read as ${kind}.`);
		// Named before a byte past the head is read: a workbook or GeoJSON file is held whole.
		const tooBig = sizeProblem(size, MAX_WHOLE_BYTES[kind]);
		if (tooBig)
			throw new Refused(
				size > MAX_WHOLE_BYTES[kind]
					? `${tooBig} Saved as CSV, it is streamed, up to ${count(MAX_IMPORT_BYTES / 1024 ** 3)} GB.`
					: tooBig
			);
		const bytes = new Uint8Array(readFileSync(args.file)).buffer;
		const whole = await wholeRows(kind, bytes);
		if (typeof whole === 'string') throw new Refused(whole);
		return report(
			args,
			started,
			await importPass(args, { kind: 'whole', whole, what: whole.what })
		);
	}
	const tooBig = sizeProblem(size);
	if (tooBig) throw new Refused(tooBig);
	let encoding: Encoding;
	let why: string;
	if (args.encoding) {
		encoding = args.encoding;
		why = `${encoding}, as asked`;
	} else {
		const sniffed = sniffEncoding(head, head.length < size);
		if (!sniffed.ok) throw new Refused(sniffed.reason);
		encoding = sniffed.encoding;
		why = sniffed.why;
	}
	// Not fatal: only the delimiter and line break are read from it, and a character may be cut.
	const headText = new TextDecoder(encoding).decode(head);
	const delimiter: Delimiter = args.preset === 'gdelt' ? '\t' : guessDelimiter(headText);
	const text = (encoding: Encoding, why: string): Source => ({
		kind: 'text',
		encoding,
		delimiter,
		what: `${why}, ${delimiterName(delimiter)}-separated`
	});
	let totals: Totals;
	try {
		totals = await importPass(args, text(encoding, why));
	} catch (error) {
		if (!(error instanceof NotUtf8) || args.encoding) throw error;
		// Valid UTF-8 for its first megabyte, not after: a Windows file with accents further down.
		totals = await importPass(args, text('windows-1252', `Windows-1252 (it is ${error.message})`));
	}
	return report(args, started, totals);
}

/** What the import did, said; the exit code. */
function report(args: Args, started: number, totals: Totals): number {
	const { end } = totals;
	const seconds = ((performance.now() - started) / 1000).toFixed(1);
	// CPU time beside wall time: on a shared machine the two part ways.
	const cpu = process.cpuUsage();
	const cpuSeconds = ((cpu.user + cpu.system) / 1e6).toFixed(1);
	// Beside the file's size, the peak shows whether it was streamed or held whole.
	const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
	say(
		`Read ${args.parts.length > 1 ? `${count(args.parts.length)} files (${args.parts[0]} to ${args.parts[args.parts.length - 1]})` : args.file} as ${end.reader.name} (${totals.what}) in ${seconds} s (${cpuSeconds} s of CPU, ${count(peakMb)} MB peak memory).`
	);
	if (end.guessed.length)
		say(
			`  Columns guessed: ${end.guessed.join(', ')}. If one is wrong, say so with --map COLUMN=FIELD.`
		);
	if (end.blank)
		say(`  ${count(end.blank)} blank line${end.blank === 1 ? '' : 's'} skipped (no cells at all).`);
	const rejectedPath = shown(join(args.out, 'rejected.csv'));
	say(
		end.rejected
			? `${count(end.imported)} row${end.imported === 1 ? '' : 's'} imported, ${count(end.rejected)} not: see ${rejectedPath}`
			: `${count(end.imported)} row${end.imported === 1 ? '' : 's'} imported, all of them.`
	);
	const warnings = end.placeWarnings;
	if (warnings.length) {
		say(
			`  ${count(warnings.length)} place${warnings.length === 1 ? '' : 's'} kept without a country, as regions: ${warnings
				.slice(0, 5)
				.map((w) => `"${w.place}" ${w.message}`)
				.join('; ')}${warnings.length > 5 ? '; …' : ''}.`
		);
	}
	if (totals.geocoded.size) {
		const names = new Map(end.places.map((p) => [p.id, p.name]));
		const unsure = [...totals.geocoded]
			.filter(([, g]) => g.confidence < UNSURE_BELOW)
			.map(([id, g]) => ({ detail: `${names.get(id) ?? id} (${g.detail})` }));
		say(
			`  ${count(totals.geocoded.size)} place${totals.geocoded.size === 1 ? '' : 's'} found by name in the gazetteer (the rows had no coordinates)${
				unsure.length
					? `; ${count(unsure.length)} unsure, to check: ${unsure
							.slice(0, 5)
							.map((g) => g.detail)
							.join('; ')}${unsure.length > 5 ? '; …' : ''}`
					: ''
			}.`
		);
	}
	if (!end.imported || !totals.written) {
		warn(`import: no row could be imported; nothing written but ${rejectedPath}.`);
		return 1;
	}
	const placeCount = end.places.length;
	const places = `places.geojson (${count(placeCount)} place${placeCount === 1 ? '' : 's'})`;
	const { written } = totals;
	say(
		written.format === 'geojson'
			? `  Wrote ${shown(args.out)}: events.geojson, ${places}, article.txt (one line per event).`
			: `  Wrote ${shown(args.out)} in the columnar form: events.arrow (${count(written.events)} events), text/ (${count(written.chunks)} chunk${written.chunks === 1 ? '' : 's'} of their words), ${places}, article.txt (where the rows came from).`
	);
	if (written.format === 'geojson' && written.events > MAX_GEOJSON_EVENTS)
		say(
			`  GeoJSON as asked: past ${count(MAX_GEOJSON_EVENTS)} events the columnar form (--format columnar) opens faster, and a story file over 100 MB fails check:data.`
		);
	return 0;
}

main(process.argv.slice(2)).then(
	(code) => {
		process.exitCode = code;
	},
	(error: unknown) => {
		if (error instanceof UsageError) {
			for (const [i, line] of error.message.split('\n').entries())
				warn(i === 0 ? `import: ${line}` : line);
			process.exitCode = 2;
		} else if (error instanceof Refused) {
			for (const [i, line] of error.message.split('\n').entries())
				warn(
					i > 0
						? `  ${line}`
						: error instanceof OutRefused
							? `import: ${line}`
							: `import: ${fileArg}: ${line}`
				);
			process.exitCode = 1;
		} else {
			warn(`import failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`);
			process.exitCode = 2;
		}
	}
);
