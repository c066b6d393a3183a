/**
 * npm run check:data [FILE…]
 * Checks a story's events, places and article together; files not given are the project's own.
 * Exits 1 and lists every problem when anything is wrong.
 */
import { relative } from 'node:path';
import { countryLookup } from '../src/lib/geo/countries';
import { formatProblem } from '../src/lib/story/problems';
import { validateStory } from '../src/lib/story/validate';
import { naturalEarthCountries } from './lib/natural-earth';
import { readStoryFiles, storyFilePaths } from './lib/story-files';

function main(argv: string[]): number {
	const paths = storyFilePaths(argv);
	const files = readStoryFiles(paths);
	if ('unreadable' in files) {
		for (const line of files.unreadable) console.error(line);
		return 1;
	}
	for (const role of ['events', 'places', 'article'] as const) {
		files[role].name = relative(process.cwd(), files[role].name) || files[role].name;
	}
	const result = validateStory(files, countryLookup(naturalEarthCountries('50m'), 10));
	if (!result.ok) {
		console.error(
			`✗ ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} in the story:`
		);
		for (const problem of result.problems) console.error(`  ${formatProblem(problem)}`);
		return 1;
	}
	const { events, places } = result.story;
	console.log(
		`✓ ${events.length} events and ${places.length} places check out (${files.events.name}, ${files.places.name}, ${files.article.name}).`
	);
	return 0;
}

try {
	process.exitCode = main(process.argv.slice(2));
} catch (error) {
	// A bug of ours, not the journalist's file: say so plainly, without a stack trace.
	console.error(
		`check:data failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`
	);
	process.exitCode = 2;
}
