/**
 * Where an event's words come from, as the reader introduces them. An article's words are quoted
 * as the article's; a dataset's row is not an article, and its cells are no one's words: the
 * reader says which row it was and shows its line plainly, never in quotation marks.
 */
import type { StoryEvent } from './types';

export interface Provenance {
	/** The line over the summary: how the event stands. */
	standing: string;
	/** The caption of its source text. */
	caption: string;
	/** Whether the source text and the event's date words are quoted (an article's own words). */
	quoted: boolean;
}

export function provenance(event: Pick<StoryEvent, 'row' | 'notes'>): Provenance {
	const corrected = event.notes.length > 0;
	if (event.row)
		return {
			standing: corrected
				? `From row ${event.row.toLocaleString('en-GB')} of the dataset, corrected by other reporting: both versions below`
				: `From row ${event.row.toLocaleString('en-GB')} of the dataset`,
			caption: 'The row, as imported',
			quoted: false
		};
	return {
		standing: corrected
			? 'Corrected by other reporting: both versions below'
			: 'As the article reports it',
		caption: 'The article says',
		quoted: true
	};
}
