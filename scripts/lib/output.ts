import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';

/** Writes a file in big pieces, to a temporary name renamed at the end: no half-written story. */
export class Output {
	readonly #fd: number;
	#parts: string[] = [];
	#size = 0;
	#closed = false;
	constructor(readonly path: string) {
		this.#fd = openSync(`${path}.partial`, 'w');
	}
	write(text: string): void {
		this.#parts.push(text);
		this.#size += text.length;
		if (this.#size > 1 << 20) this.flush();
	}
	flush(): void {
		if (this.#parts.length) writeSync(this.#fd, this.#parts.join(''));
		this.#parts = [];
		this.#size = 0;
	}
	/**
	 * Keep it (rename into place) or drop it. Once only: an import that fails after closing its
	 * files aborts them all, and that must not throw again or drop a file already kept.
	 */
	close(keep: boolean): void {
		if (this.#closed) return;
		this.#closed = true;
		this.flush();
		closeSync(this.#fd);
		if (keep) renameSync(`${this.path}.partial`, this.path);
		else rmSync(`${this.path}.partial`, { force: true });
	}
}
