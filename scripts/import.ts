/**
 * npm run import -- FILE|FOLDER … [--preset acled|gdelt|ucdp] [--map COLUMN=FIELD …] [--date-format dmy|mdy]
 *   [--category C] [--encoding E] [--published YYYY-MM-DD] [--title T] [--format F] --out DIR
 * Turns a CSV or TSV of events (an ACLED export, a GDELT 2.0 event file, or any spreadsheet with a
 * date and coordinates), a Parquet or Arrow IPC file, an .xlsx workbook's first sheet or a GeoJSON
 * FeatureCollection of points into a story folder that `npm run check:data -- DIR` accepts, and writes
 * the rows it did not take, with the reason, to DIR/rejected.csv. Up to MAX_GEOJSON_EVENTS
 * events the folder is GeoJSON; past that, or with --format columnar, it is the columnar form
 * (events.arrow and text chunks; geodata/README.md). The import itself is the session the studio
 * shares (src/lib/import/import-session.ts); this is the glue: arguments, files, the story folder.
 */
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { countryIndex } from '../src/lib/import/countries';
import { csvLine } from '../src/lib/import/csv-safe';
import { cachedGeocoder } from '../src/lib/import/geocode';
import { isEncoding, type Encoding } from '../src/lib/import/decode';
import { parseMapping, type Mapping } from '../src/lib/import/guess-columns';
import {
	importTitle,
	openImport,
	type Geocoder,
	type ImportFile,
	type ImportSink
} from '../src/lib/import/import-session';
import { IMPORT_LIMITS, MAX_IMPORT_BYTES, MAX_WHOLE_BYTES } from '../src/lib/import/limits';
import { DATE_FORMATS, type DateFormat } from '../src/lib/import/parse-date';
import { PRESETS, type Preset } from '../src/lib/import/presets';
import type { RowReader } from '../src/lib/import/reader';
import type { LoopEnd, RejectedRow } from '../src/lib/import/row-loop';
import type { ImportedEvent } from '../src/lib/import/rows-to-events';
import { parseIsoDate, toIsoDate, today } from '../src/lib/story/dates';
import { escapeUnsafe } from '../src/lib/story/text';
import { CATEGORIES, type Category } from '../src/lib/story/schema';
import { MAX_GEOJSON_EVENTS } from '../src/lib/story/columnar/layout';
import { UNSURE_BELOW } from '../src/lib/draft/toponyms/confidence';
import { diskFile } from './lib/disk-file';
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
import type { ImportHead } from '../src/lib/import/columnar-story';
import type { ImportedPlace } from '../src/lib/import/place-table';
import { StoryUpdate } from '../src/lib/import/story-update';
import { HISTORY_FILE, historyJson, versionTime, type Version } from '../src/lib/story/history';
import { readDatasetStory, type DatasetStory } from './lib/dataset-story';

