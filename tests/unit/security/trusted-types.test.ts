import { describe, expect, it } from 'vitest';
import { html, INERT_HTML_SINK, scriptUrl } from '../../../src/lib/security/trusted-types';

const PAGE = 'https://atlas.example.org/stories/x/?place=kyiv#3/50/30';

describe('the default Trusted Types policy', () => {
	it.each([
		['a worker of the page', '/_app/immutable/workers/story.worker-abc.js'],
		['a relative one', '../_app/immutable/assets/maplibre-gl-worker.mjs'],
		['an absolute one of the same origin', 'https://atlas.example.org/w.js']
	])('lets %s through, unchanged', (_, url) => {
		expect(scriptUrl(url, PAGE)).toBe(url);
	});

	it.each([
		['another origin', 'https://evil.example.com/w.js'],
		['another port', 'https://atlas.example.org:8443/w.js'],
		['a data: URL', 'data:text/javascript,alert(1)'],
		['a blob: URL', 'blob:https://evil.example.com/1234']
	])('refuses a script from %s', (_, url) => {
		expect(() => scriptUrl(url, PAGE)).toThrow(/refused the script URL/);
	});

	it('parses HTML only into an inert document', () => {
		expect(html('<a href="https://maplibre.org/">MapLibre</a>', INERT_HTML_SINK)).toContain(
			'MapLibre'
		);
		for (const sink of ['Element innerHTML', 'Element outerHTML', 'Document write'])
			expect(() => html('<img src=x onerror=alert(1)>', sink)).toThrow(/refused HTML/);
	});
});
