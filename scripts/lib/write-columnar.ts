/** Writes a synthetic columnar story (synthesize.ts) as a story folder: events.arrow, places, article, text/. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chunkFile, EVENTS_ARROW, TEXT_FOLDER } from '../../src/lib/story/columnar/layout';
import type { ColumnarStory } from './synthesize';

export function writeColumnarStory(story: ColumnarStory, dir: string): void {
	mkdirSync(resolve(dir, TEXT_FOLDER), { recursive: true });
	writeFileSync(resolve(dir, EVENTS_ARROW), story.arrow);
	writeFileSync(resolve(dir, 'places.geojson'), story.places);
	writeFileSync(resolve(dir, 'article.txt'), story.article);
	for (let n = 0; n < story.chunks; n++) writeFileSync(resolve(dir, chunkFile(n)), story.chunk(n));
}
