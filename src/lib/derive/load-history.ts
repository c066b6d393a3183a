/**
 * A story's history as its page takes it. At build time its versions' lines go into the page (the
 * document without script lists them, and they tell the browser there is a history); in the
 * browser the file itself is fetched once the page is on screen, never before, so the first view
 * weighs what it did.
 */
import { versionLine } from '../story/change-lines';
import { fetchFile } from '../story/fetch-file';
import { HISTORY_FILE } from '../story/history';
import { readHistory } from '../story/history-read';
import type { Story } from '../story/types';

export interface VersionSummary {
	id: string;
	time: string;
	at: number;
	note: string;
	/** "2 corrected, 1 withdrawn" against the version before; "first published" for the first. */
	counts: string;
}

/** What a page knows of its story's history: where to fetch it, and its versions' lines. */
export interface HistorySource {
	/** The story's key in the browser's memory of visits (visits.ts). */
	key: string;
	url: string;
	versions: VersionSummary[];
}

/**
 * The history beside a story's files in `${generated}/${folder}/`, checked against `story` (where
 * the page holds it; a story read later is checked in the browser). Null for a story with none,
 * or one that does not check out (`npm run check:data` names its problems).
 */
export async function loadHistorySource(
	fetcher: typeof fetch,
	generated: string,
	folder: string,
	story: Story | null,
	key: string = folder
): Promise<HistorySource | null> {
	const url = `${generated}/${folder}/${HISTORY_FILE}`;
	const file = await fetchFile(fetcher, url, HISTORY_FILE);
	if ('message' in file) return null;
	const result = readHistory(
		file.contents,
		story
			? {
					has: (id) => story.eventById.has(id),
					notes: (id) => story.eventById.get(id)?.notes.length
				}
			: { has: () => true }
	);
	if (!result.ok) return null;
	const { history } = result;
	const versions = history.versions.map((_, i) => {
		const { version, counts } = versionLine(history, i);
		return { id: version.id, time: version.time, at: version.at, note: version.note, counts };
	});
	return { key, url, versions };
}

/** The history's bytes, in the browser after the page is on screen; null where it cannot be had. */
export async function fetchHistory(fetcher: typeof fetch, url: string): Promise<Uint8Array | null> {
	const file = await fetchFile(fetcher, url, HISTORY_FILE);
	return 'message' in file ? null : file.contents;
}
