/**
 * The worker's whole job, apart from the worker: read the picked files, split a bundle, validate
 * the story and derive its layers, and post what came of it. Never throws and always ends with one
 * of `problems`, `end` or `failed`.
 */
import { prepareStory } from '../derive/prepare-story';
import { withdrawnIds } from './history-read';
import { sizeProblems, storyFilesFrom } from './open-files';
import { readFiles, storyMessages, type OpenRequest, type OpenResponse } from './open-protocol';
import { escapeUnsafe, truncate } from './text';

export async function openJob(
	request: OpenRequest,
	post: (message: OpenResponse) => void,
	pieceWeight?: number
): Promise<void> {
	try {
		// The page checked already; a worker trusts no message to be what it claims.
		const tooBig = sizeProblems(request.files);
		if (tooBig.length > 0) return post({ type: 'problems', problems: tooBig });
		const read = await readFiles(request.files, (done, total) =>
			post({ type: 'progress', phase: 'reading', done, total })
		);
		if (!read.ok) return post({ type: 'problems', problems: read.problems });
		// Parsing happens inside the validator, which takes the bytes: one phase, with no measure.
		post({ type: 'progress', phase: 'checking' });
		const files = storyFilesFrom(read.picked);
		if (!files.ok) return post({ type: 'problems', problems: files.problems });
		const withdrawn = files.history ? withdrawnIds(files.history.contents) : undefined;
		const loaded = prepareStory(files.files, request.countries, withdrawn);
		if (!loaded.ok) return post({ type: 'problems', problems: loaded.problems });
		for (const message of storyMessages(loaded, pieceWeight)) post(message);
	} catch (error) {
		const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
		post({
			type: 'failed',
			message: `the checker stopped (${escapeUnsafe(truncate(detail, 160))}).`
		});
	}
}
