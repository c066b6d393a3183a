import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../../src/lib/story/dates';
import {
	formatHash,
	formatViewState,
	parseEmbedOptions,
	parseHash,
	parseViewState,
	withoutViewState
} from '../../../src/lib/url/view-state';

const range = { first: parseIsoDate('2022-02-01')!, last: parseIsoDate('2025-04-12')! };
const at = (href: string) => parseViewState(new URL(href, 'https://example.org/atlas/'), range);

describe('parseHash', () => {
	it.each([
		['#4.2/50.1/30.5', { zoom: 4.2, lat: 50.1, lon: 30.5 }],
		['#0/0/0', { zoom: 0, lat: 0, lon: 0 }],
		['#3/-33.9/-151.21', { zoom: 3, lat: -33.9, lon: -151.21 }],
		['#abc', null],
		['#4/95/30', null],
		['#4/50/200', null],
		['#30/50/30', null],
		['#4/50', null],
		['#4/50/30/0/0', null],
		['#' + '9'.repeat(100), null],
		['', null]
	])('%s → %j', (hash, view) => {
		expect(parseHash(hash)).toEqual(view);
	});

	it('round-trips a view at sensible precision', () => {
		const hash = formatHash({ zoom: 4.23456, lat: 50.123456789, lon: 30.987654321 });
		expect(hash).toBe('#4.23/50.12/30.99');
		expect(parseHash(hash)).toEqual({ zoom: 4.23, lat: 50.12, lon: 30.99 });
		expect(formatHash({ zoom: 12, lat: 50.123456789, lon: 30.987654321 })).toBe(
			'#12/50.12346/30.98765'
		);
	});
});

describe('parseViewState', () => {
	it.each([
		[
			'?date=2025-04-11&place=kryvyi-rih',
			{ day: parseIsoDate('2025-04-11'), place: 'kryvyi-rih', event: null }
		],
		['?event=kryvyi-rih-strike', { day: null, place: null, event: 'kryvyi-rih-strike' }],
		['?event=UKR12345', { event: 'ukr12345' }],
		['?place=Kyiv', { place: 'kyiv' }],
		['?panel=article', { panel: 'article', step: null }],
		['?panel=<b>', { panel: null }],
		['?step=5', { step: 5 }],
		['?step=0', { step: null }],
		['?step=05', { step: null }],
		['?step=1000', { step: null }],
		['?step=-1', { step: null }],
		['?date=9999-99-99', { day: null, place: null, event: null }],
		['?date=2030-01-01', { day: null, place: null, event: null }],
		['?date=2025-02-30', { day: null, place: null, event: null }],
		['?place=<script>alert(1)</script>', { day: null, place: null, event: null }],
		['?place=Kryvyi%20Rih', { day: null, place: null, event: null }],
		[`?date=2025-04-11&x=${'a'.repeat(100_000)}`, { day: null, place: null, event: null }]
	])('%s', (search, expected) => {
		expect(at(search)).toMatchObject(expected);
	});
});

describe('formatViewState', () => {
	const base = new URL('https://example.org/atlas/?embed');
	const defaultDay = range.last;

	it('writes date, selection and view, and keeps parameters that are not its own', () => {
		const url = formatViewState(
			base,
			{
				view: { zoom: 5, lat: 48, lon: 33.4 },
				day: parseIsoDate('2025-04-04'),
				place: 'kryvyi-rih',
				event: null,
				panel: null,
				step: null
			},
			defaultDay
		);
		expect(url.searchParams.get('embed')).toBe('');
		expect(url.searchParams.get('date')).toBe('2025-04-04');
		expect(url.searchParams.get('place')).toBe('kryvyi-rih');
		expect(url.hash).toBe('#5/48/33.4');
	});

	it('leaves the default date out, and round-trips through parseViewState', () => {
		const state = {
			view: null,
			day: defaultDay,
			place: null,
			event: 'prisoner-exchange',
			panel: 'article' as const,
			step: 3
		};
		const url = formatViewState(base, state, defaultDay);
		expect(url.searchParams.has('date')).toBe(false);
		expect(parseViewState(url, range)).toEqual({ ...state, day: null });
	});
});

describe('parseEmbedOptions', () => {
	it.each([
		['', { embed: false, parentOrigin: null }],
		['?embed', { embed: true, parentOrigin: null }],
		[
			'?embed&parentOrigin=https://news.example',
			{ embed: true, parentOrigin: 'https://news.example' }
		],
		['?parentOrigin=https://news.example', { embed: false, parentOrigin: null }],
		['?embed&parentOrigin=https://news.example/path', { embed: true, parentOrigin: null }],
		['?embed&parentOrigin=javascript:alert(1)', { embed: true, parentOrigin: null }],
		['?embed&parentOrigin=https://user:pw@news.example', { embed: true, parentOrigin: null }],
		['?embed&parentOrigin=not a url', { embed: true, parentOrigin: null }]
	])('%s → %j', (search, expected) => {
		expect(parseEmbedOptions(new URL(search, 'https://example.org/atlas/'))).toEqual(expected);
	});
});

describe('withoutViewState', () => {
	it('drops date, selection and camera, and keeps the rest', () => {
		const url = new URL(
			'https://example.org/atlas/?embed&date=2025-04-11&place=cyprus&event=x#4/50/30'
		);
		expect(withoutViewState(url).href).toBe('https://example.org/atlas/?embed=');
	});
});
