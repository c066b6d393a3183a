// Timings on two shared cores move by 20–40 % with whatever else is running (a build that just
// finished, another engineer's Playwright run). The benchmark waits for the one-minute load
// average to fall below a threshold before it times anything, and says so when it gives up.
import { cpus, loadavg } from 'node:os';

/**
 * @param {{ threshold?: number, timeoutS?: number, log: (line: string) => void }} options
 *   threshold: load average to wait for (default 0.6 × cores); timeoutS: how long to wait.
 */
export async function waitForQuietMachine({ threshold, timeoutS = 180, log }) {
	const cores = cpus().length;
	const limit = threshold ?? 0.6 * cores;
	const started = Date.now();
	let load = loadavg()[0];
	let lastNote = 0;
	while (load >= limit && Date.now() - started < timeoutS * 1000) {
		if (Date.now() - lastNote >= 15_000) {
			log(
				`waiting for a quiet machine: load average ${load.toFixed(2)}, want < ${limit.toFixed(2)}…`
			);
			lastNote = Date.now();
		}
		await new Promise((r) => setTimeout(r, 2000));
		load = loadavg()[0];
	}
	const quiet = load < limit;
	if (!quiet) {
		log(
			`WARNING: load average still ${load.toFixed(2)} (want < ${limit.toFixed(2)}) after ${timeoutS} s; timing anyway, expect noisy figures.`
		);
	}
	return {
		cores,
		loadavg_at_start: Math.round(load * 100) / 100,
		quiet_threshold: Math.round(limit * 100) / 100,
		quiet,
		waited_s: Math.round((Date.now() - started) / 1000)
	};
}
