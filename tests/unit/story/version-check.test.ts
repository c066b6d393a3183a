import { describe, expect, it } from 'vitest';
import type { StoryHistory } from '../../../src/lib/story/history';
import { readHistory } from '../../../src/lib/story/history-read';
import { formatProblem } from '../../../src/lib/story/problems';
import { unrecordedChanges, type EventFields } from '../../../src/lib/story/version-check';

const event = (id: string, more: Record<string, unknown> = {}): [string, EventFields] => [
	id,
	{
		id,
		title: `Event ${id}`,
		start: '2025-04-11',
		end: '2025-04-11',
		notes: [],
		coordinates: [1, 2],
		...more
	}
];

const note = { correction: 'It was Tuesday.', reportedBy: 'AP' };

function history(changes: unknown[]): StoryHistory {
	const ids = new Set(['a', 'b', 'c']);
	const result = readHistory(
		JSON.stringify({
			versions: [
				{ id: '1', time: '2025-04-12', note: 'As published.' },
				{ id: '2', time: '2025-04-13', note: 'Corrections.', changes }
			]
		}),
		{ has: (id) => ids.has(id) }
	);
	if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
	return result.history;
}

const previous = new Map([event('a'), event('b')]);
const check = (current: Map<string, EventFields>, changes: unknown[]) =>
	unrecordedChanges(previous, current, history(changes), 'events.geojson').map(formatProblem);

describe('a new version against the previous one', () => {
	it('passes when every change is recorded', () => {
		const current = new Map([
			event('a', { start: '2025-04-08', end: '2025-04-08', notes: [note] }),
			event('b'),
			event('c')
		]);
		expect(
			check(current, [
				{ event: 'a', kind: 'revised', old: { start: '2025-04-11', end: '2025-04-11' } },
				{ event: 'a', kind: 'corrected', note: 0 },
				{ event: 'c', kind: 'added' }
			])
		).toEqual([]);
	});

	it.each<[string, Map<string, EventFields>, unknown[], string]>([
		[
			'an event dropped with no withdrawal',
			new Map([event('a')]),
			[],
			'events.geojson › b: was in the previous version and is gone from the file, with no record.'
		],
		[
			'a field changed with no record',
			new Map([event('a', { title: 'New title' }), event('b')]),
			[],
			'events.geojson › a › title: changed since the previous version with no record: version "2" of the history needs a "revised" change of this event giving the old value, "\\"Event a\\"".'
		],
		[
			'a wrong old value',
			new Map([event('a', { start: '2025-04-10' }), event('b')]),
			[{ event: 'a', kind: 'revised', old: { start: '2025-04-09' } }],
			'events.geojson › a › start: the history gives its old value as "\\"2025-04-09\\"", but the previous version had "\\"2025-04-11\\"".'
		],
		[
			'a note added with no correction',
			new Map([event('a', { notes: [note] }), event('b')]),
			[],
			'events.geojson › a › notes: note 0 is new, with no record'
		],
		[
			'a new event with no addition',
			new Map([event('a'), event('b'), event('c')]),
			[],
			'events.geojson › c: is new since the previous version, with no record'
		],
		[
			'an event the previous version had, added',
			new Map([event('a'), event('b')]),
			[{ event: 'a', kind: 'added' }],
			'events.geojson › a: was in the previous version already'
		]
	])('refuses %s, naming the event', (_, current, changes, message) => {
		expect(check(current, changes).join('\n')).toContain(message);
	});

	it('refuses a note rewritten', () => {
		const before = new Map([event('a', { notes: [note] })]);
		const after = new Map([event('a', { notes: [{ ...note, reportedBy: 'Reuters' }] })]);
		const problems = unrecordedChanges(before, after, history([]), 'events.geojson');
		expect(problems.map(formatProblem).join('\n')).toContain(
			'events.geojson › a › notes: note 0 was changed or removed'
		);
	});
});

describe("a dataset row's position", () => {
	const row = (id: string, n: number, words: string) =>
		event(id, { row: n, source: [`Row ${n} (${id.toUpperCase()}): ${words}`] });
	const before = new Map([row('a', 2, 'Shelling in Kyiv.'), row('b', 3, 'A clash.')]);

	it.each<[string, Map<string, EventFields>, unknown[], string[]]>([
		[
			'a row that only moved needs no record',
			new Map([row('a', 7, 'Shelling in Kyiv.'), row('b', 2, 'A clash.')]),
			[],
			[]
		],
		[
			'its words changed need one, whatever its row',
			new Map([row('a', 7, 'Shelling in Kyiv, 3 killed.'), row('b', 3, 'A clash.')]),
			[],
			['events.geojson › a › source: changed since the previous version with no record']
		],
		[
			'and the old excerpt may keep its old row',
			new Map([row('a', 7, 'Shelling in Kyiv, 3 killed.'), row('b', 3, 'A clash.')]),
			[{ event: 'a', kind: 'revised', old: { source: ['Row 2 (A): Shelling in Kyiv.'] } }],
			[]
		]
	])('%s', (_, current, changes, expected) => {
		const problems = unrecordedChanges(before, current, history(changes), 'events.geojson').map(
			formatProblem
		);
		expect(problems.map((p) => p.slice(0, expected[0]?.length ?? 0))).toEqual(expected);
	});
});
