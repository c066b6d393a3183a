import { describe, expect, it } from 'vitest';
import { guessDelimiter } from '../../../src/lib/import/delimiter';

describe('guessDelimiter', () => {
	it.each([
		['date,place,lat,lon\n1,2,3,4', ','],
		['date;place;lat;lon\n2025;"a,b";1,5;2,5', ';'],
		['date\tplace\tlat\n', '\t'],
		['date|place|lat\n', '|'],
		// Commas inside quotes do not count.
		['"a,b,c,d";"e";"f"\n', ';'],
		// Only the first line counts: the rows' decimal commas do not outvote the header.
		['date;lat;lon\n1,1;2,2;3,3,4,4,5,5\n', ';'],
		['single\n', ','],
		['', ',']
	])('%j → %j', (text, delimiter) => {
		expect(guessDelimiter(text)).toBe(delimiter);
	});
});
