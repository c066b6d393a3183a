/**
 * The delimiter of a delimited text file, read from its first line. Papaparse guesses too, but
 * from the whole first chunk and with quoted text counted; the header line alone is enough and
 * says the same thing every time.
 */

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** Counts each candidate outside quotes on the first line; the most frequent wins, comma on a tie. */
export function guessDelimiter(text: string): Delimiter {
	const counts = new Map<Delimiter, number>(DELIMITERS.map((d) => [d, 0]));
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const char = text[i]!;
		if (char === '"') quoted = !quoted;
		else if (!quoted && (char === '\n' || char === '\r')) break;
		else if (!quoted && counts.has(char as Delimiter))
			counts.set(char as Delimiter, counts.get(char as Delimiter)! + 1);
	}
	let best: Delimiter = ',';
	for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
	return best;
}

export function delimiterName(delimiter: Delimiter): string {
	return { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' }[delimiter];
}

export type Newline = '\r\n' | '\n' | '\r';

/**
 * The line break of a file, from its first one outside quotes. Papaparse guesses it from each
 * stream's first chunk, and a chunk that ends before the first line break guesses "\n", leaving a
 * "\r" at the end of every row of a Windows file: read from the file's head once instead.
 */
export function guessNewline(text: string): Newline {
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const char = text[i]!;
		if (char === '"') quoted = !quoted;
		else if (!quoted && char === '\r') return text[i + 1] === '\n' ? '\r\n' : '\r';
		else if (!quoted && char === '\n') return '\n';
	}
	return '\n';
}
