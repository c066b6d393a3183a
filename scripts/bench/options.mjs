// The command line of `npm run bench`, and the counts it runs with by default.

/**
 * Moves kept per scrub window, after WARMUP moves that are not kept (they pay for compiling code
 * paths and shaders once). 100 moves put the p95 on the 5th-slowest move; 100k gets 60 (the 3rd,
 * where 40 put it on the 2nd and its ratio swung 2.0×–4.5× between runs) because each of its
 * moves costs about a second for setFilter and for Leaflet, in two windows.
 */
export const MOVES = { story: 120, '1k': 100, '5k': 100, '10k': 100, '100k': 60, '1m': 60 };
export const WARMUP = 5;
/**
 * Cold loads of each size, at most. A size stops early when another load would take it past
 * LOAD_BUDGET_S seconds: a 100k story can take most of a minute a load.
 */
export const LOAD_RUNS = { story: 9, '1k': 5, '5k': 5, '10k': 5, '100k': 3, '1m': 3 };
export const LOAD_BUDGET_S = 90;
/** The median first idle the README's last run reported: the target is not to get worse. */
export const PREVIOUS_FIRST_IDLE_MS = 1940;

export const USAGE = `npm run bench [-- options]
  --json               the last line of output is one JSON object (the rest goes to stderr)
  --build              build the bench build first even if there is one (npm run bench:build)
  --no-build           never build; fail if bench-results/build is missing
  --rev COMMIT         build COMMIT (instead of the working tree) first, and measure it
  --sizes LIST         e.g. story,1k or 1m (default story,1k,5k,10k,100k,1m). Ours reads each size in the
                       form the product stores it in: GeoJSON for story, 1k and 5k, columnar (events.arrow)
                       past 5,000 events; setFilter and the Leaflet page read the same events as
                       GeoJSON (at 10k and 100k a GeoJSON story built beside the columnar one;
                       none at 1m)
  --moves N            moves kept per scrub window, for every size (default ${JSON.stringify(MOVES)})
  --loads N            cold loads per size, at most (default ${JSON.stringify(LOAD_RUNS)})
  --quiet-load X       wait for the 1-minute load average to fall below X (default 0.6 × cores)
  --quiet-timeout S    give up waiting after S seconds, with a warning (default 180)
  --previous-idle MS   the first-idle figure not to get worse than (default ${PREVIOUS_FIRST_IDLE_MS})`;

/** The options that take a value (`--moves 60` or `--moves=60`). */
const VALUE_OPTIONS = [
	'--rev',
	'--sizes',
	'--moves',
	'--loads',
	'--quiet-load',
	'--quiet-timeout',
	'--previous-idle'
];

export function parseOptions(argv) {
	const values = {};
	const flags = new Set();
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		const [name, inline] = arg.split(/=(.*)/s);
		if (VALUE_OPTIONS.includes(name)) {
			values[name.slice(2)] = inline ?? argv[++i];
		} else if (['--json', '--build', '--no-build', '--help'].includes(arg)) {
			flags.add(arg.slice(2));
		} else {
			throw new Error(`unknown option ${arg}\n${USAGE}`);
		}
	}
	const number = (v) => (v === undefined ? undefined : Number(v));
	const sizes = (values.sizes ?? 'story,1k,5k,10k,100k,1m').split(',');
	for (const size of sizes) {
		if (!(size in MOVES)) throw new Error(`unknown size ${size}: story, 1k, 10k, 100k or 1m`);
	}
	const perSize = (defaults, override) =>
		Object.fromEntries(sizes.map((s) => [s, override ?? defaults[s]]));
	return {
		help: flags.has('help'),
		json: flags.has('json'),
		build: flags.has('build') ? 'always' : flags.has('no-build') ? 'never' : 'if-missing',
		rev: values.rev,
		sizes,
		moves: perSize(MOVES, number(values.moves)),
		loads: perSize(LOAD_RUNS, number(values.loads)),
		quietLoad: number(values['quiet-load']),
		quietTimeoutS: number(values['quiet-timeout']) ?? 180,
		previousIdleMs: number(values['previous-idle']) ?? PREVIOUS_FIRST_IDLE_MS
	};
}
