/**
 * Which column of an unknown spreadsheet holds what, guessed from the header's names. A guess is
 * taken only when one column matches; two candidates, or none for a field the story needs, are
 * put to the user (`--map COLUMN=FIELD`) rather than picked. What a column may be is the event
 * schema's (story/schema.ts), and where the row is.
 */
import { COLUMN_FIELDS, type ColumnFieldName, type ColumnSpec } from '../story/schema';

/**
 * Where a row is: columns that fill no event field themselves but place it (its coordinates, or
 * the country and state that help geocode its place name and check its coordinates).
 */
const LOCATION_COLUMNS = [
	{
		name: 'lat',
		column: {
			names: ['lat', 'latitude', 'y', 'decimallatitude', 'latdd', 'laty'],
			words: 'latitude',
			required: true
		}
	},
	{
		name: 'lon',
		column: {
			names: ['lon', 'lng', 'long', 'longitude', 'x', 'decimallongitude', 'londd', 'lonx', 'lngx'],
			words: 'longitude',
			required: true
		}
	},
	{
		name: 'country',
		column: { names: ['country', 'countrycode', 'iso2', 'countryname'], words: 'country' }
	},
	{
		name: 'admin',
		column: {
			names: ['admin1', 'state', 'province', 'adm1', 'region', 'oblast', 'admin'],
			words: 'state or province'
		}
	}
] as const satisfies ReadonlyArray<{ name: string; column: ColumnSpec }>;

export type Field = ColumnFieldName | (typeof LOCATION_COLUMNS)[number]['name'];

/** What a column may be mapped to: the schema's fields a column fills, then the location's. */
const COLUMNS: ReadonlyArray<{ name: Field; column: ColumnSpec }> = [
	...COLUMN_FIELDS,
	...LOCATION_COLUMNS
];

/**
 * The order a desk thinks of them in, which messages and the studio's mapping follow: when, where,
 * then what. A field the schema gains goes after these until it is given a place here.
 */
const DESK_ORDER: readonly Field[] = [
	'date',
	'end',
	'lat',
	'lon',
	'place',
	'country',
	'admin',
	'title',
	'summary',
	'category',
	'actors',
	'source',
	'id'
];

export const FIELDS: readonly Field[] = [
	...DESK_ORDER,
	...COLUMNS.map(({ name }) => name).filter((name) => !DESK_ORDER.includes(name))
];

/** `--map COLUMN=ignore` takes a column out of the guessing. */
export const IGNORE = 'ignore';

/**
 * A column as a mapping names it: its index in the header (the studio, whose lists show every
 * column, two of the same name included), or the COLUMN of `--map COLUMN=FIELD`: a header name,
 * or a column number counted from 1 when no header has that name.
 */
export type ColumnKey = number | string;

export type Mapping = ReadonlyMap<ColumnKey, Field | typeof IGNORE>;

const specOf = Object.fromEntries(COLUMNS.map(({ name, column }) => [name, column])) as Readonly<
	Record<Field, ColumnSpec>
>;

/** Fields a story cannot do without; the others have defaults. */
export const REQUIRED: readonly Field[] = FIELDS.filter((field) => specOf[field].required);

/** Fields several columns may fill (actor1, actor2). */
const MANY: ReadonlySet<Field> = new Set(FIELDS.filter((field) => specOf[field].many));

/** Header names, lower-cased with spaces, underscores, hyphens and dots taken out. */
const NAMES = Object.fromEntries(FIELDS.map((field) => [field, specOf[field].names])) as Readonly<
	Record<Field, readonly string[]>
>;

/** Each field in messages: "no column looks like the end date". */
export const FIELD_WORDS = Object.fromEntries(
	FIELDS.map((field) => [field, specOf[field].words])
) as Readonly<Record<Field, string>>;

export const normalName = (name: string) =>
	name
		.trim()
		.toLowerCase()
		.replace(/[\s_.-]+/g, '');

