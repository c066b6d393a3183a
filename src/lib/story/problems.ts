import { escapeUnsafe } from './text';

/** A problem found in a story file, addressed so that a journalist can find and fix it. */
export interface Problem {
	file: string;
	/** The feature's id, or "feature 3" (1-based) when it has no usable id. */
	feature?: string;
	field?: string;
	message: string;
	/**
	 * Set on the one line that stands for the problems a file had past the listing limit: how
	 * many it stands for.
	 */
	more?: number;
}

/**
 * A file of 12,000 features in another schema has over 100,000 problems. Nobody reads past the
 * first few hundred, and listing them all froze the page and overflowed the stack.
 */
export const MAX_PROBLEMS_PER_FILE = 500;

export function formatProblem(problem: Problem): string {
	const where = [problem.file, problem.feature, problem.field].filter(Boolean).join(' › ');
	return `${where}: ${problem.message}`;
}

/** How many problems a list stands for, counting those past the limit. */
export function countProblems(problems: readonly Problem[]): number {
	let total = 0;
	for (const problem of problems) total += problem.more ?? 1;
	return total;
}

/** Collects problems for one file, so checks read as plain sentences. */
export class ProblemList {
	/** The first MAX_PROBLEMS_PER_FILE problems; `list()` adds the line for the rest. */
	readonly items: Problem[] = [];
	readonly file: string;
	#more = 0;

	constructor(file: string) {
		// A file name is data too: a picked file can be called anything.
		this.file = escapeUnsafe(file);
	}

	add(message: string, feature?: string, field?: string): void {
		if (this.items.length < MAX_PROBLEMS_PER_FILE) {
			this.items.push({ file: this.file, feature, field, message });
		} else {
			this.#more++;
		}
	}

	/** Every problem found, including those past the limit. */
	get count(): number {
		return this.items.length + this.#more;
	}

	/** The problems to show: the first ones, then one line for the rest. */
	list(): Problem[] {
		if (this.#more === 0) return this.items.slice();
		const more = this.#more;
		return [
			...this.items,
			{
				file: this.file,
				message: `and ${more.toLocaleString('en-GB')} more ${more === 1 ? 'problem' : 'problems'}.`,
				more
			}
		];
	}
}
