import { chunkChecksum } from '../../../src/lib/story/checksum';
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	readdirSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { shippedCountryLookup } from '../../../scripts/lib/natural-earth';
import type { ImportHead } from '../../../src/lib/import/columnar-story';
import { AutoWriter, ColumnarWriter } from '../../../scripts/lib/story-writers';
import { readColumnarFolder } from '../../../scripts/lib/columnar-files';
import type { ImportedPlace } from '../../../src/lib/import/place-table';
import type { ImportedEvent } from '../../../src/lib/import/rows-to-events';
import { validateColumnarStory } from '../../../src/lib/story/columnar/validate-columnar';
import { parseIsoDate } from '../../../src/lib/story/dates';

const scratch = mkdtempSync(join(tmpdir(), 'story-writers-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let folders = 0;
const folder = () => {
	const dir = join(scratch, `story-${++folders}`);
	mkdirSync(dir);
	return dir;
};

const HEAD: ImportHead = {
	title: 'Imported from test.csv',
	published: '2025-04-12',
	file: 'test.csv',
	what: 'a spreadsheet, UTF-8, comma-separated',
	day: '2025-04-12',
	notesColumn: 'summary'
};

const KYIV: ImportedPlace = {
	id: 'kyiv',
	name: 'Kyiv',
	kind: 'city',
	country: 'UA',
	coordinates: [30.5234, 50.4501]
};

/** Event `i`, from row i + 2, days going backwards so the table must sort them. */
function event(i: number): ImportedEvent {
	const day = `2025-04-${String(10 - (i % 10)).padStart(2, '0')}`;
	const id = `e${i}`;
	return {
		id,
		title: `Event ${i}`,
		summary: `What happened, ${i}.`,
		category: 'war',
		actors: ['Someone'],
		start: day,
		end: day,
		when: day,
		place: 'kyiv',
		source: `Row ${i + 2} (${id}): ${day}, Kyiv. Event ${i}.`,
		row: i + 2,
		coordinates: KYIV.coordinates
	};
}

const write = (writer: { add(e: ImportedEvent, line: string): void }, n: number) => {
	for (let i = 0; i < n; i++) writer.add(event(i), event(i).source);
};

describe('AutoWriter', () => {
	it.each([
		[3, 'geojson', ['article.txt', 'events.geojson', 'places.geojson']],
		[4, 'columnar', ['article.txt', 'events.arrow', 'places.geojson', 'text']]
	] as const)('%i events with a threshold of 3: %s', (n, format, files) => {
		const dir = folder();
		const writer = new AutoWriter(dir, HEAD, 3);
		write(writer, n);
		expect(writer.finish([KYIV])).toEqual({
			format,
			events: n,
			chunks: format === 'columnar' ? 1 : 0
		});
		expect(readdirSync(dir).sort()).toEqual(files);
	});

	it('aborted, it leaves nothing behind, whichever form it had begun', () => {
		for (const n of [2, 5]) {
			const dir = folder();
			const writer = new AutoWriter(dir, HEAD, 3);
			write(writer, n);
			writer.abort();
			expect(readdirSync(dir)).toEqual([]);
		}
	});
});

describe('ColumnarWriter', () => {
	it('writes a folder the validator accepts, the words in the order of the table', () => {
		const dir = folder();
		const writer = new ColumnarWriter(dir, HEAD);
		write(writer, 2500);
		expect(writer.finish([KYIV])).toEqual({ format: 'columnar', events: 2500, chunks: 3 });
		const files = readColumnarFolder(dir, (path) => path);
		if ('unreadable' in files) throw new Error(files.unreadable.join('\n'));
		const result = validateColumnarStory(files, {
			today: parseIsoDate('2026-01-01')!,
			countries: shippedCountryLookup()
		});
		expect(result.ok ? [] : result.problems).toEqual([]);
		if (!result.ok) return;
		expect(result.meta).toEqual({
			title: 'Imported from test.csv',
			published: '2025-04-12',
			origin: expect.stringMatching(
				/^Imported from a dataset \(test\.csv\): 2,500 events, \d+ \w+ – \d+ \w+ 2025$/
			),
			datasetFile: { file: 'test.csv', notesColumn: 'summary' },
			// No more rows than the last an event came from; a checksum of each chunk's bytes.
			rows: 2501,
			chunks: ['0.json', '1.json', '2.json'].map((name) =>
				chunkChecksum(readFileSync(join(dir, 'text', name)))
			)
		});
		const first = JSON.parse(readFileSync(join(dir, 'text', '0.json'), 'utf8')) as { id: string }[];
		// The earliest day is 1 April: events 9, 19, 29 … sorted as text.
		expect(first.slice(0, 3).map((t) => t.id)).toEqual(['e1009', 'e1019', 'e1029']);
		expect(existsSync(join(dir, 'text.spill.partial'))).toBe(false);
	});

	it('writes beside what a folder holds and removes nothing it did not write', () => {
		const dir = folder();
		mkdirSync(join(dir, 'text'));
		writeFileSync(join(dir, 'text', 'notes.md'), 'the desk’s own file');
		writeFileSync(join(dir, 'events.geojson'), 'another story');
		const columnar = new ColumnarWriter(dir, HEAD);
		write(columnar, 2);
		columnar.abort();
		expect(readdirSync(dir).sort()).toEqual(['events.geojson', 'text']);
		expect(readdirSync(join(dir, 'text'))).toEqual(['notes.md']);
		expect(readFileSync(join(dir, 'events.geojson'), 'utf8')).toBe('another story');
	});
});
