import { MercatorCoordinate } from 'maplibre-gl';
import { categoryColor } from '../scales/category';
import type { StoryEvent } from '../story/types';

/** Floats per event in the vertex buffer: x, y (Web Mercator 0…1), start, end, r, g, b, slot. */
export const DOT_STRIDE = 8;

/** Dots beyond this many at one place reuse the spiral's slots rather than spiral off the map. */
export const MAX_SLOTS = 400;

function rgb(hex: string): [number, number, number] {
	const n = parseInt(hex.slice(1), 16);
	return [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255];
}

/**
 * One vertex per event, for the GPU time filter. Events at the same place get successive slots
 * on a sunflower spiral around it, in date order, so co-located events stay apart and fill in as
 * the slider moves forward. The day test itself happens in the shader: a scrub changes one uniform.
 * `events` come in the story's order, sorted by date once by the validator.
 */
export function eventDotVertices(
	events: readonly Pick<StoryEvent, 'start' | 'end' | 'category' | 'place' | 'coordinates'>[]
): Float32Array {
	const data = new Float32Array(events.length * DOT_STRIDE);
	const slots = new Map<string, number>();
	const colors = new Map<string, [number, number, number]>();
	events.forEach((event, i) => {
		const slot = slots.get(event.place) ?? 0;
		slots.set(event.place, slot + 1);
		let color = colors.get(event.category);
		if (!color) colors.set(event.category, (color = rgb(categoryColor(event.category))));
		const { x, y } = MercatorCoordinate.fromLngLat(event.coordinates);
		data.set([x, y, event.start, event.end, ...color, slot % MAX_SLOTS], i * DOT_STRIDE);
	});
	return data;
}
