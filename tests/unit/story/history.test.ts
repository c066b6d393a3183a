import { describe, expect, it } from 'vitest';
import {
	historyJson,
	changesBetween,
	describeCounts,
	eventHistory,
	versionTime,
	withdrawnEvents,
	type HistoryEvents
} from '../../../src/lib/story/history';
import { readHistory } from '../../../src/lib/story/history-read';
import { formatProblem } from '../../../src/lib/story/problems';

const notes: Record<string, number> = { a: 1, b: 0, c: 2, d: 0 };
const events: HistoryEvents = { has: (id) => id in notes, notes: (id) => notes[id] };

const v = (id: string, time: string, changes: unknown[] = []) => ({
	id,
	time,
	note: `Version ${id}.`,
	changes
});

const read = (versions: unknown[]) => readHistory(JSON.stringify({ versions }), events);

const problemsOf = (versions: unknown[]) => {
	const result = read(versions);
	return result.ok ? [] : result.problems.map(formatProblem);
};

const good = [
	v('1', '2025-04-12'),
	v('2', '2025-04-12', [
		{ event: 'a', kind: 'corrected', note: 0 },
		{ event: 'c', kind: 'revised', old: { start: '2025-02-01', end: '2025-02-28' }, reason: 'r' }
	]),
	v('3', '2025-04-19T10:30Z', [
		{ event: 'd', kind: 'added' },
		{ event: 'b', kind: 'withdrawn', reason: 'It did not happen.' },
		{ event: 'c', kind: 'corrected', note: 1 }
	])
];

describe('reading a history', () => {
	it('reads a good one', () => {
		const result = read(good);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.history.versions.map((x) => x.id)).toEqual(['1', '2', '3']);
		expect(result.history.versions[2]!.changes).toHaveLength(3);
	});

	it.each<[string, unknown[], string]>([
		[
			'an unknown event',
			[v('1', '2025-04-12'), v('2', '2025-04-13', [{ event: 'zz', kind: 'added' }])],
			'history.json › version 2 › change 1 › event: "zz" is not an event of the story.'
		],
		[
			'two versions with one id',
			[v('1', '2025-04-12'), v('1', '2025-04-13')],
			'history.json › version 2 › id: "1" is the id of version 1 too; each version needs its own id.'
		],
		[
			'a version older than the one before it',
			[v('1', '2025-04-12'), v('2', '2025-04-11T23:00Z')],
			'history.json › version 2 › time: 2025-04-11T23:00Z is older than the version before it ("1", 2025-04-12); versions are listed oldest first.'
		],
		[
			'a withdrawn event brought back with no record',
			[
				v('1', '2025-04-12'),
				v('2', '2025-04-13', [{ event: 'a', kind: 'withdrawn', reason: 'Wrong.' }]),
				v('3', '2025-04-14', [{ event: 'a', kind: 'revised', old: { title: 'Old' } }])
			],
			'history.json › version 3 › change 1 › kind: "a" was withdrawn in version "2", and this version has it revised without bringing it back: record it "added" again, with the reason.'
		],
		[
			'a withdrawn event added back with no reason',
			[
				v('1', '2025-04-12'),
				v('2', '2025-04-13', [{ event: 'a', kind: 'withdrawn', reason: 'Wrong.' }]),
				v('3', '2025-04-14', [{ event: 'a', kind: 'added' }])
			],
			'history.json › version 3 › change 1 › reason: "a" was withdrawn in version "2"; bringing it back needs a reason.'
		],
		[
			'a withdrawal with no reason',
			[v('1', '2025-04-12'), v('2', '2025-04-13', [{ event: 'a', kind: 'withdrawn' }])],
			'history.json › version 2 › change 1 › reason: a withdrawal needs its reason, which the reader sees beside the struck-through event.'
		],
		[
			'an event added twice',
			[
				v('1', '2025-04-12'),
				v('2', '2025-04-13', [{ event: 'a', kind: 'added' }]),
				v('3', '2025-04-14', [{ event: 'a', kind: 'added' }])
			],
			'history.json › version 3 › change 1 › kind: "a" is in the story already (since version "2"); only a new or withdrawn event can be added.'
		],
		[
			'a correction naming a note the event does not have',
			[v('1', '2025-04-12'), v('2', '2025-04-13', [{ event: 'b', kind: 'corrected', note: 0 }])],
			'history.json › version 2 › change 1 › note: is 0, but "b" has 0 notes: a correction\'s words (what was wrong, who reported it) are its note in the events file.'
		],
		[
			'a revision with no old values',
			[v('1', '2025-04-12'), v('2', '2025-04-13', [{ event: 'a', kind: 'revised' }])],
			'history.json › version 2 › change 1 › old: a revision lists each field that changed with its old value: { "start": "2025-02-01" }.'
		],
		[
			'a revision of a field that is no field',
			[
				v('1', '2025-04-12'),
				v('2', '2025-04-13', [{ event: 'a', kind: 'revised', old: { colour: 'red' } }])
			],
			'history.json › version 2 › change 1 › old.colour: "colour" is not a field a revision records'
		],
		[
			'an old date that is no date',
			[
				v('1', '2025-04-12'),
				v('2', '2025-04-13', [{ event: 'a', kind: 'revised', old: { start: '2025-02-30' } }])
			],
			'history.json › version 2 › change 1 › old.start: must be the old date as YYYY-MM-DD, not the text "2025-02-30".'
		],
		[
			'an unknown kind',
			[v('1', '2025-04-12'), v('2', '2025-04-13', [{ event: 'a', kind: 'deleted' }])],
			'history.json › version 2 › change 1 › kind: "deleted" is not one of: added, revised, corrected, withdrawn.'
		],
		[
			'a time that is no time',
			[v('1', 'April 12')],
			'history.json › version 1 › time: "April 12" is not a real day (YYYY-MM-DD) or UTC moment (YYYY-MM-DDTHH:MMZ).'
		],
		[
			'a note corrected twice',
			[
				v('1', '2025-04-12'),
				v('2', '2025-04-13', [{ event: 'a', kind: 'corrected', note: 0 }]),
				v('3', '2025-04-14', [{ event: 'a', kind: 'corrected', note: 0 }])
			],
			'history.json › version 3 › change 1 › note: note 0 of "a" is recorded as a correction twice.'
		]
	])('refuses %s, saying so', (_, versions, message) => {
		expect(problemsOf(versions).join('\n')).toContain(message);
	});

	it.each([
		['no versions', '{"versions": []}'],
		['not JSON', '{"versions": ['],
		['a list', '[]']
	])('refuses %s', (_, text) => {
		const result = readHistory(text, events);
		expect(result.ok).toBe(false);
	});

	it('brings a withdrawn event back with a reason', () => {
		const result = read([
			v('1', '2025-04-12'),
			v('2', '2025-04-13', [{ event: 'a', kind: 'withdrawn', reason: 'Wrong.' }]),
			v('3', '2025-04-14', [{ event: 'a', kind: 'added', reason: 'Confirmed after all.' }])
		]);
		expect(result.ok).toBe(true);
	});

	it('reads times as days or UTC moments, and nothing else', () => {
		expect(versionTime('2025-04-12')).toBe(Date.UTC(2025, 3, 12));
		expect(versionTime('2025-04-12T10:30Z')).toBe(Date.UTC(2025, 3, 12, 10, 30));
		expect(versionTime('2025-04-12T24:00Z')).toBeNull();
		expect(versionTime('2025-02-29')).toBeNull();
	});
});

