import { crc32 as nodeCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { entryText, zipEntries } from '../../../src/lib/import/zip-entries';
import { crc32, zipFiles } from '../../../src/lib/studio/zip-files';

const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());

describe('zipFiles', () => {
	it.each([
		['empty', ''],
		['one byte', 'a'],
		['words', 'Kupiansk shelled again'],
		['non-ASCII', 'Kryvyi Rih — Кривий Ріг']
	])('states the CRC-32 zlib does: %s', (_, text) => {
		const bytes = new TextEncoder().encode(text);
		expect(crc32(bytes)).toBe(nodeCrc32(bytes));
	});

	it('writes every file under the folder, read back byte for byte by the importer’s zip reader', async () => {
		const chunk = JSON.stringify(Array.from({ length: 500 }, (_, i) => ({ id: `e${i}` })));
		const arrow = Uint8Array.from({ length: 3000 }, (_, i) => (i * 7) % 256);
		const files = [
			{ path: 'text/0.json', contents: chunk },
			{ path: 'events.arrow', contents: arrow },
			{ path: 'article.txt', contents: 'Imported from ged.csv — 2 events.\n' }
		];
		const zip = await bytesOf(await zipFiles('my-story', files));
		const entries = zipEntries(zip);
		expect([...entries.keys()]).toEqual([
			'my-story/text/0.json',
			'my-story/events.arrow',
			'my-story/article.txt'
		]);
		expect(await entryText(zip, entries.get('my-story/text/0.json')!, 1 << 20)).toBe(chunk);
		expect(await entryText(zip, entries.get('my-story/article.txt')!, 1 << 20)).toBe(
			files[2]!.contents
		);
		const arrowEntry = entries.get('my-story/events.arrow')!;
		expect(arrowEntry.size).toBe(arrow.length);
		expect(arrowEntry.method).toBe(8);
		// Deflated: a chunk of words is far smaller in the archive.
		expect(entries.get('my-story/text/0.json')!.compressedSize).toBeLessThan(chunk.length / 3);
	});

	it('is an empty archive for no files', async () => {
		const zip = await bytesOf(await zipFiles('x', []));
		expect(zip.length).toBe(22);
		expect(zipEntries(zip).size).toBe(0);
	});
});