const named = (header: readonly string[], name: string) =>
	header.flatMap((h, i) => (h === name ? [i] : []));

/** Column `i` for messages: its name, and its number when another column has the same name. */
export function columnName(header: readonly string[], i: number): string {
	const name = header[i] ?? '';
	return named(header, name).length > 1 ? `${name} (column ${i + 1})` : name;
}

/** How `--map` can name column `i`: by its name, or by its number when the name is not its own. */
function mapKey(header: readonly string[], i: number): string {
	const name = header[i] ?? '';
	return named(header, name).length > 1 ? String(i + 1) : name;
}

/**
 * The index of the column `key` names, or why none: the exact name first, then the name with
 * other case or spacing, then a column number. A name two columns share is no answer.
 */
function columnOf(header: readonly string[], key: ColumnKey, field: string): number | string {
	const columns = header.map((h) => `"${h}"`).join(', ');
	if (typeof key === 'number')
		return key >= 0 && key < header.length
			? key
			: `--map: there is no column ${key + 1} (the file has ${header.length}).`;
	let found = named(header, key);
	if (!found.length)
		found = header.flatMap((h, i) => (normalName(h) === normalName(key) ? [i] : []));
	if (found.length === 1) return found[0]!;
	if (found.length > 1)
		return `--map ${key}=${field}: ${found.length} columns are named "${header[found[0]!]}" (columns ${found
			.map((i) => i + 1)
			.join(' and ')}): say which by its number, like --map ${found[0]! + 1}=${field}.`;
	if (/^\d+$/.test(key)) {
		const n = Number(key);
		if (n >= 1 && n <= header.length) return n - 1;
		return `--map ${key}=${field}: there is no column "${key}", nor a column ${n} (the file has ${header.length}: ${columns}).`;
	}
	return `--map ${key}=${field}: there is no column "${key}" (the columns are ${columns}).`;
}

export type ColumnChoice = { [F in Field]: number[] };

/** A field guessed from a column's name; `column` as messages name it (columnName). */
export interface Guessed {
	field: Field;
	index: number;
	column: string;
	/** Why this column of several: "the narrower of "adm_1" and "region"". */
	note?: string;
}

/**
 * Words in a header name that say what the column holds, for names not in any field's list
 * ("What happened", "State/Region", "side_a", "Perpetrator group"). A name's last such word
 * decides: "source_headline" is a headline, "event_type" a type.
 */
const FIELD_TOKENS: ReadonlyArray<[Field, readonly string[]]> = [
	['title', ['headline', 'title', 'description']],
	['summary', ['notes', 'note', 'summary', 'details', 'happened', 'narrative']],
	[
		'actors',
		[
			'side',
			'actor',
			'actors',
			'perpetrator',
			'perpetrators',
			'party',
			'attacker',
			'target',
			'victim'
		]
	],
	['place', ['where', 'location', 'place', 'town', 'city', 'village', 'locality', 'settlement']],
	[
		'admin',
		[
			'state',
			'province',
			'region',
			'admin',
			'adm',
			'oblast',
			'governorate',
			'county',
			'district',
			'prefecture'
		]
	],
	['country', ['country', 'nation']],
	['source', ['source', 'url', 'link', 'article']],
	['category', ['category', 'type', 'kind']],
	['date', ['date', 'day']]
];

/** A last word that makes a column a code or a measure, not the text its other words name. */
const QUALIFIERS = new Set([
	'id',
	'code',
	'codes',
	'gid',
	'prec',
	'precision',
	'num',
	'no',
	'count',
	'flag',
	'iso'
]);

const TOKEN_FIELD = new Map<string, Field>(
	FIELD_TOKENS.flatMap(([field, words]) => words.map((word) => [word, field] as const))
);

/** The words of a header name: "State/Region" → state, region; "adm_1" → adm, 1; "sideA" → side, a. */
function words(name: string): string[] {
	return name
		.replace(/([a-z])([A-Z])/g, '$1 $2')
		.toLowerCase()
		.split(/[^a-z0-9]+|(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z])/)
		.filter(Boolean);
}

