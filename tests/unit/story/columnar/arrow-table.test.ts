import {
	Dictionary,
	Field,
	Float64,
	Int32,
	Int64,
	Int8,
	RecordBatch,
	Schema,
	Struct,
	Table,
	Utf8,
	makeData,
	makeVector,
	tableFromIPC,
	tableToIPC,
	vectorFromArray,
	type Data,
	type Vector
} from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import {
	NO_PLACE,
	readEventTable,
	writeEventTable
} from '../../../../src/lib/story/columnar/arrow-table';
import { NO_CATEGORY, encodeIds } from '../../../../src/lib/story/table-builder';
import { tableChecksum } from '../../../../src/lib/story/checksum';
import { eventId, type EventTable } from '../../../../src/lib/story/event-table';
import { FORMAT_KEY, FORMAT_VERSION } from '../../../../src/lib/story/columnar/layout';
import { CATEGORIES } from '../../../../src/lib/story/schema';
import { META, ROWS, tableOf } from '../../../helpers/event-tables';

const ids = (table: EventTable) =>
	Array.from({ length: table.length }, (_, i) => eventId(table, i));

/** The columns of a written table as Arrow vectors, to take apart and put together again. */
function columnsOf(bytes: Uint8Array): {
	vectors: Map<string, Vector>;
	metadata: Map<string, string>;
} {
	const table = tableFromIPC(bytes);
	const vectors = new Map<string, Vector>();
	for (const field of table.schema.fields) vectors.set(field.name, table.getChild(field.name)!);
	return { vectors, metadata: new Map(table.schema.metadata) };
}

/** An Arrow file of these columns and metadata, the way another tool might write one. */
function arrowFile(
	vectors: Map<string, Vector>,
	metadata: Map<string, string>,
	mode: 'file' | 'stream' = 'file'
): Uint8Array {
	const fields = [...vectors].map(([name, v]) => new Field(name, v.type, v.nullCount > 0));
	const record = Object.fromEntries(vectors);
	return tableToIPC(new Table(new Schema(fields, metadata), record), mode);
}

const good = writeEventTable(tableOf(ROWS), META);

function edited(edit: (vectors: Map<string, Vector>, metadata: Map<string, string>) => void) {
	const { vectors, metadata } = columnsOf(good);
	edit(vectors, metadata);
	return arrowFile(vectors, metadata);
}

function expectRead(bytes: Uint8Array) {
	const result = readEventTable(bytes);
	if (!result.ok) throw new Error(result.message);
	return result;
}

describe('events.arrow round trip', () => {
	it('reads back every column, the dictionaries and the metadata', () => {
		const table = tableOf(ROWS);
		const { table: back, meta } = expectRead(writeEventTable(table, META));
		expect(meta).toEqual(META);
		expect(back.length).toBe(3);
		expect(ids(back)).toEqual(['ukr1', 'ukr2', 'ukr10']);
		for (const name of ['lon', 'lat', 'start', 'end', 'category', 'place', 'row'] as const)
			expect(Array.from(back[name]), name).toEqual(Array.from(table[name]));
		expect(back.categories).toEqual([...CATEGORIES]);
		expect(back.places).toEqual(['kyiv', 'kharkiv']);
	});

	it('keeps a story without a publication day as null, and ids in any script', () => {
		const rows = [{ ...ROWS[0]!, id: 'киев-1' }];
		const { table, meta } = expectRead(
			writeEventTable(tableOf(rows), { ...META, published: null })
		);
		expect(meta.published).toBeNull();
		expect(ids(table)).toEqual(['киев-1']);
	});

	it('keeps the source file and its notes column, and a story without them has none', () => {
		const datasetFile = { file: 'acled (2025).csv', notesColumn: 'notes' };
		const { meta } = expectRead(writeEventTable(tableOf(ROWS), { ...META, datasetFile }));
		expect(meta.datasetFile).toEqual(datasetFile);
		const { meta: fileOnly } = expectRead(
			writeEventTable(tableOf(ROWS), { ...META, datasetFile: { file: 'ged.csv' } })
		);
		expect(fileOnly.datasetFile).toEqual({ file: 'ged.csv' });
		expect(expectRead(writeEventTable(tableOf(ROWS), META)).meta).not.toHaveProperty('datasetFile');
	});

	it('an empty table is a table of no events', () => {
		const { table } = expectRead(writeEventTable(tableOf([]), META));
		expect(table.length).toBe(0);
		expect(table.idOffsets).toEqual(new Int32Array([0]));
	});
});

