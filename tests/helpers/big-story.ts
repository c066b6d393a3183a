/**
 * A big story written at test time (never committed): the synthetic stories of the benchmark
 * (scripts/lib/synthesize.ts) over the project story's places, as one bundle or three files.
 * 128,000 events make about 50 MB, the size of the story that froze the page.
 */
import { openSync, closeSync, ftruncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { synthesizeStory } from '../../scripts/lib/synthesize';
import { projectStory } from './story-files';

export const BIG_EVENTS = 128_000;

export function bigStoryTitle(count = BIG_EVENTS): string {
	return `Synthetic story, ${count.toLocaleString('en-GB')} events`;
}

/** Writes the story into `dir` and returns the paths and the bundle's size in bytes. */
export function writeBigStory(dir: string, count = BIG_EVENTS) {
	const story = projectStory();
	const text = synthesizeStory(
		story.places,
		count,
		{ first: story.events[0]!.start, last: story.published! },
		count
	);
	const bundle = join(dir, 'big-story.json');
	const body = `{"events":${text.events},\n"places":${text.places},\n"article":${JSON.stringify(text.article)}}\n`;
	writeFileSync(bundle, body);
	const three = (['events.geojson', 'places.geojson', 'article.txt'] as const).map((name) => {
		const path = join(dir, name);
		writeFileSync(
			path,
			name === 'article.txt'
				? text.article
				: text[name.replace('.geojson', '') as 'events' | 'places']
		);
		return path;
	});
	return { bundle, three, bytes: Buffer.byteLength(body) };
}

/** A file of `bytes` that takes no room on disk (sparse): a size to refuse, not to read. */
export function writeSparseFile(path: string, bytes: number): string {
	const fd = openSync(path, 'w');
	try {
		ftruncateSync(fd, bytes);
	} finally {
		closeSync(fd);
	}
	return path;
}
