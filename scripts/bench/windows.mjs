// Where on the timeline the scrubs happen. The late window (the last ten days) is where nearly
// every event is already shown; the mid window is where about 30 % are, which is where a filter
// that hides most of the data is tested (and where the 100k advantage over Leaflet may vanish).
import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';

const DAY_MS = 864e5;
const toDay = (iso) => Math.round(Date.parse(iso) / DAY_MS);

/** Half the moves go back a day at a time and half come forward: a window of this many days. */
export const WINDOW_DAYS = 10;
const MID_SHOWN = 0.3;

/**
 * The story's start days and its span of days, as the app reads them (src/lib/time/day-counts.ts, storyExtent: from
 * the first event to publication, or to the last event if later). An event is shown on the map
 * when it starts on or before the slider's day (src/lib/time/phase.ts).
 */
export function readStoryDays(eventsFile) {
	if (eventsFile.endsWith('.arrow')) return readTableDays(eventsFile);
	const events = JSON.parse(readFileSync(eventsFile, 'utf8'));
	const starts = [];
	let first = Infinity;
	let last = events.published ? toDay(events.published) : -Infinity;
	for (const feature of events.features) {
		const start = toDay(feature.properties.start);
		const end = toDay(feature.properties.end ?? feature.properties.start);
		starts.push(start);
		if (start < first) first = start;
		if (end > last) last = end;
	}
	starts.sort((a, b) => a - b);
	return { starts, first, last };
}

/** The same from a columnar story's events.arrow: its start and end columns are day numbers. */
function readTableDays(arrowFile) {
	const table = tableFromIPC(readFileSync(arrowFile));
	const starts = Array.from(table.getChild('start').toArray()).sort((a, b) => a - b);
	const published = table.schema.metadata.get('published');
	let last = published ? toDay(published) : -Infinity;
	for (const end of table.getChild('end').toArray()) if (end > last) last = end;
	return { starts, first: starts[0] ?? 0, last };
}

/** The share of events shown on `day`. */
function shownShare(starts, day) {
	let lo = 0;
	let hi = starts.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (starts[mid] <= day) lo = mid + 1;
		else hi = mid;
	}
	return starts.length ? lo / starts.length : 0;
}

/**
 * The two windows, each by the day the scrub starts from (its latest day) as an offset from the
 * story's first day, which is what the slider's aria-valuenow counts, with the share of events
 * shown across it.
 */
export function scrubWindows({ starts, first, last }) {
	const window = (end) => ({
		end_offset: end - first,
		shown_pct: [
			Math.round(shownShare(starts, end - WINDOW_DAYS) * 1000) / 10,
			Math.round(shownShare(starts, end) * 1000) / 10
		]
	});
	// The mid window's middle day is the first on which 30 % of events are shown.
	let centre = first;
	for (const start of starts) {
		centre = start;
		if (shownShare(starts, start) >= MID_SHOWN) break;
	}
	const midEnd = Math.min(last, Math.max(first + WINDOW_DAYS, centre + WINDOW_DAYS / 2));
	return { late: window(last), mid: window(midEnd) };
}
