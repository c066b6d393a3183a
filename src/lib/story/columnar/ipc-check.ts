/**
 * A look at an Arrow IPC file's structure before Arrow reads it. Arrow trusts the lengths a file's
 * metadata declares: one damaged byte in the footer (a list of 8 fields read as 208) sent it
 * looping over garbage until the process ran out of memory, which no try/catch survives. This
 * walks the same metadata (the flatbuffers of the footer and of each message, per the Arrow
 * format's Schema.fbs, Message.fbs and File.fbs) and checks that every table, list and string it
 * names lies inside the file, that every declared length is one the file can hold, and that each
 * batch the footer lists is where a message of that kind begins (Arrow's file reader loops for
 * ever, without a throw, on a record batch block that names any other message).
 */

class Damaged extends Error {}

const MAGIC = [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31]; // "ARROW1"
/** Nested lists of fields deeper than this are no story table's. */
const MAX_DEPTH = 16;
/** More flatbuffer tables than this in one file's metadata are no story table's. */
const MAX_TABLES = 100_000;

/** MessageHeader in Message.fbs. */
const HEADER = { schema: 1, dictionaryBatch: 2, recordBatch: 3 } as const;

class Flatbuffer {
	readonly #view: DataView;
	#tables = 0;

	constructor(
		readonly bytes: Uint8Array,
		/** The flatbuffer's own bytes: [start, end) of `bytes`. */
		readonly start: number,
		readonly end: number
	) {
		this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	}

	/** Throws unless bytes [from, from + length) lie inside the buffer. */
	inside(from: number, length: number): void {
		if (!(from >= this.start && length >= 0 && from + length <= this.end))
			throw new Damaged('its metadata points past its own end');
	}

