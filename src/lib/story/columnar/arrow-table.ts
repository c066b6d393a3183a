/**
 * `events.arrow` to an EventTable and back. Reading keeps Arrow's buffers where a column is one
 * batch of the expected type (no copy); a file written in several batches is joined once.
 */
import {
	Dictionary,
	Field,
	Int32,
	Int8,
	Schema,
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
import type { EventTable } from './event-table';
import { COLUMNS, FORMAT_KEY, FORMAT_VERSION, type TableMeta } from './layout';

export type ReadResult =
	{ ok: true; table: EventTable; meta: TableMeta } | { ok: false; message: string };

const fail = (message: string): ReadResult => ({ ok: false, message });

type Numeric = Float64Array | Int32Array | Int8Array;

function joined<T extends Numeric>(
	chunks: readonly Data[],
	make: (length: number) => T,
	pick: (data: Data) => T
): T {
	if (chunks.length === 1) return pick(chunks[0]!);
	const total = chunks.reduce((sum, d) => sum + d.length, 0);
	const out = make(total);
	let at = 0;
	for (const data of chunks) {
		out.set(pick(data), at);
		at += data.length;
	}
	return out;
}

const values = <T extends Numeric>(d: Data) => (d.values as T).subarray(0, d.length) as T;

function column(table: Table, name: keyof typeof COLUMNS, type: Type): Vector | string {
	const vector = table.getChild(name);
	if (!vector) return `has no "${name}" column.`;
	if (vector.type.typeId !== type) {
		return `column "${name}" is ${String(vector.type)}, not ${COLUMNS[name]}.`;
	}
	if (vector.nullCount > 0) return `column "${name}" has ${vector.nullCount} empty values.`;
	return vector;
}

function dictionary(vector: Vector): { indices: readonly Data[]; words: string[] } | string {
	const first = vector.data[0]?.dictionary;
	if (vector.data.some((d) => d.dictionary !== first)) {
		return `column "${String(vector.type)}" changes its dictionary between batches.`;
	}
	return { indices: vector.data, words: first ? (first.toArray() as string[]) : [] };
}

/** Reads `events.arrow`. Any file that is not one gets a sentence, never a throw. */
export function readEventTable(bytes: Uint8Array): ReadResult {
	let table: Table;
	try {
		table = tableFromIPC(bytes);
	} catch (error) {
		return fail(`is not an Arrow IPC file (${(error as Error).message}).`);
	}
	const meta = table.schema.metadata;
	if (meta.get(FORMAT_KEY) !== FORMAT_VERSION) {
		return fail(`is not a Story Atlas events table (no "${FORMAT_KEY}: ${FORMAT_VERSION}").`);
	}
	const got = {
		id: column(table, 'id', Type.Utf8),
		lon: column(table, 'lon', Type.Float),
		lat: column(table, 'lat', Type.Float),
		start: column(table, 'start', Type.Int),
		end: column(table, 'end', Type.Int),
		category: column(table, 'category', Type.Dictionary),
		place: column(table, 'place', Type.Dictionary),
		row: column(table, 'row', Type.Int)
	};
	for (const value of Object.values(got)) if (typeof value === 'string') return fail(value);
	const v = got as Record<keyof typeof got, Vector>;
	for (const name of ['lon', 'lat'] as const) {
		if (!(v[name].data[0]?.values instanceof Float64Array) && v[name].length > 0) {
			return fail(`column "${name}" is ${String(v[name].type)}, not Float64.`);
		}
	}
	for (const name of ['start', 'end', 'row'] as const) {
		if (!(v[name].data[0]?.values instanceof Int32Array) && v[name].length > 0) {
			return fail(`column "${name}" is ${String(v[name].type)}, not Int32.`);
		}
	}
	const category = dictionary(v.category);
	const place = dictionary(v.place);
	if (typeof category === 'string') return fail(category);
	if (typeof place === 'string') return fail(place);
	if (category.words.length > 255) return fail('column "category" has over 255 categories.');

	const ids = idColumn(v.id.data);
	const length = table.numRows;
	const categoryIndex = new Uint8Array(length);
	let at = 0;
	for (const d of category.indices) {
		const part = (d.values as ArrayLike<number>) ?? [];
		for (let i = 0; i < d.length; i++) categoryIndex[at++] = part[i]!;
	}
	return {
		ok: true,
		meta: {
			title: meta.get('title') ?? '',
			published: meta.get('published') || null,
			origin: meta.get('origin') ?? ''
		},
		table: {
			length,
			lon: joined(v.lon.data, (n) => new Float64Array(n), values<Float64Array>),
			lat: joined(v.lat.data, (n) => new Float64Array(n), values<Float64Array>),
			start: joined(v.start.data, (n) => new Int32Array(n), values<Int32Array>),
			end: joined(v.end.data, (n) => new Int32Array(n), values<Int32Array>),
			category: categoryIndex,
			categories: category.words,
			place: joined(
				place.indices,
				(n) => new Int32Array(n),
				(d) => Int32Array.from(d.values as ArrayLike<number>).subarray(0, d.length)
			),
			places: place.words,
			row: joined(v.row.data, (n) => new Int32Array(n), values<Int32Array>),
			...ids
		}
	};
}

function idColumn(chunks: readonly Data<Utf8>[]): { idOffsets: Int32Array; idBytes: Uint8Array } {
	const first = chunks[0];
	if (chunks.length === 1 && first && first.offset === 0) {
		return {
			idOffsets: first.valueOffsets.subarray(0, first.length + 1),
			idBytes: first.values
		};
	}
	const total = chunks.reduce((sum, d) => sum + d.length, 0);
	const offsets = new Int32Array(total + 1);
	const parts: Uint8Array[] = [];
	let row = 0;
	let byte = 0;
	for (const d of chunks) {
		const base = d.valueOffsets[d.offset]!;
		const endAt = d.valueOffsets[d.offset + d.length]!;
		parts.push(d.values.subarray(base, endAt));
		for (let i = 1; i <= d.length; i++)
			offsets[row + i] = byte + d.valueOffsets[d.offset + i]! - base;
		row += d.length;
		byte += endAt - base;
	}
	const bytes = new Uint8Array(byte);
	let at = 0;
	for (const part of parts) {
		bytes.set(part, at);
		at += part.length;
	}
	return { idOffsets: offsets, idBytes: bytes };
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
	const vectors = {
		id,
		lon: makeVector(table.lon),
		lat: makeVector(table.lat),
		start: makeVector(table.start),
		end: makeVector(table.end),
		category: dictionaryVector(Int8Array.from(table.category), table.categories, new Int8()),
		place: dictionaryVector(table.place, table.places, new Int32()),
		row: makeVector(table.row)
	};
	const fields = Object.entries(vectors).map(([name, v]) => new Field(name, v.type, false));
	const metadata = new Map([
		[FORMAT_KEY, FORMAT_VERSION],
		['title', meta.title],
		['published', meta.published ?? ''],
		['origin', meta.origin]
	]);
	const arrow = new Table(new Schema(fields, metadata), vectors);
	return tableToIPC(arrow, 'file');
}

/** Builds the id columns from strings: what a writer that has ids as text needs. */
export function encodeIds(ids: readonly string[]): { idOffsets: Int32Array; idBytes: Uint8Array } {
	const encoder = new TextEncoder();
	const encoded = ids.map((id) => encoder.encode(id));
	const idOffsets = new Int32Array(ids.length + 1);
	encoded.forEach((e, i) => (idOffsets[i + 1] = idOffsets[i]! + e.length));
	const idBytes = new Uint8Array(idOffsets[ids.length]!);
	encoded.forEach((e, i) => idBytes.set(e, idOffsets[i]!));
	return { idOffsets, idBytes };
}
