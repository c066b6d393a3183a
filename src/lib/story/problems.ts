/** A problem found in a story file, addressed so that a journalist can find and fix it. */
export interface Problem {
	file: string;
	/** The feature's id, or "feature 3" (1-based) when it has no usable id. */
	feature?: string;
	field?: string;
	message: string;
}

export function formatProblem(problem: Problem): string {
	const where = [problem.file, problem.feature, problem.field].filter(Boolean).join(' › ');
	return `${where}: ${problem.message}`;
}

/** Collects problems for one file, so checks read as plain sentences. */
export class ProblemList {
	readonly items: Problem[] = [];

	constructor(readonly file: string) {}

	add(message: string, feature?: string, field?: string): void {
		this.items.push({ file: this.file, feature, field, message });
	}
}
