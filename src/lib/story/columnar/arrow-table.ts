/**
 * `events.arrow` to an EventTable and back. Reading keeps Arrow's buffers where a column is one
 * batch of the expected type (no copy); a file written in several batches is joined once, and
 * dictionaries that change between batches (the stream format allows it) are merged.
 */
import {
	Dictionary,
	Field,
	Int32,
	Int8,
	List,
	RecordBatch,
	Schema,
	Struct,
	Table,
	Type,
	Utf8,
	makeData,
	makeVector,
	tableFromIPC,
	tableToIPC,
	vectorFromArray,
	type Data,
	type DataType,
	type Vector
} from 'apache-arrow';
import { tableChecksum } from '../checksum';
import { datasetMembers } from '../dataset-origin';
import type { EventTable } from '../event-table';
import { NO_CATEGORY } from '../table-builder';
import { ipcDamage } from './ipc-check';
import { COLUMNS, FORMAT_KEY, FORMAT_VERSION, type TableMeta } from './layout';

export type ReadResult =
	{ ok: true; table: EventTable; meta: TableMeta } | { ok: false; message: string };

const fail = (message: string): ReadResult => ({ ok: false, message });

/**
 * What an index that names no word of its dictionary becomes: no category (table-builder's
 * NO_CATEGORY) or place has it, so the validator reports the event rather than the reader guessing.
 */
export const NO_PLACE = -1;

/** The most categories a table may have: a category index is a byte, and 255 means none. */
export const MAX_CATEGORIES = 255;

type Numeric = Float64Array | Int32Array;

/** A primitive column's values: Arrow has already cut a slice's buffer to start at its row 0. */
const values = <T extends Numeric>(d: Data) => (d.values as T).subarray(0, d.length) as T;

function joined<T extends Numeric>(chunks: readonly Data[], make: (length: number) => T): T {
	if (chunks.length === 1) return values<T>(chunks[0]!);
	const total = chunks.reduce((sum, d) => sum + d.length, 0);
	const out = make(total);
	let at = 0;
	for (const data of chunks) {
		out.set(values<T>(data), at);
		at += data.length;
	}
	return out;
}

type ColumnName = keyof typeof COLUMNS;

/** The expected Arrow type of each column: what `typeId` is and which array holds the values. */
const EXPECTED: Record<
	ColumnName,
	{ typeId: Type; array?: abstract new (length: number) => ArrayBufferView; name: string }
> = {
	id: { typeId: Type.Utf8, name: 'Utf8' },
	lon: { typeId: Type.Float, array: Float64Array, name: 'Float64' },
	lat: { typeId: Type.Float, array: Float64Array, name: 'Float64' },
	start: { typeId: Type.Int, array: Int32Array, name: 'Int32' },
	end: { typeId: Type.Int, array: Int32Array, name: 'Int32' },
	category: { typeId: Type.Dictionary, name: 'a dictionary of Utf8' },
	place: { typeId: Type.Dictionary, name: 'a dictionary of Utf8' },
	others: { typeId: Type.List, name: 'a list of Int32' },
	row: { typeId: Type.Int, array: Int32Array, name: 'Int32' }
};

function column(table: Table, name: ColumnName): Vector | string {
	const vector = table.getChild(name);
	const expected = EXPECTED[name];
	if (!vector) return `has no "${name}" column.`;
	const wrong = `column "${name}" is ${String(vector.type)}, not ${expected.name}.`;
	if (vector.type.typeId !== expected.typeId) return wrong;
	if (expected.array && vector.data.some((d) => !(d.values instanceof expected.array!)))
		return wrong;
	if (vector.type.typeId === Type.Dictionary) {
		const type = vector.type as Dictionary;
		if (type.dictionary.typeId !== Type.Utf8) return wrong;
		// Indices past 32 bits are BigInts, and no story has that many places.
		if (type.indices.bitWidth > 32)
			return `column "${name}" has ${String(type.indices)} indices; 32 bits at most.`;
	}
	if (vector.type.typeId === Type.List) {
		const child = (vector.type as List).valueType;
		if (
			child.typeId !== Type.Int ||
			!vector.data.every((d) => d.children[0]?.values instanceof Int32Array)
		)
			return wrong;
	}
	if (vector.length !== table.numRows)
		return `column "${name}" has ${vector.length} values for ${table.numRows} events.`;
	// A damaged length claims more values than the buffers hold; Arrow would read past them.
	for (const d of vector.data) {
		const short =
			d.typeId === Type.Utf8
				? d.valueOffsets.length < d.length + 1 || d.values.length < d.valueOffsets[d.length]!
				: d.typeId === Type.List
					? d.valueOffsets.length < d.length + 1 ||
						(d.children[0]?.length ?? 0) < d.valueOffsets[d.length]!
					: d.values.length < d.length;
		if (short) return `column "${name}" is damaged: it holds fewer values than it says.`;
	}
	if (vector.nullCount > 0)
		return `column "${name}" has ${vector.nullCount.toLocaleString('en-GB')} empty values.`;
	return vector;
}

