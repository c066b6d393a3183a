import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildGazetteerFile, GAZETTEER_PATH } from '../../../scripts/lib/gazetteer-file';
import { fetchGazetteer, parseGazetteer } from '../../../src/lib/draft/gazetteer/gazetteer';

const { file, counts } = buildGazetteerFile();

describe('the gazetteer build', () => {
	it('holds countries, cities, regions and seas, and credits GeoNames', () => {
		expect(counts.countries).toBeGreaterThan(200);
		expect(counts.cities).toBeGreaterThan(20_000);
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
			'Georgia|country|GE',
			'Black Sea|sea|'
		]) {
			expect(names.has(name), name).toBe(true);
		}
		expect(gazetteer.countryOf('CY')?.kind).toBe('country');
	});

	it('is small enough to load in the browser (< 2 MB gzip)', () => {
		const json = JSON.stringify(file);
		expect(gzipSync(json).byteLength).toBeLessThan(2 * 1024 * 1024);
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

	it('matches the built file when there is one', () => {
		let built: unknown;
		try {
			built = JSON.parse(readFileSync(GAZETTEER_PATH, 'utf8'));
		} catch {
			return; // not built in this checkout: the scripts build it in memory
		}
		expect(parseGazetteer(built).places.length).toBe(file.places.length);
	});
});
