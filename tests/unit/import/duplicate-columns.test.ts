/**
 * Two columns of one header name, through the studio's import: the column the user chose is the
 * column read, whichever of the two it is, and every message tells the two apart.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shippedBasemap } from '../../../scripts/lib/natural-earth';
import { countryIndex } from '../../../src/lib/import/countries';
import type { Field } from '../../../src/lib/import/guess-columns';
import { mappingFrom } from '../../../src/lib/import/inspect';
import { inspectFile, runImport, type Deps } from '../../../src/lib/studio/import-job';
import { parseIsoDate } from '../../../src/lib/story/dates';

const index = countryIndex(shippedBasemap());
const deps: Deps = {
	countries: async () => index,
	gazetteer: () => Promise.reject(new Error('no row here needs the gazetteer')),
	latest: parseIsoDate('2025-04-12')!
};

const HEADER = ['date', 'lat', 'lon', 'category', 'date', 'notes', 'notes'];
const ROWS = [
	HEADER,
	['2025-04-01', '50.4501', '30.5234', 'war', '2025-04-03', 'First note.', 'Second note.'],
	['2025-04-02', '49.9935', '36.2304', 'war', 'not a date', 'Third note.', 'Fourth note.']
];
const file = (rows: string[][], name = 'twice.csv') =>
	new File([rows.map((r) => r.join(',')).join('\n') + '\n'], name);

describe('two columns named "date" and two named "notes", in the studio', () => {
	it('the guess asks which, naming each by its number', async () => {
		const inspected = await inspectFile(file(ROWS));
		if (!inspected.ok || inspected.inspection.kind !== 'mapping') throw new Error('no mapping');
		expect(inspected.inspection.fields.date).toEqual([]);
		expect(inspected.inspection.problems).toEqual(
			expect.arrayContaining([
				'"date (column 1)" and "date (column 5)" could each be the date: say which with --map 1=date (and --map 5=ignore).',
				'"notes (column 6)" and "notes (column 7)" could each be the summary: say which with --map 6=summary (and --map 7=ignore).'
			])
		);
	});

	it.each<[string, number, number, [string, string][], [number, string][]]>([
		[
			'the first date, the second notes',
			0,
			6,
			[
				['2025-04-01', 'Second note.'],
				['2025-04-02', 'Fourth note.']
			],
			[]
		],
		[
			'the second date, the first notes',
			4,
			5,
			[['2025-04-03', 'First note.']],
			[[3, 'date (column 5)']]
		]
	])('%s: the column chosen is the one read', async (_, date, notes, events, rejected) => {
		const inspected = await inspectFile(file(ROWS));
		if (!inspected.ok || inspected.inspection.kind !== 'mapping') throw new Error('no mapping');
		const fields: Record<Field, number[]> = {
			...inspected.inspection.fields,
			date: [date],
			summary: [notes]
		};
		const outcome = await runImport(
			file(ROWS),
			{ mapping: mappingFrom(inspected.inspection.header, fields) },
			deps
		);
		if (!outcome.ok) throw new Error(outcome.message);
		expect(outcome.project!.events.map((e) => [e.start, e.summary])).toEqual(events);
		expect(outcome.listed.map((r) => [r.row, r.column])).toEqual(rejected);
	});

	it('an ACLED export with a column twice is refused, both columns named', async () => {
		const acled = readFileSync(
			join(import.meta.dirname, '../../fixtures/import/acled.csv'),
			'utf8'
		);
		const [header, ...rest] = acled.split('\r\n');
		const twice = [
			header + ',notes',
			...rest.map((line) => (line ? `${line},"Our own note."` : line))
		];
		const outcome = await runImport(new File([twice.join('\r\n')], 'acled-notes.csv'), {}, deps);
		expect(outcome).toEqual({
			ok: false,
			message:
				"acled-notes.csv its header is an ACLED export's with a column twice: notes (columns 28 and 32). Delete or rename the one not to read."
		});
	});
});
