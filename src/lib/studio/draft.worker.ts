/// <reference lib="webworker" />
/**
 * The draft engine off the page's main thread: the 1 MB gazetteer is fetched and parsed here, and
 * a long article is drafted here in pieces with progress, so the studio answers input throughout.
 */
import { createDraftHandler, type DraftRequest } from '../draft/draft-handler';

declare const self: DedicatedWorkerGlobalScope;

const handle = createDraftHandler((progress) => self.postMessage(progress));

self.onmessage = async (event: MessageEvent<DraftRequest | { type: 'load'; url: string }>) => {
	const request = event.data;
	if (request.type !== 'load') {
		self.postMessage(handle(request));
		return;
	}
	try {
		const response = await fetch(request.url);
		if (!response.ok) throw new Error(`the place list answered HTTP ${response.status}`);
		self.postMessage(handle({ type: 'gazetteer', json: await response.json() }));
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		self.postMessage({ type: 'error', message: `The place list could not be loaded: ${message}` });
	}
};
