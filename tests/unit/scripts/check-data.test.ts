import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shippedBasemap } from '../../../scripts/lib/natural-earth';
import { readStoryFiles, storyFilePaths } from '../../../scripts/lib/story-files';
import { prepareStory } from '../../../src/lib/derive/prepare-story';
import { formatProblem } from '../../../src/lib/story/problems';
import { writeBadFiles } from '../../helpers/bad-files';
import {
	ACLED_FEATURES,
	ACLED_PROBLEMS_EACH,
	actsOnScreen,
	writeHostileFiles
} from '../../helpers/hostile-files';

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

/** The hostile files of issue 12 on disk, named as the CLI prints them. */
const hostile = relative(root, writeHostileFiles(mkdtempSync(join(tmpdir(), 'hostile-story-'))));
const ESC = '\u001b';
/** A file name that clears the screen and writes the clipboard, if printed raw. */
const escapingName = `${ESC}]52;c;cm0=\u0007${ESC}[2J.events.geojson`;
writeFileSync(join(hostile, escapingName), readFileSync(join(hostile, 'escapes.events.geojson')));

describe('npm run check:data on hostile input (issue 12)', () => {
	const acledTotal = ACLED_FEATURES * ACLED_PROBLEMS_EACH;
	it.each<{ file: string; code: number; out?: RegExp[]; err?: RegExp[]; lines?: number }>([
		{
			file: 'acled.events.geojson',
			code: 1,
			err: [
				new RegExp(`^✗ ${acledTotal.toLocaleString('en-GB')} problems in the story:$`, 'm'),
				/acled\.events\.geojson › feature 1 › title: is missing\.$/m,
				new RegExp(
					`acled\\.events\\.geojson: and ${(acledTotal - 500).toLocaleString('en-GB')} more problems\\.$`,
					'm'
				)
			],
			// The count, the first 500 and the line for the rest.
			lines: 502
		},
		{
			file: 'deep-id.events.geojson',
			code: 1,
			err: [
				/› feature 1 › id: must be a slug like "kryvyi-rih" \(lower-case letters, digits and hyphens\), not a list\.$/m
			]
		},
		{
			file: 'huge-id.events.geojson',
			code: 1,
			err: [/› feature 1 \("x{40}…"\) › id: "x{60}…" is not a slug/]
		},
		{
			file: 'escapes.events.geojson',
			code: 1,
			err: [
				/› id: "\\u001B\[2J\\u001B\[H✓ aid: 1 event and 1 place check out\.\\u001B]52;c;cm0gLXJmI…" is not a slug/,
				/› category: contains the control character U\+001B at character 1/
			]
		},
		{
			file: escapingName,
			code: 1,
			err: [/^ {2}\S*\/\\u001B]52;c;cm0=\\u0007\\u001B\[2J\.events\.geojson › /m]
		},
		{
			file: 'bidi-title.events.geojson',
			code: 1,
			err: [
				/bidi-title\.events\.geojson › aid › title: contains the bidirectional control character U\+202E at character 8, /
			]
		},
		{ file: 'year-0050.events.geojson', code: 0, out: [/^✓ 1 event and \d+ places check out/m] },
		{
			file: 'leap-0050.events.geojson',
			code: 1,
			err: [/leap-0050\.events\.geojson › aid › start: "0050-02-29" is not a real date\.$/m]
		}
	])('$file', ({ file, code, out = [], err = [], lines }) => {
		const run = checkData(`${hostile}/${file}`);
		const printed = run.out + run.err;
		expect(run.code, printed.slice(0, 2000)).toBe(code);
		for (const line of out) expect(run.out).toMatch(line);
		for (const line of err) expect(run.err).toMatch(line);
		if (lines !== undefined) expect(run.err.trimEnd().split('\n')).toHaveLength(lines);
		// Nothing printed can act on the terminal, fake a pass, or crash the check.
		expect(actsOnScreen(printed)).toBe(false);
		if (code !== 0) expect(run.out).not.toMatch(/^✓/m);
		expect(printed).not.toMatch(/failed unexpectedly|\n\s+at /);
		expect(printed.length).toBeLessThan(100_000);
	});
});

