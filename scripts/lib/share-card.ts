/**
 * The share card of a story: a 1200×630 PNG (the size link previews ask for) of the map picture
 * under the headline, made at build time from the same picture model the page draws
 * (src/lib/derive/map-picture.ts), rendered by resvg with the Open Sans the page ships.
 */
import { Resvg } from '@resvg/resvg-js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { mapPicture, SHARE_CARD_SIZE } from '../../src/lib/derive/map-picture';
import { MAP_COLORS } from '../../src/lib/map/style';
import type { StoryLayers } from '../../src/lib/derive/story-layers';
import type { Countries } from '../../src/lib/geo/basemap';
import { storyBounds } from '../../src/lib/geo/bounds';
import { formatDay } from '../../src/lib/story/dates';
import type { Story } from '../../src/lib/story/types';
import { storyExtent } from '../../src/lib/time/day-counts';
import { tallyPlaces } from '../../src/lib/derive/place-rows';
import { storyData } from '../../src/lib/story/story-data';
import { landSvg } from './backdrop';
import { woffToSfnt } from './woff';

export const CARD = SHARE_CARD_SIZE;
const BAND = 150;
const MAP = { width: CARD.width, height: CARD.height - BAND };
const FONT = 'Open Sans';

const escapeXml = (text: string) =>
	text.replace(
		/[<>&"']/g,
		(c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c
	);

/** Greedy lines of at most `chars` characters; a third line ends in an ellipsis. */
export function wrap(text: string, chars: number, lines = 2): string[] {
	const out: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		if (line && (line + ' ' + word).length > chars) {
			out.push(line);
			line = word;
		} else line = line ? `${line} ${word}` : word;
	}
	if (line) out.push(line);
	if (out.length <= lines) return out;
	const last = out[lines - 1] ?? '';
	return [...out.slice(0, lines - 1), `${last.slice(0, chars - 1).trimEnd()}…`];
}

/** The card as SVG: the headline band, then the map as the page opens on it. */
export function shareCardSvg(story: Story, layers: StoryLayers, countries: Countries): string {
	const bounds = storyBounds(story.places.map((p) => p.coordinates));
	const data = storyData(story);
	const { last } = storyExtent(data.index.counts, story.published);
	const tally = tallyPlaces(data.index.byPlace, data.table, last);
	const picture = mapPicture(
		layers,
		bounds,
		{ day: last, highlight: null, selected: null, tally },
		MAP.width,
		MAP.height
	);
	const { view, scale } = picture;
	const px = 1 / scale;
	const shapes = [
		...picture.outlines.map(
			(o) =>
				`<path d="${o.d}" fill="${MAP_COLORS.outlineFill}" fill-opacity="${o.visible ? 0.5 : 0.15}" stroke="${o.color}" stroke-width="${px}"/>`
		),
		...picture.links
			.filter((l) => l.visible)
			.map(
				(l) =>
					`<path d="${l.d}" fill="none" stroke="${l.color}" stroke-opacity="0.7" stroke-width="${2 * px}" stroke-dasharray="${3.2 * px} ${2.4 * px}" stroke-linecap="round"/>`
			),
		...picture.places
			.filter((p) => p.count > 0)
			.map(
				(p) =>
					`<circle cx="${p.x}" cy="${p.y}" r="${p.radius * px}" fill="${p.color}" fill-opacity="0.9" stroke="#ffffff" stroke-width="${1.2 * px}"/>`
			),
		...picture.places.flatMap((p) =>
			p.label
				? [
						`<text x="${p.label.x}" y="${p.label.y}" font-family="${FONT}" font-size="${13 * px}" fill="${MAP_COLORS.label}" stroke="#ffffff" stroke-width="${3 * px}" stroke-linejoin="round" paint-order="stroke">${escapeXml(p.name)}</text>`
					]
				: []
		)
	];
	// One line at full size, or two a size smaller: either way the band keeps its height.
	const lines = wrap(story.title, 46);
	const size = lines.length === 1 ? 40 : 34;
	const headline = lines
		.map(
			(line, i) =>
				`<tspan x="48" y="${(lines.length === 1 ? 74 : 52) + i * 42}">${escapeXml(line)}</tspan>`
		)
		.join('');
	const dateline =
		story.published === null
			? 'Story Atlas'
			: `Story Atlas · published ${formatDay(story.published)}`;
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" width="${CARD.width}" height="${CARD.height}" viewBox="0 0 ${CARD.width} ${CARD.height}">` +
		`<rect width="${CARD.width}" height="${BAND}" fill="#ffffff"/>` +
		`<text font-family="${FONT}" font-weight="700" font-size="${size}" fill="${MAP_COLORS.label}">${headline}</text>` +
		`<text x="48" y="${BAND - 14}" font-family="${FONT}" font-size="20" fill="#4a535c">${escapeXml(dateline)}</text>` +
		`<svg x="0" y="${BAND}" width="${MAP.width}" height="${MAP.height}" viewBox="${view.x} ${view.y} ${view.width} ${view.height}">` +
		landSvg(countries, view, scale) +
		shapes.join('') +
		`</svg>` +
		`<rect y="${BAND - 1}" width="${CARD.width}" height="2" fill="#d9dcdf"/>` +
		`</svg>`
	);
}

const require = createRequire(import.meta.url);

/** Open Sans as TrueType files resvg can read, made once a build from the WOFF files the page ships. */
const fonts = new Map<string, string[]>();
function fontFiles(cache: string): string[] {
	const made = fonts.get(cache);
	if (made) return made;
	mkdirSync(cache, { recursive: true });
	const files = ['400', '700'].map((weight) => {
		const to = resolve(cache, `open-sans-latin-${weight}.ttf`);
		const woff = readFileSync(
			require.resolve(`@fontsource/open-sans/files/open-sans-latin-${weight}-normal.woff`)
		);
		writeFileSync(to, woffToSfnt(woff));
		return to;
	});
	fonts.set(cache, files);
	return files;
}

export function renderPng(svg: string, cache: string): Buffer {
	const resvg = new Resvg(svg, {
		font: { fontFiles: fontFiles(cache), loadSystemFonts: false, defaultFontFamily: FONT }
	});
	return resvg.render().asPng();
}
