/**
 * "Publish a new version": the story open in the studio against its last published version, by
 * event id. What changed is what `unrecordedChanges` (story/version-check.ts) finds unrecorded
 * against an empty new version, so the studio and check:data never disagree on it; the editor then
 * gives the notes a correction or a withdrawal needs, and the new version is checked by the same
 * function before anything is exported.
 */
import { readHistory } from '../story/history-read';
import {
	formatTime,
	HISTORY_FILE,
	historyJson,
	versionTime,
	withdrawnEvents,
	type Change,
	type StoryHistory
} from '../story/history';
import { formatProblem, type Problem } from '../story/problems';
import type { Note } from '../story/schema';
import { eventFieldsOf, unrecordedChanges, type EventFields } from '../story/version-check';
import type { StudioProject } from './project';
import { toBundle, toFiles, type StoryBundle } from './story-files';

/** The version the story was opened as: its history, and its events as the studio exports them. */
export interface LastPublished {
	/** No versions where the story came without a history.json. */
	history: StoryHistory;
	events: Record<string, EventFields>;
}

export interface FieldChange {
	field: string;
	old: unknown;
	now: unknown;
}

/** One event's change since the last version, as the dialog lists it. */
export interface ProposedChange {
	event: string;
	title: string;
	kind: 'added' | 'revised' | 'withdrawn';
	/** revised: each field that changed. */
	fields: FieldChange[];
	/** Notes the editor added to the event (each a correction, its words already written). */
	newNotes: number[];
}

export interface Proposal {
	changes: ProposedChange[];
	/** What cannot be published whatever the notes say (a rewritten note, too many changes). */
	problems: Problem[];
}

/** The editor's answer for one changed event. */
export interface Answer {
	/** revised: true where the change corrects a mistake (the default), false for an update. */
	correction?: boolean;
	/** What was wrong, and who reported it; for a correction. */
	note?: Partial<Note>;
	/** Why it is withdrawn. */
	reason?: string;
}

export interface VersionInput {
	note: string;
	/** YYYY-MM-DD */
	time: string;
	answers: Readonly<Record<string, Answer>>;
}

export type Published =
	| { ok: true; history: StoryHistory; project: StudioProject; files: PublishedFile[] }
	| { ok: false; missing: string[] };

export interface PublishedFile {
	name: string;
	text: string;
}

/** The project's story as the baseline of its next version (what it was opened as). */
export function lastPublishedOf(project: StudioProject, history: StoryHistory): LastPublished {
	return { history, events: Object.fromEntries(eventsOf(toBundle(project))) };
}

function eventsOf(bundle: StoryBundle): Map<string, EventFields> {
	return eventFieldsOf(bundle.events) ?? new Map();
}

const alreadyWithdrawn = (history: StoryHistory) =>
	new Set(history.versions.length > 0 ? withdrawnEvents(history).keys() : []);

/**
 * The events withdrawn before, and those the editor rejects now: a withdrawn event stays in the
 * file, as its last version had it, so readers still see it struck through.
 */
function withdrawnIds(project: StudioProject, last: LastPublished): Set<string> {
	const before = alreadyWithdrawn(last.history);
	for (const e of project.events)
		if (e.review !== 'accepted' && e.id in last.events) before.add(e.id);
	return before;
}

/** The project with every withdrawn event kept, accepted, so the export carries it. */
function keepWithdrawn(project: StudioProject, withdrawn: ReadonlySet<string>): StudioProject {
	return {
		...project,
		events: project.events.map((e) => (withdrawn.has(e.id) ? { ...e, review: 'accepted' } : e))
	};
}

const nextId = (history: StoryHistory) => {
	const numbers = history.versions.map((v) => Number(v.id)).filter(Number.isInteger);
	let id = Math.max(history.versions.length, ...numbers) + 1;
	while (history.versions.some((v) => v.id === String(id))) id++;
	return String(id);
};

