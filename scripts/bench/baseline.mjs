// The plain MapLibre way on the same page, for comparison: every event a circle in one GeoJSON
// source, filtered by date with setFilter (which re-tiles the source in the worker on each move).

/**
 * Scrubs each window (by its latest day, absolute day number) with setFilter, timed like the
 * atlas's own scrub: from the call to the first frame after the map is idle.
 * @returns {Promise<Record<string, number[]>>} the samples of each window, by its name
 */
export async function scrubSetFilter(page, { eventsUrl, windows, moves, warmup }) {
	return page.evaluate(
		async ({ eventsUrl, windows, moves, warmup }) => {
			const map = window.storyAtlas.map;
			const events = await (await fetch(eventsUrl)).json();
			const idle = () =>
				new Promise((r) => {
					const t = setTimeout(r, 5000);
					map.once('idle', () => {
						clearTimeout(t);
						r();
					});
				});
			// Only what the filter reads: a lean source is the fairest baseline.
			for (const f of events.features) {
				f.properties = { day: Date.parse(f.properties.start) / 864e5 };
			}
			map.setLayoutProperty('event-dots', 'visibility', 'none');
			map.addSource('baseline', { type: 'geojson', data: events });
			map.addLayer({
				id: 'baseline',
				type: 'circle',
				source: 'baseline',
				paint: { 'circle-radius': 4, 'circle-color': '#d7301f' }
			});
			const samples = {};
			for (const { name, endDay } of windows) {
				let day = endDay;
				map.setFilter('baseline', ['<=', ['get', 'day'], day]);
				await idle();
				samples[name] = [];
				for (let i = 0; i < warmup + moves; i++) {
					day += Math.floor(i / 10) % 2 === 0 ? -1 : 1;
					const t0 = performance.now();
					const settled = idle();
					map.setFilter('baseline', ['<=', ['get', 'day'], day]);
					await settled;
					await new Promise((r) => requestAnimationFrame(r));
					if (i >= warmup) samples[name].push(performance.now() - t0);
				}
			}
			map.removeLayer('baseline');
			map.removeSource('baseline');
			map.setLayoutProperty('event-dots', 'visibility', 'visible');
			return samples;
		},
		{ eventsUrl, windows, moves, warmup }
	);
}
