import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildGazetteerFile, GAZETTEER_PATH } from '../../../scripts/lib/gazetteer-file';
import { fetchGazetteer, parseGazetteer } from '../../../src/lib/draft/gazetteer/gazetteer';

const { file, counts } = buildGazetteerFile();

describe('the gazetteer build', () => {
	it('holds countries, cities, regions and seas, and credits GeoNames', () => {
		expect(counts.countries).toBeGreaterThan(200);
		expect(counts.cities).toBeGreaterThan(100_000);
		expect(counts.states).toBeGreaterThan(4_000);
		expect(counts.counties).toBeGreaterThan(3_000);
		expect(file.credit).toMatch(/GeoNames.*CC BY 4\.0/);
		const gazetteer = parseGazetteer(file);
		const names = new Set(gazetteer.places.map((p) => `${p.name}|${p.kind}|${p.country}`));
		for (const name of [
			'Saudi Arabia|country|SA',
			'Cyprus|country|CY',
			'Kryvyi Rih|city|UA',
			'Washington, D.C.|city|US',
			'Washington|region|US',
			'Georgia|region|US',
			'Alberta|region|CA',
			'Georgia|country|GE',
			'Black Sea|sea|'
		]) {
			expect(names.has(name), name).toBe(true);
		}
		expect(gazetteer.countryOf('CY')?.kind).toBe('country');
	});

	it('is small enough to load in the browser (≤ 3 MB gzip)', () => {
		const json = JSON.stringify(file);
		expect(gzipSync(json).byteLength).toBeLessThan(3 * 1024 * 1024);
	});

	it('holds states with their abbreviations, US counties and towns under their state', () => {
		const g = parseGazetteer(file);
		const one = (name: string, level: string, country: string) => {
			const hit = g
				.candidates(name)
				.find((e) => e.place.level === level && e.place.country === country);
			expect(hit, `${name} (${level}, ${country})`).toBeDefined();
			return hit!;
		};
		for (const [name, level, country] of [
			['Alberta', 'state', 'CA'],
			['B.C.', 'state', 'CA'],
			['Ky.', 'state', 'US'],
			['Queensland', 'state', 'AU'],
			['Metcalfe County', 'county', 'US'],
			['Rapides Parish', 'county', 'US'],
			['Europe', 'continent', ''],
			['Middle East', 'region', ''],
			['Central Anatolia', 'region', 'TR']
		] as const)
			one(name, level, country);
		const paris = one('Paris', 'city', 'US');
		expect(g.candidates('Paris').filter((e) => e.place.parent?.name === 'Kentucky')).toHaveLength(
			1
		);
		const edmonton = one('Edmonton', 'city', 'CA');
		expect([edmonton.place.parent?.name, edmonton.place.parent?.parent?.name]).toEqual([
			'Alberta',
			'Canada'
		]);
		const canada = g.countryOf('CA')!;
		expect(g.contains(canada, edmonton.place)).toBe(true);
		expect(g.contains(one('Alberta', 'state', 'CA').place, edmonton.place)).toBe(true);
		expect(g.contains(one('Alberta', 'state', 'CA').place, paris.place)).toBe(false);
		expect(one('Ukrainian', 'country', 'UA').type).toBe('demonym');
		expect(one('American', 'country', 'US').type).toBe('demonym');
	});

	it('refuses a file that is not a gazetteer, in one line', () => {
		expect(() => parseGazetteer(null)).toThrow('gazetteer: not a JSON object');
		expect(() => parseGazetteer({ format: 'story-atlas-gazetteer', version: 99 })).toThrow(
			/rebuild it with npm run prepare:gazetteer/
		);
		expect(() => parseGazetteer({ ...file, places: [['x']] })).toThrow(/place row 0 is malformed/);
	});

	it('fetches and parses it the way the studio will', async () => {
		const ok = await fetchGazetteer('generated/gazetteer.json', async () => ({
			ok: true,
			status: 200,
			json: async () => file
		}));
		expect(ok.places.length).toBe(file.places.length);
		await expect(
			fetchGazetteer('missing.json', async () => ({
				ok: false,
				status: 404,
				json: async () => null
			}))
		).rejects.toThrow('gazetteer: missing.json answered 404');
	});

	it("matches the file the tests' setup wrote, as the studio fetches it", () => {
		const built: unknown = JSON.parse(readFileSync(GAZETTEER_PATH, 'utf8'));
		expect(parseGazetteer(built).places.length).toBe(file.places.length);
	});
});
