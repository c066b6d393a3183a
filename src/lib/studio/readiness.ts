/**
 * Whether a story may be published, in the studio's words. A place the draft or the import placed
 * without being sure ("Paris: Texas, or Kentucky?") is a question for the editor: while one that
 * an accepted event uses is unanswered, the story is not ready, and the studio names each one so
 * the editor can go and settle it (PlacesPanel asks; settlePlace answers).
 */
import type { StudioProject } from './project';

export interface UnsurePlace {
	id: string;
	name: string;
	/** What was chosen for it: "city in Texas, US". */
	chosen: string;
	/** How many other readings came close. */
	others: number;
}

/** The unsure places the published story would show, in the project's order of places. */
export function unsurePlaces(project: StudioProject): UnsurePlace[] {
	const used = new Set(
		project.events.filter((e) => e.review === 'accepted').flatMap((e) => [e.place, ...e.places])
	);
	return project.places
		.filter((p) => p.unsure && used.has(p.id))
		.map((p) => ({
			id: p.id,
			name: p.name,
			chosen: p.unsure!.chosen,
			others: p.unsure!.others.length
		}));
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * "Ready to publish", or what is left: the unsure places and the events after publication by name,
 * then the rest. `count` is every problem, the unsure places and the events after publication
 * among them.
 */
export function whatIsLeft(count: number, unsure: number, after: number): string {
	if (count === 0 && unsure === 0) return 'Ready to publish';
	const other = Math.max(0, count - unsure - after);
	const parts = [
		unsure > 0 ? plural(unsure, 'unsure place to settle', 'unsure places to settle') : '',
		after > 0
			? plural(after, 'event after publication', 'events after publication') +
				' (mark it planned or fix its date)'
			: '',
		other > 0 ? plural(other, 'other problem to fix', 'other problems to fix') : ''
	].filter(Boolean);
	return `Not ready: ${parts.join(', ')}`;
}
