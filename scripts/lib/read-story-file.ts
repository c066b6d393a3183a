/**
 * The one way the build and `npm run check:data` read a file of a story folder. A story file must
 * be a regular file inside its folder, and its size is known before it is read: a symbolic link
 * to a file outside the folder would otherwise be published with the story, and the zero device
 * would be read without end.
 */
import {
	closeSync,
	constants,
	fstatSync,
	lstatSync,
	openSync,
	readSync,
	realpathSync
} from 'node:fs';
import { sep } from 'node:path';

export type Read = Uint8Array | { unreadable: string };

const mb = (bytes: number) =>
	`${(bytes / 1048576).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB`;

const why = (error: unknown) => {
	const code = (error as NodeJS.ErrnoException).code;
	return `cannot be read (${code === 'ENOENT' ? 'no such file' : (code ?? 'unknown error')}).`;
};

/** Whether `path` (resolved) lies inside `folder` (resolved). */
const inside = (path: string, folder: string) =>
	path.startsWith(folder.endsWith(sep) ? folder : folder + sep);

/**
 * The bytes of `path`, a file of the story folder `folder`, if it is a regular file inside it of at
 * most `limit` bytes; else the end of a sentence saying why not ("is a symbolic link: …").
 */
export function readStoryFile(path: string, folder: string, limit: number): Read {
	let fd: number | undefined;
	try {
		const link = lstatSync(path);
		if (link.isSymbolicLink())
			return {
				unreadable: 'is a symbolic link: a story file must be a regular file inside its folder.'
			};
		if (!link.isFile())
			return {
				unreadable:
					'is not a regular file (a device, a folder or a pipe): a story file must be a plain file inside its folder.'
			};
		if (!inside(realpathSync(path), realpathSync(folder)))
			return {
				unreadable: 'lies outside its story folder: a story file must be inside its folder.'
			};
		if (link.size > limit) return { unreadable: `is ${mb(link.size)}; the limit is ${mb(limit)}.` };
		// Opened without following a link, and measured again: what is read is what was checked.
		fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW);
		const { size } = fstatSync(fd);
		if (size > limit) return { unreadable: `is ${mb(size)}; the limit is ${mb(limit)}.` };
		const bytes = new Uint8Array(size);
		let at = 0;
		while (at < size) {
			const n = readSync(fd, bytes, at, size - at, at);
			if (n === 0) break;
			at += n;
		}
		return at === size ? bytes : bytes.subarray(0, at);
	} catch (error) {
		return { unreadable: why(error) };
	} finally {
		if (fd !== undefined) closeSync(fd);
	}
}
