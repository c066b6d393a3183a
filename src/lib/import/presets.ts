/**
 * The datasets recognised without a column mapping: ACLED's export, known by its header, and GDELT
 * 2.0 event files, 61 tab-separated columns with no header, known by their shape.
 */
import { quote } from '../story/text';
import { acledCategory, cameoEvent, ucdpViolence } from './categories';
import type { PlaceKind } from '../story/schema';
import type { RowFields, RowProblem, RowReader, Span } from './reader';
import { own } from './own';

/** ACLED's export since March 2023 (31 columns); older exports differ a little, read by name. */
export const ACLED_COLUMNS = [
	'event_id_cnty',
	'event_date',
	'year',
	'time_precision',
	'disorder_type',
	'event_type',
	'sub_event_type',
	'actor1',
	'assoc_actor_1',
	'inter1',
	'actor2',
	'assoc_actor_2',
	'inter2',
	'interaction',
	'civilian_targeting',
	'iso',
	'region',
	'country',
	'admin1',
	'admin2',
	'admin3',
	'location',
	'latitude',
	'longitude',
	'geo_precision',
	'source',
	'source_scale',
	'notes',
	'fatalities',
	'tags',
	'timestamp'
] as const;

/** What makes a header ACLED's: the columns the importer cannot do without. */
const ACLED_REQUIRED = ['event_id_cnty', 'event_date', 'event_type', 'latitude', 'longitude'];

/** The GDELT 2.0 event table (GDELT-Event_Codebook-V2.0), in file order. */
export const GDELT_COLUMNS = [
	'GLOBALEVENTID',
	'SQLDATE',
	'MonthYear',
	'Year',
	'FractionDate',
	'Actor1Code',
	'Actor1Name',
	'Actor1CountryCode',
	'Actor1KnownGroupCode',
	'Actor1EthnicCode',
	'Actor1Religion1Code',
	'Actor1Religion2Code',
	'Actor1Type1Code',
	'Actor1Type2Code',
	'Actor1Type3Code',
	'Actor2Code',
	'Actor2Name',
	'Actor2CountryCode',
	'Actor2KnownGroupCode',
	'Actor2EthnicCode',
	'Actor2Religion1Code',
	'Actor2Religion2Code',
	'Actor2Type1Code',
	'Actor2Type2Code',
	'Actor2Type3Code',
	'IsRootEvent',
	'EventCode',
	'EventBaseCode',
	'EventRootCode',
	'QuadClass',
	'GoldsteinScale',
	'NumMentions',
	'NumSources',
	'NumArticles',
	'AvgTone',
	'Actor1Geo_Type',
	'Actor1Geo_FullName',
	'Actor1Geo_CountryCode',
	'Actor1Geo_ADM1Code',
	'Actor1Geo_ADM2Code',
	'Actor1Geo_Lat',
	'Actor1Geo_Long',
	'Actor1Geo_FeatureID',
	'Actor2Geo_Type',
	'Actor2Geo_FullName',
	'Actor2Geo_CountryCode',
	'Actor2Geo_ADM1Code',
	'Actor2Geo_ADM2Code',
	'Actor2Geo_Lat',
	'Actor2Geo_Long',
	'Actor2Geo_FeatureID',
	'ActionGeo_Type',
	'ActionGeo_FullName',
	'ActionGeo_CountryCode',
	'ActionGeo_ADM1Code',
	'ActionGeo_ADM2Code',
	'ActionGeo_Lat',
	'ActionGeo_Long',
	'ActionGeo_FeatureID',
	'DATEADDED',
	'SOURCEURL'
] as const;

/**
 * UCDP's Georeferenced Event Dataset (GED, version 23.1 onwards), in file order: 49 columns. Read
 * by name, so a release that adds or moves a column still reads.
 */
