import { describe, expect, it } from 'vitest';
import type { Bounds } from '../../../src/lib/geo/bounds';
import {
	CHAR_WIDTH_PX,
	eastLabelRoom,
	type LabelledPlace
} from '../../../src/lib/geo/place-labels';

const place = (name: string, lon: number, radius = 8): LabelledPlace => ({
	type: 'Feature',
	properties: { name, radius },
	geometry: { type: 'Point', coordinates: [lon, 50] }
});

describe('eastLabelRoom: what the east-most labels need right of their places', () => {
	const bounds: Bounds = [-77, 24, 54.4, 60];
	it.each([
		['no places', [], 0],
		[
			'the east-most place alone',
			[place('Abu Dhabi', 54.4), place('Washington', -77)],
			8 + 5 + 9 * CHAR_WIDTH_PX + 2
		],
		[
			'the longest name among places at the east edge',
			[place('Dubai', 54.3, 20), place('Abu Dhabi', 54.4)],
			8 + 5 + 9 * CHAR_WIDTH_PX + 2
		],
		[
			'a bigger circle pushes its label further',
			[place('Doha', 54.4, 30)],
			30 + 5 + 4 * CHAR_WIDTH_PX + 2
		],
		[
			'a place two degrees west of the edge is not on it',
			[place('Abu Dhabi', 54.4, 0), place('Kuwait City with a long name', 52.4)],
			0 + 5 + 9 * CHAR_WIDTH_PX + 2
		]
	] as const)('%s', (_, places, room) => {
		expect(eastLabelRoom(places, bounds)).toBeCloseTo(room, 6);
	});

	it('a story at one point: every place is on its east edge', () => {
		const at: Bounds = [30.3, 59.9, 30.3, 59.9];
		expect(eastLabelRoom([place('St Petersburg', 30.3, 10)], at)).toBeCloseTo(
			10 + 5 + 13 * CHAR_WIDTH_PX + 2,
			6
		);
	});
});
