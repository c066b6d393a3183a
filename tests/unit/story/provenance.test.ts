import { describe, expect, it } from 'vitest';
import { provenance, untoldSummary } from '../../../src/lib/story/provenance';
import type { DatasetFile } from '../../../src/lib/story/types';

const note = { correction: 'Other outlets say 12.', reportedBy: 'Reuters' };
const words = { title: 'Shelling in Kryvyi Rih', summary: 'Russian forces shelled the town.' };
const acled: DatasetFile = { file: 'acled-2025.csv', notesColumn: 'notes' };
const sheet: DatasetFile = { file: 'desk sheet.xlsx', notesColumn: 'What happened' };
const ucdp: DatasetFile = { file: 'ged.csv' };
const row = (from: string, corrected = false) => ({
	standing: corrected ? `${from}, corrected by other reporting: both versions below` : from,
	caption: 'The row, as imported',
	quoted: false
});

describe('provenance: an article’s words quoted, a dataset’s row named by its file', () => {
	it.each([
		[
			'an article’s event',
			{ notes: [], ...words },
			null,
			{
				standing: 'As the article reports it',
				caption: 'The article says',
				quoted: true,
				notes: null
			}
		],
		[
			'an article’s event, corrected, in a story that names a file',
			{ notes: [note], ...words },
			acled,
			{
				standing: 'Corrected by other reporting: both versions below',
				caption: 'The article says',
				quoted: true,
				notes: null
			}
		],
		[
			'a row of a story that names no file',
			{ row: 12_345, notes: [], ...words },
			null,
			{ ...row('From row 12,345 of the dataset'), notes: null }
		],
		[
			'a row, corrected in the studio, of a story that names no file',
			{ row: 2, notes: [note], ...words },
			null,
			{ ...row('From row 2 of the dataset', true), notes: null }
		],
		[
			'an ACLED row: its file, and its notes labelled as notes',
			{ row: 12, notes: [], ...words },
			acled,
			{ ...row('From row 12 of acled-2025.csv'), notes: 'Notes' }
		],
		[
			'a sheet’s row whose notes column has another name',
			{ row: 3, notes: [note], ...words },
			sheet,
			{ ...row('From row 3 of desk sheet.xlsx', true), notes: 'Notes, from What happened' }
		],
		[
			'an ACLED row whose notes were empty: its summary is its title again, not notes',
			{ row: 7, notes: [], title: words.title, summary: untoldSummary(words.title) },
			acled,
			{ ...row('From row 7 of acled-2025.csv'), notes: null }
		],
		[
			'a UCDP row: the importer wrote its summary, so nothing is labelled as notes',
			{ row: 2, notes: [], ...words },
			ucdp,
			{ ...row('From row 2 of ged.csv'), notes: null }
		]
	])('%s', (_, event, dataset, said) => {
		expect(provenance(event, dataset)).toEqual(said);
	});
});
