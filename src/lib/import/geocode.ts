/**
 * A row's place name → a point, from the studio's gazetteer, for rows that name a place and give
 * no coordinates. A spreadsheet row is not an article: its context is its own country and state
 * columns ("Kharkiv" in a row saying Ukraine), or a qualifier in the cell ("Paris, Ky.",
 * "Springfield, Illinois"). Each answer says how sure it is, the way the draft's resolver does
 * (toponyms/resolve.ts: the lead of the chosen reading over the next different one), and lists the
 * readings that came close, so the studio can ask about an unsure one.
 */
import { geoDistance } from 'd3-geo';
import type { MentionReading } from '../draft/draft';
import type { Gazetteer, GazetteerPlace } from '../draft/gazetteer/gazetteer';
import { describePlace } from '../draft/search';
import { confidenceOf, SURE_MARGIN } from '../draft/toponyms/confidence';
import { prior } from '../draft/toponyms/resolve';
import { quote } from '../story/text';

export interface GeocodeQuery {
	/** The place cell as written: "Kharkiv", "Paris, Ky.". */
	name: string;
	/** ISO 3166-1 alpha-2 of the country the row names, or null. */
	country: string | null;
	/** The state, province or oblast the row names, or ''. */
	admin: string;
	/**
	 * The states the file's other rows name or were placed in, most named first: where the row
	 * names none, a sheet of Kentucky towns keeps its Paris in Kentucky.
	 */
	context?: readonly string[];
}

export type Geocoded =
	| {
			ok: true;
			reading: MentionReading;
			/** The state the place lies in, where the gazetteer knows it. */
			state?: string;
			/** 0–1: how far the chosen reading leads the next different one. */
			confidence: number;
			/**
			 * What settled the name: the row's own state or qualifier, the states the file's other rows
			 * are in, or the name alone (the most likely reading). Only the first and a sure last one are
			 * evidence of where the file's other rows lie: a guess taken as context would place a whole
			 * sheet in the state of its first unsure name.
			 */
			by: 'row' | 'file' | 'name';
			/** Other readings close enough to ask about. */
			alternatives: MentionReading[];
	  }
	| { ok: false; reason: string };

/** A city and the district of the same name around it (Paris and the département of Paris). */
const SAME_PLACE_KM = 50;
const EARTH_KM = 6371;

const reading = (place: GazetteerPlace): MentionReading => ({
	name: place.name,
	detail: describePlace(place),
	kind: place.kind,
	country: place.country,
	coordinates: [place.lon, place.lat]
});

function distinct(places: readonly GazetteerPlace[]): GazetteerPlace[] {
	return [...new Set(places)];
}

/** The places a name may mean, codes ("KY") left out: alone they name nothing. */
function named(gazetteer: Gazetteer, name: string): GazetteerPlace[] {
	return distinct(
		gazetteer
			.candidates(name)
			.filter((entry) => entry.type !== 'code' && entry.type !== 'demonym')
			.map((entry) => entry.place)
	);
}

/** The states or countries a qualifier may name ("Ky.", "Illinois", "Ukraine", "KY"). */
function qualifiers(gazetteer: Gazetteer, text: string): GazetteerPlace[] {
	return distinct(
		gazetteer
			.candidates(text)
			.filter((entry) => entry.type !== 'demonym')
			.map((entry) => entry.place)
			.filter((place) => place.level === 'state' || place.level === 'country')
	);
}

export function geocode(gazetteer: Gazetteer, query: GeocodeQuery): Geocoded {
	const cell = query.name.replace(/\s+/g, ' ').trim();
	if (!cell)
		return { ok: false, reason: 'is empty: the row has no coordinates and no place name.' };
	// "Paris, Ky.": the first part is the name; what follows a comma says where it is.
	const parts = cell.split(/\s*,\s*/).filter(Boolean);
	let places = named(gazetteer, cell);
	let within: GazetteerPlace[] = [];
	if (places.length === 0 && parts.length > 1) {
		places = named(gazetteer, parts[0]!);
		within = parts.slice(1).flatMap((part) => qualifiers(gazetteer, part));
	}
	if (places.length === 0)
		return {
			ok: false,
			reason: `${quote(parts[0] ?? cell, 60)} is not a place the studio's gazetteer knows, and the row has no coordinates.`
		};
	const country = query.country ?? null;
	if (country) {
		const inCountry = places.filter((p) => p.country === country || p.level === 'country');
		if (inCountry.length === 0)
			return {
				ok: false,
				reason: `the gazetteer knows ${quote(parts[0] ?? cell, 60)} only outside ${country}, the row's country: give its coordinates.`
			};
		places = inCountry;
	}
	if (query.admin.trim())
		within = [
			...within,
			...qualifiers(gazetteer, query.admin).filter(
				(state) => state.level === 'state' && (!country || state.country === country)
			)
		];
	const inside = (p: GazetteerPlace) => within.some((w) => w === p || gazetteer.contains(w, p));
	// The row's own state, or the one its cell names, settles the name as "Paris, Ky." does in an
	// article; a qualifier that fits none of the readings is no evidence for any of them.
	let by: 'row' | 'file' | 'name' = 'name';
	if (places.some(inside)) {
		places = places.filter(inside);
		by = 'row';
	} else if (!query.admin.trim() && query.context?.length && places.length > 1) {
		// No state of its own: the first of the file's states that holds one of its readings.
		for (const state of query.context) {
			const key = state.trim().toLowerCase();
			const there = places.filter((p) => p.parent?.name.toLowerCase() === key);
			if (there.length) {
				places = there;
				by = 'file';
				break;
			}
		}
	}
	const scored = places
		.map((place) => ({ place, score: prior(place) }))
		.sort((a, b) => b.score - a.score || b.place.population - a.place.population);
	const chosen = scored[0]!;
	// The city of Paris and the département of Paris are one answer, not two.
	const related = (a: GazetteerPlace, b: GazetteerPlace) =>
		gazetteer.contains(a, b) ||
		gazetteer.contains(b, a) ||
		geoDistance([a.lon, a.lat], [b.lon, b.lat]) * EARTH_KM < SAME_PLACE_KM;
	const others = scored.slice(1).filter(({ place }) => !related(place, chosen.place));
	const margin = chosen.score - (others[0]?.score ?? -Infinity);
	return {
		ok: true,
		...(chosen.place.parent?.level === 'state' ? { state: chosen.place.parent.name } : {}),
		reading: reading(chosen.place),
		by,
		confidence: confidenceOf(margin),
		alternatives: others
			.filter(({ score }) => chosen.score - score < SURE_MARGIN)
			.slice(0, 3)
			.map(({ place }) => reading(place))
	};
}

/** Geocodes each distinct query once: a dataset names the same few places thousands of times. */
export function cachedGeocoder(gazetteer: Gazetteer): (query: GeocodeQuery) => Geocoded {
	const cache = new Map<string, Geocoded>();
	return (query) => {
		const context = query.admin ? '' : (query.context ?? []).join('\u0001');
		const key = `${query.name}\u0000${query.country ?? ''}\u0000${query.admin}\u0000${context}`;
		let answer = cache.get(key);
		if (!answer) cache.set(key, (answer = geocode(gazetteer, query)));
		return answer;
	};
}
