/**
 * A story's versions (`history.json` in its folder, either form): what each published version
 * changed, per event, so nothing is ever overwritten silently. The events file holds the story as
 * it is now; the history holds what it was. A version lists only its changes (a million-event
 * dataset's history stays small), and every event no version adds was in the first version.
 *
 * A correction's words have one home, the event's `notes` (what other reporting says, and who
 * said it); a `corrected` change names the note it brought by its index, and says when it came.
 */
import { formatDay, parseIsoDate } from './dates';
import type { Problem } from './problems';
import { EVENT_FIELDS, type FieldName } from './schema';

export const HISTORY_FILE = 'history.json';

/** Whether a picked or listed file is a story's history, by its name. */
export const isHistoryFile = (path: string): boolean =>
	(path.split(/[\\/]/).pop() ?? path).toLowerCase() === HISTORY_FILE;

export const CHANGE_KINDS = ['added', 'revised', 'corrected', 'withdrawn'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** An event's fields a revision may record, and the event's point, which follows its place. */
export const REVISABLE = [
	...(Object.keys(EVENT_FIELDS) as FieldName[]).filter((f) => f !== 'id' && f !== 'notes'),
	'coordinates'
] as const;
export type RevisableField = FieldName | 'coordinates';

/** A version's time: a day, or a UTC moment on it. */
const VERSION_TIME = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?Z)?$/;
export const MAX_VERSIONS = 10_000;

export interface Change {
	event: string;
	kind: ChangeKind;
	/** `revised`: each field that changed, with the value it had before (null: it had none). */
	old?: Partial<Record<RevisableField, unknown>>;
	/** `corrected`: the index of the note, in the event's `notes`, that this version brought. */
	note?: number;
	/** Why: required for a withdrawal and for bringing a withdrawn event back. */
	reason?: string;
}

export interface Version {
	id: string;
	/** As the file gives it: `YYYY-MM-DD` or `YYYY-MM-DDTHH:MMZ`. */
	time: string;
	/** Milliseconds since 1970, for ordering. */
	at: number;
	note: string;
	changes: Change[];
}

export interface StoryHistory {
	versions: Version[];
}

/** What the history is checked against: the story's events as they are now. */
export interface HistoryEvents {
	has(id: string): boolean;
	/** How many notes the event has, where its words are at hand; undefined where they are not. */
	notes?(id: string): number | undefined;
}

export type HistoryResult =
	{ ok: true; history: StoryHistory } | { ok: false; problems: Problem[] };

const MS_PER_DAY = 86_400_000;

/** The milliseconds of a version's time, or null where it is no real day or moment. */
export function versionTime(text: string): number | null {
	const match = VERSION_TIME.exec(text);
	if (!match) return null;
	const day = parseIsoDate(match[1]!);
	if (day === null) return null;
	const [h, m, s] = [Number(match[2] ?? 0), Number(match[3] ?? 0), Number(match[4] ?? 0)];
	if (h > 23 || m > 59 || s > 59) return null;
	return day * MS_PER_DAY + ((h * 60 + m) * 60 + s) * 1000;
}

/** "12 April 2025": the day a version or a visit is shown by. */
export function formatTime(at: number): string {
	return formatDay(Math.floor(at / MS_PER_DAY));
}

/** Whether an old value could be the field's: the kind of value, not its rules. */
export interface EventChange {
	version: string;
	time: string;
	at: number;
	change: Change;
}

/** What a reader is told an event became: one word per event, the strongest of its changes. */
export type ChangeStatus = 'added' | 'corrected' | 'revised' | 'withdrawn';

export interface ChangeSet {
	/** The version the changes are counted from (null: from before the first). */
	from: string | null;
	to: string;
	/** Per changed event, its changes in order. */
	events: Map<string, EventChange[]>;
	status: Map<string, ChangeStatus>;
	counts: Record<ChangeStatus, number>;
}

