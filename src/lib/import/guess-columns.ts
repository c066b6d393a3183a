/**
 * Which column of an unknown spreadsheet holds what, guessed from the header's names. A guess is
 * taken only when one column matches; two candidates, or none for a field the story needs, are
 * put to the user (`--map COLUMN=FIELD`) rather than picked.
 */

export const FIELDS = [
	'id',
	'date',
	'end',
	'lat',
	'lon',
	'title',
	'summary',
	'category',
	'actors',
	'source',
	'place',
	'country',
	'admin'
] as const;
export type Field = (typeof FIELDS)[number];

/** `--map COLUMN=ignore` takes a column out of the guessing. */
export const IGNORE = 'ignore';

/** Fields a story cannot do without; the others have defaults. */
export const REQUIRED: readonly Field[] = ['date', 'lat', 'lon'];

/** Only `actors` may come from several columns (actor1, actor2). */
const MANY: ReadonlySet<Field> = new Set(['actors']);

/** Header names, lower-cased with spaces, underscores, hyphens and dots taken out. */
const NAMES: Readonly<Record<Field, readonly string[]>> = {
	id: ['id', 'eventid', 'uid', 'identifier', 'eventidcnty', 'globaleventid'],
	date: ['date', 'eventdate', 'startdate', 'start', 'datestart', 'day', 'begindate', 'sqldate'],
	end: ['enddate', 'end', 'dateend', 'until', 'finishdate'],
	lat: ['lat', 'latitude', 'y', 'decimallatitude', 'latdd', 'laty'],
	lon: ['lon', 'lng', 'long', 'longitude', 'x', 'decimallongitude', 'londd', 'lonx', 'lngx'],
	title: ['title', 'headline', 'eventname', 'event'],
	summary: ['summary', 'description', 'notes', 'note', 'details', 'text'],
	category: ['category', 'type', 'eventtype', 'kind', 'class'],
	actors: ['actors', 'actor', 'actor1', 'actor2', 'who', 'participants'],
	source: ['source', 'sources', 'url', 'link', 'sourceurl', 'reference'],
	place: ['place', 'location', 'placename', 'city', 'town', 'locality', 'site', 'locationname'],
	country: ['country', 'countrycode', 'iso2', 'countryname'],
	admin: ['admin1', 'state', 'province', 'adm1', 'region', 'oblast', 'admin']
};

export const normalName = (name: string) =>
	name
		.trim()
		.toLowerCase()
		.replace(/[\s_.-]+/g, '');

export type ColumnChoice = { [F in Field]: number[] };

export type Guess =
	| { ok: true; columns: ColumnChoice; guessed: { field: Field; column: string }[] }
	| { ok: false; problems: string[] };

/** What guessing found, problems or not: the studio shows it for the user to complete. */
export interface PartialGuess {
	columns: ColumnChoice;
	guessed: { field: Field; column: string }[];
	problems: string[];
}

export interface GuessOptions {
	/**
	 * Rows can be placed by their place name (a gazetteer is at hand): a place column then stands
	 * in for the coordinates.
	 */
	placeNames?: boolean;
}

/** `--map` values as given: COLUMN=FIELD, split at the last "=" (a column may hold one). */
export function parseMapping(
	specs: readonly string[]
): { ok: true; map: Map<string, Field | typeof IGNORE> } | { ok: false; problem: string } {
	const map = new Map<string, Field | typeof IGNORE>();
	for (const spec of specs) {
		const at = spec.lastIndexOf('=');
		const column = spec.slice(0, at).trim();
		const field = spec.slice(at + 1).trim();
		if (at <= 0 || !column)
			return { ok: false, problem: `--map "${spec}" is not COLUMN=FIELD (like --map Breite=lat).` };
		if (field !== IGNORE && !(FIELDS as readonly string[]).includes(field))
			return {
				ok: false,
				problem: `--map "${spec}": "${field}" is not a field; use one of ${FIELDS.join(', ')} or ${IGNORE}.`
			};
		map.set(column, field as Field | typeof IGNORE);
	}
	return { ok: true, map };
}

/**
 * The columns of `header` for each field: the `--map` choices first, then a guess from the name
 * for each field nobody chose.
 */
export function guessColumns(
	header: readonly string[],
	mapping: ReadonlyMap<string, Field | typeof IGNORE> = new Map(),
	options: GuessOptions = {}
): Guess {
	const { columns, guessed, problems } = guessPartial(header, mapping, options);
	return problems.length ? { ok: false, problems } : { ok: true, columns, guessed };
}

export function guessPartial(
	header: readonly string[],
	mapping: ReadonlyMap<string, Field | typeof IGNORE> = new Map(),
	{ placeNames = false }: GuessOptions = {}
): PartialGuess {
	const columns = Object.fromEntries(FIELDS.map((f) => [f, [] as number[]])) as ColumnChoice;
	const problems: string[] = [];
	const chosen = new Set<number>();
	for (const [column, field] of mapping) {
		// Exact name first; then the same name with other case or spacing.
		let i = header.indexOf(column);
		if (i < 0) i = header.findIndex((name) => normalName(name) === normalName(column));
		if (i < 0) {
			problems.push(
				`--map ${column}=${field}: there is no column "${column}" (the columns are ${header.map((h) => `"${h}"`).join(', ')}).`
			);
			continue;
		}
		chosen.add(i);
		if (field !== IGNORE) columns[field].push(i);
	}
	for (const field of FIELDS) {
		if (!MANY.has(field) && columns[field].length > 1)
			problems.push(`--map names ${columns[field].length} columns for ${field}; give one.`);
	}
	const guessed: { field: Field; column: string }[] = [];
	for (const field of FIELDS) {
		if (columns[field].length) continue;
		const candidates = header
			.map((name, i) => ({ name, i }))
			.filter(({ name, i }) => !chosen.has(i) && NAMES[field].includes(normalName(name)));
		if (candidates.length === 1 || (MANY.has(field) && candidates.length > 1)) {
			for (const { name, i } of candidates) {
				columns[field].push(i);
				guessed.push({ field, column: name });
			}
		} else if (candidates.length > 1) {
			const list = candidates.map(({ name }) => `"${name}"`).join(' and ');
			problems.push(
				`${list} could each be the ${field}: say which with --map ${candidates[0]!.name}=${field} (and --map ${candidates[1]!.name}=${IGNORE}).`
			);
		}
	}
	// A column guessed for two fields ("date" is no one's title) is a guess too far.
	const owner = new Map<number, Field>();
	for (const { field, column } of guessed) {
		const i = header.indexOf(column);
		const other = owner.get(i);
		if (other)
			problems.push(`"${column}" could be the ${other} or the ${field}: say which with --map.`);
		owner.set(i, field);
	}
	const placed = placeNames && columns.place.length > 0;
	for (const field of REQUIRED) {
		if (placed && (field === 'lat' || field === 'lon')) continue;
		if (!columns[field].length && !problems.some((p) => p.includes(`the ${field}:`)))
			problems.push(
				`no column looks like the ${FIELD_WORDS[field]}: name it with --map COLUMN=${field} (the columns are ${header.map((h) => `"${h}"`).join(', ')}).`
			);
	}
	return { columns, guessed, problems };
}

export const FIELD_WORDS: Readonly<Record<Field, string>> = {
	id: 'id',
	date: 'date',
	end: 'end date',
	lat: 'latitude',
	lon: 'longitude',
	title: 'title',
	summary: 'summary',
	category: 'category',
	actors: 'actors',
	source: 'source',
	place: 'place name',
	country: 'country',
	admin: 'state or province'
};