export const UCDP_COLUMNS = [
	'id',
	'relid',
	'year',
	'active_year',
	'code_status',
	'type_of_violence',
	'conflict_dset_id',
	'conflict_new_id',
	'conflict_name',
	'dyad_dset_id',
	'dyad_new_id',
	'dyad_name',
	'side_a_dset_id',
	'side_a_new_id',
	'side_a',
	'side_b_dset_id',
	'side_b_new_id',
	'side_b',
	'number_of_sources',
	'source_article',
	'source_office',
	'source_date',
	'source_headline',
	'source_original',
	'where_prec',
	'where_coordinates',
	'where_description',
	'adm_1',
	'adm_2',
	'latitude',
	'longitude',
	'geom_wkt',
	'priogrid_gid',
	'country',
	'country_id',
	'region',
	'event_clarity',
	'date_prec',
	'date_start',
	'date_end',
	'deaths_a',
	'deaths_b',
	'deaths_civilians',
	'deaths_unknown',
	'best',
	'high',
	'low',
	'gwnoa',
	'gwnob'
] as const;

/** What makes a header UCDP GED's: the columns the importer cannot do without. */
const UCDP_REQUIRED = [
	'date_start',
	'type_of_violence',
	'where_coordinates',
	'latitude',
	'longitude',
	'side_a',
	'side_b'
];

export const PRESETS = ['acled', 'gdelt', 'ucdp'] as const;
export type Preset = (typeof PRESETS)[number];

const normal = (name: string) => name.trim().toLowerCase();

/**
 * ACLED's columns that the header holds more than once ("notes (columns 28 and 32)"): the reader
 * finds its columns by name, and would read one of the two without saying which.
 */
export function acledDuplicates(header: readonly string[]): string[] {
	const known = new Set<string>(ACLED_COLUMNS);
	const at = new Map<string, number[]>();
	header.forEach((name, i) => {
		if (known.has(normal(name))) at.set(normal(name), [...(at.get(normal(name)) ?? []), i + 1]);
	});
	return [...at]
		.filter(([, columns]) => columns.length > 1)
		.map(([name, columns]) => `${name} (columns ${columns.join(' and ')})`);
}

export function isAcledHeader(header: readonly string[]): boolean {
	const names = new Set(header.map(normal));
	return ACLED_REQUIRED.every((name) => names.has(name));
}

export function isUcdpHeader(header: readonly string[]): boolean {
	const names = new Set(header.map(normal));
	return UCDP_REQUIRED.every((name) => names.has(name));
}

/** A GDELT event row: 61 cells, a numeric event id, then an eight-digit SQLDATE. */
export function looksLikeGdelt(firstRow: readonly string[]): boolean {
	return (
		firstRow.length === GDELT_COLUMNS.length &&
		/^\d+$/.test(firstRow[0]!.trim()) &&
		/^\d{8}$/.test(firstRow[1]!.trim())
	);
}

/** Semicolon-separated names (ACLED's assoc_actor columns), each trimmed. */
function names(...cells: string[]): string[] {
	return cells
		.flatMap((cell) => cell.split(';'))
		.map((name) => name.trim())
		.filter(Boolean);
}

const join = (parts: readonly string[], by = ', ') => parts.filter((part) => part.trim()).join(by);

const SPANS: Readonly<Record<string, Span>> = { '1': 'day', '2': 'week', '3': 'month' };

