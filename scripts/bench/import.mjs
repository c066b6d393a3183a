// npm run bench:import [-- --rows N] [-- --keep] [-- --studio] [-- --into]
// Not a test: synthesises an ACLED-shaped CSV (1,000,000 rows unless --rows says otherwise) in
// the system's temp folder, times `npm run import` on it, and prints the time, the sizes and the
// CLI's own summary. The target: 1M rows to a story folder within 60 s on this machine.
// With --studio, also imports the same file in the studio of the bench build (studio-import.mjs):
// no main-thread task over 50 ms.
// With --into, then writes a newer export of the same rows with 5,000 of them changed (3,000
// revised, 1,000 gone, 1,000 new) and times `npm run import -- NEWER --into` the story: the
// issue's target is within 60 s, and a history that grows by under 5 MB.
import { spawnSync } from 'node:child_process';
import {
	closeSync,
	mkdtempSync,
	openSync,
	readdirSync,
	rmSync,
	statSync,
	writeSync
} from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { STUDIO_LONGEST_TASK_MS, timeStudioImport } from './studio-import.mjs';

const argv = process.argv.slice(2);
const rowsArg = argv.indexOf('--rows');
const ROWS = rowsArg >= 0 ? Number(argv[rowsArg + 1]) : 1_000_000;
const keep = argv.includes('--keep');
const studio = argv.includes('--studio');
const into = argv.includes('--into');
/** The newer export's changes (--into): rows revised, rows gone, rows new. */
const UPDATE = { revised: 3000, gone: 1000, added: 1000 };
const STUDIO_ROWS = 500_000;
const root = resolve(import.meta.dirname, '../..');

const HEADER =
	'event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp';

// Towns well inside Ukraine, each the centre of a cloud of synthetic locations.
const TOWNS = [
	['Kyiv', 'Kyiv City', 50.4501, 30.5234],
	['Kharkiv', 'Kharkiv', 49.9935, 36.2304],
	['Dnipro', 'Dnipropetrovsk', 48.4647, 35.0462],
	['Zaporizhzhia', 'Zaporizhia', 47.8388, 35.1396],
	['Kryvyi Rih', 'Dnipropetrovsk', 47.9105, 33.3918],
	['Mykolaiv', 'Mykolaiv', 46.975, 31.9946],
	['Kherson', 'Kherson', 46.6354, 32.6169],
	['Odesa', 'Odesa', 46.4825, 30.7233],
	['Poltava', 'Poltava', 49.5883, 34.5514],
	['Sumy', 'Sumy', 50.9077, 34.7981],
	['Chernihiv', 'Chernihiv', 51.4982, 31.2893],
	['Kramatorsk', 'Donetsk', 48.7305, 37.5563],
	['Pokrovsk', 'Donetsk', 48.2826, 37.1758],
	['Lviv', 'Lviv', 49.8397, 24.0297],
	['Vinnytsia', 'Vinnytsia', 49.2331, 28.4682]
];
const TYPES = [
	['Battles', 'Armed clash'],
	['Explosions/Remote violence', 'Shelling/artillery/missile attack'],
	['Explosions/Remote violence', 'Air/drone strike'],
	['Violence against civilians', 'Attack'],
	['Protests', 'Peaceful protest'],
	['Strategic developments', 'Arrests'],
	['Riots', 'Mob violence']
];
const LOCATIONS = 5000;

