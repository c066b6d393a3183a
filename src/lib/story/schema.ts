/**
 * An event's fields, declared once. The types of an event at every stage (the reader's, the
 * studio's, the draft's), the validator's checks, the export's properties and their order, and the
 * split of the columnar form into columns and text all come from this table, so a new field is
 * one line here and whatever its kind needs.
 */
import { CATEGORIES, INFERABLE, type Note } from './types';

/**
 * Where the columnar form (story/columnar) keeps a field: a column of `events.arrow`, the text
 * chunks a reader fetches on opening an event, or nowhere (a field only GeoJSON stories have).
 */
export type Store = 'column' | 'text' | 'geojson';

export type FieldSpec = { store: Store } & (
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
	| { kind: 'notes' }
	/** The spreadsheet row an imported event comes from; absent from events made from an article. */
	| { kind: 'row' }
);

/** In the order the story files write them. */
export const EVENT_FIELDS = {
	id: { kind: 'id', store: 'column' },
	title: { kind: 'text', max: 160, plain: true, store: 'text' },
	summary: { kind: 'text', max: 800, plain: true, multiline: true, store: 'text' },
	category: { kind: 'choice', values: CATEGORIES, store: 'column' },
	actors: { kind: 'texts', max: 120, minItems: 1, maxItems: 50, store: 'text' },
	start: { kind: 'day', store: 'column' },
	end: { kind: 'day', store: 'column' },
	/** The article's own words for the time. */
	when: { kind: 'text', max: 120, plain: true, store: 'text' },
	place: { kind: 'place', store: 'column' },
	places: { kind: 'places', store: 'geojson' },
	source: { kind: 'excerpts', max: 2000, store: 'text' },
	background: { kind: 'boolean', store: 'geojson' },
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
					: S extends { kind: 'boolean' }
						? boolean
						: S extends { kind: 'notes' }
							? Note[]
							: S extends { kind: 'row' }
								? number
								: never;

/** Only `row` may be absent: every other field has a value, an empty list at least. */
type OptionalName = 'row';

/** One event's fields, with its days as `Day`: day numbers in the model, `YYYY-MM-DD` in files. */
export type EventRecord<Day> = {
	[K in Exclude<FieldName, OptionalName>]: ValueOf<Fields[K], Day>;
} & { [K in OptionalName]?: ValueOf<Fields[K], Day> };

export const FIELD_NAMES = Object.keys(EVENT_FIELDS) as FieldName[];

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
 * file stays as a person would write it by hand.
 */
export function eventProperties(event: EventRecord<string>): Record<string, unknown> {
	const properties: Record<string, unknown> = {};
	for (const name of FIELD_NAMES) {
		const value = event[name];
		if (value === undefined) continue;
		if (EVENT_FIELDS[name].kind === 'subset' && Array.isArray(value) && value.length === 0)
			continue;
		properties[name] = value;
	}
	return properties;
}
