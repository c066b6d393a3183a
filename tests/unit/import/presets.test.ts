import { describe, expect, it } from 'vitest';
import { chooseReader } from '../../../src/lib/import/choose-reader';
import {
	ACLED_COLUMNS,
	GDELT_COLUMNS,
	UCDP_COLUMNS,
	gdeltReader,
	isAcledHeader,
	looksLikeGdelt
} from '../../../src/lib/import/presets';

describe('the column tables', () => {
	it('ACLED has its 31 columns, GDELT 2.0 its 61', () => {
		expect(ACLED_COLUMNS).toHaveLength(31);
		expect(GDELT_COLUMNS).toHaveLength(61);
	});

	// Positions from the GDELT 2.0 event codebook (0-based): the ones the importer reads.
	it.each([
		[0, 'GLOBALEVENTID'],
		[1, 'SQLDATE'],
		[6, 'Actor1Name'],
		[16, 'Actor2Name'],
		[26, 'EventCode'],
		[28, 'EventRootCode'],
		[51, 'ActionGeo_Type'],
		[52, 'ActionGeo_FullName'],
		[53, 'ActionGeo_CountryCode'],
		[56, 'ActionGeo_Lat'],
		[57, 'ActionGeo_Long'],
		[59, 'DATEADDED'],
		[60, 'SOURCEURL']
	])('GDELT column %i is %s', (index, name) => {
		expect(GDELT_COLUMNS[index]).toBe(name);
	});
});

describe('recognising a dataset', () => {
	it.each([
		[[...ACLED_COLUMNS], true],
		[ACLED_COLUMNS.map((c) => c.toUpperCase()), true],
		// An older export, in another order and without the 2023 columns, is still ACLED's.
		[
			[
				'data_id',
				'iso',
				'event_id_cnty',
				'event_id_no_cnty',
				'event_date',
				'event_type',
				'latitude',
				'longitude'
			],
			true
		],
		[['event_date', 'event_type', 'latitude', 'longitude'], false]
	])('ACLED header %#: %s', (header, is) => {
		expect(isAcledHeader(header)).toBe(is);
	});

	const gdeltRow = () => {
		const row = Array<string>(61).fill('');
		row[0] = '1234567890';
		row[1] = '20250411';
		return row;
	};
	it.each([
		[gdeltRow(), true],
		[gdeltRow().slice(0, 58), false],
		[['x', ...gdeltRow().slice(1)], false],
		[['1', '2025-04-11', ...gdeltRow().slice(2)], false]
	])('GDELT row %#: %s', (row, is) => {
		expect(looksLikeGdelt(row)).toBe(is);
	});

	it('chooses the reader from the first row, or the preset asked for', () => {
		expect(chooseReader([...ACLED_COLUMNS])).toMatchObject({
			ok: true,
			header: true,
			reader: { name: 'an ACLED export' }
		});
		expect(chooseReader(gdeltRow())).toMatchObject({
			ok: true,
			header: false,
			reader: { name: 'a GDELT 2.0 event file' }
		});
		expect(chooseReader([...GDELT_COLUMNS], { preset: 'gdelt' })).toMatchObject({
			ok: true,
			header: true
		});
		expect(chooseReader(gdeltRow().slice(0, 58), { preset: 'gdelt' })).toEqual({
			ok: false,
			problems: [
				'its first row has 58 columns; a GDELT 2.0 event file has 61, separated by tabs (GDELT 1.0 files have 57 or 58).'
			]
		});
		expect(chooseReader(['date', 'lat', 'lon'], { preset: 'acled' })).toMatchObject({ ok: false });
		expect(chooseReader(['date', 'lat', 'lon'])).toEqual({
			ok: false,
			problems: [
				expect.stringMatching(
					/^no column looks like the category: name it with --map COLUMN=category, or give every row one with --category/
				)
			]
		});
		expect(chooseReader(['date', 'lat', 'lon'], { category: 'war' })).toMatchObject({
			ok: true,
			guessed: ['date from "date"', 'latitude from "lat"', 'longitude from "lon"']
		});
	});
});

describe('the GDELT reader', () => {
	it("reads the action's place, the CAMEO code, the actors and the source", () => {
		const row = Array<string>(61).fill('');
		Object.assign(row, {
			0: '1234567891',
			1: '20250411',
			6: 'UNITED STATES',
			16: 'RUSSIA',
			26: '042',
			51: '4',
			52: 'Saint Petersburg, Sankt-Peterburg, Russia',
			53: 'RS',
			56: '59.9386',
			57: '30.3141',
			60: 'https://example.com/a'
		});
		expect(gdeltReader().read(row)).toMatchObject({
			id: { column: 'GLOBALEVENTID', text: '1234567891' },
			date: { column: 'SQLDATE', text: '20250411' },
			lat: { column: 'ActionGeo_Lat', text: '59.9386' },
			lon: { column: 'ActionGeo_Long', text: '30.3141' },
			placeName: 'Saint Petersburg, Sankt-Peterburg, Russia',
			placeKind: 'city',
			// The FIPS code (RS) is not ISO's (RU): the country is read from the name.
			country: { column: 'ActionGeo_FullName', name: 'Russia' },
			category: { column: 'EventCode', text: '042', value: 'visit' },
			title: 'Visit in Saint Petersburg',
			actors: ['UNITED STATES', 'RUSSIA'],
			source: 'https://example.com/a'
		});
	});
});

describe('the column of the rows’ own notes, which the story labels as notes', () => {
	const notesOf = (header: string[]) => {
		const chosen = chooseReader(header);
		if (!chosen.ok) throw new Error(chosen.problems.join(' '));
		return chosen.reader.notes;
	};

	it.each([
		['an ACLED export: its notes column', [...ACLED_COLUMNS], 'notes'],
		['a UCDP GED export: none, its summaries are the importer’s', [...UCDP_COLUMNS], undefined],
		['GDELT, exported with its header: none', [...GDELT_COLUMNS], undefined],
		[
			'a sheet: the column mapped to the summary, by its own name',
			['Date', 'Town', 'Latitude', 'Longitude', 'Category', 'What happened'],
			'What happened'
		],
		[
			'a sheet with no such column: none',
			['Date', 'Town', 'Latitude', 'Longitude', 'Category'],
			undefined
		]
	])('%s', (_, header, notes) => {
		expect(notesOf(header)).toBe(notes);
	});
});
