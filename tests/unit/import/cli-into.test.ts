/**
 * `npm run import -- NEWER.csv --into DIR`: a dataset's story updated from a newer file of the
 * dataset by its rows' ids, in either form, with the version written to its history; and the
 * folders and files it refuses, each named, with the story left as it was.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { root, runScript, scratchFolder } from '../../helpers/cli';

const scratch = scratchFolder('import-into-');
const acled = join(root, 'tests/fixtures/import/acled.csv');
const gdelt = join(root, 'tests/fixtures/import/gdelt.tsv');

const importer = (file: string, ...args: string[]) =>
	runScript('scripts/import.ts', [file, '--published', '2025-04-12', ...args]);
const check = (...args: string[]) => runScript('scripts/check-data.ts', args);
const diff = (...args: string[]) => runScript('scripts/story-diff.ts', args);

/**
 * The fixture's rows edited as a newer export of the same dataset: UKR210002 gone, UKR210001's
 * fatalities revised, UKR210009 new, and the rows in another order (every row moves).
 */
function newerFile(name: string): string {
	const rows = Papa.parse<string[]>(readFileSync(acled, 'utf8'), { skipEmptyLines: true }).data;
	const [header, ...data] = rows as [string[], ...string[][]];
	const at = (column: string) => header.indexOf(column);
	// UKR210002 gone; the fixture's second UKR210001 (row 8, rejected) left out, so the order can change.
	const kept = data.filter((r, i) => r[0] !== 'UKR210002' && !(r[0] === 'UKR210001' && i > 0));
	const revised = kept.find((r) => r[0] === 'UKR210001')!;
	revised[at('fatalities')] = '21';
	const added = [...kept.find((r) => r[0] === 'UKR210003')!];
	added[0] = 'UKR210009';
	const path = join(scratch, name);
	writeFileSync(path, Papa.unparse([header, added, ...kept.reverse()]));
	return path;
}

/** Every file under `dir` with its text, to see that nothing changed. */
function snapshot(dir: string): Record<string, string> {
	const out: Record<string, string> = {};
	for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }))
		if (entry.isFile())
			out[join(entry.parentPath, entry.name)] = readFileSync(
				join(entry.parentPath, entry.name),
				'base64'
			);
	return out;
}

/** What an import may leave beside a story by mistake: a stage, the old folder, a .partial file. */
const leftovers = (dir: string) =>
	readdirSync(dir, { recursive: true })
		.map(String)
		.filter((path) => /\.importing-|\.replaced-|\.partial/.test(path));