describe('a file written by Arrow in several record batches', () => {
	/** The same columns cut into batches of `size` rows. */
	function batched(bytes: Uint8Array, size: number, mode: 'file' | 'stream') {
		const table = tableFromIPC(bytes);
		const batches = [];
		for (let at = 0; at < table.numRows; at += size)
			batches.push(...table.slice(at, at + size).batches);
		return tableToIPC(new Table(table.schema, batches), mode);
	}

	it.each(['file', 'stream'] as const)('as an IPC %s: the batches are joined in order', (mode) => {
		const rows = Array.from({ length: 7 }, (_, i) => ({
			...ROWS[i % 3]!,
			id: `e-${i}`,
			row: i + 2
		}));
		const bytes = batched(writeEventTable(tableOf(rows), META), 3, mode);
		expect(tableFromIPC(bytes).batches.length).toBe(3);
		const { table } = expectRead(bytes);
		expect(ids(table)).toEqual(rows.map((r) => r.id));
		expect(Array.from(table.row)).toEqual(rows.map((r) => r.row));
		expect(Array.from(table.place).map((p) => table.places[p])).toEqual(rows.map((r) => r.place));
	});

	it('a stream that replaces its dictionaries between batches: the words are merged', () => {
		// Two batches, each with its own dictionaries, as a streaming writer may send them.
		const { vectors, metadata } = columnsOf(good);
		const categoryType = vectors.get('category')!.type as Dictionary;
		const placeType = vectors.get('place')!.type as Dictionary;
		const fields = [...vectors].map(([name, v]) => new Field(name, v.type, false));
		const schema = new Schema(fields, metadata);
		const words = (type: Dictionary, list: string[], indices: Int8Array | Int32Array) =>
			makeData({
				type,
				length: indices.length,
				nullCount: 0,
				data: indices,
				dictionary: vectorFromArray(list, new Utf8())
			});
		const batch = (rows: number[], category: Data, place: Data) =>
			new RecordBatch(
				schema,
				makeData({
					type: new Struct(fields),
					length: rows.length,
					nullCount: 0,
					children: fields.map((f) =>
						f.name === 'category'
							? category
							: f.name === 'place'
								? place
								: vectors.get(f.name)!.slice(rows[0], rows[0]! + rows.length).data[0]!
					)
				})
			);
		const first = batch(
			[0],
			words(categoryType, ['strike'], Int8Array.from([0])),
			words(placeType, ['kyiv'], Int32Array.from([0]))
		);
		const second = batch(
			[1, 2],
			words(categoryType, ['statement', 'war'], Int8Array.from([1, 0])),
			words(placeType, ['kharkiv', 'kyiv'], Int32Array.from([0, 1]))
		);
		const bytes = tableToIPC(new Table([first, second]), 'stream');
		const { table } = expectRead(bytes);
		expect(ids(table)).toEqual(['ukr1', 'ukr2', 'ukr10']);
		expect(table.places).toEqual(['kyiv', 'kharkiv']);
		expect(table.categories).toEqual(['strike', 'statement', 'war']);
		expect(Array.from(table.place).map((p) => table.places[p])).toEqual([
			'kyiv',
			'kharkiv',
			'kyiv'
		]);
		expect(Array.from(table.category).map((c) => table.categories[c])).toEqual([
			'strike',
			'war',
			'statement'
		]);
	});
});

const dictionary = (words: string[], indices: Int8Array | Int32Array, index: Int8 | Int32) =>
	makeVector(
		makeData({
			type: new Dictionary(new Utf8(), index),
			length: indices.length,
			nullCount: 0,
			data: indices,
			dictionary: vectorFromArray(words, new Utf8())
		})
	);

