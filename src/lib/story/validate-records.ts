/**
 * The validator's core: events as records (a label, their properties, their point), whatever
 * format they came in. A GeoJSON file is read into records by validate.ts, the studio hands its
 * project's events over as they are (studio/check.ts), and both are held to the same checks.
 *
 * Two profiles. An article's story traces each event to the article's words: its excerpts must be
 * verbatim. A dataset's story (its events carry the `row` they were imported from) traces each
 * event to its row too: every event must keep one, one event per row, and none may end after the
 * day of publication. The columnar form holds the dataset profile's checks over typed arrays
 * (columnar/validate-table.ts), since a million records would cost seconds.
 */
import { excerptFinder } from './excerpts';
import type { ProblemList } from './problems';
import { readFields } from './read-fields';
import {
	endBeforeStart,
	endsTooLate,
	mainPlaceAgain,
	pointAtPlace,
	rowTaken,
	unknownPlace
} from './rules';
import { FIELD_NAMES, type EventRecord } from './schema';
import { isSlug } from './slug';
import { describe, quote } from './text';
import type { LonLat, Place, StoryEvent } from './types';

/** One event as a format adapter hands it over; its properties are still unchecked. */
export interface EventRecordIn {
	/** How problems name it: its id when that is a slug, else "feature N" (featureLabel). */
	label: string;
	properties: Record<string, unknown>;
	/** Null when the format's own check of the point failed (and said why). */
	coordinates: LonLat | null;
}

export type ProfileKind = 'article' | 'dataset';

export interface RecordProfile {
	kind: ProfileKind;
	/** What excerpts must be found in; null when it is unreadable or empty (said elsewhere). */
	article: string | null;
	placeById: ReadonlyMap<string, Place>;
	/** Every id the places file names, valid or not, so one bad place does not cascade; null if unreadable. */
	knownPlaceIds: ReadonlySet<string> | null;
	/** The day of publication: a dataset's events may not end after it. */
	published: number | null;
	/** The events the story's history withdraws: outside the row rule (validate-table.ts, TableOptions). */
	withdrawn?: ReadonlySet<string>;
}

/** An imported story keeps the row of each event; one that does is held to the dataset profile. */
export function profileOf(records: readonly EventRecordIn[]): ProfileKind {
	return records.some((r) => r.properties.row !== undefined) ? 'dataset' : 'article';
}

const READ_HERE = FIELD_NAMES.filter((name) => name !== 'id');

/** Curly and straight quotes differ by one keystroke and are the commonest reason an excerpt misses. */
function loosen(text: string): string {
	return text
		.replace(/[‘’‛′]/g, "'")
		.replace(/[“”„″]/g, '"')
		.replace(/\s+/g, ' ');
}

/** A record's id: present, a slug, and not taken by an earlier record. */
export function checkId(
	value: unknown,
	label: string,
	seen: Set<string>,
	problems: ProblemList
): string | undefined {
	if (value === undefined || value === null || value === '') {
		problems.add('has no id. Give it a unique slug like "kryvyi-rih".', label, 'id');
		return undefined;
	}
	if (typeof value !== 'string') {
		// Never stringified: a 100,000-deep list would overflow the stack.
		problems.add(
			`must be a slug like "kryvyi-rih" (lower-case letters, digits and hyphens), not ${describe(value)}.`,
			label,
			'id'
		);
		return undefined;
	}
	if (!isSlug(value)) {
		problems.add(
			`${quote(value)} is not a slug: use lower-case letters, digits and hyphens.`,
			label,
			'id'
		);
		return undefined;
	}
	if (seen.has(value)) {
		problems.add(
			`${quote(value)} is used by more than one feature; ids must be unique.`,
			label,
			'id'
		);
		return undefined;
	}
	seen.add(value);
	return value;
}

/** Checks every record under `profile` and returns the events of those that pass. */
export function validateRecords(
	records: readonly EventRecordIn[],
	profile: RecordProfile,
	problems: ProblemList
): StoryEvent[] {
	const { article, placeById, knownPlaceIds } = profile;
	const seen = new Set<string>();
	const loosenedArticle = article === null ? '' : loosen(article);
	// Large stories quote the same sentences many times; search the article once per excerpt.
	const found = new Map<string, boolean>();
	const search = article === null ? () => false : excerptFinder(article);
	const inArticle = (excerpt: string): boolean => {
		let hit = found.get(excerpt);
		if (hit === undefined) found.set(excerpt, (hit = search(excerpt)));
		return hit;
	};
	const rows = new Map<number, string>();
	const events: StoryEvent[] = [];
	for (const record of records) {
		const { label } = record;
		const before = problems.count;
		const id = checkId(record.properties.id, label, seen, problems);
		const values = readFields(record.properties, READ_HERE, label, problems);
		const { start, end, place, places, source, row } = values;
		const backwards = start !== undefined && end !== undefined && endBeforeStart(start, end);
		if (backwards) problems.add(backwards, label, 'end');
		const mainPlace = place === undefined ? undefined : placeById.get(place);
		if (place !== undefined && knownPlaceIds && !knownPlaceIds.has(place)) {
			problems.add(unknownPlace(place), label, 'place');
		}
		places?.forEach((other, index) => {
			if (knownPlaceIds && !knownPlaceIds.has(other)) {
				problems.add(unknownPlace(other), label, `places[${index}]`);
			} else if (other === place) {
				problems.add(mainPlaceAgain(other), label, `places[${index}]`);
			}
		});
		if (source && article !== null) {
			source.forEach((excerpt, index) => {
				if (inArticle(excerpt)) return;
				const near = loosenedArticle.includes(loosen(excerpt));
				problems.add(
					near
						? 'is not in the article exactly: it differs in quotation marks, apostrophes or spaces. Copy it from the article again.'
						: `${quote(excerpt)} is not in the article. Excerpts must be copied verbatim.`,
					label,
					`source[${index}]`
				);
			});
		}
		if (profile.kind === 'dataset') {
			if (record.properties.row === undefined) {
				problems.add(
					"is missing: an imported story's events each keep the row of the file they came from.",
					label,
					'row'
				);
			} else if (row !== undefined && !profile.withdrawn?.has(String(record.properties.id))) {
				const other = rows.get(row);
				if (other !== undefined) problems.add(rowTaken(row, other), label, 'row');
				else rows.set(row, label);
			}
		}
		// What had not happened by the publication day is marked as planned, or it is a wrong date.
		const late =
			end !== undefined &&
			profile.published !== null &&
			!values.planned &&
			endsTooLate(end, profile.published, 'published');
		if (late)
			problems.add(
				profile.kind === 'article'
					? `${late} An event still to come then is marked "planned": true; otherwise its date is wrong.`
					: late,
				label,
				'end'
			);
		const away =
			mainPlace && record.coordinates
				? pointAtPlace(
						record.coordinates,
						mainPlace.id,
						mainPlace.coordinates,
						profile.kind === 'dataset' ? mainPlace.kind : undefined
					)
				: null;
		if (away) {
			problems.add(away, label, 'geometry.coordinates');
			continue;
		}
		// An event with no problem had every field read, so `values` holds them all (`row` if given).
		if (problems.count === before && id !== undefined && mainPlace && record.coordinates) {
			const fields = values as Omit<EventRecord<number>, 'id'>;
			events.push({ ...fields, id, coordinates: record.coordinates });
		}
	}
	return events;
}
