/**
 * A file on disk as the import session reads it (src/lib/import/import-session.ts): its name as
 * the user gave it, its size, and a range of its bytes on request, so that a gigabyte CSV or a
 * Parquet file's row groups are read a piece at a time.
 */
import { open } from 'node:fs/promises';
import type { ImportFile } from '../../src/lib/import/import-session';

export function diskFile(path: string, size: number): ImportFile {
	return {
		name: path,
		size,
		async read(start, end) {
			const bytes = new Uint8Array(Math.max(0, Math.min(end, size) - start));
			const handle = await open(path, 'r');
			try {
				let done = 0;
				while (done < bytes.length) {
					const { bytesRead } = await handle.read(bytes, done, bytes.length - done, start + done);
					if (bytesRead === 0) break;
					done += bytesRead;
				}
				return done < bytes.length ? bytes.subarray(0, done) : bytes;
			} finally {
				await handle.close();
			}
		}
	};
}
