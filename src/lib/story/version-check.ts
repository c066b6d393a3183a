/**
 * A new version against the one published before it: nothing may change without a record in
 * the new version of the history. An event of the old version must still be in the file
 * (withdrawn, at most); a field that changed needs a revision giving its old value; a new note
 * needs a correction naming it; a new event needs its addition.
 */
import { latestVersion, type StoryHistory } from './history';
import { ProblemList, type Problem } from './problems';
import { quote } from './text';

/** An event as its file holds it: its properties, and its point as `coordinates`. */
export type EventFields = Readonly<Record<string, unknown>>;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

const EMPTY: Readonly<Record<string, unknown>> = { inferred: [], places: [], notes: [] };

/**
 * A dataset's excerpt begins "Row N (id): " (import/rows-to-events.ts): where the row sat in its
 * file, which a newer file of the dataset moves. Like `row`, it is no part of what a version
 * changes (geodata/README.md, "history.json").
 */
const ROW_PREFIX = /^Row \d+(?: \([^)]*\))?: /;
export const withoutRowPrefix = (source: string): string => source.replace(ROW_PREFIX, '');

/** A field's value as versions compare it: `row` not at all, an excerpt without its row. */
function comparable(field: string, value: unknown): unknown {
	if (field === 'source' && Array.isArray(value))
		return value.map((s) => (typeof s === 'string' ? withoutRowPrefix(s) : s));
	return value;
}

export function unrecordedChanges(
	previous: ReadonlyMap<string, EventFields>,
	current: ReadonlyMap<string, EventFields>,
	history: StoryHistory,
	file = 'events'
): Problem[] {
	const problems = new ProblemList(file);
	const version = latestVersion(history);
	const changes = new Map<string, (typeof version.changes)[number][]>();
	for (const change of version.changes) {
		changes.set(change.event, [...(changes.get(change.event) ?? []), change]);
	}
	const v = quote(version.id);
	for (const [id, before] of previous) {
		const now = current.get(id);
		const recorded = changes.get(id) ?? [];
		if (!now) {
			problems.add(
				`was in the previous version and is gone from the file, with no record. Keep it, and withdraw it in version ${v} of the history ("kind": "withdrawn", with the reason): a withdrawn event stays visible to readers.`,
				id
			);
			continue;
		}
		if (recorded.some((c) => c.kind === 'added'))
			problems.add(`was in the previous version already; version ${v} of the history adds it.`, id);
		const revised = recorded.find((c) => c.kind === 'revised');
		const fields = new Set([...Object.keys(before), ...Object.keys(now)]);
		for (const field of fields) {
			if (field === 'notes' || field === 'row') continue;
			const old = before[field] ?? EMPTY[field];
			if (same(comparable(field, old), comparable(field, now[field] ?? EMPTY[field]))) continue;
			if (!revised?.old || !(field in revised.old)) {
				problems.add(
					`changed since the previous version with no record: version ${v} of the history needs a "revised" change of this event giving the old value, ${quote(JSON.stringify(old ?? null))}.`,
					id,
					field
				);
			} else if (
				!same(
					comparable(field, revised.old[field as keyof typeof revised.old]),
					comparable(field, old)
				)
			) {
				problems.add(
					`the history gives its old value as ${quote(JSON.stringify(revised.old[field as keyof typeof revised.old]))}, but the previous version had ${quote(JSON.stringify(old))}.`,
					id,
					field
				);
			}
		}
		const oldNotes = Array.isArray(before.notes) ? before.notes : [];
		const newNotes = Array.isArray(now.notes) ? now.notes : [];
		oldNotes.forEach((note, i) => {
			if (!same(note, newNotes[i]))
				problems.add(
					`note ${i} was changed or removed; a correction is never taken back or rewritten: add a new note instead.`,
					id,
					'notes'
				);
		});
		for (let i = oldNotes.length; i < newNotes.length; i++) {
			if (!recorded.some((c) => c.kind === 'corrected' && c.note === i))
				problems.add(
					`note ${i} is new, with no record: version ${v} of the history needs a "corrected" change of this event with "note": ${i}.`,
					id,
					'notes'
				);
		}
	}
	for (const id of current.keys()) {
		if (previous.has(id)) continue;
		if (!(changes.get(id) ?? []).some((c) => c.kind === 'added'))
			problems.add(
				`is new since the previous version, with no record: version ${v} of the history needs an "added" change of it.`,
				id
			);
	}
	return problems.list();
}

/** A GeoJSON events file's events as `EventFields` by id; null where it is no such file. */
export function eventFieldsOf(json: unknown): Map<string, EventFields> | null {
	if (
		typeof json !== 'object' ||
		json === null ||
		!Array.isArray((json as { features?: unknown }).features)
	)
		return null;
	const out = new Map<string, EventFields>();
	for (const feature of (json as { features: unknown[] }).features) {
		const f = feature as {
			properties?: Record<string, unknown>;
			geometry?: { coordinates?: unknown };
		};
		const id = f.properties?.id;
		if (typeof id !== 'string') continue;
		out.set(id, { ...f.properties, coordinates: f.geometry?.coordinates });
	}
	return out;
}

/**
 * The events as version `id` published them, from the events now and the history: each later
 * version undone, newest first (an addition removed, a revision's old values put back, a
 * correction's note taken off). A withdrawn event stays, as it does in the file. Null for an id
 * that is no version.
 */
export function eventsAtVersion(
	current: ReadonlyMap<string, EventFields>,
	history: StoryHistory,
	id: string
): Map<string, EventFields> | null {
	const index = history.versions.findIndex((v) => v.id === id);
	if (index < 0) return null;
	const events = new Map(current);
	for (let v = history.versions.length - 1; v > index; v--) {
		const changes = history.versions[v]!.changes;
		// Notes come off highest first, so each index still names the note it named.
		const notes = changes
			.filter((c) => c.kind === 'corrected')
			.sort((a, b) => (b.note ?? 0) - (a.note ?? 0));
		for (const change of [...changes.filter((c) => c.kind !== 'corrected'), ...notes]) {
			const event = events.get(change.event);
			if (!event) continue;
			if (change.kind === 'added') events.delete(change.event);
			else if (change.kind === 'revised' && change.old) {
				const old: Record<string, unknown> = { ...event };
				for (const [field, value] of Object.entries(change.old)) {
					if (value === null) delete old[field];
					else old[field] = value;
				}
				events.set(change.event, old);
			} else if (change.kind === 'corrected' && Array.isArray(event.notes)) {
				events.set(change.event, {
					...event,
					notes: event.notes.filter((_, i) => i !== change.note)
				});
			}
		}
	}
	return events;
}
