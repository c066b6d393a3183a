import { describe, expect, it } from 'vitest';
import { shippedBasemap } from '../../../scripts/lib/natural-earth';
import { countryIndex } from '../../../src/lib/import/countries';
import { shippedCountryLookup } from '../../../scripts/lib/natural-earth';
import { chooseReader } from '../../../src/lib/import/choose-reader';
import { RowsToEvents } from '../../../src/lib/import/rows-to-events';
import {
	EVENTS_TAIL,
	datasetArticle,
	eventFeature,
	eventsHead,
	placesCollection
} from '../../../src/lib/import/story-json';
import {
	articleHead,
	articleOrigin,
	datasetDateline,
	importedOrigin,
	periodText
} from '../../../src/lib/story/dataset-origin';
import { parseIsoDate } from '../../../src/lib/story/dates';
import { validateStory } from '../../../src/lib/story/validate';
import type { DatasetFile } from '../../../src/lib/story/types';

/** Rows through the importer and its writer, into the validator, all in memory. */
function story(header: string[], rows: string[][], dataset?: DatasetFile) {
	const chosen = chooseReader(header);
	if (!chosen.ok) throw new Error(chosen.problems.join(' '));
	const engine = new RowsToEvents({
		reader: chosen.reader,
		countries: countryIndex(shippedBasemap()),
		latest: parseIsoDate('2025-04-12')!
	});
	const features: string[] = [];
	let article = articleHead('test.csv', 'a spreadsheet', '2025-04-12');
	rows.forEach((cells, i) => {
		const outcome = engine.push(cells, i + 2);
		if (!outcome.ok) throw new Error(JSON.stringify(outcome));
		features.push(eventFeature(outcome.event));
		article += `${outcome.line}\n`;
	});
	const events =
		eventsHead('A "test" story', '2025-04-12', dataset) + features.join(',\n') + EVENTS_TAIL;
	return {
		events: { name: 'events.geojson', contents: events },
		places: { name: 'places.geojson', contents: placesCollection(engine.places) },
		article: { name: 'article.txt', contents: article }
	};
}

describe('an imported story', () => {
	it('passes the validator, row numbers and all', () => {
		const files = story(
			['id', 'date', 'end', 'lat', 'lon', 'category', 'place', 'summary', 'actors', 'source'],
			[
				[
					'a-1',
					'2025-04-10',
					'2025-04-11',
					'50.4501',
					'30.5234',
					'war',
					'Kyiv',
					'Two\nlines, "quoted"\ttab.',
					'A; B',
					'AP'
				],
				[
					'a-2',
					'2025-04-11',
					'',
					'47.9105',
					'33.3918',
					'strike',
					'Kryvyi Rih',
					'x'.repeat(3000),
					'',
					'https://example.com/?a=1&b=2'
				],
				['a-3', '2025-04-11', '', '43.5', '34.0', 'statement', 'Black Sea', '', '', ''],
				['a-4', '2025-04-11', '', '50.4501', '30.5234', 'aid', 'Kyiv', '=1+1', '', '']
			]
		);
		const result = validateStory(files, shippedCountryLookup());
		expect(result.ok ? [] : result.problems).toEqual([]);
		if (!result.ok) return;
		expect(result.story.events.map((e) => e.id)).toEqual(['a-1', 'a-2', 'a-3', 'a-4']);
		expect(result.story.places.map((p) => [p.id, p.kind, p.country])).toEqual([
			['kyiv', 'city', 'UA'],
			['kryvyi-rih', 'city', 'UA'],
			['black-sea', 'region', undefined]
		]);
		const rows = (
			JSON.parse(files.events.contents) as { features: { properties: { row: number } }[] }
		).features.map((f) => f.properties.row);
		expect(rows).toEqual([2, 3, 4, 5]);
		expect(result.story.title).toBe('A "test" story');
	});
});

