/**
 * npm run bench:build [-- --rev COMMIT]
 *
 * The benchmark's own build, in bench-results/build, so that it never fights the test suite or a
 * developer over build/ and .svelte-kit/: the project's files (the working tree, or COMMIT with
 * --rev) are copied to bench-results/build-src/ and built there with VITE_BENCH_HOOKS=1, which
 * compiles in the map's benchmark hooks (src/lib/map/bench-hooks.ts).
 *
 * The synthetic stories (npm run synthesize) are added to that copy as ordinary stories
 * (geodata/stories/bench-1k/ …), each in the form the product stores a story of its size in
 * (forms.mjs: GeoJSON up to MAX_GEOJSON_EVENTS events, columnar past it), so each is built, and
 * prerendered if the app prerenders stories, exactly as a published story of that size would be.
 * Beside the columnar 10k and 100k, the GeoJSON form of the same events (bench-10k-geojson …) is
 * built too, for the setFilter baseline and the Leaflet page.
 */
import { execFileSync, execSync } from 'node:child_process';
import {
	cpSync,
	existsSync,
	mkdirSync,
	readFileSync,
	renameSync,
	rmSync,
	symlinkSync,
	writeFileSync
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildHasStories, buildStories } from './forms.mjs';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BENCH_DIR = resolve(ROOT, 'bench-results');
export const BUILD_DIR = resolve(BENCH_DIR, 'build');
export const BUILD_INFO = resolve(BENCH_DIR, 'build-info.json');
const SOURCE_DIR = resolve(BENCH_DIR, 'build-src');
const SYNTHETIC_DIR = resolve(BENCH_DIR, 'synthetic');

const git = (...args) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' });

/**
 * Copies the project's own files (tracked and new, never ignored ones) as they are on disk. The
 * tests are left out: the build does not need them, and no test runner should find a second copy.
 */
function copyWorkingTree() {
	const files = git('ls-files', '-z', '--cached', '--others', '--exclude-standard')
		.split('\0')
		// A worktree's node_modules may be a symlink git lists as untracked: it is linked below.
		.filter((file) => file && file !== 'node_modules' && !file.startsWith('tests/'));
	for (const file of files) {
		const from = resolve(ROOT, file);
		// A file deleted but not yet staged is still listed.
		if (!existsSync(from)) continue;
		mkdirSync(dirname(resolve(SOURCE_DIR, file)), { recursive: true });
		cpSync(from, resolve(SOURCE_DIR, file));
	}
}

/** @param {{ rev?: string, stdio?: import('node:child_process').StdioOptions }} [options] */
export function buildForBench({ rev, stdio = 'inherit' } = {}) {
	const log = (line) => (stdio === 'inherit' ? console.log(line) : console.error(line));
	const started = Date.now();
	log('bench build: synthetic stories…');
	execSync('npm run -s synthesize -- bench-results/synthetic', { cwd: ROOT, stdio });

	rmSync(SOURCE_DIR, { recursive: true, force: true });
	mkdirSync(SOURCE_DIR, { recursive: true });
	if (rev) {
		log(`bench build: the project at ${rev}…`);
		execSync(`git archive ${JSON.stringify(rev)} | tar -x -C ${JSON.stringify(SOURCE_DIR)}`, {
			cwd: ROOT,
			stdio
		});
	} else {
		log('bench build: the working tree…');
		copyWorkingTree();
	}
	for (const [from, slug] of buildStories()) {
		const to = resolve(SOURCE_DIR, 'geodata/stories', slug);
		cpSync(resolve(SYNTHETIC_DIR, from), to, { recursive: true });
	}
	// The project's installed packages, not a second install.
	symlinkSync(resolve(ROOT, 'node_modules'), resolve(SOURCE_DIR, 'node_modules'), 'dir');

	log('bench build: npm run build with VITE_BENCH_HOOKS=1…');
	// What `npm install` does in a checkout (the prepare script): the scripts' tsconfig extends it.
	execSync('npx svelte-kit sync', { cwd: SOURCE_DIR, stdio });
	execSync('npm run -s build', {
		cwd: SOURCE_DIR,
		stdio,
		env: { ...process.env, VITE_BENCH_HOOKS: '1' }
	});

	rmSync(BUILD_DIR, { recursive: true, force: true });
	renameSync(join(SOURCE_DIR, 'build'), BUILD_DIR);
	const commit = git('rev-parse', rev ?? 'HEAD').trim();
	const dirty = !rev && git('status', '--porcelain', '--untracked-files=normal').trim() !== '';
	const info = {
		built_at: new Date().toISOString(),
		commit,
		// The working tree had changes not yet committed: the build is of those, not of `commit`.
		dirty,
		build_s: Math.round((Date.now() - started) / 1000),
		// Each built story's slug, and the synthetic folder it was made from (`100k-columnar`, …).
		stories: Object.fromEntries(buildStories().map(([from, slug]) => [slug, from]))
	};
	writeFileSync(BUILD_INFO, JSON.stringify(info, null, '\t') + '\n');
	log(
		`bench build: ${BUILD_DIR} in ${info.build_s} s (${commit.slice(0, 10)}${dirty ? ', dirty' : ''})`
	);
	return info;
}

/** The commit checked out now, to say when the bench build is of an older one. */
export const headCommit = () => git('rev-parse', 'HEAD').trim();

/**
 * What the last bench build was made from, or null if there is none, or if it lacks a story in
 * the form this bench measures it in (a build made before 10k and 100k were columnar).
 */
export function readBuildInfo() {
	if (!existsSync(resolve(BUILD_DIR, 'index.html')) || !existsSync(BUILD_INFO)) return null;
	const info = JSON.parse(readFileSync(BUILD_INFO, 'utf8'));
	return buildHasStories(info) ? info : null;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const argv = process.argv.slice(2);
	const at = argv.indexOf('--rev');
	buildForBench({ rev: at >= 0 ? argv[at + 1] : undefined });
}
