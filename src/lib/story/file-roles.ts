/** The three files of a story. */
export type FileRole = 'events' | 'places' | 'article';

/**
 * Which part of a story a file is, from its name alone, for the command line and the file
 * picker alike: *.txt is the article, a name ending in "events" the events, one mentioning
 * "place" the places, and any other GeoJSON the events.
 */
export function roleOf(path: string): FileRole {
	const name = (path.split(/[\\/]/).pop() ?? path).toLowerCase();
	if (name.endsWith('.txt')) return 'article';
	const stem = name.replace(/\.(geo)?json$/, '');
	if (stem.endsWith('events')) return 'events';
	return stem.includes('place') ? 'places' : 'events';
}
