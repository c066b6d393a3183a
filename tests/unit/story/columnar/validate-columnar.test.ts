import { describe, expect, it } from 'vitest';
import { shippedCountryLookup } from '../../../../scripts/lib/natural-earth';
import { tableFromIPC, tableToIPC } from 'apache-arrow';
import { writeEventTable } from '../../../../src/lib/story/columnar/arrow-table';
import { chunkChecksum } from '../../../../src/lib/story/checksum';
import { MAX_EVENTS_ARROW_BYTES } from '../../../../src/lib/story/columnar/layout';
import {
	validateColumnarStory,
	type ColumnarFiles
} from '../../../../src/lib/story/columnar/validate-columnar';
import { parseIsoDate } from '../../../../src/lib/story/dates';
import { countProblems, formatProblem } from '../../../../src/lib/story/problems';
import {
	META,
	PLACES_GEOJSON,
	ROWS,
	tableOf,
	textOf,
	type Row
} from '../../../helpers/event-tables';

const TODAY = parseIsoDate('2026-01-01')!;
const countries = shippedCountryLookup();

/** A story folder in memory: `rows` as events.arrow, their words as text chunks. */
function folder(
	rows: readonly Row[],
	change: {
		events?: Uint8Array;
		article?: string;
		places?: string;
		chunks?: Record<string, string> | null;
	} = {}
): ColumnarFiles {
	const chunks: Record<string, string> | null =
		change.chunks === undefined
			? Object.fromEntries(
					Array.from({ length: Math.ceil(rows.length / 1000) }, (_, n) => [
						`${n}.json`,
						JSON.stringify(rows.slice(n * 1000, n * 1000 + 1000).map((r) => textOf(r.id, r.row)))
					])
				)
			: change.chunks;
	return {
		events: {
			name: 'events.arrow',
			contents:
				change.events ??
				writeEventTable(tableOf(rows), {
					...META,
					chunks: Object.values(chunks ?? {}).map((json) => chunkChecksum(json))
				})
		},
		places: { name: 'places.geojson', contents: change.places ?? PLACES_GEOJSON },
		article: {
			name: 'article.txt',
			contents: change.article ?? 'Imported from acled.csv (an ACLED export) on 2025-04-12.'
		},
		text: {
			folder: 'text',
			names: chunks ? Object.keys(chunks) : null,
			read: (name) => chunks?.[name] ?? { unreadable: `${name}: cannot be read (no such file).` }
		}
	};
}

const check = (files: ColumnarFiles) => validateColumnarStory(files, { today: TODAY, countries });
const lines = (files: ColumnarFiles) => {
	const result = check(files);
	return result.ok ? [] : result.problems.map(formatProblem);
};

/** 2,500 events in order, in Kyiv and Kharkiv: three chunks. */
const MANY: Row[] = Array.from({ length: 2500 }, (_, i) => ({
	...ROWS[i % 2]!,
	id: `e${String(i).padStart(5, '0')}`,
	start: '2025-04-01',
	end: '2025-04-01',
	row: i + 2
}));

