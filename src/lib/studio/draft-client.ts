/**
 * The page's side of the draft worker: one request at a time, answered by a promise. Cancel ends
 * the worker outright (a draft cannot be interrupted from outside) and the next call starts anew.
 */
import type { Draft } from '../draft/draft';
import type { PlaceHit } from '../draft/search';
import type { DraftResponse } from '../draft/draft-handler';

export class DraftClient {
	#worker: Worker | null = null;
	#ready: Promise<void> | null = null;
	#pending: ((response: DraftResponse) => void) | null = null;
	/** The worker answers one request at a time: a search typed during a draft waits its turn. */
	#queue: Promise<unknown> = Promise.resolve();

	constructor(
		private readonly gazetteerUrl: string,
		private readonly onProgress: (done: number, total: number) => void = () => {}
	) {}

	#start(): Promise<void> {
		if (this.#ready) return this.#ready;
		const worker = new Worker(new URL('./draft.worker.ts', import.meta.url), { type: 'module' });
		worker.onmessage = (event: MessageEvent<DraftResponse>) => {
			if (event.data.type === 'progress') this.onProgress(event.data.done, event.data.total);
			else this.#pending?.(event.data);
		};
		worker.onerror = (event) => {
			event.preventDefault();
			this.#pending?.({ type: 'error', message: event.message || 'The drafting worker failed.' });
		};
		this.#worker = worker;
		this.#queue = Promise.resolve();
		this.#ready = this.#send({ type: 'load', url: this.gazetteerUrl }).then((response) => {
			if (response.type === 'error') throw new Error(response.message);
		});
		this.#ready.catch(() => this.cancel());
		return this.#ready;
	}

	#send(message: object): Promise<DraftResponse> {
		const turn = this.#queue.then(
			() =>
				new Promise<DraftResponse>((resolve) => {
					if (!this.#worker) return resolve({ type: 'error', message: 'Cancelled.' });
					this.#pending = (response) => {
						this.#pending = null;
						resolve(response);
					};
					this.#worker.postMessage(message);
				})
		);
		this.#queue = turn;
		return turn;
	}

	async draft(article: string, published: string, title: string): Promise<Draft> {
		await this.#start();
		const response = await this.#send({ type: 'draft', article, published, title });
		if (response.type === 'draft') return response.draft;
		throw new Error(response.type === 'error' ? response.message : 'unexpected answer');
	}

	async search(query: string): Promise<PlaceHit[]> {
		await this.#start();
		const response = await this.#send({ type: 'search', query });
		return response.type === 'search' ? response.hits : [];
	}

	/** Stops whatever the worker is doing; a waiting call rejects. */
	cancel(): void {
		this.#pending?.({ type: 'error', message: 'Cancelled.' });
		this.#worker?.terminate();
		this.#worker = null;
		this.#ready = null;
	}
}
