import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeBadFiles } from '../../helpers/bad-files';

const root = resolve(import.meta.dirname, '../../..');
/** The bad files on disk, named as the CLI prints them (relative to the project). */
const bad = relative(root, writeBadFiles(mkdtempSync(join(tmpdir(), 'bad-story-'))));

function checkData(...args: string[]) {
	const run = spawnSync(
		'npx',
		['vite-node', '--config', 'scripts/vite.config.ts', 'scripts/check-data.ts', '--', ...args],
		{
			cwd: root,
			encoding: 'utf8'
		}
	);
	return { code: run.status, out: run.stdout, err: run.stderr };
}

describe('npm run check:data', () => {
	it('checks every story in geodata/stories, one line each', () => {
		const { code, out } = checkData();
		expect(code).toBe(0);
		expect(out).toMatch(/^✓ witkoff-putin-st-petersburg: 20 events and 11 places check out/m);
	});

	it('fails on bad files, listing each problem with file, feature and field, without a stack trace', () => {
		const { code, err } = checkData(
			`${bad}/bad-date.events.geojson`,
			`${bad}/swapped.places.geojson`
		);
		expect(code).toBe(1);
		expect(err).toMatch(/^✗ \d+ problems in the story:$/m);
		expect(err).toContain(
			`${bad}/bad-date.events.geojson › kryvyi-rih-strike › start: "2025-02-30" is not a real date.`
		);
		expect(err).toContain(`${bad}/swapped.places.geojson › kryvyi-rih › geometry.coordinates:`);
		expect(err).not.toMatch(/\n\s+at /);
	});

	it("completes the files given with the default story's", () => {
		// The minimal example quotes a sentence the default story's article also holds.
		const { code, out } = checkData(
			'tests/fixtures/minimal/events.geojson',
			'tests/fixtures/minimal/places.geojson'
		);
		expect(code).toBe(0);
		expect(out).toContain(
			'✓ 1 event and 1 place check out (tests/fixtures/minimal/events.geojson, tests/fixtures/minimal/places.geojson, geodata/stories/witkoff-putin-st-petersburg/article.txt).'
		);
	});

	it('says so when a file does not exist', () => {
		const { code, err } = checkData('nowhere/events.geojson');
		expect(code).toBe(1);
		expect(err).toMatch(/nowhere\/events\.geojson: cannot be read \(no such file\)/);
	});
});

type Folder = 'good' | 'wrong-country' | 'article-only';

/** A folder of stories made from the minimal example, one way or another. */
function storiesDir(folders: Record<string, Folder>): string {
	const dir = mkdtempSync(join(tmpdir(), 'stories-'));
	for (const [name, kind] of Object.entries(folders)) {
		const story = join(dir, name);
		mkdirSync(story);
		if (kind === 'article-only') {
			cpSync('tests/fixtures/minimal/article.txt', join(story, 'article.txt'));
			continue;
		}
		cpSync('tests/fixtures/minimal', story, { recursive: true });
		if (kind === 'wrong-country') {
			const places = readFileSync(join(story, 'places.geojson'), 'utf8');
			writeFileSync(join(story, 'places.geojson'), places.replace('"BE"', '"FR"'));
		}
	}
	return relative(root, dir);
}

describe('npm run check:data -- --stories DIR', () => {
	it.each<{
		name: string;
		folders: Record<string, Folder>;
		code: number;
		out: RegExp[];
		err: RegExp[];
	}>([
		{
			name: 'passes when every story does',
			folders: { alpha: 'good', beta: 'good' },
			code: 0,
			out: [/^✓ alpha: 1 event and 1 place check out/m, /^✓ beta: 1 event and 1 place check out/m],
			err: []
		},
		{
			name: 'fails on one bad story and still checks the next',
			folders: { 'a-bad': 'wrong-country', 'b-good': 'good' },
			code: 1,
			out: [/^✓ b-good: /m],
			err: [
				/^✗ a-bad: 1 problem:$/m,
				/a-bad\/places\.geojson › brussels › geometry\.coordinates: .* outside its country FR/
			]
		},
		{
			name: 'names the files a story lacks',
			folders: { alpha: 'good', half: 'article-only' },
			code: 1,
			out: [/^✓ alpha: /m],
			err: [/^✗ half: files missing$/m, /half\/events\.geojson: cannot be read \(no such file\)/]
		},
		{
			name: 'refuses a folder whose name cannot be a URL',
			folders: { alpha: 'good', 'Not A Slug': 'good' },
			code: 1,
			out: [/^✓ alpha: /m],
			err: [/^✗ Not A Slug: a story's folder name is its URL/m]
		},
		{
			name: 'fails on a folder with no stories',
			folders: {},
			code: 1,
			out: [],
			err: [/: no stories \(one folder per story\)\.$/m]
		}
	])('$name', ({ folders, code, out, err }) => {
		const run = checkData('--stories', storiesDir(folders));
		expect(run.code).toBe(code);
		for (const line of out) expect(run.out).toMatch(line);
		for (const line of err) expect(run.err).toMatch(line);
		expect(run.out.match(/^✓/gm)?.length ?? 0).toBe(out.length);
	});

	it.each([
		{ args: ['--stories'], says: /--stories needs a folder/ },
		{ args: ['--stories', 'geodata/stories', 'a.txt'], says: /either --stories or files/ },
		{ args: ['--story', 'x'], says: /unknown option --story/ }
	])('explains its usage for $args', ({ args, says }) => {
		const { code, err } = checkData(...args);
		expect(code).toBe(2);
		expect(err).toMatch(says);
		expect(err).toMatch(/usage: npm run check:data/);
	});
});
