// Summaries of timing samples. The quantile is the nearest-rank one the benchmark has always
// used, so figures stay comparable with earlier runs in the README.

/** The value at quantile q (0–1) of the samples, nearest rank; NaN for none. */
export function quantile(values, q) {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN;
}

export const round = (value, digits = 1) =>
	value === null || value === undefined || Number.isNaN(value)
		? null
		: Math.round(value * 10 ** digits) / 10 ** digits;

/** Median and p95 of the samples, rounded; null values (a run that never saw it) are left out. */
export function summary(values, digits = 1) {
	const seen = values.filter((v) => typeof v === 'number' && Number.isFinite(v));
	return {
		median: round(quantile(seen, 0.5), digits),
		p95: round(quantile(seen, 0.95), digits),
		runs: seen.length
	};
}