/** A dictionary's words, or null when one is not text (a null Arrow did not count, say). */
function wordsOf(dict: Vector): string[] | null {
	if (dict.nullCount > 0) return null;
	const words = dict.toArray() as unknown[];
	return words.every((word) => typeof word === 'string') ? (words as string[]) : null;
}

interface Merged {
	words: string[];
	/** Per batch, its indices mapped into `words`; null where they are already `words`'s. */
	remaps: (Int32Array | null)[];
}

/**
 * One dictionary for all batches. A file written in one go has one, shared; a stream may replace
 * it between batches, so each batch's words are mapped into the first's, extended.
 */
function mergeDictionaries(name: string, vector: Vector): Merged | string {
	const words: string[] = [];
	const at = new Map<string, number>();
	const remaps: (Int32Array | null)[] = [];
	let first: Vector | undefined;
	for (const d of vector.data) {
		const dict = d.dictionary;
		if (!dict) return `column "${name}" has a batch without its dictionary.`;
		if (first === undefined || dict === first) {
			if (first === undefined) {
				first = dict;
				const own = wordsOf(dict);
				if (!own) return `column "${name}" has an empty word in its dictionary.`;
				for (const word of own) {
					if (!at.has(word)) at.set(word, words.length);
					words.push(word);
				}
			}
			remaps.push(null);
			continue;
		}
		const own = wordsOf(dict);
		if (!own) return `column "${name}" has an empty word in its dictionary.`;
		const remap = new Int32Array(own.length);
		own.forEach((word, i) => {
			let index = at.get(word);
			if (index === undefined) {
				index = words.length;
				at.set(word, index);
				words.push(word);
			}
			remap[i] = index;
		});
		remaps.push(remap);
	}
	return { words, remaps };
}

/** A dictionary column's indices, mapped, with `none` for an index its dictionary lacks. */
function indices<T extends Uint8Array | Int32Array>(
	vector: Vector,
	merged: Merged,
	make: (length: number) => T,
	none: number
): T {
	const out = make(vector.length);
	let at = 0;
	vector.data.forEach((d, batch) => {
		const part = d.values as ArrayLike<number>;
		const remap = merged.remaps[batch];
		const size = remap ? remap.length : merged.words.length;
		for (let i = 0; i < d.length; i++) {
			const index = part[i]!;
			out[at++] = index >= 0 && index < size ? (remap ? remap[index]! : index) : none;
		}
	});
	return out;
}

/** The place indices, without a copy when the file has them as one Int32 batch. */
function placeIndices(vector: Vector, merged: Merged): Int32Array {
	const [only] = vector.data;
	if (vector.data.length === 1 && only && only.values instanceof Int32Array) {
		const own = values<Int32Array>(only);
		let inRange = true;
		for (let i = 0; i < own.length; i++) {
			const index = own[i]!;
			if (index < 0 || index >= merged.words.length) {
				inRange = false;
				break;
			}
		}
		if (inRange) return own;
	}
	return indices(vector, merged, (n) => new Int32Array(n), NO_PLACE);
}

/**
 * A variable-length column (strings, lists) of any number of batches as one array of offsets from
 * 0 and one array of values: each batch's values cut to its rows (a slice's offsets need not start
 * at 0), mapped by `values`, and joined.
 */
