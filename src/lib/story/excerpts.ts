/**
 * Whether an excerpt is in the article verbatim. A search per excerpt costs the article's length,
 * and an imported dataset's "article" is its listing of rows, one line per event, quoted once per
 * event: searching made checking such a story grow with the square of its rows. An excerpt that is
 * a whole line of the article is found by a lookup; any other is searched as before.
 */
export function excerptFinder(article: string): (excerpt: string) => boolean {
	let lines: Set<string> | null = null;
	return (excerpt) => {
		if (!excerpt.includes('\n')) {
			lines ??= new Set(article.split(/\r?\n/));
			if (lines.has(excerpt)) return true;
		}
		return article.includes(excerpt);
	};
}
