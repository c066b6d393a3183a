import { describe, expect, it } from 'vitest';
import { EventColumns, chunkJson, dayOf, eventText } from '../../../src/lib/import/event-columns';
import type { ImportedEvent } from '../../../src/lib/import/rows-to-events';
import { eventId } from '../../../src/lib/story/event-table';
import { parseIsoDate, toIsoDate } from '../../../src/lib/story/dates';

const event = (
	id: string,
	start: string,
	end: string,
	row: number,
	place = 'kyiv'
): ImportedEvent => ({
	id,
	title: `Event ${id}`,
	summary: 'What happened.',
	category: row % 2 ? 'war' : 'strike',
	actors: ['Someone'],
	start,
	end,
	when: start,
	place,
	source: `Row ${row} (${id.toUpperCase()}): ${start}, Kyiv.`,
	row,
	coordinates: place === 'kyiv' ? [30.5234, 50.4501] : [36.2304, 49.9935]
});

describe('dayOf', () => {
	it.each([
		'0001-01-01',
		'0050-04-11',
		'0999-12-31',
		'1600-02-29',
		'1899-12-31',
		'1900-03-01',
		'1969-12-31',
		'1970-01-01',
		'2000-02-29',
		'2024-02-29',
		'2025-04-12',
		'2100-03-01',
		'9999-12-31'
	])('%s is the day story/dates.ts makes of it', (text) => {
		expect(dayOf(text)).toBe(parseIsoDate(text));
		expect(toIsoDate(dayOf(text))).toBe(text);
	});

	it('every day from 1900 to 2100 agrees with parseIsoDate', () => {
		const from = parseIsoDate('1900-01-01')!;
		const to = parseIsoDate('2100-12-31')!;
		const wrong: string[] = [];
		for (let day = from; day <= to; day++)
			if (dayOf(toIsoDate(day)) !== day) wrong.push(toIsoDate(day));
		expect(wrong).toEqual([]);
	});

	it('refuses anything the importer would not write', () => {
		expect(() => dayOf('12/04/2025')).toThrow(/as a date/);
	});
});

describe('EventColumns', () => {
	it('sorts by start, then end, then id, and says where each event came from', () => {
		const columns = new EventColumns();
		const added = [
			event('b', '2025-04-02', '2025-04-02', 2),
			event('a', '2025-04-02', '2025-04-02', 3, 'kharkiv'),
			event('c', '2025-04-01', '2025-04-07', 4),
			event('d', '2025-04-01', '2025-04-01', 5, 'kharkiv')
		];
		for (const e of added) columns.add(e);
		const { table, order } = columns.finish();
		expect(Array.from(order)).toEqual([3, 2, 1, 0]);
		expect(Array.from({ length: 4 }, (_, i) => eventId(table, i))).toEqual(['d', 'c', 'a', 'b']);
		expect(Array.from(table.row)).toEqual([5, 4, 3, 2]);
		expect(Array.from(table.start).map(toIsoDate)).toEqual([
			'2025-04-01',
			'2025-04-01',
			'2025-04-02',
			'2025-04-02'
		]);
		expect(Array.from(table.end).map(toIsoDate)[1]).toBe('2025-04-07');
		expect(table.places).toEqual(['kyiv', 'kharkiv']);
		expect(Array.from(table.place).map((p) => table.places[p])).toEqual([
			'kharkiv',
			'kyiv',
			'kharkiv',
			'kyiv'
		]);
		expect(Array.from(table.category).map((c) => table.categories[c])).toEqual([
			'war',
			'strike',
			'war',
			'strike'
		]);
		expect(Array.from(table.lon)).toEqual([36.2304, 30.5234, 36.2304, 30.5234]);
	});

	it('grows past its first thousand slots', () => {
		const columns = new EventColumns();
		for (let i = 0; i < 5000; i++)
			columns.add(event(`e${String(i).padStart(4, '0')}`, '2025-04-01', '2025-04-01', i + 2));
		const { table } = columns.finish();
		expect(table.length).toBe(5000);
		expect(table.row[4999]).toBe(5001);
		expect(eventId(table, 4999)).toBe('e4999');
	});
});

describe('text chunks', () => {
	it("an event's words keep its excerpt, the row it came from", () => {
		const text = eventText(event('ukr1', '2025-04-01', '2025-04-01', 2));
		expect(text).toEqual({
			id: 'ukr1',
			title: 'Event ukr1',
			summary: 'What happened.',
			actors: ['Someone'],
			when: '2025-04-01',
			source: ['Row 2 (UKR1): 2025-04-01, Kyiv.'],
			notes: []
		});
		const texts = [JSON.stringify(text), JSON.stringify({ ...text, id: 'ukr2' })];
		expect(JSON.parse(chunkJson(texts))).toEqual([text, { ...text, id: 'ukr2' }]);
	});
});
