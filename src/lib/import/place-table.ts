/**
 * The places of an import: one per named location. Rows that name the same place (its name, its
 * state or province and its country) within a distance that fits what the place is (a town's
 * rows within 25 km, a region's within 150 km, a country's anywhere) are one place, at the point
 * of its first row, and each event keeps its row's own point: a dataset geocodes each row of a
 * town a little apart, and 50,000 rows around 28 towns are 28 places, not 50,000. Each place is checked once against the basemap, the way the
 * validator will check it. Two places that share a name are named apart by their state or country.
 */
import { kmBetween, OWN_POINT_KM } from '../story/rules';
import { slugify } from '../story/slug';
import type { LonLat } from '../story/types';
import type { PlaceKind } from '../story/schema';
import type { CountryIndex } from './country-index';
import type { RowFields, RowProblem } from './reader';

export interface ImportedPlace {
	id: string;
	name: string;
	kind: PlaceKind;
	country?: string;
	coordinates: LonLat;
}

/** A place kept, though not in the country its row names: listed for the user to look at. */
export interface PlaceWarning {
	place: string;
	named: string;
	message: string;
}

type Outcome = { ok: true; place: ImportedPlace } | { ok: false; problem: RowProblem };

const MAX_NAME = 120;

export class PlaceTable {
	readonly #byKey = new Map<string, Outcome>();
	/** The places made so far under each name, state and country. */
	readonly #named = new Map<string, { place: ImportedPlace; admin: string; country: string }[]>();
	readonly #ids = new Set<string>();
	readonly #places: ImportedPlace[] = [];
	readonly warnings: PlaceWarning[] = [];

	/** A story's places an update keeps the ids of, by name; each taken once. */
	readonly #known = new Map<string, ImportedPlace[]>();

	/**
	 * `known`: the places of the story a newer file updates (`import --into`). Their ids stay
	 * theirs: a place of the same name, kind and country near one of them takes its id, and no new
	 * place takes one, so a row whose place did not change keeps its place id however the rows
	 * before it changed.
	 */
	constructor(
		private readonly countries: CountryIndex,
		known: readonly ImportedPlace[] = []
	) {
		for (const place of known) {
			this.#ids.add(place.id);
			// A name list() told apart ("Paris, Kentucky") is known by its own part too.
			for (const name of new Set([place.name, place.name.split(', ')[0]!])) {
				const list = this.#known.get(name) ?? [];
				list.push(place);
				this.#known.set(name, list);
			}
		}
	}

