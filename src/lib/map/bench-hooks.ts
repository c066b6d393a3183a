import type { Map as MapLibreMap } from 'maplibre-gl';

/**
 * The benchmark's window into the map (scripts/bench.mjs): `window.storyAtlas.map` and an
 * `atlas-idle` event each time the map settles with the story drawn. Compiled in only when the
 * build is made with VITE_BENCH_HOOKS=1, as the benchmark does; a reader's build has none of it.
 */
export const BENCH_HOOKS = import.meta.env.VITE_BENCH_HOOKS === '1';

declare global {
	interface Window {
		storyAtlas?: { map: MapLibreMap };
	}
}

export function exposeForBench(
	map: MapLibreMap,
	container: HTMLElement,
	storyDrawn: () => boolean
): void {
	window.storyAtlas = { map };
	map.on('idle', () => {
		if (storyDrawn()) container.dispatchEvent(new CustomEvent('atlas-idle', { bubbles: true }));
	});
}
