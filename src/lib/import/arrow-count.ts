/**
 * How many rows an Arrow IPC file holds, told before its rows are read: each record batch's
 * message states its length ahead of its body, so hopping from one message to the next reads a few
 * hundred bytes a batch and none of the data. Both IPC forms are one run of messages (the file form
 * after its 8-byte magic, before its footer), so one walk serves both. Past MAX_COUNTED batches the
 * rest are estimated from the bytes the counted ones took: a writer's batches are alike in size.
 */
import { Message } from 'apache-arrow';
import type { ArrowSource } from './arrow-rows';
import type { RowEstimate } from './estimate-rows';

/** Record batches whose lengths are read one by one; past them the rows are estimated. */
export const MAX_COUNTED = 1_000;

const MAGIC = [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31]; // "ARROW1"
const CONTINUATION = -1;
/** Bytes read at each message: its prefix and a header of a few dozen columns. */
const GLANCE = 2048;

/** The rows of data in `source`, counted or estimated, or null where its messages cannot be walked. */
export async function countArrowRows(source: ArrowSource): Promise<RowEstimate | null> {
	const opening = await source.read(0, Math.min(source.size, 8));
	// The file form opens with "ARROW1" and two bytes of padding; the stream form with its schema.
	const fileForm = MAGIC.every((b, i) => opening[i] === b);
	let at = fileForm ? 8 : 0;
	// The file form ends with its footer, its footer's length and "ARROW1": the batches end before.
	let end = source.size;
	if (fileForm && source.size >= 18) {
		const tail = await source.read(source.size - 10, source.size - 6);
		const footer = new DataView(tail.buffer, tail.byteOffset, 4).getInt32(0, true);
		if (footer > 0 && footer < source.size - 18) end = source.size - 10 - footer;
	}
	let rows = 0;
	let batches = 0;
	let firstBatchAt = -1;
	try {
		while (at + 4 <= end) {
			// One read takes the prefix and, most often, the whole message header after it.
			const prefix = await source.read(at, Math.min(end, at + GLANCE));
			const view = new DataView(prefix.buffer, prefix.byteOffset, prefix.byteLength);
			// Since Arrow 0.15 a message opens with 0xFFFFFFFF, then its length; before, its length.
			const marked = view.getInt32(0, true) === CONTINUATION;
			if (marked && prefix.byteLength < 8) return null;
			const length = marked ? view.getInt32(4, true) : view.getInt32(0, true);
			if (length === 0) break; // The end-of-stream marker: the footer, if any, follows.
			if (length < 0) return null;
			const start = at + (marked ? 8 : 4);
			if (start + length > source.size) return null;
			const header =
				start + length <= at + prefix.byteLength
					? prefix.subarray(start - at, start - at + length)
					: await source.read(start, start + length);
			const message = Message.decode(header);
			if (message.isRecordBatch()) {
				if (firstBatchAt < 0) firstBatchAt = at;
				if (batches === MAX_COUNTED) {
					// Alike batches: the rest of the bytes hold rows at the rate the counted ones did.
					const perByte = rows / (at - firstBatchAt);
					return { rows: Math.round(rows + perByte * (end - at)), exact: false };
				}
				rows += Number(message.header().length);
				batches++;
			}
			at = start + length + Number(message.bodyLength);
		}
	} catch {
		// Not messages this walk can read (damaged, or a newer layout): the reading will say more.
		return null;
	}
	// A body that runs past the end: the file was cut short, and its count would be a guess.
	if (at > source.size) return null;
	return { rows, exact: true };
}
