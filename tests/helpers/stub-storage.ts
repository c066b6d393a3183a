/** A Storage as the browser gives it, in memory, with the ways a real one fails. */
export class StubStorage implements Storage {
	readonly items = new Map<string, string>();
	constructor(private readonly fails: { read?: boolean; write?: boolean } = {}) {}
	get length() {
		return this.items.size;
	}
	clear() {
		this.items.clear();
	}
	getItem(key: string) {
		if (this.fails.read) throw new DOMException('The operation is insecure.', 'SecurityError');
		return this.items.get(key) ?? null;
	}
	key(index: number) {
		return [...this.items.keys()][index] ?? null;
	}
	removeItem(key: string) {
		this.items.delete(key);
	}
	setItem(key: string, value: string) {
		if (this.fails.write) throw new DOMException('Quota exceeded', 'QuotaExceededError');
		this.items.set(key, value);
	}
}
