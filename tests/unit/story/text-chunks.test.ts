import { describe, expect, it } from 'vitest';
import type { EventText } from '../../../src/lib/story/columnar/layout';
import { chunkChecksum } from '../../../src/lib/story/checksum';
import { chunkLength, readChunk, TextChunks } from '../../../src/lib/story/text-chunks';
import { tableOf } from '../../helpers/event-table';

const text = (id: string): EventText => ({
	id,
	title: `Title ${id}`,
	summary: 's',
	actors: [],
	when: '',
	source: ['x'],
	notes: []
});

describe('readChunk', () => {
	const table = tableOf([
		{ id: 'a', lon: 0, lat: 0, start: 1 },
		{ id: 'b', lon: 0, lat: 0, start: 2 }
	]);
	const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
	const read = (value: unknown) => {
		const file = bytes(value);
		return readChunk(file, table, 0, chunkChecksum(file));
	};

	it.each([
		[{}, 'is not a list of event texts.'],
		[[text('a')], 'holds 1 events where the table has 2.'],
		[[text('a'), { id: 'b' }], 'entry 2 is not an event’s text.'],
		[[text('a'), text('c')], 'entry 2 holds the words of another event than row 2 of the table.']
	])('refuses %j with a sentence', (value, message) => {
		expect(read(value)).toEqual({ ok: false, message });
	});

	it('refuses bytes that are not those events.arrow keeps a checksum of', () => {
		const own = bytes([text('a'), text('b')]);
		const other = bytes([{ ...text('a'), title: 'Strike 207 in Odesa' }, text('b')]);
		expect(readChunk(other, table, 0, chunkChecksum(own)).ok).toBe(false);
		expect(readChunk(own, table, 0, undefined).ok).toBe(false);
		expect(readChunk(own, table, 0, chunkChecksum(own)).ok).toBe(true);
	});

	it('takes a chunk, filling what the page does not need', () => {
		const result = read([
			{ id: 'a', title: 't', summary: 's', source: [] },
			{ id: 'b', title: 't', summary: 's', source: [] }
		]);
		expect(result.ok && result.texts[0]).toEqual({
			id: 'a',
			title: 't',
			summary: 's',
			actors: [],
			when: '',
			source: [],
			notes: []
		});
	});
});

describe('chunkLength', () => {
	it.each([
		[0, 2500, 1000],
		[2, 2500, 500],
		[3, 2500, 0]
	])('chunk %i of %i events holds %i', (chunk, length, n) => {
		expect(chunkLength(chunk, length)).toBe(n);
	});
});

describe('TextChunks', () => {
	const fetcher = () => {
		const asked: number[] = [];
		const fetch = async (chunk: number) => {
			asked.push(chunk);
			if (chunk === 9) return { ok: false as const, message: 'gone' };
			return {
				ok: true as const,
				texts: Array.from({ length: 1000 }, (_, i) => text(`e${chunk * 1000 + i}`))
			};
		};
		return { asked, fetch };
	};

	it('fetches a chunk once however often its rows are asked for', async () => {
		const { asked, fetch } = fetcher();
		const chunks = new TextChunks(fetch);
		expect(chunks.peek(1500)).toBeUndefined();
		const [a, b] = await Promise.all([chunks.text(1500), chunks.text(1999)]);
		expect(a).toEqual({ ok: true, text: text('e1500') });
		expect(b).toEqual({ ok: true, text: text('e1999') });
		expect(chunks.peek(1000)?.id).toBe('e1000');
		await chunks.text(1001);
		expect(asked).toEqual([1]);
	});

	it.each([
		{ name: 'a screenful inside one chunk', rows: [10, 11, 12], chunks: [0] },
		{ name: 'a screenful across two', rows: [998, 999, 1000, 1001], chunks: [0, 1] },
		{ name: 'a place’s page, scattered', rows: [5, 2500, 2600, 7, 40_001], chunks: [0, 2, 40] },
		{ name: 'nothing shown', rows: [], chunks: [] }
	])('want: $name asks for each chunk once', async ({ rows, chunks: expected }) => {
		const { asked, fetch } = fetcher();
		const chunks = new TextChunks(fetch, 100);
		chunks.want(rows);
		chunks.want(rows);
		await Promise.all(rows.map((row) => chunks.text(row)));
		expect(asked).toEqual(expected);
		for (const row of rows) expect(chunks.peek(row)?.id).toBe(`e${row}`);
	});

	it('keeps only the chunks used last', async () => {
		const { asked, fetch } = fetcher();
		const chunks = new TextChunks(fetch, 2);
		await chunks.text(0);
		await chunks.text(1000);
		await chunks.text(0);
		await chunks.text(2000);
		// Chunk 1 was the one used longest ago.
		expect(chunks.peek(1000)).toBeUndefined();
		expect(chunks.peek(0)?.id).toBe('e0');
		await chunks.text(1000);
		expect(asked).toEqual([0, 1, 2, 1]);
	});

	it('says what failed, and asks again next time', async () => {
		const { asked, fetch } = fetcher();
		const chunks = new TextChunks(fetch);
		expect(await chunks.text(9000)).toEqual({ ok: false, message: 'gone' });
		await chunks.text(9001);
		expect(asked).toEqual([9, 9]);
	});

	it('turns a thrown fetch into a sentence', async () => {
		const chunks = new TextChunks(() => Promise.reject(new Error('offline')));
		expect(await chunks.text(0)).toEqual({ ok: false, message: 'Error: offline' });
	});
});

describe('TextChunks listen', () => {
	it('tells of a chunk once peek can read it', async () => {
		const heard: Array<string | undefined> = [];
		const chunks = new TextChunks(async () => ({ ok: true, texts: [text('only')] }), 4);
		chunks.listen(() => heard.push(chunks.peek(0)?.id));
		await chunks.text(0);
		expect(heard).toEqual(['only']);
	});
});
