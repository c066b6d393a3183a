/**
 * WOFF 1.0 → TrueType, so the share cards' renderer (resvg, which reads TrueType and OpenType
 * only) draws with the same Open Sans the page ships: a WOFF file is the font's tables, each
 * zlib-compressed (https://www.w3.org/TR/WOFF/).
 */
import { inflateSync } from 'node:zlib';

const WOFF_SIGNATURE = 0x774f4646;

export function woffToSfnt(woff: Uint8Array): Buffer {
	const input = Buffer.from(woff.buffer, woff.byteOffset, woff.byteLength);
	if (input.readUInt32BE(0) !== WOFF_SIGNATURE) throw new Error('not a WOFF 1.0 font');
	const flavor = input.readUInt32BE(4);
	const count = input.readUInt16BE(12);
	const tables = Array.from({ length: count }, (_, i) => {
		const at = 44 + i * 20;
		const offset = input.readUInt32BE(at + 4);
		const compLength = input.readUInt32BE(at + 8);
		const origLength = input.readUInt32BE(at + 12);
		const raw = input.subarray(offset, offset + compLength);
		return {
			tag: input.readUInt32BE(at),
			checksum: input.readUInt32BE(at + 16),
			data: compLength < origLength ? inflateSync(raw) : raw
		};
	});
	// The SFNT header's binary-search fields, as the OpenType spec defines them.
	const power = 2 ** Math.floor(Math.log2(count));
	const header = Buffer.alloc(12 + count * 16);
	header.writeUInt32BE(flavor, 0);
	header.writeUInt16BE(count, 4);
	header.writeUInt16BE(power * 16, 6);
	header.writeUInt16BE(Math.log2(power), 8);
	header.writeUInt16BE(count * 16 - power * 16, 10);
	const parts: Buffer[] = [header];
	let offset = header.length;
	tables.forEach((table, i) => {
		const at = 12 + i * 16;
		header.writeUInt32BE(table.tag, at);
		header.writeUInt32BE(table.checksum, at + 4);
		header.writeUInt32BE(offset, at + 8);
		header.writeUInt32BE(table.data.length, at + 12);
		const padded = Buffer.alloc(Math.ceil(table.data.length / 4) * 4);
		table.data.copy(padded);
		parts.push(padded);
		offset += padded.length;
	});
	return Buffer.concat(parts);
}