function joinedOffsets<T extends Uint8Array | Int32Array>(
	chunks: readonly Data[],
	values: (d: Data, batch: number, from: number, to: number) => T,
	make: (length: number) => T
): { offsets: Int32Array; values: T } {
	const total = chunks.reduce((sum, d) => sum + d.length, 0);
	const offsets = new Int32Array(total + 1);
	const parts: T[] = [];
	let row = 0;
	let at = 0;
	chunks.forEach((d, batch) => {
		const base = d.valueOffsets[0]!;
		const endAt = d.valueOffsets[d.length]!;
		parts.push(values(d, batch, base, endAt));
		for (let i = 1; i <= d.length; i++) offsets[row + i] = at + d.valueOffsets[i]! - base;
		row += d.length;
		at += endAt - base;
	});
	const out = make(at);
	let k = 0;
	for (const part of parts) {
		out.set(part, k);
		k += part.length;
	}
	return { offsets, values: out };
}

function idColumn(chunks: readonly Data<Utf8>[]): { idOffsets: Int32Array; idBytes: Uint8Array } {
	const first = chunks[0];
	if (chunks.length === 1 && first && first.valueOffsets[0] === 0) {
		return {
			idOffsets: first.valueOffsets.subarray(0, first.length + 1),
			// Arrow pads a buffer to 8 bytes: the ids are the bytes the offsets reach.
			idBytes: first.values.subarray(0, first.valueOffsets[first.length])
		};
	}
	const joined = joinedOffsets(
		chunks,
		(d, _, from, to) => (d.values as Uint8Array).subarray(from, to),
		(n) => new Uint8Array(n)
	);
	return { idOffsets: joined.offsets, idBytes: joined.values };
}

/** The other places' list column as offsets from 0 and one array of place indices. */
function othersColumn(
	vector: Vector,
	merged: Merged
): { otherOffsets: Int32Array; otherPlaces: Int32Array } {
	const joined = joinedOffsets(
		vector.data,
		(d, batch, from, to) => {
			const child = d.children[0]!;
			const values = (child.values as Int32Array).subarray(child.offset + from, child.offset + to);
			// The others name places by the place column's dictionary: a batch that replaced it is mapped.
			const remap = merged.remaps[batch];
			return remap
				? values.map((p) => (p >= 0 && p < remap.length ? remap[p]! : NO_PLACE))
				: values;
		},
		(n) => new Int32Array(n)
	);
	return { otherOffsets: joined.offsets, otherPlaces: joined.values };
}

/** Whether the bytes begin as an Arrow file or stream does: a damaged one, not another kind. */
/** The `file` and `notesColumn` keys as the table's metadata holds them (validate-table.ts checks them). */
function datasetFileOf(meta: ReadonlyMap<string, string>): Pick<TableMeta, 'datasetFile'> {
	const file = meta.get('file');
	if (file === undefined) return {};
	const notesColumn = meta.get('notesColumn');
	return { datasetFile: { file, ...(notesColumn === undefined ? {} : { notesColumn }) } };
}

const looksLikeArrow = (bytes: Uint8Array) =>
	String.fromCharCode(...bytes.subarray(0, 6)) === 'ARROW1' ||
	(bytes[0] === 0xff && bytes[1] === 0xff && bytes[2] === 0xff && bytes[3] === 0xff);

