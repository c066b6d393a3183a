import { describe, expect, it } from 'vitest';
import { storyLayers } from '../../../src/lib/derive/story-layers';
import { countryLookup } from '../../../src/lib/geo/countries';
import {
	FeatureStateWriter,
	storyStates,
	type FeatureKey,
	type FeatureStateTarget,
	type FeatureStates
} from '../../../src/lib/map/feature-state';
import { parseIsoDate } from '../../../src/lib/story/dates';
import { tallyPlaces } from '../../../src/lib/derive/place-rows';
import { storyData } from '../../../src/lib/story/story-data';
import { countries50m, projectStory } from '../../helpers/story-files';

const story = projectStory();
const data = storyData(story);
const layers = storyLayers(data, countryLookup(countries50m).outline);
const d = (s: string) => parseIsoDate(s)!;
/** The focus on a day, with the tally the app would compute for it. */
const at = (day: string, highlight: string | null = null, selected: string | null = null) => ({
	day: d(day),
	highlight,
	selected,
	tally: tallyPlaces(data.index.byPlace, data.table, d(day))
});
const stateOf = (states: FeatureStates, source: string, id: string | number) =>
	states.find((s) => s.feature.source === source && s.feature.id === id)?.state;
const place = (states: FeatureStates, id: string) => stateOf(states, 'places', id);

/** Records feature-state writes the way MapLibre would hold them. */
class StubMap implements FeatureStateTarget {
	calls: Array<FeatureKey & { state: Record<string, unknown> }> = [];
	setFeatureState(feature: FeatureKey, state: Record<string, unknown>) {
		this.calls.push({ ...feature, state });
	}
	stateOf(source: string, id: string | number) {
		return this.calls.filter((c) => c.source === source && c.id === id).at(-1)?.state;
	}
}

describe('storyStates', () => {
	it.each([
		['2025-02-20', 'kryvyi-rih', { visible: false, radius: 0 }],
		['2025-02-20', 'saudi-arabia', { visible: true, current: false }],
		['2025-04-04', 'kryvyi-rih', { visible: true, current: true, color: '#d7301f' }],
		['2025-04-10', 'abu-dhabi', { visible: true, current: true }]
	])('on %s, %s has %j', (day, id, expected) => {
		expect(place(storyStates(layers, at(day)), id)).toMatchObject(expected);
	});

	it('sizes places by how many events they hold', () => {
		const end = storyStates(layers, at('2025-04-12'));
		expect(place(end, 'kryvyi-rih')!.radius).toBeGreaterThan(
			place(end, 'cyprus')!.radius as number
		);
	});

	it('keys places by their own id, so a reordered places file changes nothing', () => {
		const ids = storyStates(layers, at('2025-04-12'))
			.filter((s) => s.feature.source === 'places')
			.map((s) => s.feature.id);
		expect(ids.sort()).toEqual(story.places.map((p) => p.id).sort());
	});

	it.each([
		['2025-04-09', { visible: false }],
		['2025-04-10', { visible: true, current: true }],
		['2025-04-12', { visible: true, current: false }]
	])('the prisoner-exchange link on %s is %j', (day, expected) => {
		const link = layers.links.features.find((l) => l.properties.event === 'prisoner-exchange')!;
		expect(stateOf(storyStates(layers, at(day)), 'links', link.id!)).toMatchObject(expected);
	});

	it.each([
		['the filter keeps its event', ['prisoner-exchange'], { visible: true, current: true }],
		['the filter leaves its event out', ['kellogg-denial'], { visible: false, current: false }]
	])('the prisoner-exchange link when %s ("Show what changed")', (_, events, expected) => {
		const link = layers.links.features.find((l) => l.properties.event === 'prisoner-exchange')!;
		const only = { rows: new Int32Array(0), events: new Set(events) };
		const states = storyStates(layers, { ...at('2025-04-10'), only });
		expect(stateOf(states, 'links', link.id!)).toEqual(expected);
	});

	it('highlights the hovered and the selected place, and the selected country outline', () => {
		const states = storyStates(layers, at('2025-04-12', 'moscow', 'cyprus'));
		expect(place(states, 'moscow')).toMatchObject({ highlight: true });
		expect(place(states, 'cyprus')).toMatchObject({ highlight: true });
		expect(place(states, 'london')).toMatchObject({ highlight: false });
		const outline = layers.outlines.features.find((f) => f.properties.place === 'cyprus')!;
		expect(stateOf(states, 'outlines', outline.id!)).toMatchObject({ selected: true });
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
		expect(writer.write(storyStates(layers, at('2025-04-09')))).toBe(total);
		const changed = writer.write(storyStates(layers, at('2025-04-10')));
		expect(changed).toBeGreaterThan(0);
		expect(changed).toBeLessThan(total / 2);
		expect(map.stateOf('places', 'abu-dhabi')).toMatchObject({ visible: true });
		expect(writer.write(storyStates(layers, at('2025-04-10')))).toBe(0);
		writer.reset();
		expect(writer.write(storyStates(layers, at('2025-04-10')))).toBe(total);
	});
});
