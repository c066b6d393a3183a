import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openStoryFiles } from '../../../src/lib/story/open-client';
import { MAX_FILE_BYTES } from '../../../src/lib/story/json-file';
import { openJob } from '../../../src/lib/story/open-job';
import type { OpenProgress, OpenRequest } from '../../../src/lib/story/open-protocol';
import { shippedBasemap } from '../../../scripts/lib/natural-earth';

const countries = shippedBasemap();
const minimal = ['events.geojson', 'places.geojson', 'article.txt'].map(
	(name) => new File([readFileSync(`tests/fixtures/minimal/${name}`)], name)
);

/**
 * A worker that runs the real job in this thread, each message through a structured clone, as
 * the page's worker would; or one that fails the way a worker can.
 */
class FakeWorker {
	static made: FakeWorker[] = [];
	static behaviour: 'job' | 'crash' | 'silent' = 'job';
	onmessage: ((event: MessageEvent) => void) | null = null;
	onerror: ((event: ErrorEvent) => void) | null = null;
	onmessageerror: (() => void) | null = null;
	terminated = false;
	constructor(readonly url: URL) {
		FakeWorker.made.push(this);
	}
	postMessage(request: OpenRequest) {
		const copy = { ...request, countries: structuredClone(request.countries) };
		if (FakeWorker.behaviour === 'silent') return;
		if (FakeWorker.behaviour === 'crash') {
			setTimeout(() =>
				this.onerror?.(
					Object.assign(new Event('error'), { message: 'out of memory' }) as ErrorEvent
				)
			);
			return;
		}
		setTimeout(() =>
			openJob(copy, (message) => {
				if (!this.terminated) this.onmessage?.({ data: structuredClone(message) } as MessageEvent);
			})
		);
	}
	terminate() {
		this.terminated = true;
	}
}

beforeEach(() => {
	FakeWorker.made = [];
	FakeWorker.behaviour = 'job';
	vi.stubGlobal('Worker', FakeWorker);
});
afterEach(() => vi.unstubAllGlobals());

describe('openStoryFiles: the page side of opening in a worker', () => {
	it('opens a story with progress through every phase, then ends its worker', async () => {
		const seen: OpenProgress[] = [];
		const job = openStoryFiles(minimal, countries, (p) => seen.push(p));
		const outcome = await job.done;
		expect(outcome.type).toBe('opened');
		if (outcome.type !== 'opened') return;
		expect(outcome.loaded.ok && outcome.loaded.story.title).toBe('Aid for Ukraine');
		expect([...new Set(seen.map((p) => p.phase))]).toEqual(['reading', 'checking', 'receiving']);
		expect(FakeWorker.made).toHaveLength(1);
		expect(FakeWorker.made[0]!.url.pathname).toMatch(/story\.worker\.ts$/);
		expect(FakeWorker.made[0]!.terminated).toBe(true);
	});

	it('refuses files too big from their sizes, with no worker at all', async () => {
		const huge = { name: 'huge.json', size: MAX_FILE_BYTES + 1 } as File;
		const outcome = await openStoryFiles([huge], countries, () => {}).done;
		expect(outcome).toMatchObject({ type: 'opened', loaded: { ok: false } });
		expect(FakeWorker.made).toHaveLength(0);
	});

	it('Cancel ends the worker and settles as cancelled; nothing is heard after', async () => {
		FakeWorker.behaviour = 'silent';
		const seen: OpenProgress[] = [];
		const job = openStoryFiles(minimal, countries, (p) => seen.push(p));
		job.cancel();
		job.cancel();
		expect(await job.done).toEqual({ type: 'cancelled' });
		expect(FakeWorker.made[0]!.terminated).toBe(true);
		const heard = seen.length;
		FakeWorker.made[0]!.onmessage?.({
			data: { type: 'progress', phase: 'checking' }
		} as MessageEvent);
		expect(seen).toHaveLength(heard);
	});

	it('a worker that dies is a problem to show, not a rejection', async () => {
		FakeWorker.behaviour = 'crash';
		const outcome = await openStoryFiles(minimal, countries, () => {}).done;
		expect(outcome.type).toBe('opened');
		if (outcome.type === 'opened' && !outcome.loaded.ok)
			expect(outcome.loaded.problems[0]!.message).toMatch(/checker stopped \(out of memory\)/);
		else throw new Error('expected problems');
	});

	it('a browser that cannot make the worker is a problem to show', async () => {
		vi.stubGlobal(
			'Worker',
			class {
				constructor() {
					throw new Error('SecurityError');
				}
			}
		);
		const outcome = await openStoryFiles(minimal, countries, () => {}).done;
		expect(outcome).toMatchObject({ type: 'opened', loaded: { ok: false } });
	});
});
