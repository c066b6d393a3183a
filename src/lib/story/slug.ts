/**
 * The one rule for ids in a story and in a URL: lower-case letters and digits in hyphenated runs.
 * The validator, the URL parser and the studio's drafts all use it, so an id that passes one passes
 * all three.
 */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_SLUG_LENGTH = 80;

export function isSlug(value: string): boolean {
	return value.length <= MAX_SLUG_LENGTH && SLUG.test(value);
}

/** `wanted`, or the first of `wanted-2`, `wanted-3`… that `taken` does not hold: the one way ids
 * are made unique (the draft, its pieces, the studio's edits). */
export function freeId(taken: ReadonlySet<string>, wanted: string): string {
	if (!taken.has(wanted)) return wanted;
	for (let n = 2; ; n++) if (!taken.has(`${wanted}-${n}`)) return `${wanted}-${n}`;
}

/** A slug from free text ("Kryvyi Rih" → "kryvyi-rih"), never empty. */
export function slugify(text: string, fallback = 'item'): string {
	const slug = text
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, MAX_SLUG_LENGTH)
		.replace(/-+$/, '');
	return slug || fallback;
}
