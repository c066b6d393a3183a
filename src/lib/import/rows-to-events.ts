/**
 * One row of a dataset → one event of a story, or the reasons it cannot be one. Every row ends in
 * exactly one of the two, so none is dropped silently. The checks are the validator's own rules
 * (story/validate.ts), applied here so that what is imported passes `npm run check:data` and what
 * is not is named with its row and column.
 */
import { toIsoDate } from '../story/dates';
import { slugify } from '../story/slug';
import { findUnsafe, quote, unsafeMessage } from '../story/text';
import { CATEGORIES, EVENT_FIELDS, type EventRecord } from '../story/schema';
import { untoldSummary } from '../story/provenance';
import type { LonLat } from '../story/types';
import type { MentionReading } from '../draft/draft';
import { UNSURE_BELOW } from '../draft/toponyms/confidence';
import type { CountryIndex } from './country-index';
import type { GeocodeQuery, Geocoded } from './geocode';
import { MAX_CELL_CHARS } from './limits';
import { saysNotKnown } from './not-known';
import { monthOf, parseDate, weekAround, type DateFormat } from './parse-date';
import { PlaceTable, type ImportedPlace } from './place-table';
import type { Cell, RowFields, RowProblem, RowReader } from './reader';

/**
 * An event as a row makes it: the schema's fields a dataset fills (story/schema.ts), with dates as
 * YYYY-MM-DD, its one excerpt, the row it came from, and its point.
 */
export type ImportedEvent = Pick<
	EventRecord<string>,
	'id' | 'title' | 'summary' | 'category' | 'actors' | 'start' | 'end' | 'when' | 'place'
> & {
	/** The one excerpt: the row's line in article.txt up to its notes (at most 2,000 characters). */
	source: string;
	/** The row of the file it comes from, as a spreadsheet numbers it (the header is row 1). */
	row: number;
	coordinates: LonLat;
	/** Placed by its name (the row has no coordinates): how sure, and the readings that came close. */
	geocoded?: { detail: string; confidence: number; alternatives: MentionReading[] };
};

export type RowOutcome =
	| { ok: true; event: ImportedEvent; line: string }
	| { ok: false; problems: RowProblem[] }
	/** A question about the whole file (the order of day and month): nothing is imported. */
	| { ok: false; fatal: string };

export interface ImportOptions {
	reader: RowReader;
	countries: CountryIndex;
	/** The places of the story an update keeps the ids of (place-table.ts). */
	places?: readonly ImportedPlace[];
	dateFormat?: DateFormat;
	/** The last day an event may have: the publication day given, or the day of the import. */
	latest: number;
	/** Places a row that names a place and gives no coordinates (geocode.ts); without it such a
	 * row is not imported. */
	geocode?: (query: GeocodeQuery) => Geocoded;
	/**
	 * The states the whole file's rows name or were surely placed in, and how often, from a first
	 * look at every row: the context of the first row as much as the last. Without it, the context
	 * is the rows read so far.
	 */
	states?: ReadonlyMap<string, number>;
}

/** The validator's limits for each text (story/validate.ts). */
/** The schema's limits, so that what is imported passes the validator. */
const MAX = {
	title: EVENT_FIELDS.title.max,
	summary: EVENT_FIELDS.summary.max,
	actor: EVENT_FIELDS.actors.max,
	when: EVENT_FIELDS.when.max,
	excerpt: EVENT_FIELDS.source.max,
	actors: EVENT_FIELDS.actors.maxItems
};
/** A title, a name or an actor holding what looks like an HTML tag fails the validator. */
const HTML_TAG = /<\/?[a-z!][^>]*>/i;
const NO_ACTOR = 'not named in the data';

/** At most `max` characters, whole code points, with "…" when cut. */
export function cut(text: string, max: number): string {
	if (text.length <= max) return text;
	let end = max - 1;
	const last = text.charCodeAt(end - 1);
	if (last >= 0xd800 && last <= 0xdbff) end--;
	return `${text.slice(0, end)}…`;
}

/** The first `max` characters of `text` (whole code points): an excerpt must be verbatim, no "…". */
function head(text: string, max: number): string {
	if (text.length <= max) return text;
	const last = text.charCodeAt(max - 1);
	return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

/** Anything oneLine changes: a run of spaces, any other white space, space at either end. */
const NOT_ONE_LINE = /[^\S ]| {2}|^ | $/;
/**
 * Text on one line with single spaces. Tested before replacing: most cells need nothing, and a
 * million rows' notes are long.
 */
const oneLine = (text: string) =>
	NOT_ONE_LINE.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
/**
 * What findUnsafe looks for (C0 and C1 controls other than tab and line breaks, bidi overrides and
 * isolates), as one regular expression: most cells have none, and this finds that fastest.
 */
const MAYBE_UNSAFE =
	// eslint-disable-next-line no-control-regex -- finding control characters is the point
	/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/** A decimal degree; a decimal comma is read too (European spreadsheets, `;`-separated). */
function readDegrees(cell: Cell | null): number | null {
	const text = cell?.text.trim() ?? '';
	if (text === '') return null;
	if (!/^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)$/.test(text)) return NaN;
	return Number(text.replace(',', '.'));
}

