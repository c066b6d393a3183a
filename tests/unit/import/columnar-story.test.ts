import { describe, expect, it } from 'vitest';
import { shippedBasemap, shippedCountryLookup } from '../../../scripts/lib/natural-earth';
import { chooseReader } from '../../../src/lib/import/choose-reader';
import { ColumnarImport, type ImportHead } from '../../../src/lib/import/columnar-story';
import { countryIndex } from '../../../src/lib/import/countries';
import { eventText } from '../../../src/lib/import/event-columns';
import { RowsToEvents, type ImportedEvent } from '../../../src/lib/import/rows-to-events';
import {
	EVENTS_TAIL,
	eventFeature,
	eventsHead,
	placesCollection
} from '../../../src/lib/import/story-json';
import type { FolderFile } from '../../../src/lib/story/columnar/folder-files';
import { articleHead } from '../../../src/lib/story/dataset-origin';
import { CHUNK_SIZE, type EventText } from '../../../src/lib/story/columnar/layout';
import { validateColumnarStory } from '../../../src/lib/story/columnar/validate-columnar';
import { parseIsoDate } from '../../../src/lib/story/dates';
import { eventId, type EventTable } from '../../../src/lib/story/event-table';
import { storyData, type StoryData } from '../../../src/lib/story/story-data';
import { validateStory } from '../../../src/lib/story/validate';
import { GED_CYCLE, gedRows } from '../../helpers/ged-rows';

const lookup = shippedCountryLookup();
const countries = countryIndex(shippedBasemap());
const TODAY = parseIsoDate('2025-04-12')!;
const COUNT = 2_345;

/** A UCDP GED export of COUNT rows in its real layout, read as the import session reads it. */
function importGed() {
	const [header, ...rows] = gedRows(COUNT);
	const chosen = chooseReader(header!);
	if (!chosen.ok) throw new Error(chosen.problems.join(' '));
	const engine = new RowsToEvents({ reader: chosen.reader, countries, latest: TODAY });
	const events: ImportedEvent[] = [];
	const lines: string[] = [];
	rows.forEach((cells, i) => {
		const outcome = engine.push(cells, i + 2);
		if (!outcome.ok) return;
		events.push(outcome.event);
		lines.push(outcome.line);
	});
	return { events, lines, places: engine.places, reader: chosen.reader.name };
}

const { events, lines, places, reader } = importGed();
const head: ImportHead = {
	title: 'Imported from ged.csv',
	published: '2025-04-12',
	file: 'ged.csv',
	what: `${reader}, UTF-8, comma-separated`,
	dataset: reader,
	day: '2025-04-12',
	rows: COUNT + 1
};

/** The columnar form of the import, its files by path, through the form's one writer. */
function writeColumnar(): Map<string, FolderFile['contents']> {
	const story = new ColumnarImport();
	const texts = events.map((e) => story.add(e));
	return new Map([...story.files(head, places, (k) => texts[k]!)].map((f) => [f.path, f.contents]));
}

/** The GeoJSON form of the same import, validated and read into the one table. */
function geojsonStory(): StoryData {
	const files = {
		events: {
			name: 'events.geojson',
			contents: `${eventsHead(head.title, head.published)}${events.map(eventFeature).join(',\n')}${EVENTS_TAIL}`
		},
		places: { name: 'places.geojson', contents: placesCollection(places) },
		article: {
			name: 'article.txt',
			contents: `${articleHead(head.file, head.what, head.day)}${lines.join('\n')}\n`
		}
	};
	const result = validateStory(files, lookup);
	if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 3)));
	return storyData(result.story);
}

const bytes = (c: FolderFile['contents'] | undefined) =>
	typeof c === 'string' ? new TextEncoder().encode(c) : c!;

describe('the columnar writer (story/columnar/folder-files.ts), on a UCDP GED export', () => {
	const files = writeColumnar();
	const checked = validateColumnarStory(
		{
			events: { name: 'events.arrow', contents: bytes(files.get('events.arrow')) },
			places: { name: 'places.geojson', contents: bytes(files.get('places.geojson')) },
			article: { name: 'article.txt', contents: bytes(files.get('article.txt')) },
			text: {
				folder: 'text',
				names: [...files.keys()].filter((p) => p.startsWith('text/')).map((p) => p.slice(5)),
				read: (name) => bytes(files.get(`text/${name}`))
			}
		},
		{ today: TODAY, countries: lookup }
	);

	it('reads the export whole, every copy of the one bad row rejected', () => {
		expect(reader).toBe('a UCDP GED export');
		expect(events).toHaveLength(COUNT - Math.ceil((COUNT - 4) / GED_CYCLE));
	});

	it('writes a folder the validator passes: one text chunk per 1,000 events', () => {
		if (!checked.ok) throw new Error(JSON.stringify(checked.problems.slice(0, 3)));
		expect(checked.chunks).toBe(Math.ceil(events.length / CHUNK_SIZE));
		expect([...files.keys()].filter((p) => p.startsWith('text/'))).toEqual(
			Array.from({ length: checked.chunks }, (_, n) => `text/${n}.json`)
		);
		expect(checked.meta.origin).toBe(
			`Imported from a UCDP GED export (ged.csv): ${events.length.toLocaleString('en-GB')} events, 4 April – 9 April 2025`
		);
		expect(checked.meta.rows).toBe(COUNT + 1);
	});

	it('reads back the table the GeoJSON form of the same rows makes', () => {
		if (!checked.ok) throw new Error('not valid');
		const back = checked.table;
		const story = geojsonStory();
		// One dateline for both forms: the dataset, its size and its period.
		expect(story.origin).toBe(checked.meta.origin);
		const geojson = story.table;
		expect(back.length).toBe(geojson.length);
		for (const column of ['lon', 'lat', 'start', 'end', 'row', 'otherOffsets'] as const)
			expect(back[column], column).toEqual(geojson[column]);
		const words = (t: EventTable, names: readonly string[], of: ArrayLike<number>) =>
			Array.from({ length: t.length }, (_, i) => names[of[i]!]);
		expect(words(back, back.places, back.place)).toEqual(
			words(geojson, geojson.places, geojson.place)
		);
		expect(words(back, back.categories, back.category)).toEqual(
			words(geojson, geojson.categories, geojson.category)
		);
		const ids = (t: EventTable) => Array.from({ length: t.length }, (_, i) => eventId(t, i));
		expect(ids(back)).toEqual(ids(geojson));
	});

	it('keeps each event’s words in its chunk, in the table’s order', () => {
		if (!checked.ok) throw new Error('not valid');
		const byId = new Map(events.map((e) => [e.id, eventText(e)]));
		for (let n = 0; n < checked.chunks; n++) {
			const chunk = JSON.parse(files.get(`text/${n}.json`) as string) as EventText[];
			chunk.forEach((text, k) => {
				expect(text.id).toBe(eventId(checked.table, n * CHUNK_SIZE + k));
				expect(text).toEqual(byId.get(text.id));
			});
		}
	});
});
