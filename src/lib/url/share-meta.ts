/**
 * What a link preview reads from a story page: its canonical address, a description and the share
 * card. Link previews want absolute addresses; the site's own address is a build-time setting
 * (`VITE_SITE_URL`), and without it every address stays relative, which still works on the page.
 */
export interface ShareMeta {
	/** Null without a site address: a relative canonical would only restate the page's own. */
	canonical: string | null;
	image: string | null;
	description: string;
}

const DESCRIPTION_CHARS = 200;

/** The article's first paragraph, cut at a word near 200 characters. */
export function describe(article: string): string {
	const first =
		article
			.split(/\n+/)
			.find((line) => line.trim().length > 0)
			?.trim() ?? '';
	if (first.length <= DESCRIPTION_CHARS) return first;
	const cut = first.slice(0, DESCRIPTION_CHARS);
	const word = cut.lastIndexOf(' ');
	return `${(word > 80 ? cut.slice(0, word) : cut).replace(/[\s,;:]+$/, '')}…`;
}

function siteBase(site: string | undefined): URL | null {
	if (!site) return null;
	try {
		return new URL(site.endsWith('/') ? site : `${site}/`);
	} catch {
		return null;
	}
}

/**
 * `pagePath` is the page's path from the site's root (`/stories/x/`); `image` the card's address
 * as the page links it (relative to the page); `site` the setting, or empty.
 */
export function shareMeta(
	article: string,
	pagePath: string,
	image: string | null,
	site: string | undefined
): ShareMeta {
	const description = describe(article);
	const base = siteBase(site);
	if (!base || !/^https?:$/.test(base.protocol)) return { canonical: null, image, description };
	const page = new URL(pagePath.replace(/^\//, ''), base);
	return {
		canonical: page.href,
		image: image === null ? null : new URL(image, page).href,
		description
	};
}
