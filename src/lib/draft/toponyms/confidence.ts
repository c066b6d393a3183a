/**
 * How sure a place name's reading is, on one scale for the draft's resolver (resolve.ts) and the
 * importer's names-only rows (import/geocode.ts): how far the chosen reading's score leads the
 * next different one. The studio asks about a place below UNSURE_BELOW; so does the CLI's summary.
 */

/** Score points a reading must lead by for it to be sure: the lead at which confidence is 0.5. */
export const SURE_MARGIN = 2;

/** Below this the studio and the import's summary ask (a name with close readings always is). */
export const UNSURE_BELOW = 0.5;

/** 0–1 from the chosen reading's lead over the next different one (−Infinity when none is). */
export const confidenceOf = (margin: number): number =>
	Math.min(1, Math.max(0, margin / (2 * SURE_MARGIN)));
