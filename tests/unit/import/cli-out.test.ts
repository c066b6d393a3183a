/**
 * Where `npm run import` writes: only a new or empty folder, the story renamed into place whole,
 * nothing left beside it, whatever happens.
 */
import { spawn } from 'node:child_process';
import {
	copyFileSync,
	cpSync,
	existsSync,
	mkdirSync,
	readFileSync,
	readdirSync,
	writeFileSync
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, runScript, scratchFolder } from '../../helpers/cli';

const scratch = scratchFolder('import-out-');
const acled = join(root, 'tests/fixtures/import/acled.csv');

/** Every path under `dir`, with its bytes, to see that nothing changed. */
function snapshot(dir: string): Record<string, string> {
	const out: Record<string, string> = {};
	for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }))
		if (entry.isFile()) {
			const path = join(entry.parentPath, entry.name);
			out[path] = readFileSync(path, 'base64');
		}
	return out;
}

/** Anything an import leaves beside a story: a stage folder or a .partial file. */
function leftovers(dir: string): string[] {
	return readdirSync(dir, { recursive: true })
		.map(String)
		.filter((path) => /\.importing-|\.partial/.test(path));
}

const run = (out: string, ...args: string[]) =>
	runScript('scripts/import.ts', [acled, '--published', '2025-04-12', ...args, '--out', out]);

describe('npm run import --out', { timeout: 60_000 }, () => {
	it.each<[string, (dir: string) => void, RegExp]>([
		[
			'a seed story',
			(dir) =>
				cpSync(join(root, 'geodata/stories/witkoff-putin-st-petersburg'), dir, { recursive: true }),
			/holds a story already \(.*events\.geojson/
		],
		[
			'a columnar story',
			(dir) => {
				mkdirSync(join(dir, 'text'), { recursive: true });
				writeFileSync(join(dir, 'events.arrow'), 'table');
				writeFileSync(join(dir, 'text', '0.json'), '[]');
			},
			/holds a story already \(events\.arrow\)/
		],
		[
			'a folder of other files',
			(dir) => {
				mkdirSync(join(dir, 'text'), { recursive: true });
				writeFileSync(join(dir, 'text', 'draft.md'), 'mine');
				writeFileSync(join(dir, 'notes.txt'), 'mine too');
			},
			/is not empty \(it holds 2 files or folders/
		],
		['a file', (path) => writeFileSync(path, 'not a folder'), /is a file, not a folder/]
	])('refuses %s, naming it, and changes nothing', (name, make, message) => {
		const parent = join(scratch, name.replace(/\W+/g, '-'));
		mkdirSync(parent);
		const dir = join(parent, 'out');
		make(dir);
		const before = snapshot(parent);
		for (const format of [[], ['--format', 'columnar']]) {
			const { code, err } = run(dir, ...format);
			expect(code).toBe(1);
			expect(err).toContain(`import: --out ${dir} `);
			expect(err).toMatch(message);
			expect(snapshot(parent)).toEqual(before);
		}
	});

	it.each([[[]], [['--format', 'columnar']]])(
		'writes %j into a new or an empty folder and leaves nothing beside it',
		(format) => {
			const parent = join(scratch, `fresh-${format.length}`);
			mkdirSync(join(parent, 'empty'), { recursive: true });
			for (const dir of [join(parent, 'new'), join(parent, 'empty')]) {
				const { code } = run(dir, ...format);
				expect(code).toBe(0);
				expect(readdirSync(dir)).toContain('places.geojson');
			}
			expect(readdirSync(parent).sort()).toEqual(['empty', 'new']);
			expect(leftovers(parent)).toEqual([]);
		}
	);

	it('a refused file leaves no folder at all', () => {
		const parent = join(scratch, 'refused');
		mkdirSync(parent);
		const bad = join(parent, 'bad.csv');
		copyFileSync(join(root, 'tests/fixtures/import/windows-1252.csv'), bad);
		// Its dates are ambiguous: the import stops before any story.
		const { code } = runScript('scripts/import.ts', [bad, '--out', join(parent, 'out')]);
		expect(code).toBe(1);
		expect(readdirSync(parent)).toEqual(['bad.csv']);
	});

	it('stopped with Ctrl-C, it leaves either no folder or a whole story, and nothing beside it', async () => {
		const parent = join(scratch, 'interrupted');
		mkdirSync(parent);
		const big = join(parent, 'big.csv');
		const head = readFileSync(acled, 'utf8').split('\r\n')[0]!;
		const row = readFileSync(acled, 'utf8').split('\r\n')[1]!;
		const rows = Array.from({ length: 60_000 }, (_, i) => row.replace('UKR210001', `UKR${i}`));
		writeFileSync(big, [head, ...rows].join('\r\n'));
		const dir = join(parent, 'out');
		const child = spawn(
			join(root, 'node_modules/.bin/vite-node'),
			[
				'--config',
				'scripts/vite.config.ts',
				'scripts/import.ts',
				'--',
				big,
				'--published',
				'2025-04-12',
				'--out',
				dir
			],
			{ cwd: root, stdio: 'ignore' }
		);
		// Stopped while the stage is being written, once it exists.
		await new Promise<void>((resolve) => {
			const poll = setInterval(() => {
				if (readdirSync(parent).some((name) => name.includes('.importing-'))) {
					clearInterval(poll);
					child.kill('SIGINT');
					resolve();
				}
			}, 20);
			child.on('exit', () => (clearInterval(poll), resolve()));
		});
		const code = await new Promise<number | null>((resolve) =>
			child.exitCode !== null ? resolve(child.exitCode) : child.on('exit', (c) => resolve(c))
		);
		expect([0, 130]).toContain(code);
		expect(leftovers(parent)).toEqual([]);
		if (code === 130) expect(existsSync(dir)).toBe(false);
		else
			expect(readdirSync(dir).sort()).toEqual([
				'article.txt',
				'events.arrow',
				'places.geojson',
				'rejected.csv',
				'text'
			]);
	});
});
