import type { CustomRenderMethodInput, Map as MapLibreMap } from 'maplibre-gl';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DOT_STRIDE } from '../../../src/lib/map/event-dots';
import { EventDotsLayer } from '../../../src/lib/map/event-dots-layer';

/**
 * A stand-in for WebGL2 that records every call by name: its constants are their own names, its
 * objects empty ones, and every check passes. Enough to see what the layer uploads and draws.
 */
function stubGl() {
	const calls: Array<[string, unknown[]]> = [];
	const gl = new Proxy({} as Record<string, unknown>, {
		get(target, name) {
			if (typeof name !== 'string') return undefined;
			if (name in target) return target[name];
			if (/^[A-Z_0-9]+$/.test(name)) return name;
			return (...args: unknown[]) => {
				calls.push([name, args]);
				if (name.startsWith('get') && name.endsWith('Parameter')) return true;
				if (name === 'getAttribLocation') return 0;
				return {};
			};
		}
	});
	gl.drawingBufferWidth = 800;
	gl.drawingBufferHeight = 600;
	return { gl: gl as unknown as WebGL2RenderingContext, calls };
}

const stubMap = (zoom = 6) =>
	({ getZoom: () => zoom, triggerRepaint: vi.fn() }) as unknown as MapLibreMap;
const frame = {
	modelViewProjectionMatrix: new Float32Array(16)
} as unknown as CustomRenderMethodInput;

/** What the last frame drew, and what it put in the index buffer. */
function drawn(calls: Array<[string, unknown[]]>, since: number) {
	const frameCalls = calls.slice(since);
	const draw = frameCalls.filter(([n]) => n === 'drawArrays' || n === 'drawElements').at(-1);
	const indices = frameCalls.find(
		([n, args]) => n === 'bufferData' && args[0] === 'ELEMENT_ARRAY_BUFFER'
	);
	return { draw, indices: indices?.[1][1] };
}

describe('EventDotsLayer: the reader’s filter', () => {
	beforeAll(() => vi.stubGlobal('window', { devicePixelRatio: 1 }));
	afterAll(() => vi.unstubAllGlobals());

	function layer(events = 6, minZoom = 0) {
		const dots = new EventDotsLayer(new Float32Array(events * DOT_STRIDE), minZoom);
		const { gl, calls } = stubGl();
		const map = stubMap();
		dots.onAdd(map, gl);
		const render = () => {
			const since = calls.length;
			dots.render(gl, frame);
			return drawn(calls, since);
		};
		return { dots, render, map };
	}

	it.each([
		['no filter: every event', null, ['drawArrays', ['POINTS', 0, 6]]],
		[
			'a filter: its rows alone',
			new Int32Array([1, 4]),
			['drawElements', ['POINTS', 2, 'UNSIGNED_INT', 0]]
		],
		[
			'an empty filter: nothing',
			new Int32Array(0),
			['drawElements', ['POINTS', 0, 'UNSIGNED_INT', 0]]
		]
	] as const)('%s', (_, rows, expected) => {
		const { dots, render } = layer();
		dots.setRows(rows);
		expect(render().draw).toEqual(expected);
	});

	it('sends the rows to the GPU once; a scrub sends nothing again', () => {
		const { dots, render, map } = layer();
		dots.setRows(new Int32Array([1, 4]));
		expect(map.triggerRepaint).toHaveBeenCalled();
		expect(render().indices).toEqual(new Uint32Array([1, 4]));
		dots.setDay(100);
		const scrub = render();
		expect(scrub.indices).toBeUndefined();
		expect(scrub.draw![0]).toBe('drawElements');
		dots.setRows(null);
		expect(render().draw).toEqual(['drawArrays', ['POINTS', 0, 6]]);
		dots.setRows(new Int32Array([2]));
		expect(render().indices).toEqual(new Uint32Array([2]));
	});

	it('a big story, zoomed in, uploads all of its table before a filter’s rows are drawn', () => {
		// 300,000 events are more than one frame's slice: a filter's rows may lie in any of them.
		const { dots, render, map } = layer(300_000, 5);
		dots.setRows(new Int32Array([299_999]));
		vi.mocked(map.triggerRepaint).mockClear();
		expect(render().draw).toEqual(['drawElements', ['POINTS', 1, 'UNSIGNED_INT', 0]]);
		// All up in this frame: no further frame asked for to upload the rest.
		expect(map.triggerRepaint).not.toHaveBeenCalled();
	});
});
