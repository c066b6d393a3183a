import { describe, expect, it } from 'vitest';
import { countryLookup } from '../../../src/lib/geo/countries';
import { eventLinks } from '../../../src/lib/geo/links';
import { countryOutlines } from '../../../src/lib/geo/outlines';
import {
	FeatureStateWriter,
	storyStates,
	type FeatureStateTarget
} from '../../../src/lib/map/feature-state';
import { placeFeatures } from '../../../src/lib/map/features';
import { parseIsoDate } from '../../../src/lib/story/dates';
import { tallyPlaces } from '../../../src/lib/time/phase';
import { countries50m, projectStory } from '../../helpers/story-files';

const story = projectStory();
const layers = {
	places: placeFeatures(story),
	links: eventLinks(story),
	outlines: countryOutlines(story.places, countryLookup(countries50m).outline)
};
const d = (s: string) => parseIsoDate(s)!;
/** The focus on a day, with the tally the app would compute for it. */
const at = (day: number, highlight: string | null, selected: string | null) => ({
	day,
	highlight,
	selected,
	tally: tallyPlaces(story.events, day)
});
const index = (id: string) => story.places.findIndex((p) => p.id === id);

/** Records feature-state writes the way MapLibre would hold them. */
class StubMap implements FeatureStateTarget {
	calls: Array<{ source: string; id: number; state: Record<string, unknown> }> = [];
	setFeatureState(feature: { source: string; id: number }, state: Record<string, unknown>) {
		this.calls.push({ ...feature, state });
	}
	stateOf(source: string, id: number) {
		return this.calls.filter((c) => c.source === source && c.id === id).at(-1)?.state;
	}
}

describe('storyStates', () => {
	it('hides places with no events yet and sizes the rest by count', () => {
		const states = storyStates(layers, at(d('2025-02-20'), null, null));
		expect(states.get(`places/${index('kryvyi-rih')}`)).toMatchObject({
			visible: false,
			radius: 0
		});
		expect(states.get(`places/${index('saudi-arabia')}`)).toMatchObject({
			visible: true,
			current: false
		});
		const end = storyStates(layers, at(d('2025-04-12'), null, null));
		const kr = end.get(`places/${index('kryvyi-rih')}`)!.radius as number;
		const cy = end.get(`places/${index('cyprus')}`)!.radius as number;
		expect(kr).toBeGreaterThan(cy);
	});

	it('emphasises places with an event on the day, and colours by its category', () => {
		const states = storyStates(layers, at(d('2025-04-04'), null, null));
		expect(states.get(`places/${index('kryvyi-rih')}`)).toMatchObject({
			current: true,
			color: '#d7301f'
		});
	});

	it('shows a link only once its event has started', () => {
		const link = layers.links.features.find((l) => l.properties.event === 'prisoner-exchange')!;
		expect(
			storyStates(layers, {
				day: d('2025-04-09'),
				highlight: null,
				selected: null,
				tally: tallyPlaces(story.events, d('2025-04-09'))
			}).get(`links/${link.id}`)
		).toMatchObject({ visible: false });
		expect(
			storyStates(layers, {
				day: d('2025-04-10'),
				highlight: null,
				selected: null,
				tally: tallyPlaces(story.events, d('2025-04-10'))
			}).get(`links/${link.id}`)
		).toMatchObject({ visible: true, current: true });
	});

	it('highlights the hovered and the selected place', () => {
		const states = storyStates(layers, at(d('2025-04-12'), 'moscow', 'cyprus'));
		expect(states.get(`places/${index('moscow')}`)).toMatchObject({ highlight: true });
		expect(states.get(`places/${index('cyprus')}`)).toMatchObject({ highlight: true });
		expect(states.get(`places/${index('london')}`)).toMatchObject({ highlight: false });
		const outline = layers.outlines.features.find((f) => f.properties.place === 'cyprus')!;
		expect(states.get(`outlines/${outline.id}`)).toMatchObject({ selected: true });
	});
});

describe('FeatureStateWriter', () => {
	it('writes every feature once, then only what a one-day scrub changes', () => {
		const map = new StubMap();
		const writer = new FeatureStateWriter(map);
		const total =
			layers.places.features.length +
			layers.links.features.length +
			layers.outlines.features.length;
		expect(
			writer.write(
				storyStates(layers, {
					day: d('2025-04-09'),
					highlight: null,
					selected: null,
					tally: tallyPlaces(story.events, d('2025-04-09'))
				})
			)
		).toBe(total);
		const changed = writer.write(
			storyStates(layers, {
				day: d('2025-04-10'),
				highlight: null,
				selected: null,
				tally: tallyPlaces(story.events, d('2025-04-10'))
			})
		);
		expect(changed).toBeGreaterThan(0);
		expect(changed).toBeLessThan(total / 2);
		expect(map.stateOf('places', index('abu-dhabi'))).toMatchObject({ visible: true });
		expect(
			writer.write(
				storyStates(layers, {
					day: d('2025-04-10'),
					highlight: null,
					selected: null,
					tally: tallyPlaces(story.events, d('2025-04-10'))
				})
			)
		).toBe(0);
		writer.reset();
		expect(
			writer.write(
				storyStates(layers, {
					day: d('2025-04-10'),
					highlight: null,
					selected: null,
					tally: tallyPlaces(story.events, d('2025-04-10'))
				})
			)
		).toBe(total);
	});
});
