/**
 * A build of the app with a big columnar story in it, and a GeoJSON story too big to inline, for
 * tests/e2e/big-dataset.spec.ts. A story
 * page is prerendered only for the stories in geodata/stories when the app is built, and the
 * project ships no big story; so, as the benchmark does (scripts/bench/build.mjs), the project's
 * files are copied to .scratch/, the synthetic story is written into the copy's geodata/stories,
 * and the copy is built and served on a free port. Nothing of the checkout is touched.
 */
import { execFileSync, execSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { nearbyCountry, synthesizeColumnar, synthesizeStory } from '../../scripts/lib/synthesize';
import { shippedBasemap } from '../../scripts/lib/natural-earth';
import { storyCountryLookup } from '../../src/lib/geo/countries';
import { writeColumnarStory } from '../../scripts/lib/write-columnar';
import { projectStory } from './story-files';

const ROOT = resolve(import.meta.dirname, '../..');
const COPY = resolve(ROOT, '.scratch/e2e-big');

export const BIG_SLUG = 'e2e-big-50k';
export const BIG_COUNT = 50_000;
/** A GeoJSON story past INLINE_EVENT_LIMIT: its page's HTML holds its first view, not its events. */
export const MANY_SLUG = 'e2e-geojson-1k';
export const MANY_COUNT = 1_000;

function freePort(): Promise<number> {
	return new Promise((done, fail) => {
		const server = createServer();
		server.once('error', fail);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => done(port));
		});
	});
}

/** Builds the copy with the story; returns its URL and the function that stops its server. */
export async function serveBigBuild(): Promise<{ url: string; stop: () => void }> {
	rmSync(COPY, { recursive: true, force: true });
	mkdirSync(COPY, { recursive: true });
	const files = execFileSync(
		'git',
		['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
		{
			cwd: ROOT,
			encoding: 'utf8'
		}
	)
		.split('\0')
		.filter(
			(file) =>
				file &&
				file !== 'node_modules' &&
				!file.startsWith('tests/') &&
				!file.startsWith('geodata/stories/big-')
		);
	for (const file of files) {
		const from = resolve(ROOT, file);
		if (!existsSync(from)) continue;
		mkdirSync(dirname(resolve(COPY, file)), { recursive: true });
		cpSync(from, resolve(COPY, file));
	}
	symlinkSync(resolve(ROOT, 'node_modules'), resolve(COPY, 'node_modules'), 'dir');
	const story = projectStory();
	writeColumnarStory(
		synthesizeColumnar(
			BIG_COUNT,
			{ first: story.events[0]!.start - 800, last: story.published! },
			{ seed: 50, countryOf: nearbyCountry(storyCountryLookup(shippedBasemap())) }
		),
		resolve(COPY, 'geodata/stories', BIG_SLUG)
	);
	const many = synthesizeStory(story.places, MANY_COUNT, {
		first: story.events[0]!.start - 400,
		last: story.published!
	});
	const manyDir = resolve(COPY, 'geodata/stories', MANY_SLUG);
	mkdirSync(manyDir, { recursive: true });
	for (const [name, contents] of Object.entries({
		'events.geojson': many.events,
		'places.geojson': many.places,
		'article.txt': many.article
	}))
		writeFileSync(resolve(manyDir, name), contents);
	execSync('npx svelte-kit sync && npm run -s build', { cwd: COPY, stdio: 'pipe' });
	const port = await freePort();
	const server: ChildProcess = spawn(
		'npx',
		['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
		{ cwd: COPY, stdio: 'ignore', detached: true }
	);
	const url = `http://127.0.0.1:${port}/`;
	for (let i = 0; i < 100; i++) {
		try {
			if ((await fetch(url)).ok) break;
		} catch {
			// Not listening yet.
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	return {
		url,
		stop: () => {
			// The server's own process group: npx and the vite it started.
			if (server.pid) process.kill(-server.pid);
		}
	};
}
