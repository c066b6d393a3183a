/**
 * A story folder's `history.json`, read as every story file is (a regular file inside the folder,
 * its size asked first) and checked against the story's events (src/lib/story/history.ts).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { HISTORY_FILE, type HistoryEvents, type HistoryResult } from '../../src/lib/story/history';
import { readHistory, withdrawnIds } from '../../src/lib/story/history-read';
import { MAX_FILE_BYTES } from '../../src/lib/story/json-file';
import { readStoryFile } from './read-story-file';

/** Whether the folder keeps a history: a story without one has had one version. */
export const hasHistory = (dir: string): boolean => existsSync(join(dir, HISTORY_FILE));

/** The folder's history checked against `events`, named as `name` names a path. */
export function readFolderHistory(
	dir: string,
	events: HistoryEvents,
	name: (path: string) => string = (path) => path
): HistoryResult {
	const path = join(dir, HISTORY_FILE);
	const bytes = readStoryFile(path, dir, MAX_FILE_BYTES);
	if ('unreadable' in bytes)
		return { ok: false, problems: [{ file: name(path), message: bytes.unreadable }] };
	return readHistory(bytes, events, name(path));
}

/**
 * The events the folder's history withdraws, for the validator's row rule (validate-table.ts,
 * TableOptions): read before the events are, so the history is not yet checked against them,
 * which the caller does next. None where it keeps no history or one that cannot be read.
 */
export function withdrawnIn(dir: string): Set<string> {
	if (!hasHistory(dir)) return new Set();
	const bytes = readStoryFile(join(dir, HISTORY_FILE), dir, MAX_FILE_BYTES);
	return 'unreadable' in bytes ? new Set() : withdrawnIds(bytes);
}
