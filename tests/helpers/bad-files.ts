/**
 * One bad file per kind of mistake, made from the project's own story by a small mutation, so the
 * cases follow the data as it changes instead of being 8,000 lines of stale copies.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_FILES } from '../../scripts/lib/story-files';

type Json = Record<string, unknown>;
interface Collection {
	features: Array<{ geometry: { type: string; coordinates: unknown }; properties: Json }>;
	[key: string]: unknown;
}

const read = (role: 'events' | 'places') =>
	JSON.parse(readFileSync(DEFAULT_FILES[role], 'utf8')) as Collection;
const article = () => readFileSync(DEFAULT_FILES.article, 'utf8');

function feature(collection: Collection, id: string) {
	const found = collection.features.find((f) => f.properties.id === id);
	if (!found) throw new Error(`no feature "${id}" in the project's data`);
	return found;
}

function swap(geometry: { coordinates: unknown }): void {
	const [lon, lat] = geometry.coordinates as number[];
	geometry.coordinates = [lat, lon];
}

/** Mutates a copy of a collection and returns it as a file. */
function mutate(role: 'events' | 'places', change: (c: Collection) => unknown): string {
	const collection = structuredClone(read(role));
	const replaced = change(collection);
	return JSON.stringify(replaced ?? collection, null, '\t');
}

const BAD: Record<string, () => string | Uint8Array> = {
	'not-json.events.geojson': () => readFileSync(DEFAULT_FILES.events, 'utf8').slice(0, 300),
	'not-a-collection.events.geojson': () => mutate('events', (c) => c.features[0]),
	'empty.events.geojson': () => mutate('events', (c) => void (c.features = [])),
	'missing-id.events.geojson': () =>
		mutate('events', (c) => void delete c.features[2]!.properties.id),
	'duplicate-id.events.geojson': () =>
		mutate('events', (c) => void (feature(c, 'oval-office-clash').properties.id = 'saudi-talks')),
	'bad-date.events.geojson': () =>
		mutate('events', (c) => {
			feature(c, 'kryvyi-rih-strike').properties.start = '2025-02-30';
			feature(c, 'witkoff-putin-meeting').properties.end = '11/04/2025';
		}),
	'end-before-start.events.geojson': () =>
		mutate('events', (c) => {
			const p = feature(c, 'dmitriev-washington').properties;
			[p.start, p.end] = ['2025-04-06', '2025-03-31'];
		}),
	'away-from-place.events.geojson': () =>
		mutate('events', (c) => swap(feature(c, 'kryvyi-rih-strike').geometry)),
	'unknown-place.events.geojson': () =>
		mutate('events', (c) => void (feature(c, 'petrov-arrest').properties.place = 'nicosia')),
	'excerpt-not-in-article.events.geojson': () =>
		mutate('events', (c) => {
			(feature(c, 'kryvyi-rih-strike').properties.source as string[]).splice(
				1,
				Infinity,
				'The strike was condemned by everyone.'
			);
			// A sentence of the article with its curly quotes typed straight.
			const quoted = /[^.]*“[^”]+”[^.]*\./.exec(article())![0].trim();
			(feature(c, 'witkoff-putin-meeting').properties.source as string[]).splice(
				1,
				Infinity,
				quoted.replace(/[“”]/g, '"')
			);
		}),
	'crs.events.geojson': () =>
		mutate('events', (c) => {
			c.crs = { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3857' } };
		}),
	'not-a-point.events.geojson': () =>
		mutate('events', (c) => {
			const f = feature(c, 'invasion');
			f.geometry = { type: 'LineString', coordinates: [f.geometry.coordinates, [30, 50]] };
		}),
	'html.events.geojson': () =>
		mutate('events', (c) => {
			const p = feature(c, 'invasion').properties;
			p.summary = `<b>${String(p.summary)}</b>`;
		}),
	'wrong-types.events.geojson': () =>
		mutate('events', (c) => {
			const p = feature(c, 'invasion').properties;
			[p.category, p.actors, p.background] = ['invasion', 'Russia', 'yes'];
		}),
	'out-of-range.places.geojson': () =>
		mutate('places', (c) => void (feature(c, 'brussels').geometry.coordinates = [4.3517, 150.85])),
	'swapped.places.geojson': () => mutate('places', (c) => swap(feature(c, 'kryvyi-rih').geometry)),
	'wrong-country.places.geojson': () =>
		mutate('places', (c) => void (feature(c, 'brussels').properties.country = 'FR')),
	// Windows-1252's curly quotes: bytes that are not UTF-8.
	'not-utf8.article.txt': () =>
		Uint8Array.from(article().replace(/[\u0080-\uffff]/g, '\x93'), (ch) => ch.charCodeAt(0))
};

export const BAD_FILES = Object.keys(BAD);

export function badFile(name: string): { name: string; contents: Uint8Array } {
	const make = BAD[name];
	if (!make) throw new Error(`no bad file called ${name}`);
	const made = make();
	return { name, contents: typeof made === 'string' ? new TextEncoder().encode(made) : made };
}

/** Writes every bad file into a folder, for the command-line tests; returns the folder. */
export function writeBadFiles(dir: string): string {
	mkdirSync(dir, { recursive: true });
	for (const name of BAD_FILES) writeFileSync(join(dir, name), badFile(name).contents);
	return dir;
}