// mulberry32 with a fixed seed: every run writes the same file.
let seed = 20;
const random = () => {
	seed = (seed + 0x6d2b79f5) | 0;
	let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
	t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
	return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const locations = Array.from({ length: LOCATIONS }, (_, i) => {
	const [town, admin1, lat, lon] = TOWNS[i % TOWNS.length];
	return {
		name: i < TOWNS.length ? town : `${town} district ${i}`,
		admin1,
		lat: (lat + (random() - 0.5) * 0.3).toFixed(4),
		lon: (lon + (random() - 0.5) * 0.3).toFixed(4)
	};
});

/** Where the rows' randomness starts, so every file written has the same rows. */
const rowSeed = seed;
const first = Date.UTC(2022, 1, 24);
const days = (Date.UTC(2025, 3, 10) - first) / 86_400_000;
const dir = mkdtempSync(join(tmpdir(), 'bench-import-'));
const file = join(dir, 'acled-synthetic.csv');
/**
 * Writes `rows` ACLED-shaped rows, with the header, to `path`; the same rows each time. With
 * `newer`, as a newer export of them: the rows in `revised` say one more death, those in `gone`
 * are left out, and `added` rows follow with new ids.
 */
function writeCsv(path, rows, newer = null) {
	seed = rowSeed;
	const fd = openSync(path, 'w');
	writeSync(fd, `${HEADER}\n`);
	let chunk = [];
	for (let i = 1; i <= rows + (newer?.added ?? 0); i++) {
		const place = locations[Math.floor(random() * LOCATIONS)];
		const [type, sub] = TYPES[Math.floor(random() * TYPES.length)];
		const date = new Date(first + Math.floor(random() * days) * 86_400_000)
			.toISOString()
			.slice(0, 10);
		const precision = random() < 0.9 ? '1' : random() < 0.7 ? '2' : '3';
		const deaths = Math.floor(random() * 4) + (newer?.revised.has(i) ? 1 : 0);
		if (newer?.gone.has(i)) continue;
		const notes = `On ${date}, ${sub.toLowerCase()} reported in ${place.name} (${place.admin1}). Russian forces and Ukrainian forces were involved; ${deaths} fatalities reported by local sources, with more detail in the daily summary.`;
		chunk.push(
			[
				`UKR${i}`,
				date,
				date.slice(0, 4),
				precision,
				'Political violence',
				type,
				sub,
				'Military Forces of Russia (2000-)',
				'',
				'8',
				'Military Forces of Ukraine (2019-)',
				'',
				'1',
				'18',
				'',
				'804',
				'Europe',
				'Ukraine',
				place.admin1,
				'',
				'',
				place.name,
				place.lat,
				place.lon,
				'1',
				'Ukrinform; Suspilne',
				'National',
				`"${notes}"`,
				String(deaths),
				'',
				'1744300000'
			].join(',')
		);
		if (chunk.length === 10_000) {
			writeSync(fd, `${chunk.join('\n')}\n`);
			chunk = [];
		}
	}
	if (chunk.length) writeSync(fd, `${chunk.join('\n')}\n`);
	closeSync(fd);
}
const started = performance.now();
writeCsv(file, ROWS);
const mb = (bytes) => `${(bytes / 1048576).toFixed(1)} MB`;
console.log(
	`Synthesised ${ROWS.toLocaleString('en-GB')} ACLED-shaped rows (${mb(statSync(file).size)}) in ${((performance.now() - started) / 1000).toFixed(1)} s: ${file}`
);

const out = join(dir, 'story');
console.log(
	`Load average before the run: ${loadavg()
		.map((l) => l.toFixed(1))
		.join(', ')} (2 cores).`
);
/** `npm run import` on `file` with `args`, timed: its run and its wall seconds. */
function timedImport(file, args) {
	const t0 = performance.now();
	const run = spawnSync(
		join(root, 'node_modules/.bin/vite-node'),
		['--config', 'scripts/vite.config.ts', 'scripts/import.ts', '--', file, ...args],
		{ cwd: root, encoding: 'utf8' }
	);
	return { run, seconds: (performance.now() - t0) / 1000 };
}

const { run, seconds } = timedImport(file, [
	'--preset',
	'acled',
	'--published',
	'2025-04-12',
	'--out',
	out
]);
process.stdout.write(run.stdout);
process.stderr.write(run.stderr);
console.log(
	`npm run import took ${seconds.toFixed(1)} s wall time (target ≤ 60 s), exit ${run.status}.`
);
for (const name of readdirSync(out).sort())
	console.log(`  ${name}: ${mb(statSync(join(out, name)).size)}`);
let intoPassed = true;
if (into && run.status === 0) {
	// Spread over the file: every thousandth row or so, from a fixed sequence.
	const pick = (n, offset) =>
		new Set(Array.from({ length: n }, (_, k) => 1 + ((k * 997 + offset) % ROWS)));
	const newer = {
		revised: pick(UPDATE.revised, 1),
		gone: pick(UPDATE.gone, 500),
		added: UPDATE.added
	};
	const newerFile = join(dir, 'acled-newer.csv');
	writeCsv(newerFile, ROWS, newer);
	const historyBefore = 0;
	console.log(
		`Newer export: ${UPDATE.revised.toLocaleString('en-GB')} rows revised, ${UPDATE.gone.toLocaleString('en-GB')} gone, ${UPDATE.added.toLocaleString('en-GB')} new (${mb(statSync(newerFile).size)}). Load average: ${loadavg()
			.map((l) => l.toFixed(1))
			.join(', ')}.`
	);
	const { run: update, seconds: intoSeconds } = timedImport(newerFile, [
		'--published',
		'2025-04-12',
		'--into',
		out
	]);
	process.stdout.write(update.stdout);
	process.stderr.write(update.stderr);
	const historyBytes = statSync(join(out, 'history.json')).size - historyBefore;
	console.log(
		`npm run import --into took ${intoSeconds.toFixed(1)} s wall time (target ≤ 60 s), exit ${update.status}; history.json grew by ${mb(historyBytes)} (target < 5 MB).`
	);
	intoPassed = update.status === 0 && intoSeconds <= 60 && historyBytes < 5 * 1048576;
}
let studioPassed = true;
if (studio) {
	// The studio reads up to 256 MB (STUDIO_LIMITS in src/lib/studio/import-job.ts) and sends a
	// bigger file to the CLI before reading it; 500,000 rows of this shape are about 230 MB.
	const studioRows = Math.min(ROWS, STUDIO_ROWS);
	const studioFile = join(dir, 'acled-studio.csv');
	writeCsv(studioFile, studioRows);
	console.log(
		`For the studio: ${studioRows.toLocaleString('en-GB')} rows (${mb(statSync(studioFile).size)}).`
	);
	const seen = await timeStudioImport(studioFile);
	studioPassed = seen.progress_seen && seen.longest_task_ms <= STUDIO_LONGEST_TASK_MS;
	console.log(
		`The studio's import (bench build, headless Chromium): "${seen.summary}" after ${seen.seconds.toFixed(1)} s; ${seen.progress_seen ? 'a progress bar shown' : 'NO progress bar seen'}; the longest main-thread task ${seen.longest_task_ms} ms (target ≤ ${STUDIO_LONGEST_TASK_MS} ms), ${seen.long_tasks} tasks over 50 ms.`
	);
}
if (keep) console.log(`Kept ${dir}.`);
else rmSync(dir, { recursive: true, force: true });
process.exitCode = run.status === 0 && seconds <= 60 && studioPassed && intoPassed ? 0 : 1;
