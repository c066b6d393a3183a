/**
 * A value a dataset's own text looks up in a table: only the table's own keys, so a cell, a
 * column or a property called "constructor", "valueOf" or "__proto__" finds nothing instead of
 * a function of Object.prototype.
 */
export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
	return Object.hasOwn(table, key) ? table[key] : undefined;
}
