import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countryLookup } from '../../../src/lib/geo/countries';
import { DEFAULT_FILES } from '../../../scripts/lib/story-files';
import { countries50m, projectStory } from '../../helpers/story-files';

const story = projectStory();
const article = readFileSync(DEFAULT_FILES.article, 'utf8');
const outlines = countryLookup(countries50m);

describe("the project's own story", () => {
	it('quotes the article verbatim in every excerpt', () => {
		const missing = story.events.flatMap((e) =>
			e.source.filter((s) => !article.includes(s)).map((s) => `${e.id}: ${s}`)
		);
		expect(missing).toEqual([]);
	});

	it.each(story.places.filter((p) => p.country).map((p) => [p.id, p] as const))(
		'%s lies inside its Natural Earth 1:50m country',
		(_id, place) => {
			const country = outlines.outline(place.country!);
			expect(country, `no outline for ${place.country}`).toBeDefined();
			expect(booleanPointInPolygon(place.coordinates, country!)).toBe(true);
		}
	);

	it('holds the six places of the brief and the ones the story implies', () => {
		const names = story.places.map((p) => p.name);
		for (const name of [
			'St Petersburg',
			'Kryvyi Rih',
			'Saudi Arabia',
			'Washington',
			'Cyprus',
			'Brussels',
			'Moscow',
			'Ukraine',
			'London',
			'Black Sea',
			'Abu Dhabi'
		]) {
			expect(names).toContain(name);
		}
		expect(story.placeById.get('saudi-arabia')?.kind).toBe('country');
		expect(story.placeById.get('cyprus')?.kind).toBe('country');
	});

	it('uses every place it lists', () => {
		const used = new Set(story.events.flatMap((e) => [e.place, ...e.places]));
		expect(story.places.map((p) => p.id).filter((id) => !used.has(id))).toEqual([]);
	});

	it('turns vague phrases into the whole range they could mean', () => {
		const byId = (id: string) => story.eventById.get(id)!;
		const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
		expect([iso(byId('dmitriev-washington').start), iso(byId('dmitriev-washington').end)]).toEqual([
			'2025-03-31',
			'2025-04-06'
		]);
		expect([iso(byId('oval-office-clash').start), iso(byId('oval-office-clash').end)]).toEqual([
			'2025-02-01',
			'2025-02-28'
		]);
		expect([iso(byId('petrov-arrest').start), iso(byId('petrov-arrest').end)]).toEqual([
			'2024-01-01',
			'2024-12-31'
		]);
		expect(iso(byId('kryvyi-rih-strike').start)).toBe('2025-04-04');
	});

	it('puts every correction from the reporting notes beside the claim it corrects', () => {
		const notes = story.events
			.flatMap((e) => e.notes.map((n) => `${e.id}: ${n.correction} (${n.reportedBy})`))
			.join('\n');
		for (const fact of [
			'second term',
			'NATO headquarters in Brussels',
			'Abu Dhabi airport',
			'26 August 2023',
			'counted 20',
			'11 February 2025',
			'video address',
			'$51.80'
		]) {
			expect(notes).toContain(fact);
		}
	});
});
