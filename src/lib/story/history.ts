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
import { FieldReader } from './fields';
import { isRecord, parseJson, type FileContents } from './json-file';
import { ProblemList, type Problem } from './problems';
import { EVENT_FIELDS, type FieldName } from './schema';
import { describe, quote } from './text';

export const HISTORY_FILE = 'history.json';

export const CHANGE_KINDS = ['added', 'revised', 'corrected', 'withdrawn'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** An event's fields a revision may record, and the event's point, which follows its place. */
export const REVISABLE = [
	...(Object.keys(EVENT_FIELDS) as FieldName[]).filter((f) => f !== 'id' && f !== 'notes'),
	'coordinates'
] as const;
export type RevisableField = FieldName | 'coordinates';

/** A version's id: short, and safe in a URL (`?since=2`). */
const VERSION_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
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
function oldValueProblem(field: RevisableField, value: unknown): string | null {
	if (value === null) return null;
	if (field === 'coordinates') {
		return Array.isArray(value) &&
			value.length === 2 &&
			value.every((n) => typeof n === 'number' && Number.isFinite(n))
			? null
			: `must be [longitude, latitude], not ${describe(value)}.`;
	}
	const spec = EVENT_FIELDS[field];
	switch (spec.kind) {
		case 'day':
			return typeof value === 'string' && parseIsoDate(value) !== null
				? null
				: `must be the old date as YYYY-MM-DD, not ${describe(value)}.`;
		case 'texts':
		case 'excerpts':
		case 'places':
		case 'subset':
			return Array.isArray(value) && value.every((v) => typeof v === 'string')
				? null
				: `must be the old list of texts, not ${describe(value)}.`;
		case 'boolean':
		case 'flag':
			return typeof value === 'boolean' ? null : `must be true or false, not ${describe(value)}.`;
		case 'row':
			return Number.isInteger(value) ? null : `must be a whole number, not ${describe(value)}.`;
		default:
			return typeof value === 'string' ? null : `must be the old text, not ${describe(value)}.`;
	}
}

function readChange(
	raw: unknown,
	where: string,
	problems: ProblemList,
	events: HistoryEvents
): Change | null {
	if (!isRecord(raw)) {
		problems.add(`must be an object with "event" and "kind", not ${describe(raw)}.`, where);
		return null;
	}
	const read = new FieldReader(raw, where, problems);
	const event = read.text('event', { max: 200 });
	const kind = read.oneOf('kind', CHANGE_KINDS);
	const reason = read.text('reason', { optional: true, max: 1000, plain: true, multiline: true });
	if (event === undefined || kind === undefined) return null;
	if (!events.has(event)) {
		problems.add(`${quote(event)} is not an event of the story.`, where, 'event');
		return null;
	}
	const change: Change = { event, kind };
	if (reason !== undefined) change.reason = reason;
	if (kind === 'withdrawn' && reason === undefined) {
		problems.add(
			'a withdrawal needs its reason, which the reader sees beside the struck-through event.',
			where,
			'reason'
		);
		return null;
	}
	if (kind === 'revised') {
		const old = raw.old;
		if (!isRecord(old) || Object.keys(old).length === 0) {
			problems.add(
				'a revision lists each field that changed with its old value: { "start": "2025-02-01" }.',
				where,
				'old'
			);
			return null;
		}
		let ok = true;
		for (const [field, value] of Object.entries(old)) {
			if (!(REVISABLE as readonly string[]).includes(field)) {
				problems.add(
					`${quote(field)} is not a field a revision records (one of: ${REVISABLE.join(', ')}).`,
					where,
					`old.${field}`
				);
				ok = false;
				continue;
			}
			const wrong = oldValueProblem(field as RevisableField, value);
			if (wrong) {
				problems.add(wrong, where, `old.${field}`);
				ok = false;
			}
		}
		if (!ok) return null;
		change.old = old as Change['old'];
	}
	if (kind === 'corrected') {
		const note = raw.note;
		const count = events.notes?.(event);
		if (typeof note !== 'number' || !Number.isInteger(note) || note < 0) {
			problems.add(
				`must be the index (from 0) of the event's note that holds the correction, not ${describe(note)}.`,
				where,
				'note'
			);
			return null;
		}
		if (count !== undefined && note >= count) {
			problems.add(
				`is ${note}, but ${quote(event)} has ${count} note${count === 1 ? '' : 's'}: a correction's words (what was wrong, who reported it) are its note in the events file.`,
				where,
				'note'
			);
			return null;
		}
		change.note = note;
	}
	return change;
}

/**
 * Reads and checks a history against the story's events: ids, order in time, each change's
 * record, and the life of each event (never added twice, never changed while withdrawn, never
 * brought back without a reason).
 */
export function readHistory(
	contents: FileContents,
	events: HistoryEvents,
	file = HISTORY_FILE
): HistoryResult {
	const problems = new ProblemList(file);
	const json = parseJson(contents, problems);
	if (json === undefined) return { ok: false, problems: problems.list() };
	const list = isRecord(json) ? json.versions : undefined;
	if (!Array.isArray(list) || list.length === 0) {
		problems.add('must be an object whose "versions" lists each published version, oldest first.');
		return { ok: false, problems: problems.list() };
	}
	if (list.length > MAX_VERSIONS) {
		problems.add(
			`lists ${list.length.toLocaleString('en-GB')} versions; the limit is ${MAX_VERSIONS}.`
		);
		return { ok: false, problems: problems.list() };
	}
	const versions: Version[] = [];
	const seen = new Map<string, number>();
	list.forEach((raw: unknown, index) => {
		const label = `version ${index + 1}`;
		if (!isRecord(raw)) {
			problems.add(
				`must be an object with "id", "time", "note" and "changes", not ${describe(raw)}.`,
				label
			);
			return;
		}
		const read = new FieldReader(raw, label, problems);
		const id = read.text('id', { max: 40 });
		const time = read.text('time', { max: 40 });
		const note = read.text('note', { max: 2000, plain: true, multiline: true });
		if (id !== undefined && !VERSION_ID.test(id)) {
			problems.add(
				`${quote(id)} is not a version id: letters, digits, ".", "_" and "-", up to 40, starting with a letter or digit.`,
				label,
				'id'
			);
		}
		if (id !== undefined) {
			const first = seen.get(id);
			if (first !== undefined)
				problems.add(
					`${quote(id)} is the id of version ${first + 1} too; each version needs its own id.`,
					label,
					'id'
				);
			else seen.set(id, index);
		}
		const at = time === undefined ? null : versionTime(time);
		if (time !== undefined && at === null)
			problems.add(
				`${quote(time)} is not a real day (YYYY-MM-DD) or UTC moment (YYYY-MM-DDTHH:MMZ).`,
				label,
				'time'
			);
		const before = versions.at(-1);
		if (at !== null && before && at < before.at)
			problems.add(
				`${time} is older than the version before it (${quote(before.id)}, ${before.time}); versions are listed oldest first.`,
				label,
				'time'
			);
		const rawChanges = raw.changes ?? [];
		if (!Array.isArray(rawChanges)) {
			problems.add(`must be a list of changes, not ${describe(rawChanges)}.`, label, 'changes');
			return;
		}
		const changes: Change[] = [];
		rawChanges.forEach((c: unknown, k) => {
			const change = readChange(c, `${label} › change ${k + 1}`, problems, events);
			if (change) changes.push(change);
		});
		if (id !== undefined && at !== null && note !== undefined)
			versions.push({ id, time: time!, at, note, changes });
	});
	if (problems.count > 0) return { ok: false, problems: problems.list() };
	const history = { versions };
	lifeProblems(history, problems);
	return problems.count > 0 ? { ok: false, problems: problems.list() } : { ok: true, history };
}

type Life = 'absent' | 'present' | 'withdrawn';

/**
 * Walks every event's changes in order: what no single change can show wrong. An event whose
 * first recorded change is not its addition was in the first version.
 */
function lifeProblems(history: StoryHistory, problems: ProblemList): void {
	const life = new Map<string, { state: Life; since: string }>();
	const corrected = new Set<string>();
	const first = history.versions[0]!.id;
	for (const [index, version] of history.versions.entries()) {
		const inVersion = new Set<string>();
		for (const [k, change] of version.changes.entries()) {
			const where = `version ${index + 1} › change ${k + 1}`;
			const { event, kind } = change;
			// An event may take several corrections at once, one per note; the notes are checked below.
			const key = `${event}\u0000${kind}\u0000${kind === 'corrected' ? change.note : ''}`;
			if (inVersion.has(key)) {
				problems.add(
					`${quote(event)} is ${kind} twice in version ${quote(version.id)}; give one change with all of it.`,
					where
				);
				continue;
			}
			inVersion.add(key);
			const now = life.get(event) ?? {
				state: kind === 'added' ? 'absent' : 'present',
				since: first
			};
			if (kind === 'added') {
				if (now.state === 'present')
					problems.add(
						`${quote(event)} is in the story already (since version ${quote(now.since)}); only a new or withdrawn event can be added.`,
						where,
						'kind'
					);
				else if (now.state === 'withdrawn' && change.reason === undefined)
					problems.add(
						`${quote(event)} was withdrawn in version ${quote(now.since)}; bringing it back needs a reason.`,
						where,
						'reason'
					);
				life.set(event, { state: 'present', since: version.id });
				continue;
			}
			if (now.state === 'withdrawn') {
				problems.add(
					`${quote(event)} was withdrawn in version ${quote(now.since)}, and this version has it ${kind} without bringing it back: record it "added" again, with the reason.`,
					where,
					'kind'
				);
				continue;
			}
			if (kind === 'corrected') {
				const note = `${event}\u0000${change.note}`;
				if (corrected.has(note))
					problems.add(
						`note ${change.note} of ${quote(event)} is recorded as a correction twice.`,
						where,
						'note'
					);
				corrected.add(note);
			}
			life.set(
				event,
				kind === 'withdrawn'
					? { state: 'withdrawn', since: version.id }
					: { ...now, state: 'present' }
			);
		}
	}
}

/** One change of one event, with the version that made it. */
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
 * The event ids a history names, read before it is checked: a big story finds their rows in one
 * pass over its table, then checks the history against them.
 */
export function namedEvents(contents: FileContents): Set<string> {
	const ids = new Set<string>();
	let json: unknown;
	try {
		json = JSON.parse(typeof contents === 'string' ? contents : new TextDecoder().decode(contents));
	} catch {
		return ids;
	}
	const versions = isRecord(json) && Array.isArray(json.versions) ? json.versions : [];
	for (const version of versions) {
		const changes = isRecord(version) && Array.isArray(version.changes) ? version.changes : [];
		for (const change of changes)
			if (isRecord(change) && typeof change.event === 'string') ids.add(change.event);
	}
	return ids;
}