function read(bytes: Uint8Array): ReadResult {
	// Before Arrow reads it: Arrow trusts the lengths a file declares, past the end of memory.
	const damage = ipcDamage(bytes);
	if (damage)
		return fail(
			looksLikeArrow(bytes)
				? `is a damaged Arrow file: ${damage}.`
				: `is not an Arrow IPC file (${damage}).`
		);
	let table: Table;
	try {
		table = tableFromIPC(bytes);
	} catch (error) {
		return fail(`is not an Arrow IPC file (${(error as Error).message}).`);
	}
	if (table.schema.fields.length === 0)
		return fail('is not an Arrow IPC file (it has no columns).');
	const meta = table.schema.metadata;
	const version = meta.get(FORMAT_KEY);
	if (version === undefined)
		return fail(`is not a Story Atlas events table (its metadata has no "${FORMAT_KEY}" key).`);
	if (version !== FORMAT_VERSION)
		return fail(
			`is version ${JSON.stringify(version.slice(0, 20))} of the events table; this atlas reads version ${FORMAT_VERSION}.`
		);
	const got = {} as Record<ColumnName, Vector>;
	for (const name of Object.keys(EXPECTED) as ColumnName[]) {
		const vector = column(table, name);
		if (typeof vector === 'string') return fail(vector);
		got[name] = vector;
	}
	const category = mergeDictionaries('category', got.category);
	if (typeof category === 'string') return fail(category);
	const place = mergeDictionaries('place', got.place);
	if (typeof place === 'string') return fail(place);
	if (category.words.length > MAX_CATEGORIES)
		return fail(`column "category" has over ${MAX_CATEGORIES} categories.`);

	const events: EventTable = {
		length: table.numRows,
		lon: joined(got.lon.data, (n) => new Float64Array(n)),
		lat: joined(got.lat.data, (n) => new Float64Array(n)),
		start: joined(got.start.data, (n) => new Int32Array(n)),
		end: joined(got.end.data, (n) => new Int32Array(n)),
		category: indices(got.category, category, (n) => new Uint8Array(n), NO_CATEGORY),
		categories: category.words,
		place: placeIndices(got.place, place),
		places: place.words,
		row: joined(got.row.data, (n) => new Int32Array(n)),
		...othersColumn(got.others, place),
		...idColumn(got.id.data as Data<Utf8>[])
	};
	const checksum = meta.get('checksum');
	if (checksum === undefined) return fail('has no checksum of its columns in its metadata.');
	if (tableChecksum(events) !== checksum)
		return fail(
			'is damaged: its columns do not match the checksum it was written with. Export or import the story again.'
		);
	const rows = meta.get('rows');
	const chunks = meta.get('chunks');
	return {
		ok: true,
		meta: {
			title: meta.get('title') ?? '',
			published: meta.get('published') || null,
			origin: meta.get('origin') ?? '',
			...datasetFileOf(meta),
			rows: rows ? Number(rows) : null,
			chunks: chunks ? chunks.split(',') : []
		},
		table: events
	};
}

/** Reads `events.arrow`. Any file that is not one gets a sentence, never a throw. */
export function readEventTable(bytes: Uint8Array): ReadResult {
	try {
		return read(bytes);
	} catch (error) {
		// Arrow trusts the lengths a file declares; a damaged file can send it past a buffer's end.
		return fail(`could not be read as an events table (${(error as Error).message}).`);
	}
}

function dictionaryVector(
	indices: Int32Array | Int8Array,
	words: readonly string[],
	index: DataType
) {
	const type = new Dictionary(new Utf8(), index as Int32 | Int8);
	const dict = vectorFromArray([...words], new Utf8());
	return makeVector(
		makeData({ type, length: indices.length, nullCount: 0, data: indices, dictionary: dict })
	);
}

/** Writes a table as `events.arrow`: one batch, so a reader takes its buffers as they are. */
export function writeEventTable(table: EventTable, meta: TableMeta): Uint8Array {
	const id = makeVector(
		makeData({
			type: new Utf8(),
			length: table.length,
			nullCount: 0,
			valueOffsets: table.idOffsets,
			data: table.idBytes
		})
	);
	const category = new Int8Array(
		table.category.buffer,
		table.category.byteOffset,
		table.category.length
	);
	const vectors = {
		id,
		lon: makeVector(table.lon),
		lat: makeVector(table.lat),
		start: makeVector(table.start),
		end: makeVector(table.end),
		category: dictionaryVector(category, table.categories, new Int8()),
		place: dictionaryVector(table.place, table.places, new Int32()),
		others: makeVector(
			makeData({
				type: new List(new Field('place', new Int32(), false)),
				length: table.length,
				nullCount: 0,
				valueOffsets: table.otherOffsets,
				child: makeData({
					type: new Int32(),
					length: table.otherPlaces.length,
					nullCount: 0,
					data: table.otherPlaces
				})
			})
		),
		row: makeVector(table.row)
	};
	const fields = Object.entries(vectors).map(([name, v]) => new Field(name, v.type, false));
	const metadata = new Map([
		[FORMAT_KEY, FORMAT_VERSION],
		['title', meta.title],
		['published', meta.published ?? ''],
		['origin', meta.origin],
		...Object.entries(datasetMembers(meta.datasetFile)),
		['checksum', tableChecksum(table)],
		...(meta.rows === null ? [] : [['rows', String(meta.rows)] as [string, string]]),
		['chunks', meta.chunks.join(',')]
	]);
	const schema = new Schema(fields, metadata);
	// One batch built by hand: `new Table(schema, vectors)` refuses a table of no rows.
	const batch = new RecordBatch(
		schema,
		makeData({
			type: new Struct(fields),
			length: table.length,
			nullCount: 0,
			children: Object.values(vectors).map((v) => v.data[0]!)
		})
	);
	return tableToIPC(new Table([batch]), 'file');
}