export function acledReader(header: readonly string[]): RowReader {
	const index = new Map(header.map((name, i) => [normal(name), i]));
	const at = (name: (typeof ACLED_COLUMNS)[number]) => index.get(name) ?? -1;
	const used = [
		'event_id_cnty',
		'event_date',
		'event_type',
		'sub_event_type',
		'actor1',
		'assoc_actor_1',
		'actor2',
		'assoc_actor_2',
		'country',
		'admin1',
		'location',
		'source',
		'notes',
		'fatalities'
	] as const;
	return {
		name: 'an ACLED export',
		width: header.length,
		widthFrom: 'the header',
		columns: header,
		used: used.map(at).filter((i) => i >= 0),
		...(at('notes') < 0 ? {} : { notes: 'notes' }),
		read(cells): RowFields | RowProblem {
			const get = (name: (typeof ACLED_COLUMNS)[number]) => {
				const i = at(name);
				return i < 0 ? '' : (cells[i] ?? '').trim();
			};
			const cell = (name: (typeof ACLED_COLUMNS)[number]) =>
				at(name) < 0 ? null : { column: name, text: get(name) };
			const precision = get('time_precision');
			const span = precision === '' ? 'day' : own(SPANS, precision);
			if (span === undefined)
				return {
					column: 'time_precision',
					reason: `${quote(precision, 20)} is not an ACLED time precision (1 the day, 2 the week, 3 the month).`
				};
			const eventType = get('event_type');
			const subType = get('sub_event_type');
			const location = get('location') || get('admin1') || get('country');
			const fatalities = get('fatalities');
			return {
				id: cell('event_id_cnty'),
				date: cell('event_date'),
				end: null,
				span,
				lat: cell('latitude'),
				lon: cell('longitude'),
				placeName: location,
				// geo_precision 2 and 3: ACLED placed the event at a nearby town or its region.
				placeKind: get('geo_precision') === '2' || get('geo_precision') === '3' ? 'region' : 'city',
				admin: get('admin1'),
				country:
					get('country') || get('iso')
						? { column: 'country', name: get('country'), numeric: get('iso') }
						: null,
				category: {
					column: 'event_type',
					text: join([eventType, subType], ' / '),
					value: acledCategory(eventType, subType)
				},
				title: location ? `${subType || eventType} in ${location}` : subType || eventType,
				summary: cell('notes'),
				actors: names(get('actor1'), get('assoc_actor_1'), get('actor2'), get('assoc_actor_2')),
				source: get('source'),
				detail: join(
					[
						join([eventType, subType], ': '),
						join([get('admin1'), get('country')]),
						fatalities ? `fatalities ${fatalities}` : ''
					],
					'. '
				)
			};
		}
	};
}

export function gdeltReader(): RowReader {
	const at = (name: (typeof GDELT_COLUMNS)[number]) => GDELT_COLUMNS.indexOf(name);
	return {
		name: 'a GDELT 2.0 event file',
		width: GDELT_COLUMNS.length,
		widthFrom: 'the GDELT 2.0 format',
		columns: GDELT_COLUMNS,
		used: [
			'GLOBALEVENTID',
			'SQLDATE',
			'Actor1Name',
			'Actor2Name',
			'EventCode',
			'ActionGeo_FullName',
			'SOURCEURL'
		].map((name) => at(name as (typeof GDELT_COLUMNS)[number])),
		read(cells): RowFields {
			const get = (name: (typeof GDELT_COLUMNS)[number]) => (cells[at(name)] ?? '').trim();
			const cell = (name: (typeof GDELT_COLUMNS)[number]) => ({ column: name, text: get(name) });
			const fullName = get('ActionGeo_FullName');
			const parts = fullName.split(',').map((part) => part.trim());
			const type = get('ActionGeo_Type');
			const code = get('EventCode');
			const cameo = cameoEvent(code);
			const label = cameo?.label ?? `CAMEO ${code}`;
			const actors = names(get('Actor1Name'), get('Actor2Name'));
			return {
				id: cell('GLOBALEVENTID'),
				date: cell('SQLDATE'),
				end: null,
				span: 'day',
				lat: cell('ActionGeo_Lat'),
				lon: cell('ActionGeo_Long'),
				placeName: fullName,
				// ActionGeo_Type: 1 a country, 2 a US state, 3 a US city, 4 a world city, 5 a world state.
				placeKind: type === '1' ? 'country' : type === '2' || type === '5' ? 'region' : 'city',
				country: fullName ? { column: 'ActionGeo_FullName', name: parts[parts.length - 1]! } : null,
				category: { column: 'EventCode', text: code, value: cameo?.category ?? null },
				title: parts[0] ? `${label} in ${parts[0]}` : label,
				summary: null,
				actors,
				source: get('SOURCEURL'),
				detail: join(
					[
						`CAMEO ${code} (${label})`,
						actors.length ? actors.join(' and ') : '',
						get('NumArticles') ? `${get('NumArticles')} articles` : '',
						get('GoldsteinScale') ? `Goldstein ${get('GoldsteinScale')}` : ''
					],
					'. '
				)
			};
		}
	};
}

