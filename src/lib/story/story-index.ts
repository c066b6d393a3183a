/**
 * The project's stories as a list: one folder per story under geodata/stories/, named by its slug,
 * and the index the build writes for the /stories/ page. Pure, so the build script, the route's
 * prerender entries and the page agree on one rule.
 */
import { isSlug } from './slug';
import { toIsoDate } from './dates';
import type { ValidationResult } from './validate';

/** A story folder's three files, by role. */
export const STORY_FILE_NAMES = {
	events: 'events.geojson',
	places: 'places.geojson',
	article: 'article.txt'
} as const;

export interface StoryIndexEntry {
	slug: string;
	title: string;
	/** `YYYY-MM-DD`, or null when the story does not say. */
	published: string | null;
	events: number;
	places: number;
	/** How many problems the data check finds; 0 for a story that can be shown. */
	problems: number;
	/**
	 * `columnar` for a big story kept as `events.arrow` with text chunks (story/columnar/), which
	 * the browser reads in a worker; absent for a GeoJSON story.
	 */
	form?: 'columnar';
	/** Set on the one story `/` shows, which the build also copies to generated/story/. */
	default?: true;
}

/** A columnar story's line in the index, from its table's metadata and counts. */
export function columnarIndexEntry(
	slug: string,
	facts: { title: string; published: string | null; events: number; places: number }
): StoryIndexEntry {
	return { slug, ...facts, problems: 0, form: 'columnar' };
}

/** The folder names that are stories, sorted: a folder whose name is not a slug cannot be a URL. */
export function storySlugs(folders: Iterable<string>): string[] {
	return [...new Set(folders)].filter(isSlug).sort();
}

/** The stories named by file paths such as `/geodata/stories/<slug>/article.txt`. */
export function storySlugsFromPaths(paths: Iterable<string>): string[] {
	return storySlugs([...paths].map((path) => path.split('/').at(-2) ?? ''));
}

/** A story's line in the index, from what the validator made of its files. */
export function storyIndexEntry(slug: string, result: ValidationResult): StoryIndexEntry {
	if (!result.ok) {
		// Listed all the same: the page says it has problems instead of hiding a story that exists.
		return {
			slug,
			title: slug,
			published: null,
			events: 0,
			places: 0,
			problems: result.problems.length
		};
	}
	const { story } = result;
	return {
		slug,
		title: story.title,
		published: story.published === null ? null : toIsoDate(story.published),
		events: story.events.length,
		places: story.places.length,
		problems: 0
	};
}

/** Newest first, as a news desk lists its stories; undated ones last; then by title and slug. */
export function sortStoryIndex(entries: readonly StoryIndexEntry[]): StoryIndexEntry[] {
	// ISO dates sort as text; '' puts a story without one after every date.
	return [...entries].sort(
		(a, b) =>
			(b.published ?? '').localeCompare(a.published ?? '') ||
			a.title.localeCompare(b.title) ||
			a.slug.localeCompare(b.slug)
	);
}

function isEntry(value: unknown): value is StoryIndexEntry {
	if (typeof value !== 'object' || value === null) return false;
	const entry = value as Record<string, unknown>;
	return (
		typeof entry.slug === 'string' &&
		isSlug(entry.slug) &&
		typeof entry.title === 'string' &&
		(entry.published === null || typeof entry.published === 'string') &&
		Number.isInteger(entry.events) &&
		Number.isInteger(entry.places) &&
		Number.isInteger(entry.problems) &&
		(entry.form === undefined || entry.form === 'columnar') &&
		(entry.default === undefined || entry.default === true)
	);
}

/**
 * The index as fetched, or null when it is not one. It is the build's own file, but a slug from it
 * ends up in a fetch URL, so nothing is taken on trust.
 */
export function parseStoryIndex(value: unknown): StoryIndexEntry[] | null {
	return Array.isArray(value) && value.every(isEntry) ? value : null;
}
