/** `npm run import` on a UCDP GED export with no option at all, then check:data. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importer, root, runScript, scratchFolder } from '../../helpers/cli';

const importFile = importer(scratchFolder('import-ucdp-'));

describe('npm run import on a UCDP GED export', { timeout: 60_000 }, () => {
	it('needs no option, names its towns and sides, and passes check:data', () => {
		const { code, out, dir } = importFile(join(root, 'tests/fixtures/import/ucdp-ged.csv'));
		expect(code).toBe(0);
		expect(out).toMatch(/^Read .*ucdp-ged\.csv as a UCDP GED export \(UTF-8, comma-separated\)/m);
		expect(out).not.toMatch(/Columns guessed/);
		expect(out).toMatch(/^5 rows imported, 1 not: see /m);
		expect(out).toMatch(/places\.geojson \(4 places\)/);
		const places = JSON.parse(readFileSync(join(dir, 'places.geojson'), 'utf8')) as {
			features: { properties: { name: string } }[];
		};
		expect(places.features.map((f) => f.properties.name)).toEqual([
			'Kryvyi Rih',
			'Kupiansk',
			'Donetsk',
			'El Fasher'
		]);
		const checked = runScript('scripts/check-data.ts', [dir]);
		expect(checked.code).toBe(0);
		expect(checked.out).toMatch(/^✓ 5 events and 4 places check out/m);
	});
});