const USAGE = [
	'usage: npm run import -- FILE|FOLDER … [--preset acled|gdelt|ucdp] [--map COLUMN=FIELD …] [--date-format dmy|mdy] [--category C] [--encoding utf-8|utf-16le|utf-16be|windows-1252] [--published YYYY-MM-DD] [--title T] [--format geojson|columnar] --out DIR',
	`  FILE: a CSV or TSV, a Parquet or an Arrow IPC (.arrow, .feather) file (streamed, up to ${MAX_IMPORT_BYTES / 1024 ** 3} GB), an .xlsx workbook (its first sheet, read whole, up to ${MAX_WHOLE_BYTES.xlsx / 1024 ** 2} MB) or a .geojson/.json FeatureCollection of points (read whole, up to ${MAX_WHOLE_BYTES.geojson / 1024 ** 2} MB).`,
	'  --map COLUMN=FIELD: COLUMN is a header name, or a column number counted from 1 (--map 3=date) for a name two columns share.',
	'       npm run import -- NEWER.csv --into DIR [--note N]',
	"  --into DIR: updates the story in DIR, imported before from the same dataset, by its rows' ids, and adds the version to its history.json: rows new are added, rows changed revised, rows gone withdrawn. --note says what the version is (by default, the file it came from)."
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
	/** --into: `out` holds the story to update. */
	into: boolean;
	note?: string;
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
		else if (arg === '--out' || arg === '--into') {
			if (args.out !== undefined)
				throw new UsageError('give one of --out DIR (a new story) and --into DIR (an update)');
			args.out = value(++i, arg);
			args.into = arg === '--into';
		} else if (arg === '--note') args.note = value(++i, arg);
		else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
		else positional.push(arg);
	}
	if (!positional.length || args.out === undefined) throw new UsageError(USAGE);
	if (args.note !== undefined && !args.into)
		throw new UsageError('--note is the note of a version: it goes with --into DIR');
	if (args.into && args.format)
		throw new UsageError(
			'--format goes with --out: an update keeps the form of the story in --into'
		);
	args.into ??= false;
	args.parts = positional.flatMap(folderFiles);
	if (!args.parts.length)
		throw new UsageError(`${positional.join(', ')}: no CSV, TSV, Parquet or Arrow file in it`);
	args.file = args.parts[0]!;
	const parsed = parseMapping(args.map);
	if (!parsed.ok) throw new UsageError(parsed.problem);
	fileArg = positional.length === 1 ? positional[0]! : args.file;
	return { ...args, mapping: parsed.map } as Args;
}

/**
 * A folder stands for its files, in name order (a day of GDELT's 15-minute files, the parts of a
 * BigQuery export): those a CSV, TSV, Parquet or Arrow file's name ends in. A file stands for itself.
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
		.filter((name) => !name.startsWith('.') && /\.(csv|tsv|txt|parquet|arrow|feather)$/i.test(name))
		.sort()
		.map((name) => join(path, name));
}

/** How the import went: the session's end and the story written, for the report. */
interface Totals {
	end: Extract<LoopEnd, { ok: true }>;
	/** How the file was read: "UTF-8, comma-separated", "GeoJSON". */
	what: string;
	/** Places found by a row's place name (no coordinates in it), each named once, and how sure. */
	geocoded: Map<string, { detail: string; confidence: number }>;
	written: Written | null;
	update: Update | null;
}

/**
 * Where one pass's events go: a story folder written beside --out (story-folder.ts), renamed into
 * place when whole, and rejected.csv in it.
 */
class FolderSink implements ImportSink {
	readonly stage: StoryStage;
	readonly rejected: Output;
	writer: StoryWriter | null = null;

	constructor(
		private readonly args: Args,
		private readonly head: Omit<ImportHead, 'what' | 'dataset'>,
		private readonly update: Update | null = null
	) {
		this.stage = new StoryStage(args.out);
		activeStage = this.stage;
		this.rejected = new Output(join(this.stage.path, 'rejected.csv'));
	}

	onReader(reader: RowReader, what: string) {
		const story = this.update?.story;
		// Its ids are another dataset's: an ACLED id and a GDELT one may be one slug, and name two events.
		if (story && reader.name !== story.dataset)
			throw new OutRefused(
				`${this.args.file} reads as ${reader.name}, but the story in ${this.args.out} was imported from ${story.dataset} (${story.file}): its ids are another dataset's, so it cannot update that story. Import it as a story of its own with --out.`
			);
		this.writer = storyWriter(
			this.stage.path,
			{ ...this.head, what, dataset: reader.name, notesColumn: reader.notes },
			this.args.format
		);
		this.rejected.write(csvLine(['row', 'column', 'reason', ...reader.columns]));
	}

	onEvent(event: ImportedEvent, line: string) {
		this.update?.changes.addNew(event);
		this.writer!.add(event, line);
	}

	onRejected({ row, column, reason, cells }: RejectedRow) {
		this.rejected.write(csvLine([String(row), column, reason, ...cells]));
	}

