import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { readEventTable, writeEventTable } from '../../../../src/lib/story/columnar/arrow-table';
import { ipcDamage } from '../../../../src/lib/story/columnar/ipc-check';
import { META, ROWS, tableOf } from '../../../helpers/event-tables';

/** One batch, two dictionaries (category and place): the file the fuzzing that hung Arrow used. */
const good = writeEventTable(tableOf(ROWS), META);

const viewOf = (bytes: Uint8Array) =>
	new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/**
 * Where the parts of a file's footer (File.fbs) are, read the way a flatbuffer is read: enough to
 * damage one on purpose, whatever offsets this version of Arrow's writer chose.
 */
function footerOf(bytes: Uint8Array) {
	const view = viewOf(bytes);
	const start = bytes.length - 10 - view.getInt32(bytes.length - 10, true);
	const root = start + view.getUint32(start, true);
	const vtable = root - view.getInt32(root, true);
	/** Footer fields: 1 schema, 2 dictionaries, 3 recordBatches. */
	const field = (slot: number) => root + view.getUint16(vtable + 4 + slot * 2, true);
	/** Where a list's length is; its elements follow. */
	const list = (slot: number) => field(slot) + view.getUint32(field(slot), true);
	/** Where block `i` of a list of blocks is; its first 8 bytes are the message's offset. */
	const block = (slot: number, i: number) => list(slot) + 4 + i * 24;
	const offsetOf = (slot: number, i: number) => Number(view.getBigInt64(block(slot, i), true));
	const schema = field(1) + view.getUint32(field(1), true);
	return { start, vtable, field, list, block, offsetOf, schema };
}

/** Where a message's header type (Message.fbs, field 1) is, for the message at `offset`. */
function headerTypeAt(bytes: Uint8Array, offset: number): number {
	const view = viewOf(bytes);
	const start = offset + 8; // the continuation marker and the metadata length
	const root = start + view.getUint32(start, true);
	const vtable = root - view.getInt32(root, true);
	return root + view.getUint16(vtable + 4 + 1 * 2, true);
}

const RECORD_BATCHES = 3;
const DICTIONARIES = 2;
const NO_BATCH = 'its footer points to a batch of events that is not there';
const NO_DICTIONARY = 'its footer points to a dictionary that is not there';

type Damage = (bytes: Uint8Array) => void;

const setOffset = (slot: number, i: number, to: (offset: number) => number): Damage => {
	return (bytes) => {
		const footer = footerOf(bytes);
		viewOf(bytes).setBigInt64(footer.block(slot, i), BigInt(to(footer.offsetOf(slot, i))), true);
	};
};

/**
 * All but the last made `tableFromIPC` loop for ever, without a throw: Arrow's file reader reads
 * the message a record batch block names until it is a record batch, never moving on. Each is one
 * changed byte in this file (the fuzzing found them; the numbers are this file's); the damage is
 * written by what it means so that it still lands if Arrow's writer lays the file out otherwise.
 */
const HANGS: [string, Damage, string][] = [
	[
		'a record batch block names the first dictionary (one byte: its offset 520 read as 8)',
		setOffset(RECORD_BATCHES, 0, () => footerOf(good).offsetOf(DICTIONARIES, 0)),
		NO_BATCH
	],
	[
		'a record batch block names the middle of its message (one byte: 520 read as 528)',
		setOffset(RECORD_BATCHES, 0, (offset) => offset + 8),
		NO_BATCH
	],
	[
		'a record batch block names the end of the message before (one byte: 520 read as 514)',
		setOffset(RECORD_BATCHES, 0, (offset) => offset - 6),
		NO_BATCH
	],
	[
		"the footer's list of record batches is its list of dictionaries (one byte of its vtable)",
		(bytes) => {
			const { vtable } = footerOf(bytes);
			const view = viewOf(bytes);
			view.setUint16(
				vtable + 4 + 2 * RECORD_BATCHES,
				view.getUint16(vtable + 4 + 2 * 2, true),
				true
			);
		},
		NO_BATCH
	],
	[
		"the footer's record batches point at its list of dictionaries (one byte: 68 read as 12)",
		(bytes) => {
			const { field, list } = footerOf(bytes);
			viewOf(bytes).setUint32(
				field(RECORD_BATCHES),
				list(DICTIONARIES) - field(RECORD_BATCHES),
				true
			);
		},
		NO_BATCH
	],
	[
		'the record batch says it is no message at all (a byte of its metadata)',
		(bytes) => {
			bytes[headerTypeAt(bytes, footerOf(bytes).offsetOf(RECORD_BATCHES, 0))] = 0;
		},
		NO_BATCH
	],
	[
		'the record batch says it is a tensor, a kind of message no events table has',
		(bytes) => {
			bytes[headerTypeAt(bytes, footerOf(bytes).offsetOf(RECORD_BATCHES, 0))] = 4;
		},
		NO_BATCH
	],
	[
		'a dictionary block names the record batch (Arrow threw; now the same sentence style)',
		setOffset(DICTIONARIES, 1, () => footerOf(good).offsetOf(RECORD_BATCHES, 0)),
		NO_DICTIONARY
	]
];

