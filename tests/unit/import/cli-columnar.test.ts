/**
 * `npm run import` past MAX_GEOJSON_EVENTS: a generated ACLED export of 12,000 rows becomes a
 * story in the columnar form that `npm run check:data` accepts, with every row accounted for.
 */
import { existsSync, readFileSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { root, runScript, scratchFolder } from '../../helpers/cli';
import { ACLED_COLUMNS } from '../../../src/lib/import/presets';
import { readEventTable } from '../../../src/lib/story/columnar/arrow-table';
import { eventId } from '../../../src/lib/story/event-table';
import type { EventText } from '../../../src/lib/story/columnar/layout';
import { MAX_GEOJSON_EVENTS } from '../../../src/lib/story/columnar/layout';

const scratch = scratchFolder('import-columnar-');

const ROWS = 12_000;
const TOWNS: [string, string, number, number][] = [
	['Kyiv', 'Kyiv City', 50.4501, 30.5234],
	['Kharkiv', 'Kharkiv', 49.9935, 36.2304],
	['Odesa', 'Odesa', 46.4825, 30.7233],
	['Lviv', 'Lviv', 49.8397, 24.0297]
];

/**
 * An ACLED export of ROWS rows (the header is row 1, so data rows are 2 to ROWS + 1), with a bad
 * row every 1,000: by its row number, which mistake it has.
 */
function acledFile(): { file: string; bad: Map<number, string> } {
	const bad = new Map<number, string>();
	const lines = [ACLED_COLUMNS.join(',')];
	for (let i = 1; i <= ROWS; i++) {
		const row = i + 1;
		const [town, admin1, lat, lon] = TOWNS[i % TOWNS.length]!;
		const cells: Record<string, string> = Object.fromEntries(ACLED_COLUMNS.map((c) => [c, '']));
		Object.assign(cells, {
			event_id_cnty: `UKR${i}`,
			event_date: `2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
			year: '2024',
			time_precision: String((i % 3) + 1),
			disorder_type: 'Political violence',
			event_type: i % 2 ? 'Battles' : 'Explosions/Remote violence',
			sub_event_type: i % 2 ? 'Armed clash' : 'Air/drone strike',
			actor1: 'Military Forces of Russia (2000-)',
			actor2: 'Military Forces of Ukraine (2019-)',
			iso: '804',
			region: 'Europe',
			country: 'Ukraine',
			admin1,
			location: i % 7 ? town : `${town} outskirts`,
			latitude: String(lat),
			longitude: String(lon),
			geo_precision: '1',
			source: 'Ukrinform',
			notes: `Event ${i} near ${town}, with "quotes", commas, and a line\nbreak.`,
			fatalities: String(i % 5)
		});
		if (i % 1000 === 0) {
			const kind = ['no latitude', 'a future day', 'a duplicate id', 'a formula'][(i / 1000) % 4]!;
			bad.set(row, kind);
			if (kind === 'no latitude') cells.latitude = '';
			if (kind === 'a future day') cells.event_date = '2030-01-01';
			if (kind === 'a duplicate id') cells.event_id_cnty = 'UKR1';
			if (kind === 'a formula') {
				cells.latitude = '';
				cells.notes = '=HYPERLINK("http://evil.example","x")';
			}
		}
		lines.push(Papa.unparse([ACLED_COLUMNS.map((c) => cells[c]!)], { newline: '\n' }));
	}
	const file = join(scratch, 'acled-12000.csv');
	writeFileSync(file, `${lines.join('\n')}\n`);
	return { file, bad };
}

const { file, bad } = acledFile();

function importTo(dir: string, ...args: string[]) {
	return runScript('scripts/import.ts', [file, '--published', '2025-04-12', ...args, '--out', dir]);
}

describe('npm run import of 12,000 ACLED rows', { timeout: 120_000 }, () => {
	const dir = join(scratch, 'story');
	const imported = importTo(dir);

	it('writes the columnar form, and says so', () => {
		expect(ROWS).toBeGreaterThan(MAX_GEOJSON_EVENTS);
		expect(imported.code).toBe(0);
		expect(imported.out).toMatch(/^11,988 rows imported, 12 not: see .*rejected\.csv$/m);
		expect(imported.out).toMatch(
			/in the columnar form: events\.arrow \(11,988 events\), text\/ \(12 chunks of their words\), places\.geojson \(\d+ places\), article\.txt/
		);
		expect(readdirSync(dir).sort()).toEqual([
			'article.txt',
			'events.arrow',
			'places.geojson',
			'rejected.csv',
			'text'
		]);
		expect(readdirSync(join(dir, 'text')).length).toBe(12);
	});

	it('check:data accepts the folder', () => {
		const checked = runScript('scripts/check-data.ts', [dir]);
		expect(checked.err).toBe('');
		expect(checked.code).toBe(0);
		expect(checked.out).toMatch(
			/^✓ 11,988 events and \d+ places check out \(.*events\.arrow, .*text\/ with 12 text chunks, .*places\.geojson, .*article\.txt\)\.$/m
		);
	});

	it('every row is an event or a line of rejected.csv, exactly once, and keeps its row number', () => {
		const read = readEventTable(new Uint8Array(readFileSync(join(dir, 'events.arrow'))));
		if (!read.ok) throw new Error(read.message);
		const { table } = read;
		const rejected = Papa.parse<string[]>(
			readFileSync(join(dir, 'rejected.csv'), 'utf8').trimEnd()
		).data.slice(1);
		const rows = [...Array.from(table.row), ...rejected.map((r) => Number(r[0]))].sort(
			(a, b) => a - b
		);
		expect(rows).toEqual(Array.from({ length: ROWS }, (_, i) => i + 2));
		expect(new Map(rejected.map((r) => [Number(r[0]), r[1]]))).toEqual(
			new Map(
				[...bad].map(([row, kind]) => [
					row,
					kind === 'a future day'
						? 'event_date'
						: kind === 'a duplicate id'
							? 'event_id_cnty'
							: 'latitude'
				])
			)
		);
		// A formula in a rejected row is text to a spreadsheet.
		expect(rejected.flat()).toContain(`'=HYPERLINK("http://evil.example","x")`);
	});

	it("each event's words sit in its chunk, in table order, and begin with its row", () => {
		const read = readEventTable(new Uint8Array(readFileSync(join(dir, 'events.arrow'))));
		if (!read.ok) throw new Error(read.message);
		const { table, meta } = read;
		expect(meta).toMatchObject({ published: '2025-04-12', title: 'Imported from acled-12000.csv' });
		for (const chunk of [0, 7, 11]) {
			const words = JSON.parse(
				readFileSync(join(dir, 'text', `${chunk}.json`), 'utf8')
			) as EventText[];
			expect(words.length).toBe(chunk === 11 ? 988 : 1000);
			words.forEach((text, k) => {
				const i = chunk * 1000 + k;
				expect(text.id).toBe(eventId(table, i));
				expect(text.source[0]).toMatch(new RegExp(`^Row ${table.row[i]} \\(UKR\\d+\\): `));
			});
		}
		expect(readFileSync(join(dir, 'article.txt'), 'utf8')).toMatch(
			/^Imported from acled-12000\.csv \(an ACLED export, UTF-8, comma-separated\) on \d{4}-\d{2}-\d{2}\. This is not an article/
		);
	});

	it('check:data names a missing chunk and a stray one', () => {
		const broken = join(scratch, 'broken');
		expect(importTo(broken).code).toBe(0);
		unlinkSync(join(broken, 'text', '3.json'));
		writeFileSync(join(broken, 'text', '12.json'), '[]');
		const checked = runScript('scripts/check-data.ts', [broken]);
		expect(checked.code).toBe(1);
		expect(checked.err).toMatch(/^✗ 2 problems in the story:$/m);
		expect(checked.err).toMatch(
			/text\/3\.json: is missing: it holds the words of events 3,001 onwards\.$/m
		);
		expect(checked.err).toMatch(/text\/12\.json: is not a chunk of this table/m);
	});

	it('--format geojson writes the GeoJSON form; importing again over a story is refused', () => {
		const again = join(scratch, 'again');
		const geojson = importTo(again, '--format', 'geojson');
		expect(geojson.code).toBe(0);
		expect(geojson.out).toMatch(/^ {2}Wrote .*: events\.geojson, places\.geojson/m);
		expect(geojson.out).toMatch(/^ {2}GeoJSON as asked: past 5,000 events the columnar form/m);
		expect(readdirSync(again).sort()).toEqual([
			'article.txt',
			'events.geojson',
			'places.geojson',
			'rejected.csv'
		]);
		const over = importTo(again);
		expect(over.code).toBe(1);
		expect(over.err).toMatch(/^import: --out .*again holds a story already/m);
		expect(existsSync(join(again, 'events.arrow'))).toBe(false);
	});
});

describe('npm run import --format columnar on a small file', { timeout: 60_000 }, () => {
	it('the ACLED fixture as a columnar story passes check:data', () => {
		const dir = join(scratch, 'small');
		const fixture = join(root, 'tests/fixtures/import/acled.csv');
		const imported = runScript('scripts/import.ts', [
			fixture,
			'--published',
			'2025-04-12',
			'--format',
			'columnar',
			'--out',
			dir
		]);
		expect(imported.code).toBe(0);
		expect(imported.out).toMatch(/^4 rows imported, 4 not: see /m);
		expect(imported.out).toContain('events.arrow (4 events), text/ (1 chunk of their words)');
		const checked = runScript('scripts/check-data.ts', [join(dir, 'events.arrow')]);
		expect(checked.code).toBe(0);
		expect(checked.out).toMatch(/^✓ 4 events and 4 places check out/m);
	});

	it('--format must be geojson or columnar', () => {
		const { code, err } = runScript('scripts/import.ts', [
			'x.csv',
			'--out',
			'd',
			'--format',
			'parquet'
		]);
		expect(code).toBe(2);
		expect(err).toMatch(
			/^import: --format is geojson or columnar \(the default: columnar past 5,000 events\), not "parquet"$/m
		);
	});
});
