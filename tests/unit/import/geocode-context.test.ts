import { describe, expect, it } from 'vitest';
import { loadGazetteerForNode } from '../../../scripts/lib/gazetteer-file';
import { shippedBasemap } from '../../../scripts/lib/natural-earth';
import { chooseReader } from '../../../src/lib/import/choose-reader';
import { countryIndex } from '../../../src/lib/import/countries';
import { cachedGeocoder, geocode } from '../../../src/lib/import/geocode';
import { RowsToEvents } from '../../../src/lib/import/rows-to-events';
import { parseIsoDate } from '../../../src/lib/story/dates';

const gazetteer = loadGazetteerForNode();

describe('a place name in its file’s context', () => {
	it.each([
		// [name, country, row's state, the file's states, the state chosen]
		['Paris', 'US', '', ['Kentucky'], 'Kentucky'],
		['Georgetown', 'US', '', ['Kentucky'], 'Kentucky'],
		['Paris', 'US', 'Texas', ['Kentucky'], 'Texas'],
		['Paris', 'US', '', ['Ohio', 'Kentucky'], 'Kentucky'],
		['Paris', 'FR', '', ['Kentucky'], 'Île-de-France']
	])('%s (%s, state "%s") in a file of %j is in %s', (name, country, admin, context, state) => {
		const found = geocode(gazetteer, { name, country, admin, context });
		expect(found.ok && found.state).toBe(state);
	});
});

describe('a names-only sheet, read as a desk writes one', () => {
	const header = ['Date', 'Town', 'State/Region', 'Country', 'What happened', 'Link'];
	const rows = [
		['2025-03-01', 'Paris', 'Kentucky', 'United States', 'Tornado damage', 'https://example.com/1'],
		['2025-03-02', 'Georgetown', '', 'United States', 'Flooding', 'https://example.com/2'],
		['2025-03-03', 'Lexington', 'Kentucky', 'United States', 'Power cut', 'https://example.com/3'],
		['2025-03-04', 'Paris', '', 'United States', 'Road closed', 'https://example.com/4'],
		[
			'2025-03-06',
			'Nowhereville Zzq',
			'Kentucky',
			'United States',
			'Unknown',
			'https://example.com/6'
		],
		['2025-03-07', 'Paris', '', 'France', 'Not in Kentucky', 'https://example.com/7']
	];
	it('puts every town in its row’s or the file’s state, rejects an unknown one, names the two Paris apart', () => {
		const chosen = chooseReader(header, { placeNames: true, category: 'statement' });
		if (!chosen.ok) throw new Error(chosen.problems.join(' '));
		const engine = new RowsToEvents({
			reader: chosen.reader,
			countries: countryIndex(shippedBasemap()),
			latest: parseIsoDate('2025-12-31')!,
			geocode: cachedGeocoder(gazetteer)
		});
		const outcomes = rows.map((cells, i) => engine.push(cells, i + 2));
		expect(
			outcomes.map((o) => (o.ok ? o.event.place : 'problems' in o ? o.problems[0]!.reason : '?'))
		).toEqual([
			'paris',
			'georgetown',
			'lexington',
			'paris',
			'"Nowhereville Zzq" is not a place the studio\'s gazetteer knows, and the row has no coordinates.',
			'paris-2'
		]);
		expect(engine.places.map((p) => [p.name, p.country])).toEqual([
			['Paris, Kentucky', 'US'],
			['Georgetown', 'US'],
			['Lexington', 'US'],
			['Paris, Île-de-France', 'FR']
		]);
		const georgetown = engine.places.find((p) => p.id === 'georgetown')!;
		// Georgetown, Kentucky, not Texas.
		expect(georgetown.coordinates[0]).toBeGreaterThan(-86);
	});
});
