import { describe, expect, it } from 'vitest';
import { storyLayers } from '../../../src/lib/derive/story-layers';
import { countryLookup } from '../../../src/lib/geo/countries';
import { Atlas } from '../../../src/lib/state/atlas.svelte';
import { formatDay, parseIsoDate } from '../../../src/lib/story/dates';
import { bigStoryData, prepareBigStory } from '../../../src/lib/story/big-story';
import { writeEventTable } from '../../../src/lib/story/columnar/arrow-table';
import { MemoryTexts } from '../../../src/lib/story/event-texts';
import { storyData } from '../../../src/lib/story/story-data';
import type { ViewState } from '../../../src/lib/url/view-state';
import { countries50m, projectStory } from '../../helpers/story-files';
import { readFileSync } from 'node:fs';
import { StubStorage } from '../../helpers/stub-storage';

const story = projectStory();
const data = storyData(story);
const layers = storyLayers(data, countryLookup(countries50m).outline);

/**
 * The same story in the columnar form, read back as the page reads a big story (its words kept in
 * memory here, where the page fetches them by chunk): the one Atlas must answer alike over both.
 */
const columnar = (() => {
	// A dataset's table: each event keeps its source row, as check:data and the loader require.
	const rows = Int32Array.from({ length: data.table.length }, (_, i) => i + 1);
	const arrow = writeEventTable(
		{ ...data.table, row: rows },
		{
			title: story.title,
			published: '2025-04-12',
			origin: '',
			rows: null,
			chunks: []
		}
	);
	const places = {
		type: 'FeatureCollection',
		features: story.places.map((p) => ({
			type: 'Feature',
			geometry: { type: 'Point', coordinates: p.coordinates },
			properties: { id: p.id, name: p.name, kind: p.kind, country: p.country }
		}))
	};
	const read = prepareBigStory(arrow, new TextEncoder().encode(JSON.stringify(places)));
	if (!read.ok) throw new Error(JSON.stringify(read.problems));
	return {
		data: bigStoryData(read.story, new MemoryTexts(story.events)),
		layers: read.story.layers
	};
})();

const FORMS = [
	{ form: 'GeoJSON', data, layers },
	{ form: 'columnar', ...columnar }
];
const atlasOf = () => new Atlas(data, layers);
/** The chosen place's and event's ids, as the URL names them. */
const chosen = (a: Atlas) => [
	a.placeAt(a.place)?.id ?? null,
	a.event === null ? null : a.eventIdOf(a.event)
];
const d = (s: string) => parseIsoDate(s)!;
const url = (over: Partial<ViewState>): ViewState => ({
	view: null,
	day: null,
	place: null,
	event: null,
	panel: null,
	step: null,
	...over
});

const seed = 'geodata/stories/witkoff-putin-st-petersburg';
const historyFile = readFileSync(`${seed}/history.json`);
const changedInV2 = [
	...new Set(
		(
			JSON.parse(historyFile.toString()) as { versions: { changes: { event: string }[] }[] }
		).versions[1]!.changes.map((c) => c.event)
	)
].sort();

