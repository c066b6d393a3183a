/**
 * Writes static/generated/: the Natural Earth basemap (cut at the antimeridian), one label point
 * per country, the story's files and the label font. Everything the page needs ships with it.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { countryLabelPoints } from './lib/basemap';
import { naturalEarthCountries } from './lib/natural-earth';
import { DEFAULT_FILES, PROJECT_ROOT } from './lib/story-files';

const require = createRequire(import.meta.url);
const out = resolve(PROJECT_ROOT, 'static/generated');
mkdirSync(resolve(out, 'story'), { recursive: true });

// Two decimals (about 1 km) is finer than Natural Earth's 1:110m lines themselves.
const countries = naturalEarthCountries('110m', 2);
writeFileSync(resolve(out, 'countries.geojson'), JSON.stringify(countries));
writeFileSync(
	resolve(out, 'country-labels.geojson'),
	JSON.stringify(countryLabelPoints(countries))
);
for (const [role, path] of Object.entries(DEFAULT_FILES)) {
	// Written, not copied, so a read-only source does not make the copy read-only.
	writeFileSync(
		resolve(out, 'story', role === 'article' ? 'article.txt' : `${role}.geojson`),
		readFileSync(path)
	);
}
copyFileSync(
	require.resolve('@fontsource/open-sans/files/open-sans-latin-400-normal.woff2'),
	resolve(out, 'open-sans-latin-400.woff2')
);
console.log(
	`static/generated: ${countries.features.length} countries, story files and label font.`
);