/** An empty new version after the last: what unrecordedChanges measures the story against. */
function withVersion(history: StoryHistory, time: string, note: string, changes: Change[]) {
	const id = nextId(history);
	return {
		versions: [...history.versions, { id, time, at: versionTime(time) ?? 0, note, changes }]
	};
}

const notesOf = (fields: EventFields | undefined): unknown[] =>
	Array.isArray(fields?.notes) ? fields.notes : [];

/** What changed since the last version, per event, in the order of the project's events. */
export function proposeVersion(project: StudioProject, last: LastPublished): Proposal {
	const previous = new Map(Object.entries(last.events));
	const already = alreadyWithdrawn(last.history);
	const current = eventsOf(toBundle(keepWithdrawn(project, already)));
	const empty = withVersion(last.history, '1970-01-01', '', []);
	const found = unrecordedChanges(previous, current, empty);
	const byEvent = new Map<string, ProposedChange>();
	const problems: Problem[] = [];
	const byNotes = new Set<string>();
	const title = (id: string) =>
		project.events.find((e) => e.id === id)?.title ?? String(previous.get(id)?.title ?? id);
	const entry = (id: string, kind: ProposedChange['kind']) => {
		let change = byEvent.get(id);
		if (!change)
			byEvent.set(id, (change = { event: id, title: title(id), kind, fields: [], newNotes: [] }));
		return change;
	};
	for (const problem of found) {
		const id = problem.feature;
		if (problem.more || id === undefined) {
			problems.push(problem);
			continue;
		}
		const before = previous.get(id);
		const now = current.get(id);
		if (!problem.field) entry(id, before ? 'withdrawn' : 'added');
		else if (problem.field === 'notes') {
			if (byNotes.has(id)) continue;
			byNotes.add(id);
			const old = notesOf(before);
			const notes = notesOf(now);
			// A new note is a correction already written; a rewritten one can never be published.
			if (old.some((note, i) => JSON.stringify(note) !== JSON.stringify(notes[i])))
				problems.push(...found.filter((p) => p.feature === id && p.field === 'notes'));
			else
				entry(id, 'revised').newNotes.push(
					...notes.map((_, i) => i).filter((i) => i >= old.length)
				);
		} else {
			const field = problem.field;
			const nowValue = now?.[field] ?? null;
			// A field the export leaves out when empty was an empty list before.
			const old = field in (before ?? {}) ? before![field] : Array.isArray(nowValue) ? [] : null;
			entry(id, 'revised').fields.push({ field, old, now: nowValue });
		}
	}
	const order = new Map(project.events.map((e, i) => [e.id, i]));
	const changes = [...byEvent.values()].sort(
		(a, b) => (order.get(a.event) ?? -1) - (order.get(b.event) ?? -1)
	);
	return { changes, problems };
}

const said = (text: string | undefined) => (text ?? '').trim();

/** Whether the editor still owes a note for this change; the sentence naming the event if so. */
function owed(change: ProposedChange, answer: Answer | undefined): string | null {
	const name = `“${change.title}” (${change.event})`;
	if (change.kind === 'withdrawn')
		return said(answer?.reason) ? null : `${name} is withdrawn: give the reason.`;
	if (change.kind !== 'revised' || change.fields.length === 0 || answer?.correction === false)
		return null;
	return said(answer?.note?.correction) && said(answer?.note?.reportedBy)
		? null
		: `${name} is corrected: say what was wrong and who reported it, or mark it an update.`;
}

/** Every note still missing, naming the event it is for; [] when the version may be published. */
export function missingNotes(proposal: Proposal, input: VersionInput): string[] {
	const missing: string[] = [];
	if (proposal.changes.length === 0) missing.push('Nothing changed since the last version.');
	if (!said(input.note)) missing.push('Give this version a note: what it changes, in a sentence.');
	if (versionTime(input.time) === null) missing.push('Give this version’s date as YYYY-MM-DD.');
	for (const change of proposal.changes) {
		const line = owed(change, input.answers[change.event]);
		if (line) missing.push(line);
	}
	for (const problem of proposal.problems) missing.push(formatProblem(problem));
	return missing;
}

