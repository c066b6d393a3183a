import { describe, expect, it } from 'vitest';
import { loadGazetteerForNode } from '../../../scripts/lib/gazetteer-file';
import { cachedGeocoder, geocode, type GeocodeQuery } from '../../../src/lib/import/geocode';
import { UNSURE_BELOW } from '../../../src/lib/draft/toponyms/confidence';

const gazetteer = loadGazetteerForNode();
const q = (name: string, country: string | null = null, admin = ''): GeocodeQuery => ({
	name,
	country,
	admin
});

describe('placing a row by its place name', () => {
	it.each([
		// [query, the place chosen ("name|detail"), sure?]
		[q('Kharkiv', 'UA'), 'Kharkiv|city in Kharkivska oblast, UA', true],
		[q('Kharkiv'), 'Kharkiv|city in Kharkivska oblast, UA', true],
		[q('Paris'), 'Paris|city in Île-de-France, FR', true],
		[q('Springfield'), 'Springfield|city in Illinois, US', false],
		[q('Springfield', 'US', 'Missouri'), 'Springfield|city in Missouri, US', true],
		[q('Springfield, Massachusetts'), 'Springfield|city in Massachusetts, US', true],
		[q('Paris, Ky.'), 'Paris|city in Kentucky, US', true],
		[q('Paris', 'US', 'Texas'), 'Paris|city in Texas, US', true],
		[q('Ukraine'), 'Ukraine|country', true],
		[q('  St   Petersburg ', 'RU'), 'Saint Petersburg|city in Saint Petersburg, RU', true]
	])('%o is %s', (query, expected, sure) => {
		const found = geocode(gazetteer, query);
		if (!found.ok) throw new Error(found.reason);
		expect(`${found.reading.name}|${found.reading.detail}`).toBe(expected);
		expect(found.confidence >= UNSURE_BELOW).toBe(sure);
		// An unsure answer always says what else it could be.
		if (!sure) expect(found.alternatives.length).toBeGreaterThan(0);
	});

	it.each([
		[q(''), 'is empty: the row has no coordinates and no place name.'],
		[
			q('Nowhereville Xq'),
			'"Nowhereville Xq" is not a place the studio\'s gazetteer knows, and the row has no coordinates.'
		],
		[
			q('Kharkiv', 'FR'),
			'the gazetteer knows "Kharkiv" only outside FR, the row\'s country: give its coordinates.'
		]
	])('%o is not placed: %s', (query, reason) => {
		expect(geocode(gazetteer, query)).toEqual({ ok: false, reason });
	});

	it('answers each distinct query once', () => {
		const place = cachedGeocoder(gazetteer);
		const first = place(q('Springfield'));
		expect(place(q('Springfield'))).toBe(first);
		expect(place(q('Springfield', 'US', 'Missouri'))).not.toBe(first);
	});
});
