/**
 * An article hard-wrapped as a CMS or an email client sends it: greedy, at `width` columns, a
 * space turned into a line break. The length and every offset stay the same, so a corpus's gold
 * spans still point at their words.
 */
export function hardWrap(text: string, width = 70): string {
	const chars = text.split('');
	let lineStart = 0;
	let lastSpace = -1;
	for (let i = 0; i < chars.length; i++) {
		const c = chars[i]!;
		if (c === '\n' || c === '\r') {
			lineStart = i + 1;
			lastSpace = -1;
			continue;
		}
		if (c === ' ') {
			if (i - lineStart > width && lastSpace > lineStart) {
				chars[lastSpace] = '\n';
				lineStart = lastSpace + 1;
			}
			lastSpace = i;
		}
	}
	if (chars.length - lineStart > width && lastSpace > lineStart) chars[lastSpace] = '\n';
	return chars.join('');
}
