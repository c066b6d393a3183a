/**
 * Checksums that tie a columnar story's files together: one of the event table's columns, kept in
 * `events.arrow`'s metadata, and one of each text chunk's bytes, kept there too. A flipped byte
 * in a column, or a chunk given another chunk's words, then fails the check instead of showing a
 * reader a wrong row. Not a defence against a forger, who can write the checksums too: a check
 * that what was written is what is read.
 */
import { TABLE_ARRAYS, type EventTable } from './event-table';

/** A 64-bit hash (two 32-bit lanes of a multiply-xorshift) of bytes, fed in parts. */
class Hash {
	#a = 0x9e3779b9;
	#b = 0x85ebca6b;

	#word(k: number): void {
		this.#a = Math.imul(this.#a ^ k, 0x5bd1e995);
		this.#a ^= this.#a >>> 15;
		this.#b = Math.imul(this.#b ^ k, 0xc2b2ae35) + 0x27d4eb2f;
		this.#b ^= this.#b >>> 13;
	}

	bytes(view: ArrayBufferView): this {
		const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
		const words = bytes.byteLength >>> 2;
		// Four bytes at a time where the bytes are aligned, as Arrow's buffers and typed arrays are.
		if ((bytes.byteOffset & 3) === 0) {
			const aligned = new Uint32Array(bytes.buffer, bytes.byteOffset, words);
			for (let i = 0; i < words; i++) this.#word(aligned[i]!);
		} else {
			for (let i = 0; i < words; i++) {
				const j = i * 4;
				this.#word(
					bytes[j]! | (bytes[j + 1]! << 8) | (bytes[j + 2]! << 16) | (bytes[j + 3]! << 24)
				);
			}
		}
		for (let j = words * 4; j < bytes.byteLength; j++) this.#word(bytes[j]! | 0x100);
		// The length too, so moving a byte from one column to the next changes the sum.
		this.#word(bytes.byteLength);
		return this;
	}

	text(value: string): this {
		return this.bytes(new TextEncoder().encode(value));
	}

	hex(): string {
		const lane = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
		return lane(this.#a) + lane(this.#b);
	}
}

/** Each word's own hash, so a column of dictionary indices is summed by the words it names. */
function wordHashes(words: readonly string[]): Uint32Array {
	return Uint32Array.from(words, (word) => parseInt(new Hash().text(word).hex().slice(0, 8), 16));
}

/** A dictionary column as the words' hashes, row by row: the same whatever order the dictionary has. */
function byWord(indices: ArrayLike<number>, words: readonly string[]): Uint32Array {
	const hashes = wordHashes(words);
	const out = new Uint32Array(indices.length);
	for (let i = 0; i < indices.length; i++) out[i] = hashes[indices[i]!] ?? 0xffffffff;
	return out;
}

/**
 * The checksum of a table's values. A category or place is summed by its word, not its index, so a
 * tool that writes the file again in other batches, with the dictionaries in another order, keeps
 * the checksum true.
 */
export function tableChecksum(table: EventTable): string {
	const hash = new Hash();
	for (const name of TABLE_ARRAYS) {
		if (name === 'category') hash.bytes(byWord(table.category, table.categories));
		else if (name === 'place') hash.bytes(byWord(table.place, table.places));
		else if (name === 'otherPlaces') hash.bytes(byWord(table.otherPlaces, table.places));
		else hash.bytes(table[name]);
	}
	return hash.hex();
}

/** The checksum of one text chunk's bytes, as written. */
export function chunkChecksum(contents: Uint8Array | string): string {
	return new Hash()
		.bytes(typeof contents === 'string' ? new TextEncoder().encode(contents) : contents)
		.hex();
}