describe('validateColumnarStory', () => {
	it('a good folder passes, with its table, places and chunk count', () => {
		const result = check(folder(ROWS));
		expect(result.ok ? [] : result.problems).toEqual([]);
		if (!result.ok) return;
		expect(result.table.length).toBe(3);
		expect(result.places.map((p) => p.id)).toEqual(['kyiv', 'kharkiv']);
		expect(result.chunks).toBe(1);
		expect(result.meta).toEqual({ ...META, chunks: [expect.stringMatching(/^[0-9a-f]{16}$/)] });
	});

	it('2,500 events in three chunks pass', () => {
		const result = check(folder(MANY));
		expect(result.ok ? [] : result.problems).toEqual([]);
		expect(result.ok && result.chunks).toBe(3);
	});

	it.each<[string, ColumnarFiles, RegExp]>([
		[
			'no text folder',
			folder(ROWS, { chunks: null }),
			/^text: is missing: the 3 events' words are in 1 files there, 0\.json to 0\.json\.$/
		],
		[
			'a chunk missing',
			folder(MANY, {
				chunks: {
					'0.json': JSON.stringify(MANY.slice(0, 1000).map((r) => textOf(r.id, r.row))),
					'2.json': JSON.stringify(MANY.slice(2000).map((r) => textOf(r.id, r.row)))
				}
			}),
			/^text\/1\.json: is missing: it holds the words of events 1,001 onwards\.$/
		],
		[
			'a stray chunk',
			folder(ROWS, {
				chunks: { '0.json': JSON.stringify(ROWS.map((r) => textOf(r.id, r.row))), '1.json': '[]' }
			}),
			/^text\/1\.json: is not a chunk of this table: its 3 events take 0\.json to 0\.json\.$/
		],
		[
			"a chunk given another chunk's words under its own ids",
			folder(ROWS, {
				events: writeEventTable(tableOf(ROWS), {
					...META,
					chunks: [chunkChecksum(JSON.stringify(ROWS.map((r) => textOf(r.id, r.row))))]
				}),
				chunks: {
					'0.json': JSON.stringify(
						ROWS.map((r, i) => ({ ...textOf(r.id, r.row), title: `Strike ${207 + i} in Odesa` }))
					)
				}
			}),
			/^text\/0\.json: does not match the checksum events\.arrow keeps of it/
		],
		[
			'events.arrow that keeps no checksums of its chunks',
			folder(ROWS, { events: writeEventTable(tableOf(ROWS), META) }),
			/^events\.arrow: keeps 0 checksums of text chunks in its metadata for the 1 chunks/
		],
		[
			'events.arrow that is GeoJSON',
			folder(ROWS, { events: new TextEncoder().encode('{"type":"FeatureCollection"}') }),
			/^events\.arrow: is not an Arrow IPC file/
		],
		[
			'events.arrow over its limit',
			folder(ROWS, { events: new Uint8Array(MAX_EVENTS_ARROW_BYTES + 1048576) }),
			/^events\.arrow: is 129 MB; the limit is 128 MB\.$/
		],
		[
			'an empty article.txt',
			folder(ROWS, { article: ' \n' }),
			/^article\.txt: is empty: a dataset's article\.txt says where its rows came from\.$/
		],
		[
			'an article.txt with a terminal escape',
			folder(ROWS, { article: 'Imported.\nRow 2 \u001B[2J' }),
			/^article\.txt: contains the control character U\+001B on line 2/
		],
		[
			'a place outside its country',
			folder(ROWS, { places: PLACES_GEOJSON.replace('"country":"UA"', '"country":"PL"') }),
			/^places\.geojson › kyiv › geometry\.coordinates: \[30\.5234, 50\.4501\] lies outside its country PL/
		],
		[
			'an event whose place is not in places.geojson',
			folder(ROWS.map((r) => ({ ...r, place: r.place === 'kharkiv' ? 'odesa' : r.place }))),
			/^events\.arrow › ukr2 › place: "odesa" is not a place id in the places file\.$/
		]
	])('%s', (_, files, message) => {
		expect(lines(files)).toContainEqual(expect.stringMatching(message));
	});

	it('a place the places file names but cannot take is reported there, not at each event', () => {
		const result = lines(
			folder(ROWS, { places: PLACES_GEOJSON.replace('"country":"UA"', '"country":"PL"') })
		);
		expect(result.filter((line) => line.startsWith('events.arrow'))).toEqual([]);
	});

	it('chunks of another schema: the listing stops, the count does not', () => {
		const chunks = Object.fromEntries(
			[0, 1, 2].map((n) => [
				`${n}.json`,
				JSON.stringify(MANY.slice(n * 1000, n * 1000 + 1000).map(() => ({})))
			])
		);
		// Each event's words are an empty object, without the event's id: 2,500 problems.
		const result = check(folder(MANY, { chunks }));
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(countProblems(result.problems)).toBe(2500);
		expect(result.problems).toHaveLength(501);
		expect(result.problems.at(-1)).toMatchObject({
			file: 'text',
			message: 'and 2,000 more problems in its chunks.',
			more: 2000
		});
	});
});

describe('a damaged events.arrow', () => {
	// A fixed sequence of damage: the same files every run.
	let seed = 20;
	const random = () => {
		seed = (seed * 16807) % 2147483647;
		return seed / 2147483647;
	};
	const damaged = (good: Uint8Array) => {
		const bytes = good.slice();
		const hits = 1 + Math.floor(random() * 8);
		for (let k = 0; k < hits; k++)
			bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
		return bytes;
	};
	const file = writeEventTable(tableOf(MANY), META);
	const stream = tableToIPC(tableFromIPC(file), 'stream');

	// Found by this test: one byte of the footer made Arrow loop until the heap ran out.
	it.each([
		['file', file, 400],
		['stream', stream, 200]
	] as const)(
		'as an IPC %s: sentences, never a throw or a crash, whatever bytes are changed',
		(_, good, attempts) => {
			const outcomes = new Set<string>();
			for (let attempt = 0; attempt < attempts; attempt++) {
				const result = check(folder(MANY, { events: damaged(good) }));
				outcomes.add(result.ok ? 'ok' : 'problems');
				if (!result.ok)
					for (const problem of result.problems) expect(problem.message).toMatch(/\S/);
			}
			expect(outcomes.has('problems')).toBe(true);
		}
	);

	it('cut anywhere: a sentence', () => {
		for (let i = 0; i < 60; i++) {
			const result = check(
				folder(MANY, { events: file.slice(0, Math.floor(random() * file.length)) })
			);
			expect(result.ok).toBe(false);
		}
	});
});
