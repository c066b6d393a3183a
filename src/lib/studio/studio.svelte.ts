import { getContext, setContext } from 'svelte';
import type { CountryLookup } from '../story/country-lookup';
import { checkProject, type ProjectCheck } from './check';
import type { StudioProject } from './project';

/**
 * The studio's shared state: the project under review, what the editor has chosen, and the
 * validator's verdict, derived once for the list, the editor and the map. The project is replaced
 * whole on every edit (the edits in project.ts are pure), so it is $state.raw.
 */
export class Studio {
	/** The basemap to check places against: the atlas's own, with the atlas's slack. */
	readonly #countries: CountryLookup | undefined = undefined;
	project = $state.raw<StudioProject | null>(null);
	/** The event open in the editor. */
	selected = $state<string | null>(null);
	/** The place whose pin or entry the editor is on. */
	place = $state<string | null>(null);
	/** Events ticked for merging. */
	ticked = $state<string[]>([]);
	#savedAt = $state<number | null>(null);
	#saveError = $state<string | null>(null);
	/** Grows when the map should show the chosen place. */
	showSeq = $state(0);

	check: ProjectCheck | null = $derived(
		this.project ? checkProject(this.project, this.#countries) : null
	);

	constructor(countries: CountryLookup) {
		this.#countries = countries;
	}

	/** When the project was last saved in this browser, or null while it is not. */
	get savedAt(): number | null {
		return this.#savedAt;
	}

	/** Why the last save failed, or null. */
	get saveError(): string | null {
		return this.#saveError;
	}

	/** The autosave's report: the project as of `at` is in this browser. */
	saved(at: number): void {
		this.#savedAt = at;
		this.#saveError = null;
	}

	saveFailed(message: string): void {
		this.#saveError = message;
	}

	/** Applies an edit; the autosave hears of it through `project`. */
	edit(change: (project: StudioProject) => StudioProject): void {
		if (this.project) this.project = change(this.project);
	}

	/** Opens a project (null: none), saved at `savedAt` when it comes from this browser's store. */
	open(project: StudioProject | null, { savedAt = null }: { savedAt?: number | null } = {}): void {
		this.project = project;
		this.#savedAt = savedAt;
		this.selected = null;
		this.place = null;
		this.ticked = [];
	}

	choosePlace(id: string, { show = false } = {}): void {
		this.place = id;
		if (show) this.showSeq++;
	}
}

const KEY = Symbol('studio');

export function setStudio(studio: Studio): Studio {
	return setContext(KEY, studio);
}

export function getStudio(): Studio {
	const studio = getContext<Studio | undefined>(KEY);
	if (!studio) throw new Error('getStudio() needs a Studio set by an ancestor with setStudio().');
	return studio;
}
