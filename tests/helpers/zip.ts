/** A zip archive written byte by byte, for workbooks no spreadsheet program would write. */
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { zipEntries } from '../../src/lib/import/zip-entries';

export interface ZipPart {
	name: string;
	data: string | Uint8Array;
	/** Bytes written as they are, compressed or not, with this size stated: a damaged or lying entry. */
	raw?: { bytes: Uint8Array; statedSize: number };
}

export function zipOf(parts: readonly ZipPart[]): Uint8Array {
	const locals: Buffer[] = [];
	const centrals: Buffer[] = [];
	let offset = 0;
	for (const part of parts) {
		const plain = typeof part.data === 'string' ? Buffer.from(part.data) : Buffer.from(part.data);
		const body = part.raw ? Buffer.from(part.raw.bytes) : deflateRawSync(plain);
		const size = part.raw ? part.raw.statedSize : plain.length;
		const crc = part.raw ? 0 : crc32(plain);
		const name = Buffer.from(part.name);
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4);
		local.writeUInt16LE(8, 8);
		local.writeUInt32LE(crc, 14);
		local.writeUInt32LE(body.length, 18);
		local.writeUInt32LE(size, 22);
		local.writeUInt16LE(name.length, 26);
		const central = Buffer.alloc(46);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE(20, 4);
		central.writeUInt16LE(20, 6);
		central.writeUInt16LE(8, 10);
		central.writeUInt32LE(crc, 16);
		central.writeUInt32LE(body.length, 20);
		central.writeUInt32LE(size, 24);
		central.writeUInt16LE(name.length, 28);
		central.writeUInt32LE(offset, 42);
		locals.push(local, name, body);
		centrals.push(central, name);
		offset += 30 + name.length + body.length;
	}
	const directory = Buffer.concat(centrals);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(parts.length, 8);
	end.writeUInt16LE(parts.length, 10);
	end.writeUInt32LE(directory.length, 12);
	end.writeUInt32LE(offset, 16);
	return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/**
 * Every entry of an archive, inflated by zlib (not the app's reader) and checked against its
 * stated CRC-32 and size: what an unzip tool would make of a zip the studio wrote.
 */
export function unzipped(zip: Uint8Array): Map<string, Uint8Array> {
	const view = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
	const files = new Map<string, Uint8Array>();
	for (const entry of zipEntries(zip).values()) {
		const at = entry.offset;
		const start = at + 30 + view.readUInt16LE(at + 26) + view.readUInt16LE(at + 28);
		const body = view.subarray(start, start + entry.compressedSize);
		const plain = entry.method === 8 ? inflateRawSync(body) : Buffer.from(body);
		if (plain.length !== entry.size || crc32(plain) !== view.readUInt32LE(at + 14))
			throw new Error(`${entry.name}: its size or CRC-32 is not what the archive states`);
		files.set(entry.name, new Uint8Array(plain));
	}
	return files;
}
