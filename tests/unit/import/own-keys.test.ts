import { describe, expect, it } from 'vitest';
import { shippedBasemap } from '../../../scripts/lib/natural-earth';
import { acledCategory, categoryFromText } from '../../../src/lib/import/categories';
import { countryIndex } from '../../../src/lib/import/countries';
import { geojsonRows, MAX_PROPERTY_DEPTH } from '../../../src/lib/import/geojson-rows';

const INHERITED = ['valueOf', 'constructor', 'toString', '__proto__', 'hasOwnProperty'];

const point = (properties: string) =>
	`{"type":"Feature","geometry":{"type":"Point","coordinates":[30.5,50.4]},"properties":${properties}}`;
const collection = (...features: string[]) =>
	`{"type":"FeatureCollection","features":[${features.join(',')}]}`;

describe('names a dataset gives that Object.prototype also has', () => {
	it.each(INHERITED)('a property "%s" on one feature is empty on the others', (name) => {
		const read = geojsonRows(
			collection(
				point(`{"date":"2025-04-01",${JSON.stringify(name)}:"Kremlin"}`),
				point('{"date":"2025-04-02"}')
			)
		);
		if (!read.ok) throw new Error(read.problem);
		const column = read.rows[0]!.indexOf(name);
		expect(column).toBeGreaterThan(1);
		expect(read.rows.slice(1).map((row) => row[column])).toEqual(['Kremlin', '']);
	});

	const countries = countryIndex(shippedBasemap());
	it.each(INHERITED.map((name) => [name, name.toLowerCase()]))(
		'a cell "%s" is no category and no country',
		(name, lower) => {
			for (const text of [name, lower]) {
				expect(categoryFromText(text)).toBeNull();
				expect(acledCategory(text, text)).toBeNull();
				expect(acledCategory('Battles', text)).toBe('war');
				expect(countries.byName(text)).toBeNull();
			}
		}
	);
});

describe('a property nested deep', () => {
	const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
	it.each([
		[10_000, 'refused'],
		[MAX_PROPERTY_DEPTH + 1, 'refused'],
		[MAX_PROPERTY_DEPTH - 1, 'read']
	])('%i levels: its row is %s, the others read', (depth, outcome) => {
		const read = geojsonRows(
			collection(
				point(`{"date":"2025-04-01","x":${nested(depth)}}`),
				point('{"date":"2025-04-02"}')
			)
		);
		if (!read.ok) throw new Error(read.problem);
		expect(read.rows.length).toBe(3);
		expect(read.refused.get(3)).toBeUndefined();
		if (outcome === 'refused')
			expect(read.refused.get(2)).toEqual({
				column: 'x',
				reason: `nests objects more than ${MAX_PROPERTY_DEPTH} levels deep; a property the importer reads is a value, a list or a shallow object.`
			});
		else {
			expect(read.refused.get(2)).toBeUndefined();
			expect(read.rows[1]![read.rows[0]!.indexOf('x')]).toMatch(/^\{"a":\{"a":/);
		}
	});
});
