/**
 * npm run synthesize [OUT_DIR]: synthetic stories of 1k, 10k and 100k events over the story's own
 * places and years, for the benchmark. Each is checked by the same validator as the real story.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { storyCountryLookup } from '../src/lib/geo/countries';
import { formatProblem } from '../src/lib/story/problems';
import { validateStory } from '../src/lib/story/validate';
import { shippedBasemap } from './lib/natural-earth';
import { readStoryFiles, storyFilePaths } from './lib/story-files';
import { synthesizeStory } from './lib/synthesize';

export const SIZES = { '1k': 1_000, '10k': 10_000, '100k': 100_000 } as const;

const out = resolve(process.argv[2] ?? 'bench-results/synthetic');
const lookup = storyCountryLookup(shippedBasemap());
const files = readStoryFiles(storyFilePaths([]));
if ('unreadable' in files) throw new Error(files.unreadable.join('\n'));
const base = validateStory(files, lookup);
if (!base.ok) throw new Error('the project story does not validate: npm run check:data');
const extent = { first: base.story.events[0]!.start, last: base.story.published! };

for (const [name, count] of Object.entries(SIZES)) {
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
}