/** The version with this id, as its index, or -1. */
export function versionIndex(history: StoryHistory, id: string | null): number {
	return id === null ? -1 : history.versions.findIndex((v) => v.id === id);
}

export function latestVersion(history: StoryHistory): Version {
	return history.versions.at(-1)!;
}

/**
 * Every change after version `from` up to and including `to` (the latest by default), combined
 * per event: a reader who skipped versions sees them all at once. Null when either id is not a
 * version of the history.
 */
export function changesBetween(
	history: StoryHistory,
	from: string | null,
	to: string = latestVersion(history).id
): ChangeSet | null {
	const a = versionIndex(history, from);
	const b = versionIndex(history, to);
	if ((from !== null && a < 0) || b < 0) return null;
	const events = new Map<string, EventChange[]>();
	for (let v = a + 1; v <= b; v++) {
		const version = history.versions[v]!;
		for (const change of version.changes) {
			const list = events.get(change.event) ?? [];
			list.push({ version: version.id, time: version.time, at: version.at, change });
			events.set(change.event, list);
		}
	}
	const status = new Map<string, ChangeStatus>();
	const counts: Record<ChangeStatus, number> = { added: 0, corrected: 0, revised: 0, withdrawn: 0 };
	for (const [event, list] of events) {
		const s = statusOf(list);
		status.set(event, s);
		counts[s]++;
	}
	return { from, to, events, status, counts };
}

/**
 * The strongest word for an event's changes: withdrawn where it ends withdrawn, new where it was
 * added (or brought back), then corrected, then revised.
 */
function statusOf(list: EventChange[]): ChangeStatus {
	const last = list.at(-1)!.change.kind;
	if (last === 'withdrawn') return 'withdrawn';
	const kinds = new Set(list.map((c) => c.change.kind));
	if (kinds.has('added')) return 'added';
	return kinds.has('corrected') ? 'corrected' : 'revised';
}

/** Every change the history records of one event, oldest first. */
export function eventHistory(history: StoryHistory, event: string): EventChange[] {
	return changesBetween(history, null)?.events.get(event) ?? [];
}

/** The events withdrawn as of the latest version, with the withdrawal. */
export function withdrawnEvents(history: StoryHistory): Map<string, EventChange> {
	const out = new Map<string, EventChange>();
	const all = changesBetween(history, null);
	for (const [event, list] of all?.events ?? []) {
		const last = list.at(-1)!;
		if (last.change.kind === 'withdrawn') out.set(event, last);
	}
	return out;
}

const plural = (n: number, one: string, many = `${one}s`) =>
	`${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** "3 new events, 8 corrected, 1 withdrawn": the counts a banner and a version's line say. */
export function describeCounts(counts: Record<ChangeStatus, number>): string {
	const parts = [
		counts.added ? plural(counts.added, 'new event') : '',
		counts.corrected ? `${counts.corrected.toLocaleString('en-GB')} corrected` : '',
		counts.revised ? `${counts.revised.toLocaleString('en-GB')} revised` : '',
		counts.withdrawn ? `${counts.withdrawn.toLocaleString('en-GB')} withdrawn` : ''
	].filter(Boolean);
	return parts.length ? parts.join(', ') : 'no changes to events';
}

/**
 * history.json's text: the versions as the file holds them (no `at`, which is read from `time`),
 * one change a line, so a version of thousands of changes stays small and reads line by line.
 */
export function historyJson(history: StoryHistory): string {
	const versions = history.versions.map(({ id, time, note, changes }) => {
		const head = JSON.stringify({ id, time, note }, null, '\t')
			.slice(0, -2)
			.replace(/\n/g, '\n\t\t');
		const lines = changes.map((c) => `\t\t\t\t${JSON.stringify(c)}`).join(',\n');
		return `\t\t${head},\n\t\t\t"changes": [${changes.length ? `\n${lines}\n\t\t\t` : ''}]\n\t\t}`;
	});
	return `{\n\t"versions": [\n${versions.join(',\n')}\n\t]\n}\n`;
}
