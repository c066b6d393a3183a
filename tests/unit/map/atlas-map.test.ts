import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Camera, Rect } from '../../../src/lib/geo/mercator';
import { toScreen } from '../../../src/lib/geo/room';
import type { PlaceTally } from '../../../src/lib/time/phase';
import type { LonLat } from '../../../src/lib/story/types';

/**
 * A small stand-in for MapLibre: a camera (centre and zoom) in a container, projecting as web
 * Mercator does, and a record of the moves asked of it. No WebGL.
 */
const calls: Array<{ kind: string; camera?: Camera }> = [];
const markers: StubMarker[] = [];

class StubMarker {
	at: LonLat = [0, 0];
	offset: [number, number] = [0, 0];
	constructor() {
		markers.push(this);
	}
	setLngLat(at: LonLat) {
		this.at = at;
		return this;
	}
	addTo() {
		return this;
	}
	setOffset(offset: [number, number]) {
		this.offset = offset;
		return this;
	}
	remove() {}
}

/** A mouse drag as the stub map sees it, and what the atlas told the map's own element. */
const drag = { active: false, onMap: {}, dispatched: [] as unknown[] };
/** The document's listeners, by event type. */
const listeners = new Map<string, (event: unknown) => void>();

/** Every map made, the latest last. */
const made: StubMap[] = [];

class StubMap {
	camera: Camera;
	readonly size: { width: number; height: number };
	readonly touchZoomRotate = { disableRotation() {} };
	readonly keyboard = { disableRotation() {} };
	readonly dragPan = { isActive: () => drag.active };
	readonly canvasContainer = {
		contains: (node: unknown) => node === drag.onMap,
		dispatchEvent: (event: unknown) => void drag.dispatched.push(event)
	};
	getCanvasContainer() {
		return this.canvasContainer;
	}
	pixelRatio: number;
	constructor(options: {
		container: HTMLElement;
		center: LonLat;
		zoom: number;
		pixelRatio: number;
	}) {
		this.pixelRatio = options.pixelRatio;
		made.push(this);
		this.camera = { center: options.center, zoom: options.zoom };
		this.size = { width: options.container.clientWidth, height: options.container.clientHeight };
	}
	setPixelRatio(ratio: number) {
		this.pixelRatio = ratio;
	}
	addControl() {}
	remove() {}
	on() {}
	once() {}
	stop() {}
	getCenter() {
		return { lng: this.camera.center[0], lat: this.camera.center[1] };
	}
	getZoom() {
		return this.camera.zoom;
	}
	project(at: LonLat) {
		const [x, y] = toScreen(at, this.camera, this.size);
		return { x, y };
	}
	easeTo(camera: Camera) {
		calls.push({ kind: 'ease', camera });
		this.camera = { center: camera.center, zoom: camera.zoom };
	}
	jumpTo(camera: Camera) {
		calls.push({ kind: 'jump', camera });
		this.camera = { center: camera.center, zoom: camera.zoom };
	}
	fitBounds() {
		calls.push({ kind: 'fit' });
	}
}

vi.mock('../../../src/lib/map/maplibre', () => ({
	MapLibreMap: StubMap,
	Marker: StubMarker,
	NavigationControl: class {},
	stylesheetLoaded: Promise.resolve()
}));

const { AtlasMap, LOADING_PIXEL_RATIO } = await import('../../../src/lib/map/atlas-map');

const box = ({ x, y, width, height }: Rect) => ({
	getBoundingClientRect: () => ({ left: x, top: y, width, height })
});

/** A 560×600 map (1280×800 with the details open), the open legend over its lower left. */
function container(floating: Rect[]): HTMLElement {
	const page = {
		querySelectorAll: () => floating.map(box),
		addEventListener: (type: string, listener: (event: unknown) => void) =>
			listeners.set(type, listener),
		removeEventListener: (type: string) => listeners.delete(type)
	};
	return {
		clientWidth: 560,
		clientHeight: 600,
		getBoundingClientRect: () => ({ left: 0, top: 0, width: 560, height: 600 }),
		querySelectorAll: () => [box({ x: 521, y: 10, width: 29, height: 58 })],
		ownerDocument: page
	} as unknown as HTMLElement;
}

const legend: Rect = { x: 9, y: 340, width: 226, height: 234 };
const kryvyiRih: LonLat = [33.39, 47.91];
const washington: LonLat = [-77.04, 38.9];

function mapAt(view: { lon: number; lat: number; zoom: number }, floating: Rect[] = [legend]) {
	return new AtlasMap({
		container: container(floating),
		assets: { countries: { type: 'FeatureCollection', features: [] }, countryLabels: '', font: '' },
		view,
		bounds: [-77.04, 24.45, 54.38, 59.94],
		onMove() {},
		onError() {},
		onContext() {}
	});
}

const screen = (map: InstanceType<typeof AtlasMap>, at: LonLat) => {
	const { zoom, lat, lon } = map.view();
	return toScreen(at, { center: [lon, lat], zoom }, { width: 560, height: 600 });
};

beforeEach(() => {
	calls.length = 0;
	markers.length = 0;
});

