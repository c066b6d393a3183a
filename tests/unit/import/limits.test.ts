import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES, sizeProblem } from '../../../src/lib/import/limits';

describe('sizeProblem', () => {
	it.each([
		[0, 'is empty: nothing to import.'],
		[1, null],
		[MAX_IMPORT_BYTES, null]
	])('%d bytes → %s', (bytes, message) => {
		expect(sizeProblem(bytes)).toBe(message);
	});

	it('names the limit, in MB and bytes, for a file one byte over', () => {
		expect(sizeProblem(MAX_IMPORT_BYTES + 1)).toBe(
			'is 1,024 MB; the importer takes files of up to 1,024 MB (1,073,741,824 bytes). Split it, or import the columns and years you need.'
		);
	});

	it('takes another limit', () => {
		expect(sizeProblem(2_000_000, 1_048_576)).toMatch(
			/^is 1\.9 MB; the importer takes files of up to 1 MB \(1,048,576 bytes\)/
		);
	});
});
