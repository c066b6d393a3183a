/**
 * The story's one schema: its vocabulary, the fields of an event and of a place, and the story's
 * own metadata, with their limits. The types of an event at every stage (the reader's, the
 * studio's, the draft's), the validator's checks, the export's properties and their order, the
 * event table's columns and the split of the columnar form into columns and text all come from
 * here, so a new field is one line here and whatever its kind needs. Nothing here imports the
 * model: the model (types.ts) is built on it.
 */

/** What happened, in a small fixed vocabulary: the legend's colours and the import's mapping. */
export const CATEGORIES = [
	'war',
	'strike',
	'meeting',
	'diplomacy',
	'visit',
	'statement',
	'aid',
	'exchange',
	'detention',
	'accident',
	'fire'
] as const;
export type Category = (typeof CATEGORIES)[number];

export const PLACE_KINDS = ['city', 'venue', 'country', 'region', 'sea'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

/** What of an event the article leaves unsaid and the story's editors supplied. */
export const INFERABLE = ['place', 'date'] as const;
export type Inferable = (typeof INFERABLE)[number];

export interface Note {
	/** What other reporting says instead; the article's own claim stays in the event. */
	correction: string;
	reportedBy: string;
}

/** A place's fields as places.geojson holds them (its point is the feature's geometry). */
export const PLACE_FIELDS = {
	id: { kind: 'id' },
	name: { kind: 'text', max: 120, plain: true },
	kind: { kind: 'choice', values: PLACE_KINDS },
	/** ISO 3166-1 alpha-2; required of the kinds that lie in one country. */
	country: { kind: 'country', requiredOf: ['country', 'city', 'venue'] as readonly PlaceKind[] }
} as const;

/** The story's own members (events.geojson's top level, the Arrow schema's metadata). */
export const STORY_FIELDS = {
	title: { kind: 'text', max: 200, plain: true, fallback: 'Story Atlas' },
	/** `YYYY-MM-DD`: no event may end after it unless planned. */
	published: { kind: 'day', max: 40 },
	/** An imported story's source file, by name: its events say "Row N of FILE". */
	file: { kind: 'text', max: 255, plain: true },
	/** The column whose cells, the rows' own notes, are the events' summaries. */
	notesColumn: { kind: 'text', max: 200, plain: true }
} as const;

/**
 * The most characters an article may have (about 400,000 words): the draft reads it whole, and a
 * story's page holds it in its HTML, so past this `check:data` refuses it rather than the build
 * writing a page no phone can open.
 */
export const MAX_ARTICLE_CHARS = 2_500_000;
/** Its most bytes on disk: three bytes of UTF-8 at most for each UTF-16 unit. */
export const MAX_ARTICLE_BYTES = MAX_ARTICLE_CHARS * 3;

/**
 * Where the columnar form (story/columnar) keeps a field: a column of `events.arrow`, the text
 * chunks a reader fetches on opening an event, or nowhere (a field only GeoJSON stories have).
 */
export type Store = 'column' | 'text' | 'geojson';

/**
 * How a spreadsheet's column fills a field, for the importer's column mapping (import/
 * guess-columns.ts): the header names that mean it (lower case, without spaces, underscores,
 * hyphens or dots), its words in messages, and `as` when the mapping names it otherwise (`date`
 * fills `start`; `--map` and the studio say "date").
 */
export interface ColumnSpec {
	names: readonly string[];
	words: string;
	as?: string;
	/** Several columns may fill it (ACLED's actor1 and actor2). */
	many?: true;
	/** No story without it. */
	required?: true;
}

export type FieldSpec = { store: Store; column?: ColumnSpec } & (
	| { kind: 'id' }
	| { kind: 'text'; max: number; plain?: true; multiline?: true }
	/** Verbatim excerpts of the article: at least one. */
	| { kind: 'excerpts'; max: number }
	| { kind: 'texts'; max: number; minItems: number; maxItems: number }
	| { kind: 'choice'; values: readonly string[] }
	/** Some of `values`, each at most once; left out of the export when empty. */
	| { kind: 'subset'; values: readonly string[] }
	/** A day, `YYYY-MM-DD` in files and in the studio, a day number in the reader's model. */
	| { kind: 'day' }
	/** A place's id; `places` is the event's other places. */
	| { kind: 'place' }
	| { kind: 'places' }
	| { kind: 'boolean' }
	/** A mark that is true or absent: written only when true, so existing files stay valid. */
	| { kind: 'flag' }
	| { kind: 'notes' }
	/** The spreadsheet row an imported event comes from; absent from events made from an article. */
	| { kind: 'row' }
);

/** In the order the story files write them. */
export const EVENT_FIELDS = {
	id: {
		kind: 'id',
		store: 'column',
		column: {
			names: ['id', 'eventid', 'uid', 'identifier', 'eventidcnty', 'globaleventid'],
			words: 'id'
		}
	},
	title: {
		kind: 'text',
		max: 160,
		plain: true,
		store: 'text',
		column: { names: ['title', 'headline', 'eventname', 'event'], words: 'title' }
	},
	summary: {
		kind: 'text',
		max: 800,
		plain: true,
		multiline: true,
		store: 'text',
		column: {
			names: ['summary', 'description', 'notes', 'note', 'details', 'text'],
			words: 'summary'
		}
	},
	category: {
		kind: 'choice',
		values: CATEGORIES,
		store: 'column',
		column: { names: ['category', 'type', 'eventtype', 'kind', 'class'], words: 'category' }
	},
	actors: {
		kind: 'texts',
		max: 120,
		// A storm, or a fire nobody is said to have set, has no one to name; a wrong name is worse.
		minItems: 0,
		maxItems: 50,
		store: 'text',
		column: {
			names: ['actors', 'actor', 'actor1', 'actor2', 'who', 'participants'],
			words: 'actors',
			many: true
		}
	},
	start: {
		kind: 'day',
		store: 'column',
		column: {
			as: 'date',
			names: [
				'date',
				'eventdate',
				'startdate',
				'start',
				'datestart',
				'day',
				'begindate',
				'sqldate'
			],
			words: 'date',
			required: true
		}
	},
	end: {
		kind: 'day',
		store: 'column',
		column: { names: ['enddate', 'end', 'dateend', 'until', 'finishdate'], words: 'end date' }
	},
	/** The article's own words for the time. */
	when: { kind: 'text', max: 120, plain: true, store: 'text' },
	/** From a spreadsheet, the place's name: the importer makes the id, or geocodes the name. */
	place: {
		kind: 'place',
		store: 'column',
		column: {
			names: ['place', 'location', 'placename', 'city', 'town', 'locality', 'site', 'locationname'],
			words: 'place name'
		}
	},
	places: { kind: 'places', store: 'geojson' },
	source: {
		kind: 'excerpts',
		max: 2000,
		store: 'text',
		column: {
			names: ['source', 'sources', 'url', 'link', 'sourceurl', 'reference'],
			words: 'source'
		}
	},
	background: { kind: 'boolean', store: 'geojson' },
	/** Still to come when the story was published ("will meet on Monday"): the only kind of event
	 * that may end after the publication day. */
	planned: { kind: 'flag', store: 'geojson' },
	notes: { kind: 'notes', store: 'text' },
	/** The place or the dates the article does not state: the reader is told they are inferred. */
	inferred: { kind: 'subset', values: INFERABLE, store: 'geojson' },
	row: { kind: 'row', store: 'column' }
} as const satisfies Record<string, FieldSpec>;

type Fields = typeof EVENT_FIELDS;
export type FieldName = keyof Fields;

type ValueOf<S, Day> = S extends { kind: 'id' | 'text' | 'place' }
	? string
	: S extends { kind: 'texts' | 'excerpts' | 'places' }
		? string[]
		: S extends { kind: 'choice'; values: readonly (infer V)[] }
			? V
			: S extends { kind: 'subset'; values: readonly (infer V)[] }
				? V[]
				: S extends { kind: 'day' }
					? Day
					: S extends { kind: 'boolean' | 'flag' }
						? boolean
						: S extends { kind: 'notes' }
							? Note[]
							: S extends { kind: 'row' }
								? number
								: never;

/** Only `row` and the flags may be absent: every other field has a value, an empty list at least. */
type OptionalName = {
	[K in FieldName]: Fields[K] extends { kind: 'row' | 'flag' } ? K : never;
}[FieldName];

/** One event's fields, with its days as `Day`: day numbers in the model, `YYYY-MM-DD` in files. */
export type EventRecord<Day> = {
	[K in Exclude<FieldName, OptionalName>]: ValueOf<Fields[K], Day>;
} & { [K in OptionalName]?: ValueOf<Fields[K], Day> };

export const FIELD_NAMES = Object.keys(EVENT_FIELDS) as FieldName[];

/** What a spreadsheet's column may fill, by the name the mapping gives it (`date` for `start`). */
export type ColumnFieldName = {
	[K in FieldName]: Fields[K] extends { column: { as: infer A extends string } }
		? A
		: Fields[K] extends { column: ColumnSpec }
			? K
			: never;
}[FieldName];

/** The fields a column may fill, in the table's order, each under the mapping's name for it. */
export const COLUMN_FIELDS: ReadonlyArray<{ name: ColumnFieldName; column: ColumnSpec }> =
	FIELD_NAMES.flatMap((field) => {
		const column: ColumnSpec | undefined = (EVENT_FIELDS[field] as FieldSpec).column;
		return column ? [{ name: (column.as ?? field) as ColumnFieldName, column }] : [];
	});

export type StoredIn<S extends Store> = {
	[K in FieldName]: Fields[K]['store'] extends S ? K : never;
}[FieldName];

/** The names of the fields kept in `store`, in the table's order. */
export function fieldsIn<S extends Store>(store: S): StoredIn<S>[] {
	return FIELD_NAMES.filter((name) => EVENT_FIELDS[name].store === store) as StoredIn<S>[];
}

/**
 * An event's properties as the story files hold them, in the table's order. A field with nothing
 * to say is left out where the format allows it (`inferred` when empty, `row` when absent), so a
 * file stays as a person would write it by hand (a flag only when true).
 */
export function eventProperties(event: EventRecord<string>): Record<string, unknown> {
	const properties: Record<string, unknown> = {};
	for (const name of FIELD_NAMES) {
		const value = event[name];
		if (value === undefined) continue;
		if (EVENT_FIELDS[name].kind === 'flag' && value !== true) continue;
		if (EVENT_FIELDS[name].kind === 'subset' && Array.isArray(value) && value.length === 0)
			continue;
		properties[name] = value;
	}
	return properties;
}
