/**
 * An event's row from its id, for a URL's `?event=`: the ids are compared as UTF-8 bytes in the
 * table, so no million strings are ever made.
 */
import type { EventTable } from './event-table';

export function findEventRow(table: EventTable, id: string): number | null {
	const wanted = new TextEncoder().encode(id);
	const { idOffsets, idBytes } = table;
	rows: for (let i = 0; i < table.length; i++) {
		const from = idOffsets[i]!;
		if (idOffsets[i + 1]! - from !== wanted.length) continue;
		for (let k = 0; k < wanted.length; k++) if (idBytes[from + k] !== wanted[k]) continue rows;
		return i;
	}
	return null;
}

/** The rows of many ids in one pass over the table (a history's thousands of changed events). */
export function findEventRows(table: EventTable, ids: Iterable<string>): Map<string, number> {
	const wanted = new Set(ids);
	const found = new Map<string, number>();
	if (wanted.size === 0) return found;
	const lengths = new Set([...wanted].map((id) => new TextEncoder().encode(id).length));
	const decoder = new TextDecoder();
	const { idOffsets, idBytes } = table;
	for (let i = 0; i < table.length && found.size < wanted.size; i++) {
		const from = idOffsets[i]!;
		const to = idOffsets[i + 1]!;
		if (!lengths.has(to - from)) continue;
		const id = decoder.decode(idBytes.subarray(from, to));
		if (wanted.has(id)) found.set(id, i);
	}
	return found;
}
