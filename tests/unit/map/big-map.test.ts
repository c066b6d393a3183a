import { describe, expect, it, vi } from 'vitest';
import { writeEventTable } from '../../../src/lib/story/columnar/arrow-table';
import { bigStoryData, prepareBigStory } from '../../../src/lib/story/big-story';
import { MemoryTexts } from '../../../src/lib/story/event-texts';
import { buildGrids } from '../../../src/lib/derive/event-grid';
import { tableOf } from '../../helpers/event-table';
import type { EventDotsLayer } from '../../../src/lib/map/event-dots-layer';

/**
 * A stand-in for MapLibre that keeps what a big story adds to it: sources (the data each was given
 * and how often it was given again), layers, feature-state, and the handlers for zoom, render and
 * clicks. It projects lon/lat flat, 20 px a degree around (30, 49). No WebGL.
 */
type Handler = (event?: unknown) => void;
class StubMap {
	zoom: number;
	readonly sources = new Map<string, { data: unknown; sets: number }>();
	readonly layers: Array<{ id: string; minzoom?: number; maxzoom?: number }> = [];
	readonly handlers: Array<{ event: string; layer?: string; handler: Handler }> = [];
	readonly states = new Map<string, Map<number, { count: number }>>();
	stateWrites = 0;
	readonly canvasContainer = fakeElement('div');
	readonly touchZoomRotate = { disableRotation() {} };
	readonly keyboard = { disableRotation() {} };
	static readonly made: StubMap[] = [];
	constructor(options: { zoom: number; style?: { sources?: Record<string, unknown> } }) {
		this.zoom = options.zoom;
		// The style's own sources (places, links, outlines) are there from the start.
		for (const id of Object.keys(options.style?.sources ?? {}))
			this.sources.set(id, { data: null, sets: 0 });
		StubMap.made.push(this);
	}
	addControl() {}
	setFilter() {}
	hasImage() {
		return false;
	}
	addImage() {}
	on(event: string, layer: string | Handler, handler?: Handler) {
		if (typeof layer === 'function') this.handlers.push({ event, handler: layer });
		else this.handlers.push({ event, layer, handler: handler! });
	}
	once() {}
	getZoom() {
		return this.zoom;
	}
	getCanvas() {
		return { style: {} };
	}
	getCanvasContainer() {
		return this.canvasContainer;
	}
	project([lon, lat]: [number, number]) {
		return { x: 300 + (lon - 30) * 20, y: 200 - (lat - 49) * 20 };
	}
	unproject([x, y]: [number, number]) {
		return { lng: 30 + (x - 300) / 20, lat: 49 - (y - 200) / 20 };
	}
	addSource(id: string, source: { data: unknown }) {
		if (this.sources.has(id)) throw new Error(`There is already a source with ID ${id}`);
		this.sources.set(id, { data: source.data, sets: 0 });
	}
	getSource(id: string) {
		const source = this.sources.get(id);
		return (
			source && {
				setData: (data: unknown) => {
					source.data = data;
					source.sets++;
				}
			}
		);
	}
	getLayer(id: string) {
		return this.layers.find((l) => l.id === id);
	}
	addLayer(layer: { id: string; minzoom?: number; maxzoom?: number }) {
		this.layers.push(layer);
	}
	setFeatureState({ source, id }: { source: string; id: number }, state: { count: number }) {
		if (!this.sources.has(source)) throw new Error(`no source ${source}`);
		const states = this.states.get(source) ?? new Map<number, { count: number }>();
		states.set(id, { ...states.get(id), ...state });
		this.states.set(source, states);
		this.stateWrites++;
	}
	removeFeatureState({ source }: { source: string }) {
		this.states.delete(source);
	}
	fire(event: string, layer?: string, payload?: unknown) {
		for (const h of this.handlers) if (h.event === event && h.layer === layer) h.handler(payload);
	}
}

/** Just enough of the DOM for the count labels: elements with children, text and a style. */
interface FakeElement {
	tag: string;
	children: FakeElement[];
	parent: FakeElement | null;
	textContent: string;
	className: string;
	style: Record<string, string>;
	attributes: Record<string, string>;
	dataset: Record<string, string>;
	tabIndex: number;
	ownerDocument: { createElement(tag: string): FakeElement; activeElement: null };
	setAttribute(name: string, value: string): void;
	removeAttribute(name: string): void;
	addEventListener(): void;
	append(child: FakeElement): void;
	remove(): void;
}
function fakeElement(tag: string): FakeElement {
	const element: FakeElement = {
		tag,
		children: [],
		parent: null,
		textContent: '',
		className: '',
		style: {},
		attributes: {},
		dataset: {},
		tabIndex: 0,
		ownerDocument: { createElement: fakeElement, activeElement: null },
		setAttribute(name, value) {
			element.attributes[name] = value;
		},
		removeAttribute(name) {
			delete element.attributes[name];
		},
		// Keys and focus are the browser's to test (tests/e2e/big-dataset.spec.ts).
		addEventListener() {},
		append(child) {
			child.remove();
			child.parent = element;
			element.children.push(child);
		},
		remove() {
			if (!element.parent) return;
			element.parent.children.splice(element.parent.children.indexOf(element), 1);
			element.parent = null;
		}
	};
	return element;
}

