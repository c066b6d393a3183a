import { describe, expect, it } from 'vitest';
import { acledCategory, cameoEvent, categoryFromText } from '../../../src/lib/import/categories';

describe('acledCategory', () => {
	it.each([
		['Battles', 'Armed clash', 'war'],
		['Battles', 'Government regains territory', 'war'],
		['Explosions/Remote violence', 'Air/drone strike', 'strike'],
		['Explosions/Remote violence', 'Shelling/artillery/missile attack', 'strike'],
		['Violence against civilians', 'Attack', 'strike'],
		['Violence against civilians', 'Abduction/forced disappearance', 'detention'],
		['Protests', 'Peaceful protest', 'statement'],
		['Protests', 'Excessive force against protesters', 'strike'],
		['Riots', 'Violent demonstration', 'statement'],
		['Riots', 'Mob violence', 'strike'],
		['Strategic developments', 'Agreement', 'diplomacy'],
		['Strategic developments', 'Arrests', 'detention'],
		['Strategic developments', 'Other', 'statement'],
		['STRATEGIC DEVELOPMENTS', ' arrests ', 'detention'],
		['Football', 'Armed clash', null]
	])('%s / %s → %s', (type, sub, category) => {
		expect(acledCategory(type, sub)).toBe(category);
	});
});

describe('cameoEvent', () => {
	it.each([
		['010', 'statement'],
		['042', 'visit'],
		['0431', 'visit'],
		['057', 'diplomacy'],
		['0841', 'diplomacy'],
		['173', 'detention'],
		['180', 'strike'],
		['190', 'war'],
		['203', 'war'],
		['21', null],
		['', null],
		['abc', null]
	])('%j → %s', (code, category) => {
		expect(cameoEvent(code)?.category ?? null).toBe(category);
	});
});

describe('categoryFromText', () => {
	it.each([
		['war', 'war'],
		['Diplomacy', 'diplomacy'],
		['Battles', 'war'],
		['Arrests', 'detention'],
		['other', null],
		['protest', null],
		['', null]
	])('%j → %s', (text, category) => {
		expect(categoryFromText(text)).toBe(category);
	});
});