describe('what changed', () => {
	const result = read(good);
	if (!result.ok) throw new Error('the good history does not read');
	const history = result.history;

	it('between two neighbouring versions: exactly that version', () => {
		const set = changesBetween(history, '1', '2')!;
		expect([...set.status]).toEqual([
			['a', 'corrected'],
			['c', 'revised']
		]);
		expect(set.counts).toEqual({ added: 0, corrected: 1, revised: 1, withdrawn: 0 });
	});

	it('since a version skipped over: combined, the strongest word per event', () => {
		const set = changesBetween(history, '1')!;
		expect(Object.fromEntries(set.status)).toEqual({
			a: 'corrected',
			c: 'corrected',
			d: 'added',
			b: 'withdrawn'
		});
		expect(set.counts).toEqual({ added: 1, corrected: 2, revised: 0, withdrawn: 1 });
		expect(set.events.get('c')!.map((c) => c.version)).toEqual(['2', '3']);
		expect(describeCounts(set.counts)).toBe('1 new event, 2 corrected, 1 withdrawn');
	});

	it('since the latest: nothing', () => {
		expect(changesBetween(history, '3')!.events.size).toBe(0);
		expect(describeCounts(changesBetween(history, '3')!.counts)).toBe('no changes to events');
	});

	it('from an id that is no version: null', () => {
		expect(changesBetween(history, '9')).toBeNull();
	});

	it("gives an event's history and the withdrawn events", () => {
		expect(eventHistory(history, 'c').map((c) => c.change.kind)).toEqual(['revised', 'corrected']);
		expect(eventHistory(history, 'd').map((c) => c.change.kind)).toEqual(['added']);
		const withdrawn = withdrawnEvents(history);
		expect([...withdrawn.keys()]).toEqual(['b']);
		expect(withdrawn.get('b')!.change.reason).toBe('It did not happen.');
	});
});

describe('historyJson', () => {
	it('writes a history that reads back as itself, one change a line', () => {
		const result = read(good);
		if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
		const text = historyJson(result.history);
		const again = readHistory(text, events);
		expect(again).toEqual(result);
		const changes = result.history.versions.reduce((n, v) => n + v.changes.length, 0);
		expect(text.split('\n').filter((line) => line.includes('"event":'))).toHaveLength(changes);
	});
});
