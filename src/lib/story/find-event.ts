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
