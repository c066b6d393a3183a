/**
 * The steps of "Import a spreadsheet…" as the page lives them: a file chosen, its first rows
 * inspected, its columns confirmed (for a spreadsheet in no known layout), every row read with a
 * progress bar and Cancel, then the counts, the rows not imported and why, and the project. The
 * reading is the worker's (import-client.ts); this holds where the user is and what they chose.
 */
import { chooseReader } from '../import/choose-reader';
import { FIELDS, type Field } from '../import/guess-columns';
import {
	dateOrderQuestion,
	mappingFrom,
	type ColumnGuess,
	type DateOrderQuestion,
	type Inspection
} from '../import/inspect';
import type { DateFormat } from '../import/parse-date';
import type { Category } from '../story/schema';
import { ImportCancelled, type ImportClient } from './import-client';
import type { ImportOutcome, Progress } from './import-job';
import type { StudioProject } from './project';

export type Step =
	| { step: 'idle' }
	| { step: 'inspecting'; file: File }
	/** More rows than the studio edits, told from the file's head: said before anything is read. */
	| { step: 'too-big'; file: File; inspection: Inspection }
	| { step: 'mapping'; file: File; guess: ColumnGuess }
	| { step: 'importing'; file: File }
	| { step: 'done'; file: File; outcome: Extract<ImportOutcome, { ok: true }> };

export class ImportFlow {
	current = $state.raw<Step>({ step: 'idle' });
	/** The column chosen for each field, by index into the header (several only for actors). */
	fields = $state<Record<Field, number[]>>(emptyFields());
	dateFormat = $state<DateFormat | ''>('');
	category = $state<Category | ''>('');
	progress = $state.raw<Progress | null>(null);
	/** What went wrong, in a sentence; null when nothing did. */
	problem = $state<string | null>(null);
	/** What the studio will do with a file bigger than it edits, said before reading it. */
	plan = $state<string | null>(null);
	/** A date further down than the sample read both ways: asked now. */
	#laterDate = $state.raw<DateOrderQuestion | null>(null);

	constructor(private readonly client: ImportClient) {}

	/** The mapping's own problems, as the CLI would say them, before anything is read. */
	get mappingProblems(): string[] {
		const now = this.current;
		if (now.step !== 'mapping') return [];
		const chosen = chooseReader(now.guess.header, {
			// eslint-disable-next-line svelte/prefer-svelte-reactivity -- an argument, never state
			mapping: new Map(mappingFrom(now.guess.header, this.fields)),
			...(this.category ? { category: this.category } : {}),
			placeNames: true
		});
		const problems = chosen.ok ? [] : [...chosen.problems];
		if (this.dateOrder && !this.dateFormat)
			problems.push(
				`Dates like ${this.dateOrder.example} can be read two ways: say which order they are in.`
			);
		return problems.map(plain);
	}

	/** The question of day and month order, for the date column now chosen. */
	get dateOrder() {
		const now = this.current;
		if (now.step !== 'mapping') return null;
		return dateOrderQuestion(now.guess.samples, this.fields.date[0]) ?? this.#laterDate;
	}

	async choose(file: File): Promise<void> {
		this.problem = null;
		this.plan = null;
		this.progress = null;
		this.current = { step: 'inspecting', file };
		try {
			const inspected = await this.client.inspect(file);
			if (!inspected.ok) {
				this.problem = inspected.message;
				this.current = { step: 'idle' };
				return;
			}
			const { inspection } = inspected;
			this.plan = inspected.plan ?? null;
			// Too many rows to open here: said now, with the command line's way, not after reading.
			if (this.plan) this.current = { step: 'too-big', file, inspection };
			else await this.#next(file, inspection);
		} catch (error) {
			this.#failed(error);
		}
	}

	/** The user chose to read a file too big to open here: every row is checked, none opened. */
	async anyway(): Promise<void> {
		const now = this.current;
		if (now.step !== 'too-big') return;
		try {
			await this.#next(now.file, now.inspection);
		} catch (error) {
			this.#failed(error);
		}
	}

	/** A known dataset is read at once; any other's columns are confirmed first. */
	async #next(file: File, inspection: Inspection): Promise<void> {
		if (inspection.kind === 'preset') {
			await this.#run(file);
			return;
		}
		this.fields = { ...inspection.fields };
		this.dateFormat = inspection.dateOrder?.suggested ?? '';
		this.category = '';
		this.#laterDate = null;
		this.current = { step: 'mapping', file, guess: inspection };
	}

	/** The user confirmed the columns: read every row. */
	async confirm(): Promise<void> {
		const now = this.current;
		if (now.step !== 'mapping' || this.mappingProblems.length) return;
		await this.#run(now.file, now.guess);
	}

	async #run(file: File, guess?: ColumnGuess): Promise<void> {
		this.problem = null;
		this.progress = null;
		this.current = { step: 'importing', file };
		try {
			const outcome = await this.client.import(file, {
				...(guess ? { mapping: mappingFrom(guess.header, this.fields) } : {}),
				...(this.dateFormat ? { dateFormat: this.dateFormat } : {}),
				...(this.category ? { category: this.category } : {})
			});
			if (!outcome.ok) {
				this.problem = plain(outcome.message);
				if (outcome.ambiguousDate)
					this.#laterDate = {
						example: /"([^"]+)" could be/.exec(outcome.message)?.[1] ?? 'those of this file',
						suggested: null
					};
				// A date read two ways further down: back to the columns, to say the order.
				this.current =
					guess && outcome.ambiguousDate ? { step: 'mapping', file, guess } : { step: 'idle' };
				return;
			}
			this.current = { step: 'done', file, outcome };
		} catch (error) {
			this.#failed(error);
		}
	}

	#failed(error: unknown) {
		this.current = { step: 'idle' };
		this.progress = null;
		this.problem =
			error instanceof ImportCancelled
				? 'The import was cancelled; nothing was imported.'
				: `The import failed: ${error instanceof Error ? error.message : String(error)}`;
	}

	cancel(): void {
		this.client.cancel();
	}

	reset(): void {
		this.client.cancel();
		this.plan = null;
		this.current = { step: 'idle' };
		this.progress = null;
		this.problem = null;
	}

	/** The imported project, for the studio to open; null when it is too big to edit here. */
	get project(): StudioProject | null {
		return this.current.step === 'done' ? this.current.outcome.project : null;
	}
}

function emptyFields(): Record<Field, number[]> {
	return Object.fromEntries(FIELDS.map((f) => [f, [] as number[]])) as Record<Field, number[]>;
}

/** The CLI's words for a problem, with its flags turned into what the page offers. */
function plain(problem: string): string {
	return problem
		.replace(/: name it with --map COLUMN=\w+/, ': choose its column')
		.replace(/, or give every row one with --category [\w|]+/, ', or give every row one')
		.replace(/: say which with --map[^.]*\./, ': choose one.')
		.replace(/ \(the columns are [^)]*\)/, '')
		.replace(/ Say which with --date-format dmy or --date-format mdy\./, ' Say which order below.');
}
