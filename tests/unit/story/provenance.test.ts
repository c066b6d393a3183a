import { describe, expect, it } from 'vitest';
import { provenance } from '../../../src/lib/story/provenance';

const note = { correction: 'Other outlets say 12.', reportedBy: 'Reuters' };

describe('provenance: an article’s words quoted, a dataset’s row not', () => {
	it.each([
		[
			'an article’s event',
			{ notes: [] },
			{ standing: 'As the article reports it', caption: 'The article says', quoted: true }
		],
		[
			'an article’s event, corrected',
			{ notes: [note] },
			{
				standing: 'Corrected by other reporting: both versions below',
				caption: 'The article says',
				quoted: true
			}
		],
		[
			'an imported row',
			{ row: 12_345, notes: [] },
			{ standing: 'From row 12,345 of the dataset', caption: 'The row, as imported', quoted: false }
		],
		[
			'an imported row, corrected in the studio',
			{ row: 2, notes: [note] },
			{
				standing: 'From row 2 of the dataset, corrected by other reporting: both versions below',
				caption: 'The row, as imported',
				quoted: false
			}
		]
	])('%s', (_, event, said) => {
		expect(provenance(event)).toEqual(said);
	});
});
