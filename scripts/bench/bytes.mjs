// The bytes a load fetches, gzipped as a CDN would send them, by kind and by when they arrived.
import { gzipSync } from 'node:zlib';

/** What a response is, for the "first view" breakdown. */
export function category(url, body) {
	// The lazy chunk holding MapLibre has a hashed name: recognise it by what it holds.
	if (
		/maplibre/i.test(url) ||
		(/\.m?js$/.test(url) && body.length > 300_000 && body.includes('maplibre'))
	)
		return 'maplibre';
	if (/countries|country-labels|backdrop/.test(url)) return 'basemap';
	if (/\/generated\/(story|stories)\//.test(url)) return 'data';
	if (/\.woff2?$/.test(url)) return 'fonts';
	if (/leaflet/.test(url)) return 'leaflet';
	return 'app';
}

// The build does not change during a run: each URL is gzipped once (a 100k story's HTML is large).
const sizes = new Map();

/**
 * Records every response of a page: its gzip size, its kind, and when its last byte arrived in
 * the browser's clock (epoch ms, Playwright's request timing), to compare with the page's paint
 * times (performance.timeOrigin + startTime).
 */
export function recordResponses(page) {
	const pending = [];
	const responses = [];
	page.on('requestfinished', (request) => {
		pending.push(
			(async () => {
				const url = request.url();
				const timing = request.timing();
				let size = sizes.get(url);
				if (!size) {
					const response = await request.response();
					const body = await response?.body().catch(() => null);
					// Redirects and aborted requests have no body.
					if (!body) return;
					size = { gz: gzipSync(body).length, kind: category(url, body.toString('latin1')) };
					sizes.set(url, size);
				}
				responses.push({ url, ...size, end: timing.startTime + timing.responseEnd });
			})()
		);
	});
	return {
		/** Every response so far, once their bodies are read. */
		async settle() {
			await Promise.allSettled(pending);
			return responses;
		}
	};
}

/** Gzip bytes per kind. */
export function bytesByKind(responses) {
	const byKind = {};
	for (const r of responses) byKind[r.kind] = (byKind[r.kind] ?? 0) + r.gz;
	return byKind;
}

/**
 * The responses complete before `ms` after navigation start. When each response ended is read
 * from the page's own Resource Timing (the clock its paint times are in); Playwright's request
 * timing, which can be a few hundred ms late for some responses, is only the fallback for
 * requests the page's timeline does not hold (a worker's).
 * @param {Record<string, number>} pageEnds URL → responseEnd (ms after navigation start)
 */
export function responsesBefore(responses, ms, { timeOrigin, pageEnds }) {
	if (typeof ms !== 'number') return null;
	return responses.filter((r) => (pageEnds[r.url] ?? r.end - timeOrigin) <= ms);
}
