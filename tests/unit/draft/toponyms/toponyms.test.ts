import { describe, expect, it } from 'vitest';
import { loadGazetteerForNode } from '../../../../scripts/lib/gazetteer-file';
import { buildDoc } from '../../../../src/lib/draft/doc/doc';
import { findPlaces, type PlaceMention } from '../../../../src/lib/draft/toponyms/toponyms';

const gazetteer = loadGazetteerForNode();
const find = (text: string): PlaceMention[] => findPlaces(buildDoc(text), gazetteer);
const one = (text: string) => {
	const found = find(text);
	expect(found, `${text}: ${found.map((m) => m.name).join(', ')}`).toHaveLength(1);
	return found[0]!;
};

describe('findPlaces: names and spellings', () => {
	it.each([
		['He met Putin in St Petersburg on Friday.', 'St Petersburg'],
		['He met Putin in St. Petersburg on Friday.', 'St. Petersburg'],
		['He met Putin in Saint Petersburg on Friday.', 'Saint Petersburg']
	])('%s → Saint Petersburg, RU', (text, written) => {
		const m = one(text);
		expect([m.name, m.place.name, m.place.country]).toEqual([written, 'Saint Petersburg', 'RU']);
		expect(text.slice(m.start, m.end)).toBe(written);
	});

	it.each([
		['Officials in Kiev said so.', 'Kyiv', 'UA'],
		['Kyiv’s mayor spoke.', 'Kyiv', 'UA'],
		['Talks in Sao Paulo ended.', 'São Paulo', 'BR'],
		['Talks in São Paulo ended.', 'São Paulo', 'BR'],
		['Cocoa from Côte d’Ivoire rose.', "Côte d'Ivoire", 'CI'],
		['Crowds gathered in Kryvyi Rih.', 'Kryvyi Rih', 'UA'],
		['The Hague court ruled.', 'The Hague', 'NL']
	])('%s → %s', (text, name, country) => {
		const m = one(text);
		expect([m.place.name, m.place.country]).toEqual([name, country]);
	});

	it('marks a possessive and a quotation', () => {
		const [russia, ukraine] = find('Russia’s army said: “we will take Ukraine.”');
		expect(russia?.possessive).toBe(true);
		expect(ukraine?.quoted).toBe(true);
	});

	it('prefers the longest name', () => {
		const m = one('Talks were held in Saudi Arabia in February.');
		expect([m.name, m.place.kind, m.type]).toEqual(['Saudi Arabia', 'country', 'name']);
	});
});

describe('findPlaces: demonyms and seats of power', () => {
	it.each([
		['Ukrainian President Volodymyr Zelensky spoke.', 'Ukrainian', 'UA'],
		['A Saudi delegation arrived.', 'Saudi', 'SA'],
		['The British outlet quoted him.', 'British', 'GB'],
		['Several hundred Chinese nationals fight.', 'Chinese', 'CN'],
		['A Cypriot court ruled.', 'Cypriot', 'CY'],
		['Two Ukrainians were freed.', 'Ukrainians', 'UA']
	])('%s → country %s', (text, written, country) => {
		const m = one(text);
		expect([m.name, m.type, m.place.kind, m.place.country]).toEqual([
			written,
			'demonym',
			'country',
			country
		]);
	});

	it('reads a hyphenated pair as two countries', () => {
		const found = find('Russian-American Ksenia Karelina was freed.');
		expect(found.map((m) => m.place.country)).toEqual(['RU', 'US']);
	});

	it('leaves "Latin American" alone', () => {
		expect(find('Latin American leaders met.')).toEqual([]);
	});

	it.each([
		['The Kremlin confirmed the meeting.', 'Kremlin', 'Moscow'],
		['No comment came from the White House.', 'White House', 'Washington, D.C.'],
		['Ministers gathered at NATO headquarters on Friday.', 'NATO headquarters', 'Brussels'],
		['Downing Street said nothing.', 'Downing Street', 'London'],
		['The Pentagon said nothing.', 'Pentagon', 'Washington, D.C.'],
		['Aides at the Elysee declined to comment.', 'Elysee', 'Paris'],
		['Lawmakers on Capitol Hill objected.', 'Capitol Hill', 'Washington, D.C.'],
		['EU officials expressed little optimism.', 'EU', 'Brussels']
	])('%s → %s in %s', (text, written, city) => {
		const m = one(text);
		expect([m.name, m.place.name]).toEqual([written, city]);
	});

	it('matches abbreviations only in capitals: "US" is a country, "us" a pronoun', () => {
		expect(one('US officials met.').place.name).toBe('United States');
		expect(find('Let us meet.')).toEqual([]);
	});
});

