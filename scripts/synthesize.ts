/**
 * npm run synthesize [OUT_DIR] [--sizes 1k,10k,100k,1m]: synthetic stories for the benchmark. 1k,
 * 10k and 100k are GeoJSON stories over the story's own places and years, each checked by the same
 * validator as the real story; 10k-columnar and 100k-columnar are the same events (same seed, ids,
 * points, dates, categories and words) in the columnar form, as a story of more than
 * MAX_GEOJSON_EVENTS events is stored; 1m (and 50k, for the end-to-end test) are columnar stories
 * (events.arrow and text chunks) in the shape of an ACLED export. Columnar ones are checked as
 * check:data checks them.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { storyCountryLookup } from '../src/lib/geo/countries';
import { formatProblem } from '../src/lib/story/problems';
import { validateColumnarStory } from '../src/lib/story/columnar/validate-columnar';
import { validateStory } from '../src/lib/story/validate';
import { readColumnarFolder } from './lib/columnar-files';
import { shippedBasemap } from './lib/natural-earth';
import { readStoryFiles, storyFilePaths } from './lib/story-files';
import {
	columnarFromStory,
	nearbyCountry,
	synthesizeColumnar,
	synthesizeStory
} from './lib/synthesize';
import type { ColumnarSource } from '../src/lib/story/columnar/folder-files';
import { writeColumnarStory } from './lib/write-columnar';

export const SIZES = { '1k': 1_000, '5k': 5_000, '10k': 10_000, '100k': 100_000 } as const;
export const COLUMNAR_SIZES = { '50k': 50_000, '1m': 1_000_000 } as const;
/** The columnar form of a GeoJSON size's events: `<size>-columnar`. */
export const COLUMNAR_FORM_OF = ['10k', '100k'] as const;

const args = process.argv.slice(2);
const sizesAt = args.indexOf('--sizes');
const wanted =
	sizesAt >= 0
		? (args[sizesAt + 1] ?? '').split(',')
		: [...Object.keys(SIZES), ...COLUMNAR_FORM_OF.map((s) => `${s}-columnar`), '1m'];
const out = resolve(
	args.find((a, i) => !a.startsWith('--') && i !== sizesAt + 1) ?? 'bench-results/synthetic'
);
const lookup = storyCountryLookup(shippedBasemap());
const files = readStoryFiles(storyFilePaths([]));
if ('unreadable' in files) throw new Error(files.unreadable.join('\n'));
const base = validateStory(files, lookup);
if (!base.ok) throw new Error('the project story does not validate: npm run check:data');
const extent = { first: base.story.events[0]!.start, last: base.story.published! };
const countryOf = nearbyCountry(lookup);

/** Writes a columnar story to OUT_DIR/name and checks the folder as check:data does. */
function writeColumnar(name: string, count: number, story: ColumnarSource, started: number): void {
	const dir = resolve(out, name);
	rmSync(dir, { recursive: true, force: true });
	const arrowBytes = writeColumnarStory(story, dir);
	// The same check as npm run check:data and the build's, on the folder as written.
	const folder = readColumnarFolder(dir, (path) => path);
	const checked =
		'unreadable' in folder
			? folder.unreadable
			: ((result) => (result.ok ? [] : result.problems.map(formatProblem)))(
					validateColumnarStory(folder, { today: extent.last, countries: lookup })
				);
	if (checked.length) {
		console.error(checked.join('\n'));
		process.exit(1);
	}
	console.log(
		`${name}: ${count} events (columnar, ${(arrowBytes / 1e6).toFixed(1)} MB) checked in ${(performance.now() - started).toFixed(0)} ms → ${dir}`
	);
}

for (const [name, count] of Object.entries(SIZES)) {
	const columnarName = `${name}-columnar`;
	const columnarToo =
		(COLUMNAR_FORM_OF as readonly string[]).includes(name) && wanted.includes(columnarName);
	if (!wanted.includes(name) && !columnarToo) continue;
	const story = synthesizeStory(base.story.places, count, extent, count);
	const started = performance.now();
	const result = validateStory(
		{
			events: { name: 'events.geojson', contents: story.events },
			places: { name: 'places.geojson', contents: story.places },
			article: { name: 'article.txt', contents: story.article }
		},
		lookup
	);
	if (!result.ok) {
		console.error(result.problems.slice(0, 10).map(formatProblem).join('\n'));
		process.exit(1);
	}
	const dir = resolve(out, name);
	mkdirSync(dir, { recursive: true });
	writeFileSync(resolve(dir, 'events.geojson'), story.events);
	writeFileSync(resolve(dir, 'places.geojson'), story.places);
	writeFileSync(resolve(dir, 'article.txt'), story.article);
	console.log(
		`${name}: ${result.story.events.length} events validated in ${(performance.now() - started).toFixed(0)} ms → ${dir}`
	);
	if (columnarToo) writeColumnar(columnarName, count, columnarFromStory(story), performance.now());
}

for (const [name, count] of Object.entries(COLUMNAR_SIZES)) {
	if (!wanted.includes(name)) continue;
	const started = performance.now();
	writeColumnar(
		name,
		count,
		synthesizeColumnar(count, extent, { seed: count, countryOf }),
		started
	);
}
