import { describe, expect, it } from 'vitest';
import { MAX_CHUNK_BYTES } from '../../../../src/lib/story/columnar/layout';
import { checkTextChunk, chunkSpan } from '../../../../src/lib/story/columnar/text-chunks';
import { ProblemList } from '../../../../src/lib/story/problems';
import { chunkChecksum } from '../../../../src/lib/story/checksum';
import { ROWS, tableOf, textOf } from '../../../helpers/event-tables';

const table = tableOf(ROWS);
const words = () => ROWS.map((r) => textOf(r.id, r.row));

function check(contents: string | Uint8Array, chunk = 0, checksum?: string) {
	const problems = new ProblemList('text/0.json');
	checkTextChunk(table, chunk, contents, checksum, problems);
	return problems;
}

/** The chunk with event `k`'s words changed. */
const withText = (k: number, change: Record<string, unknown>) =>
	JSON.stringify(words().map((w, i) => (i === k ? { ...w, ...change } : w)));

describe('checkTextChunk', () => {
	it('a chunk with the words of its events, in order, passes', () => {
		expect(check(JSON.stringify(words())).list()).toEqual([]);
		expect(check(new TextEncoder().encode(JSON.stringify(words()))).count).toBe(0);
	});

	it('a chunk whose bytes are not those events.arrow keeps a checksum of is refused', () => {
		const own = JSON.stringify(words());
		expect(check(own, 0, chunkChecksum(own)).count).toBe(0);
		// Another chunk's words under this chunk's ids: every id is right, the checksum is not.
		const swapped = withText(0, { title: 'Strike 207 in Odesa', source: ['Row 207: …'] });
		const problems = check(swapped, 0, chunkChecksum(own));
		expect(problems.list().map((p) => p.message)).toEqual([
			expect.stringMatching(/^does not match the checksum events\.arrow keeps of it/)
		]);
	});

	it('spans CHUNK_SIZE events, the last one the rest', () => {
		const big = tableOf(
			Array.from({ length: 2500 }, (_, i) => ({ ...ROWS[0]!, id: `e${i}`, row: i + 2 }))
		);
		expect([0, 1, 2, 3].map((n) => chunkSpan(big, n))).toEqual([
			{ first: 0, count: 1000 },
			{ first: 1000, count: 1000 },
			{ first: 2000, count: 500 },
			{ first: 3000, count: 0 }
		]);
	});

	const cases: Array<
		[string, string | Uint8Array, { feature?: string; field?: string; says: RegExp }]
	> = [
		['not JSON', '[{"id":', { says: /^is not valid JSON/ }],
		['not UTF-8', Uint8Array.from([0x5b, 0xff, 0x5d]), { says: /^is not UTF-8 text/ }],
		[
			'an object, not a list',
			'{"ukr1":{}}',
			{ says: /^must be a list of the words of events 1 to 3, in the order of the events table\.$/ }
		],
		[
			'too few events',
			JSON.stringify(words().slice(0, 2)),
			{ says: /^holds the words of 2 events; it is for events 1 to 3 \(3\)\.$/ }
		],
		[
			'events out of order',
			JSON.stringify([words()[1], words()[0], words()[2]]),
			{
				feature: 'ukr1',
				field: 'id',
				says: /^holds the words of the text "ukr2", not of this event/
			}
		],
		[
			'a number for an event',
			JSON.stringify([7, ...words().slice(1)]),
			{ feature: 'ukr1', says: /^must be an object with the id, title/ }
		],
		[
			'a title with HTML',
			withText(0, { title: '<b>Shelling</b>' }),
			{ feature: 'ukr1', field: 'title', says: /^contains HTML/ }
		],
		[
			'a title over 160 characters',
			withText(1, { title: 'x'.repeat(161) }),
			{ feature: 'ukr2', field: 'title', says: /is 161 characters long; the limit is 160/ }
		],
		[
			'a title on two lines',
			withText(0, { title: 'Shelling\nin Kyiv' }),
			{ feature: 'ukr1', field: 'title', says: /contains a line break/ }
		],
		[
			'a summary with a bidi override',
			withText(2, { summary: 'Shelling \u202Eni Kyiv' }),
			{ feature: 'ukr10', field: 'summary', says: /bidirectional control character U\+202E/ }
		],
		[
			'a summary with a control character',
			withText(2, { summary: 'Shelling \u001B[2J' }),
			{ feature: 'ukr10', field: 'summary', says: /control character U\+001B/ }
		],
		[
			'an empty actor',
			withText(0, { actors: [''] }),
			{ feature: 'ukr1', field: 'actors[0]', says: /must be non-empty text/ }
		],
		[
			'no source',
			withText(0, { source: undefined }),
			{ feature: 'ukr1', field: 'source', says: /^is missing\.$/ }
		],
		[
			'an empty when',
			withText(0, { when: ' ' }),
			{ feature: 'ukr1', field: 'when', says: /^is empty\.$/ }
		],
		[
			'a note without who reported it',
			withText(1, { notes: [{ correction: 'Three buildings.' }] }),
			{ feature: 'ukr2', field: 'reportedBy', says: /^is missing\.$/ }
		]
	];

	it.each(cases)('%s', (_, contents, expected) => {
		expect(check(contents).list()).toContainEqual({
			file: 'text/0.json',
			feature: expected.feature,
			field: expected.field,
			message: expect.stringMatching(expected.says)
		});
	});

	it('a chunk over the size limit is refused unread, the limit named', () => {
		const problems = check(new Uint8Array(MAX_CHUNK_BYTES + 1048576));
		expect(problems.list()).toEqual([
			expect.objectContaining({ message: 'is 33 MB; a text chunk may weigh 32 MB.' })
		]);
	});
});