vi.mock('../../../src/lib/map/maplibre', () => ({
	MapLibreMap: StubMap,
	Marker: class {},
	NavigationControl: class {},
	stylesheetLoaded: Promise.resolve()
}));

const { AtlasMap } = await import('../../../src/lib/map/atlas-map');
const { DOTS_ZOOM, gridFor } = await import('../../../src/lib/derive/event-grid');

const kyiv = { lon: 30.5, lat: 50.45, place: 0 };
const lviv = { lon: 24.03, lat: 49.84, place: 1 };
const table = tableOf(
	[
		{ id: 'a', ...kyiv, start: 10 },
		{ id: 'b', ...lviv, start: 11 },
		{ id: 'c', ...kyiv, start: 12 },
		{ id: 'd', ...kyiv, start: 15 }
	],
	['kyiv', 'lviv']
);
const places = {
	type: 'FeatureCollection',
	features: [
		['kyiv', kyiv],
		['lviv', lviv]
	].map(([id, at]) => ({
		type: 'Feature',
		geometry: { type: 'Point', coordinates: [(at as typeof kyiv).lon, (at as typeof kyiv).lat] },
		properties: { id, name: id, kind: 'city', country: 'UA' }
	}))
};
const prepared = prepareBigStory(
	writeEventTable(table, { title: 'T', published: null, origin: '', rows: null, chunks: [] }),
	new TextEncoder().encode(JSON.stringify(places))
);
if (!prepared.ok) throw new Error(JSON.stringify(prepared.problems));
// Two places are drawn apart on any map: the aggregates are asked for as a story of thousands would.
const story = {
	...prepared.story,
	index: { ...prepared.story.index, grids: buildGrids(prepared.story.table) }
};
const data = bigStoryData(story, new MemoryTexts([]));

function bigMap(zoom: number, day: number) {
	const atlas = new AtlasMap({
		container: {
			clientWidth: 600,
			clientHeight: 400,
			querySelectorAll: () => [],
			ownerDocument: { querySelectorAll: () => [], addEventListener() {} }
		} as unknown as HTMLElement,
		assets: { countries: { type: 'FeatureCollection', features: [] }, countryLabels: '', font: '' },
		view: { lon: 30, lat: 49, zoom },
		bounds: [24, 49, 31, 51],
		onMove() {},
		onError() {},
		onContext() {}
	});
	const stub = lastStub();
	const drawn: Array<{ mode: string; cells: number; events: number }> = [];
	const clusters: unknown[] = [];
	const chosen: number[] = [];
	atlas.setStory(data, story.layers, day, {
		onCluster: (view) => clusters.push(view),
		onPlace: (p) => chosen.push(p),
		onDraw: (d) => drawn.push(d)
	});
	return { atlas, stub, drawn, clusters, chosen };
}

/** The date moved, as the page moves it: with the rest of the map's focus. */
const setDay = (atlas: InstanceType<typeof AtlasMap>, day: number) =>
	atlas.setFocus({ day, highlight: null, selected: null, tally: new Map() });

// The stub the last AtlasMap made: the constructor keeps no public handle on it.
const lastStub = () => StubMap.made.at(-1)!;

/** The band drawn at the stub's zoom, and the counts its cells hold as feature-state. */
const band = (stub: StubMap) => {
	const grid = gridFor(story.index.grids, stub.zoom);
	return grid ? story.index.grids.indexOf(grid) : -1;
};
const states = (stub: StubMap) => stub.states.get(`big-aggregates-${band(stub)}`) ?? new Map();
/** The counts the circles draw: a cell at 0 has no circle. */
const counts = (stub: StubMap) =>
	[...states(stub).values()].map((s) => s.count).filter((c) => c > 0);
