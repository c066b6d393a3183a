import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventsByPlace } from '../../../src/lib/derive/place-events';
import { CATEGORIES } from '../../../src/lib/story/schema';
import { eventsUpTo, tallyPlaces } from '../../../src/lib/time/phase';
import { TimeIndex } from '../../../src/lib/time/time-index';
import { projectStory } from '../../helpers/story-files';

const event = fc
	.record({
		start: fc.integer({ min: 0, max: 60 }),
		length: fc.integer({ min: 0, max: 10 }),
		place: fc.constantFrom('a', 'b', 'c'),
		places: fc.subarray(['a', 'b', 'c']),
		category: fc.constantFrom(...CATEGORIES)
	})
	.map(({ start, length, place, places, category }) => ({
		start,
		end: start + length,
		place,
		places: places.filter((p) => p !== place),
		category
	}));

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

	it('counts at each place the events its details list: those there and those joining it', () => {
		const story = projectStory();
		const byPlace = eventsByPlace(story.events);
		const tally = new TimeIndex(story.events).tally(story.published!);
		for (const place of story.places)
			expect([place.id, tally.get(place.id)?.count ?? 0]).toEqual([
				place.id,
				byPlace.get(place.id)?.length ?? 0
			]);
	});

	it('refuses events out of order, rather than answer wrongly', () => {
		expect(
			() =>
				new TimeIndex([
					{ start: 2, end: 2, place: 'a', places: [], category: 'aid' },
					{ start: 1, end: 1, place: 'a', places: [], category: 'aid' }
				])
		).toThrow(/sorted/);
	});
});
