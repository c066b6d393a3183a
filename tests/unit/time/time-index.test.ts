import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../../src/lib/story/schema';
import { eventsUpTo, tallyPlaces } from '../../../src/lib/time/phase';
import { TimeIndex } from '../../../src/lib/time/time-index';
import { projectStory } from '../../helpers/story-files';

const event = fc
	.record({
		start: fc.integer({ min: 0, max: 60 }),
		length: fc.integer({ min: 0, max: 10 }),
		place: fc.constantFrom('a', 'b', 'c'),
		category: fc.constantFrom(...CATEGORIES)
	})
	.map(({ start, length, place, category }) => ({ start, end: start + length, place, category }));

describe('TimeIndex', () => {
	it('answers exactly as a scan of every event does, for any events and day', () => {
		fc.assert(
			fc.property(
				fc.array(event, { maxLength: 60 }),
				fc.integer({ min: -5, max: 80 }),
				(raw, day) => {
					// Within a day, the scan's "latest" is the last in story order: keep that order.
					const events = [...raw].sort((a, b) => a.start - b.start);
					const index = new TimeIndex(events);
					expect(index.upTo(day)).toEqual(eventsUpTo(events, day));
					expect(index.tally(day)).toEqual(tallyPlaces(events, day));
				}
			),
			{ numRuns: 2000 }
		);
	});

	it('agrees with the scan on the story, every day of it', () => {
		const story = projectStory();
		const index = new TimeIndex(story.events);
		for (let day = story.events[0]!.start - 1; day <= story.published! + 1; day++) {
			expect(index.tally(day)).toEqual(tallyPlaces(story.events, day));
			expect(index.upTo(day).length).toBe(eventsUpTo(story.events, day).length);
		}
	});

	it('refuses events out of order, rather than answer wrongly', () => {
		expect(
			() =>
				new TimeIndex([
					{ start: 2, end: 2, place: 'a', category: 'aid' },
					{ start: 1, end: 1, place: 'a', category: 'aid' }
				])
		).toThrow(/sorted/);
	});
});
