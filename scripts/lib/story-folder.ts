/**
 * The folder `npm run import` writes: new or empty, never an existing story or a folder with
 * anything in it, and never half-written. The story is written in a folder beside it (a "stage"),
 * then renamed into place in one step; a failed or interrupted import removes the stage, file by
 * file, and the folder asked for is left as it was.
 */
import {
	existsSync,
	mkdirSync,
	readdirSync,
	renameSync,
	rmdirSync,
	statSync,
	unlinkSync
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { EVENTS_ARROW, TEXT_FOLDER } from '../../src/lib/story/columnar/layout';
import { STORY_FILE_NAMES } from '../../src/lib/story/story-index';

const STORY_FILES: readonly string[] = [...Object.values(STORY_FILE_NAMES), EVENTS_ARROW];

/** Why an import may not write into `dir` (named by the caller), or null. */
export function outFolderProblem(dir: string): string | null {
	if (!existsSync(dir)) return null;
	if (!statSync(dir).isDirectory()) return 'is a file, not a folder: give a new or empty folder.';
	const entries = readdirSync(dir);
	if (entries.length === 0) return null;
	const story = entries.filter((name) => STORY_FILES.includes(name));
	return story.length
		? `holds a story already (${story.join(', ')}); an import never writes over one. Give a new or empty folder, or move that story first.`
		: `is not empty (it holds ${entries.length.toLocaleString('en-GB')} file${entries.length === 1 ? '' : 's'} or folder${entries.length === 1 ? '' : 's'}, ${entries.slice(0, 3).join(', ')}${entries.length > 3 ? ', …' : ''}); an import writes only into a new or empty folder.`;
}

/** A folder beside `out`, written into, then renamed to `out` (commit) or removed (discard). */
export class StoryStage {
	readonly path: string;
	#done = false;

	constructor(readonly out: string) {
		mkdirSync(dirname(out), { recursive: true });
		this.path = join(dirname(out), `.${basename(out)}.importing-${process.pid}`);
		mkdirSync(this.path);
	}

	/** The story into place, in one rename: an empty `out` is replaced, a filled one refused. */
	commit(): void {
		if (this.#done) return;
		try {
			renameSync(this.path, this.out);
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code;
			// Some systems will not rename over even an empty folder: remove it (rmdir fails if not empty).
			if (code !== 'EEXIST' && code !== 'ENOTEMPTY' && code !== 'EISDIR' && code !== 'EPERM')
				throw error;
			rmdirSync(this.out);
			renameSync(this.path, this.out);
		}
		this.#done = true;
	}

	/**
	 * The story into the place of the one in `out` (`import --into`): the files of `out` that are
	 * not the story's (a desk's notes) move beside the new story first, then `out` steps aside and
	 * the stage takes its name, one rename each, and the old story's files are removed.
	 */
	replace(): void {
		if (this.#done) return;
		const written = new Set(readdirSync(this.path));
		for (const name of readdirSync(this.out))
			if (!written.has(name) && !REPLACED.includes(name))
				renameSync(join(this.out, name), join(this.path, name));
		const old = join(dirname(this.out), `.${basename(this.out)}.replaced-${process.pid}`);
		renameSync(this.out, old);
		renameSync(this.path, this.out);
		this.#done = true;
		removeStory(old);
	}

	/**
	 * Removes what was written, one known level at a time: the stage holds files, and the text
	 * folders of the columnar form hold files; nothing else is removed, and a stage holding anything
	 * else is left, and said.
	 */
	discard(): string | null {
		if (this.#done) return null;
		this.#done = true;
		return removeStory(this.path);
	}
}

/** What an update writes anew, so the old folder's are not moved beside it: the text chunks' folder. */
const REPLACED: readonly string[] = [TEXT_FOLDER];

/**
 * Removes a story folder the importer wrote, one known level at a time: the folder holds files,
 * and the text folders of the columnar form hold files; nothing else is removed, and a folder
 * holding anything else is left, and said.
 */
function removeStory(dir: string): string | null {
	if (!existsSync(dir)) return null;
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) {
			if (name !== TEXT_FOLDER && name !== `${TEXT_FOLDER}.partial`) continue;
			for (const chunk of readdirSync(path))
				if (/^\d+\.json$/.test(chunk)) unlinkSync(join(path, chunk));
			try {
				rmdirSync(path);
			} catch {
				// Left for the message below.
			}
		} else unlinkSync(path);
	}
	try {
		rmdirSync(dir);
		return null;
	} catch {
		return `could not remove ${dir} completely; delete it by hand.`;
	}
}
