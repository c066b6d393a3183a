/**
 * Reads an event's fields as the schema (schema.ts) declares them, each on its own: the checks a
 * field's kind needs (lengths, plain text, real days, the listed choices). What needs more than
 * the field (a unique id, a place in the places file, an excerpt in the article, an end after the
 * start) is the record validator's (validate-records.ts).
 */
import { parseIsoDate } from './dates';
import { FieldReader } from './fields';
import { isRecord } from './json-file';
import type { ProblemList } from './problems';
import { EVENT_FIELDS, type EventRecord, type FieldName, type FieldSpec } from './schema';
import { describe, quote } from './text';
import type { Note } from './schema';

/** Place ids are slugs, but a file may hold anything: this bounds what a problem quotes. */
const MAX_PLACE_ID = 120;

function readNotes(read: FieldReader, label: string, problems: ProblemList): Note[] | undefined {
	const value = read.raw('notes');
	if (value === undefined) return [];
	if (!Array.isArray(value)) {
		problems.add('must be a list of { "correction", "reportedBy" } objects.', label, 'notes');
		return undefined;
	}
	const notes: Note[] = [];
	value.forEach((note: unknown, index) => {
		const field = `notes[${index}]`;
		if (!isRecord(note)) {
			problems.add('must be an object with "correction" and "reportedBy".', label, field);
			return;
		}
		const inner = new FieldReader(note, label, problems);
		const correction = inner.text('correction', { plain: true, multiline: true });
		const reportedBy = inner.text('reportedBy', { max: 300, plain: true });
		if (correction && reportedBy) notes.push({ correction, reportedBy });
	});
	return notes.length === value.length ? notes : undefined;
}

function readDay(
	read: FieldReader,
	field: string,
	label: string,
	problems: ProblemList
): number | undefined {
	const value = read.text(field, { max: 40 });
	if (value === undefined) return undefined;
	const day = parseIsoDate(value);
	if (day === null) {
		problems.add(
			/^\d{4}-\d{2}-\d{2}$/.test(value)
				? `${quote(value)} is not a real date.`
				: `${quote(value)} is not a date in the form YYYY-MM-DD.`,
			label,
			field
		);
		return undefined;
	}
	return day;
}

/** Optional: a list of some of `values`, each at most once. */
function readSubset(
	read: FieldReader,
	field: string,
	values: readonly string[],
	label: string,
	problems: ProblemList
): string[] | undefined {
	const listed = read.textList(field, { optional: true, max: 20, maxItems: values.length });
	if (!listed) return undefined;
	const chosen: string[] = [];
	listed.forEach((value, index) => {
		if (!values.includes(value)) {
			problems.add(
				`${quote(value)} is not one of: ${values.join(', ')}.`,
				label,
				`${field}[${index}]`
			);
		} else if (chosen.includes(value)) {
			problems.add(`${quote(value)} is listed twice.`, label, `${field}[${index}]`);
		} else chosen.push(value);
	});
	return chosen.length === listed.length ? chosen : undefined;
}

/** Optional: a whole number, 1 or more (a spreadsheet's header is row 1). */
function readRow(
	read: FieldReader,
	field: string,
	label: string,
	problems: ProblemList
): number | undefined {
	const value = read.raw(field);
	if (value === undefined) return undefined;
	if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 2 ** 31 - 1) {
		problems.add(
			`must be the number of the file's row the event came from (1 or more), not ${typeof value === 'number' ? value : describe(value)}.`,
			label,
			field
		);
		return undefined;
	}
	return value;
}

function readOne(
	read: FieldReader,
	field: string,
	spec: FieldSpec,
	label: string,
	problems: ProblemList
): unknown {
	switch (spec.kind) {
		case 'id':
			// An id is checked with the others of its file, for uniqueness (validate-records.ts).
			return read.raw(field);
		case 'place':
			return read.text(field, { max: MAX_PLACE_ID });
		case 'text':
			return read.text(field, spec);
		case 'excerpts':
			return read.textList(field, { max: spec.max, minItems: 1, multiline: true });
		case 'texts':
			return read.textList(field, spec);
		case 'choice':
			return read.oneOf(field, spec.values);
		case 'subset':
			return readSubset(read, field, spec.values, label, problems);
		case 'day':
			return readDay(read, field, label, problems);
		case 'places':
			return read.textList(field, { optional: true, max: MAX_PLACE_ID });
		case 'boolean':
			return read.boolean(field);
		case 'flag':
			return read.raw(field) === undefined ? undefined : read.boolean(field);
		case 'notes':
			return readNotes(read, label, problems);
		case 'row':
			return readRow(read, field, label, problems);
	}
}

/**
 * Reads `names` of `properties`, reporting each problem at its field under `label`. A field left
 * out of the result was unsound or (for `row`) absent: the problems say which.
 */
export function readFields<K extends FieldName>(
	properties: Record<string, unknown>,
	names: readonly K[],
	label: string,
	problems: ProblemList
): Partial<Pick<EventRecord<number>, K>> {
	const read = new FieldReader(properties, label, problems);
	const values: Record<string, unknown> = {};
	for (const name of names) {
		const value = readOne(read, name, EVENT_FIELDS[name], label, problems);
		if (value !== undefined) values[name] = value;
	}
	return values as Partial<Pick<EventRecord<number>, K>>;
}
