import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { changesBetween } from '../../../src/lib/story/history';
import { readHistory } from '../../../src/lib/story/history-read';
import { formatProblem } from '../../../src/lib/story/problems';
import {
	eventFieldsOf,
	eventsAtVersion,
	unrecordedChanges
} from '../../../src/lib/story/version-check';

/** The seed story as a developing story: version 1 as published, version 2 with the desk's notes. */
const folder = 'geodata/stories/witkoff-putin-st-petersburg';
const current = eventFieldsOf(JSON.parse(readFileSync(`${folder}/events.geojson`, 'utf8')))!;
const result = readHistory(readFileSync(`${folder}/history.json`), {
	has: (id) => current.has(id),
	notes: (id) => (current.get(id)?.notes as unknown[] | undefined)?.length
});
if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
const history = result.history;

describe('the seed story’s history', () => {
	it('has version 1, the article as published on 12 April 2025, with no corrections', () => {
		const v1 = eventsAtVersion(current, history, '1')!;
		expect(history.versions[0]).toMatchObject({ id: '1', time: '2025-04-12', changes: [] });
		expect(v1.size).toBe(current.size);
		for (const event of v1.values()) expect(event.notes).toEqual([]);
		expect(v1.get('saudi-talks')).toMatchObject({ start: '2025-02-01', end: '2025-02-28' });
		expect(v1.get('prisoner-exchange')).toMatchObject({ place: 'washington', places: ['moscow'] });
	});

	it('records every note of every event as a correction in version 2, and nothing else unrecorded', () => {
		const v1 = eventsAtVersion(current, history, '1')!;
		expect(unrecordedChanges(v1, current, history).map(formatProblem)).toEqual([]);
		const notes = [...current.values()].reduce((n, e) => n + (e.notes as unknown[]).length, 0);
		const corrections = history.versions[1]!.changes.filter((c) => c.kind === 'corrected');
		expect(corrections).toHaveLength(notes);
	});

	it('tells a reader of version 1 what version 2 changed', () => {
		const set = changesBetween(history, '1')!;
		expect(set.counts).toEqual({ added: 0, corrected: 9, revised: 1, withdrawn: 0 });
		expect(set.status.get('air-defence-appeal')).toBe('revised');
	});
});
