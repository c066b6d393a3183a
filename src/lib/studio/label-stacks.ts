import type { StudioPlace } from './project';

/**
 * A draft often has two places at one point (Washington, and "the United States" pinned at its
 * capital): their labels stack, one line each, instead of printing over one another.
 */
export function labelStacks(places: readonly StudioPlace[]): ReadonlyMap<string, number> {
	const seen = new Map<string, number>();
	const stack = new Map<string, number>();
	for (const p of places) {
		const key = p.coordinates.join(',');
		const n = seen.get(key) ?? 0;
		seen.set(key, n + 1);
		stack.set(p.id, n);
	}
	return stack;
}
