/**
 * The places of an import: one per distinct name, point and country, each checked once against
 * the basemap, the way the validator will check it.
 */
import { slugify } from '../story/slug';
import type { LonLat, PlaceKind } from '../story/types';
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
	readonly #ids = new Set<string>();
	readonly #places: ImportedPlace[] = [];
	readonly warnings: PlaceWarning[] = [];

	constructor(private readonly countries: CountryIndex) {}

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

	/** The place of a row at `point` (already rounded), created on first sight. */
	place(rawName: string, kind: PlaceKind, point: LonLat, country: RowFields['country']): Outcome {
		const named = this.declared(country);
		const name = rawName.length > MAX_NAME ? `${rawName.slice(0, MAX_NAME - 1)}…` : rawName;
		const key = `${name}\u0000${point[0]},${point[1]}\u0000${named ?? ''}`;
		const known = this.#byKey.get(key);
		if (known) return known;
		const outcome = this.#check(name, kind, point, named, country);
		if (outcome.ok) this.#places.push(outcome.place);
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
			const place: ImportedPlace = {
				id: this.#newId(name),
				name,
				kind: kindNow,
				...(iso2 ? { country: iso2 } : {}),
				coordinates: point
			};
			return { ok: true, place };
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

	list(): ImportedPlace[] {
		return this.#places;
	}
}
