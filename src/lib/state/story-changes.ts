/**
 * The reader's side of a story's history: the history checked against the story's table, where
 * each changed event sits, and which changes to tell this reader of. Pure; the Atlas holds the
 * result.
 */
import { bannerText, type ChangesFrom } from '../story/change-lines';
import type { EventTable } from '../story/event-table';
import { findEventRows } from '../story/find-event';
import {
	changesBetween,
	latestVersion,
	versionIndex,
	withdrawnEvents,
	type ChangeSet,
	type EventChange,
	type StoryHistory
} from '../story/history';
import { namedEvents, readHistory } from '../story/history-read';
import type { FileContents } from '../story/json-file';
import type { StoryEvent } from '../story/types';
import type { Visit } from './visits';

export interface OpenedHistory {
	history: StoryHistory;
	/** Each changed event's row. */
	rows: ReadonlyMap<string, number>;
	/** The events withdrawn as of the latest version, by row. */
	withdrawn: ReadonlyMap<number, EventChange>;
}

export interface ReaderChanges {
	from: ChangesFrom;
	set: ChangeSet;
	/** The changed events' rows, in table order: the "what changed" filter. */
	rows: Int32Array;
	text: string;
}

/**
 * The history as the page takes it: checked against the story's table (and its notes, where its
 * words are here). A history that does not check out is left out, with a warning in the console:
 * the story itself still shows.
 */
export function openHistory(
	contents: FileContents,
	table: EventTable,
	events: readonly StoryEvent[] | null
): OpenedHistory | null {
	const rows = findEventRows(table, namedEvents(contents));
	const result = readHistory(contents, {
		has: (id) => rows.has(id),
		notes: events ? (id) => events[rows.get(id)!]?.notes.length : undefined
	});
	if (!result.ok) {
		console.warn(`The story's history is left out: ${result.problems[0]?.message ?? ''}`);
		return null;
	}
	const withdrawn = new Map<number, EventChange>();
	for (const [id, change] of withdrawnEvents(result.history)) withdrawn.set(rows.get(id)!, change);
	return { history: result.history, rows, withdrawn };
}

/**
 * What this reader is told of: the changes since a link's `?since=` where it names a version, else
 * since their last visit where it was to an earlier version; nothing on a first visit.
 */
export function changesFrom(
	history: StoryHistory,
	visit: Visit | null,
	since: string | null
): ChangesFrom | null {
	const latest = latestVersion(history).id;
	if (since !== null && versionIndex(history, since) >= 0 && since !== latest)
		return { kind: 'link', version: since };
	if (visit && visit.version !== latest && versionIndex(history, visit.version) >= 0)
		return { kind: 'visit', at: visit.at, version: visit.version };
	return null;
}

/** The changes to tell of, with their rows; null when no event changed. */
export function readerChanges(opened: OpenedHistory, from: ChangesFrom): ReaderChanges | null {
	const set = changesBetween(opened.history, from.version);
	if (!set || set.events.size === 0) return null;
	const rows = Int32Array.from([...set.events.keys()].map((id) => opened.rows.get(id)!)).sort();
	return { from, set, rows, text: bannerText(from, set, opened.history) };
}
