/**
 * The steps of "Import a spreadsheet…" (import-flow.svelte.ts) over a stand-in for the worker: a
 * file of more rows than the studio edits is told so before a row is read, and read only if the
 * user asks.
 */
import { describe, expect, it } from 'vitest';
import type { ImportClient } from '../../../src/lib/studio/import-client';
import { ImportFlow } from '../../../src/lib/studio/import-flow.svelte';
import type { ImportOutcome, Inspected } from '../../../src/lib/studio/import-job';

const PLAN =
	'About 50,000 rows (estimated from its 13.8 MB): more than the 1,000 events the studio edits one by one.';

const preset: Inspected = {
	ok: true,
	kind: 'text',
	what: 'UTF-8, comma-separated',
	inspection: { kind: 'preset', preset: 'ucdp', name: 'a UCDP GED export' }
};
const sheet: Inspected = {
	ok: true,
	kind: 'text',
	what: 'UTF-8, comma-separated',
	inspection: {
		kind: 'mapping',
		header: ['date', 'lat', 'lon', 'category'],
		samples: [['2025-04-11', '50.45', '30.52', 'war']],
		fields: {
			date: [0],
			end: [],
			lat: [1],
			lon: [2],
			place: [],
			country: [],
			admin: [],
			title: [],
			summary: [],
			category: [3],
			actors: [],
			source: [],
			id: []
		},
		problems: [],
		dateOrder: null
	}
};

const outcome = { ok: false, message: 'big.csv was read.' } as ImportOutcome;

/** A worker that answers at once, and counts the imports it was asked for. */
function client(inspected: Inspected) {
	const asked = { imports: 0 };
	const fake = {
		inspect: async () => inspected,
		import: async () => (asked.imports++, outcome),
		cancel: () => {}
	};
	return { flow: new ImportFlow(fake as unknown as ImportClient), asked };
}

const file = new File(['date,lat,lon,category\n'], 'big.csv');

describe('a file chosen in the studio', () => {
	it.each<[string, Inspected, string, number]>([
		['a known dataset that fits is read at once', preset, 'idle', 1],
		['any other sheet that fits has its columns confirmed', sheet, 'mapping', 0],
		[
			'a known dataset too big to open is told so, not read',
			{ ...preset, plan: PLAN },
			'too-big',
			0
		],
		['any other sheet too big to open is told so, not read', { ...sheet, plan: PLAN }, 'too-big', 0]
	])('%s', async (_, inspected, step, imports) => {
		const { flow, asked } = client(inspected);
		await flow.choose(file);
		expect(flow.current.step).toBe(step);
		expect(asked.imports).toBe(imports);
		expect(flow.plan).toBe(inspected.ok ? (inspected.plan ?? null) : null);
	});

	it.each<[string, Inspected, string, number]>([
		['a known dataset is read when asked', { ...preset, plan: PLAN }, 'idle', 1],
		['any other sheet goes on to its columns', { ...sheet, plan: PLAN }, 'mapping', 0]
	])('too big, %s', async (_, inspected, step, imports) => {
		const { flow, asked } = client(inspected);
		await flow.choose(file);
		await flow.anyway();
		expect(flow.current.step).toBe(step);
		expect(asked.imports).toBe(imports);
	});

	it('too big, and another file chosen instead: nothing read, the plan gone', async () => {
		const { flow, asked } = client({ ...preset, plan: PLAN });
		await flow.choose(file);
		flow.reset();
		await flow.anyway();
		expect(flow.current.step).toBe('idle');
		expect(flow.plan).toBeNull();
		expect(asked.imports).toBe(0);
	});
});
