/**
 * What the reader is told of a story's changes, in words: the banner's sentence, each event's
 * history in its details ("Corrected 12 April 2025: … (AP)"), and each version's line.
 */
import { formatSpan, parseIsoDate } from './dates';
import {
	changesBetween,
	describeCounts,
	formatTime,
	type ChangeSet,
	type EventChange,
	type StoryHistory,
	type Version
} from './history';
import type { Note } from './schema';

/** Where the reader's changes are counted from: their last visit, or a link's `?since=`. */
export type ChangesFrom =
	{ kind: 'visit'; at: number; version: string } | { kind: 'link'; version: string };

/** The banner's sentence: "Since your last visit on 11 April 2025: 1 new event, 8 corrected". */
export function bannerText(from: ChangesFrom, set: ChangeSet, history: StoryHistory): string {
	const counts = describeCounts(set.counts);
	if (from.kind === 'visit') return `Since your last visit on ${formatTime(from.at)}: ${counts}.`;
	const version = history.versions.find((v) => v.id === from.version)!;
	return `Since version ${version.id} of ${formatTime(version.at)}: ${counts}.`;
}

/** A version's line in the list of changes: its counts against the version before it. */
export function versionLine(
	history: StoryHistory,
	index: number
): { version: Version; counts: string } {
	const version = history.versions[index]!;
	const before = index === 0 ? null : history.versions[index - 1]!.id;
	const set = index === 0 ? null : changesBetween(history, before, version.id);
	return {
		version,
		counts: set ? describeCounts(set.counts) : 'first published'
	};
}

const LABEL = {
	added: 'Added',
	revised: 'Revised',
	corrected: 'Corrected',
	withdrawn: 'Withdrawn'
};

/** What a revision's old values were, in words: dates as a span, places by name. */
function oldValues(old: Record<string, unknown>, placeName: (id: string) => string): string[] {
	const out: string[] = [];
	const day = (v: unknown) => (typeof v === 'string' ? parseIsoDate(v) : null);
	const start = day(old.start);
	const end = day(old.end);
	if (start !== null || end !== null) {
		out.push(`it was dated ${formatSpan(start ?? end!, end ?? start!)}`);
	}
	for (const [field, value] of Object.entries(old)) {
		if (field === 'start' || field === 'end' || field === 'coordinates' || field === 'inferred')
			continue;
		if (field === 'place' && typeof value === 'string')
			out.push(`it was placed in ${placeName(value)}`);
		else if (field === 'places' && Array.isArray(value))
			out.push(
				value.length
					? `its other places were ${value.map((p) => placeName(String(p))).join(', ')}`
					: 'it had no other places'
			);
		else if (value === null || (Array.isArray(value) && value.length === 0))
			out.push(`its ${field} was empty`);
		else out.push(`its ${field} was “${Array.isArray(value) ? value.join('; ') : String(value)}”`);
	}
	return out;
}

export interface ChangeLine {
	kind: EventChange['change']['kind'];
	/** "Corrected 12 April 2025" */
	head: string;
	text: string;
}

/** One change of an event, for its details. `notes` are the event's, where its words are here. */
export function changeLine(
	entry: EventChange,
	notes: readonly Note[] | undefined,
	placeName: (id: string) => string
): ChangeLine {
	const { change } = entry;
	const head = `${LABEL[change.kind]} ${formatTime(entry.at)}`;
	const reason = change.reason ?? '';
	let text = reason;
	if (change.kind === 'corrected') {
		const note = change.note === undefined ? undefined : notes?.[change.note];
		text = note ? `${note.correction} (${note.reportedBy})` : 'Other reporting differs.';
	} else if (change.kind === 'revised' && change.old) {
		const before = oldValues(change.old, placeName);
		const was = before.length ? `Before, ${before.join('; ')}.` : '';
		text = [was, reason].filter(Boolean).join(' ');
	}
	return { kind: change.kind, head, text };
}
