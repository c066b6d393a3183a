import { describe, expect, it } from 'vitest';
import { geojsonHead } from '../../../src/lib/import/geojson-head';
import { geojsonRows } from '../../../src/lib/import/geojson-rows';
import { openImport, type ImportFile } from '../../../src/lib/import/import-session';
import { STUDIO_LIMITS } from '../../../src/lib/studio/import-job';

const encoder = new TextEncoder();

/** `count` point features, ACLED-like properties; feature 500 brings a property of its own. */
function collection(count: number): string {
	const features = Array.from({ length: count }, (_, i) => ({
		type: 'Feature',
		geometry: { type: 'Point', coordinates: [30 + (i % 100) / 100, 50] },
		properties: {
			event_date: '2025-04-11',
			notes: `Shelling "near" the {river} [bank], row ${i} \\ ok`,
			...(i === 500 ? { late_key: 'x' } : {}),
			fatalities: i % 7
		}
	}));
	return JSON.stringify({ type: 'FeatureCollection', features });
}

const HEAD = 1 << 20;
const headOf = (text: string) => {
	const bytes = encoder.encode(text);
	const head = bytes.subarray(0, Math.min(bytes.length, HEAD));
	return { text: new TextDecoder().decode(head), bytes: head.length, file: bytes.length };
};

describe('geojsonHead: a big GeoJSON file’s first rows and size, from its head', () => {
	const big = collection(20_000);
	const whole = geojsonRows(big);
	if (!whole.ok) throw new Error(whole.problem);

	it('gives the rows the whole file gives, its columns the first of the whole file’s', () => {
		const { text, bytes, file } = headOf(big);
		expect(file).toBeGreaterThan(3 * HEAD);
		const head = geojsonHead(text, bytes, file, 8)!;
		if (!head.rows.ok) throw new Error(head.rows.problem);
		expect(head.rows.rows[0]).toEqual(whole.rows[0]);
		expect(head.rows.rows.slice(1)).toEqual(
			whole.rows
				.slice(1, 8)
				.map((row) => row.slice(0, head.rows.ok ? head.rows.rows[0]!.length : 0))
		);
		expect(head.estimate.exact).toBe(false);
		expect(Math.abs(head.estimate.rows - 20_000)).toBeLessThan(20_000 * 0.02);
	});

	it.each([
		['a file whose head is the whole of it: counted', collection(30), { rows: 30, exact: true }],
		[
			'strings with brackets, braces and escaped quotes',
			JSON.stringify({
				type: 'FeatureCollection',
				name: 'a "features" [list]',
				features: [{ type: 'Feature', geometry: null, properties: { a: '}]"\\' } }]
			}),
			{ rows: 1, exact: true }
		]
	])('%s', (_, text, estimate) => {
		const { text: head, bytes, file } = headOf(text);
		expect(geojsonHead(head, bytes, file, 8)?.estimate).toEqual(estimate);
	});

	it.each([
		['its type after its features', '{"features":[{"type":"Feature"}],"type":"FeatureCollection"}'],
		['not a collection', '{"type":"Feature","features":[{"type":"Feature"}]}'],
		['no whole feature in the head', '{"type":"FeatureCollection","features":[{"type":"Feat'],
		['a feature that is not JSON', '{"type":"FeatureCollection","features":[{"type":x}]}']
	])('leaves a file to be read whole: %s', (_, text) => {
		expect(geojsonHead(text, text.length, text.length * 10, 8)).toBeNull();
	});

	it('walks a property nested 10,000 deep without recursion, its row refused', () => {
		const deep = `${'['.repeat(10_000)}1${']'.repeat(10_000)}`;
		const text = `{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[30,50]},"properties":{"deep":${deep}}}]}`;
		const head = geojsonHead(text, text.length, text.length, 8)!;
		expect(head.rows.ok && head.rows.refused.get(2)?.column).toBe('deep');
	});
});

describe('the import session’s preview of a big GeoJSON file', () => {
	it('reads its head and no further, and says its size in rows', async () => {
		const bytes = encoder.encode(collection(20_000));
		const read: [number, number][] = [];
		const file: ImportFile = {
			name: 'events.geojson',
			size: bytes.length,
			read: async (start, end) => (read.push([start, end]), bytes.slice(start, end))
		};
		const session = await openImport([file], {
			limits: STUDIO_LIMITS,
			countries: () => {
				throw new Error('not asked');
			},
			geocoder: () => {
				throw new Error('not asked');
			},
			latest: 0
		});
		if (!session.ok) throw new Error(session.problem);
		const preview = await session.preview(8);
		if (!preview.ok) throw new Error(preview.problem);
		expect(Math.max(...read.map(([, end]) => end))).toBe(HEAD);
		expect(preview.rows).toHaveLength(8);
		expect(preview.rows[0]).toEqual([
			'longitude',
			'latitude',
			'event_date',
			'notes',
			'fatalities',
			'late_key'
		]);
		expect(preview.estimate?.exact).toBe(false);
		expect(preview.estimate!.rows).toBeGreaterThan(19_000);
	});
});
