import { describe, expect, it } from 'vitest';
import { readVisit, recordVisit } from '../../../src/lib/state/visits';
import { StubStorage } from '../../helpers/stub-storage';

describe('the visits this browser remembers', () => {
	it('remembers a visit per story, and reads it back', () => {
		const storage = new StubStorage();
		expect(recordVisit(storage, 'story', { version: '1', at: 1744329600000 })).toBe(true);
		expect(recordVisit(storage, 'stories/other', { version: 'b', at: 5 })).toBe(true);
		expect(readVisit(storage, 'story')).toEqual({ version: '1', at: 1744329600000 });
		expect(readVisit(storage, 'stories/other')).toEqual({ version: 'b', at: 5 });
		expect(readVisit(storage, 'stories/never')).toBeNull();
	});

	it.each([
		['not JSON', '{"version": '],
		['a number', '12'],
		['null', 'null'],
		['no version', '{"at": 5}'],
		['a version that is no text', '{"version": 2, "at": 5}'],
		['an empty version', '{"version": "", "at": 5}'],
		['a time that is no number', '{"version": "1", "at": "yesterday"}'],
		['a negative time', '{"version": "1", "at": -1}'],
		['something huge', JSON.stringify({ version: '1', at: 5, pad: 'x'.repeat(500) })]
	])('reads garbage (%s) as no visit', (_, text) => {
		const storage = new StubStorage();
		storage.items.set('story-atlas:seen:story', text);
		expect(readVisit(storage, 'story')).toBeNull();
	});

	it('reads disabled storage as no visit, and does not throw', () => {
		const storage = new StubStorage({ read: true });
		expect(readVisit(storage, 'story')).toBeNull();
		expect(readVisit(null, 'story')).toBeNull();
	});

	it('says so when storage is full or missing, and does not throw', () => {
		expect(recordVisit(new StubStorage({ write: true }), 'story', { version: '1', at: 5 })).toBe(
			false
		);
		expect(recordVisit(null, 'story', { version: '1', at: 5 })).toBe(false);
	});
});