describe('ipcDamage: footer blocks that name the wrong message', () => {
	it('the good file is read, and the damage below finds its parts', () => {
		expect(ipcDamage(good)).toBeNull();
		expect(readEventTable(good).ok).toBe(true);
		const footer = footerOf(good);
		const type = (offset: number) => good[headerTypeAt(good, offset)];
		expect(type(footer.offsetOf(RECORD_BATCHES, 0))).toBe(3);
		expect(type(footer.offsetOf(DICTIONARIES, 0))).toBe(2);
	});

	// The sentence is asserted before Arrow is reached: a regression fails here rather than hanging
	// in readEventTable, which would decode a file the check let through.
	it.each(HANGS)(
		'%s',
		(_, damage, sentence) => {
			const bytes = good.slice();
			damage(bytes);
			expect(ipcDamage(bytes)).toBe(sentence);
			expect(readEventTable(bytes)).toEqual({
				ok: false,
				message: `is a damaged Arrow file: ${sentence}.`
			});
		},
		5_000
	);
});

interface Change {
	at: number;
	to: number;
}

const damaged = (change: Change) => {
	const bytes = good.slice();
	bytes[change.at] = change.to;
	return bytes;
};

/**
 * Arrow's own reader over each changed file, in a worker that is ended when it stops moving on: an
 * endless loop in the test's own thread would hang the run instead of failing it. Resolves with
 * the change Arrow did not finish, or null when it finished them all.
 */
function arrowFinishes(changes: Change[], quietMs: number): Promise<Change | null> {
	// How many files the worker has finished, shared, so it need not post a message per file.
	const done = new Int32Array(new SharedArrayBuffer(4));
	const worker = new Worker(
		`const { parentPort, workerData } = require('node:worker_threads');
		const { tableFromIPC } = require('apache-arrow');
		parentPort.postMessage('ready');
		const { good, changes, done } = workerData;
		changes.forEach(({ at, to }, i) => {
			const bytes = good.slice();
			bytes[at] = to;
			try { tableFromIPC(bytes); } catch {}
			Atomics.store(done, 0, i + 1);
		});
		parentPort.postMessage('done');`,
		{ eval: true, workerData: { good, changes, done } }
	);
	return new Promise((resolve, reject) => {
		let watch: ReturnType<typeof setInterval> | undefined;
		const end = (stuck: Change | null) => {
			clearInterval(watch);
			void worker.terminate().then(() => resolve(stuck));
		};
		worker.on('message', (message: 'ready' | 'done') => {
			if (message === 'done') return end(null);
			// Watched from when Arrow is loaded: a slow start on a busy machine is no hang.
			let seen = -1;
			watch = setInterval(() => {
				const now = Atomics.load(done, 0);
				if (now === seen) end(changes[now] ?? null);
				seen = now;
			}, quietMs);
		});
		worker.on('error', (error) => {
			clearInterval(watch);
			reject(error);
		});
	});
}

describe('every single-byte change of the footer', () => {
	it('is read or named, and Arrow finishes every file the check lets through', async () => {
		const footer = footerOf(good);
		const changes: Change[] = [];
		// Every value of every byte before the schema (the footer's table, vtable and block lists,
		// where the loops were) and of the footer's length and magic; the schema's bytes, a few
		// values each, to keep this quick.
		for (let at = footer.start; at < good.length; at++) {
			const all = at < footer.schema || at >= good.length - 10;
			const values = all ? Array.from({ length: 256 }, (_, v) => v) : [0, 1, 0x7f, 0x80, 0xff];
			const was = good[at]!;
			for (const to of new Set([...values, was ^ 1, was ^ 0x80]))
				if (to !== was) changes.push({ at, to });
		}

		const passed: Change[] = [];
		for (const change of changes) {
			const damage = ipcDamage(damaged(change));
			if (damage === null) passed.push(change);
			else expect(damage).toMatch(/^\S/);
		}
		expect(await arrowFinishes(passed, 2_000), 'Arrow did not finish this change').toBeNull();

		// Arrow finished them all, so reading them here cannot hang.
		const outcomes = new Set<string>();
		for (const change of passed) {
			const result = readEventTable(damaged(change));
			outcomes.add(result.ok ? 'read' : 'named');
			if (!result.ok) expect(result.message).toMatch(/^\S[\s\S]*\.$/);
		}
		expect(outcomes).toEqual(new Set(['read', 'named']));
	}, 120_000);
});
