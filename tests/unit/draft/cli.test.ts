import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const tmp = mkdtempSync(join(tmpdir(), 'draft-cli-'));

// The corpus score has its own test below; elsewhere eval:draft scores the seed story only.
const noCorpus = mkdtempSync(join(tmpdir(), 'no-corpus-'));

function run(script: 'draft' | 'eval-draft', ...args: string[]) {
	const result = spawnSync(
		'npx',
		['vite-node', '--config', 'scripts/vite.config.ts', `scripts/${script}.ts`, '--', ...args],
		{ cwd: root, encoding: 'utf8', env: { ...process.env, STORY_ATLAS_CORPORA: noCorpus } }
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
	it('prints a summary and, with --json, one object in the story format on the last line', () => {
		const article = 'geodata/stories/witkoff-putin-st-petersburg/article.txt';
		const { code, out } = run('draft', article, '--published', '2025-04-12', '--json');
		expect(code).toBe(0);
		expect(out).toMatch(/Drafted ".+" \(published 2025-04-12\): \d+ events at \d+ places/);
		const json = JSON.parse(lastLine(out)) as {
			title: string;
			published: string;
			events: { type: string; features: Array<{ properties: { place: string } }> };
			places: { type: string; features: Array<{ properties: { id: string; kind: string } }> };
			mentions: Array<Record<string, unknown>>;
		};
		expect(Object.keys(json).sort()).toEqual([
			'events',
			'mentions',
			'places',
			'published',
			'title'
		]);
		expect([json.events.type, json.places.type, json.published]).toEqual([
			'FeatureCollection',
			'FeatureCollection',
			'2025-04-12'
		]);
		const text = readFileSync(resolve(root, article), 'utf8');
		for (const m of json.mentions) {
			expect(Object.keys(m)).toEqual(
				expect.arrayContaining([
					'text',
					'start',
					'end',
					'place',
					'name',
					'kind',
					'country',
					'coordinates'
				])
			);
			expect(text.slice(m.start as number, m.end as number)).toBe(m.text);
		}
		expect(json.mentions.map((m) => m.text)).toEqual(
			expect.arrayContaining([
				'St Petersburg',
				'Kryvyi Rih',
				'Saudi Arabia',
				'Washington',
				'Cyprus'
			])
		);
		const ids = new Set(json.places.features.map((f) => f.properties.id));
		expect(json.events.features.every((f) => ids.has(f.properties.place))).toBe(true);
		expect(json.events.features.length).toBeGreaterThan(10);
	}, 60_000);

	it('writes a story folder with --out that check:data accepts', () => {
		const dir = join(tmp, 'story');
		const { code, out } = run(
			'draft',
			'geodata/stories/witkoff-putin-st-petersburg/article.txt',
			'--published',
			'2025-04-12',
			'--out',
			dir
		);
		expect(code).toBe(0);
		expect(out).toContain(`Wrote a story folder to ${dir}`);
		const check = spawnSync(
			'npx',
			['vite-node', '--config', 'scripts/vite.config.ts', 'scripts/check-data.ts', '--', dir],
			{
				cwd: root,
				encoding: 'utf8'
			}
		);
		expect(check.status, check.stderr).toBe(0);
		expect(check.stdout).toMatch(/✓ \d+ events and \d+ places check out/);
	}, 90_000);

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
		expect(err).toMatch(/recall \d+(\.\d)?% is below 100\.0%/);
	}, 60_000);

	it('says so and skips the corpus where it is absent, as on a reader’s clone', () => {
		const { code, out } = run('eval-draft');
		expect(code).toBe(0);
		expect(out).toMatch(/LGL: skipped, .*lgl\.json is not here/);
		expect((JSON.parse(lastLine(out)) as { lgl: unknown }).lgl).toBeNull();
	}, 60_000);
});
