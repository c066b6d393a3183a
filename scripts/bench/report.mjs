// The benchmark's printed report: what a reader waits for, as lines and Markdown tables.
import { round } from './stats.mjs';

const kb = (b) => (typeof b === 'number' ? `${round(b / 1024)} KB` : '–');
const ms = (v) => (typeof v === 'number' ? `${v} ms` : '–');
const times = (v) => (typeof v === 'number' ? `${v}×` : '–');
const medianP95 = (s) => (s ? `median ${ms(s.median)}, p95 ${ms(s.p95)}` : '–');

/** "map-picture ×8, maplibre-mark ×1" */
function sources(list = []) {
	const counts = {};
	for (const s of list) counts[s] = (counts[s] ?? 0) + 1;
	return Object.entries(counts)
		.map(([s, n]) => `${s} ×${n}`)
		.join(', ');
}

function loadLines(load) {
	if (!load.runs) return [];
	return [
		`Cold load of the story (${load.runs.length} loads, each in a new browser context):`,
		`  first contentful paint:   ${medianP95(load.fcp_ms)}`,
		`  largest contentful paint: ${medianP95(load.lcp_ms)}`,
		`  story map on screen:      ${medianP95(load.story_map_ms)}  (from ${sources(load.story_map_source)})`,
		`  first idle:               median ${ms(load.first_idle_ms)}, p95 ${ms(load.first_idle_p95_ms)}`,
		`  layout shift (CLS):       median ${load.cls.median}, p95 ${load.cls.p95}, worst ${load.cls.max}`,
		`  bytes before first contentful paint: ${kb(load.bytes_before_content_gz)} gzip`,
		`  Leaflet peer, map drawn with the markers: ${medianP95(load.peer_leaflet_ms)} (${load.peer_runs.length} loads), ${kb(load.peer_leaflet_bytes_gz)} gzip`,
		`First view, gzip: ${kb(load.bytes_gz)} = ${Object.entries(load.bytes_gz_by_kind)
			.map(([k, v]) => `${k} ${kb(v)}`)
			.join(', ')}`
	];
}

/** "columnar (events.arrow)" → "columnar": the table's form column. */
const formWord = (labels) => labels?.ours?.match(/^ours: (\w+)/i)?.[1]?.toLowerCase() ?? '–';

/** What each size's columns read: ours, and setFilter and the Leaflet page. */
export function formLines(forms = {}) {
	const rows = Object.entries(forms);
	if (!rows.length) return [];
	return [
		'What each column measured:',
		...rows.map(([size, f]) => `  ${size}: ${f.ours}; ${f.baselines}`)
	];
}

function loadBySizeLines(bySize) {
	const rows = Object.entries(bySize);
	if (!rows.length) return [];
	return [
		'',
		'| load | ours read | events | loads | first contentful paint | story map on screen, median | p95 | first idle, median | p95 | longest task while loading, median | bytes before FCP | Leaflet peer drawn, median (loads) | our GeoJSON page of the same events, map on screen (1 load) |',
		'|---|---|---|---|---|---|---|---|---|---|---|---|---|',
		...rows.map(
			([size, s]) =>
				`| ${size} | ${formWord(s.form)} | ${s.events} | ${s.loads} | ${ms(s.fcp_ms.median)} | ${ms(s.story_map_ms.median)} | ${ms(s.story_map_ms.p95)} | ${ms(s.first_idle_ms.median)} | ${ms(s.first_idle_ms.p95)} | ${ms(s.longest_task_ms?.median)} | ${kb(s.bytes_before_content_gz)} | ${ms(s.peer_leaflet_ms)}${s.peer_runs?.length ? ` (${s.peer_runs.length})` : ''} | ${ms(s.geojson_page?.story_map_ms)} |`
		)
	];
}

function scrubLines(scrub, settings) {
	const rows = Object.entries(scrub);
	if (!rows.length) return [];
	const moves = rows.map(([size, s]) => `${size} ${s.late.moves}`).join(', ');
	return [
		'',
		`Scrub, each move timed to the first frame after the map has settled (moves kept per window: ${moves}; ${settings.warmup_moves} warm-up moves before each not kept):`,
		'',
		'| scrub | ours read | window | events shown | main-thread work p95 | ours, median | ours, p95 | setFilter p95 | setFilter / ours | Leaflet p95 | Leaflet / ours |',
		'|---|---|---|---|---|---|---|---|---|---|---|',
		...rows.flatMap(([size, s]) =>
			['late', 'mid'].map((name) => {
				const w = s[name];
				return `| ${size} (${s.events}) | ${formWord(s.form)} | ${name} | ${w.shown_pct[0]}–${w.shown_pct[1]} % | ${ms(w.work_p95_ms)} | ${ms(w.median_ms)} | ${ms(w.p95_ms)} | ${ms(w.baseline_p95_ms)} | ${times(w.speedup_p95)} | ${ms(w.peer_leaflet_p95_ms)} | ${times(w.peer_vs_ours_p95)} |`;
			})
		),
		'',
		`One plain repaint with nothing changed, median, to \`idle\` and on to the frame that shows it (as a move is timed): ${rows.map(([size, s]) => `${size} ${ms(s.repaint_median_ms)} and ${ms(s.repaint_frame_median_ms)}`).join(', ')}`,
		`A move timed to \`idle\` only, p95 (late, mid): ${rows.map(([size, s]) => `${size} ${ms(s.late.to_idle_p95_ms)}, ${ms(s.mid.to_idle_p95_ms)}`).join('; ')}`
	];
}

export function reportLines(result) {
	const m = result.machine;
	const b = result.build;
	return [
		`Story Atlas benchmark: ${m.description}; load average ${m.loadavg_at_start} at start (${m.quiet ? 'quiet' : `NOT quiet, wanted < ${m.quiet_threshold}`})`,
		`Bench build: ${b.commit.slice(0, 10)}${b.dirty ? ' with uncommitted changes' : ''}, built ${b.built_at}`,
		'',
		...formLines(result.forms),
		...(result.forms && Object.keys(result.forms).length ? [''] : []),
		...loadLines(result.load),
		...loadBySizeLines(result.load_by_size),
		...scrubLines(result.scrub, result.settings),
		...(result.memory.growth_mb !== undefined
			? [
					'',
					`Heap over 1,000 scrubs: ${result.memory.heap_before_mb} MB → ${result.memory.heap_after_mb} MB (${result.memory.growth_mb >= 0 ? '+' : ''}${result.memory.growth_mb} MB)`,
					`Playing (6 s): ${result.play.frames} frames, p95 frame ${round(result.play.p95_frame_ms)} ms, ${result.play.dropped} over 20.7 ms`
				]
			: []),
		...Object.entries(result.memory_by_size ?? {}).map(
			([size, m]) =>
				`Heap at ${size} over 1,000 scrubs: ${m.heap_before_mb} MB → ${m.heap_after_mb} MB (typed arrays' buffers are outside the JS heap)`
		),
		...(result.targets.length
			? [
					'',
					'Targets:',
					...result.targets.map(
						(t) => `${t.pass ? 'PASS' : 'FAIL'}  ${t.name}: ${t.value} (target ${t.target})`
					)
				]
			: [])
	];
}
