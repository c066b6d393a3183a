// From samples to the figures the report and the JSON carry.
import { quantile, round, summary } from './stats.mjs';

const median = (values) => round(quantile(values, 0.5));
const p95 = (values) => round(quantile(values, 0.95));

/** Median and p95 of a size's cold loads (each run's own figures stay in `runs`). */
export function loadFigures(runs) {
	const pick = (key) => runs.map((r) => r[key]);
	return {
		first_idle_ms: summary(pick('first_idle_ms')),
		fcp_ms: summary(pick('fcp_ms')),
		lcp_ms: summary(pick('lcp_ms')),
		story_map_ms: summary(pick('story_map_ms')),
		story_map_source: pick('story_map_source'),
		longest_task_ms: summary(pick('longest_task_ms')),
		cls: { ...summary(pick('cls'), 4), max: Math.max(...pick('cls')) },
		bytes_before_content_gz: quantile(
			pick('bytes_before_content_gz').filter((b) => b !== null),
			0.5
		)
	};
}

/**
 * One scrub window's figures: ours (`frame`: to the settled frame; `work`: the main thread's
 * share), the setFilter baseline and the Leaflet peer, with the ratios of their p95s to ours.
 */
export function windowFigures({ moves, window, ours, baseline, peer }) {
	const figures = {
		moves,
		end_offset_days: window.end_offset,
		shown_pct: window.shown_pct,
		work_p95_ms: p95(ours.work),
		median_ms: median(ours.frame),
		p95_ms: p95(ours.frame),
		to_idle_p95_ms: p95(ours.toIdle),
		baseline_median_ms: median(baseline),
		baseline_p95_ms: p95(baseline),
		peer_leaflet_median_ms: median(peer.frame),
		peer_leaflet_p95_ms: p95(peer.frame)
	};
	// No baseline or peer (a columnar story has no GeoJSON for them): no ratio, rather than 0×.
	const ratio = (theirs) => (theirs === null ? null : round(theirs / figures.p95_ms, 2));
	return {
		...figures,
		speedup_p95: ratio(figures.baseline_p95_ms),
		peer_vs_ours_p95: ratio(figures.peer_leaflet_p95_ms)
	};
}

/** The repaint floor: a repaint with nothing changed. */
export const repaintMedian = (repaint) => median(repaint);