/** The field a header name's words point to, or null. */
export function fieldOfWords(name: string): Field | null {
	const list = words(name);
	if (QUALIFIERS.has(list[list.length - 1] ?? '')) return null;
	const found = list.flatMap((word) => TOKEN_FIELD.get(word) ?? []);
	return found.length ? found[found.length - 1]! : null;
}

/**
 * Of several columns whose words name one field, the likeliest, or null when none stands out: the
 * one whose last word names it ("source_article" over "source_office"), then the one whose word
 * comes first in the field's list ("headline" over "description").
 */
function likeliest(
	header: readonly string[],
	field: Field,
	candidates: readonly number[]
): number | null {
	const list = FIELD_TOKENS.find(([f]) => f === field)![1];
	const score = (i: number) => {
		const w = words(header[i]!);
		const head = list.includes(w[w.length - 1]!) ? 0 : 1;
		const rank = Math.min(...w.map((x) => (list.includes(x) ? list.indexOf(x) : list.length)));
		return head * 100 + rank;
	};
	const ranked = candidates.map((i) => ({ i, score: score(i) })).sort((a, b) => a.score - b.score);
	return ranked[0]!.score < ranked[1]!.score ? ranked[0]!.i : null;
}

/**
 * How narrow an admin column is, by its name: a district or second-level division (3) is narrower
 * than a state or first-level one (2), which is narrower than a region (1, often a world region:
 * UCDP's "Europe"). 0 when the name says nothing.
 */
export function adminRank(name: string): number {
	const w = words(name);
	const has = (...list: string[]) => list.some((x) => w.includes(x));
	if (has('district', 'county', 'adm2', 'admin2') || /adm(in)?_?2/i.test(name)) return 3;
	if (
		has('state', 'province', 'oblast', 'governorate', 'prefecture') ||
		/adm(in)?_?1|^adm(in)?$/i.test(name)
	)
		return 2;
	if (has('region')) return 1;
	return 0;
}

/** Of two or more admin candidates, the narrower when one is; null when they tie. */
function narrowest(header: readonly string[], candidates: readonly number[]): number | null {
	const ranked = candidates
		.map((i) => ({ i, rank: adminRank(header[i]!) }))
		.sort((a, b) => b.rank - a.rank);
	return ranked[0]!.rank > ranked[1]!.rank ? ranked[0]!.i : null;
}

export type Guess =
	{ ok: true; columns: ColumnChoice; guessed: Guessed[] } | { ok: false; problems: string[] };

