import type { ProblemList } from './problems';
import { notInVocabulary } from './rules';
import { describe, findUnsafe, unsafeMessage } from './text';

export interface TextOptions {
	optional?: boolean;
	max?: number;
	/** Rejects HTML tags: for text the reader sees. */
	plain?: boolean;
	/** Allows tabs and line breaks: summaries, corrections, excerpts of the article. */
	multiline?: boolean;
}

/** Reads one typed property of a feature, reporting what is wrong in a journalist's words. */
export class FieldReader {
	constructor(
		private readonly properties: Record<string, unknown>,
		private readonly label: string,
		private readonly problems: ProblemList
	) {}

	/** A problem with `field` of what this reads, in the same words as its own checks. */
	report(field: string, message: string): void {
		this.problems.add(message, this.label, field);
	}

	text(
		field: string,
		{ optional = false, max = 2000, plain = false, multiline = false }: TextOptions = {}
	): string | undefined {
		const value = this.properties[field];
		if (value === undefined || value === null) {
			if (!optional) this.report(field, 'is missing.');
			return undefined;
		}
		if (typeof value !== 'string') {
			this.report(field, `must be text, not ${describe(value)}.`);
			return undefined;
		}
		if (value.trim() === '') {
			this.report(field, 'is empty.');
			return undefined;
		}
		if (value.length > max) {
			this.report(
				field,
				`is ${value.length.toLocaleString('en-GB')} characters long; the limit is ${max}.`
			);
			return undefined;
		}
		if (plain && /<\/?[a-z!][^>]*>/i.test(value)) {
			this.report(field, 'contains HTML; write plain text (it is shown as typed, never as HTML).');
			return undefined;
		}
		const unsafe = findUnsafe(value, { multiline });
		if (unsafe) {
			this.report(field, unsafeMessage(unsafe));
			return undefined;
		}
		return value;
	}

	oneOf<T extends string>(field: string, allowed: readonly T[]): T | undefined {
		const value = this.text(field);
		if (value === undefined) return undefined;
		if (!(allowed as readonly string[]).includes(value)) {
			this.report(field, notInVocabulary(value, allowed));
			return undefined;
		}
		return value as T;
	}

	textList(
		field: string,
		{ optional = false, max = 2000, minItems = 0, maxItems = 50, multiline = false } = {}
	): string[] | undefined {
		const value = this.properties[field];
		if (value === undefined && optional) return [];
		if (!Array.isArray(value)) {
			this.report(
				field,
				value === undefined ? 'is missing.' : `must be a list of texts, not ${describe(value)}.`
			);
			return undefined;
		}
		if (value.length < minItems) {
			this.report(
				field,
				minItems === 1 ? 'needs at least one item.' : `needs at least ${minItems} items.`
			);
			return undefined;
		}
		if (value.length > maxItems) {
			this.report(field, `has ${value.length} items; the limit is ${maxItems}.`);
			return undefined;
		}
		const items: string[] = [];
		let ok = true;
		value.forEach((item: unknown, index) => {
			if (typeof item !== 'string' || item.trim() === '') {
				this.report(`${field}[${index}]`, `must be non-empty text, not ${describe(item)}.`);
				ok = false;
			} else if (item.length > max) {
				this.report(
					`${field}[${index}]`,
					`is ${item.length.toLocaleString('en-GB')} characters long; the limit is ${max}.`
				);
				ok = false;
			} else {
				const unsafe = findUnsafe(item, { multiline });
				if (unsafe) {
					this.report(`${field}[${index}]`, unsafeMessage(unsafe));
					ok = false;
				} else items.push(item);
			}
		});
		return ok ? items : undefined;
	}

	boolean(field: string): boolean | undefined {
		const value = this.properties[field];
		if (typeof value !== 'boolean') {
			this.report(
				field,
				value === undefined
					? 'is missing (true or false).'
					: `must be true or false, not ${describe(value)}.`
			);
			return undefined;
		}
		return value;
	}

	raw(field: string): unknown {
		return this.properties[field];
	}
}
