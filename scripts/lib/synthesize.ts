import type { Feature, FeatureCollection, Point } from 'geojson';
import { toIsoDate } from '../../src/lib/story/dates';
import { placeFeature } from '../../src/lib/story/place-feature';
import { CATEGORIES, type Place } from '../../src/lib/story/types';

/** A small, seeded PRNG (mulberry32): the same synthetic story on every run. */
function random(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const SENTENCES = 40;

/**
 * A story of `count` events over the given places and days, in the project's own format: what
 * newsrooms reuse such maps for (conflict-event data) at sizes far beyond one article. About one
 * event in ten is known only as a range, one in a hundred joins two places.
 */
export function synthesizeStory(
	places: readonly Place[],
	count: number,
	extent: { first: number; last: number },
	seed = 1
): { events: string; places: string; article: string } {
	const rand = random(seed);
	const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
	const sentences = Array.from(
		{ length: SENTENCES },
		(_, i) => `Synthetic report ${i + 1} says something happened.`
	);
	const span = extent.last - extent.first;
	const features: Feature<Point>[] = [];
	for (let i = 0; i < count; i++) {
		const place = pick(places);
		const start = extent.first + Math.floor(Math.pow(rand(), 0.35) * span);
		const vague = rand() < 0.1;
		const end = vague ? Math.min(extent.last, start + 1 + Math.floor(rand() * 13)) : start;
		const other = rand() < 0.01 ? pick(places.filter((p) => p.id !== place.id)) : null;
		features.push({
			type: 'Feature',
			geometry: { type: 'Point', coordinates: place.coordinates },
			properties: {
				id: `event-${i + 1}`,
				title: `Synthetic event ${i + 1}`,
				summary: `A generated event at ${place.name}.`,
				category: pick(CATEGORIES),
				actors: ['Generator'],
				start: toIsoDate(start),
				end: toIsoDate(end),
				when: vague ? 'sometime that fortnight' : 'that day',
				place: place.id,
				places: other ? [other.id] : [],
				source: [pick(sentences)],
				background: false,
				notes: []
			}
		});
	}
	const events: FeatureCollection = { type: 'FeatureCollection', features };
	const placeCollection: FeatureCollection = {
		type: 'FeatureCollection',
		features: places.map(placeFeature)
	};
	return {
		events: JSON.stringify({
			...events,
			title: `Synthetic story, ${count.toLocaleString('en-GB')} events`,
			published: toIsoDate(extent.last)
		}),
		places: JSON.stringify(placeCollection),
		article: sentences.join(' ') + '\n'
	};
}
