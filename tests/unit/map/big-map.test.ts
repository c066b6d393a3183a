import { describe, expect, it, vi } from 'vitest';
import type { FeatureCollection, Point } from 'geojson';
import type { LonLat } from '../../../src/lib/story/types';
import { writeEventTable } from '../../../src/lib/story/columnar/arrow-table';
import { prepareBigStory } from '../../../src/lib/story/big-story';
import type { AggregateProps } from '../../../src/lib/map/aggregates';
import { tableOf } from '../../helpers/event-table';

/**
 * A stand-in for MapLibre that keeps what a big story adds to it: sources (and the data each was
 * last given), layers, and the handlers for zoom and clicks. No WebGL.
 */
type Handler = (event?: unknown) => void;
class StubMap {
	zoom: number;
	readonly sources = new Map<string, { data: unknown; sets: number }>();
	readonly layers: Array<{ id: string; minzoom?: number; maxzoom?: number }> = [];
	readonly handlers: Array<{ event: string; layer?: string; handler: Handler }> = [];
	readonly touchZoomRotate = { disableRotation() {} };
	readonly keyboard = { disableRotation() {} };
	static readonly made: StubMap[] = [];
	constructor(options: { zoom: number }) {
		this.zoom = options.zoom;
		StubMap.made.push(this);
	}
	addControl() {}
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
	addSource(id: string, source: { data: unknown }) {
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
	addLayer(layer: { id: string; minzoom?: number; maxzoom?: number }) {
		this.layers.push(layer);
	}
	fire(event: string, layer?: string, payload?: unknown) {
		for (const h of this.handlers) if (h.event === event && h.layer === layer) h.handler(payload);
	}
}

vi.mock('../../../src/lib/map/maplibre', () => ({
	MapLibreMap: StubMap,
	Marker: class {},
	NavigationControl: class {},
	stylesheetLoaded: Promise.resolve()
}));

const { AtlasMap } = await import('../../../src/lib/map/atlas-map');
const { DOTS_ZOOM } = await import('../../../src/lib/derive/event-grid');

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
		properties: { id, name: id }
	}))
};
const prepared = prepareBigStory(
	writeEventTable(table, { title: 'T', published: null, origin: '' }),
	new TextEncoder().encode(JSON.stringify(places))
);
if (!prepared.ok) throw new Error('the test story does not prepare');
const story = prepared.story;

function bigMap(zoom: number, day: number) {
	const atlas = new AtlasMap({
		container: {
			clientWidth: 600,
			clientHeight: 400,
			querySelectorAll: () => [],
			ownerDocument: { querySelectorAll: () => [] }
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
	atlas.setBigStory(story, day, {
		onCluster: (view) => clusters.push(view),
		onPlace: (p) => chosen.push(p),
		onDraw: (d) => drawn.push(d)
	});
	return { atlas, stub, drawn, clusters, chosen };
}

// The stub the last AtlasMap made: the constructor keeps no public handle on it.
const lastStub = () => StubMap.made.at(-1)!;

const aggregates = (stub: StubMap) =>
	stub.sources.get('big-aggregates')!.data as FeatureCollection<Point, AggregateProps>;
const counts = (stub: StubMap) => aggregates(stub).features.map((f) => f.properties.count);

describe('AtlasMap: a big story', () => {
	it('adds the dots, the aggregates and the places, each at its zooms', () => {
		const { stub } = bigMap(3, 20);
		const byId = Object.fromEntries(stub.layers.map((l) => [l.id, l]));
		expect(byId['event-dots']).toBeDefined();
		expect(byId['big-aggregate-circles']!.maxzoom).toBe(DOTS_ZOOM);
		expect(byId['big-place-circles']!.minzoom).toBe(DOTS_ZOOM);
		expect(stub.sources.get('big-places')!.data).toMatchObject({
			features: [{ properties: { index: 0 } }, { properties: { index: 1 } }]
		});
	});

	it('counts the events by the day in each cell, and recounts only when the day changes', () => {
		const { atlas, stub, drawn } = bigMap(3, 20);
		expect(counts(stub).sort()).toEqual([1, 3]);
		expect(drawn.at(-1)).toEqual({ mode: 'aggregates', cells: 2, events: 4 });
		atlas.setBigDay(11);
		expect(counts(stub).sort()).toEqual([1, 1]);
		const sets = stub.sources.get('big-aggregates')!.sets;
		atlas.setBigDay(11);
		stub.fire('zoom');
		expect(stub.sources.get('big-aggregates')!.sets).toBe(sets);
		atlas.setBigDay(9);
		expect(counts(stub)).toEqual([]);
		expect(drawn.at(-1)).toEqual({ mode: 'aggregates', cells: 0, events: 0 });
	});

	it('gives way to each event as a dot from DOTS_ZOOM, and back', () => {
		const { stub, drawn } = bigMap(3, 20);
		stub.zoom = DOTS_ZOOM + 0.5;
		stub.fire('zoom');
		expect(drawn.at(-1)).toEqual({ mode: 'dots', cells: 0, events: 0 });
		expect(counts(stub)).toEqual([]);
		stub.zoom = 1;
		stub.fire('zoom');
		expect(drawn.at(-1)!.mode).toBe('aggregates');
		expect(counts(stub)).toEqual([4]);
	});

	it('zooms in on a chosen cluster, and opens a chosen place', () => {
		const { stub, clusters, chosen } = bigMap(4.5, 20);
		const at: LonLat = [30.5, 50.45];
		stub.fire('click', 'big-aggregate-circles', {
			features: [{ geometry: { type: 'Point', coordinates: at } }]
		});
		expect(clusters).toEqual([{ lon: 30.5, lat: 50.45, zoom: DOTS_ZOOM }]);
		stub.fire('click', 'big-place-circles', { features: [{ properties: { index: 1 } }] });
		expect(chosen).toEqual([1]);
	});

	it('draws one story: a second is refused', () => {
		const { atlas } = bigMap(3, 20);
		expect(() => atlas.setBigStory(story, 20, { onCluster() {}, onPlace() {} })).toThrow(
			/one story/
		);
	});
});