/** What guessing found, problems or not: the studio shows it for the user to complete. */
export interface PartialGuess {
	columns: ColumnChoice;
	guessed: Guessed[];
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
): { ok: true; map: Map<ColumnKey, Field | typeof IGNORE> } | { ok: false; problem: string } {
	const map = new Map<ColumnKey, Field | typeof IGNORE>();
	for (const spec of specs) {
		const at = spec.lastIndexOf('=');
		const column = spec.slice(0, at).trim();
		const field = spec.slice(at + 1).trim();
		if (at <= 0 || !column)
			return {
				ok: false,
				problem: `--map "${spec}" is not COLUMN=FIELD (like --map Breite=lat, or --map 3=lat for the third column).`
			};
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
	mapping: Mapping = new Map(),
	options: GuessOptions = {}
): Guess {
	const { columns, guessed, problems } = guessPartial(header, mapping, options);
	return problems.length ? { ok: false, problems } : { ok: true, columns, guessed };
}

export function guessPartial(
	header: readonly string[],
	mapping: Mapping = new Map(),
	{ placeNames = false }: GuessOptions = {}
): PartialGuess {
	const columns = Object.fromEntries(FIELDS.map((f) => [f, [] as number[]])) as ColumnChoice;
	const problems: string[] = [];
	const chosen = new Set<number>();
	for (const [key, field] of mapping) {
		const i = columnOf(header, key, field);
		if (typeof i === 'string') {
			problems.push(i);
			continue;
		}
		if (chosen.has(i)) {
			problems.push(`--map names column ${i + 1} ("${header[i]}") twice; give it one field.`);
			continue;
		}
		chosen.add(i);
		if (field !== IGNORE) columns[field].push(i);
	}
	for (const field of FIELDS) {
		if (!MANY.has(field) && columns[field].length > 1)
			problems.push(`--map names ${columns[field].length} columns for ${field}; give one.`);
	}
	const guessed: Guessed[] = [];
	for (const field of FIELDS) {
		if (columns[field].length) continue;
		const candidates = header
			.map((_, i) => i)
			.filter((i) => !chosen.has(i) && NAMES[field].includes(normalName(header[i]!)));
		const narrower =
			field === 'admin' && candidates.length > 1 ? narrowest(header, candidates) : null;
		if (narrower !== null) {
			// Two columns could be the admin: the narrower places a town better, and it is said.
			columns.admin.push(narrower);
			guessed.push({
				field,
				index: narrower,
				column: columnName(header, narrower),
				note: `the narrower of ${candidates.map((i) => `"${columnName(header, i)}"`).join(' and ')}`
			});
		} else if (candidates.length === 1 || (MANY.has(field) && candidates.length > 1)) {
			for (const i of candidates) {
				columns[field].push(i);
				guessed.push({ field, index: i, column: columnName(header, i) });
			}
		} else if (candidates.length > 1) {
			const list = candidates.map((i) => `"${columnName(header, i)}"`).join(' and ');
			const [first, second] = candidates.map((i) => mapKey(header, i));
			problems.push(
				`${list} could each be the ${field}: say which with --map ${first}=${field} (and --map ${second}=${IGNORE}).`
			);
		}
	}
	// Then by the words of the names left: "What happened", "State/Region", "side_a".
	const taken = new Set([...chosen, ...guessed.map((g) => g.index)]);
	for (const [field] of FIELD_TOKENS) {
		if (columns[field].length) continue;
		if (problems.some((p) => p.includes(`the ${field}:`))) continue;
		const candidates = header
			.map((_, i) => i)
			.filter((i) => !taken.has(i) && fieldOfWords(header[i]!) === field);
		if (!candidates.length) continue;
		const narrower =
			field === 'admin' && candidates.length > 1 ? narrowest(header, candidates) : null;
		const likely =
			narrower === null && !MANY.has(field) && candidates.length > 1
				? likeliest(header, field, candidates)
				: null;
		const picked =
			narrower !== null
				? [narrower]
				: likely !== null
					? [likely]
					: MANY.has(field) || candidates.length === 1
						? candidates
						: null;
		if (!picked) {
			const list = candidates.map((i) => `"${columnName(header, i)}"`).join(' and ');
			const [first, second] = candidates.map((i) => mapKey(header, i));
			problems.push(
				`${list} could each be the ${field}: say which with --map ${first}=${field} (and --map ${second}=${IGNORE}).`
			);
			continue;
		}
		for (const i of picked) {
			columns[field].push(i);
			taken.add(i);
			guessed.push({
				field,
				index: i,
				column: columnName(header, i),
				...(narrower !== null || likely !== null
					? {
							note: `${narrower !== null ? 'the narrower' : 'the likeliest'} of ${candidates.map((c) => `"${columnName(header, c)}"`).join(' and ')}`
						}
					: {})
			});
		}
	}
	// A column guessed for two fields ("date" is no one's title) is a guess too far.
	const owner = new Map<number, Field>();
	for (const { field, index, column } of guessed) {
		const other = owner.get(index);
		if (other)
			problems.push(`"${column}" could be the ${other} or the ${field}: say which with --map.`);
		owner.set(index, field);
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