/** A places file: the minimal example's Brussels and the places given. */
function placesFile(dir: string, places: Array<[string, string, string | null, number, number]>) {
	const features = [['brussels', 'city', 'BE', 4.3517, 50.8503] as const, ...places].map(
		([id, kind, country, lon, lat]) => ({
			type: 'Feature',
			geometry: { type: 'Point', coordinates: [lon, lat] },
			properties: { id, name: id, kind, ...(country ? { country } : {}) }
		})
	);
	const path = join(dir, 'places.geojson');
	writeFileSync(path, JSON.stringify({ type: 'FeatureCollection', features }));
	return path;
}

/** The minimal event, involving the places given as well as Brussels. */
function eventsFile(dir: string, others: string[]) {
	const events = JSON.parse(readFileSync('tests/fixtures/minimal/events.geojson', 'utf8'));
	events.features[0].properties.places = others;
	const path = join(dir, 'events.geojson');
	writeFileSync(path, JSON.stringify(events));
	return path;
}

describe('check:data and the atlas agree (one basemap, one slack)', () => {
	it.each<{
		name: string;
		places: Array<[string, string, string | null, number, number]>;
		others: string[];
		code: number;
		says: RegExp[];
	}>([
		{
			// Each passed the old check (Natural Earth 1:50m, 10 km) and failed in the atlas.
			name: 'places on small islands the atlas map leaves out',
			places: [
				['adak', 'city', 'US', -176.6581, 51.88],
				['taveuni', 'city', 'FJ', -179.97, -16.85],
				['nukualofa', 'city', 'TO', -175.2, -21.13]
			],
			others: [],
			code: 1,
			says: [
				/adak › geometry\.coordinates: \[-176\.6581, 51\.88\] lies outside its country US\./,
				/taveuni › geometry\.coordinates: \[-179\.97, -16\.85\] lies outside its country FJ\./,
				/nukualofa › country: "TO" is not a country on the Natural Earth basemap\./
			]
		},
		{
			// These threw in the atlas's great-circle arcs, so the story never loaded.
			name: 'an event joining antipodes',
			places: [
				['antipode', 'sea', null, -175.6483, -50.8503],
				['suva', 'city', 'FJ', 178.4419, -18.1416],
				['suva-antipode', 'sea', null, -1.5581, 18.1416]
			],
			others: ['antipode', 'suva', 'suva-antipode'],
			code: 0,
			says: [/^✓ 1 event and 4 places check out/m]
		}
	])('$name', ({ places, others, code, says }) => {
		const dir = relative(root, mkdtempSync(join(tmpdir(), 'agree-')));
		const paths = [placesFile(dir, places), eventsFile(dir, others)];
		const run = checkData(...paths);
		expect(run.code, run.out + run.err).toBe(code);
		for (const line of says) expect(run.out + run.err).toMatch(line);
		// The atlas's loader, on the same files: the same verdict and the same problems.
		const files = readStoryFiles(storyFilePaths(paths));
		if ('unreadable' in files) throw new Error(files.unreadable.join('\n'));
		for (const role of ['events', 'places', 'article'] as const) {
			files[role].name = relative(root, files[role].name);
		}
		const loaded = prepareStory(files, JSON.parse(JSON.stringify(shippedBasemap())));
		expect(loaded.ok).toBe(code === 0);
		const problems = loaded.ok ? [] : loaded.problems.map((p) => `  ${formatProblem(p)}`);
		expect(run.err.split('\n').filter((line) => line.startsWith('  '))).toEqual(problems);
		if (loaded.ok) expect(loaded.layers.links.features).toHaveLength(others.length);
	});
});