describe('AtlasMap: drawn at a fraction of its pixels under the picture, then sharp', () => {
	it('starts at the loading ratio and takes the screen’s once sharpened', () => {
		(globalThis as { devicePixelRatio?: number }).devicePixelRatio = 2;
		const map = mapAt({ lon: 30, lat: 50, zoom: 3 });
		const drawn = made.at(-1)!;
		expect(drawn.pixelRatio).toBe(LOADING_PIXEL_RATIO);
		expect(LOADING_PIXEL_RATIO).toBeLessThan(1);
		map.sharpen();
		expect(drawn.pixelRatio).toBe(2);
		delete (globalThis as { devicePixelRatio?: number }).devicePixelRatio;
	});
});

describe('AtlasMap: a chosen place is brought clear of what floats over the map', () => {
	it.each([
		['eases', true, 'ease'],
		['jumps under reduced motion', false, 'jump']
	])('a place off the narrowed map %s into the room', (_, animate, kind) => {
		// The camera kept its centre as the details opened: Kryvyi Rih is past the right edge.
		const map = mapAt({ lon: -31.9, lat: 45.6, zoom: 1.78 });
		expect(screen(map, kryvyiRih)[0]).toBeGreaterThan(560);
		map.move({ kind: 'show', place: kryvyiRih, joins: [] }, { animate });
		expect(calls.map((c) => c.kind)).toEqual([kind]);
		const [x, y] = screen(map, kryvyiRih);
		// Clear of the zoom buttons' strip on the right, with the margin for its button.
		expect(x).toBeLessThanOrEqual(560 - 39 - 24 + 1e-6);
		expect(y).toBeGreaterThanOrEqual(24);
		expect(map.view().zoom).toBe(1.78);
	});

	it('a place under the legend moves out from under it', () => {
		const map = mapAt({ lon: -40, lat: 45, zoom: 2 });
		const [x, y] = screen(map, washington);
		expect(x > legend.x && x < legend.x + legend.width && y > legend.y).toBe(true);
		map.move({ kind: 'show', place: washington, joins: [] }, { animate: false });
		const [ax, ay] = screen(map, washington);
		const clear = ax >= legend.x + legend.width + 24 - 1e-6 || ay <= legend.y - 24 + 1e-6;
		expect(clear).toBe(true);
	});

	it('a place already clear of everything does not move', () => {
		const map = mapAt({ lon: 30, lat: 48, zoom: 3 });
		map.move({ kind: 'show', place: kryvyiRih, joins: [] }, { animate: true });
		expect(calls).toEqual([]);
	});

	it('the tour frames its places clear of its card, measured like the legend', () => {
		const map = mapAt({ lon: 30, lat: 48, zoom: 3 });
		map.move({ kind: 'frame', bounds: [4, 47, 34, 51] }, { animate: true });
		expect(calls.map((c) => c.kind)).toEqual(['fit']);
	});
});

describe('AtlasMap: place buttons drawn apart', () => {
	it('crowded buttons are offset apart; a place with nothing by the day takes no room', () => {
		const map = mapAt({ lon: 20, lat: 48, zoom: 0.9 });
		map.pin({} as HTMLElement, 'ukraine', [30.52, 50.45]);
		map.pin({} as HTMLElement, 'kryvyi-rih', kryvyiRih);
		map.pin({} as HTMLElement, 'black-sea', [34, 43.5]);
		const tally = new Map<string, PlaceTally>([
			['ukraine', { count: 2, current: false, category: null }],
			['kryvyi-rih', { count: 4, current: false, category: null }]
		]);
		map.setFocus({ day: 0, highlight: null, selected: null, tally });
		const [ukraine, kryvyi, sea] = markers;
		const drawn = (m: StubMarker) => {
			const [px, py] = screen(map, m.at);
			return [px + m.offset[0], py + m.offset[1]];
		};
		const [a, b] = [drawn(ukraine!), drawn(kryvyi!)];
		expect(Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!)).toBeGreaterThanOrEqual(23.9);
		expect(sea!.offset).toEqual([0, 0]);
	});
});

describe('AtlasMap: a drag released beside the map ends there', () => {
	// Node has no MouseEvent: the atlas makes one only to end a drag.
	class StubMouseEvent {
		constructor(
			readonly type: string,
			readonly init: { button: number; clientX: number; clientY: number; bubbles: boolean }
		) {}
	}
	vi.stubGlobal('MouseEvent', StubMouseEvent);

	it.each([
		{ name: 'released over the list', active: true, target: {}, ends: true },
		{
			name: 'released over the map, where MapLibre ends it itself',
			active: true,
			target: drag.onMap,
			ends: false
		},
		{ name: 'no drag under way', active: false, target: {}, ends: false }
	])('$name', ({ active, target, ends }) => {
		drag.dispatched.length = 0;
		const map = mapAt({ lon: 0, lat: 40, zoom: 2 });
		drag.active = active;
		listeners.get('mouseup')!({ target, button: 0, clientX: 12, clientY: 34 });
		expect(drag.dispatched).toEqual(
			ends
				? [new StubMouseEvent('mouseup', { button: 0, clientX: 12, clientY: 34, bubbles: true })]
				: []
		);
		map.destroy();
		expect(listeners.has('mouseup')).toBe(false);
	});
});