	u8(at: number): number {
		this.inside(at, 1);
		return this.#view.getUint8(at);
	}
	u16(at: number): number {
		this.inside(at, 2);
		return this.#view.getUint16(at, true);
	}
	i32(at: number): number {
		this.inside(at, 4);
		return this.#view.getInt32(at, true);
	}
	u32(at: number): number {
		this.inside(at, 4);
		return this.#view.getUint32(at, true);
	}
	i64(at: number): number {
		this.inside(at, 8);
		return Number(this.#view.getBigInt64(at, true));
	}

	/** The table at `at`, checked: its vtable and its body inside the buffer. */
	table(at: number): Table {
		if (++this.#tables > MAX_TABLES) throw new Damaged('its metadata has too many parts');
		const vtable = at - this.i32(at);
		const vtableSize = this.u16(vtable);
		const tableSize = this.u16(vtable + 2);
		if (vtableSize < 4 || vtableSize % 2) throw new Damaged('its metadata is malformed');
		this.inside(vtable, vtableSize);
		this.inside(at, tableSize);
		return new Table(this, at, vtable, vtableSize);
	}

	/** The root table, whose offset is the buffer's first word. */
	root(): Table {
		return this.table(this.start + this.u32(this.start));
	}
}

class Table {
	constructor(
		private readonly fb: Flatbuffer,
		private readonly at: number,
		private readonly vtable: number,
		private readonly vtableSize: number
	) {}

	/** Where field `slot` is, or null when absent. */
	field(slot: number): number | null {
		const entry = 4 + slot * 2;
		if (entry >= this.vtableSize) return null;
		const offset = this.fb.u16(this.vtable + entry);
		return offset === 0 ? null : this.at + offset;
	}

	/** The position an offset field points to. */
	#target(slot: number): number | null {
		const at = this.field(slot);
		return at === null ? null : at + this.fb.u32(at);
	}

	table(slot: number): Table | null {
		const at = this.#target(slot);
		return at === null ? null : this.fb.table(at);
	}

	/** A list of `size`-byte elements: where its first element is, and how many there are. */
	vector(slot: number, size: number): { first: number; length: number } | null {
		const at = this.#target(slot);
		if (at === null) return null;
		const length = this.fb.u32(at);
		// The whole list inside, before anyone loops over it.
		this.fb.inside(at + 4, length * size);
		return { first: at + 4, length };
	}

	/** Each table of a list of tables. */
	tables(slot: number): Table[] {
		const list = this.vector(slot, 4);
		if (!list) return [];
		const out: Table[] = [];
		for (let i = 0; i < list.length; i++) {
			const at = list.first + i * 4;
			out.push(this.fb.table(at + this.fb.u32(at)));
		}
		return out;
	}

	i64(slot: number): number {
		const at = this.field(slot);
		return at === null ? 0 : this.fb.i64(at);
	}

	u8(slot: number): number {
		const at = this.field(slot);
		return at === null ? 0 : this.fb.u8(at);
	}

	get buffer(): Flatbuffer {
		return this.fb;
	}
}

function checkKeyValues(table: Table, slot: number): void {
	for (const pair of table.tables(slot)) {
		pair.vector(0, 1);
		pair.vector(1, 1);
	}
}

function checkField(field: Table, depth: number): void {
	if (depth > MAX_DEPTH) throw new Damaged('its columns nest too deep');
	field.vector(0, 1); // name
	field.table(3); // type
	const dictionary = field.table(4);
	dictionary?.table(1); // the index type
	for (const child of field.tables(5)) checkField(child, depth + 1);
	checkKeyValues(field, 6);
}

function checkSchema(schema: Table): void {
	for (const field of schema.tables(1)) checkField(field, 0);
	checkKeyValues(schema, 2);
	schema.vector(3, 8); // features
}

/** A record batch's lengths: rows, nodes and buffers that its body and the file can hold. */
function checkRecordBatch(batch: Table, bodyLength: number, fileBytes: number): void {
	// No column takes less than a bit a row; a longer batch is a damaged length.
	const most = fileBytes * 8;
	const rows = batch.i64(0);
	if (rows < 0 || rows > most) throw new Damaged(`it declares ${rows} rows`);
	const nodes = batch.vector(1, 16);
	const fb = batch.buffer;
	for (let i = 0; nodes && i < nodes.length; i++) {
		const length = fb.i64(nodes.first + i * 16);
		const nulls = fb.i64(nodes.first + i * 16 + 8);
		if (length < 0 || length > most || nulls < 0 || nulls > length)
			throw new Damaged(`a column declares ${length} values`);
	}
	const buffers = batch.vector(2, 16);
	for (let i = 0; buffers && i < buffers.length; i++) {
		const offset = fb.i64(buffers.first + i * 16);
		const length = fb.i64(buffers.first + i * 16 + 8);
		if (offset < 0 || length < 0 || offset + length > bodyLength)
			throw new Damaged('a column lies past the end of its batch');
	}
	batch.vector(4, 8);
}

/** One message (Message.fbs) whose metadata is bytes [start, end), then its body. */
function checkMessage(
	bytes: Uint8Array,
	start: number,
	end: number
): { type: number; bodyLength: number } {
	const fb = new Flatbuffer(bytes, start, end);
	const message = fb.root();
	const bodyLength = message.i64(3);
	if (bodyLength < 0 || end + bodyLength > bytes.length)
		throw new Damaged('a batch runs past the end of the file');
	const type = message.u8(1);
	const header = message.table(2);
	if (header && type === HEADER.schema) checkSchema(header);
	if (header && type === HEADER.recordBatch) checkRecordBatch(header, bodyLength, bytes.length);
	if (header && type === HEADER.dictionaryBatch) {
		const data = header.table(1);
		if (data) checkRecordBatch(data, bodyLength, bytes.length);
	}
	checkKeyValues(message, 4);
	return { type, bodyLength };
}

/**
 * The messages from `from` to `to`, one after another, as the stream format lays them out: where
 * each begins (its continuation marker or length), and its header's type.
 */
function checkMessages(bytes: Uint8Array, from: number, to: number): Map<number, number> {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const types = new Map<number, number>();
	let at = from;
	while (at + 4 <= to) {
		const start = at;
		let length = view.getInt32(at, true);
		at += 4;
		// A continuation marker, then the length (the format since 0.15); before it, the length alone.
		if (length === -1) {
			if (at + 4 > to) throw new Damaged('it ends inside a message');
			length = view.getInt32(at, true);
			at += 4;
		}
		if (length === 0) break; // the end of the stream
		if (length < 0 || at + length > to)
			throw new Damaged('a message runs past the end of the file');
		const { type, bodyLength } = checkMessage(bytes, at, at + length);
		types.set(start, type);
		at += length + bodyLength;
	}
	return types;
}

/**
 * Each block of the footer's list in `slot` (Block in File.fbs) inside the batches, and at the
 * start of a message of the type the list is for. Arrow's file reader reads a record batch
 * block's message until it is a record batch, without moving on: a block that names any other
 * message (a dictionary, or the middle of one read as a message) made it loop for ever.
 */
function checkBlocks(
	footer: Table,
	slot: number,
	footerStart: number,
	messages: Map<number, number>,
	want: number,
	what: string
): void {
	const blocks = footer.vector(slot, 24);
	const fb = footer.buffer;
	for (let i = 0; blocks && i < blocks.length; i++) {
		const at = blocks.first + i * 24;
		const offset = fb.i64(at);
		const metadata = fb.i32(at + 8);
		const body = fb.i64(at + 16);
		if (offset < 8 || metadata < 0 || body < 0 || offset + metadata + body > footerStart)
			throw new Damaged('its footer points past the batches');
		if (messages.get(offset) !== want)
			throw new Damaged(`its footer points to ${what} that is not there`);
	}
}

/** Whether the magic "ARROW1" is at `at`. */
const magicAt = (bytes: Uint8Array, at: number) =>
	at >= 0 && MAGIC.every((byte, i) => bytes[at + i] === byte);

/**
 * Null when `bytes` is an Arrow IPC file or stream whose metadata holds together; else why not,
 * as the end of a sentence ("is damaged: …"). It does not check the values, only that reading
 * them stays inside the file.
 */
export function ipcDamage(bytes: Uint8Array): string | null {
	try {
		if (magicAt(bytes, 0)) {
			if (bytes.length < 8 + 10 || !magicAt(bytes, bytes.length - 6))
				throw new Damaged('it ends before its footer (the file is cut short)');
			const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
			const footerLength = view.getInt32(bytes.length - 10, true);
			const footerStart = bytes.length - 10 - footerLength;
			if (footerLength <= 0 || footerStart < 8) throw new Damaged('its footer is malformed');
			const footer = new Flatbuffer(bytes, footerStart, footerStart + footerLength).root();
			const schema = footer.table(1);
			if (schema) checkSchema(schema);
			checkKeyValues(footer, 4);
			const messages = checkMessages(bytes, 8, footerStart);
			checkBlocks(footer, 2, footerStart, messages, HEADER.dictionaryBatch, 'a dictionary');
			checkBlocks(footer, 3, footerStart, messages, HEADER.recordBatch, 'a batch of events');
		} else checkMessages(bytes, 0, bytes.length);
		return null;
	} catch (error) {
		if (error instanceof Damaged) return error.message;
		throw error;
	}
}