	/** The story and rejected.csv into place; nothing but rejected.csv when no row was imported. */
	finish(end: Extract<LoopEnd, { ok: true }>): Written | null {
		const tty = process.stderr.isTTY;
		let written: Written | null = null;
		if (end.imported > 0) {
			if (tty && end.imported > MAX_GEOJSON_EVENTS)
				process.stderr.write(`  writing ${count(end.imported)} events…`);
			written = this.writer!.finish(this.update ? this.#keepGone(end.places) : end.places);
			if (this.update) this.update.history = writeHistory(this.stage.path, this.update, this.args);
			if (tty && end.imported > MAX_GEOJSON_EVENTS) process.stderr.write('\r\x1b[K');
		} else this.writer?.abort();
		this.rejected.close(true);
		if (this.update) this.stage.replace();
		else this.stage.commit();
		activeStage = null;
		return written;
	}

	/**
	 * The story's events the newer file no longer has, kept (the reader shows them withdrawn) with
	 * their last row and words, their line in article.txt their excerpt; the places they need.
	 */
	#keepGone(places: readonly ImportedPlace[]): ImportedPlace[] {
		const { changes, story } = this.update!;
		const have = new Set(places.map((p) => p.id));
		const needed = new Set<string>();
		changes.resolve(story.events());
		for (const event of changes.gone()) {
			this.writer!.add(event, event.source);
			if (!have.has(event.place)) needed.add(event.place);
		}
		return [...places, ...story.places.filter((p) => needed.has(p.id))];
	}

	discard() {
		this.writer?.abort();
		this.rejected.close(false);
		const left = this.stage.discard();
		activeStage = null;
		if (left) warn(`import: ${left}`);
	}
}

/** An update of a story (--into): the story as it stands and the changes the newer file makes. */
interface Update {
	story: DatasetStory;
	changes: StoryUpdate;
	/** Once written: the history, and the bytes the new version added to history.json. */
	history?: { version: Version; bytes: number; added: number };
}

/**
 * history.json of the updated story, in the stage: the story's history (or, where it kept none,
 * its import as version 1) and the update's version, numbered after the last, timed now.
 */
function writeHistory(dir: string, update: Update, args: Args): Update['history'] {
	const { story, changes } = update;
	const versions = story.history?.versions ?? [
		{
			id: '1',
			time: story.day,
			at: versionTime(story.day)!,
			note: `Imported from ${story.file}.`,
			changes: []
		}
	];
	const numbers = versions.map((v) => Number(v.id)).filter(Number.isInteger);
	let id = String(Math.max(versions.length, ...numbers) + 1);
	while (versions.some((v) => v.id === id)) id = `${id}-1`;
	const time = `${new Date().toISOString().slice(0, 16)}Z`;
	const version = changes.version(
		id,
		time,
		versionTime(time)!,
		args.note ?? `Updated from ${basename(args.file)}.`
	);
	const before = story.history ? historyJson(story.history) : '';
	const text = historyJson({ versions: [...versions, version] });
	writeFileSync(join(dir, HISTORY_FILE), text);
	return {
		version,
		bytes: Buffer.byteLength(text),
		added: Buffer.byteLength(text) - Buffer.byteLength(before)
	};
}

/** The files of the import, each with its size, or why one cannot be read. */
function filesOf(parts: readonly string[]): ImportFile[] {
	return parts.map((path) => {
		let stat;
		try {
			stat = statSync(path);
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code;
			throw new Refused(
				`${path === parts[0] ? '' : `${path} `}cannot be read (${code === 'ENOENT' ? 'no such file' : (code ?? 'unknown error')}).`
			);
		}
		if (stat.isDirectory())
			throw new Refused(`${path === parts[0] ? '' : `${path} `}is a folder, not a file.`);
		return diskFile(path, stat.size);
	});
}

