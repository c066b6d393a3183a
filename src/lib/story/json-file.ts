import type { ProblemList } from './problems';
import { escapeUnsafe, truncate } from './text';

/** A file's contents as read: text already decoded, or raw bytes from disk or a file picker. */
export type FileContents = string | Uint8Array;

/**
 * The most a story's files may weigh, one file or all together (open-files.ts checks the sizes the
 * browser gives before a byte is read). 128,000 events of GeoJSON are about 50 MB and open in
 * about five seconds on a two-core laptop; 100 MB (about 250,000 events) leaves room for bigger
 * datasets while keeping the checker's memory (several times the file) within a browser tab's.
 */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;

/** Decodes strict UTF-8, so a file saved in another encoding is named rather than garbled. */
export function decodeText(contents: FileContents, problems: ProblemList): string | null {
	if (typeof contents === 'string') return contents;
	if (contents.byteLength > MAX_FILE_BYTES) {
		problems.add(`is ${(contents.byteLength / 1048576).toFixed(1)} MB; the limit is 100 MB.`);
		return null;
	}
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(contents);
	} catch {
		problems.add(
			'is not UTF-8 text. Save it again as UTF-8 (in most editors: "Save with encoding").'
		);
		return null;
	}
}

export function parseJson(contents: FileContents, problems: ProblemList): unknown {
	const text = decodeText(contents, problems);
	if (text === null) return undefined;
	if (text.trim() === '') {
		problems.add('is empty.');
		return undefined;
	}
	try {
		return JSON.parse(text) as unknown;
	} catch (error) {
		// The engine's message quotes the file near the error, escapes and all.
		const detail = escapeUnsafe(
			truncate(error instanceof Error ? error.message : String(error), 160)
		);
		problems.add(`is not valid JSON (${detail}).`);
		return undefined;
	}
}

export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
