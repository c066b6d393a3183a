/**
 * Ids for drafted places and events, in the story format's slug form (lower-case letters and
 * digits in hyphenated runs, at most 80 characters), so every draft id passes the validator.
 */
const MAX = 80;

export function slug(text: string, fallback: string): string {
	const value = text
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, MAX)
		.replace(/-+$/, '');
	return value || fallback;
}