async function main(argv: string[]): Promise<number> {
	if (argv.includes('--help') || argv.includes('-h')) {
		for (const line of USAGE.split('\n')) say(line);
		return 0;
	}
	const args = parseArgs(argv);
	const started = performance.now();
	let update: Update | null = null;
	if (args.into) {
		const story = readDatasetStory(args.out);
		if (typeof story === 'string') throw new OutRefused(`--into ${args.out} ${story}`);
		args.format = story.form;
		update = { story, changes: new StoryUpdate(story.withdrawn) };
		for (const event of story.events()) update.changes.addOld(event);
	} else {
		const outProblem = outFolderProblem(args.out);
		if (outProblem) throw new OutRefused(`--out ${args.out} ${outProblem}`);
	}
	// A million rows take half a minute: show a terminal they are moving (never a pipe).
	const tty = process.stderr.isTTY;
	const opened = await openImport(filesOf(args.parts), {
		limits: IMPORT_LIMITS,
		...(args.preset ? { preset: args.preset } : {}),
		mapping: args.mapping,
		...(args.category ? { category: args.category } : {}),
		...(args.encoding ? { encoding: args.encoding } : {}),
		...(args.dateFormat ? { dateFormat: args.dateFormat } : {}),
		countries: () => countryIndex(shippedBasemap()),
		...(update ? { places: update.story.places } : {}),
		// The gazetteer is read only if a row needs it: most datasets carry coordinates.
		geocoder: () => {
			let geocode: Geocoder | null = null;
			return (query) => (geocode ??= cachedGeocoder(loadGazetteerForNode()))(query);
		},
		latest: args.published ? parseIsoDate(args.published)! : today(),
		progress: (p) => {
			if (tty && p.rows >= 100_000) process.stderr.write(`\r  ${count(p.rows)} rows read…`);
		}
	});
	if (!opened.ok) {
		if (opened.usage) throw new UsageError(opened.problem);
		// A workbook or GeoJSON file is held whole; the same rows saved as CSV are streamed.
		const whole = opened.tooBig === 'xlsx' || opened.tooBig === 'geojson';
		throw new Refused(
			whole
				? `${opened.problem} Saved as CSV, it is streamed, up to ${count(MAX_IMPORT_BYTES / 1024 ** 3)} GB.`
				: opened.problem
		);
	}
	const fileName = escapeUnsafe(
		args.parts.length > 1
			? `${basename(args.file)} and ${args.parts.length - 1} more file${args.parts.length === 2 ? '' : 's'}`
			: basename(args.file)
	).replace(/\\u[0-9A-F{}]+/g, '?');
	const head = {
		title: importTitle(fileName, args.title),
		published: args.published ?? null,
		file: fileName,
		day: toIsoDate(today())
	};
	let sink: FolderSink | null = null;
	try {
		const result = await opened.run(() => (sink = new FolderSink(args, head, update)));
		if (tty) process.stderr.write('\r\x1b[K');
		if (!result.ok) throw new Refused(result.problem);
		if (update && result.end.imported === 0)
			throw new Refused(
				`no row could be imported, so the story in ${args.out} is left as it was. Import the file with --out NEW_DIR to see why, row by row, in its rejected.csv.`
			);
		const written = sink!.finish(result.end);
		sink = null;
		return report(args, started, {
			end: result.end,
			what: result.form,
			geocoded: result.geocoded,
			written,
			update
		});
	} catch (error) {
		(sink as FolderSink | null)?.discard();
		throw error;
	}
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
	const history = totals.update?.history;
	if (totals.update && history) {
		const c = totals.update.changes.counts;
		say(
			`  Version ${history.version.id} of the story, in ${shown(join(args.out, HISTORY_FILE))}: ${count(c.added)} added, ${count(c.revised)} revised, ${count(c.withdrawn)} withdrawn (no longer in the source), ${count(c.unchanged)} unchanged. The history grew by ${count(history.added)} bytes, to ${count(history.bytes)}.`
		);
		if (c.withdrawn || totals.update.story.withdrawn.size)
			say(
				'  Withdrawn events stay in the story, with their last row, so readers see them struck through.'
			);
	}
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
