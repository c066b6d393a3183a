import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';

/**
 * The basemap as the app receives it: Natural Earth countries, cut at the antimeridian at build
 * time (scripts/lib/basemap.ts).
 */
export interface CountryProperties {
	/** ISO 3166-1 alpha-2, or "" for Natural Earth units without one (N. Cyprus, Kosovo…). */
	iso2: string;
	name: string;
}
export type CountryFeature = Feature<Polygon | MultiPolygon, CountryProperties>;
export type Countries = FeatureCollection<Polygon | MultiPolygon, CountryProperties>;
