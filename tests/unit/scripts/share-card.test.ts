import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { storyLayers } from '../../../src/lib/derive/story-layers';
import { storyData } from '../../../src/lib/story/story-data';
import { countryLookup } from '../../../src/lib/geo/countries';
import { CARD, renderPng, shareCardSvg, wrap } from '../../../scripts/lib/share-card';
import { woffToSfnt } from '../../../scripts/lib/woff';
import { countries50m, projectStory } from '../../helpers/story-files';

const require = createRequire(import.meta.url);

describe('wrap', () => {
	it.each([
		['fits on one line', 'Aid for Ukraine', 20, ['Aid for Ukraine']],
		['breaks at words', 'one two three', 9, ['one two', 'three']],
		['a third line becomes an ellipsis', 'aa bb cc dd ee ff', 5, ['aa bb', 'cc d…']],
		['collapses spaces', '  a   b  ', 10, ['a b']]
	] as const)('%s', (_, text, chars, expected) => {
		const lines = wrap(text, chars);
		expect(lines).toEqual(expected);
		for (const line of lines) expect(line.length).toBeLessThanOrEqual(chars);
	});
});

describe('woffToSfnt', () => {
	it('unpacks Open Sans into a TrueType file with every table', () => {
		const woff = readFileSync(
			require.resolve('@fontsource/open-sans/files/open-sans-latin-400-normal.woff')
		);
		const ttf = woffToSfnt(woff);
		expect(ttf.readUInt32BE(0)).toBe(woff.readUInt32BE(4));
		expect(ttf.readUInt16BE(4)).toBe(woff.readUInt16BE(12));
		const tags = Array.from({ length: ttf.readUInt16BE(4) }, (_, i) =>
			ttf.subarray(12 + i * 16, 16 + i * 16).toString('latin1')
		);
		expect(tags).toEqual(expect.arrayContaining(['cmap', 'glyf', 'head', 'hmtx', 'name']));
	});

	it('refuses what is not WOFF 1.0', () => {
		expect(() => woffToSfnt(new Uint8Array(64))).toThrow(/not a WOFF/);
	});
});

describe('the share card', () => {
	const story = projectStory();
	const layers = storyLayers(storyData(story), countryLookup(countries50m).outline);

	it('is a 1200×630 PNG of the map under the headline, text escaped', () => {
		const hostile = { ...story, title: 'Talks <script> & “quotes” in Riyadh' };
		const svg = shareCardSvg(hostile, layers, countries50m);
		expect(svg).toContain('Talks &lt;script&gt; &amp; “quotes”');
		expect(svg).toContain('>Kryvyi Rih</text>');
		const png = renderPng(svg, mkdtempSync(join(tmpdir(), 'fonts-')));
		expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
		expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([CARD.width, CARD.height]);
	});
});