/**
 * UCDP's where_prec: 1 the exact place, 2 within 25 km of it, 3 its second-order division, 4 its
 * first, 5 a line (a road, a front), 6 the country, 7 waters or airspace.
 */
function ucdpPlaceKind(precision: string): PlaceKind {
	if (precision === '1' || precision === '2') return 'city';
	if (precision === '6') return 'country';
	return 'region';
}

/**
 * where_coordinates names the place and what it is ("Kryvyi Rih town", "Donetsk province"): the
 * kind of place is a word the reader does not need in the name.
 */
export function ucdpPlaceName(text: string): string {
	return text
		.trim()
		.replace(
			/\s+(town|city|village|settlement|district|province|governorate|region|state|oblast|county|municipality|area|camp|country)$/i,
			''
		);
}

export function ucdpReader(header: readonly string[]): RowReader {
	const index = new Map(header.map((name, i) => [normal(name), i]));
	const at = (name: (typeof UCDP_COLUMNS)[number]) => index.get(name) ?? -1;
	const used = [
		'id',
		'type_of_violence',
		'side_a',
		'side_b',
		'source_article',
		'source_headline',
		'where_coordinates',
		'adm_1',
		'country',
		'date_start',
		'date_end',
		'best'
	] as const;
	return {
		name: 'a UCDP GED export',
		width: header.length,
		widthFrom: 'the header',
		columns: header,
		used: used.map(at).filter((i) => i >= 0),
		read(cells): RowFields {
			const get = (name: (typeof UCDP_COLUMNS)[number]) => {
				const i = at(name);
				return i < 0 ? '' : (cells[i] ?? '').trim();
			};
			const cell = (name: (typeof UCDP_COLUMNS)[number]) =>
				at(name) < 0 ? null : { column: name, text: get(name) };
			const violence = ucdpViolence(get('type_of_violence'));
			const place = ucdpPlaceName(get('where_coordinates')) || get('adm_1') || get('country');
			const sides = names(get('side_a'), get('side_b'));
			// Several headlines are joined by semicolons; the first is the row's.
			const headline = get('source_headline').split(';')[0]!.trim();
			const best = get('best');
			const [low, high] = [get('low'), get('high')];
			const range = low && high && low !== high ? `, ${low} to ${high}` : '';
			const deaths =
				best && /^\d+$/.test(best)
					? `${Number(best).toLocaleString('en-GB')} ${best === '1' ? 'death' : 'deaths'} (UCDP's best estimate${range})`
					: '';
			const what = violence?.label ?? 'Organised violence';
			const summary = join(
				[
					`${what}${place ? ` in ${place}` : ''}${sides.length ? `: ${sides.join(' against ')}` : ''}`,
					deaths
				],
				'. '
			);
			return {
				id: cell('id'),
				date: cell('date_start'),
				end: get('date_end') ? cell('date_end') : null,
				span: 'day',
				lat: cell('latitude'),
				lon: cell('longitude'),
				placeName: place,
				placeKind: ucdpPlaceKind(get('where_prec')),
				admin: get('adm_1'),
				country: get('country') ? { column: 'country', name: get('country') } : null,
				category: {
					column: 'type_of_violence',
					text: get('type_of_violence'),
					value: violence?.category ?? null
				},
				title: headline || (place ? `${what} in ${place}` : what),
				summary: { column: 'best', text: `${summary}.` },
				actors: sides,
				source: get('source_article'),
				detail: join(
					[
						what,
						get('conflict_name'),
						join([get('adm_1'), get('country')]),
						deaths,
						get('where_prec') ? `where_prec ${get('where_prec')}` : '',
						get('date_prec') ? `date_prec ${get('date_prec')}` : ''
					],
					'. '
				)
			};
		}
	};
}