describe('the source file, named once in events.geojson', () => {
	const header = ['id', 'date', 'lat', 'lon', 'category', 'place', 'notes'];
	const rows = [['a-1', '2025-04-10', '50.4501', '30.5234', 'war', 'Kyiv', 'Shelling.']];

	it.each([
		['a file and its notes column', { file: 'acled-2025.csv', notesColumn: 'notes' }],
		['a file alone', { file: 'ged.csv' }],
		['none', undefined]
	])('%s: the validated story keeps what the importer wrote', (_, dataset) => {
		const files = story(header, rows, dataset);
		const result = validateStory(files, shippedCountryLookup());
		if (!result.ok) throw new Error(JSON.stringify(result.problems));
		expect(result.story.datasetFile).toEqual(dataset);
	});

	it.each([
		[{ notesColumn: 'notes' }, 'notesColumn', /^names a column of no file/],
		[{ file: 'a<br>b.csv' }, 'file', /^contains HTML/],
		[{ file: 'x'.repeat(256) }, 'file', /the limit is 255/]
	])('%j is refused, by name', (members, field, says) => {
		const files = story(header, rows);
		const contents = files.events.contents.replace(
			'"type":"FeatureCollection",',
			`"type":"FeatureCollection",${JSON.stringify(members).slice(1, -1)},`
		);
		const result = validateStory({ ...files, events: { ...files.events, contents } });
		expect(result.ok ? [] : result.problems).toContainEqual(
			expect.objectContaining({ field, message: expect.stringMatching(says) })
		);
	});
});

describe('the dateline of an imported dataset', () => {
	it.each([
		['2025-01-01', '2025-11-30', '1 January – 30 November 2025'],
		['2024-12-30', '2025-01-02', '30 December 2024 – 2 January 2025'],
		['2025-04-11', '2025-04-11', '11 April 2025']
	])('%s to %s is %s', (first, last, text) => {
		expect(periodText(first, last)).toBe(text);
	});

	it('names the dataset, its size and its period, not its encoding', () => {
		expect(
			datasetDateline('a UCDP GED export', 'ged-50k.csv', 50_000, '2025-01-01', '2025-11-30')
		).toBe(
			'Imported from a UCDP GED export (ged-50k.csv): 50,000 events, 1 January – 30 November 2025'
		);
	});
});

describe('importedOrigin: the dateline of a GeoJSON story the importer wrote', () => {
	const day = (iso: string) => parseIsoDate(iso)!;
	const rows = [
		{ start: day('2025-04-04'), end: day('2025-04-04'), row: 2 },
		{ start: day('2025-04-05'), end: day('2025-04-09'), row: 3 }
	];
	const head = (file: string, what: string) => articleHead(file, what, '2025-04-12');

	it.each([
		[
			'a UCDP GED export',
			head('ged.csv', 'a UCDP GED export, UTF-8, comma-separated'),
			rows,
			'Imported from a UCDP GED export (ged.csv): 2 events, 4 April – 9 April 2025'
		],
		[
			'a file name with brackets, a workbook',
			head('desk (1).xlsx', 'a spreadsheet, sheet "Events" of a workbook'),
			rows,
			'Imported from a spreadsheet (desk (1).xlsx): 2 events, 4 April – 9 April 2025'
		],
		['an article’s story', 'Kyiv, 12 April. Officials said…', rows, null],
		[
			'an event not from a row',
			head('ged.csv', 'a UCDP GED export, UTF-8'),
			[...rows, { start: 1, end: 1 }],
			null
		],
		['no events', head('ged.csv', 'a UCDP GED export, UTF-8'), [], null]
	])('%s', (_, article, events, origin) => {
		expect(importedOrigin(article, events)).toBe(origin);
	});
});

describe("the head of an imported story's article.txt", () => {
	it.each<[string, string, ReturnType<typeof articleOrigin>]>([
		[
			'the GeoJSON form',
			articleHead('acled.csv', 'an ACLED export, UTF-8, comma-separated', '2025-04-12'),
			{ file: 'acled.csv', dataset: 'an ACLED export', day: '2025-04-12' }
		],
		[
			'the columnar form',
			datasetArticle('ged (1).csv', 'a UCDP GED export, Parquet', '2026-01-02', 5),
			{ file: 'ged (1).csv', dataset: 'a UCDP GED export', day: '2026-01-02' }
		],
		['an article', 'Moscow, 12 April. Steve Witkoff met…', null]
	])('names the file, the dataset and the day: %s', (_, text, origin) => {
		expect(articleOrigin(text)).toEqual(origin);
	});
});
