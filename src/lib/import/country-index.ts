/**
 * What the importer asks about countries: the validator's own check (CountryLookup) and two more
 * questions, which country a point lies in and which country a row names. The CLI builds it from
 * the basemap the atlas ships (countries.ts), as the studio does, so a place the import keeps
 * passes `npm run check:data`.
 */
import type { CountryLookup } from '../story/country-lookup';
import type { LonLat } from '../story/types';

export interface CountryIndex extends CountryLookup {
	/**
	 * The country whose outline holds the point, or within the validator's coastline slack of it;
	 * null at sea or on an island the map lacks.
	 */
	at(point: LonLat): string | null;
	/** ISO 3166-1 alpha-2 for an English country name ("Ukraine", "Russia"), or null. */
	byName(name: string): string | null;
	/** ISO 3166-1 alpha-2 for a numeric code ("804"), or null. */
	byNumeric(code: string): string | null;
}