/** The overlay over the map after the frame that follows a change. */
const overlay = (stub: StubMap) => {
	stub.fire('render');
	return stub.canvasContainer.children[0]!;
};
/** The count labels over the map: none while it draws each event (it keys the places then). */
const labels = (stub: StubMap) => {
	const root = overlay(stub);
	if (root.dataset.kind !== 'counts') return [];
	return root.children.map((span) => span.textContent).sort();
};
const setDataCalls = (stub: StubMap) =>
	[...stub.sources]
		.filter(([id]) => id.startsWith('big-aggregates'))
		.reduce((n, [, s]) => n + s.sets, 0);

describe('AtlasMap: a big story', () => {
	it('adds the dots, a source and circles per zoom band, and the places, each at its zooms', () => {
		const { stub } = bigMap(3, 20);
		const byId = Object.fromEntries(stub.layers.map((l) => [l.id, l]));
		expect(byId['event-dots']).toBeDefined();
		for (let b = 0; b < DOTS_ZOOM; b++) {
			expect(byId[`big-aggregate-circles-${b}`], `band ${b}`).toMatchObject({
				minzoom: b,
				maxzoom: b + 1
			});
			// Every cell of the band, whatever the day.
			const grid = story.index.grids[b]!;
			expect(stub.sources.get(`big-aggregates-${b}`)!.data).toMatchObject({
				features: Array.from({ length: grid.offsets.length - 1 }, (_, id) => ({ id }))
			});
		}
		expect(byId['big-place-circles']!.minzoom).toBe(DOTS_ZOOM);
		expect(stub.sources.get('big-places')!.data).toMatchObject({
			features: [{ properties: { index: 0 } }, { properties: { index: 1 } }]
		});
	});

	it('counts the events by the day as feature-state, writing only the cells that changed', () => {
		const { atlas, stub, drawn } = bigMap(3, 20);
		expect(counts(stub).sort()).toEqual([1, 3]);
		expect(drawn.at(-1)).toEqual({ mode: 'aggregates', cells: 2, events: 4 });
		// Day 12: Kyiv 3 → 2, Lviv still 1.
		let writes = stub.stateWrites;
		setDay(atlas, 12);
		expect(counts(stub).sort()).toEqual([1, 2]);
		expect(stub.stateWrites - writes).toBe(1);
		// The same day again, or a move within the band: nothing written.
		writes = stub.stateWrites;
		setDay(atlas, 12);
		stub.fire('zoom');
		expect(stub.stateWrites).toBe(writes);
		setDay(atlas, 9);
		expect(counts(stub)).toEqual([]);
		expect(states(stub).size).toBe(2);
		expect(drawn.at(-1)).toEqual({ mode: 'aggregates', cells: 0, events: 0 });
		// A scrub never gives a source new data: that would re-tile it.
		expect(setDataCalls(stub)).toBe(0);
	});

	it('labels each counted cell over the map, and follows the day', () => {
		const { atlas, stub } = bigMap(3, 20);
		expect(labels(stub)).toEqual(['1', '3']);
		setDay(atlas, 11);
		expect(labels(stub)).toEqual(['1', '1']);
		setDay(atlas, 10);
		expect(labels(stub)).toEqual(['1']);
		setDay(atlas, 9);
		expect(labels(stub)).toEqual([]);
		expect(atlas.countLabels().size).toBe(0);
	});

	it('puts one key in the Tab order, the biggest count, named; the rest are out of it', () => {
		const { atlas, stub } = bigMap(3, 20);
		const root = overlay(stub);
		expect(root.attributes.role).toBe('application');
		expect(root.attributes['aria-label']).toMatch(/^Event counts on the map: arrow keys/);
		const entry = () => root.children.filter((span) => span.tabIndex === 0);
		expect(entry().map((span) => [span.textContent, span.attributes['aria-label']])).toEqual([
			['3', '3 events near kyiv']
		]);
		expect(entry()[0]!.attributes['aria-hidden']).toBeUndefined();
		const rest = root.children.filter((span) => span.tabIndex !== 0);
		expect(rest.map((span) => [span.tabIndex, span.attributes['aria-hidden']])).toEqual([
			[-1, 'true']
		]);
		// A scrub names no key: only the text of the labels changes.
		setDay(atlas, 12);
		overlay(stub);
		expect(entry().map((span) => span.textContent)).toEqual(['2']);
		expect(entry()[0]!.attributes['aria-label']).toBe('3 events near kyiv');
	});

	it('keys the places with no text once it draws each event, the busiest in the Tab order', () => {
		const { stub } = bigMap(3, 20);
		expect(labels(stub)).toEqual(['1', '3']);
		// Zoomed in, the counts' elements are reused as the places' keys: with no count left on them.
		stub.zoom = DOTS_ZOOM + 0.5;
		stub.fire('zoom');
		const root = overlay(stub);
		expect(root.dataset.kind).toBe('places');
		expect(root.attributes['aria-label']).toMatch(/^Places on the map: arrow keys/);
		expect(root.children.map((span) => span.textContent)).toEqual(['', '']);
		expect(
			root.children.filter((span) => span.tabIndex === 0).map((s) => s.attributes['aria-label'])
		).toEqual(['kyiv: 3 events']);
	});

	it('places a label on its circle, and moves it with the map', () => {
		const { stub } = bigMap(3, 20);
		stub.fire('render');
		const grid = story.index.grids[3]!;
		const root = stub.canvasContainer.children[0]!;
		const where = () =>
			root.children.map((span) => span.style.transform!.match(/-?\d+/g)!.slice(0, 2).map(Number));
		const onCircles = [0, 1]
			.map((c) => stub.project([grid.lon[c]!, grid.lat[c]!]))
			.map(({ x, y }) => [Math.round(x), Math.round(y)])
			.sort();
		expect(where().sort()).toEqual(onCircles);
		// A pan: the map now projects everything 40 px further right.
		const project = stub.project.bind(stub);
		stub.project = (at) => ({ ...project(at), x: project(at).x + 40 });
		stub.fire('move');
		stub.fire('render');
		expect(where().sort()).toEqual(onCircles.map(([x, y]) => [x! + 40, y]));
	});

	it('gives way to each event as a dot from DOTS_ZOOM, and back', () => {
		const { stub, drawn } = bigMap(3, 20);
		stub.zoom = DOTS_ZOOM + 0.5;
		stub.fire('zoom');
		expect(drawn.at(-1)).toEqual({ mode: 'dots', cells: 0, events: 0 });
		expect(labels(stub)).toEqual([]);
		stub.zoom = 1;
		stub.fire('zoom');
		expect(drawn.at(-1)!.mode).toBe('aggregates');
		expect(counts(stub)).toEqual([4]);
		expect(labels(stub)).toEqual(['4']);
	});

	it('draws only the filter’s rows as dots, through a scrub, and every event again after', () => {
		const { atlas, stub } = bigMap(3, 20);
		const dots = stub.layers.find((l) => l.id === 'event-dots') as unknown as EventDotsLayer;
		const only = { rows: new Int32Array([1, 3]), events: new Set(['b', 'd']) };
		const focus = { day: 20, highlight: null, selected: null, tally: new Map() };
		atlas.setFocus({ ...focus, only });
		expect(dots.shownRows).toEqual(new Int32Array([1, 3]));
		atlas.setFocus({ ...focus, day: 12, only });
		expect(dots.shownRows).toBe(only.rows);
		atlas.setFocus({ ...focus, only: null });
		expect(dots.shownRows).toBeNull();
	});

	it('brings a band drawn again up to the day it missed', () => {
		const { atlas, stub } = bigMap(3, 20);
		stub.zoom = 1;
		stub.fire('zoom');
		setDay(atlas, 11);
		expect(counts(stub)).toEqual([2]);
		stub.zoom = 3;
		stub.fire('zoom');
		expect(counts(stub).sort()).toEqual([1, 1]);
	});

	it('zooms in on a chosen cell with events by the day, and opens a chosen place', () => {
		const { atlas, stub, clusters, chosen } = bigMap(4.5, 20);
		const grid = story.index.grids[4]!;
		const kyivCell = [0, 1].find((c) => grid.lon[c]! > 30)!;
		const lvivCell = 1 - kyivCell;
		stub.fire('click', 'big-aggregate-circles-4', { features: [{ id: kyivCell }] });
		expect(clusters).toEqual([
			{ lon: grid.lon[kyivCell], lat: grid.lat[kyivCell], zoom: DOTS_ZOOM }
		]);
		// By day 10 Lviv has nothing: its circle has no radius and a click on it does nothing,
		// while a click that also touches Kyiv's goes to Kyiv.
		setDay(atlas, 10);
		stub.fire('click', 'big-aggregate-circles-4', { features: [{ id: lvivCell }] });
		expect(clusters).toHaveLength(1);
		stub.fire('click', 'big-aggregate-circles-4', {
			features: [{ id: lvivCell }, { id: kyivCell }]
		});
		expect(clusters).toHaveLength(2);
		stub.fire('click', 'big-place-circles', { features: [{ properties: { index: 1 } }] });
		expect(chosen).toEqual([1]);
	});

	it('draws one story: a second is refused', () => {
		const { atlas } = bigMap(3, 20);
		expect(() => atlas.setStory(data, story.layers, 20, { onCluster() {}, onPlace() {} })).toThrow(
			/one story/
		);
	});
});