describe.each(FORMS)('Atlas over a $form story', (form) => {
	const atlasOf = () => new Atlas(form.data, form.layers);

	it('tells a reader of version 1 what version 2 changed, and narrows the list, the map and the histogram to it', async () => {
		const atlas = atlasOf();
		const storage = new StubStorage();
		storage.setItem(
			'story-atlas:seen:story',
			JSON.stringify({ version: '1', at: Date.UTC(2025, 3, 11) })
		);
		await atlas.loadHistory(Promise.resolve(historyFile), {
			key: 'story',
			storage,
			since: null,
			now: 1e12
		});
		const text = 'Since your last visit on 11 April 2025: 9 corrected, 1 revised.';
		expect(atlas.changes?.text).toBe(text);
		expect(atlas.summary).toBe(text);
		expect(JSON.parse(storage.getItem('story-atlas:seen:story')!)).toEqual({
			version: '2',
			at: 1e12
		});
		const allBars = atlas.bars;
		atlas.narrow('changed');
		const rows = [...atlas.filter!.rows];
		expect(rows.map((r) => atlas.eventIdOf(r)).sort()).toEqual(changedInV2);
		const changed = story.events.filter((e) => changedInV2.includes(e.id));
		const places = new Set(changed.flatMap((e) => [e.place, ...e.places]));
		expect([...atlas.tally.keys()].sort()).toEqual([...places].sort());
		expect(atlas.bars.ranges).toHaveLength(changed.filter((e) => e.start !== e.end).length);
		expect(atlas.bars.ranges.length).toBeLessThan(allBars.ranges.length);
		atlas.narrow(null);
		expect(atlas.bars).toBe(allBars);
	});

	it('tells a first-time reader nothing, and a reader of the latest version nothing', async () => {
		for (const stored of [null, JSON.stringify({ version: '2', at: 5 })]) {
			const atlas = atlasOf();
			const storage = new StubStorage();
			if (stored) storage.setItem('story-atlas:seen:story', stored);
			await atlas.loadHistory(Promise.resolve(historyFile), {
				key: 'story',
				storage,
				since: null,
				now: 7
			});
			expect(atlas.history).not.toBeNull();
			expect(atlas.changes).toBeNull();
		}
	});

	it('opens on the publication date with nothing chosen', () => {
		const atlas = atlasOf();
		expect(atlas.day).toBe(d('2025-04-12'));
		expect(atlas.place).toBeNull();
		expect(atlas.shown).toBe(story.events.length);
	});

	it.each([
		['washington', ['prisoner-exchange', 'dmitriev-washington']],
		['moscow', ['prisoner-exchange', 'peskov-expectations']],
		['brussels', ['military-aid-pledge', 'chinese-nationals-claim']]
	])('the events at %s include those that only join it to another place', (place, some) => {
		const atlas = atlasOf();
		const ids = Array.from(atlas.eventsAt(atlas.placeOf(place)), (row) => atlas.eventIdOf(row));
		for (const id of some) expect(ids).toContain(id);
	});

	it('lists the categories in use once, in the legend order', () => {
		const atlas = atlasOf();
		expect(atlas.categories).toEqual([...new Set(atlas.categories)]);
		expect(atlas.categories[0]).toBe('war');
	});

	it.each([
		['a day before the story', -5000, d('2022-02-01')],
		['a day after publication', 99_999, d('2025-04-12')],
		['a fraction of a day', d('2025-04-04') + 0.4, d('2025-04-04')]
	])('setDay clamps %s', (_, day, expected) => {
		const atlas = atlasOf();
		atlas.setDay(day);
		expect(atlas.day).toBe(expected);
	});

	it('choosing a place by key asks for the focus; a place or an event asks to be shown', () => {
		const atlas = atlasOf();
		atlas.choosePlace(atlas.placeOf('cyprus'), { focus: true });
		expect(atlas.focusDetails).toBe(true);
		expect(atlas.camera).toMatchObject({ kind: 'show', place: [33.37, 35.15], joins: [], seq: 1 });
		atlas.chooseEvent(atlas.rowOf('kryvyi-rih-strike')!);
		expect(chosen(atlas)[0]).toBe('kryvyi-rih');
		expect(atlas.camera).toMatchObject({ kind: 'show', place: [33.3918, 47.9105], seq: 2 });
		atlas.choosePlace(atlas.placeOf('nowhere'));
		expect(atlas.place).toBeNull();
		expect(atlas.camera?.seq).toBe(2);
	});

	it.each<[string, (atlas: Atlas) => void, string[]]>([
		// Brussels' pledge joins Ukraine; the Kryvyi Rih claim joins Brussels.
		[
			'a place: the places all its events join',
			(a) => a.choosePlace(a.placeOf('brussels')),
			['kryvyi-rih', 'ukraine']
		],
		[
			'an event: the places it joins',
			(a) => a.chooseEvent(a.rowOf('prisoner-exchange')!),
			['washington', 'moscow']
		],
		['an event at one place: nothing else', (a) => a.chooseEvent(a.rowOf('saudi-talks')!), []]
	])('choosing %s', (_, choose, joined) => {
		const atlas = atlasOf();
		choose(atlas);
		const camera = atlas.camera;
		if (camera?.kind !== 'show') throw new Error('expected a show');
		const expected = joined.map((id) => story.placeById.get(id)!.coordinates);
		expect([...camera.joins].sort()).toEqual([...expected].sort());
	});

	it.each<[string, boolean, string | undefined]>([
		['an address opened afresh brings its place into view after the jump', true, 'show'],
		['Back and Forward restore the entry’s camera only', false, 'jump']
	])('%s', (_, initial, kind) => {
		const atlas = atlasOf();
		atlas.restore(url({ view: { zoom: 3, lat: 48, lon: 20 }, place: 'washington' }), { initial });
		expect(atlas.camera?.kind).toBe(kind);
		expect(chosen(atlas)[0]).toBe('washington');
	});

	it('an address with a view keeps the sharer’s framing: only its place must be in it', () => {
		const atlas = atlasOf();
		atlas.restore(url({ view: { zoom: 5, lat: 48, lon: 33 }, place: 'kryvyi-rih' }), {
			initial: true
		});
		expect(atlas.camera).toMatchObject({ kind: 'show', joins: [] });
		atlas.restore(url({ place: 'kryvyi-rih' }), { initial: true });
		expect(atlas.camera).toMatchObject({ kind: 'show' });
		expect(atlas.camera?.kind === 'show' && atlas.camera.joins.length).toBeGreaterThan(0);
	});

	it.each<[string, Partial<ViewState>, object]>([
		[
			'a view in the URL jumps the camera there',
			{ view: { zoom: 3, lat: 48, lon: 20 } },
			{ kind: 'jump', view: { zoom: 3, lat: 48, lon: 20 } }
		],
		['no view in the URL fits the story', {}, { kind: 'fit' }]
	])('restore: %s', (_, state, camera) => {
		const atlas = atlasOf();
		atlas.restore(url(state));
		expect(atlas.camera).toMatchObject(camera);
	});

	it('restore applies date, selection and panel, and drops what this story does not have', () => {
		const atlas = atlasOf();
		atlas.restore(url({ day: d('2025-04-04'), event: 'kryvyi-rih-strike', panel: 'article' }));
		expect([atlas.day, ...chosen(atlas), atlas.side]).toEqual([
			d('2025-04-04'),
			'kryvyi-rih',
			'kryvyi-rih-strike',
			// The article's panel, where the story has an article.
			form.data.article === null ? 'events' : 'article'
		]);
		atlas.restore(url({ event: 'no-such-event', place: 'no-such-place' }));
		expect([atlas.day, ...chosen(atlas), atlas.side]).toEqual([
			d('2025-04-12'),
			null,
			null,
			'events'
		]);
		expect(atlas.urlState()).toEqual(url({ day: d('2025-04-12') }));
	});

	it('restoring the view the map already shows does not move the camera', () => {
		const atlas = atlasOf();
		const view = { zoom: 3, lat: 48, lon: 20 };
		atlas.view = view;
		const before = atlas.camera;
		atlas.restore(url({ view: { ...view } }));
		expect(atlas.camera).toBe(before);
	});
});