describe('a file that is not a Story Atlas events table gets a sentence', () => {
	const cases: Array<[string, () => Uint8Array, RegExp]> = [
		['no bytes at all', () => new Uint8Array(0), /is not an Arrow IPC file/],
		[
			'a GeoJSON file renamed',
			() => new TextEncoder().encode('{"type":"FeatureCollection","features":[]}'),
			/is not an Arrow IPC file/
		],
		[
			'random bytes',
			() => Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251),
			/damaged Arrow file|not an Arrow IPC file|could not be read/
		],
		[
			'an Arrow file cut in half',
			() => good.slice(0, good.length >> 1),
			/^is a damaged Arrow file: it ends before its footer \(the file is cut short\)\.$/
		],
		['missing column: no "row"', () => edited((v) => v.delete('row')), /^has no "row" column\.$/],
		['missing column: no "id"', () => edited((v) => v.delete('id')), /^has no "id" column\.$/],
		[
			'wrong type: longitude as Float32',
			() => edited((v) => v.set('lon', makeVector(Float32Array.from([30.5, 36.2, 30.5])))),
			/^column "lon" is Float32, not Float64\.$/
		],
		[
			'wrong type: start as Int64',
			() => edited((v) => v.set('start', makeVector(BigInt64Array.from([1n, 2n, 3n])))),
			/^column "start" is Int64, not Int32\.$/
		],
		[
			'wrong type: row as text',
			() => edited((v) => v.set('row', vectorFromArray(['2', '3', '4'], new Utf8()))),
			/^column "row" is Utf8, not Int32\.$/
		],
		[
			'wrong type: place as plain text, not a dictionary',
			() => edited((v) => v.set('place', vectorFromArray(['kyiv', 'kharkiv', 'kyiv'], new Utf8()))),
			/^column "place" is Utf8, not a dictionary of Utf8\.$/
		],
		[
			'wrong type: a dictionary of numbers',
			() =>
				edited((v) =>
					v.set(
						'category',
						makeVector(
							makeData({
								type: new Dictionary(new Float64(), new Int8()),
								length: 3,
								nullCount: 0,
								data: Int8Array.from([0, 0, 0]),
								dictionary: makeVector(Float64Array.from([1]))
							})
						)
					)
				),
			/^column "category" is Dictionary<Int8, Float64>, not a dictionary of Utf8\.$/
		],
		[
			'wrong type: 64-bit dictionary indices',
			() =>
				edited((v) =>
					v.set(
						'place',
						makeVector(
							makeData({
								// Arrow's types allow 32-bit keys only; a file from elsewhere may have 64.
								type: new Dictionary(new Utf8(), new Int64() as unknown as Int32),
								length: 3,
								nullCount: 0,
								data: BigInt64Array.from([0n, 0n, 0n]) as unknown as Int32Array,
								dictionary: vectorFromArray(['kyiv'], new Utf8())
							})
						)
					)
				),
			/^column "place" has Int64 indices; 32 bits at most\.$/
		],
		[
			'nulls: a latitude left empty',
			() => edited((v) => v.set('lat', vectorFromArray([50.45, null, 50.45], new Float64()))),
			/^column "lat" has 1 empty values\.$/
		],
		[
			'nulls: an id left empty',
			() => edited((v) => v.set('id', vectorFromArray(['a', null, 'c'], new Utf8()))),
			/^column "id" has 1 empty values\.$/
		],
		[
			'nulls: a word of the place dictionary',
			() =>
				edited((v) =>
					v.set(
						'place',
						makeVector(
							makeData({
								type: new Dictionary(new Utf8(), new Int32()),
								length: 3,
								nullCount: 0,
								data: Int32Array.from([0, 1, 0]),
								dictionary: vectorFromArray(['kyiv', null], new Utf8())
							})
						)
					)
				),
			/^column "place" has an empty word in its dictionary\.$/
		],
		[
			'too many categories',
			() =>
				edited((v) =>
					v.set(
						'category',
						dictionary(
							Array.from({ length: 300 }, (_, i) => `c${i}`),
							Int32Array.from([0, 1, 299]),
							new Int32()
						)
					)
				),
			/^column "category" has over 255 categories\.$/
		],
		[
			'bad metadata: no format key',
			() => edited((_, m) => m.delete(FORMAT_KEY)),
			/^is not a Story Atlas events table \(its metadata has no "story-atlas" key\)\.$/
		],
		[
			'bad metadata: another version (the first, which kept no other places and no checksum)',
			() => edited((_, m) => m.set(FORMAT_KEY, '1')),
			new RegExp(
				`^is version "1" of the events table; this atlas reads version ${FORMAT_VERSION}\\.$`
			)
		]
	];

	it.each(cases)('%s', (_, bytes, message) => {
		const result = readEventTable(bytes());
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.message).toMatch(message);
	});

	it('a file that reads is not yet a good story: the validator judges its values', () => {
		// Title and publication day are whatever the file says; validateTable checks them.
		const bytes = edited((_, m) => {
			m.set('published', 'soon');
			m.delete('title');
		});
		const { meta } = expectRead(bytes);
		expect(meta).toEqual({
			title: '',
			published: 'soon',
			origin: META.origin,
			rows: null,
			chunks: []
		});
	});
});

