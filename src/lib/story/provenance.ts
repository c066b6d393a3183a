/**
 * Where an event's words come from, as the reader introduces them. An article's words are quoted
 * as the article's; a dataset's row is not an article, and its cells are no one's words: the
 * reader says which row of which file it was ("From row 12 of acled-2025.csv"), shows its line
 * plainly, never in quotation marks, and labels the row's own notes as notes.
 */
import type { DatasetFile, StoryEvent } from './types';

export interface Provenance {
	/** The line over the summary: how the event stands. */
	standing: string;
	/** The caption of its source text. */
	caption: string;
	/** Whether the source text and the event's date words are quoted (an article's own words). */
	quoted: boolean;
	/** The label of the summary when it is the row's notes ("Notes"), else null. */
	notes: string | null;
}

/**
 * The summary the importer gives a row whose notes are empty (or unfit to show): its title, said
 * once more. Not the row's notes, so the reader does not label it as such.
 */
export const untoldSummary = (title: string): string => `${title}.`;

/** "Notes", or "Notes, from What happened" where the dataset's column has another name. */
function notesLabel(column: string): string {
	return column.trim().toLowerCase() === 'notes' ? 'Notes' : `Notes, from ${column}`;
}

export function provenance(
	event: Pick<StoryEvent, 'row' | 'notes' | 'title' | 'summary'>,
	dataset: DatasetFile | null = null
): Provenance {
	const corrected = event.notes.length > 0;
	if (event.row) {
		const from = `From row ${event.row.toLocaleString('en-GB')} of ${dataset?.file ?? 'the dataset'}`;
		const notes =
			dataset?.notesColumn && event.summary !== untoldSummary(event.title)
				? notesLabel(dataset.notesColumn)
				: null;
		return {
			standing: corrected ? `${from}, corrected by other reporting: both versions below` : from,
			caption: 'The row, as imported',
			quoted: false,
			notes
		};
	}
	return {
		standing: corrected
			? 'Corrected by other reporting: both versions below'
			: 'As the article reports it',
		caption: 'The article says',
		quoted: true,
		notes: null
	};
}