/**
 * The new version: its history, the project with each correction's note added, and the story's
 * files to export with history.json. Refused, naming each event, while a note is missing, or
 * where the result would not pass check:data's own test of a new version.
 */
export function publishVersion(
	project: StudioProject,
	last: LastPublished,
	proposal: Proposal,
	input: VersionInput
): Published {
	const missing = missingNotes(proposal, input);
	if (missing.length > 0) return { ok: false, missing };
	const changes: Change[] = [];
	const corrections = new Map<string, Note>();
	const previous = new Map(Object.entries(last.events));
	for (const change of proposal.changes) {
		const answer = input.answers[change.event];
		const event = change.event;
		if (change.kind === 'added') changes.push({ event, kind: 'added' });
		if (change.kind === 'withdrawn')
			changes.push({ event, kind: 'withdrawn', reason: said(answer?.reason) });
		if (change.kind !== 'revised') continue;
		if (change.fields.length > 0) {
			changes.push({
				event,
				kind: 'revised',
				old: Object.fromEntries(change.fields.map((f) => [f.field, f.old]))
			});
		}
		for (const note of change.newNotes) changes.push({ event, kind: 'corrected', note });
		if (change.fields.length > 0 && answer?.correction !== false) {
			const own = project.events.find((e) => e.id === event)?.notes.length ?? 0;
			corrections.set(event, {
				correction: said(answer?.note?.correction),
				reportedBy: said(answer?.note?.reportedBy)
			});
			changes.push({ event, kind: 'corrected', note: own });
		}
	}
	const corrected: StudioProject = {
		...project,
		events: project.events.map((e) => {
			const note = corrections.get(e.id);
			return note ? { ...e, notes: [...e.notes, note] } : e;
		})
	};
	const base: StoryHistory =
		last.history.versions.length > 0
			? last.history
			: withVersion(
					last.history,
					project.published || input.time,
					'The story as first published.',
					[]
				);
	const history = withVersion(base, input.time, said(input.note), changes);
	const bundle = toBundle(keepWithdrawn(corrected, withdrawnIds(project, last)));
	const current = eventsOf(bundle);
	const text = historyJson(history);
	const read = readHistory(text, {
		has: (id) => current.has(id),
		notes: (id) => notesOf(current.get(id)).length
	});
	const problems = read.ok
		? unrecordedChanges(previous, current, read.history, 'events.geojson')
		: read.problems;
	if (!read.ok || problems.length > 0)
		return {
			ok: false,
			missing: problems.map(formatProblem)
		};
	return {
		ok: true,
		history: read.history,
		project: {
			...corrected,
			lastPublished: { history: read.history, events: Object.fromEntries(current) }
		},
		files: [...toFiles(bundle), { name: HISTORY_FILE, text }]
	};
}

/**
 * A published story opened for its next version: the project, and its history checked against
 * its events (a story with no history.json starts one).
 */
export function openPublished(
	project: StudioProject,
	historyText: string | null
): { ok: true; project: StudioProject } | { ok: false; problems: Problem[] } {
	const events = eventsOf(toBundle(project));
	let history: StoryHistory = { versions: [] };
	if (historyText !== null) {
		const read = readHistory(historyText, {
			has: (id) => events.has(id),
			notes: (id) => notesOf(events.get(id)).length
		});
		if (!read.ok) return read;
		history = read.history;
	}
	return { ok: true, project: { ...project, lastPublished: lastPublishedOf(project, history) } };
}

/** A field's value as the dialog shows it: "washington", "moscow, kyiv", "none". */
export function showValue(value: unknown): string {
	if (value === null || value === undefined || (Array.isArray(value) && value.length === 0))
		return 'none';
	if (Array.isArray(value) && value.every((v) => typeof v !== 'object')) return value.join(', ');
	return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The version this one follows, as the dialog names it: "version 2 of 12 April 2025". */
export function lastVersionName(last: LastPublished): string {
	const version = last.history.versions.at(-1);
	return version ? `version ${version.id} of ${formatTime(version.at)}` : 'the story as opened';
}
