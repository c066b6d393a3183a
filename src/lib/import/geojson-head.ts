/**
 * The first features of a big GeoJSON file, from its head alone: a preview needs a few rows and
 * the file's size in rows, not 200 MB parsed. The head's text is walked once, without recursion
 * (a property may nest 10,000 deep), for the top object's "features" array; each whole feature in
 * it is counted and parsed (a megabyte at most). The rows are made as the whole file's are
 * (geojson-rows.ts): a property's column is where it first appears, so the preview's columns are
 * the first of the whole file's, in the same order.
 */
import type { RowEstimate } from './estimate-rows';
import { featureRows, type GeoJsonRows } from './geojson-rows';

export interface GeoJsonHead {
	rows: GeoJsonRows;
	estimate: RowEstimate;
}

/**
 * The first `count` rows (the header first, its columns those of every feature in the head) from
 * `head`, the first `headBytes` of a file of
 * `fileBytes`; null when the head does not show them (no "type": "FeatureCollection" before its
 * features, or no whole feature): then the file is read whole, as before.
 */
export function geojsonHead(
	head: string,
	headBytes: number,
	fileBytes: number,
	count: number
): GeoJsonHead | null {
	let depth = 0;
	let inString = false;
	let stringStart = 0;
	let lastKey = '';
	/** Whether the last string closed at depth 1 was followed by a colon: it was a key. */
	let afterKey = false;
	let collection = false;
	let arrayDepth = -1;
	let featureStart = -1;
	let features = 0;
	let end = 0;
	const whole: unknown[] = [];
	for (let i = 0; i < head.length; i++) {
		const c = head.charCodeAt(i);
		if (inString) {
			if (c === 0x5c) i++;
			else if (c === 0x22) {
				inString = false;
				if (depth === 1) lastKey = head.slice(stringStart, i);
			}
			continue;
		}
		if (c === 0x22) {
			if (depth === 1 && afterKey && lastKey === 'type') {
				const close = head.indexOf('"', i + 1);
				if (head.slice(i + 1, close) === 'FeatureCollection') collection = true;
			}
			inString = true;
			stringStart = i + 1;
			continue;
		}
		if (c === 0x3a) {
			afterKey = depth === 1;
			continue;
		}
		if (c === 0x7b || c === 0x5b) {
			if (depth === 1 && afterKey && lastKey === 'features' && c === 0x5b) {
				if (!collection) return null;
				arrayDepth = depth + 1;
			} else if (depth === arrayDepth) featureStart = i;
			depth++;
			afterKey = false;
			continue;
		}
		if (c === 0x7d || c === 0x5d) {
			depth--;
			if (depth === arrayDepth && featureStart >= 0) {
				features++;
				end = i + 1;
				try {
					whole.push(JSON.parse(head.slice(featureStart, i + 1)));
				} catch {
					return null;
				}
				featureStart = -1;
			}
			if (arrayDepth >= 0 && depth < arrayDepth) break;
			continue;
		}
		if (c === 0x2c && depth === 1) afterKey = false;
	}
	if (features === 0) return null;
	// Every whole feature of the head gives its columns, as many as the head can tell of.
	const read = featureRows(whole);
	const rows = read.ok ? { ...read, rows: read.rows.slice(0, count) } : read;
	const exact = headBytes >= fileBytes;
	return {
		rows,
		estimate: exact
			? { rows: features, exact }
			: // The bytes a feature takes, from the features the head holds whole (their characters
				// taken at the head's bytes per character).
				{
					rows: Math.round((features * fileBytes * head.length) / (Math.max(1, end) * headBytes)),
					exact
				}
	};
}
