/** Writes a columnar story (the form's one writer, story/columnar/folder-files.ts) into a folder. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { columnarFiles, type ColumnarSource } from '../../src/lib/story/columnar/folder-files';
import { EVENTS_ARROW, TEXT_FOLDER } from '../../src/lib/story/columnar/layout';

/** Writes the story's files into `dir`; returns the bytes of its events.arrow. */
export function writeColumnarStory(story: ColumnarSource, dir: string): number {
	mkdirSync(resolve(dir, TEXT_FOLDER), { recursive: true });
	let arrowBytes = 0;
	for (const file of columnarFiles(story)) {
		writeFileSync(resolve(dir, file.path), file.contents);
		if (file.path === EVENTS_ARROW) arrowBytes = file.contents.length;
	}
	return arrowBytes;
}