describe('findPlaces: ambiguous names', () => {
	it('reads "Washington" as the capital', () => {
		const m = one('Dmitriev visited Washington last week.');
		expect([m.place.name, m.place.kind, m.place.country]).toEqual([
			'Washington, D.C.',
			'city',
			'US'
		]);
	});

	it('reads "Washington state" as the state', () => {
		const m = one('Wildfires spread across Washington state on Friday.');
		expect([m.place.name, m.place.level, m.place.country]).toEqual(['Washington', 'state', 'US']);
	});

	it('reads "Georgia" as the country by default and next to Tbilisi', () => {
		expect(one('Protests grew in Georgia on Tuesday.').place.kind).toBe('country');
		const found = find('Police in Tbilisi said Georgia would not yield.');
		expect(found.map((m) => [m.name, m.place.kind])).toEqual([
			['Tbilisi', 'city'],
			['Georgia', 'country']
		]);
	});

	it('reads "Georgia" as the US state among US places', () => {
		const found = find('A tornado hit Atlanta. Crews from Alabama helped Georgia recover.');
		const georgia = found.find((m) => m.name === 'Georgia');
		expect([georgia?.place.kind, georgia?.place.country]).toEqual(['region', 'US']);
	});

	it('reads "Atlanta, Georgia" and "Tbilisi, Georgia" by the qualified place', () => {
		expect(find('He flew to Atlanta, Georgia.')[1]?.place.kind).toBe('region');
		expect(find('He flew to Tbilisi, Georgia.')[1]?.place.kind).toBe('country');
	});

	it('prefers the big city to its namesakes', () => {
		expect(one('Talks in London ended.').place.country).toBe('GB');
		expect(one('He flew to Moscow.').place.country).toBe('RU');
	});
});

describe('findPlaces: words that are not places', () => {
	it.each([
		'Trump spoke on Friday.',
		'Comments were published in The Times.',
		'Writing on X (formerly Twitter), he said so.',
		'Nice to meet you, he said.',
		'Reading the report, she frowned.',
		'Mobile phones were banned.',
		'Of course they agreed.',
		'Russian President Vladimir Putin spoke.'.replace('Russian ', ''),
		'Denzel Washington starred.',
		'The Washington Post reported it.',
		'“Russia has to get moving. Too many people ere [sic] DYING,” he wrote.'.replace(
			'Russia',
			'It'
		),
		'They shouted “NOT RUSSIA” at the rally.',
		'Paris Hilton arrived late.',
		'“It is time,” she said. “We are ready.”',
		'“Not yet.” “God knows,” he said.'
	])('finds no place in "%s"', (text) => {
		expect(find(text).map((m) => m.name)).toEqual([]);
	});

	it('still finds a common-word city after a preposition', () => {
		expect(one('He lives in Nice.').place.country).toBe('FR');
		expect(one('A fire broke out in Reading.').place.country).toBe('GB');
	});
});

/** The text names this place, among others perhaps. */
function expectPlace(text: string, name: string, country: string) {
	const found = find(text);
	expect(found.map((m) => m.place.name)).toContain(name);
	expect(found.find((m) => m.place.name === name)?.place.country).toBe(country);
}

describe('findPlaces: a place inside a longer name is still named', () => {
	it.each([
		['Most schools in North Texas closed on Monday.', 'Texas', 'US'],
		['Schools across Northeast Georgia closed, said the mayor of Atlanta.', 'Georgia', 'US'],
		['Laurel County Clerk Dean Johnson was honoured in London, Ky.', 'Laurel County', 'US'],
		['The Dublin Historical Society met on Tuesday in Dublin, Ohio.', 'Dublin', 'US'],
		['The Kentucky Attorney General’s Office opened an inquiry.', 'Kentucky', 'US']
	])('%s → %s', expectPlace);
});

