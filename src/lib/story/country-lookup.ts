import type { LonLat } from './types';

/**
 * What the validator needs to know about countries. The app and the CLI build it from Natural
 * Earth (src/lib/geo/countries.ts); the validator only asks.
 */
export interface CountryLookup {
	has(iso2: string): boolean;
	contains(iso2: string, point: LonLat): boolean;
}
