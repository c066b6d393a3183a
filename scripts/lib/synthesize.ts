import type { Feature, FeatureCollection, Point } from 'geojson';
import type { CountryLookup } from '../../src/lib/story/country-lookup';
import { parseIsoDate, toIsoDate } from '../../src/lib/story/dates';
import { placeFeature } from '../../src/lib/story/place-feature';
import type { ColumnarSource } from '../../src/lib/story/columnar/folder-files';
import { buildEventTable } from '../../src/lib/story/table-builder';
import { CHUNK_SIZE, type EventText } from '../../src/lib/story/columnar/layout';
import { CATEGORIES, type Category } from '../../src/lib/story/schema';
import type { LonLat, Place } from '../../src/lib/story/types';

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

/** ACLED's mix, as the importer maps its event types (import/categories.ts): mostly war and strikes. */
const ACLED_MIX: ReadonlyArray<[Category, number]> = [
	['war', 0.38],
	['strike', 0.42],
	['statement', 0.12],
	['detention', 0.04],
	['diplomacy', 0.04]
];

/** Ukraine and its neighbours, where the synthetic war's events fall (the default box). */
const NEAR_UKRAINE = ['UA', 'RU', 'BY', 'PL', 'SK', 'HU', 'RO', 'MD'];

/** Which of Ukraine's neighbours (or Ukraine) a point lies in, by the basemap's outlines. */
export function nearbyCountry(
	lookup: CountryLookup
): (point: [number, number]) => string | undefined {
	return (point) => NEAR_UKRAINE.find((iso2) => lookup.contains(iso2, point));
}

/**
 * A big story in the columnar form (story/columnar/), shaped like an ACLED export of a war: many
 * locations (a few hundred events each at most), events known to the day, a few to the week or
 * month, dense in the later years. `count` events over `placeCount` places inside `box`
 * ([west, south, east, north]).
 */
export function synthesizeColumnar(
	count: number,
	extent: { first: number; last: number },
	{
		seed = 1,
		box = [22.2, 44.4, 40.2, 52.3],
		placeCount = Math.min(8000, Math.max(20, Math.round(count / 120))),
		countryOf
	}: {
		seed?: number;
		box?: [number, number, number, number];
		placeCount?: number;
		/** The country a point lies in (ISO 3166-1 alpha-2): a place at sea is drawn again. */
		countryOf: (point: [number, number]) => string | undefined;
	}
): ColumnarSource {
	const rand = random(seed);
	const [west, south, east, north] = box;
	const places = Array.from({ length: placeCount }, (_, i) => {
		for (;;) {
			// Clustered towards the east of the box, as fighting is along a front.
			const coordinates: [number, number] = [
				Math.round((west + Math.pow(rand(), 0.6) * (east - west)) * 1e4) / 1e4,
				Math.round((south + rand() * (north - south)) * 1e4) / 1e4
			];
			const country = countryOf(coordinates);
			if (country) return { id: `loc-${i + 1}`, name: `Location ${i + 1}`, country, coordinates };
		}
	});
	const span = extent.last - extent.first;
	const start = new Int32Array(count);
	const end = new Int32Array(count);
	const place = new Int32Array(count);
	const category = new Uint8Array(count);
	for (let i = 0; i < count; i++) {
		start[i] = extent.first + Math.floor(Math.pow(rand(), 0.5) * span);
		const vague = rand();
		// time_precision 2 and 3: a week's or a month's range.
		end[i] = Math.min(extent.last, start[i]! + (vague < 0.05 ? 6 : vague < 0.07 ? 29 : 0));
		// Some locations see far more than others.
		place[i] = Math.floor(Math.pow(rand(), 2) * placeCount);
		let r = rand();
		let c = 0;
		while (c < ACLED_MIX.length - 1 && (r -= ACLED_MIX[c]![1]) > 0) c++;
		category[i] = c;
	}
	const order = Uint32Array.from({ length: count }, (_, i) => i).sort(
		(a, b) => start[a]! - start[b]! || end[a]! - end[b]!
	);
	const width = String(count).length;
	const ids = Array.from(order, (_, k) => `ev-${String(k + 1).padStart(width, '0')}`);
	const pick = <T extends Int32Array | Uint8Array>(from: T, make: (n: number) => T): T => {
		const out = make(count);
		order.forEach((i, k) => (out[k] = from[i]!));
		return out;
	};
	const sortedPlace = pick(place, (n) => new Int32Array(n));
	const sortedCategory = pick(category, (n) => new Uint8Array(n));
	const table = buildEventTable(
		Array.from(order, (i, k) => ({
			id: ids[k]!,
			start: start[i]!,
			end: end[i]!,
			category: ACLED_MIX[sortedCategory[k]!]![0],
			place: places[sortedPlace[k]!]!.id,
			coordinates: places[sortedPlace[k]!]!.coordinates,
			row: i + 2
		})),
		places.map((p) => p.id)
	);
	const kinds = ['Shelling', 'Armed clash', 'Air strike', 'Drone strike', 'Arrest', 'Protest'];
	const chunk = (n: number): string => {
		const texts: EventText[] = [];
		for (let k = n * CHUNK_SIZE; k < Math.min(count, (n + 1) * CHUNK_SIZE); k++) {
			const p = places[table.place[k]!]!;
			texts.push({
				id: ids[k]!,
				title: `${kinds[(k * 7) % kinds.length]} near ${p.name}`,
				summary: `Synthetic event ${k + 1} of ${count}, at ${p.name}.`,
				actors: ['Generator'],
				when: table.start[k] === table.end[k] ? 'that day' : 'sometime that week or month',
				source: [`Synthetic source ${k % 40}`],
				notes: []
			});
		}
		return JSON.stringify(texts);
	};
	return {
		table,
		meta: {
			title: `Synthetic dataset, ${count.toLocaleString('en-GB')} events`,
			published: toIsoDate(extent.last),
			origin: 'Synthetic, in the shape of an ACLED export',
			rows: count + 1
		},
		places: JSON.stringify({
			type: 'FeatureCollection',
			features: places.map((p) => placeFeature({ ...p, kind: 'city' }))
		}),
		article: `Synthetic events in the shape of an ACLED export, ${count.toLocaleString('en-GB')} rows, made by npm run synthesize for the benchmark and the tests. No row is real.\n`,
		chunk
	};
}

