/**
 * Reads and checks a story's `history.json` (history.ts holds what a history is and what changed
 * between versions). A module of its own: the validator's field readers come with it, and the
 * reader's page loads it only with the history, after the page is on screen.
 */
import { FieldReader } from './fields';
import {
	CHANGE_KINDS,
	HISTORY_FILE,
	MAX_VERSIONS,
	REVISABLE,
	versionTime,
	type Change,
	type HistoryEvents,
	type HistoryResult,
	type RevisableField,
	type StoryHistory,
	type Version,
	withdrawnEvents
} from './history';
import { isRecord, parseJson, type FileContents } from './json-file';
import { ProblemList } from './problems';
import { EVENT_FIELDS } from './schema';
import { parseIsoDate } from './dates';
import { describe, quote } from './text';

/** A version's id: short, and safe in a URL (`?since=2`). */
const VERSION_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

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

/**
 * The events a history withdraws, for the validator's row rule (validate-table.ts, TableOptions):
 * read before the events are, so it is not yet checked against them, which the caller does after.
 * None from a history that cannot be read: the events are then checked as if it had none.
 */
export function withdrawnIds(contents: FileContents): Set<string> {
	const read = readHistory(contents, { has: () => true });
	return new Set(read.ok ? withdrawnEvents(read.history).keys() : []);
}
