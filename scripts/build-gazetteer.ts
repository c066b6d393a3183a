/**
 * npm run prepare:gazetteer
 * Writes static/generated/gazetteer.json, the place index the story studio drafts with.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildGazetteerFile, GAZETTEER_PATH } from './lib/gazetteer-file';

function main(): number {
	const started = performance.now();
	const { file, counts } = buildGazetteerFile();
	// One row per line: diffable, and still a single JSON value.
	const json =
		'{"format":' +
		JSON.stringify(file.format) +
		',"version":' +
		file.version +
		',"credit":' +
		JSON.stringify(file.credit) +
		',"fields":' +
		JSON.stringify(file.fields) +
		',\n"places":[\n' +
		file.places.map((row) => JSON.stringify(row)).join(',\n') +
		'\n],\n"names":[\n' +
		file.names.map((row) => JSON.stringify(row)).join(',\n') +
		'\n]}\n';
	mkdirSync(dirname(GAZETTEER_PATH), { recursive: true });
	writeFileSync(GAZETTEER_PATH, json);
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
