import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStoryFile } from '../../../scripts/lib/read-story-file';
import { readColumnarFolder } from '../../../scripts/lib/columnar-files';
import { synthesizeColumnar } from '../../../scripts/lib/synthesize';
import { writeColumnarStory } from '../../../scripts/lib/write-columnar';
import { scratchFolder } from '../../helpers/cli';

const scratch = scratchFolder('read-story-file-');
const outside = join(scratch, 'secret.txt');
writeFileSync(outside, 'root:x:0:0:root:/root:/bin/bash\n');
const story = join(scratch, 'story');
mkdirSync(story);
writeFileSync(join(story, 'article.txt'), 'An article.\n');
symlinkSync(outside, join(story, 'linked.txt'));
symlinkSync('/dev/zero', join(story, 'zero.txt'));
mkdirSync(join(story, 'folder.txt'));
execFileSync('mkfifo', [join(story, 'pipe.txt')]);
writeFileSync(join(story, 'big.txt'), '');
// A sparse file: its size is known, its bytes were never written, and none must be read.
truncateSync(join(story, 'big.txt'), 200 * 1024 * 1024);

const LIMIT = 1024 * 1024;

describe('readStoryFile', () => {
	it('reads a regular file inside its folder', () => {
		const read = readStoryFile(join(story, 'article.txt'), story, LIMIT);
		expect(new TextDecoder().decode(read as Uint8Array)).toBe('An article.\n');
	});

	it.each([
		['a link to a file outside the folder', 'linked.txt', /^is a symbolic link/],
		['a link to the zero device', 'zero.txt', /^is a symbolic link/],
		['a folder', 'folder.txt', /^is not a regular file/],
		['a named pipe', 'pipe.txt', /^is not a regular file/],
		['a file over the limit, unread', 'big.txt', /^is 200 MB; the limit is 1 MB\.$/],
		['no file', 'none.txt', /^cannot be read \(no such file\)\.$/]
	])('refuses %s with a sentence', (_, name, says) => {
		const read = readStoryFile(join(story, name), story, LIMIT);
		expect(read).toEqual({ unreadable: expect.stringMatching(says) });
	});

	it('refuses the zero device named directly', () => {
		expect(readStoryFile('/dev/zero', '/dev', LIMIT)).toEqual({
			unreadable: expect.stringMatching(/^is not a regular file/)
		});
	});
});

describe('a columnar story folder', () => {
	it('names an article.txt that links outside the folder, and never reads the file it names', () => {
		const dir = mkdtempSync(join(scratch, 'columnar-'));
		writeColumnarStory(
			synthesizeColumnar(10, { first: 20_000, last: 20_010 }, { seed: 1, countryOf: () => 'UA' }),
			dir
		);
		const article = join(dir, 'article.txt');
		execFileSync('rm', [article]);
		symlinkSync(outside, article);
		const files = readColumnarFolder(dir, (path) => path);
		expect(files).toEqual({
			unreadable: [
				`${article}: is a symbolic link: a story file must be a regular file inside its folder.`
			]
		});
	});
});