/**
 * The columnar form of a story synthesizeStory wrote: the same events (ids, points, dates,
 * categories, words), as `npm run import` stores a story of more than MAX_GEOJSON_EVENTS events,
 * so the benchmark can load the product's form while its baselines read the GeoJSON of the same
 * events. The table is sorted by start, then end, then id, as the form requires; an event's row
 * is its place in events.geojson plus two (as if the features were rows under a header). The
 * events that join a second place keep it, as offsets into the table's places.
 */
export function columnarFromStory(story: {
	events: string;
	places: string;
	article: string;
}): ColumnarSource {
	const collection = JSON.parse(story.events) as FeatureCollection<Point> & {
		title: string;
		published: string;
	};
	const features = collection.features;
	const count = features.length;
	const props = features.map((f) => f.properties as Record<string, unknown>);
	const dayOf = (iso: unknown): number => {
		const day = parseIsoDate(String(iso));
		if (day === null) throw new Error(`not a day: ${String(iso)}`);
		return day;
	};
	const start = Int32Array.from(props, (p) => dayOf(p.start));
	const end = Int32Array.from(props, (p) => dayOf(p.end ?? p.start));
	const ids = props.map((p) => String(p.id));
	const order = Array.from({ length: count }, (_, i) => i).sort(
		(a, b) =>
			start[a]! - start[b]! ||
			end[a]! - end[b]! ||
			(ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0)
	);
	const placeIds = (
		JSON.parse(story.places) as FeatureCollection<Point, { id: string }>
	).features.map((f) => f.properties.id);
	const table = buildEventTable(
		order.map((i) => ({
			id: ids[i]!,
			start: start[i]!,
			end: end[i]!,
			category: String(props[i]!.category),
			place: String(props[i]!.place),
			places: (props[i]!.places as string[] | undefined) ?? [],
			coordinates: features[i]!.geometry.coordinates as LonLat,
			row: i + 2
		})),
		placeIds
	);
	const chunk = (n: number): string => {
		const texts: EventText[] = [];
		for (let k = n * CHUNK_SIZE; k < Math.min(count, (n + 1) * CHUNK_SIZE); k++) {
			const p = props[order[k]!]!;
			texts.push({
				id: ids[order[k]!]!,
				title: p.title as string,
				summary: p.summary as string,
				actors: p.actors as string[],
				when: p.when as string,
				source: p.source as string[],
				notes: p.notes as EventText['notes']
			});
		}
		return JSON.stringify(texts);
	};
	return {
		table,
		meta: {
			title: collection.title,
			published: collection.published,
			origin: 'Synthetic, the columnar form of the GeoJSON story of the same events',
			rows: count + 1
		},
		places: story.places,
		article: story.article,
		chunk
	};
}