/** Six decimals, as the format allows (about 10 cm). */
const round6 = (value: number) => Math.round(value * 1e6) / 1e6;

/**
 * A date cell as the reader is told it: a time of midnight, as databases export a day
 * ("2025-01-01 00:00:00.000"), is no part of it; another time is kept, shortened to minutes.
 */
export function dayText(text: string): string {
	const line = oneLine(text);
	const timed =
		/^(\d{4}-\d{2}-\d{2})[T ](\d{1,2}:\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/.exec(
			line
		);
	if (!timed) return line;
	return /^0?0:00$/.test(timed[2]!) ? timed[1]! : `${timed[1]} ${timed[2]}`;
}

export class RowsToEvents {
	readonly #places: PlaceTable;
	/** Each imported event's id and the row that has it. */
	readonly #ids = new Map<string, number>();

	constructor(private readonly options: ImportOptions) {
		this.#places = new PlaceTable(options.countries, options.places);
		if (options.states) {
			for (const [state, count] of options.states) this.#states.set(state, count);
			this.#order();
		}
	}

	/** The states the rows named or were surely placed in so far, and how often. */
	get states(): ReadonlyMap<string, number> {
		return this.#states;
	}

	get places(): ImportedPlace[] {
		return this.#places.list();
	}

	get placeWarnings() {
		return this.#places.warnings;
	}

	push(cells: readonly string[], row: number): RowOutcome {
		const { reader } = this.options;
		let extra = false;
		for (let i = reader.width; i < cells.length; i++) if (cells[i]!.trim() !== '') extra = true;
		if (cells.length < reader.width || extra)
			return {
				ok: false,
				problems: [
					{
						column: '(row)',
						reason: `has ${cells.length} cells; ${reader.widthFrom} has ${reader.width}. A cell may hold a delimiter or a quote that is not escaped.`
					}
				]
			};
		for (let i = 0; i < cells.length; i++) {
			if (cells[i]!.length > MAX_CELL_CHARS)
				return {
					ok: false,
					problems: [
						{
							column: reader.columns[i] ?? `column ${i + 1}`,
							reason: `is ${cells[i]!.length.toLocaleString('en-GB')} characters long; a cell may hold ${MAX_CELL_CHARS.toLocaleString('en-GB')} (a spreadsheet cell's limit).`
						}
					]
				};
		}
		for (const i of reader.used) {
			if (!MAYBE_UNSAFE.test(cells[i] ?? '')) continue;
			const unsafe = findUnsafe(cells[i] ?? '', { multiline: true });
			if (unsafe)
				return {
					ok: false,
					problems: [
						{ column: reader.columns[i] ?? `column ${i + 1}`, reason: unsafeMessage(unsafe) }
					]
				};
		}
		const fields = reader.read(cells);
		if ('reason' in fields) return { ok: false, problems: [fields] };
		return this.#toEvent(fields, row);
	}

	#dates(
		fields: RowFields,
		problems: RowProblem[]
	): { start: number; end: number } | string | null {
		const { dateFormat, latest } = this.options;
		const { date } = fields;
		if (!date || date.text === '') {
			problems.push({
				column: date?.column ?? 'date',
				reason: 'is empty: every event needs a date.'
			});
			return null;
		}
		const read = parseDate(date.text, dateFormat);
		if (!read.ok) {
			if (read.ambiguous) return `${date.column}: ${read.reason}`;
			problems.push({ column: date.column, reason: read.reason });
			return null;
		}
		let [start, end] =
			fields.span === 'week'
				? weekAround(read.day)
				: fields.span === 'month'
					? monthOf(read.day)
					: [read.day, read.day];
		if (fields.end) {
			const last = parseDate(fields.end.text, dateFormat);
			if (!last.ok) {
				if (last.ambiguous) return `${fields.end.column}: ${last.reason}`;
				problems.push({ column: fields.end.column, reason: last.reason });
				return null;
			}
			if (last.day < read.day) {
				problems.push({
					column: fields.end.column,
					reason: `${toIsoDate(last.day)} is before the start, ${toIsoDate(read.day)}.`
				});
				return null;
			}
			if (last.day > latest) {
				problems.push({
					column: fields.end.column,
					reason: `${toIsoDate(last.day)} is in the future (after ${toIsoDate(latest)}).`
				});
				return null;
			}
			end = last.day;
		}
		// Day numbers are days since 1970; year 1 began 719,162 days before it.
		if (read.day < -719_162) {
			problems.push({ column: date.column, reason: `${quote(date.text)} is before the year 1.` });
			return null;
		}
		if (read.day > latest) {
			problems.push({
				column: date.column,
				reason: `${toIsoDate(read.day)} is in the future (after ${toIsoDate(latest)}).`
			});
			return null;
		}
		// A week or a month that runs past the last day stops there: the event had happened by then.
		end = Math.min(end, latest);
		start = Math.max(start, -719_162);
		return { start, end };
	}

	/** How often each state is named or placed in by the file's rows so far. */
	readonly #states = new Map<string, number>();
	#stateOrder: string[] = [];

	#noteState(state: string): void {
		const name = state.trim();
		// Given the whole file's states, a row read now adds nothing they do not already count.
		if (!name || this.options.states) return;
		this.#states.set(name, (this.#states.get(name) ?? 0) + 1);
		this.#order();
	}

	#order(): void {
		this.#stateOrder = [...this.#states].sort((a, b) => b[1] - a[1]).map(([s]) => s);
	}

	/** The file's states, most named first (a few: a sheet names a handful). */
	#fileStates(): readonly string[] {
		return this.#stateOrder.slice(0, 5);
	}

	#point(
		fields: RowFields,
		problems: RowProblem[]
	): { point: LonLat; geocoded?: Extract<Geocoded, { ok: true }> } | null {
		const lat = readDegrees(fields.lat);
		const lon = readDegrees(fields.lon);
		const latColumn = fields.lat?.column ?? 'latitude';
		const lonColumn = fields.lon?.column ?? 'longitude';
		const { geocode } = this.options;
		// Only a mapped place column is looked up: ACLED and GDELT rows always carry coordinates,
		// and one without them is a broken row, not a name to place.
		if (lat === null && lon === null && geocode && fields.placeColumn && fields.placeName.trim()) {
			const found = geocode({
				name: fields.placeName,
				country: this.#places.declared(fields.country),
				admin: fields.admin ?? '',
				context: this.#fileStates()
			});
			// Only what the row says, or a name sure on its own, tells where the file's rows lie: a
			// guess noted as context would place every later name in the first guess's state.
			if (found.ok) {
				const admin = fields.admin ?? '';
				if (found.by === 'row') this.#noteState(found.state ?? admin);
				else if (admin.trim()) this.#noteState(admin);
				else if (found.by === 'name' && found.confidence >= UNSURE_BELOW)
					this.#noteState(found.state ?? '');
			}
			if (!found.ok) {
				problems.push({ column: fields.placeColumn ?? 'place', reason: found.reason });
				return null;
			}
			const [x, y] = found.reading.coordinates;
			return { point: [round6(x), round6(y)], geocoded: found };
		}
		if (lat === null || lon === null) {
			problems.push({
				column: lat === null ? latColumn : lonColumn,
				reason: 'is empty: every event needs a place (latitude and longitude).'
			});
			return null;
		}
		if (Number.isNaN(lat) || Number.isNaN(lon)) {
			const bad = Number.isNaN(lat) ? fields.lat! : fields.lon!;
			problems.push({
				column: bad.column,
				reason: saysNotKnown(bad.text)
					? `${quote(bad.text, 40)} says the place is not known: every event needs one (latitude and longitude).`
					: `${quote(bad.text, 40)} is not a number of degrees.`
			});
			return null;
		}
		if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
			const swapped = lat >= -180 && lat <= 180 && lon >= -90 && lon <= 90;
			problems.push({
				column: lat < -90 || lat > 90 ? latColumn : lonColumn,
				reason: `latitude ${lat}, longitude ${lon} is off the globe${swapped ? ': latitude and longitude look swapped' : ''}.`
			});
			return null;
		}
		if (lat === 0 && lon === 0) {
			problems.push({
				column: `${latColumn}, ${lonColumn}`,
				reason: 'is 0, 0: a placeholder for a missing place, not a place.'
			});
			return null;
		}
		return { point: [round6(lon), round6(lat)] };
	}

	#id(fields: RowFields, row: number, problems: RowProblem[]): string | null {
		const text = fields.id?.text ?? '';
		const id = text ? slugify(text, `row-${row}`) : `row-${row}`;
		const first = this.#ids.get(id);
		if (first !== undefined) {
			problems.push({
				column: fields.id?.column ?? 'id',
				reason: `${quote(text || id, 60)} is the id of row ${first} too; ids must be unique${text && id !== text ? ` (as a slug it is "${id}")` : ''}.`
			});
			return null;
		}
		return id;
	}

	#toEvent(fields: RowFields, row: number): RowOutcome {
		const problems: RowProblem[] = [];
		const dates = this.#dates(fields, problems);
		if (typeof dates === 'string') return { ok: false, fatal: dates };
		const located = this.#point(fields, problems);
		const point = located?.point ?? null;
		const geocoded = located?.geocoded;
		const category = fields.category?.value ?? null;
		if (!category)
			problems.push(
				fields.category
					? {
							column: fields.category.column,
							reason: fields.category.text
								? `${quote(fields.category.text, 60)} is not a category the importer knows (${CATEGORIES.join(', ')}, or an ACLED or CAMEO event type).`
								: 'is empty: every event needs a category.'
						}
					: {
							column: 'category',
							reason:
								'there is no category column; give one with --map COLUMN=category or --category.'
						}
			);
		const placeName = oneLine(fields.placeName) || (point ? `${point[1]}, ${point[0]}` : '');
		const rawTitle =
			oneLine(fields.title) || `${fields.category?.text || category || 'Event'} in ${placeName}`;
		// A title the importer wrote from the place is the place's problem, not the title's.
		for (const [column, text] of [
			['title', oneLine(fields.title)],
			['place', placeName]
		] as const) {
			if (HTML_TAG.test(text))
				problems.push({
					column,
					reason: `${quote(text, 60)} holds what looks like an HTML tag; a story shows plain text only.`
				});
		}
		const id = problems.length ? null : this.#id(fields, row, problems);
		if (problems.length || !dates || !point || !category || !id) return { ok: false, problems };
		const place = this.#places.place(
			placeName,
			geocoded ? geocoded.reading.kind : fields.placeKind,
			point,
			fields.country,
			geocoded?.state ?? fields.admin ?? ''
		);
		if (!place.ok) return { ok: false, problems: [place.problem] };

		const title = cut(rawTitle, MAX.title);
		const notes = fields.summary?.text.trim() ?? '';
		// Notes with markup-like text stay in article.txt; the summary says what the row is.
		const summary = notes && !HTML_TAG.test(notes) ? cut(notes, MAX.summary) : untoldSummary(title);
		const actors = [
			...new Set(fields.actors.map((a) => cut(oneLine(a), MAX.actor)).filter(Boolean))
		].slice(0, MAX.actors);
		const dateText = dayText(fields.date!.text);
		const endText = fields.end ? dayText(fields.end.text) : '';
		const when = cut(
			fields.span === 'week'
				? `the week of ${dateText}`
				: fields.span === 'month'
					? `sometime in the month of ${dateText}`
					: endText && dates.end !== dates.start
						? `${dateText} to ${endText}`
						: dateText,
			MAX.when
		);
		// The excerpt is the line without the notes, which the summary already shows: a million
		// events would otherwise carry every note twice, once in events.geojson and once here.
		const excerpt = head(
			oneLine(
				[
					`Row ${row}${fields.id?.text ? ` (${fields.id.text})` : ''}: ${when}, ${place.place.name}.`,
					`${title}.`,
					fields.detail ? `${fields.detail}.` : '',
					actors.length ? `Actors: ${actors.join('; ')}.` : '',
					fields.source ? `Source: ${fields.source}.` : ''
				].join(' ')
			),
			MAX.excerpt
		);
		const line = notes ? `${excerpt} ${oneLine(notes)}` : excerpt;
		// Cells outside `used` (GDELT's counts, ACLED's admin names) reach the line too.
		const unsafe = MAYBE_UNSAFE.test(line) ? findUnsafe(line) : null;
		if (unsafe)
			return { ok: false, problems: [{ column: '(row)', reason: unsafeMessage(unsafe) }] };
		this.#ids.set(id, row);
		return {
			ok: true,
			line,
			event: {
				id,
				title,
				summary,
				category,
				actors: actors.length ? actors : [NO_ACTOR],
				start: toIsoDate(dates.start),
				end: toIsoDate(dates.end),
				when,
				place: place.place.id,
				source: excerpt,
				row,
				// The row's own point, near its place (story/rules.ts, OWN_POINT_KM).
				coordinates: point,
				...(geocoded
					? {
							geocoded: {
								detail: geocoded.reading.detail,
								confidence: geocoded.confidence,
								alternatives: geocoded.alternatives
							}
						}
					: {})
			}
		};
	}
}
