/**
 * The page's side of the import worker: one request at a time, answered by a promise, with the
 * progress reported as it comes. Cancel ends the worker outright, whatever it is reading; the
 * next request starts a new one.
 */
import { today } from '../story/dates';
import type { ImportOutcome, ImportSettings, Inspected, Progress } from './import-job';
import type { ImportRequest, ImportResponse } from './import-messages';

export class ImportCancelled extends Error {
	constructor() {
		super('Cancelled.');
	}
}

export class ImportClient {
	#worker: Worker | null = null;
	#pending: { resolve: (r: ImportResponse) => void; reject: (e: Error) => void } | null = null;

	constructor(
		private readonly urls: { generated: string; gazetteer: string },
		private readonly onProgress: (progress: Progress) => void = () => {}
	) {}

	#send(request: ImportRequest): Promise<ImportResponse> {
		if (this.#pending) this.cancel();
		if (!this.#worker) {
			const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
			worker.onmessage = (event: MessageEvent<ImportResponse>) => {
				if (event.data.type === 'progress') this.onProgress(event.data.progress);
				else {
					const pending = this.#pending;
					this.#pending = null;
					pending?.resolve(event.data);
				}
			};
			worker.onerror = (event) => {
				event.preventDefault();
				// A worker that failed (a chunk that would not load, memory) answers nothing more.
				worker.terminate();
				if (this.#worker === worker) this.#worker = null;
				const pending = this.#pending;
				this.#pending = null;
				pending?.resolve({ type: 'error', message: event.message || 'The import worker failed.' });
			};
			this.#worker = worker;
		}
		const worker = this.#worker;
		return new Promise((resolve, reject) => {
			this.#pending = { resolve, reject };
			worker.postMessage(request);
		});
	}

	async inspect(file: File): Promise<Inspected> {
		const response = await this.#send({ type: 'inspect', file });
		if (response.type === 'inspected') return response.inspected;
		return {
			ok: false,
			message: response.type === 'error' ? response.message : 'unexpected answer'
		};
	}

	async import(file: File, settings: ImportSettings): Promise<ImportOutcome> {
		const response = await this.#send({
			type: 'import',
			file,
			settings,
			latest: today(),
			generated: this.urls.generated,
			gazetteerUrl: this.urls.gazetteer
		});
		if (response.type === 'imported') return response.outcome;
		return {
			ok: false,
			message: response.type === 'error' ? response.message : 'unexpected answer'
		};
	}

	/** Stops whatever the worker is doing; the waiting call rejects with ImportCancelled. */
	cancel(): void {
		const pending = this.#pending;
		this.#pending = null;
		this.#worker?.terminate();
		this.#worker = null;
		pending?.reject(new ImportCancelled());
	}
}
