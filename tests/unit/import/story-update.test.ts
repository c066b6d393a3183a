import { describe, expect, it } from 'vitest';
import {
	BACK_IN_SOURCE,
	NO_LONGER_IN_SOURCE,
	StoryUpdate,
	type DatasetEvent
} from '../../../src/lib/import/story-update';
import type { Change } from '../../../src/lib/story/history';

/** An event as the importer makes it from row `row` of a file of dataset ids like "UKR1". */
const event = (id: string, row: number, more: Partial<DatasetEvent> = {}): DatasetEvent => ({
	id,
	title: `Shelling in ${id}`,
	summary: 'Shelling.',
	category: 'war',
	actors: ['Military Forces of Russia'],
	start: '2025-04-04',
	end: '2025-04-04',
	when: '4 April 2025',
	place: 'kyiv',
	coordinates: [30.52, 50.45],
	source: `Row ${row} (${id.toUpperCase()}): 4 April 2025, Kyiv. Shelling.`,
	row,
	...more
});

function update(
	old: DatasetEvent[],
	newer: DatasetEvent[],
	withdrawn: string[] = []
): { changes: Change[]; gone: string[]; counts: object } {
	const u = new StoryUpdate(new Set(withdrawn));
	for (const e of old) u.addOld(e);
	for (const e of newer) u.addNew(e);
	u.resolve(old);
	const gone = u.gone().map((e) => `${e.id}@${e.row}`);
	return { changes: u.version('2', '2025-04-13', 0, 'Update').changes, gone, counts: u.counts };
}

describe('a newer file of a dataset against its story', () => {
	it.each<[string, DatasetEvent[], DatasetEvent[], string[], Change[], string[]]>([
		[
			'the same rows: no change',
			[event('a', 2), event('b', 3)],
			[event('a', 2), event('b', 3)],
			[],
			[],
			[]
		],
		[
			'rows that only moved: no change (row and "Row N" are positions)',
			[event('a', 2), event('b', 3)],
			[event('b', 2), event('a', 3)],
			[],
			[],
			[]
		],
		[
			'a row new: added',
			[event('a', 2)],
			[event('a', 2), event('c', 3)],
			[],
			[{ event: 'c', kind: 'added' }],
			[]
		],
		[
			'a row changed: revised, with only the fields that changed and their old values',
			[event('a', 2)],
			[event('a', 5, { title: 'Airstrike in a', end: '2025-04-05', coordinates: [30.5, 50.4] })],
			[],
			[
				{
					event: 'a',
					kind: 'revised',
					old: { title: 'Shelling in a', end: '2025-04-04', coordinates: [30.52, 50.45] }
				}
			],
			[]
		],
		[
			"the row's words changed: its excerpt's old value is whole, its old row included",
			[event('a', 2)],
			[event('a', 9, { source: 'Row 9 (A): 4 April 2025, Kyiv. Shelling, 3 killed.' })],
			[],
			[
				{
					event: 'a',
					kind: 'revised',
					old: { source: ['Row 2 (A): 4 April 2025, Kyiv. Shelling.'] }
				}
			],
			[]
		],
		[
			'a row gone: withdrawn, and kept with its last row',
			[event('a', 2), event('b', 3)],
			[event('b', 2)],
			[],
			[{ event: 'a', kind: 'withdrawn', reason: NO_LONGER_IN_SOURCE }],
			['a@2']
		],
		[
			'a row gone that an earlier version withdrew: kept, not withdrawn again',
			[event('a', 2), event('b', 3)],
			[event('b', 2)],
			['a'],
			[],
			['a@2']
		],
		[
			'a withdrawn row back in the file: added again, with the reason, then revised',
			[event('a', 2), event('b', 3)],
			[event('b', 2), event('a', 3, { title: 'Back' })],
			['a'],
			[
				{ event: 'a', kind: 'added', reason: BACK_IN_SOURCE },
				{ event: 'a', kind: 'revised', old: { title: 'Shelling in a' } }
			],
			[]
		]
	])('%s', (_, old, newer, withdrawn, changes, gone) => {
		const result = update(old, newer, withdrawn);
		expect(result.changes).toEqual(changes);
		expect(result.gone).toEqual(gone);
	});

	it('counts each kind once per event', () => {
		const { counts } = update(
			[event('a', 2), event('b', 3), event('c', 4)],
			[event('a', 2, { summary: 'More.' }), event('c', 3), event('d', 4)]
		);
		expect(counts).toEqual({ added: 1, revised: 1, withdrawn: 1, unchanged: 1 });
	});

	it('gives a gone event back as it was, to be written again', () => {
		const a = event('a', 2, { actors: ['X', 'Y'] });
		const u = new StoryUpdate();
		u.addOld(a);
		u.resolve([a]);
		expect(u.gone()).toEqual([a]);
	});
});