describe('the checksum of the columns', () => {
	it.each([
		['a row number', 'row', 2, 2_130_708_155],
		['a start day', 'start', 0, 20_000],
		['a longitude', 'lon', 1, 31.5]
	] as const)('refuses a file whose %s changed after it was written', (_, column, i, value) => {
		const changed = { ...tableOf(ROWS), [column]: tableOf(ROWS)[column].slice() };
		changed[column][i] = value;
		const bytes = edited((v) => v.set(column, makeVector(changed[column])));
		const result = readEventTable(bytes);
		expect(result.ok).toBe(false);
		if (!result.ok)
			expect(result.message).toMatch(/^is damaged: its columns do not match the checksum/);
	});

	it('a byte flipped anywhere is refused, or changes nothing the reader reads', () => {
		const base = tableOf(ROWS);
		let refused = 0;
		for (let k = 0; k < 120; k++) {
			const bytes = good.slice();
			// A fixed walk over the file, so every run flips the same bytes.
			const at = (k * 7919) % bytes.length;
			bytes[at] = bytes[at]! ^ (1 << (k % 8));
			const result = readEventTable(bytes);
			if (!result.ok) {
				refused++;
				continue;
			}
			expect(tableChecksum(result.table), `byte ${at}`).toBe(tableChecksum(base));
			expect(ids(result.table)).toEqual(ids(base));
		}
		expect(refused).toBeGreaterThan(0);
	});

	it('refuses a file that carries none', () => {
		const result = readEventTable(edited((_, m) => m.delete('checksum')));
		expect(result).toEqual({
			ok: false,
			message: 'has no checksum of its columns in its metadata.'
		});
	});

	it('holds when another tool writes the same values in other batches and dictionaries', () => {
		const rewritten = tableToIPC(tableFromIPC(good), 'stream');
		expect(readEventTable(rewritten).ok).toBe(true);
	});
});

describe('dictionary indices that name no word', () => {
	it('become NO_CATEGORY and NO_PLACE, for the validator to name', () => {
		const category = Uint8Array.from([0, NO_CATEGORY, NO_CATEGORY]);
		const place = Int32Array.from([1, NO_PLACE, NO_PLACE]);
		const read = { ...tableOf(ROWS), category, categories: ['war'], place };
		const bytes = edited((v, m) => {
			v.set('category', dictionary(['war'], Int8Array.from([0, -1, 5]), new Int8()));
			v.set('place', dictionary(['kyiv', 'kharkiv'], Int32Array.from([1, 2, -4]), new Int32()));
			m.set('checksum', tableChecksum(read));
		});
		const { table } = expectRead(bytes);
		expect(Array.from(table.category)).toEqual([0, NO_CATEGORY, NO_CATEGORY]);
		expect(Array.from(table.place)).toEqual([1, NO_PLACE, NO_PLACE]);
	});
});

describe('reading keeps the buffers', () => {
	it('a one-batch file is read without copying its numeric columns', () => {
		const { table } = expectRead(good);
		// Views into the file's own bytes, not copies of them.
		expect(table.lon.buffer).toBe(table.start.buffer);
		expect(table.place.buffer).toBe(table.row.buffer);
	});
});

describe('encodeIds', () => {
	it.each<[string, string[]]>([
		['none', []],
		['ASCII', ['ukr1', 'ukr2', 'row-12']],
		['an empty id among others', ['a', '', 'c']],
		['other scripts and astral characters', ['киев', 'a', '東京-1', '😀x']],
		['ids longer than the first guess of their size', ['x'.repeat(500), 'y'.repeat(40)]]
	])('%s: the UTF-8 bytes of each id, back to back', (_, ids) => {
		const { idOffsets, idBytes } = encodeIds(ids);
		const encoder = new TextEncoder();
		const expected = ids.map((id) => encoder.encode(id));
		expect(idOffsets[0]).toBe(0);
		expect(idBytes.length).toBe(expected.reduce((sum, e) => sum + e.length, 0));
		ids.forEach((id, i) => {
			expect(idBytes.subarray(idOffsets[i], idOffsets[i + 1])).toEqual(expected[i]);
		});
	});
});
