/**
 * An imported dataset as a studio project, by the same road as a draft (project.ts): the places,
 * the events with their source row, and an "article" that lists the rows, one line each, so that
 * every event's excerpt is verbatim from it (geodata/README.md, "Stories imported from a
 * dataset"). A place the gazetteer placed without being sure is asked about, as a draft's is.
 */
import type { ImportedPlace } from '../import/place-table';
import type { ImportedEvent } from '../import/rows-to-events';
import { articleHead } from '../story/dataset-origin';
import { UNSURE_BELOW } from '../draft/toponyms/confidence';
import { PROJECT_VERSION, type StudioProject, type Unsure } from './project';

export interface ImportedStory {
	title: string;
	/** YYYY-MM-DD: the day of the import, the last day an event may have. */
	published: string;
	/** The file's name, and what it was read as ("an ACLED export, UTF-8, comma-separated"). */
	file: string;
	what: string;
	/** The column whose cells are the rows' notes (RowReader.notes). */
	notesColumn?: string;
	events: readonly ImportedEvent[];
	/** Each event's line of the listing, in the same order. */
	lines: readonly string[];
	places: readonly ImportedPlace[];
}

/**
 * The largest import the studio edits as a project. Every edit re-checks the whole story on the
 * page. Measured in Chromium here when the validator searched the article for each excerpt: about
 * 0.1 s per edit at 1,000 imported ACLED rows, 0.4 s at 2,000 and 1.7 s at 4,000. A row's excerpt
 * is now found by a lookup (story/excerpts.ts) and the check grows with the rows, not their square
 * (in Node, 31 ms at 1,000 and 231 ms at 10,000); the limit stays until it is measured in the
 * browser again. Bigger datasets go through `npm run import`, which writes the story folder (the
 * columnar form for big stories) without the page in the way.
 */
export const MAX_STUDIO_EVENTS = 1_000;

/** Why a story of `events` events cannot be edited here, or null when it can. */
export function editableProblem(events: number): string | null {
	if (events <= MAX_STUDIO_EVENTS) return null;
	const n = (x: number) => x.toLocaleString('en-GB');
	return `This story has ${n(events)} events; the studio edits up to ${n(MAX_STUDIO_EVENTS)} one by one, since it checks the whole story on every change. Open it in the atlas (Open your story…) to read it, or edit its files.`;
}

/**
 * The command that imports a file too big for the studio: `npm run import` streams it into a new
 * story folder (columnar past 5,000 events), which the atlas opens. The name is quoted for a shell
 * where it needs to be, so the line can be pasted as it is.
 */
export function importCommand(fileName: string): string {
	const name = /^[\w.@%+=:,/-]+$/.test(fileName)
		? fileName
		: `'${fileName.replace(/'/g, `'\\''`)}'`;
	return `npm run import -- ${name} --out geodata/stories/my-story`;
}

export function fromImport(story: ImportedStory): StudioProject {
	const unsure = new Map<string, Unsure>();
	for (const event of story.events) {
		const found = event.geocoded;
		if (!found || found.confidence >= UNSURE_BELOW || unsure.has(event.place)) continue;
		unsure.set(event.place, { chosen: found.detail, others: found.alternatives });
	}
	const head = articleHead(story.file, story.what, story.published);
	return {
		version: PROJECT_VERSION,
		title: story.title,
		published: story.published,
		datasetFile: {
			file: story.file,
			...(story.notesColumn ? { notesColumn: story.notesColumn } : {})
		},
		article: `${head}${story.lines.join('\n')}\n`,
		places: story.places.map((place) => {
			const question = unsure.get(place.id);
			return {
				id: place.id,
				name: place.name,
				kind: place.kind,
				...(place.country ? { country: place.country } : {}),
				coordinates: [...place.coordinates],
				...(question ? { unsure: question } : {})
			};
		}),
		// The desk's own rows, mapped by the user: accepted, as an opened story's events are.
		events: story.events.map((event) => ({
			id: event.id,
			review: 'accepted',
			title: event.title,
			summary: event.summary,
			category: event.category,
			actors: [...event.actors],
			start: event.start,
			end: event.end,
			when: event.when,
			place: event.place,
			places: [],
			source: [event.source],
			background: false,
			notes: [],
			// A placed name is the row's own place: its point is asked about if unsure, not flagged.
			inferred: [],
			row: event.row
		}))
	};
}