describe('findPlaces: the words around say a town', () => {
	it.each([
		['The man fled. Charleston police were called on Tuesday.', 'Charleston', 'US'],
		['Three Philadelphia police officers were hurt.', 'Philadelphia', 'US'],
		['The bill passed when Westrom, R-Elbow Lake, spoke for it.', 'Elbow Lake', 'US'],
		['The US-Russia prisoner swap took place in Ankara.', 'Russia', 'RU'],
		['Fire crews left. SEVIERVILLE, Tenn. (AP)  Police say a man died.', 'Sevierville', 'US'],
		['Graves were desecrated. BEIRUT: Unknown assailants removed the doors.', 'Beirut', 'LB']
	])('%s → %s', expectPlace);
});

describe('findPlaces: news from anywhere, read in context', () => {
	const read = (text: string, name: string) => {
		const m = find(text).find((x) => x.name === name);
		expect(m, `${name} in "${text}"`).toBeDefined();
		return m!;
	};
	it.each([
		['He grew up in Paris, Ky., and moved away.', 'Paris', 'US', 'Kentucky'],
		['The fire in Edmonton, Alberta, spread.', 'Edmonton', 'CA', 'Alberta'],
		['Police in London, Ontario, said so.', 'London', 'CA', 'Ontario'],
		['Crews reached Kingston, Ont., by noon.', 'Kingston', 'CA', 'Ontario'],
		['She lives in Surprise, Ariz., now.', 'Surprise', 'US', 'Arizona']
	])('a place named with its state: %s', (text, name, country, state) => {
		const m = read(text, name);
		expect([m.place.country, m.place.parent?.name, m.confidence]).toEqual([country, state, 1]);
	});

	it('one sense per article: the qualified Paris speaks for the bare one', () => {
		const found = find(
			'Paris, Tenn., voted on Monday. Later, Paris officials met in the town hall.'
		);
		expect(found.filter((m) => m.name === 'Paris').map((m) => m.place.country)).toEqual([
			'US',
			'US'
		]);
	});

	it('reads the dateline, and the towns under it', () => {
		const found = find(
			'EDMONTON, Alberta — A blizzard shut schools on Tuesday. Drivers near Hinton were stranded.'
		);
		expect(found.map((m) => [m.name, m.place.country])).toEqual([
			['EDMONTON', 'CA'],
			['Alberta', 'CA'],
			['Hinton', 'CA']
		]);
	});

	it('reads a name by the article’s state: Dublin in Ohio news', () => {
		const m = read(
			'Columbus police said the crash on Interstate 270 in Ohio closed lanes near Dublin for hours.',
			'Dublin'
		);
		expect([m.place.country, m.place.parent?.name]).toEqual(['US', 'Ohio']);
	});

	it.each([
		['Flooding hit Metcalfe County on Sunday.', 'Metcalfe County', 'county'],
		['Deputies in Rapides Parish made an arrest.', 'Rapides Parish', 'county'],
		['Snow fell across Manitoba and Queensland stayed dry.', 'Manitoba', 'state'],
		['Wildfires in B.C. forced evacuations.', 'B.C.', 'state'],
		['The quake struck Central Anatolia at dawn.', 'Central Anatolia', 'region'],
		['Leaders from Europe and Asia met.', 'Europe', 'continent']
	])('%s → %s (%s)', (text, name, level) => {
		expect(read(text, name).place.level).toBe(level);
	});

	it.each([
		'The meeting is in March, he said.',
		'Taylor said the vote was close. Mayor Jim Burton agreed.',
		'Officials at the State Department declined to comment.',
		'The University said tuition would rise.',
		'We will win, said the coach.',
		'Commissioner Tom Ward-Sullivan voted against the budget.',
		'Councilwoman Ana Sullivan-Ruiz voted against the budget.'
	])('finds no place name in "%s"', (text) => {
		expect(
			find(text)
				.filter((m) => m.type !== 'seat')
				.map((m) => m.name)
		).toEqual([]);
	});

	it('says when two readings are close, and which', () => {
		const m = read('The mayor of London spoke.', 'London');
		expect(m.place.country).toBe('GB');
		expect(m.confidence).toBeGreaterThan(0.5);
		const unsure = read('He moved to Springfield last year.', 'Springfield');
		expect(unsure.alternatives.length).toBeGreaterThan(0);
		expect(unsure.confidence).toBeLessThan(0.5);
	});
});