describe('the tour', () => {
	it('moves the date, the selection and the camera to each step, and says so once', () => {
		const atlas = atlasOf();
		atlas.startTour();
		expect(atlas.step).toBe(0);
		expect(chosen(atlas)[1]).toBe(atlas.steps[0]!.event);
		atlas.goToStep(4);
		const event = story.eventById.get(atlas.steps[4]!.event)!;
		expect([atlas.day, ...chosen(atlas)]).toEqual([event.end, event.place, event.id]);
		expect(atlas.camera).toMatchObject({ kind: 'frame' });
		expect(atlas.summary).toBe(
			`Step 5 of ${atlas.steps.length}: ${formatDay(event.end)}, ${event.title}`
		);
		expect(atlas.urlState().step).toBe(5);
	});

	it('frames every place an event joins', () => {
		const atlas = atlasOf();
		const exchange = atlas.steps.findIndex((s) => s.event === 'prisoner-exchange');
		atlas.goToStep(exchange);
		const camera = atlas.camera;
		if (camera?.kind !== 'frame') throw new Error('expected a frame');
		const [west, , east] = camera.bounds;
		expect(west).toBeLessThan(-76); // Washington
		expect(east).toBeGreaterThan(54); // Abu Dhabi
	});

	it.each<[string, (atlas: Atlas) => void]>([
		['Escape', (a) => a.leaveTour()],
		['scrubbing the slider', (a) => a.setDay(d('2025-03-01'))],
		['choosing a place', (a) => a.choosePlace(a.placeOf('cyprus'))]
	])('%s leaves the tour where it is, and it resumes from there', (_, leave) => {
		const atlas = atlasOf();
		atlas.goToStep(6);
		leave(atlas);
		expect(atlas.step).toBeNull();
		expect(atlas.leftAt).toBe(6);
		atlas.startTour();
		expect(atlas.step).toBe(6);
	});

	it('clamps steps to the tour, and a URL step opens it', () => {
		const atlas = atlasOf();
		atlas.goToStep(999);
		expect(atlas.step).toBe(atlas.steps.length - 1);
		atlas.restore(url({ step: 3 }));
		expect(atlas.step).toBe(2);
		atlas.restore(url({}));
		expect(atlas.step).toBeNull();
	});
});