	/** The id of a known place this one is, taken so no other place is it too; or null. */
	#knownId(place: Omit<ImportedPlace, 'id'>): string | null {
		const list = this.#known.get(place.name);
		const i =
			list?.findIndex(
				(k) =>
					k.kind === place.kind &&
					k.country === place.country &&
					kmBetween(k.coordinates, place.coordinates) <= OWN_POINT_KM[place.kind]
			) ?? -1;
		if (i < 0) return null;
		const [found] = list!.splice(i, 1);
		return found!.id;
	}

	/** The declared country as an ISO code the basemap may know, or null. */
	declared(country: RowFields['country']): string | null {
		if (!country) return null;
		if (country.alpha2) return country.alpha2;
		return (
			(country.numeric ? this.countries.byNumeric(country.numeric) : null) ??
			(country.name ? this.countries.byName(country.name) : null)
		);
	}

	#newId(name: string): string {
		const base = slugify(name, 'place');
		let id = base;
		for (let n = 2; this.#ids.has(id); n++) {
			const suffix = `-${n}`;
			id = `${base.slice(0, 80 - suffix.length).replace(/-+$/, '')}${suffix}`;
		}
		this.#ids.add(id);
		return id;
	}

	/**
	 * The place of a row at `point` (already rounded): a place of the same name, state and country
	 * near enough, or a new one.
	 */
	place(
		rawName: string,
		kind: PlaceKind,
		point: LonLat,
		country: RowFields['country'],
		admin = ''
	): Outcome {
		const named = this.declared(country);
		const name = rawName.length > MAX_NAME ? `${rawName.slice(0, MAX_NAME - 1)}…` : rawName;
		const key = `${name}\u0000${point[0]},${point[1]}\u0000${named ?? ''}`;
		const known = this.#byKey.get(key);
		if (known) return known;
		const nameKey = `${name.toLowerCase()}\u0000${admin.trim().toLowerCase()}\u0000${named ?? country?.name ?? ''}`;
		const near = name
			? this.#named
					.get(nameKey)
					?.find(({ place }) => place.kind === kind || (kind === 'city' && place.kind === 'region'))
			: undefined;
		// As far as the validator lets an event lie from its place (story/rules.ts): each keeps its point.
		if (near && kmBetween(near.place.coordinates, point) <= OWN_POINT_KM[kind]) {
			const outcome: Outcome = { ok: true, place: near.place };
			this.#byKey.set(key, outcome);
			return outcome;
		}
		const outcome = this.#check(name, kind, point, named, country);
		if (outcome.ok) {
			this.#places.push(outcome.place);
			const list = this.#named.get(nameKey) ?? [];
			list.push({
				place: outcome.place,
				admin: admin.trim(),
				country: country?.name ?? named ?? ''
			});
			this.#named.set(nameKey, list);
		}
		this.#byKey.set(key, outcome);
		return outcome;
	}

	#check(
		name: string,
		kind: PlaceKind,
		point: LonLat,
		named: string | null,
		country: RowFields['country']
	): Outcome {
		const [lon, lat] = point;
		const make = (iso2: string | null, as: PlaceKind): Outcome => {
			// A country, city or venue needs its country; without one the format calls it a region.
			const kindNow = iso2 === null && as !== 'sea' ? 'region' : as;
			const made = {
				name,
				kind: kindNow,
				...(iso2 ? { country: iso2 } : {}),
				coordinates: point
			};
			const id = (this.#known.size ? this.#knownId(made) : null) ?? this.#newId(name);
			return { ok: true, place: { id, ...made } };
		};
		if (named && this.countries.has(named)) {
			if (this.countries.contains(named, point)) return make(named, kind);
			if (this.countries.contains(named, [lat, lon]))
				return {
					ok: false,
					problem: {
						column: 'latitude, longitude',
						reason: `latitude ${lat}, longitude ${lon} lies outside ${country?.name || named}, but the two swapped lie inside it: latitude and longitude look swapped.`
					}
				};
			const other = this.countries.at(point);
			this.warnings.push({
				place: name,
				named: country?.name || named,
				message: other
					? `lies in ${other} on the atlas's map, not in ${country?.name || named}`
					: `lies outside ${country?.name || named} on the atlas's map (at sea, or on an island the 1:110m map leaves out)`
			});
			return make(null, kind);
		}
		// No country named, or one the basemap lacks: the map says where the point is.
		return make(this.countries.at(point), kind);
	}

	/** Every place, those that share a name told apart: "Paris, Kentucky" and "Paris, France". */
	list(): ImportedPlace[] {
		const byName = new Map<string, { place: ImportedPlace; admin: string; country: string }[]>();
		for (const list of this.#named.values())
			for (const entry of list) {
				const same = byName.get(entry.place.name) ?? [];
				same.push(entry);
				byName.set(entry.place.name, same);
			}
		const renamed = new Map<string, string>();
		for (const [name, same] of byName) {
			if (same.length < 2) continue;
			// The state where the state tells them apart, else the country, else both.
			const label = (entry: (typeof same)[number], how: 'admin' | 'either' | 'both') =>
				how === 'admin'
					? entry.admin
					: how === 'either'
						? entry.admin || entry.country
						: [entry.admin, entry.country].filter(Boolean).join(', ');
			const how = (['admin', 'either', 'both'] as const).find(
				(h) => new Set(same.map((entry) => label(entry, h).toLowerCase())).size === same.length
			);
			for (const entry of same) {
				const by = label(entry, how ?? 'both');
				if (by) renamed.set(entry.place.id, `${name}, ${by}`);
			}
		}
		return this.#places.map((place) =>
			renamed.has(place.id) ? { ...place, name: renamed.get(place.id)! } : place
		);
	}
}
