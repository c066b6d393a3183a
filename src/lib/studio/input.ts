/**
 * What the studio accepts as an article and a publication date, and what it says otherwise: a
 * clear sentence, never a frozen tab or a blank page.
 */
import { parseIsoDate } from '../story/dates';

/** Past this, drafting takes a minute even in pieces: the article is surely not one article. */
export const MAX_ARTICLE_BYTES = 8 * 1024 * 1024;

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

/** An opened file's bytes as article text: UTF-8 text, not empty, not a picture or a PDF. */
export function articleFromBytes(bytes: Uint8Array, name: string): Checked<string> {
	if (bytes.byteLength === 0) return { ok: false, message: `${name} is empty.` };
	if (bytes.byteLength > MAX_ARTICLE_BYTES)
		return {
			ok: false,
			message: `${name} is ${(bytes.byteLength / 1048576).toFixed(1)} MB; an article of up to 8 MB can be drafted.`
		};
	// Text has no NUL bytes; pictures, PDFs and word-processor files do, early on.
	if (bytes.subarray(0, 4096).includes(0))
		return {
			ok: false,
			message: `${name} is not a text file. Save the article as plain text (.txt) and open that.`
		};
	try {
		return articleFromText(new TextDecoder('utf-8', { fatal: true }).decode(bytes), name);
	} catch {
		return {
			ok: false,
			message: `${name} is not UTF-8 text. Save it again as UTF-8 (in most editors: "Save with encoding").`
		};
	}
}

export function articleFromText(text: string, name = 'The article'): Checked<string> {
	const clean = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
	if (clean.trim() === '') return { ok: false, message: `${name} is empty.` };
	if (clean.length > MAX_ARTICLE_BYTES)
		return {
			ok: false,
			message: `${name} is longer than 8 MB; an article of up to 8 MB can be drafted.`
		};
	return { ok: true, value: clean };
}

/** Every relative date ("on Friday", "last week") hangs on this day. */
export function publicationDate(text: string): Checked<string> {
	const value = text.trim();
	if (value === '')
		return {
			ok: false,
			message: 'Give the publication date: "on Friday" and "last week" are read from it.'
		};
	if (parseIsoDate(value) === null)
		return {
			ok: false,
			message: `"${value.slice(0, 40)}" is not a date. Use the form YYYY-MM-DD.`
		};
	return { ok: true, value };
}
