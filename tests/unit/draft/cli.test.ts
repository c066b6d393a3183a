import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const tmp = mkdtempSync(join(tmpdir(), 'draft-cli-'));

function run(script: 'draft' | 'eval-draft', ...args: string[]) {
	const result = spawnSync(
		'npx',
		['vite-node', '--config', 'scripts/vite.config.ts', `scripts/${script}.ts`, '--', ...args],
		{ cwd: root, encoding: 'utf8' }
	);
	return { code: result.status, out: result.stdout, err: result.stderr };
}

function file(name: string, contents: string | Uint8Array): string {
	const path = join(tmp, name);
	writeFileSync(path, contents);
	return path;
}

const lastLine = (out: string) => out.trim().split('\n').pop() ?? '';

describe('npm run draft', () => {
	it('prints a summary and, with --json, one JSON object on the last line', () => {
		const { code, out } = run(
			'draft',
			'geodata/stories/witkoff-putin-st-petersburg/article.txt',
			'--published',
			'2025-04-12',
			'--json'
		);
		expect(code).toBe(0);
		expect(out).toMatch(/Drafted ".+" \(published 2025-04-12\): \d+ events at \d+ places/);
		const json = JSON.parse(lastLine(out)) as {
			places: Array<{
				name: string;
				start: number;
				end: number;
				lon: number;
				lat: number;
				country: string;
			}>;
			events: Array<{ id: string; start: string; end: string; source: string[] }>;
		};
		expect(Object.keys(json.places[0]!).sort()).toEqual([
			'country',
			'end',
			'lat',
			'lon',
			'name',
			'start'
		]);
		expect(json.places.map((p) => p.name)).toEqual(
			expect.arrayContaining([
				'St Petersburg',
				'Kryvyi Rih',
				'Saudi Arabia',
				'Washington',
				'Cyprus',
				'EU'
			])
		);
		expect(json.events.length).toBeGreaterThan(10);
	}, 60_000);

	it.each([
		[['nowhere.txt', '--published', '2025-04-12'], /nowhere\.txt: cannot be read \(no such file\)/],
		[[file('empty.txt', '  \n'), '--published', '2025-04-12'], /is empty/],
		[
			[file('binary.txt', new Uint8Array([72, 105, 0, 0, 1, 2])), '--published', '2025-04-12'],
			/not a text file/
		],
		[
			[
				file('latin1.txt', new Uint8Array([0x4b, 0x79, 0x69, 0x76, 0xe9, 0x20])),
				'--published',
				'2025-04-12'
			],
			/not UTF-8 text/
		],
		[
			['geodata/stories/witkoff-putin-st-petersburg/article.txt'],
			/--published YYYY-MM-DD is required/
		],
		[
			['geodata/stories/witkoff-putin-st-petersburg/article.txt', '--published', '2025-13-40'],
			/"2025-13-40" is not a date/
		],
		[
			['geodata/stories/witkoff-putin-st-petersburg/article.txt', '--published'],
			/--published needs a value/
		],
		[[], /usage: npm run draft/],
		[
			[file('cat.txt', 'The cat sat on the mat on Friday.'), '--published', '2025-04-12'],
			/no place found/
		]
	])(
		'fails clearly for %j',
		(args, message) => {
			const { code, err, out } = run('draft', ...args);
			expect(code).toBe(1);
			expect(err.trim().split('\n')).toHaveLength(1);
			expect(err).toMatch(message);
			expect(out).not.toMatch(/\n\s+at /);
		},
		60_000
	);
});

describe('npm run eval:draft', () => {
	it('scores the draft against the story and meets the recall target', () => {
		const { code, out } = run('eval-draft', '--min-recall', '0.8');
		expect(code).toBe(0);
		expect(out).toMatch(/\| story event \| draft event that finds it \|/);
		const json = JSON.parse(lastLine(out)) as {
			recall: number;
			precision: number;
			briefPlaces: Array<{ name: string; found: boolean }>;
			medianMs: number;
		};
		expect(json.recall).toBeGreaterThanOrEqual(0.8);
		expect(json.briefPlaces.every((p) => p.found)).toBe(true);
		expect(json.medianMs).toBeLessThan(1000);
	}, 60_000);

	it('exits 1 when recall is below --min-recall', () => {
		const { code, err } = run('eval-draft', '--json', '--min-recall', '1');
		expect(code).toBe(1);
		expect(err).toMatch(/recall \d+% is below 100%/);
	}, 60_000);
});
