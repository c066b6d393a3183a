/**
 * npm run prepare:gazetteer
 * Writes static/generated/gazetteer.json, the place index the story studio drafts with.
 */
import { relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { GAZETTEER_PATH, writeGazetteerFile } from './lib/gazetteer-file';

function main(): number {
	const started = performance.now();
	const { json, counts } = writeGazetteerFile();
	const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
	console.log(
		`✓ ${relative(process.cwd(), GAZETTEER_PATH)}: ${counts.countries} countries, ${counts.states} states and provinces, ${counts.counties} US counties, ${counts.cities} towns, ${counts.regions} continents, regions and seas, ${counts.names} other names; ${kb(Buffer.byteLength(json))}, ${kb(gzipSync(json).byteLength)} gzip (${Math.round(performance.now() - started)} ms${counts.dropped ? `, ${counts.dropped} entries left out` : ''}).`
	);
	return 0;
}

try {
	process.exitCode = main();
} catch (error) {
	console.error(
		`prepare:gazetteer failed: ${error instanceof Error ? error.message : String(error)}`
	);
	process.exitCode = 1;
}
