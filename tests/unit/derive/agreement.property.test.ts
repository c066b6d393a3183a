/**
 * One truth for "is this story valid": whatever `npm run check:data` accepts, the atlas loads, and
 * whatever it refuses, the atlas refuses with the same problems. Stories are generated where the
 * two once disagreed: small islands that the atlas's 1:110m map leaves out, places by the
 * antimeridian, events joining antipodes (which threw in the arcs), and thousands of places.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shippedBasemap, shippedCountryLookup } from '../../../scripts/lib/natural-earth';
import { prepareStory } from '../../../src/lib/derive/prepare-story';
import type { Countries } from '../../../src/lib/geo/basemap';
import { formatProblem } from '../../../src/lib/story/problems';
import { validateStory, type StoryFiles } from '../../../src/lib/story/validate';

/** What check:data checks with. */
const cliLookup = shippedCountryLookup();
/** What the atlas's loader receives: the shipped basemap, as JSON over the wire. */
const appBasemap = JSON.parse(JSON.stringify(shippedBasemap())) as Countries;

const ARTICLE = 'Ministers met on Friday and agreed to meet again.';
const SOURCE = 'Ministers met on Friday';

/** Places where the check is hard: islands, both sides of ±180°, coasts. [lon, lat, country] */
const ANCHORS: Array<[number, number, string]> = [
	[178.4419, -18.1416, 'FJ'], // Suva
	[179.3833, -16.4333, 'FJ'], // Labasa, Vanua Levu
	[-179.97, -16.85, 'FJ'], // Taveuni, east of 180°
	[177.07, -12.5, 'FJ'], // Rotuma
	[-176.6581, 51.88, 'US'], // Adak, Aleutians
	[173.18, 52.93, 'US'], // Attu, west of 180°
	[-166.5422, 53.8739, 'US'], // Unalaska
	[177.5, 64.73, 'RU'], // Anadyr
	[-173.23, 64.42, 'RU'], // Provideniya, Chukotka east of 180°
	[-179.5, 71.2, 'RU'], // Wrangel Island
	[-176.56, -43.95, 'NZ'], // Chatham Islands
	[174.7633, -36.8485, 'NZ'], // Auckland
	[168.32, -17.73, 'VU'], // Port Vila
	[-175.2, -21.13, 'TO'], // Nuku'alofa: no Tonga on the 1:110m map
	[-157.8583, 21.3069, 'US'], // Honolulu
	[54.3773, 24.4539, 'AE'], // Abu Dhabi, a port just offshore at 1:110m
	[4.3517, 50.8503, 'BE'] // Brussels
];
const COUNTRIES = ['FJ', 'US', 'RU', 'NZ', 'VU', 'TO', 'AE', 'BE', 'KI'];
/** Inland or well inside the 1:110m outline on both sides of 180°: a big story that can pass. */
const BULK_ANCHORS: Array<[number, number, string]> = [
	[178, -17.8, 'FJ'], // Viti Levu
	[179.3833, -16.4333, 'FJ'], // Vanua Levu, by 180°
	[177.5, 64.73, 'RU'], // Anadyr
	[179.2, 68.9, 'RU'], // Chukotka, west of 180°
	[-173.23, 64.42, 'RU'], // Chukotka, east of 180°
	[174.7633, -36.8485, 'NZ'], // Auckland
	[4.3517, 50.8503, 'BE'] // Brussels
];

const round4 = (value: number) => Math.round(value * 1e4) / 1e4;
const clampLon = (lon: number) => Math.max(-180, Math.min(180, round4(lon)));
const clampLat = (lat: number) => Math.max(-90, Math.min(90, round4(lat)));
const antipode = ([lon, lat]: [number, number]): [number, number] => [
	lon > 0 ? round4(lon - 180) : round4(lon + 180),
	-lat
];

interface PlaceSpec {
	coordinates: [number, number];
	kind: 'city' | 'sea' | 'region';
	country: string | null;
}

/** A place near an anchor, with its country, another, or none. */
const nearAnchor: fc.Arbitrary<PlaceSpec> = fc
	.record({
		anchor: fc.constantFrom(...ANCHORS),
		// Mostly a few km, sometimes tens: across the 25 km slack.
		dx: fc.oneof(fc.integer({ min: -300, max: 300 }), fc.integer({ min: -5000, max: 5000 })),
		dy: fc.oneof(fc.integer({ min: -300, max: 300 }), fc.integer({ min: -5000, max: 5000 })),
		jitter: fc.boolean(),
		// A sea needs no country, so it passes wherever it is; a city must lie in its country.
		kind: fc.constantFrom('city', 'city', 'city', 'sea', 'sea', 'region'),
		country: fc.oneof(
			{ arbitrary: fc.constant('own'), weight: 8 },
			{ arbitrary: fc.constantFrom(...COUNTRIES), weight: 1 },
			{ arbitrary: fc.constant(null), weight: 1 }
		)
	})
	.map(({ anchor: [lon, lat, own], dx, dy, jitter, kind, country }) => ({
		coordinates: jitter
			? [clampLon(lon + dx / 1e4), clampLat(lat + dy / 1e4)]
			: ([lon, lat] as [number, number]),
		kind,
		country: kind === 'sea' ? null : country === 'own' ? own : country
	}));

/** Anywhere on Earth, to four decimals, the poles and ±180° included. */
const anywhere: fc.Arbitrary<PlaceSpec> = fc
	.record({
		lon: fc.integer({ min: -1_800_000, max: 1_800_000 }),
		lat: fc.integer({ min: -900_000, max: 900_000 }),
		// Mostly seas and regions, which need no country; now and then a city "somewhere" in one.
		kind: fc.constantFrom('sea', 'sea', 'sea', 'region', 'region', 'city'),
		country: fc.constantFrom(...COUNTRIES)
	})
	.map(({ lon, lat, kind, country }) => ({
		coordinates: [lon / 1e4, lat / 1e4],
		kind,
		country: kind === 'city' ? country : null
	}));