describe('npm run import --into', { timeout: 120_000 }, () => {
	it.each([['geojson'], ['columnar']])(
		'updates a %s story by id: added, revised, withdrawn, and the version in its history',
		(format) => {
			const parent = join(scratch, format);
			const dir = join(parent, 'story');
			const before = join(parent, 'before');
			expect(importer(acled, '--format', format, '--out', dir).code).toBe(0);
			cpSync(dir, before, { recursive: true });
			writeFileSync(join(dir, 'desk-notes.txt'), 'ours');

			const { code, out, err } = importer(
				newerFile(`${format}.csv`),
				'--into',
				dir,
				'--note',
				'The week’s export.'
			);
			expect(err).toBe('');
			expect(code).toBe(0);
			expect(out).toContain(
				'Version 2 of the story, in ' // the path follows
			);
			expect(out).toMatch(
				/1 added, 1 revised, 1 withdrawn \(no longer in the source\), 2 unchanged/
			);
			// The form is kept, the desk's file too, and nothing is left beside the story.
			expect(existsSync(join(dir, format === 'columnar' ? 'events.arrow' : 'events.geojson'))).toBe(
				true
			);
			expect(readFileSync(join(dir, 'desk-notes.txt'), 'utf8')).toBe('ours');
			expect(leftovers(parent)).toEqual([]);

			const history = JSON.parse(readFileSync(join(dir, 'history.json'), 'utf8'));
			const [first, second] = history.versions;
			expect(first).toMatchObject({ id: '1', note: 'Imported from acled.csv.', changes: [] });
			expect(second.note).toBe('The week’s export.');
			expect(second.changes).toEqual([
				{ event: 'ukr210009', kind: 'added' },
				{
					event: 'ukr210001',
					kind: 'revised',
					old: { source: [expect.stringMatching(/^Row 2 \(UKR210001\): .*fatalities 20\./)] }
				},
				{ event: 'ukr210002', kind: 'withdrawn', reason: 'no longer in the source' }
			]);

			// The withdrawn row's event stays, so the reader shows it struck through.
			const checked = check(dir, '--previous', before);
			expect(checked.err).toBe('');
			expect(checked.out).toMatch(/✓ 5 events and \d+ places check out/);
			const listed = diff(dir);
			expect(listed.code).toBe(0);
			expect(listed.out).toContain('to version 2');
			expect(listed.out).toMatch(
				/withdrawn ukr210002\n\s+withdrawn in version 2: no longer in the source/
			);

			// And a change the history does not record is named, in either form.
			second.changes = second.changes.filter((c: { kind: string }) => c.kind !== 'revised');
			writeFileSync(join(dir, 'history.json'), JSON.stringify(history));
			const unrecorded = check(dir, '--previous', before);
			expect(unrecorded.code).toBe(1);
			expect(unrecorded.err).toMatch(
				/events\.(geojson|arrow) › ukr210001 › source: changed since the previous version with no record/
			);
		}
	);

	it('keeps the first row of an id the newer file has twice, and names the second in rejected.csv', () => {
		// The fixture has UKR210001 on rows 2 and 8, as an import of it says.
		const dir = join(scratch, 'twice');
		expect(importer(acled, '--out', dir).code).toBe(0);
		const { code, out } = importer(acled, '--into', dir);
		expect(code).toBe(0);
		expect(out).toMatch(/0 added, 0 revised, 0 withdrawn .*, 4 unchanged/);
		expect(readFileSync(join(dir, 'rejected.csv'), 'utf8')).toContain(
			'"UKR210001"" is the id of row 2 too; ids must be unique'
		);
		expect(check(dir).code).toBe(0);
	});

	it.each<[string, (dir: string) => void, RegExp]>([
		['no folder', () => {}, /does not exist: --into names the folder of a story imported before/],
		[
			'a folder that is not a story',
			(dir) => {
				mkdirSync(dir);
				writeFileSync(join(dir, 'notes.txt'), 'mine');
			},
			/is not a story folder: it has no events\.geojson or events\.arrow/
		],
		[
			"an article's story",
			(dir) =>
				cpSync(join(root, 'geodata/stories/witkoff-putin-st-petersburg'), dir, { recursive: true }),
			/holds a story that was not imported from a dataset/
		]
	])('refuses %s, naming it, and changes nothing', (name, make, message) => {
		const parent = join(scratch, name.replace(/\W+/g, '-'));
		mkdirSync(parent);
		const dir = join(parent, 'story');
		make(dir);
		const before = snapshot(parent);
		const { code, err } = importer(acled, '--into', dir);
		expect(code).toBe(1);
		expect(err).toContain(`import: --into ${dir} `);
		expect(err).toMatch(message);
		expect(snapshot(parent)).toEqual(before);
	});

	it("refuses a file of another dataset, whose ids are not the story's, and changes nothing", () => {
		const parent = join(scratch, 'other-dataset');
		const dir = join(parent, 'story');
		expect(importer(acled, '--out', dir).code).toBe(0);
		const before = snapshot(parent);
		const { code, err } = importer(gdelt, '--into', dir);
		expect(code).toBe(1);
		expect(err).toContain(
			`gdelt.tsv reads as a GDELT 2.0 event file, but the story in ${dir} was imported from an ACLED export (acled.csv): its ids are another dataset's`
		);
		expect(snapshot(parent)).toEqual(before);
		expect(leftovers(parent)).toEqual([]);
	});
});