/**
 * Thousands of places without thousands of shrinkable values: a seeded walk around the anchors,
 * mostly inside their countries.
 */
function bulkPlaces(count: number, seed: number): PlaceSpec[] {
	let state = seed >>> 0 || 1;
	const next = () => {
		state ^= state << 13;
		state ^= state >>> 17;
		state ^= state << 5;
		return (state >>> 0) / 2 ** 32;
	};
	const places: PlaceSpec[] = [];
	for (let i = 0; i < count; i++) {
		const [lon, lat, country] = BULK_ANCHORS[Math.floor(next() * BULK_ANCHORS.length)]!;
		const city = next() < 0.8;
		places.push({
			coordinates: [clampLon(lon + (next() - 0.5) * 0.1), clampLat(lat + (next() - 0.5) * 0.1)],
			kind: city ? 'city' : 'sea',
			country: city ? country : null
		});
	}
	return places;
}

const story = fc
	.record({
		special: fc.array(fc.oneof(nearAnchor, anywhere), { minLength: 1, maxLength: 5 }),
		// Each entry adds the antipode of one place (a sea, so it needs no country).
		antipodes: fc.array(fc.nat(), { maxLength: 4 }),
		bulk: fc.oneof(
			{ arbitrary: fc.constant(0), weight: 6 },
			{ arbitrary: fc.integer({ min: 100, max: 3000 }), weight: 1 }
		),
		seed: fc.integer(),
		// Events: a main place and the others it joins, as indices into the places.
		events: fc.array(fc.record({ main: fc.nat(), others: fc.array(fc.nat(), { maxLength: 3 }) }), {
			minLength: 1,
			maxLength: 30
		}),
		// One event's point away from its place: a story that must fail on both sides alike.
		misplaced: fc.integer({ min: 0, max: 3 }).map((n) => n === 0)
	})
	.map(({ special, antipodes, bulk, seed, events, misplaced }) => {
		const places = [...special];
		const eventSpecs = [...events];
		for (const index of antipodes) {
			const of = index % places.length;
			places.push({ coordinates: antipode(places[of]!.coordinates), kind: 'sea', country: null });
			// An event joins the two: the arc that threw.
			eventSpecs.push({ main: of, others: [places.length - 1] });
		}
		for (const place of bulkPlaces(bulk, seed)) places.push(place);
		// Every place gets an event in a big story too, so thousands of arcs and circles are drawn.
		if (bulk > 0)
			for (let i = 0; i < places.length; i += 2) eventSpecs.push({ main: i, others: [i + 1] });
		return { places, events: eventSpecs, misplaced };
	});

type StorySpec = { places: PlaceSpec[]; events: EventSpec[]; misplaced: boolean };
type EventSpec = { main: number; others: number[] };

function toFiles({ places, events, misplaced }: StorySpec): StoryFiles {
	const placeFeatures = places.map((place, i) => ({
		type: 'Feature',
		geometry: { type: 'Point', coordinates: place.coordinates },
		properties: {
			id: `p${i}`,
			name: `Place ${i}`,
			kind: place.kind,
			...(place.country ? { country: place.country } : {})
		}
	}));
	const eventFeatures = events.map((event, i) => {
		const main = event.main % places.length;
		const others = [
			...new Set(event.others.map((o) => o % places.length).filter((o) => o !== main))
		];
		const [lon, lat] = places[main]!.coordinates;
		return {
			type: 'Feature',
			geometry: {
				type: 'Point',
				coordinates: misplaced && i === 0 ? [clampLon(lon + 1), lat] : [lon, lat]
			},
			properties: {
				id: `e${i}`,
				title: `Event ${i}`,
				summary: 'Ministers met.',
				category: 'meeting',
				actors: ['Ministers'],
				start: '2025-04-11',
				end: '2025-04-11',
				when: 'on Friday',
				place: `p${main}`,
				places: others.map((o) => `p${o}`),
				source: [SOURCE],
				background: false,
				notes: []
			}
		};
	});
	return {
		events: {
			name: 'events.geojson',
			contents: JSON.stringify({
				type: 'FeatureCollection',
				title: 'Generated',
				features: eventFeatures
			})
		},
		places: {
			name: 'places.geojson',
			contents: JSON.stringify({ type: 'FeatureCollection', features: placeFeatures })
		},
		article: { name: 'article.txt', contents: ARTICLE }
	};
}

describe('check:data and the atlas agree on generated stories (property-based)', () => {
	it('check:data passes exactly when the atlas loads the story, with the same problems; neither throws', () => {
		let loaded = 0;
		let refused = 0;
		fc.assert(
			fc.property(story, (spec) => {
				const input = toFiles(spec);
				const cli = validateStory(input, cliLookup);
				const app = prepareStory(input, appBasemap);
				expect(app.ok).toBe(cli.ok);
				if (process.env.AGREEMENT_DEBUG)
					console.log(spec.places.length, cli.ok, Math.round(performance.now()));
				if (!cli.ok && !app.ok) {
					expect(app.problems.map(formatProblem)).toEqual(cli.problems.map(formatProblem));
					refused++;
				} else loaded++;
			}),
			{ numRuns: 300 }
		);
		// Both verdicts were exercised, or the property says little.
		expect(loaded).toBeGreaterThan(10);
		expect(refused).toBeGreaterThan(10);
	}, 120_000);
});
